"""The small Arabic word sets the rules use (`data/lexicon/word_classes.csv`).

Each row names its class, the word, a value where the class carries one (an ordinal's day, a
relative word's shift) and why the word is there. Words are written in ordinary spelling and
normalised here as text is, so `أوائل` matches what the text normaliser makes of it. The
clitics and pronoun suffixes the matchers strip are the language's morphology, not word lists,
and stay beside the code that strips them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsdesk.language.arabic import normalize
from newsdesk.language.lexicon import read_lexicon

FILE = "word_classes.csv"


@cache
def _classes() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_lexicon(FILE):
        table[row["class"]][normalize(row["word_ar"])] = row["value"]
    return dict(table)


def words(name: str) -> frozenset[str]:
    """The normalised words of a class; a class the file lacks is an error, not an empty set."""
    return frozenset(valued(name))


def valued(name: str) -> dict[str, str]:
    """The normalised words of a class with their values."""
    try:
        return _classes()[name]
    except KeyError:
        raise KeyError(f"{FILE} has no word class {name!r}") from None
