"""The development set of arriving formats (tests/formats_dev: saved pages, a feed, text files
with a manifest, written by someone who saw no code) built as a corpus: every article gets the
metadata the gold gives it, no page clutter gets into any article's text, and events are found.

Extraction rules are not tuned on this set; it checks reading, not extracting.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from lxml import html

from newsdesk.pipeline.build import BuildResult, run_build
from newsdesk.pipeline.intake import read_corpus

FOLDER = Path(__file__).resolve().parent / "formats_dev"
GOLD = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))

# What a page shows around its story, by this test's own reading of HTML (not the reader's
# rules): navigation and links, lists, controls, footers, side columns, and boxes whose class or
# id says cookie notice, ticker, share, tags, related or popular stories, newsletter or menu.
CHROME = (
    "//nav | //aside | //footer | //form | //header[not(ancestor::article)] | //a | //li"
    " | //button | //label | //*[@class or @id][re:test(concat(@class, ' ', @id), "
    "'cookie|gdpr|consent|ticker|breaking|urgent|share|social|tags|keywords|related|popular"
    "|newsletter|menu|footer', 'i')]"
)
REGEXP = {"re": "http://exslt.org/regular-expressions"}
# What the brief calls clutter, by the words sites label it with
MARKERS = ("الأكثر قراءة", "أخبار ذات صلة", "جميع الحقوق محفوظة", "الكوكيز", "ملفات تعريف الارتباط")


@cache
def built() -> BuildResult:
    return run_build(FOLDER)


@cache
def rows_by_source() -> dict[str, dict[str, str]]:
    """The build's articles.csv rows by where the gold finds them (`feed.jsonl:3`)."""
    reference = {article.file: article.source for article in read_corpus(FOLDER).articles}
    return {reference[row["file"]]: row for row in built().articles}


@cache
def texts_by_source() -> dict[str, str]:
    return {article.source: article.text for article in read_corpus(FOLDER).articles}


def test_every_gold_article_is_read_without_problems():
    assert sorted(rows_by_source()) == sorted(item["source"] for item in GOLD)
    assert [str(p) for p in built().problems] == []
    assert built().formats == {"html": 8, "jsonl": 8, "txt": 8}


@pytest.mark.parametrize("item", GOLD, ids=[item["source"] for item in GOLD])
def test_the_metadata_is_the_gold_s(item):
    row = rows_by_source()[item["source"]]
    assert (row["published"], row["published_basis"]) == (item["published"], "metadata")
    assert row["title"] == item["title"]
    assert row["url"] == (item["url"] or "")
    assert row["outlet"] == item["outlet"]
    assert row["flags"] == ""  # the two datelines in the set agree with the metadata


@pytest.mark.parametrize("page", sorted((FOLDER / "pages").glob("*.html")), ids=lambda p: p.name)
def test_no_page_clutter_in_the_article_text(page):
    text = texts_by_source()[f"pages/{page.name}"]
    tree = html.parse(str(page)).getroot()
    chrome = {
        " ".join(element.text_content().split())
        for element in tree.xpath(CHROME, namespaces=REGEXP)
    }
    lines = [" ".join(line.removeprefix("- ").split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    leaked = [line for line in lines if any(line in box for box in chrome)]
    assert not leaked  # a tag may repeat words of the story; no line may come from the chrome
    assert not [marker for marker in MARKERS if marker in text]
    assert not [line for line in text.splitlines() if line.startswith("- ")]  # list items


def test_events_are_found_in_every_article():
    with_events = {mention.article_id for mention in built().mentions}
    assert {row["article_id"] for row in built().articles} == with_events
    assert len(built().records) >= len(GOLD)
