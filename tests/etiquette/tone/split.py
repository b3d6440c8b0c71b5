"""Gives each new corpus line its part; a line that has a part keeps it.

The draw into dev and held was made once, from a seeded hash of each line's
text (`part_of`), before any detector was tuned. The held-out part is closed
since: its lines are fixed in `held.lock`, and a line added later goes to the
dev part, so that writing new sentences can never change what the held-out
figures measure. Run as `python -m tests.etiquette.tone.split` after adding
lines written as `label<TAB>text`.
"""

import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).parent
PARTS = ("dev", "held")
LOCK = HERE / "held.lock"


def part_of(text: str) -> str:
    """ "dev" or "held", drawn from a hash of the text (seed 17), half and half."""
    digest = hashlib.sha256(f"17:{text}".encode()).digest()
    return PARTS[digest[0] % 2]


def held_fingerprint(path: Path) -> tuple[str, int]:
    """A SHA-256 of the held-out lines of a corpus file, in file order, and their number."""
    held = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("held\t")
    ]
    return hashlib.sha256("\n".join(held).encode()).hexdigest(), len(held)


def locked() -> dict[str, tuple[str, int]]:
    """The fingerprints written when the held-out part was closed, by file name."""
    found = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, digest, count = line.split("\t")
        found[name] = (digest, int(count))
    return found


def split(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    out, added = [], 0
    for line in lines:
        fields = line.split("\t")
        if line.startswith("#") or len(fields) == 3:
            out.append(line)
            continue
        label, text = fields
        out.append(f"dev\t{label}\t{text}")
        added += 1
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return added


def main() -> int:
    for path in sorted(HERE.glob("*.tsv")):
        print(f"{path.name}: {split(path)} new lines added to the dev part")
    return 0


if __name__ == "__main__":
    sys.exit(main())
