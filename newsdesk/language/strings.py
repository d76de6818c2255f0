"""The app's words in both languages: UI strings from data/ui_strings.json (translators edit
data, not code), which languages are right-to-left, and joining lists the way each language
does. Used by the pages, the exports and the editors' messages alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsdesk.config import UI_STRINGS_PATH

LANGS: tuple[str, ...] = ("en", "ar")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "ar": "العربية"}


@dataclass(frozen=True)
class Strings:
    """UI strings of both languages, from data/ui_strings.json (translators edit data)."""

    table: Mapping[str, Mapping[str, str]]

    def t(self, lang: str, key: str, **values: object) -> str:
        """The string for `key` in `lang` (English, then the key itself, if missing)."""
        text = self.table.get(lang, {}).get(key) or self.table.get(DEFAULT_LANG, {}).get(key)
        if text is None:
            return key
        return text.format(**values) if values else text


@lru_cache(maxsize=4)
def load_strings(path: Path = UI_STRINGS_PATH) -> Strings:
    with path.open(encoding="utf-8") as stream:
        return Strings(json.load(stream))


def is_rtl(lang: str) -> bool:
    return lang == "ar"


def isolate(text: str) -> str:
    """Wrap left-to-right bits (file names, ids) so Arabic text around them cannot reorder
    them (Unicode first-strong isolate); harmless in English."""
    return f"\u2068{text}\u2069" if text else text


def list_join(items: Sequence[str], lang: str) -> str:
    """`a, b and c` / `a وb وc`-style joining that reads naturally in each language."""
    items = [item for item in items if item]
    if not items:
        return ""
    if lang == "ar":
        return "، ".join(items)
    return ", ".join(items)
