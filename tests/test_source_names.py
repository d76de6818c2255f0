"""How a source is named for readers (newsdesk.view.source_names): outlet, headline, date and
link in both languages, whatever of them articles.csv lacks, never the file name; everything
escaped, only http(s) addresses linked, Latin and Arabic names isolated from each other."""

from __future__ import annotations

import pytest

from newsdesk.view.source_names import address_html, name_source, source_record, web_address

FSI, PDI = "\u2068", "\u2069"
FULL = {
    "article_id": "000_4bce278aacf59529",
    "file": "000_4bce278aacf59529.txt",
    "outlet": "TASS",
    "title": "بوتين يستقبل علييف",
    "url": "https://tass.example/ar/7?a=1&b=2",
    "published": "2021-07-20",
    "published_basis": "metadata",
    "n_chars": "2259",
}


def article(**changes: str) -> dict[str, str]:
    return {**FULL, **changes}


def test_a_full_source_in_english() -> None:
    named = name_source(FULL, "en")
    assert named.text == f"{FSI}TASS{PDI}: “{FSI}بوتين يستقبل علييف{PDI}” (20 July 2021)"
    assert named.url == "https://tass.example/ar/7?a=1&b=2"
    assert named.inline_html == (
        "<span class='nd-source'>"
        '<a href="https://tass.example/ar/7?a=1&amp;b=2" target="_blank" rel="noopener">'
        "<bdi class='nd-outlet'>TASS</bdi>: “<bdi>بوتين يستقبل علييف</bdi>”</a> "
        "<span class='nd-source-date'>(20 July 2021)</span></span>"
    )
    assert named.html == named.inline_html  # a link: nothing to add


def test_a_full_source_in_arabic_keeps_the_latin_outlet_isolated() -> None:
    named = name_source(FULL, "ar")
    assert named.text == f"{FSI}TASS{PDI}: «{FSI}بوتين يستقبل علييف{PDI}» (20 تموز/يوليو 2021)"
    assert "<bdi class='nd-outlet'>TASS</bdi>: «<bdi>بوتين يستقبل علييف</bdi>»</a>" in named.html
    assert "(20 تموز/يوليو 2021)" in named.html


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_never_the_file_name_nor_the_id(lang: str) -> None:
    for row in (
        FULL,
        article(outlet=""),
        article(title=""),
        article(outlet="", title=""),
        article(outlet="", title="", url="", published=""),
        None,
    ):
        named = name_source(row, lang)
        for shown in (named.text, named.html, named.inline_html):
            assert "000_4bce" not in shown and ".txt" not in shown and "2259" not in shown


@pytest.mark.parametrize(
    ("changes", "lang", "text"),
    [
        ({"title": ""}, "en", f"{FSI}TASS{PDI} (20 July 2021)"),
        ({"outlet": ""}, "en", f"“{FSI}بوتين يستقبل علييف{PDI}” (20 July 2021)"),
        ({"published": ""}, "en", f"{FSI}TASS{PDI}: “{FSI}بوتين يستقبل علييف{PDI}”"),
        ({"published": "2021-02-30"}, "en", f"{FSI}TASS{PDI}: “{FSI}بوتين يستقبل علييف{PDI}”"),
        ({"outlet": "", "title": ""}, "en", "An article of 20 July 2021"),
        ({"outlet": "", "title": ""}, "ar", "مقال نُشر في 20 تموز/يوليو 2021"),
        ({"outlet": "", "title": "", "published": ""}, "en", "An article of unknown date"),
        ({"outlet": "", "title": "", "published": ""}, "ar", "مقال غير معروف التاريخ"),
    ],
)
def test_what_is_missing_is_left_out(changes: dict[str, str], lang: str, text: str) -> None:
    assert name_source(article(**changes), lang).text == text


def test_an_article_the_table_lacks_and_a_row_of_nan() -> None:
    assert name_source(None, "en").text == "An article of unknown date"
    nan = float("nan")
    row = {"outlet": nan, "title": nan, "url": nan, "published": "2020-11-10"}
    assert name_source(row, "en").text == "An article of 10 November 2020"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_link_is_said_plainly_and_not_inside_a_sentence(lang: str) -> None:
    named = name_source(article(url=""), lang)
    assert named.url == "" and "<a " not in named.html
    note = {"en": "no link to this article", "ar": "لا رابط لهذا المقال"}[lang]
    assert named.html.endswith(f"<span class='nd-ref nd-no-link'>· {note}</span>")
    assert note not in named.inline_html


def test_a_neutral_name_is_the_link_when_there_is_nothing_else() -> None:
    named = name_source(article(outlet="", title=""), "en")
    link = '<a href="https://tass.example/ar/7?a=1&amp;b=2" target="_blank" rel="noopener">'
    # capitalised where it stands alone, not inside a sentence
    assert named.html == f"<span class='nd-source'>{link}An article of 20 July 2021</a></span>"
    assert named.inline_html == (
        f"<span class='nd-source'>{link}an article of 20 July 2021</a></span>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "//tass.example/a",
        "/ar/7",
        "tass.example/ar/7",
        "https://",
        "http:///x",
        "https://tass.example/a b",
        "https://tass.example/\u0000x",
        "ftp://tass.example/a",
        "https://[bad",
    ],
)
def test_only_web_addresses_become_links(url: str) -> None:
    assert web_address(url) == ""
    named = name_source(article(url=url), "en")
    assert named.url == "" and "<a " not in named.html and "href" not in named.html
    assert "javascript" not in named.html.lower() and "data:" not in named.html
    assert source_record(article(url=url))["url"] is None
    assert address_html(url) == ""


@pytest.mark.parametrize(
    "url", ["https://tass.example/a", "HTTP://TASS.EXAMPLE/A?x=1", " https://tass.example/ "]
)
def test_web_addresses_are_kept(url: str) -> None:
    assert web_address(url) == url.strip()


def test_everything_from_the_table_is_escaped() -> None:
    hostile = article(
        outlet="<script>alert(1)</script>",
        title='"><img src=x onerror=alert(1)>',
        url='https://tass.example/"><script>alert(1)</script>',
    )
    named = name_source(hostile, "en")
    for shown in (named.html, named.inline_html):
        assert "<script>" not in shown and "<img" not in shown
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
        assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in shown
    # the address stays one attribute: its quote cannot close href
    assert 'href="https://tass.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in (
        named.html
    )
    assert named.html.count('"') == 6  # href, target and rel: three quoted attributes


def test_the_address_shown_as_itself_is_left_to_right() -> None:
    assert address_html("https://tass.example/a?x=1&y=<2>") == (
        '<a class="nd-address" href="https://tass.example/a?x=1&amp;y=&lt;2&gt;" '
        'target="_blank" rel="noopener"><bdi dir=\'ltr\'>'
        "https://tass.example/a?x=1&amp;y=&lt;2&gt;</bdi></a>"
    )


def test_exports_get_the_source_as_data() -> None:
    assert source_record(FULL) == {
        "outlet": "TASS",
        "title": "بوتين يستقبل علييف",
        "url": "https://tass.example/ar/7?a=1&b=2",
        "published": "2021-07-20",
    }
    assert source_record(article(outlet="", title="", url="", published="x")) == {
        "outlet": None,
        "title": None,
        "url": None,
        "published": None,
    }
