"""Arabic normalisation for matching.

News text spells the same word many ways (hamza seats, alef forms, ta marbuta, diacritics,
tatweel, two digit systems). Matching happens on a normalised copy; evidence is given as the
offsets of whole sentences in the original article, so the copy needs no map back to it.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u06e1", "\u06ed"}
_REMOVED = _DIACRITICS | {"\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"}
_TABLE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ي": "ي",
    "ئ": "ء",
    "ؤ": "ء",
    "ة": "ه",
    "ۃ": "ه",
    "ک": "ك",
    "ه": "ه",
    "۔": ".",
    "،": "،",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
}
for _i in range(10):
    _TABLE[chr(0x0660 + _i)] = str(_i)
    _TABLE[chr(0x06F0 + _i)] = str(_i)

_SPACES = re.compile(r"\s+")


def normalize_letters(text: str) -> str:
    """Normalised letter by letter, white space as written: the copy of a sentence the
    pipeline matches in (`normalize` also folds white space, for names and search)."""
    return text.translate(_TRANSLATION)


def normalize(text: str) -> str:
    """Normalised text for matching and search (whitespace folded); no offset map, so it is
    cheap enough to run over every event when a search index is prepared."""
    return _SPACES.sub(" ", text.translate(_TRANSLATION)).strip()


def _translation() -> dict[int, str | None]:
    """One table for str.translate: every character maps to one character or is removed."""
    table: dict[int, str | None] = {ord(char): None for char in _REMOVED}
    table.update({ord(char): mapped for char, mapped in _TABLE.items()})
    table.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})
    for code in range(0xFB50, 0xFF00):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = _TABLE.get(folded, folded)
    return table


_TRANSLATION = _translation()


def has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)
