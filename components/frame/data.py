"""Loading the tables readers see, cached per data version.

The data folder is NEWSDESK_DATA (default: the repo's data/), the article texts come from
NEWSDESK_CORPUS (default ../shared/corpus beside the repo, when it exists). Corrections and
lexicon rows come from the editors' store (`newsdesk.editors.desk.Desk`). The cache is keyed on the
tables' names, sizes and modification times plus the store's version number, never on
DataFrames: a rebuild or an editor's save changes the version, and every reader's next run
loads the new tables. If the store cannot be opened, the app still runs on the committed
`corrections.csv` and says why.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from newsdesk import config
from newsdesk.contract.schema import TABLES
from newsdesk.contract.tables import files_version, load_tables
from newsdesk.editors.desk import Desk
from newsdesk.pipeline import intake
from newsdesk.readers import reader_tables
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import PreparedEvents
from newsdesk.view.url_state import Vocabulary


def data_dir() -> Path:
    return config.data_dir()


def corpus_dir() -> Path | None:
    """The article texts folder, or None when there is none (the app then shows references)."""
    path = config.corpus_dir()
    return path if path.is_dir() else None


def data_version(directory: Path) -> str:
    """Changes whenever any table is rewritten."""
    return files_version(directory, (f"{name}.csv" for name in TABLES))


@dataclass(frozen=True)
class Dataset:
    """Everything a page reads. Frames are shared between runs: treat them as read-only."""

    events: PreparedEvents  # what readers see, prepared for filtering
    mentions: pd.DataFrame
    articles: pd.DataFrame
    lookups: Lookups
    vocabulary: Vocabulary
    directory: str
    version: str
    problem: str = ""  # a table could not be read: shown to the reader, the app still runs
    articles_by_id: dict[str, dict[str, str]] = field(default_factory=dict)

    def article_index(self) -> dict[str, dict[str, str]]:
        return self.articles_by_id


def _empty_tables() -> dict[str, pd.DataFrame]:
    return {
        name: pd.DataFrame({column: pd.Series(dtype="str") for column in columns})
        for name, columns in TABLES.items()
    }


def build_dataset(
    directory: str, version: str, store_version: int | None, store_problem: str
) -> Dataset:
    """Read, correct and prepare the tables of one data version: what `_load` caches, without
    the cache, so the speed benchmark (scripts/bench_scale.py) times exactly the app's path."""
    problem = store_problem
    try:
        if store_version is None:
            tables = load_tables(Path(directory))
        else:
            tables = Desk.open(Path(directory)).tables(store_version)
    except (ValueError, OSError, pd.errors.ParserError, SQLAlchemyError) as error:
        tables, problem = _empty_tables(), str(error)
    readers = reader_tables(tables)
    del tables["events"], tables["mentions"]  # prepared and reordered copies kept
    _release_free_memory()
    return Dataset(
        events=readers.events,
        mentions=readers.mentions,
        articles=tables["articles"],
        lookups=readers.lookups,
        vocabulary=readers.vocabulary,
        directory=directory,
        version=version,
        problem=problem,
        articles_by_id={row["article_id"]: row for row in tables["articles"].to_dict("records")},
    )


def _release_free_memory() -> None:
    """Hand the memory freed by loading back to the system. Reading and preparing a million
    events frees more than a gigabyte of intermediate strings, which the Arrow pool and the C
    allocator otherwise keep: the server's resident memory was 1.85 GB instead of 1.4 GB."""
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


# cache_resource, not cache_data: the prepared frame of 100,000 events would be pickled and
# copied on every rerun by cache_data (~0.5 s), while pages only read it. The key is still the
# data version, so a new build is picked up at once.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load(directory: str, version: str, store_version: int | None, store_problem: str) -> Dataset:
    return build_dataset(directory, version, store_version, store_problem)


def open_desk() -> Desk:
    """The editors' desk over the current data folder (the store is opened once per URL)."""
    return Desk.open(data_dir())


def store_version() -> tuple[int | None, str]:
    """The store's newest version, or None and the reason it cannot be read."""
    try:
        return open_desk().head(), ""
    except (SQLAlchemyError, OSError) as error:
        return None, f"The editors' store cannot be used ({type(error).__name__}): {error}"


def dataset_key() -> tuple[str, str, int | None, str]:
    """The arguments of `_load` for the current data folder and store: the cache key."""
    directory = data_dir()
    number, problem = store_version()
    return str(directory), f"{data_version(directory)}|store:{number}", number, problem


def load_dataset() -> Dataset:
    return _load(*dataset_key())


@st.cache_data(show_spinner=False, max_entries=64)
def read_article_text(corpus: str, file: str, version: str) -> str | None:
    """The text of one article as the build read it (so the evidence offsets fit), or None
    when the corpus folder no longer holds it. `version` (the file's modification time) keys
    the cache, so a changed file is read again."""
    return intake.article_text(Path(corpus), file)


def article_text(file: str) -> str | None:
    """The text of the article whose articles.csv `file` reference this is (`a.txt`,
    `pages/a.html`, `feed.jsonl#key`)."""
    corpus = corpus_dir()
    if corpus is None:
        return None
    path = intake.reference_path(corpus, file)
    version = f"{path.stat().st_mtime_ns}" if path is not None else "-"
    return read_article_text(str(corpus), file, version)
