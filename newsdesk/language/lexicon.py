"""Reading the lexicon data files.

Lexicons are data (`data/lexicon/*.csv`), so editors can teach the pipeline a new spelling
without touching code. NEWSDESK_LEXICON points the pipeline at another folder (tests use it;
see `newsdesk.config.lexicon_dir`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from newsdesk.config import lexicon_dir


def read_lexicon(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """Rows of one lexicon CSV as dicts of stripped strings."""
    path = (directory or lexicon_dir()) / name
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(stream)
        ]
