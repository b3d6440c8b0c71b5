# Takt: `make run` serves the demo, `make test` runs the whole suite.
VENV := .venv
BIN := $(VENV)/bin
PO := $(wildcard takt/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)
export TAKT_DATA_DIR ?= $(CURDIR)/data

.PHONY: install install-test run test test-db lint typecheck bench messages clean

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
	$(BIN)/python -m pytest

# The suite again on the PostgreSQL named by DATABASE_URL (the browser tests once is enough).
test-db: install-test
	@test -n "$$DATABASE_URL" || { echo "test-db needs DATABASE_URL=postgresql://..."; exit 2; }
	$(BIN)/python -m pytest -m "not browser"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-test
	$(BIN)/mypy takt

bench: install-test
	$(BIN)/python -m bench

# Refreshes the Swedish catalogue from the code and templates (needs GNU gettext).
messages: install
	cd takt && ../$(BIN)/django-admin makemessages -l sv --no-obsolete --settings=takt.settings \
		--pythonpath=.. -i "etiquette/*" -i "wording/*" -i "scheduling/*"
	$(MAKE) install

clean:
	rm -rf $(VENV) data test-output
