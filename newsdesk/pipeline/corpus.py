"""Reading article files as a user would hope: every problem named, nothing else lost.

The app reads article text through `read_article` too, so evidence offsets computed by the
build point at the same characters the app shows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsdesk.language.arabic import has_arabic

MAX_BYTES = 2 * 1024 * 1024
_ID_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    file: str
    text: str
    sha256: str
    warning: str = ""


@dataclass(frozen=True)
class ArticleProblem:
    """A file the build skipped (`fatal`) or read with a warning, and why."""

    file: str
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        label = "skipped" if self.fatal else "warning"
        return f"{self.file}: {label}: {self.reason}"


def article_id_for(path: Path) -> str:
    """Lowercase ASCII id from the file name; non-ASCII names get a short hash."""
    stem = _ID_UNSAFE.sub("_", path.stem.lower()).strip("_")
    if not stem or stem != path.stem.lower():
        digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem}_{digest}" if stem else f"article_{digest}"
    return stem


def decode(data: bytes) -> tuple[str, str]:
    """Text and a warning; raises ValueError with the reason when it cannot be read."""
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise ValueError(
            f"not UTF-8 (invalid byte at position {utf8_error.start}) and not Windows-1256"
        ) from None
    if not has_arabic(text):
        raise ValueError(f"not UTF-8 (invalid byte at position {utf8_error.start})")
    return text, "not UTF-8; read as Windows-1256 (Arabic Windows encoding): convert it to UTF-8"


def read_article(path: Path) -> RawArticle:
    """Read and check one article file; raises ValueError with a reason a user can act on."""
    size = path.stat().st_size
    if size == 0:
        raise ValueError("empty file")
    if size > MAX_BYTES:
        raise ValueError(f"too large ({size / 1024 / 1024:.1f} MB; the limit is 2 MB)")
    data = path.read_bytes()
    text, warning = decode(data)
    if not text.strip():
        raise ValueError("file holds only white space")
    if not has_arabic(text):
        raise ValueError("no Arabic text in the file")
    return RawArticle(
        article_id=article_id_for(path),
        file=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        warning=warning,
    )


def list_corpus(corpus_dir: Path) -> list[Path]:
    return sorted(path for path in corpus_dir.glob("*.txt") if path.is_file())
