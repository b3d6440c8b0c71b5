# Takt: `make run` serves the demo, `make test` runs the whole suite.
VENV := .venv
BIN := $(VENV)/bin
PO := $(wildcard takt/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)
export TAKT_DATA_DIR ?= $(CURDIR)/data

# Test processes for pytest-xdist: one per core, measured fastest on this 2-core machine.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

.PHONY: install install-test run test test-db test-clocks lint typecheck bench tone-model messages clean

install: $(VENV)/.installed $(MO)

install-test: install $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || { py=$$(sh scripts/find-python) && $$py -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Compiled with Babel, so no system gettext is needed to install.
%.mo: %.po $(VENV)/.installed
	$(BIN)/python -m takt.i18n $< $@

run: install
	$(BIN)/takt migrate
	$(BIN)/takt demo --once
	$(BIN)/takt serve --with-worker

test: install-test
	$(PYTEST)

# The suite again on the PostgreSQL named by DATABASE_URL (the browser tests once is enough).
test-db: install-test
	@test -n "$$DATABASE_URL" || { echo "test-db needs DATABASE_URL=postgresql://..."; exit 2; }
	$(PYTEST) -m "not browser"

# The suite (browser tests aside) under four system clocks set by Debian's faketime: a DST
# gap and a DST fold in Stockholm, a year's last minute and a leap day. Each test pins "now"
# with time-machine; this catches whatever still reads the machine's clock.
CLOCKS := "2026-03-29 01:30:00" "2026-10-25 02:30:00" "2027-12-31 23:59:00" "2028-02-29 12:00:00"
test-clocks: install-test
	@command -v faketime >/dev/null || { echo "test-clocks needs faketime (apt-get install faketime)"; exit 2; }
	@failed=""; for clock in $(CLOCKS); do \
		echo "== the suite at $$clock Europe/Stockholm"; \
		TZ=Europe/Stockholm faketime "$$clock" $(PYTEST) -m "not browser" -q || failed="$$failed [$$clock]"; \
	done; \
	test -z "$$failed" || { echo "== failed at$$failed"; exit 1; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: install-test
	$(BIN)/mypy takt

bench: install-test
	$(BIN)/python -m bench

# Trains the tone model on the dev part of tests/etiquette/tone/ and writes
# takt/etiquette/tone/model.json (scikit-learn is needed here only, not to read a message).
tone-model: install-test
	$(BIN)/python -m tests.etiquette.tone.train

# Refreshes the Swedish catalogue from the code and templates (needs GNU gettext).
messages: install
	cd takt && ../$(BIN)/django-admin makemessages -l sv --no-obsolete --settings=takt.settings \
		--pythonpath=.. -i "etiquette/*" -i "wording/*" -i "scheduling/*"
	$(MAKE) install

clean:
	rm -rf $(VENV) data test-output
