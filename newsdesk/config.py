"""Where things are: the repository's folders and every environment variable the code reads.

Each setting is a function, read when it is called, so a test or a server started with another
environment sees its own folders. Nothing else in the package reads `os.environ` or works out
the repository's root.

| variable | what | default |
|---|---|---|
| NEWSDESK_DATA | the event tables the app reads and the build writes | `data/` |
| NEWSDESK_CORPUS | the articles: the build's input, the texts the app shows | `../shared/corpus` |
| NEWSDESK_LEXICON | the pipeline's word lists | `data/lexicon/` |
| NEWSDESK_GEO | the map layers | `data/geo/` |
| NEWSDESK_DB_URL | SQLAlchemy URL of the editors' store | SQLite file in the data folder |
| NEWSDESK_EDITORS | editors and argon2 hashes, `name:hash;name:hash` | none |
| BROWSER_PATH | the browser kaleido draws PNG files with (kaleido's own variable) | found on PATH |
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
UI_STRINGS_PATH = DATA_DIR / "ui_strings.json"

DATA_ENV = "NEWSDESK_DATA"
CORPUS_ENV = "NEWSDESK_CORPUS"
LEXICON_ENV = "NEWSDESK_LEXICON"
GEO_ENV = "NEWSDESK_GEO"
DB_URL_ENV = "NEWSDESK_DB_URL"
EDITORS_ENV = "NEWSDESK_EDITORS"
BROWSER_ENV = "BROWSER_PATH"

STORE_FILE = "store.sqlite"


def _setting(name: str) -> str:
    return os.environ.get(name, "").strip()


def data_dir() -> Path:
    """The event tables: NEWSDESK_DATA, or the repository's data/ folder."""
    return Path(_setting(DATA_ENV) or DATA_DIR)


def corpus_dir() -> Path:
    """The article files: NEWSDESK_CORPUS, or `shared/corpus` beside the repository (which
    may not exist: callers that only show texts check)."""
    return Path(_setting(CORPUS_ENV) or REPO_ROOT.parent / "shared" / "corpus")


def lexicon_dir() -> Path:
    """The pipeline's word lists: NEWSDESK_LEXICON, or data/lexicon/."""
    return Path(_setting(LEXICON_ENV) or DATA_DIR / "lexicon")


def geo_dir() -> Path:
    """The map layers: NEWSDESK_GEO, or the committed data/geo/."""
    return Path(_setting(GEO_ENV) or DATA_DIR / "geo")


def store_url(data: Path) -> str:
    """The editors' store: NEWSDESK_DB_URL, or a SQLite file in the data folder."""
    return _setting(DB_URL_ENV) or f"sqlite:///{(Path(data) / STORE_FILE).resolve()}"


def editors_setting() -> str:
    """NEWSDESK_EDITORS as set (`name:hash;name:hash`), or ""."""
    return _setting(EDITORS_ENV)


def browser_setting() -> str:
    """BROWSER_PATH as set, or "": the browser kaleido should use for PNG files."""
    return _setting(BROWSER_ENV)
