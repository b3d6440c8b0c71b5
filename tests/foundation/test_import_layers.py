"""The import contracts in pyproject.toml (run by `make lint`) catch what they are there for.

Each test lints a copy of the takt sources with a few wrong imports planted in it, so the
contracts are shown to break, not only to be kept by today's code.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

# Wrong imports to plant, by file.
PLANTED = {
    "takt/etiquette/_probe.py": "import django\n",
    # An optional pure package is held to the contract as soon as it exists.
    "takt/replies/__init__.py": "import django.db\n",
    "takt/scheduling/_probe.py": "from takt.core import models\n",
    "takt/outbox/_probe.py": "import takt.calendars\n",
    # An import inside a function still counts: it cannot hide a cycle.
    "takt/core/_ping.py": "def ping():\n    from takt.core import _pong\n",
    "takt/core/_pong.py": "from takt.core import _ping\n",
}

# What lint-imports says about them, one line each.
REPORTED = [
    "takt.etiquette._probe -> django",
    "takt.replies -> django",
    "takt.scheduling._probe -> takt.core.models",
    "takt.outbox._probe -> takt.calendars",
    "No cycles are allowed in takt.core.",
]


def _sources(into: Path) -> Path:
    shutil.copytree(
        ROOT / "takt",
        into / "takt",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "*.mo"),
    )
    shutil.copy(ROOT / "pyproject.toml", into)
    return into


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    tree = _sources(tmp_path_factory.mktemp("planted"))
    for path, code in PLANTED.items():
        (tree / path).parent.mkdir(exist_ok=True)
        (tree / path).write_text(code)
    return _lint(tree)


def test_the_sources_as_they_are_keep_every_contract(tmp_path: Path) -> None:
    result = _lint(_sources(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_planted_imports_break_the_contracts(
    planted: subprocess.CompletedProcess[str],
) -> None:
    assert planted.returncode == 1, planted.stdout + planted.stderr
    assert "3 broken" in planted.stdout


@pytest.mark.parametrize("reported", REPORTED)
def test_each_planted_import_is_named(
    planted: subprocess.CompletedProcess[str], reported: str
) -> None:
    assert reported in planted.stdout, planted.stdout
