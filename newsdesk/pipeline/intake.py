"""The corpus folder in, the articles to extract out: every file read by the reader of its
format, the manifests' metadata laid over what the files say, each article once.

| file | read by | articles |
|---|---|---|
| `*.txt` | `text_files` | one |
| `*.html`, `*.htm` | `saved_pages` | one |
| `*.jsonl` | `feeds` | one per line |
| `manifest.csv` | `manifest` | none: metadata for the files beside it |

Folders are read to any depth, in name order; hidden files and folders (`.git`) are passed
over, and files of other kinds are listed as ignored. An article's `file` reference (kept in
articles.csv) finds it again: `article_text` reads that one file through the same reader, so
the app shows exactly the text the build extracted and evidence offsets point at the same
characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath

from newsdesk.pipeline.corpus import ArticleProblem, FileReading, RawArticle
from newsdesk.pipeline.duplicates import drop_duplicates
from newsdesk.pipeline.feeds import REFERENCE_MARK, read_feed
from newsdesk.pipeline.manifest import MANIFEST_NAME, ManifestRow, apply_manifest, read_manifest
from newsdesk.pipeline.saved_pages import read_saved_page
from newsdesk.pipeline.text_files import read_text_file

Reader = Callable[[Path, str], FileReading]
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".html": read_saved_page,
    ".htm": read_saved_page,
    ".jsonl": read_feed,
}
FEED_SUFFIXES = frozenset({".jsonl"})
Mapper = Callable[[Callable, Iterable], Iterable]


@dataclass
class Intake:
    """What the corpus folder gave: the articles to extract, every problem, and the files of
    other kinds that were passed over."""

    articles: list[RawArticle]
    problems: list[ArticleProblem]
    ignored: list[str]


def read_corpus(corpus_dir: Path, mapper: Mapper = map) -> Intake:
    """Read the folder; `mapper` reads the files (the build passes a process pool's map)."""
    files, manifests, ignored = corpus_files(corpus_dir)
    readings = list(mapper(partial(read_file, corpus_dir), files))
    articles = [article for reading in readings for article in reading.articles]
    problems = [problem for reading in readings for problem in reading.problems]
    describable = frozenset(f for f in files if not is_feed(f))
    rows: dict[str, ManifestRow] = {}
    for manifest in manifests:
        found, manifest_problems = read_manifest(corpus_dir, manifest, describable)
        rows.update((row.path, row) for row in found)
        problems.extend(manifest_problems)
    articles = [apply_manifest(a, rows[a.path]) if a.path in rows else a for a in articles]
    articles, duplicates = drop_duplicates(articles)
    return Intake(unique_ids(articles), problems + duplicates, ignored)


def corpus_files(corpus_dir: Path) -> tuple[list[str], list[str], list[str]]:
    """Article files, manifests and other files of the folder, as sorted posix paths."""
    articles: list[str] = []
    manifests: list[str] = []
    ignored: list[str] = []
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.name.lower() == MANIFEST_NAME:
            manifests.append(relative.as_posix())
        elif path.suffix.lower() in READERS:
            articles.append(relative.as_posix())
        else:
            ignored.append(relative.as_posix())
    return articles, manifests, ignored


def read_file(corpus_dir: Path, relative: str) -> FileReading:
    """The articles of one file of the folder, by the reader of its format."""
    return READERS[PurePosixPath(relative).suffix.lower()](corpus_dir, relative)


def is_feed(relative: str) -> bool:
    return PurePosixPath(relative).suffix.lower() in FEED_SUFFIXES


def unique_ids(articles: list[RawArticle]) -> list[RawArticle]:
    """Two files may give the same id (`A.txt` and `a.txt`, `a.txt` and `a.html`): the later
    ones, in reading order, get `-2`, `-3`."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        seen[article.article_id] = seen.get(article.article_id, 0) + 1
        count = seen[article.article_id]
        new_id = f"{article.article_id}-{count}" if count > 1 else article.article_id
        unique.append(replace(article, article_id=new_id))
    return unique


def reference_path(corpus_dir: Path, reference: str) -> Path | None:
    """The file an article's reference names (a feed's, for `feed.jsonl#key`), when it is a
    readable file inside the corpus folder; None otherwise."""
    name, _, key = reference.rpartition(REFERENCE_MARK)
    if not key or not is_feed(name):
        name = reference
    relative = PurePosixPath(name)
    if not name or relative.is_absolute() or ".." in relative.parts or "\\" in name:
        return None
    if relative.suffix.lower() not in READERS:
        return None
    path = corpus_dir / relative
    return path if path.is_file() else None


def article_text(corpus_dir: Path, reference: str) -> str | None:
    """Exactly the text the build extracted for the article with this `file` reference, or
    None when the folder no longer holds it."""
    path = reference_path(corpus_dir, reference)
    if path is None:
        return None
    reading = read_file(corpus_dir, path.relative_to(corpus_dir).as_posix())
    return next((a.text for a in reading.articles if a.file == reference), None)
