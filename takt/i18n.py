"""Compiles the .po translations to .mo with Babel, so installing needs no system gettext."""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent / "locale"


def compile_po(po_path: Path, mo_path: Path) -> None:
    with po_path.open("rb") as source:
        catalog = read_po(source)
    with mo_path.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)


def compile_all() -> None:
    for po_path in LOCALE.glob("*/LC_MESSAGES/*.po"):
        compile_po(po_path, po_path.with_suffix(".mo"))


if __name__ == "__main__":
    if len(sys.argv) == 3:
        compile_po(Path(sys.argv[1]), Path(sys.argv[2]))
    else:
        compile_all()
