"""Reading each format the build takes: saved pages (text without clutter, each metadata form),
feed lines (both field styles, stable ids, bad lines named by line), text files, and the values
every reader checks the same way (dates, addresses)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from intake_fixtures import (
    BLINKEN_CALL,
    BRUSSELS,
    CLUTTER,
    FEED_OTHER_NAMES,
    FEED_STYLE_A,
    FEED_STYLE_B,
    MACRON_CALL,
    PAGE_JSON_LD,
    PAGE_META,
    PAGE_TIME,
    SOCHI_2022,
    TRILATERAL,
    jsonl,
    page,
    write,
)
from newsdesk.pipeline.corpus import metadata_date, web_address
from newsdesk.pipeline.feeds import read_feed
from newsdesk.pipeline.saved_pages import read_saved_page


def one_page(tmp_path, html: str):
    write(tmp_path, "page.html", html)
    reading = read_saved_page(tmp_path, "page.html")
    assert not reading.problems, [str(p) for p in reading.problems]
    (article,) = reading.articles
    return article


def test_a_page_with_meta_tags_gives_its_date_site_address_and_title(tmp_path):
    article = one_page(tmp_path, PAGE_META)
    assert article.published == dt.date(2021, 1, 11)  # the page's own day, not UTC's
    assert article.outlet == "موقع المثال"  # og:site_name
    assert article.url == "https://www.example.org/news/kremlin-trilateral"  # canonical
    assert article.title == TRILATERAL[0]
    assert (article.kind, article.file, article.article_id) == ("html", "page.html", "page")


def test_a_page_with_json_ld_only_gives_its_date_publisher_and_main_entity_address(tmp_path):
    article = one_page(tmp_path, PAGE_JSON_LD)
    assert article.published == dt.date(2022, 4, 6)
    assert article.outlet == "أخبار المثال"
    assert article.url == "https://example.net/eu/brussels-talks"  # mainEntityOfPage's @id
    assert article.title == BRUSSELS[0]


def test_a_page_dated_by_time_element_takes_its_site_name_from_the_title_tag(tmp_path):
    article = one_page(tmp_path, PAGE_TIME)
    assert article.published == dt.date(2020, 10, 2)
    assert article.outlet == "نشرة المثال"  # `headline :: site` in <title>
    assert article.url == ""  # the page gives none; nothing is made up
    assert article.title == MACRON_CALL[0]


def test_site_name_before_the_headline_in_the_title_tag(tmp_path):
    html = page("<title>نشرة المثال - بوتين يجمع علييف وباشينيان</title>", TRILATERAL)
    assert one_page(tmp_path, html).outlet == "نشرة المثال"


@pytest.mark.parametrize("html", [PAGE_META, PAGE_JSON_LD, PAGE_TIME], ids=["meta", "ld", "time"])
def test_page_clutter_is_not_article_text(tmp_path, html):
    """Menus, tickers, most-read and read-also lists, share and tag boxes, the sign-up form,
    the footer and the cookie notice are all around the story; only the story is read."""
    article = one_page(tmp_path, html)
    story = next(s for s in (TRILATERAL, BRUSSELS, MACRON_CALL) if s[0] == article.title)
    for paragraph in story[1]:
        assert paragraph in article.text
    leaked = [line for line in CLUTTER if line in article.text]
    assert not leaked


def test_a_page_without_a_dated_tag_is_left_to_its_text(tmp_path):
    """htmldate's extensive search would make 1 January 2021 of the footer's `© 2021`; a
    publication date is right or absent, so the page has none and the dateline decides."""
    dateline = ("قمة في الكرملين", ["موسكو، 11 كانون الثاني/يناير 2021 — " + TRILATERAL[1][0]])
    article = one_page(tmp_path, page("<title>قمة في الكرملين</title>", dateline))
    assert article.published is None
    assert "موسكو، 11 كانون الثاني/يناير 2021" in article.text


@pytest.mark.parametrize(
    "html, reason",
    [
        (
            "<html><body><nav><a href='/'>الرئيسية</a></nav><footer>جميع الحقوق محفوظة</footer>"
            "</body></html>",
            "no article text found in the page",
        ),
        ("", "empty file"),
        (page("<title>x</title>", ("Summit", ["The leaders met today. " * 5])), "no Arabic"),
    ],
    ids=["only-chrome", "empty", "not-arabic"],
)
def test_a_page_with_no_article_text_is_named(tmp_path, html, reason):
    write(tmp_path, "pages/bad.html", html)
    reading = read_saved_page(tmp_path, "pages/bad.html")
    assert reading.articles == []
    (problem,) = reading.problems
    assert reason in problem.reason
    assert str(problem).startswith("pages/bad.html: skipped: ")


def test_feed_lines_in_both_field_styles(tmp_path):
    write(tmp_path, "feed.jsonl", jsonl(FEED_STYLE_A, FEED_STYLE_B, FEED_OTHER_NAMES))
    reading = read_feed(tmp_path, "feed.jsonl")
    assert not reading.problems
    a, b, c = reading.articles
    assert (a.text, a.title, a.published) == (
        SOCHI_2022,
        FEED_STYLE_A["title"],
        dt.date(2022, 10, 31),
    )
    assert (a.outlet, a.url) == ("example.org", FEED_STYLE_A["url"])  # source_domain
    assert (b.text, b.published, b.outlet) == (BLINKEN_CALL, dt.date(2023, 10, 5), "أخبار المثال")
    assert (c.published, c.outlet, c.url, c.title) == (
        dt.date(2021, 11, 26),
        "وكالة المثال",
        "",
        "",
    )
    assert [x.source for x in (a, b, c)] == ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3"]
    assert {x.kind for x in (a, b, c)} == {"jsonl"}


def test_feed_ids_follow_the_article_not_its_line(tmp_path):
    """Appending lines, or a scraper rotating old ones out, changes no article's id or
    reference, so events and corrections keep pointing at the same article."""
    write(tmp_path, "feed.jsonl", jsonl(FEED_STYLE_A, FEED_STYLE_B))
    before = {x.text: (x.article_id, x.file) for x in read_feed(tmp_path, "feed.jsonl").articles}
    write(tmp_path, "feed.jsonl", jsonl(FEED_OTHER_NAMES, FEED_STYLE_B, FEED_STYLE_A))
    after = {x.text: (x.article_id, x.file) for x in read_feed(tmp_path, "feed.jsonl").articles}
    assert {text: after[text] for text in before} == before
    assert len(set(after.values())) == 3
    for article_id, file in after.values():
        assert article_id.startswith("feed-") and file.startswith("feed.jsonl#")
        assert article_id.isascii() and article_id == article_id.lower()


def test_bad_feed_lines_are_named_by_line_and_the_others_are_read(tmp_path):
    lines = jsonl(
        FEED_STYLE_A,
        '{"title": "سطر مقطوع", "text": "أجرى الرئيس',
        {"title": "عنوان بلا نص", "url": "https://example.org/empty"},
        [FEED_STYLE_B],
        {**FEED_STYLE_B, "date": "الخميس الخامس من أكتوبر"},
        {**FEED_STYLE_B, "text": "The ministers met in Brussels today.", "url": ""},
        {**FEED_STYLE_B, "url": "blinken-aliyev-call.html"},
    )
    write(tmp_path, "news/feed.jsonl", lines.replace("\n", "\n\n", 1))  # a blank line 2
    reading = read_feed(tmp_path, "news/feed.jsonl")
    messages = [str(p) for p in reading.problems]
    assert messages[0].startswith("news/feed.jsonl:3: skipped: invalid JSON")
    assert messages[1] == "news/feed.jsonl:4: skipped: no text (none of text, maintext)"
    assert messages[2] == "news/feed.jsonl:5: skipped: not a JSON object but list"
    assert messages[3] == "news/feed.jsonl:7: skipped: no Arabic text in the line's text"
    assert len(messages) == 4
    good, undated, no_url = reading.articles
    assert good.source == "news/feed.jsonl:1" and good.published == dt.date(2022, 10, 31)
    # an unreadable date or address loses only that value, with a warning naming the line
    assert (undated.line, undated.published, undated.url) == (6, None, FEED_STYLE_B["url"])
    assert "unreadable date 'الخميس الخامس من أكتوبر'" in undated.warnings[0]
    assert (no_url.line, no_url.url, no_url.published) == (8, "", dt.date(2023, 10, 5))
    assert "is not a web address" in no_url.warnings[0]


def test_a_feed_that_is_not_utf8_or_empty_is_named(tmp_path):
    (tmp_path / "old.jsonl").write_bytes(
        json.dumps({"text": "نص"}, ensure_ascii=False).encode("cp1256")
    )
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    assert [str(p) for p in read_feed(tmp_path, "old.jsonl").problems] == [
        "old.jsonl: skipped: not UTF-8"
    ]
    assert [str(p) for p in read_feed(tmp_path, "empty.jsonl").problems] == [
        "empty.jsonl: skipped: no articles: the file is empty"
    ]


@pytest.mark.parametrize(
    "value, day",
    [
        ("2020-10-28", dt.date(2020, 10, 28)),
        ("2020-10-28 23:40:00", dt.date(2020, 10, 28)),
        ("2020-10-28T01:10:00+04:00", dt.date(2020, 10, 28)),  # 27 October in UTC
        ("2020-10-28T23:10:00Z", dt.date(2020, 10, 28)),
        ("2020-10-28T23:10:00.123-05:00", dt.date(2020, 10, 28)),
    ],
)
def test_metadata_dates_are_the_day_they_were_written_with(value, day):
    assert metadata_date(value) == day


@pytest.mark.parametrize("value", ["28/10/2020", "2020-13-01", "yesterday", "1603900000", ""])
def test_an_unreadable_metadata_date_says_what_it_was(value):
    with pytest.raises(ValueError, match="unreadable date"):
        metadata_date(value)


@pytest.mark.parametrize("value", ["example.org/a", "ftp://example.org/a", "/news/a", "n/a"])
def test_an_address_must_be_a_web_address(value):
    with pytest.raises(ValueError, match="not a web address"):
        web_address(value)
