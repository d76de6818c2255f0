"""Every page in both languages through AppTest: it renders, the URL sets the view, links keep
it, an event link and a timeline click open the card, empty views say so, table text stays
text. Runs on the fixture data, and on the shipped data/ once data/events.csv exists."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from fixtures import (
    CALL_2020,
    CONFLICT_EVENT,
    ERDOGAN_CALL,
    MEETING_2021,
    SCRIPT,
    WEEK_EVENT,
    XSS_EVENT,
)
from pagerun import PAGES, READER_PAGES, REPO, TITLES, RunPage, html_of, run_page, texts_of

from components.timeline import CHART_KEY, selection_to_event

SHIPPED = REPO / "data" / "events.csv"


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def card_titles(at) -> list[str]:
    """Titles of the cards drawn, in order (from the escaped card HTML)."""
    titles = []
    for element in at.get("html"):
        body = element.proto.body
        if "<div class='nd-title'>" in body:
            titles.append(body.split("<div class='nd-title'>")[1].split("</div>")[0])
    return titles


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_in_both_languages(page: RunPage, name: str, lang: str) -> None:
    at = page(name, {"lang": lang})
    assert_clean(at)
    assert at.title[0].value == TITLES[lang][name]
    assert at.radio(key="w_lang").value == lang
    menu = [link.proto.label for link in at.sidebar.get("page_link")]
    home = {"en": "Home", "ar": "الرئيسية"}[lang]
    assert menu == [home if p == "home" else TITLES[lang][p] for p in READER_PAGES]


@pytest.mark.skipif(not SHIPPED.exists(), reason="data/events.csv not built yet")
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_on_the_shipped_data(
    monkeypatch: pytest.MonkeyPatch, name: str, lang: str
) -> None:
    monkeypatch.setenv("NEWSDESK_DATA", str(REPO / "data"))
    monkeypatch.delenv("NEWSDESK_CORPUS", raising=False)
    at = run_page(name, {"lang": lang})
    assert_clean(at)
    assert at.title[0].value == TITLES[lang][name]
    at = run_page(name, {"lang": lang, "period": "war2020", "type": ["call", "agreement"]})
    assert_clean(at)


def test_url_filters_apply_and_show_in_the_widgets(page: RunPage) -> None:
    at = page("events", {"type": "call", "period": "war2020"})
    assert_clean(at)
    assert at.selectbox(key="w_period").value == "war2020"
    assert at.multiselect(key="w_type").value == ["call"]
    assert card_titles(at) == ["Putin calls Aliyev"]
    at = page("events", {"actor": "pashinyan", "status": "any"})
    titles = card_titles(at)
    assert "Planned meeting of the three leaders in Sochi" in titles
    assert "Reported meeting of Putin and Pashinyan (denied)" in titles
    assert "Putin calls Aliyev" not in titles


def test_custom_dates_from_the_url(page: RunPage) -> None:
    at = page("events", {"period": "custom", "from": "2023-03-18", "to": "2023-03-19"})
    assert at.date_input(key="w_from").value.isoformat() == "2023-03-18"
    # the week-precision closure ("mid-March") may fall on those days, so it is shown
    assert card_titles(at) == [
        "The Lachin corridor is closed again",
    ]
    assert "denied" not in " ".join(card_titles(at))


def test_search_matches_arabic_spelling_and_english_case(page: RunPage) -> None:
    for query in ("اردوغان", "أردوغان", "ERDOGAN"):
        at = page("events", {"q": query})
        assert set(card_titles(at)) == {
            "Erdogan calls Aliyev",
            "Erdogan backs transport links in Baku",
        }, query


def test_widget_changes_go_into_the_url_and_the_links(page: RunPage) -> None:
    at = page("timeline", {"lang": "ar"})
    at.multiselect(key="w_type").select("meeting").run()
    at.selectbox(key="w_period").set_value("ceasefire2021").run()
    assert_clean(at)
    assert at.query_params["type"] == "meeting"
    assert at.query_params["period"] == "ceasefire2021"
    assert at.query_params["lang"] == "ar"
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert links["الأحداث"] == "period=ceasefire2021&type=meeting&lang=ar"
    at.radio(key="w_lang").set_value("en").run()
    assert at.title[0].value == "Timeline"
    assert "lang" not in at.query_params
    assert at.query_params["type"] == "meeting"  # the language switch keeps the view


def test_filters_survive_a_page_change(page: RunPage) -> None:
    at = page("timeline", {"period": "war2020", "type": "call", "lang": "ar"})
    link = {link.proto.label: link for link in at.sidebar.get("page_link")}["الأحداث"]
    # what a click on the menu link does: open the page with the link's query string
    at.switch_page("pages/events.py")
    at.query_params.clear()
    at.query_params.update(
        {k: v[0] if len(v) == 1 else v for k, v in parse_qs(link.proto.query_string).items()}
    )
    at.run()
    assert_clean(at)
    assert at.title[0].value == "الأحداث"
    assert at.multiselect(key="w_type").value == ["call"]
    assert card_titles(at) == ["بوتين يتصل بعلييف"]


def test_reset_and_widen_buttons(page: RunPage) -> None:
    at = page("events", {"period": "after", "type": "letter"})
    assert "No events match these filters." in texts_of(at)
    at.button(key="w_widen").click().run()
    assert at.selectbox(key="w_period").value == "all"
    assert card_titles(at) == ["Pashinyan writes to Putin about prisoners"]
    at.button(key="w_reset").click().run()
    assert at.multiselect(key="w_type").value == []
    assert "type" not in at.query_params


def test_event_link_opens_its_card_alone(page: RunPage) -> None:
    at = page("events", {"event": CONFLICT_EVENT, "period": "after"})
    assert_clean(at)
    assert card_titles(at) == ["Putin, Aliyev and Pashinyan sign a ceasefire statement"]
    text = html_of(at)
    assert "9 or 10 November 2020" in text
    assert "(10 November 2020)</span></span> says 10 November 2020" in text
    assert "<bdi class='nd-outlet'>Sputnik</bdi></a> " in text
    assert "says 9 November 2020." in text
    assert "<mark>" in text  # evidence passages from the corpus
    assert "outside the current filters" in texts_of(at)
    at = page("events", {"event": "[ev](http://x.test) <b>"})
    assert_clean(at)
    # a hand-made link cannot inject markdown or HTML into the message
    assert "There is no event with the id \\[ev\\]\\(http\\://x\\.test\\) \\<b\\>." in texts_of(at)


def test_cards_show_names_roles_place_topics_and_precision(page: RunPage) -> None:
    at = page("events", {"event": CALL_2020, "lang": "ar"})
    text = html_of(at)
    assert "فلاديمير بوتين <span class='nd-ref'>(رئيس روسيا)</span>" in text
    assert "بمبادرة من" in text and "وقف إطلاق النار" in text
    at = page("events", {"event": WEEK_EVENT, "lang": "ar"})
    text = html_of(at)
    assert "منتصف آذار/مارس 2023" in text and "لاتشين" in text
    assert "معروف في حدود عشرة أيام" in text
    at = page("events", {"event": MEETING_2021})
    assert card_titles(at) == ["Putin receives Aliyev in the Kremlin"]  # editor's correction
    assert "An editor corrected this event." in html_of(at)


def test_related_events_link_to_their_cards(page: RunPage) -> None:
    at = page("events", {"event": "ev-fx-hostilities-2023-09-19", "lang": "ar"})
    links = [(link.proto.label, link.proto.query_string) for link in at.get("page_link")]
    related = [q for label, q in links if "بلينكن يتصل بعلييف" in label]
    assert related == ["lang=ar&event=ev-fx-call-2023-09-20"]


def test_table_text_is_escaped_everywhere(page: RunPage) -> None:
    for params in ({"event": XSS_EVENT}, {"event": XSS_EVENT, "lang": "ar"}, {}):
        at = page("events", params)
        text = html_of(at)
        assert SCRIPT not in text and "<b>x</b>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&lt;b&gt;x&lt;/b&gt;" in text
    at = page("sources", {"article": "fx_004"})
    labels = [link.proto.label for link in at.get("page_link")]
    assert any("\\<b\\>x\\</b\\>" in label for label in labels)  # a markdown label
    at = page("timeline", {"type": "incident"})
    hover = [
        text
        for chart in at.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        for text in trace.get("hovertext") or []
    ]
    assert any("Lachin road &lt;b&gt;x&lt;/b&gt;" in text for text in hover)
    assert not any("<b>x</b>" in text for text in hover)


def test_timeline_selection_handler() -> None:
    state = {"selection": {"points": [{"customdata": [ERDOGAN_CALL]}, {"customdata": ["x"]}]}}
    assert selection_to_event(state) == ERDOGAN_CALL
    assert selection_to_event({"selection": {"points": []}}) is None
    assert selection_to_event(None) is None
    assert selection_to_event({"selection": {"points": [{"x": 1}]}}) is None


def test_timeline_click_opens_the_card(page: RunPage) -> None:
    at = page("timeline", {"lang": "ar"})
    assert_clean(at)
    at.session_state[CHART_KEY] = {
        "selection": {
            "points": [{"customdata": [ERDOGAN_CALL]}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    at.run()
    assert_clean(at)
    assert "الحدث المختار" in texts_of(at)
    assert card_titles(at) == ["اتصال هاتفي بين أردوغان وعلييف"]
    assert at.query_params["event"] == ERDOGAN_CALL  # the selection is shareable too


def test_disputed_dates_are_drawn_as_spans_and_hovered_in_full(page: RunPage) -> None:
    at = page("timeline", {"type": "agreement", "period": "war2020"})
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    drawn = [t for t in traces if CONFLICT_EVENT in json.dumps(t.get("customdata"))]
    assert {t["type"] for t in drawn} == {"bar", "scatter"}
    (bar,) = [t for t in drawn if t["type"] == "bar"]
    (mark,) = [t for t in drawn if t["type"] == "scatter"]
    assert mark["marker"]["symbol"] == "diamond-open"  # hollow: not a dot on one of the days
    assert "9 or 10 November 2020" in bar["hovertext"][0]


def test_timeline_lanes_per_person(page: RunPage) -> None:
    at = page("timeline", {"lanes": "person", "type": "call"})
    assert at.radio(key="w_lanes").value == "person"
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Vladimir Putin" in spec and "Antony Blinken" in spec


@pytest.mark.parametrize("name", READER_PAGES)
def test_empty_period_says_so(page: RunPage, name: str) -> None:
    at = page(name, {"period": "custom", "from": "2030-01-01", "to": "2030-12-31"})
    assert_clean(at)
    if name == "sources":
        assert at.dataframe  # the articles are listed whatever the period
        return
    text = texts_of(at)
    assert "No events match these filters." in text
    assert "widening the period" in text


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", list(PAGES))
def test_empty_and_missing_tables_do_not_crash(
    empty_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, lang: str
) -> None:
    for directory in (empty_dir, tmp_path / "nothing-here"):
        monkeypatch.setenv("NEWSDESK_DATA", str(directory))
        monkeypatch.setenv("NEWSDESK_CORPUS", str(tmp_path / "no-corpus"))
        at = run_page(name, {"lang": lang, "type": "call", "event": "x"})
        assert_clean(at)


def test_sources_page_marks_evidence_and_explains_the_date_basis(page: RunPage) -> None:
    at = page("sources", {"article": "fx_004", "lang": "ar"})
    assert_clean(at)
    assert at.selectbox(key="w_article").value == "fx_004"
    text = html_of(at)
    assert text.count("<mark") == 3
    assert "dir='rtl'" in text
    table = at.dataframe[0].value
    assert list(table["أساس التاريخ"]) == ["مذكور", "مستنتج", "مذكور", "مستنتج", "مذكور"]
    captions = texts_of(at)
    assert "استُنتج من أيام الأسبوع" in captions


def test_without_corpus_the_sources_are_still_named(
    page: RunPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSDESK_CORPUS", str(tmp_path / "absent"))
    at = run_page("events", {"event": CONFLICT_EVENT})
    text = html_of(at)
    assert "<mark>" not in text
    assert "Article texts are not available here" in text
    assert (
        "<bdi class='nd-outlet'>TASS</bdi>" in text
        and "<bdi class='nd-outlet'>Sputnik</bdi>" in text
    )
    at = run_page("sources", {})
    assert "The text of this article is not available here." in texts_of(at)
    assert "<bdi class='nd-outlet'>TASS</bdi>" in html_of(at)
