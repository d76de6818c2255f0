"""The presenter page in a real browser on a projector-sized screen (1280x720), offline: a
story link opens its slide, the arrow keys and PageDown/PageUp step through the slides (the
arrows mirrored in Arabic) and the URL follows; screenshots of both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pagewait import settle, snap, still_box, wait_idle
from playwright.sync_api import Page, expect
from test_browser import expect_direction, no_exception, offline

PROJECTOR = {"width": 1280, "height": 720}
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
WAR = "period=war2020"
HOSTILITIES = "ev-fx-hostilities-2020-09-27"
CALL = "ev-fx-call-2020-10-07"
AGREEMENT = "ev-fx-agreement-2020-11-09"
TITLES = {
    CALL: {"en": "Putin calls Aliyev", "ar": "بوتين يتصل بعلييف"},
    AGREEMENT: {
        "en": "Putin, Aliyev and Pashinyan sign a ceasefire statement",
        "ar": "بوتين وعلييف وباشينيان يوقعون بياناً لوقف إطلاق النار",
    },
    HOSTILITIES: {"en": "Six weeks of war in Karabakh", "ar": "ستة أسابيع من الحرب في قره باغ"},
}
COUNTER = {"en": "{n} / 3", "ar": "{n} من 3"}
# the key that moves to the next slide: the arrows follow the screen (Next sits on the left in
# Arabic), PageDown is next in both languages
NEXT_ARROW = {"en": "ArrowRight", "ar": "ArrowLeft"}
BACK_ARROW = {"en": "ArrowLeft", "ar": "ArrowRight"}


def open_story(page: Page, query: str) -> None:
    page.goto(f"{page.base}/story?{query}")  # type: ignore[attr-defined]
    wait_idle(page)


def slide_title(page: Page):
    return page.locator(".st-key-nd-slide .nd-title")


def press(page: Page, key: str) -> None:
    """A key pressed on the page itself (nothing focused), as a presenter or a clicker does,
    once the last key's rerun has ended: until then the buttons that hold the shortcuts still
    point from the slide before. What a key changes, the caller waits for; a key that changes
    nothing (Next on the last slide: the button is disabled) starts no rerun at all."""
    settle(page)
    page.keyboard.press(key)


def fits_on_screen(page: Page, selector: str) -> None:
    """The element is drawn wholly inside the 1280x720 window: nothing to scroll to."""
    box = still_box(page.locator(selector).first)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PROJECTOR["width"] + 1, (selector, box)
    assert box["y"] >= 0 and box["y"] + box["height"] <= PROJECTOR["height"] + 1, (selector, box)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_story_link_keys_and_projector_screenshot(page: Page, screenshots: Path, lang: str) -> None:
    outside = offline(page)
    page.set_viewport_size(PROJECTOR)
    open_story(page, f"{WAR}&event={CALL}&lang={lang}")
    no_exception(page)
    expect(slide_title(page)).to_have_text(TITLES[CALL][lang])
    expect(page.get_by_text(COUNTER[lang].format(n=2), exact=True)).to_be_visible()
    expect_direction(page, ".st-key-nd-slide", "rtl" if lang == "ar" else "ltr")
    # the sidebar starts closed: the slide has the whole width
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("data-collapsed") == "true"
    # the map of the call's two capitals is drawn offline
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached()
    expect(frame.locator(".nd-spot").first).to_be_visible()
    for selector in (".st-key-nd-slide", ".st-key-w_story_next", ".stPlotlyChart", MAP_FRAME):
        fits_on_screen(page, selector)
    snap(page, screenshots / f"story_{lang}.png")  # plotly and Leaflet finish drawing

    press(page, NEXT_ARROW[lang])
    expect(slide_title(page)).to_have_text(TITLES[AGREEMENT][lang])
    expect(page).to_have_url(re.compile(rf"event={AGREEMENT}"))
    expect(page.get_by_text(COUNTER[lang].format(n=3), exact=True)).to_be_visible()
    press(page, NEXT_ARROW[lang])  # the last slide: nothing further
    expect(slide_title(page)).to_have_text(TITLES[AGREEMENT][lang])

    press(page, BACK_ARROW[lang])
    expect(page).to_have_url(re.compile(rf"event={CALL}"))
    expect(slide_title(page)).to_have_text(TITLES[CALL][lang])
    press(page, "PageUp")
    expect(page).to_have_url(re.compile(rf"event={HOSTILITIES}"))
    expect(slide_title(page)).to_have_text(TITLES[HOSTILITIES][lang])
    press(page, "PageDown")
    expect(page).to_have_url(re.compile(rf"event={CALL}"))

    press(page, "Home")  # the title slide of the period
    expect(page).not_to_have_url(re.compile(r"event="))
    expect(page.locator(".st-key-nd-slide .nd-story-period")).to_be_visible()
    expect(page).to_have_url(re.compile(WAR))
    no_exception(page)
    snap(page, screenshots / f"story_title_{lang}.png")
    assert not outside, outside
