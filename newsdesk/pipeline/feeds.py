"""Reading a scraper feed: a `.jsonl` file, one article per line, in the field names common
scrapers and exports use.

| what | fields, the first one present wins |
|---|---|
| text | `text`, `maintext` |
| title | `title` |
| publication date | `published`, `date`, `date_publish`, `published_at` (ISO 8601) |
| web address | `url` |
| outlet | `outlet`, `sitename`, `source`, `source_domain` (a name before a bare domain) |

A bad line is reported with its line number and skipped; the other lines are still read. An
article's id and reference are made from its web address (or, without one, its text), never
from its line number, so appending lines to a feed, or dropping old ones, changes no id.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from newsdesk.pipeline.corpus import (
    ArticleProblem,
    FileReading,
    RawArticle,
    article_id_for,
    check_text,
    metadata_date,
    web_address,
)
from newsdesk.pipeline.duplicates import identity

TEXT_FIELDS = ("text", "maintext")
DATE_FIELDS = ("published", "date", "date_publish", "published_at")
OUTLET_FIELDS = ("outlet", "sitename", "source", "source_domain")
REFERENCE_MARK = "#"  # `feed.jsonl#<id part>`: the reference articles.csv keeps


def feed_reference(relative: str, key: str) -> str:
    return f"{relative}{REFERENCE_MARK}{key}"


def read_feed(corpus_dir: Path, relative: str) -> FileReading:
    """Every readable line's article, and a problem for each line that is not one."""
    reading = FileReading()
    try:
        data = (corpus_dir / relative).read_bytes()
        lines = data.decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error)
        reading.problems.append(ArticleProblem(relative, reason))
        return reading
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            reading.articles.append(_article(json.loads(line), relative, number))
        except json.JSONDecodeError as error:
            reason = f"invalid JSON ({error.msg}, column {error.colno})"
            reading.problems.append(ArticleProblem(relative, reason, True, number))
        except ValueError as error:
            reading.problems.append(ArticleProblem(relative, str(error), True, number))
    if not reading.articles and not reading.problems:
        reading.problems.append(ArticleProblem(relative, "no articles: the file is empty"))
    return reading


def _article(record: object, relative: str, line: int) -> RawArticle:
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {type(record).__name__}")
    text = _first_text(record, TEXT_FIELDS)
    if not text:
        raise ValueError(f"no text (none of {', '.join(TEXT_FIELDS)})")
    check_text(text, "the line's text")
    warnings: list[str] = []
    published = None
    date = next((record[name] for name in DATE_FIELDS if record.get(name) not in (None, "")), None)
    if date is not None:
        try:
            published = metadata_date(date)
        except ValueError as error:
            warnings.append(f"{error}: the date is left to the text")
    url = ""
    if raw_url := _first_text(record, ("url",)):
        try:
            url = web_address(raw_url)
        except ValueError as error:
            warnings.append(f"url {error}: left out")
    article = RawArticle(
        article_id="",
        file="",
        text=text,
        kind="jsonl",
        path=relative,
        line=line,
        title=_first_text(record, ("title",)).strip(),
        url=url,
        outlet=_outlet(record),
        published=published,
        warnings=tuple(warnings),
    )
    key = identity(article)
    return replace(
        article, article_id=f"{article_id_for(relative)}-{key}", file=feed_reference(relative, key)
    )


def _first_text(record: dict, fields: tuple[str, ...]) -> str:
    """The first of the fields that holds a non-empty string (numbers and lists are not text)."""
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _outlet(record: dict) -> str:
    """The outlet's name; a `source` given as an object (`{"id": ..., "name": ...}`, as news
    APIs export it) gives its name."""
    for name in OUTLET_FIELDS:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""
