"""The presenter page through AppTest: a story link opens its slide, Next and Previous step
through the period's events in date order (and the URL follows), both languages, a stale or
filtered-out event id, named and custom periods chosen on the page, a click on the strip,
auto-advance in the URL, and the link to the current slide."""

from __future__ import annotations

import datetime as dt

from fixtures import CALL_2020, CONFLICT_EVENT
from pagerun import RunPage, html_of, texts_of
from test_app_pages import assert_clean, card_titles

from components.story import (
    NEXT_KEY,
    PREV_KEY,
    W_AUTO_ON,
    W_STORY_FROM,
    W_STORY_PERIOD,
    W_STORY_TO,
    strip_key,
)

WAR_START = "ev-fx-hostilities-2020-09-27"
SEP_OFFENSIVE = "ev-fx-hostilities-2023-09-19"
SEP_CALL = "ev-fx-call-2023-09-20"


def counter(at) -> str:
    """The slide counter as drawn ("2 / 3"), empty on the title slide."""
    for element in at.get("html"):
        body = element.proto.body
        if "nd-story-count" in body:
            return body.split("<bdi>")[1].split("</bdi>")[0]
    raise AssertionError("no counter drawn")


def link_text(at) -> str:
    return at.code[0].value


def test_a_period_link_opens_its_title_slide(page: RunPage) -> None:
    at = page("story", {"period": "war2020"})
    assert_clean(at)
    assert at.title[0].value == "Presenter"
    text = html_of(at)
    assert "The 2020 war (27 Sep – 10 Nov 2020)" in text
    assert "3 events" in text
    assert card_titles(at) == []  # no event card on the title slide
    assert counter(at) == ""
    assert at.button(key=PREV_KEY).disabled
    assert not at.button(key=NEXT_KEY).disabled
    assert "event" not in at.query_params


def test_next_and_previous_step_through_the_period_in_date_order(page: RunPage) -> None:
    at = page("story", {"period": "war2020"})
    seen = []
    for _ in range(3):
        at.button(key=NEXT_KEY).click().run()
        assert_clean(at)
        seen.append((at.query_params["event"], card_titles(at), counter(at)))
    assert seen == [
        (WAR_START, ["Six weeks of war in Karabakh"], "1 / 3"),
        (CALL_2020, ["Putin calls Aliyev"], "2 / 3"),
        (CONFLICT_EVENT, ["Putin, Aliyev and Pashinyan sign a ceasefire statement"], "3 / 3"),
    ]
    assert at.button(key=NEXT_KEY).disabled  # the last slide
    at.button(key=PREV_KEY).click().run()
    assert at.query_params["event"] == CALL_2020
    assert card_titles(at) == ["Putin calls Aliyev"]
    at.button(key=PREV_KEY).click().run()
    at.button(key=PREV_KEY).click().run()  # back to the title slide
    assert "event" not in at.query_params
    assert card_titles(at) == []
    assert at.query_params["period"] == "war2020"  # the period stays


def test_a_link_opens_an_event_of_a_period_in_arabic(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "event": CALL_2020, "lang": "ar"})
    assert_clean(at)
    assert at.title[0].value == "العرض التقديمي"
    assert card_titles(at) == ["بوتين يتصل بعلييف"]
    assert counter(at) == "2 من 3"
    assert "dir='rtl'" in html_of(at)
    assert "عدد المصادر: 1" in html_of(at)
    # the call names no place: the map shows the capitals of the two leaders' countries
    assert "تُظهر الخريطة عواصم المشاركين: موسكو، باكو" in texts_of(at)
    nxt, prev = at.button(key=NEXT_KEY), at.button(key=PREV_KEY)
    assert (nxt.label, prev.label) == ("التالي", "السابق")
    # right to left: Next sits on the left and the left arrow moves forward
    assert (nxt.proto.shortcut, prev.proto.shortcut) == ("left", "right")
    nxt.click().run()
    assert card_titles(at) == ["بوتين وعلييف وباشينيان يوقعون بياناً لوقف إطلاق النار"]
    assert at.query_params["lang"] == "ar"
    at.radio(key="w_lang").set_value("en").run()  # a language switch keeps the slide
    assert card_titles(at) == ["Putin, Aliyev and Pashinyan sign a ceasefire statement"]
    assert at.button(key=NEXT_KEY).proto.shortcut == "right"
    assert counter(at) == "3 / 3"


def test_unknown_and_filtered_out_events_start_at_the_title_slide(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "event": "no-such-event"})
    assert_clean(at)
    assert "There is no event with the id no\\-such\\-event" in texts_of(at)
    assert card_titles(at) == []
    assert "event" not in at.query_params
    at.button(key=NEXT_KEY).click().run()
    assert at.query_params["event"] == WAR_START
    # a real event outside the period: said so, in Arabic too
    at = page("story", {"period": "war2020", "event": SEP_CALL, "lang": "ar"})
    assert_clean(at)
    assert "ليس ضمن هذه الفترة" in texts_of(at)
    assert card_titles(at) == []


def test_named_periods_on_the_page_include_september_2023(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "event": CALL_2020})
    at.selectbox(key=W_STORY_PERIOD).set_value("sep2023").run()
    assert_clean(at)
    assert at.query_params["period"] == "sep2023"
    assert "event" not in at.query_params  # a new period starts at its title slide
    assert "The September 2023 offensive (1–30 Sep 2023)" in html_of(at)
    assert at.selectbox(key="w_period").value == "sep2023"  # the sidebar agrees
    at.button(key=NEXT_KEY).click().run()
    assert at.query_params["event"] == SEP_OFFENSIVE
    at.button(key=NEXT_KEY).click().run()
    assert at.query_params["event"] == SEP_CALL
    assert counter(at) == "2 / 2"
    assert at.button(key=NEXT_KEY).disabled


def test_custom_period_from_the_link_and_from_the_page(page: RunPage) -> None:
    at = page("story", {"period": "custom", "from": "2023-09-01", "to": "2023-11-30"})
    assert_clean(at)
    assert "From 1 September 2023 to 30 November 2023" in html_of(at)
    assert "3 events" in html_of(at)
    at = page("story", {})
    at.date_input(key=W_STORY_FROM).set_value(dt.date(2020, 10, 1)).run()
    at.date_input(key=W_STORY_TO).set_value(dt.date(2020, 10, 31)).run()
    assert_clean(at)
    assert at.query_params["period"] == "custom"
    assert (at.query_params["from"], at.query_params["to"]) == ("2020-10-01", "2020-10-31")
    assert "2 events" in html_of(at)  # the war (a span over October) and the call
    link = link_text(at)
    assert "period=custom" in link and "from=2020-10-01" in link and "to=2020-10-31" in link


def test_a_click_on_the_strip_opens_that_slide(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "event": WAR_START})
    at.session_state[strip_key(WAR_START)] = {
        "selection": {
            "points": [{"customdata": [CONFLICT_EVENT]}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    at.run()
    assert_clean(at)
    assert at.query_params["event"] == CONFLICT_EVENT
    assert card_titles(at) == ["Putin, Aliyev and Pashinyan sign a ceasefire statement"]
    assert counter(at) == "3 / 3"


def test_auto_advance_is_in_the_url_and_stops_at_the_last_slide(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "event": CALL_2020, "auto": "15"})
    assert_clean(at)
    assert at.toggle(key=W_AUTO_ON).value
    assert "every 15 seconds" in texts_of(at)
    assert "auto=15" in link_text(at)
    at.button(key=NEXT_KEY).click().run()  # the last slide
    assert "automatic advance has stopped" in texts_of(at)
    assert at.query_params["auto"] == "15"
    at.toggle(key=W_AUTO_ON).set_value(False).run()
    assert "auto" not in at.query_params
    at.toggle(key=W_AUTO_ON).set_value(True).run()
    assert at.query_params["auto"] == "20"  # the default interval
    at = page("story", {"auto": "1"})
    assert "every 5 seconds" in texts_of(at)  # clamped: a slide must be readable


def test_link_to_this_slide_holds_the_view(page: RunPage) -> None:
    at = page("story", {"period": "war2020", "type": ["call", "agreement"], "lang": "ar"})
    at.button(key=NEXT_KEY).click().run()
    link = link_text(at)
    assert link.split("?")[0].endswith("/story")
    assert f"event={CALL_2020}" in link
    assert "period=war2020" in link and "type=call&type=agreement" in link and "lang=ar" in link
    assert counter(at) == "1 من 2"


def test_timeline_offers_to_present_from_the_selected_event(page: RunPage) -> None:
    at = page("timeline", {"event": CALL_2020, "period": "war2020"})
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert links["Present from here"] == f"period=war2020&event={CALL_2020}"


def test_a_slide_leaves_out_the_notes_on_conflicting_sources(page: RunPage) -> None:
    """The projected card keeps the date that says "9 or 10 November" but not the list of
    source files behind it, which the Events page still shows."""
    at = page("story", {"period": "war2020", "event": CONFLICT_EVENT})
    assert_clean(at)
    slide = html_of(at)
    assert "9 or 10 November 2020" in slide
    assert "class='nd-notes'" not in slide
    events = page("events", {"event": CONFLICT_EVENT})
    assert "class='nd-notes'" in html_of(events)
