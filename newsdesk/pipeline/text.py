"""Article text: scraping debris, paragraphs and sentences with offsets into the original.

Offsets always refer to the article exactly as read from disk, so the app can highlight the
evidence in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsdesk.language.arabic import has_arabic, normalize_letters
from newsdesk.language.lexicon import read_lexicon

_SENTENCE_END = re.compile(r'(?<=[.!?؟])["”»)]?\s+')
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{2,}")
# A headline has words; a line of fewer is a label or a date line (`٢١ سبتمبر ٢٠٢٣`).
HEADLINE_MIN_WORDS = 3


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the article and a normalised copy for matching."""

    index: int
    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True)
class Article:
    article_id: str
    file: str
    text: str
    sentences: tuple[Sentence, ...]
    debris: tuple[tuple[int, int], ...]


@cache
def _debris_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row["pattern"], re.IGNORECASE) for row in read_lexicon("debris.csv"))


def is_debris(line: str) -> bool:
    return any(pattern.search(line) for pattern in _debris_patterns())


def headline(text: str) -> str:
    """The first substantial line that is not page debris: the title of an article that came
    without one (a text file, a feed line without `title`), never its file name."""
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if len(_ARABIC_WORD.findall(line)) >= HEADLINE_MIN_WORDS and not is_debris(line):
            return line
    return ""


def split_article(article_id: str, file: str, text: str) -> Article:
    """Split into sentences, dropping debris lines and a title repeated on the next line."""
    sentences: list[Sentence] = []
    debris: list[tuple[int, int]] = []
    seen_lines: set[str] = set()
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(raw_line)
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            continue
        if is_debris(stripped) or not has_arabic(stripped):
            debris.append((line_start, line_start + len(line)))
            continue
        if stripped in seen_lines:
            debris.append((line_start, line_start + len(line)))
            continue
        seen_lines.add(stripped)
        for start, end in _sentence_spans(line):
            chunk = line[start:end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=line_start + start,
                    end=line_start + end,
                    text=chunk,
                    norm=normalize_letters(chunk),
                )
            )
    return Article(article_id, file, text, tuple(sentences), tuple(debris))


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        spans.append((start, match.start() + len(match.group(0).rstrip())))
        start = match.end()
    spans.append((start, len(line)))
    return [(s + _lead_ws(line[s:e]), e) for s, e in spans if line[s:e].strip()]


def _lead_ws(chunk: str) -> int:
    return len(chunk) - len(chunk.lstrip())
