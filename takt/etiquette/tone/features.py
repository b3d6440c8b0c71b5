"""What the tone model sees in one sentence: word pieces, words, word pairs, and meaning.

The same function makes the features when the model is trained and when a
message is read, so the two can never drift apart. Character pieces (three to
five letters, a word's edges marked by a space) let the model recognise a word
it has seen in another form or with a typo ("oprofesionella", "unproffesional").
The lexicon's tags (`lexicon.py`) add what the words mean: a negative word
said of the reader ("L you -"), a negated positive one ("L not +"), a question
put to the reader ("L you ?"); these carry over to words the corpus never had.
"""

from takt.etiquette.tone.normal import QUESTION

SMALLEST, LARGEST = 3, 5
START = "^"
_NEAR = 3  # words between a negation and what it negates


def pieces(word: str) -> set[str]:
    """The character pieces of one word."""
    padded = f" {word} "
    return {
        padded[at : at + size]
        for size in range(SMALLEST, LARGEST + 1)
        for at in range(max(1, len(padded) - size + 1))
    }


def word_features(words: list[str], tags: list[set[str]]) -> list[set[str]]:
    """The features each word of a sentence brings, given each word's lexicon tags."""
    every = set().union(*tags) if tags else set()
    if QUESTION in words:
        every.add(QUESTION)
    found = []
    before = START
    for at, word in enumerate(words):
        own = pieces(word) | {f"w {word}", f"b {before} {word}"}
        for tag in tags[at]:
            own.add(f"L {tag}")
            for other in ("you", "self", "not", "but", QUESTION):
                if other in every and other != tag:
                    own.add(f"L {other} {tag}")
        for judgement in ("-", "+"):
            if judgement in tags[at] and any("not" in t for t in tags[max(0, at - _NEAR) : at]):
                own.add(f"L not> {judgement}")
        found.append(own)
        before = word
    return found


def features(words: list[str], tags: list[set[str]]) -> set[str]:
    """The features of one sentence, given its words in normal form (`normal.py`) and tags."""
    return set().union(*word_features(words, tags))
