"""The raw article every reader of the corpus folder produces, and what all of them share.

Articles arrive as text files, saved web pages and scraper feeds (`text_files`, `saved_pages`,
`feeds`); each reader gives the same record, so the build, the evaluation and the app treat an
article alike whatever it came in. Problems are reported, never raised past the reader: every
bad file or line is named (with its line where it has one) and the rest is still read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from newsdesk.contract import schema
from newsdesk.language.arabic import has_arabic

# One article's text: a text file, or the text of one feed line. A real report is some tens of
# kilobytes; more is a dump or a wrong file, which would only slow the build down.
MAX_BYTES = 2 * 1024 * 1024
_ID_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before extraction: its text and the metadata it arrived with."""

    article_id: str
    file: str  # what articles.csv keeps, for finding the text again (see `intake.article_text`)
    text: str
    kind: str = "txt"  # the format it came in: txt, html or jsonl
    path: str = ""  # the file in the corpus folder (posix, relative); `file` for one-article files
    line: int | None = None  # its line, in a feed
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None  # the metadata's publication date
    warnings: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        """Of the text, UTF-8: what articles.csv keeps to tell an edited text."""
        return text_sha256(self.text)

    @property
    def source(self) -> str:
        """Where a person finds it: `pages/x.html`, `feed.jsonl:3` (the gold files' `source`)."""
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class ArticleProblem:
    """A file or line the build skipped (`fatal`) or read with a warning, and why."""

    file: str
    reason: str
    fatal: bool = True
    line: int | None = None

    def __str__(self) -> str:
        label = "skipped" if self.fatal else "warning"
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {label}: {self.reason}"


@dataclass
class FileReading:
    """What one file gave: its articles (none, one, or a feed's many) and its problems."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[ArticleProblem] = field(default_factory=list)


def read_one_article(
    corpus_dir: Path, relative: str, limit: int, read: Callable[[bytes, str], RawArticle]
) -> FileReading:
    """A file that holds one article (a text file, a saved page), read by `read` from its bytes,
    or the reason there is none. The size is checked before the file is read, so an empty file
    or a dump far larger than any report is named without loading it."""
    path = corpus_dir / relative
    try:
        size = path.stat().st_size
        if size == 0:
            raise ValueError("empty file")
        if size > limit:
            raise ValueError(
                f"too large ({size / 1024 / 1024:.1f} MB; the limit is {limit // 1024 // 1024} MB)"
            )
        article = read(path.read_bytes(), relative)
    except (OSError, ValueError) as error:
        return FileReading(problems=[ArticleProblem(relative, str(error))])
    return FileReading(articles=[article])


def file_article(relative: str, text: str, kind: str, **metadata) -> RawArticle:
    """An article that is a whole file (a text file, a saved page): its id, its reference in
    articles.csv and its path all come from the file's name."""
    return RawArticle(
        article_id=article_id_for(relative),
        file=relative,
        text=text,
        kind=kind,
        path=relative,
        **metadata,
    )


def article_id_for(relative: str) -> str:
    """Lowercase ASCII id from the file's path in the corpus folder: folders and name joined
    with `-`, without the extension (`texts/a.txt` -> `texts-a`), so an id stays the same for as
    long as the file keeps its name; names that are not plain ASCII get a short hash."""
    path = PurePosixPath(relative)
    name = "-".join((*path.parent.parts, path.stem)).lower()
    stem = _ID_UNSAFE.sub("_", name).strip("_")
    if not stem or stem != name:
        digest = hashlib.sha1(relative.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem}_{digest}" if stem else f"article_{digest}"
    return stem


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_text(text: str, whose: str = "the file") -> None:
    """Raises ValueError with the reason when a text cannot be an article of this corpus."""
    if not text.strip():
        raise ValueError(f"{whose} holds only white space")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"{whose} is too large (the limit is {MAX_BYTES // 1024 // 1024} MB)")
    if not has_arabic(text):
        raise ValueError(f"no Arabic text in {whose}")


def metadata_date(value: object) -> dt.date:
    """The date part of an ISO 8601 date or date-time, as written: a date-time's own day, not
    the day in UTC, since a page's `2020-10-11T01:30+03:00` was published on the 11th where it
    was written. Raises ValueError naming the value when it is not one."""
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(
            f"unreadable date {text!r} (expected ISO 8601, e.g. 2020-10-28 or "
            "2020-10-28T19:40:00+03:00)"
        ) from None


def web_address(value: object) -> str:
    """The URL as given, when it is a web address (http or https, with a host); raises
    ValueError otherwise, so a file name or a note in a URL column is reported, not kept."""
    text = str(value).strip()
    if not schema.web_address(text):
        raise ValueError(f"{text!r} is not a web address (http:// or https://)")
    return text
