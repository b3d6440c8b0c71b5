"""Where the word lists live, and the common words that tell Swedish from English."""

from functools import cache
from pathlib import Path

WORDS = Path(__file__).parent.parent / "words"


@cache
def common_words(lang: str) -> frozenset[str]:
    """Short, frequent words that nearly always tell the two languages apart."""
    lines = (WORDS / f"common.{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines for word in line.split("#", 1)[0].split())
