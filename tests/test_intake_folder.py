"""A corpus folder of every format read as one: manifests laid over what files say, each
article once, every problem named with its file and line, references that find the text again,
and what the build and the evaluation make of it."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from intake_fixtures import (
    BLINKEN_CALL,
    FEED_OTHER_NAMES,
    FEED_STYLE_A,
    FEED_STYLE_B,
    MANIFEST,
    PAGE_META,
    SOCHI_2022,
    TEXT_FILE,
    every_format,
    jsonl,
    write,
)
from newsdesk.cli import main
from newsdesk.contract import schema
from newsdesk.pipeline.build import run_build
from newsdesk.pipeline.duplicates import url_key
from newsdesk.pipeline.evaluate import evaluate_corpus
from newsdesk.pipeline.intake import article_text, read_corpus, reference_path


def by_source(folder: Path):
    return {article.source: article for article in read_corpus(folder).articles}


def test_the_manifest_gives_a_text_file_its_metadata(tmp_path):
    article = by_source(every_format(tmp_path))["texts/erdogan.txt"]
    assert (article.outlet, article.title) == ("جريدة المثال", "أردوغان وعلييف")
    assert (article.url, article.published.isoformat()) == (
        "https://example.org/turkey/erdogan-aliyev",
        "2020-10-05",
    )


def test_the_manifest_wins_over_what_a_page_says_and_empty_cells_say_nothing(tmp_path):
    every_format(tmp_path)
    write(tmp_path, "pages/manifest.csv", "file,published,outlet,url\nmeta.html,2021-01-12,,\n")
    article = by_source(tmp_path)["pages/meta.html"]
    assert article.published.isoformat() == "2021-01-12"  # the page says the 11th
    assert article.outlet == "موقع المثال"  # the manifest's cell is empty: the page's stays
    assert article.url == "https://www.example.org/news/kremlin-trilateral"


def test_bad_manifest_rows_are_named_by_line_and_the_good_ones_apply(tmp_path):
    every_format(tmp_path)
    write(
        tmp_path,
        "texts/manifest.csv",
        MANIFEST
        + "missing.txt,2020-10-06,,,,\n"
        + "\n"
        + "erdogan.txt,2020-10-07,,,,\n"
        + ",2020-10-08,,,,\n"
        + "../pages/meta.html,2020-10-09,,,,\n",
    )
    write(
        tmp_path, "pages/manifest.csv", "file,published,url\nmeta.html,11/01/2021,www.example.org\n"
    )
    write(tmp_path, "feeds/manifest.csv", "name,published\nfeed.jsonl,2021-01-01\n")
    intake = read_corpus(tmp_path)
    assert sorted(str(p) for p in intake.problems) == [
        "feeds/manifest.csv:1: skipped: no 'file' column in the header",
        "pages/manifest.csv:2: warning: meta.html: unreadable date '11/01/2021' (expected ISO "
        "8601, e.g. 2020-10-28 or 2020-10-28T19:40:00+03:00): not applied",
        "pages/manifest.csv:2: warning: meta.html: url 'www.example.org' is not a web address "
        "(http:// or https://): not applied",
        "texts/manifest.csv:3: skipped: 'missing.txt' is not in the folder (no such article file)",
        "texts/manifest.csv:5: skipped: 'erdogan.txt' was already described on line 2",
        "texts/manifest.csv:6: skipped: no file named in the 'file' column",
        "texts/manifest.csv:7: skipped: '../pages/meta.html' is not a file name beside the manifest",
    ]
    articles = {a.source: a for a in intake.articles}
    assert articles["texts/erdogan.txt"].published.isoformat() == "2020-10-05"  # line 2's
    assert articles["pages/meta.html"].published.isoformat() == "2021-01-11"  # the page's own
    assert len(intake.articles) == 7  # nothing else is lost


def test_a_manifest_row_for_a_feed_is_refused(tmp_path):
    write(tmp_path, "feed.jsonl", jsonl(FEED_STYLE_A))
    write(tmp_path, "manifest.csv", "file,outlet\nfeed.jsonl,المثال\n")
    intake = read_corpus(tmp_path)
    assert [str(p) for p in intake.problems] == [
        "manifest.csv:2: skipped: 'feed.jsonl' is a feed: its lines carry their own metadata"
    ]
    assert intake.articles[0].outlet == "example.org"


def test_the_same_article_twice_is_read_once_and_the_copy_is_named(tmp_path):
    """Same address however it is spelled (scheme, www, slash, tracking), or same text however
    it is spaced: the first in reading order is kept."""
    write(tmp_path, "a.jsonl", jsonl(FEED_STYLE_A))
    copy_by_url = {
        **FEED_STYLE_B,
        "text": SOCHI_2022.replace("اليوم", "يوم"),
        "url": "http://www.EXAMPLE.org/2022/10/31/sochi/?utm_source=feed#top",
    }
    copy_by_text = {**FEED_STYLE_B, "text": BLINKEN_CALL.replace(" ", "  \n", 3), "url": ""}
    write(tmp_path, "b.jsonl", jsonl(FEED_STYLE_B, copy_by_url, copy_by_text))
    write(tmp_path, "c.txt", BLINKEN_CALL + "\n")
    intake = read_corpus(tmp_path)
    assert [a.source for a in intake.articles] == ["a.jsonl:1", "b.jsonl:1"]
    assert [str(p) for p in intake.problems] == [
        "b.jsonl:2: skipped: the same article as a.jsonl:1 (same URL)",
        "b.jsonl:3: skipped: the same article as b.jsonl:1 (same text)",
        "c.txt: skipped: the same article as b.jsonl:1 (same text)",
    ]


@pytest.mark.parametrize(
    "one, other",
    [
        ("https://example.org/a/b", "http://www.example.org/a/b/"),
        ("https://example.org/a?id=3&x=1", "https://example.org/a?x=1&id=3&fbclid=zz"),
        ("https://example.org/%D8%AE%D8%A8%D8%B1", "https://example.org/خبر"),
    ],
)
def test_addresses_that_name_one_page(one, other):
    assert url_key(one) == url_key(other)


def test_addresses_that_name_two_pages():
    assert url_key("https://example.org/a?id=3") != url_key("https://example.org/a?id=4")
    assert url_key("https://example.org/a") != url_key("https://example.net/a")


def test_two_files_with_one_name_get_two_ids(tmp_path):
    write(tmp_path, "a.txt", TEXT_FILE)
    write(tmp_path, "a.html", PAGE_META)
    ids = {a.path: a.article_id for a in read_corpus(tmp_path).articles}
    assert ids == {"a.html": "a", "a.txt": "a-2"}


def test_every_reference_finds_exactly_the_text_the_build_read(tmp_path):
    """What the app shows must be the build's text, character for character, or evidence
    offsets would mark the wrong words."""
    folder = every_format(tmp_path / "corpus")
    assert main(["build", "--corpus", str(folder), "--out", str(tmp_path / "data")]) == 0
    with (tmp_path / "data" / "articles.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    with (tmp_path / "data" / "mentions.csv").open(encoding="utf-8") as stream:
        mentions = list(csv.DictReader(stream))
    assert len(rows) == 7 and mentions
    for row in rows:
        text = article_text(folder, row["file"])
        assert text is not None, row["file"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == row["sha256"]
        assert str(len(text)) == row["n_chars"]
    texts = {row["article_id"]: article_text(folder, row["file"]) for row in rows}
    for mention in mentions:
        evidence = texts[mention["article_id"]][int(mention["start"]) : int(mention["end"])]
        assert evidence.strip() and "\n" not in evidence


@pytest.mark.parametrize(
    "reference",
    ["../corpus/feed.jsonl", "/etc/passwd", "feed.jsonl#nosuchkey", "pages/none.html", "x.pdf"],
)
def test_a_reference_outside_the_folder_or_to_nothing_finds_nothing(tmp_path, reference):
    folder = every_format(tmp_path / "corpus")
    assert article_text(folder, reference) is None


def test_a_feed_reference_names_the_feed_file(tmp_path):
    folder = every_format(tmp_path)
    article = by_source(folder)["feed.jsonl:2"]
    assert reference_path(folder, article.file) == folder / "feed.jsonl"
    assert article_text(folder, article.file) == BLINKEN_CALL


def test_the_build_keeps_every_articles_metadata(tmp_path):
    rows = {row["file"]: row for row in run_build(every_format(tmp_path)).articles}
    page = rows["pages/meta.html"]
    assert (page["title"], page["outlet"], page["published_basis"]) == (
        "بوتين يجمع علييف وباشينيان في الكرملين",
        "موقع المثال",
        "metadata",
    )
    assert page["url"] == "https://www.example.org/news/kremlin-trilateral"
    feed = next(
        row for file, row in rows.items() if file.startswith("feed.jsonl#") and row["url"] == ""
    )
    assert feed["outlet"] == "وكالة المثال" and feed["title"].startswith("التقى الرئيس الروسي")
    assert {row["published_basis"] for row in rows.values()} == {"metadata"}


def test_a_text_file_without_metadata_is_named_by_its_headline_and_outlet(tmp_path):
    """Its title is the first substantial line that is not debris (not `scroll to top`, the
    image's name or the date line), and its outlet the one the text names; never the file."""
    write(tmp_path, "x_2020_10.txt", TEXT_FILE)
    (row,) = run_build(tmp_path).articles
    assert row["title"] == "أردوغان يبحث مع علييف التطورات في قره باغ"
    assert row["outlet"] == "Anadolu Agency"
    assert (row["url"], row["published"], row["published_basis"]) == ("", "2020-10-05", "stated")


def test_a_metadata_date_the_dateline_contradicts_is_kept_and_flagged(tmp_path):
    write(tmp_path, "erdogan.txt", TEXT_FILE)
    write(tmp_path, "manifest.csv", "file,published\nerdogan.txt,2020-10-06\n")
    result = run_build(tmp_path)
    (row,) = result.articles
    assert (row["published"], row["published_basis"]) == ("2020-10-06", "metadata")
    assert row["flags"] == "dateline_differs"
    assert set(row["flags"].split(";")) <= set(schema.ARTICLE_FLAGS)
    assert [str(p) for p in result.problems] == [
        "erdogan.txt: warning: the dateline says 2020-10-05, the metadata 2020-10-06: "
        "the metadata's date is kept"
    ]
    write(tmp_path, "manifest.csv", "file,published\nerdogan.txt,2020-10-05\n")
    assert run_build(tmp_path).articles[0]["flags"] == ""


def test_the_build_reports_problems_formats_and_date_bases(tmp_path, capsys):
    folder = every_format(tmp_path / "corpus")
    write(folder, "feed.jsonl", jsonl(FEED_STYLE_A, "{oops", FEED_STYLE_B, FEED_OTHER_NAMES))
    write(folder, "pages/empty.html", "<html><body></body></html>")
    assert main(["build", "--corpus", str(folder), "--out", str(tmp_path / "data")]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines()[:2] == [
        "feed.jsonl:2: skipped: invalid JSON (Expecting property name enclosed in double "
        "quotes, column 2)",
        "pages/empty.html: skipped: no article text found in the page",
    ]
    out = captured.out.splitlines()
    assert (
        out[0]
        == "read 7 articles (3 saved pages, 3 feed lines, 1 text files); 2 skipped, 0 warnings"
    )
    assert out[1] == "ignored 1 files of other kinds: README.md"
    assert out[2] == (
        "publication dates: 7 from metadata, 0 from a dateline, 0 inferred from the text, "
        "0 none; 0 with a dateline that differs from the metadata (dateline_differs)"
    )


def test_evaluate_finds_gold_articles_by_source_and_measures_the_text_alone(tmp_path):
    folder = every_format(tmp_path / "corpus")
    gold = [
        {
            "source": "pages/meta.html",
            "published": "2021-01-11",
            "events": [
                {
                    "date": "2021-01-11",
                    "type": "meeting",
                    "participants": ["putin", "aliyev", "pashinyan"],
                }
            ],
        },
        {
            "source": "feed.jsonl:2",
            "published": "2023-10-05",
            "events": [
                {"date": "2023-10-05", "type": "call", "participants": ["blinken", "aliyev"]}
            ],
        },
        {
            "source": "texts/erdogan.txt",
            "published": "2020-10-05",
            "events": [
                {"date": "2020-10-05", "type": "call", "participants": ["erdogan", "aliyev"]}
            ],
        },
    ]
    write(folder, "gold.json", json.dumps(gold, ensure_ascii=False))
    report = evaluate_corpus(folder, folder / "gold.json")
    assert (report.published_ok, report.published_wrong, report.published_absent) == (3, 0, 0)
    assert sum(report.tp.values()) == 3 and not report.fn
    alone = evaluate_corpus(folder, folder / "gold.json", text_only=True)
    # the page and the feed line print no date: the text alone cannot date them exactly
    assert alone.published_ok == 1  # the text file's dateline
    assert alone.published_wrong + alone.published_absent == 2


def test_evaluate_names_a_gold_source_that_is_not_an_article(tmp_path):
    folder = every_format(tmp_path / "corpus")
    write(folder, "feed.jsonl", jsonl(FEED_STYLE_A, "{oops"))
    write(folder, "gold.json", json.dumps([{"source": "feed.jsonl:2", "events": []}]))
    with pytest.raises(FileNotFoundError, match=r"feed.jsonl:2: skipped: invalid JSON"):
        evaluate_corpus(folder, folder / "gold.json")
