"""Gives each new corpus line its part, dev or held, once; a line that has a part keeps it.

Run as `python -m tests.etiquette.tone.split` after adding lines written as
`label<TAB>text`. The draw is seeded by the text itself, so the same line
always lands in the same part and no earlier line ever moves.
"""

import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).parent
PARTS = ("dev", "held")


def part_of(text: str) -> str:
    """ "dev" or "held", drawn from a hash of the text (seed 17), half and half."""
    digest = hashlib.sha256(f"17:{text}".encode()).digest()
    return PARTS[digest[0] % 2]


def split(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    out, added = [], 0
    for line in lines:
        fields = line.split("\t")
        if line.startswith("#") or len(fields) == 3:
            out.append(line)
            continue
        label, text = fields
        out.append(f"{part_of(text)}\t{label}\t{text}")
        added += 1
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return added


def main() -> int:
    for path in sorted(HERE.glob("*.tsv")):
        print(f"{path.name}: {split(path)} new lines given a part")
    return 0


if __name__ == "__main__":
    sys.exit(main())
