"""The Sources page shows each article's text with its evidence marked, whatever format it came
in, on the shipped data with its corpus and on a folder of every format built here: the page
reads the text through the build's own reader, so the marks fall on the evidence."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pagerun import REPO, html_of, run_page

from intake_fixtures import every_format
from newsdesk.config import corpus_dir
from newsdesk.pipeline.build import run_build, write_tables
from newsdesk.pipeline.gazetteer import load_gazetteer

_MARK = re.compile(r"<mark[^>]*>(.*?)</mark>", re.DOTALL)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def marked_evidence(article_id: str, data: Path) -> list[str]:
    """The passages the Sources page marks in one article's text."""
    at = run_page("sources", {"article": article_id})
    assert not at.exception, [e.value for e in at.exception]
    return _MARK.findall(html_of(at))


@pytest.fixture
def every_format_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = every_format(tmp_path / "corpus")
    write_tables(run_build(corpus), tmp_path / "data", load_gazetteer())
    monkeypatch.setenv("NEWSDESK_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSDESK_CORPUS", str(corpus))
    return tmp_path / "data"


def test_evidence_is_marked_in_pages_feed_lines_and_text_files(every_format_data: Path) -> None:
    articles = rows(every_format_data / "articles.csv")
    kinds = {row["file"].split("/")[0].split("#")[0] for row in articles}
    assert kinds == {"pages", "feed.jsonl", "texts"}
    for row in articles:
        marks = marked_evidence(row["article_id"], every_format_data)
        assert marks, row["file"]


@pytest.mark.skipif(not corpus_dir().is_dir(), reason="the corpus folder is not beside the repo")
def test_evidence_is_marked_on_the_shipped_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_DATA", str(REPO / "data"))
    monkeypatch.setenv("NEWSDESK_CORPUS", str(corpus_dir()))
    mentions = rows(REPO / "data" / "mentions.csv")
    for row in rows(REPO / "data" / "articles.csv"):
        own = [m for m in mentions if m["article_id"] == row["article_id"]]
        marks = marked_evidence(row["article_id"], REPO / "data")
        assert len(marks) == len({(m["start"], m["end"]) for m in own}), row["file"]
