"""The Export page through AppTest: one download per format for the view in the URL, the count
of that view, both languages, and an empty view saying so instead of offering empty files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagerun import RunPage, texts_of

from newsdesk.formats.standalone import png_available

FILES = [
    "karabakh-events-war2020.csv",
    "karabakh-events-war2020.xlsx",
    "karabakh-events-war2020.json",
    "karabakh-timeline-war2020.html",
    "karabakh-map-war2020.html",
    "karabakh-events-war2020-timelinejs.json",
    "karabakh-events-war2020-storymap.json",
    "karabakh-events-war2020-plover.jsonl",
]


def downloads(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_export_page_offers_every_format_for_the_view(page: RunPage, lang: str) -> None:
    at = page("export", {"lang": lang, "period": "war2020"})
    assert not at.exception and not at.error
    assert downloads(at) == FILES
    texts = texts_of(at)
    # the 2020 war: the call of 7 October, the ceasefire agreement, six weeks of war
    count = {"en": "**3 events in this view**", "ar": "**3 حدثاً في هذا العرض**"}[lang]
    assert count in texts
    available, reason = png_available()
    if available:
        assert at.button(key="w_export_png").proto.label  # the PNG is drawn on request
    else:  # a machine without Chromium: the page says why instead (and offers the HTML)
        assert reason in texts


def test_export_page_applies_the_url_filters(page: RunPage) -> None:
    at = page("export", {"period": "war2020", "type": "call"})
    assert "**1 events in this view**" in texts_of(at)
    assert downloads(at)[0] == "karabakh-events-war2020-filtered.csv"
    at = page("export", {"status": "any"})
    assert "**15 events in this view**" in texts_of(at)
    # StoryMapJS leaves out the events without a located place, and says how many
    assert "without a place on the map are left out" in texts_of(at)


def test_export_page_of_an_empty_view(page: RunPage) -> None:
    at = page("export", {"q": "no event has this word zzzz"})
    assert not at.exception
    assert downloads(at) == []
    assert "Nothing to export" in texts_of(at)


def test_the_png_is_drawn_on_request(page: RunPage, chromium: Path) -> None:
    at = page("export", {"lang": "ar", "period": "war2020"})
    at.button(key="w_export_png").click().run()
    assert not at.exception
    assert "karabakh-timeline-war2020.png" in downloads(at)
