"""A newsroom's own list of its files: `manifest.csv` beside the articles it describes.

Columns: `file` (the name of an article file in the manifest's own folder) and any of
`published` (ISO 8601 date or date-time), `url`, `outlet`, `title`; other columns are left
alone. What the manifest says wins over what a file says about itself (a page's meta tags):
the newsroom knows its own articles. An empty cell says nothing, so the file's own value stays.

A manifest describes files of one article each (`.txt`, `.html`); a feed's lines carry their
own metadata. Each row that cannot be used is reported with the manifest's line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from newsdesk.pipeline.corpus import ArticleProblem, RawArticle, metadata_date, web_address

MANIFEST_NAME = "manifest.csv"
FIELDS = ("published", "url", "outlet", "title")


@dataclass(frozen=True)
class ManifestRow:
    """What one row says about one file (its path in the corpus folder)."""

    path: str
    manifest: str
    line: int
    published: dt.date | None = None
    url: str = ""
    outlet: str = ""
    title: str = ""


def read_manifest(
    corpus_dir: Path, relative: str, describable: frozenset[str]
) -> tuple[list[ManifestRow], list[ArticleProblem]]:
    """The usable rows of one manifest, and a problem for each row that is not. `describable`:
    the corpus folder's files a manifest may describe (posix paths)."""
    try:
        text = (corpus_dir / relative).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error)
        return [], [ArticleProblem(relative, reason)]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    if "file" not in header:
        return [], [ArticleProblem(relative, "no 'file' column in the header", line=1)]
    folder = PurePosixPath(relative).parent
    rows: list[ManifestRow] = []
    problems: list[ArticleProblem] = []
    seen: dict[str, int] = {}
    line = reader.line_num
    for cells in reader:  # blank lines come as [], so each row's first line is known
        start, line = line + 1, reader.line_num
        values = {key: value.strip() for key, value in zip(header, cells, strict=False) if key}
        row, row_problems = _row(values, folder, relative, start, describable, seen)
        problems.extend(row_problems)
        if row is not None:
            seen[row.path] = start
            rows.append(row)
    return rows, problems


def _row(
    values: dict[str, str],
    folder: PurePosixPath,
    manifest: str,
    line: int,
    describable: frozenset[str],
    seen: dict[str, int],
) -> tuple[ManifestRow | None, list[ArticleProblem]]:
    def problem(reason: str, fatal: bool = True) -> ArticleProblem:
        return ArticleProblem(manifest, reason, fatal, line)

    name = values.get("file", "")
    if not any(values.values()):
        return None, []
    if not name:
        return None, [problem("no file named in the 'file' column")]
    if "/" in name or "\\" in name:
        return None, [problem(f"{name!r} is not a file name beside the manifest")]
    path = (folder / name).as_posix()
    if PurePosixPath(name).suffix.lower() == ".jsonl":
        return None, [problem(f"{name!r} is a feed: its lines carry their own metadata")]
    if path not in describable:
        return None, [problem(f"{name!r} is not in the folder (no such article file)")]
    if path in seen:
        return None, [problem(f"{name!r} was already described on line {seen[path]}")]
    problems: list[ArticleProblem] = []
    published, url = None, ""
    if values.get("published"):
        try:
            published = metadata_date(values["published"])
        except ValueError as error:
            problems.append(problem(f"{name}: {error}: not applied", fatal=False))
    if values.get("url"):
        try:
            url = web_address(values["url"])
        except ValueError as error:
            problems.append(problem(f"{name}: url {error}: not applied", fatal=False))
    row = ManifestRow(
        path=path,
        manifest=manifest,
        line=line,
        published=published,
        url=url,
        outlet=values.get("outlet", ""),
        title=values.get("title", ""),
    )
    return row, problems


def apply_manifest(article: RawArticle, row: ManifestRow) -> RawArticle:
    """The article with every field the row gives replaced by the row's."""
    given = {name: getattr(row, name) for name in FIELDS if getattr(row, name)}
    return replace(article, **given)
