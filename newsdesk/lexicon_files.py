"""Where the lexicon data files live and how they are read.

Lexicons are data (`data/lexicon/*.csv`), so editors can teach the pipeline a new spelling
without touching code. NEWSDESK_LEXICON points the pipeline at another folder (tests use it).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LEXICON_DIR = REPO_ROOT / "data" / "lexicon"


def lexicon_dir() -> Path:
    return Path(os.environ.get("NEWSDESK_LEXICON", DEFAULT_LEXICON_DIR))


def read_lexicon(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """Rows of one lexicon CSV as dicts of stripped strings."""
    path = (directory or lexicon_dir()) / name
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(stream)
        ]
