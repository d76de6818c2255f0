"""Reading one `.txt` article: the text as it is in the file, decoded as the build and the app
both decode it, so evidence offsets point at the same characters in each.

A text file carries no metadata of its own: its title and outlet come from the text at
extraction, or from a manifest beside it (`manifest`).
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.language.arabic import has_arabic
from newsdesk.pipeline.corpus import (
    MAX_BYTES,
    FileReading,
    RawArticle,
    check_text,
    file_article,
    read_one_article,
)


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


def read_text_file(corpus_dir: Path, relative: str) -> FileReading:
    """One article from one text file, or the reason there is none."""
    return read_one_article(corpus_dir, relative, MAX_BYTES, _article)


def _article(data: bytes, relative: str) -> RawArticle:
    text, warning = decode(data)
    check_text(text)
    return file_article(relative, text, "txt", warnings=(warning,) if warning else ())
