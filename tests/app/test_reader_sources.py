"""Readers see sources, not files: every reader page, in both languages, names an article by
outlet, headline and date with a link to its address, and never shows its file name, its id
or character offsets (those are for the Editors page). A source without headline, outlet or
address reads sensibly; addresses are escaped and only web addresses become links."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fixtures import (
    ARTICLES,
    CONFLICT_EVENT,
    MEETING_2021,
    MENTIONS,
    NOT_A_LINK,
    XSS_EVENT,
    sentence_span,
)
from pagerun import READER_PAGES, RunPage, html_of, run_page, texts_of
from streamlit.testing.v1 import AppTest
from test_app_pages import assert_clean

FSI, PDI = "\u2068", "\u2069"
OFFENSIVE_2023 = "ev-fx-hostilities-2023-09-19"  # reported only by fx_005: no outlet, no headline
TASS_URL = "https://tass.example/ar/world/1001?section=caucasus&lang=ar"
TASS_HREF = 'href="https://tass.example/ar/world/1001?section=caucasus&amp;lang=ar"'
SPUTNIK_HREF = 'href="https://sputnik.example/ar/20201110/peacekeepers.html"'
TASS_TITLE = ARTICLES["fx_001"].title
NO_LINK = {"en": "no link to this article", "ar": "لا رابط لهذا المقال"}


def evidence_spans() -> list[tuple[int, int]]:
    return [sentence_span(ARTICLES[article].text, marker) for _, article, marker, *_ in MENTIONS]


def offsets() -> list[str]:
    """Every evidence span of the fixture as a reader would see it written ("12–97")."""
    return [f"{start}{dash}{end}" for start, end in evidence_spans() for dash in ("–", "-", " - ")]


def table_offsets(at: AppTest) -> list[str]:
    """Offsets shown as table cells of their own (the old "start"/"end" columns); numbers
    under 10 are left out, as a count of events could be one."""
    numbers = {str(n) for span in evidence_spans() for n in span if n >= 10}
    columns = [str(c) for frame in at.dataframe for c in frame.value.columns]
    return [c for c in columns if c.lower() in ("start", "end")] + [
        str(cell)
        for frame in at.dataframe
        for cell in frame.value.astype(str).to_numpy().ravel()
        if str(cell) in numbers
    ]


def everything_shown(at: AppTest) -> str:
    """All a reader can read on the run: HTML blocks, markdown, captions, notices, link labels,
    expander labels, select box options and every table's headers and cells."""
    parts = [html_of(at), texts_of(at)]
    parts += [expander.label for expander in at.expander]
    for box in at.selectbox:
        parts += [str(option) for option in box.options]
    for frame in at.dataframe:
        table: pd.DataFrame = frame.value
        parts += [str(column) for column in table.columns]
        parts += [str(cell) for cell in table.astype(str).to_numpy().ravel()]
    return "\n".join(parts)


def assert_no_files_nor_offsets(shown: str, where: str) -> None:
    for article_id, article in ARTICLES.items():
        assert article.file not in shown, (where, article.file)
        assert article_id not in shown, (where, article_id)
    assert ".txt" not in shown, where
    for words in ("characters", "الأحرف", "offset"):
        assert words not in shown, (where, words)
    for span in offsets():
        assert span not in shown, (where, span)


READER_VIEWS = (
    [(name, {}) for name in READER_PAGES]
    + [
        ("events", {"status": "any"}),  # every card, its sources and notes
        ("events", {"event": CONFLICT_EVENT}),  # the note on sources that disagree
        ("events", {"event": XSS_EVENT}),
        ("events", {"event": OFFENSIVE_2023}),
        ("timeline", {"event": CONFLICT_EVENT}),
        ("map", {"sel": "place:lachin"}),
        ("story", {"period": "war2020", "event": CONFLICT_EVENT}),
    ]
    + [("sources", {"article": article_id}) for article_id in ARTICLES]
)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_reader_page_shows_a_file_name_or_an_offset(page: RunPage, lang: str) -> None:
    for name, params in READER_VIEWS:
        at = page(name, {**params, "lang": lang})
        assert_clean(at)
        assert_no_files_nor_offsets(everything_shown(at), f"{name} {params}")
        assert not table_offsets(at), (name, params)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_without_the_texts_no_page_falls_back_to_files(
    page: RunPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    monkeypatch.setenv("NEWSDESK_CORPUS", str(tmp_path / "absent"))
    for name, params in READER_VIEWS:
        at = run_page(name, {**params, "lang": lang})
        assert_clean(at)
        assert_no_files_nor_offsets(everything_shown(at), f"{name} {params} without texts")
        assert not table_offsets(at), (name, params)


def test_card_sources_name_outlet_headline_date_and_link(page: RunPage) -> None:
    at = page("events", {"event": CONFLICT_EVENT})
    sources = [b for b in html_of(at).split("<div") if "class='nd-meta nd-source-line'" in b]
    assert len(sources) == 2
    tass, sputnik = sources
    assert f'<a {TASS_HREF} target="_blank" rel="noopener">' in tass
    assert f"<bdi class='nd-outlet'>TASS</bdi>: “<bdi>{TASS_TITLE}</bdi>”</a>" in tass
    assert "(10 November 2020)" in tass and NO_LINK["en"] not in tass
    # no headline: the outlet is the link
    assert f"<a {SPUTNIK_HREF} " in sputnik
    assert "<bdi class='nd-outlet'>Sputnik</bdi></a>" in sputnik and "“" not in sputnik
    assert "<mark>" in html_of(at)  # the evidence, marked in its text


def test_the_conflict_note_names_each_source_with_its_date(page: RunPage) -> None:
    for lang, says in (("en", " says "), ("ar", " يذكر ")):
        at = page("events", {"event": CONFLICT_EVENT, "lang": lang})
        (note,) = [b for b in html_of(at).split("<li>") if "nd-source" in b]
        tass = note.index("TASS")
        sputnik = note.index("Sputnik")
        nine = {"en": "9 November 2020", "ar": "9 تشرين الثاني/نوفمبر 2020"}[lang]
        ten = {"en": "10 November 2020", "ar": "10 تشرين الثاني/نوفمبر 2020"}[lang]
        # "TASS: “…” (10 November 2020) says 10 November 2020; Sputnik (…) says 9 November"
        assert tass < note.index(f"{says}{ten}") < sputnik < note.index(f"{says}{nine}")
        assert TASS_HREF in note and SPUTNIK_HREF in note
        assert {"en": f"“<bdi>{TASS_TITLE}</bdi>”", "ar": f"«<bdi>{TASS_TITLE}</bdi>»"}[
            lang
        ] in note


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_source_with_no_outlet_headline_or_link_reads_sensibly(page: RunPage, lang: str) -> None:
    at = page("events", {"event": OFFENSIVE_2023, "lang": lang})
    html = html_of(at)
    phrase = {"en": "An article of 21 September 2023", "ar": "مقال نُشر في 21 أيلول/سبتمبر 2023"}
    assert f"<span class='nd-source'>{phrase[lang]}</span>" in html
    assert f"· {NO_LINK[lang]}</span>" in html
    at = page("sources", {"article": "fx_005", "lang": lang})
    assert phrase[lang] in [str(option) for option in at.selectbox(key="w_article").options]
    assert phrase[lang] in html_of(at) and NO_LINK[lang] in html_of(at)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_address_that_is_no_web_link_is_not_linked(page: RunPage, lang: str) -> None:
    """fx_004's address is `javascript:`: it must not become a link anywhere."""
    for name, params in (("events", {"event": XSS_EVENT}), ("sources", {"article": "fx_004"})):
        at = page(name, {**params, "lang": lang})
        shown = everything_shown(at)
        assert NOT_A_LINK not in shown and "javascript:" not in shown.lower()
        assert NO_LINK[lang] in html_of(at)
        # its headline's markup stays text
        assert "<bdi>ممر لاتشين مغلق &lt;b&gt;x&lt;/b&gt; من جديد</bdi>" in html_of(at)


def test_sources_page_lists_articles_by_headline(page: RunPage) -> None:
    at = page("sources", {})
    assert_clean(at)
    table = at.dataframe[0].value
    assert list(table.columns[:3]) == ["Headline", "Outlet", "Published"]
    assert list(table["Headline"]) == [
        TASS_TITLE,
        "no headline",  # Sputnik's article has none
        ARTICLES["fx_003"].title,
        ARTICLES["fx_004"].title,  # a table cell: the grid shows it as text
        "no headline",
    ]
    assert list(table["Outlet"]) == ["TASS", "Sputnik", "RT Arabic", "Anadolu", "—"]
    assert list(table["Link"].fillna("")) == [
        TASS_URL,
        ARTICLES["fx_002"].url,
        "",
        "",  # javascript: is no link
        "",
    ]
    assert "File" not in table.columns
    assert at.dataframe[0].proto.placeholder == "no link"  # what an empty link cell reads
    options = at.selectbox(key="w_article").options
    assert options[0] == f"{FSI}TASS{PDI}: “{FSI}{TASS_TITLE}{PDI}” (10 November 2020)"
    assert options[2] == (
        f"{FSI}RT Arabic{PDI}: “{FSI}{ARTICLES['fx_003'].title}{PDI}” (20 July 2021)"
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_sources_page_article_view_names_it_and_marks_the_evidence(
    page: RunPage, lang: str
) -> None:
    at = page("sources", {"article": "fx_001", "lang": lang})
    assert_clean(at)
    html = html_of(at)
    (head,) = [b for b in html.split("<div") if "class='nd-source-head'" in b]
    assert f"dir='{'rtl' if lang == 'ar' else 'ltr'}'" in head
    assert TASS_HREF in head and "<bdi class='nd-outlet'>TASS</bdi>" in head
    # the address itself, left to right inside either language
    assert f"<bdi dir='ltr'>{TASS_URL.replace('&', '&amp;')}</bdi></a>" in html
    # the evidence as text, marked in the article, titled by its event
    text = ARTICLES["fx_001"].text
    start, end = sentence_span(text, "وكان بوتين")
    title = {"en": "Putin calls Aliyev", "ar": "بوتين يتصل بعلييف"}[lang]
    assert f'<mark title="{title}">{text[start:end]}</mark>' in html


def test_sources_page_without_the_text_still_names_the_article(
    page: RunPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSDESK_CORPUS", str(tmp_path / "absent"))
    for lang, missing in (
        ("en", "The text of this article is not available here."),
        ("ar", "نص هذا المقال غير متاح هنا."),
    ):
        at = run_page("sources", {"article": "fx_003", "lang": lang})
        assert_clean(at)
        assert missing in texts_of(at)
        html = html_of(at)
        assert "<mark" not in html
        assert "<bdi class='nd-outlet'>RT Arabic</bdi>" in html
        assert f"<bdi>{ARTICLES['fx_003'].title}</bdi>" in html
        assert {"en": "(20 July 2021)", "ar": "(20 تموز/يوليو 2021)"}[lang] in html
        assert NO_LINK[lang] in html
        at = run_page("sources", {"article": "fx_001", "lang": lang})
        assert TASS_HREF in html_of(at)
    # and the events it reports are still listed, by title
    labels = [link.proto.label for link in at.get("page_link")]
    assert any("بوتين يتصل بعلييف" in label for label in labels)


def test_an_edited_card_names_its_source_too(page: RunPage) -> None:
    at = page("events", {"event": MEETING_2021, "lang": "ar"})
    html = html_of(at)
    assert "<bdi class='nd-outlet'>RT Arabic</bdi>: «<bdi>" in html
    assert f"· {NO_LINK['ar']}</span>" in html
