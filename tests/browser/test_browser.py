"""The dashboard in a real browser, as a reader uses it: every page in both languages (with
screenshots), the language switch turning the page right-to-left, a shared link with a period,
the menu keeping the view, a typed search, and a click on the timeline opening the card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pagerun import TITLES
from pagewait import computed, open_page, settle, snap, still_box, wait_for_style
from playwright.sync_api import Page, expect

PAGES = {
    "home": "",
    "timeline": "timeline",
    "events": "events",
    "map": "map",
    "sources": "sources",
}


def direction(page: Page, selector: str) -> str:
    return computed(page, selector, "direction")


def expect_direction(page: Page, selector: str, wanted: str) -> None:
    wait_for_style(page, selector, "direction", wanted)
    assert direction(page, selector) == wanted, selector


def no_exception(page: Page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_in_both_languages(page: Page, screenshots: Path, name: str, lang: str) -> None:
    open_page(page, f"{PAGES[name]}?lang={lang}")
    expect(page.locator(".st-key-nd-body h1")).to_have_text(TITLES[lang][name])
    no_exception(page)
    wanted = "rtl" if lang == "ar" else "ltr"
    expect_direction(page, ".st-key-nd-body", wanted)
    expect_direction(page, ".st-key-nd-side", wanted)
    if lang == "ar":
        heading = page.locator(".st-key-nd-body h1")
        assert heading.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")
        charts = page.locator(".st-key-nd-body .stPlotlyChart")
        if charts.count():
            assert charts.first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    snap(page, screenshots / f"{name}_{lang}.png")


def test_language_switch_turns_the_page_arabic(page: Page) -> None:
    open_page(page, "events?type=call")
    page.get_by_text("العربية", exact=True).click()
    expect(page.locator(".st-key-nd-body h1")).to_have_text("الأحداث")
    expect(page).to_have_url(re.compile(r"lang=ar"))
    expect(page).to_have_url(re.compile(r"type=call"))
    expect_direction(page, ".st-key-nd-body", "rtl")
    expect(page.get_by_text("بوتين يتصل بعلييف")).to_be_visible()


def test_language_switch_relabels_the_chosen_filters(page: Page) -> None:
    """The browser keeps a selected option's label; a switch must send the new one."""
    open_page(page, "?period=war2020")
    side = page.locator(".st-key-nd-side")
    period = side.locator("[data-testid=stSelectbox] input").first
    expect(period).to_have_value("The 2020 war (27 Sep – 10 Nov 2020)")
    page.get_by_text("العربية", exact=True).click()
    expect(page.locator(".st-key-nd-body h1")).to_have_text("نزاع قره باغ في الأخبار العربية")
    expect(period).to_have_value("حرب 2020 (27 أيلول – 10 تشرين الثاني 2020)")
    expect(side.get_by_text("وقع", exact=True)).to_be_visible()  # the default status chip
    expect(side.get_by_text("Happened", exact=True)).to_have_count(0)


def test_shared_link_with_a_period_shows_that_view(page: Page) -> None:
    open_page(page, "events?period=war2020&type=call&type=agreement")
    body = page.locator(".st-key-nd-body")
    expect(body.get_by_text("2 events, in date order")).to_be_visible()
    expect(body.get_by_text("Putin calls Aliyev", exact=True)).to_be_visible()
    expect(body.get_by_text("9 or 10 November 2020")).to_be_visible()
    expect(body.get_by_text("Putin receives Aliyev in the Kremlin")).to_have_count(0)
    period = page.locator(".st-key-nd-side [data-testid=stSelectbox] input").first
    expect(period).to_have_value("The 2020 war (27 Sep – 10 Nov 2020)")


def test_menu_link_keeps_the_view(page: Page) -> None:
    open_page(page, "timeline?period=war2020&lang=ar")
    page.locator(".st-key-nd-side").get_by_text("الأحداث", exact=True).click()
    expect(page).to_have_url(re.compile(r"/events\?.*period=war2020"))
    expect(page).to_have_url(re.compile(r"lang=ar"))
    expect(page.locator(".st-key-nd-body h1")).to_have_text("الأحداث")
    expect(page.get_by_text("3 حدثاً مرتبة حسب التاريخ")).to_be_visible()
    no_exception(page)


def test_typed_search_filters_and_goes_into_the_url(page: Page) -> None:
    open_page(page, "events")
    box = page.locator(".st-key-w_q input")
    box.fill("اردوغان")
    box.press("Enter")
    expect(page.get_by_text("2 events, in date order")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=%D8%A7%D8%B1%D8%AF%D9%88%D8%BA%D8%A7%D9%86"))
    expect(page.get_by_text("Erdogan calls Aliyev", exact=True)).to_be_visible()


def test_timeline_click_opens_the_card(page: Page, screenshots: Path) -> None:
    open_page(page, "timeline?type=call")
    # the main plot's points (the range slider below draws them again)
    points = page.locator(".stPlotlyChart .cartesianlayer .scatterlayer .trace .points path")
    expect(points.first).to_be_visible()
    assert points.count() == 3
    box = still_box(points.nth(2))
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("Selected event", exact=True)).to_be_visible()
    card = page.locator("[class*='st-key-card-selected-']")
    expect(card.get_by_text("Erdogan calls Aliyev", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"event=ev-fx-call-2023-11-05"))
    snap(page, screenshots / "timeline_selected_en.png")


def test_open_card_link_and_escaped_summary(page: Page) -> None:
    open_page(page, "events?type=incident")
    # the XSS event's own card (the list's first): a click by position could land on the next
    # card's link if a card above is still growing
    card = page.locator("[class*='st-key-card-'][class*='-ev-fx-incident-2022-12-12']")
    link = card.get_by_role("link", name="Open card")
    expect(link).to_have_attribute("href", re.compile(r"event=ev-fx-incident-2022-12-12"))
    still_box(link)
    link.click()
    expect(page).to_have_url(re.compile(r"event=ev-fx-incident-2022-12-12"))
    expect(page.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    assert page.locator(".st-key-nd-body script").count() == 0
    assert page.locator(".nd-summary b").count() == 0


def test_timeline_click_on_an_uncertain_bar(page: Page) -> None:
    open_page(page, "timeline?type=incident&lang=ar")
    bar = page.locator(".stPlotlyChart .cartesianlayer .barlayer .trace .point path").first
    expect(bar).to_be_visible()
    box = still_box(bar)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("الحدث المختار", exact=True)).to_be_visible()
    card = page.locator("[class*='st-key-card-selected-']")
    expect(card.get_by_text("منتصف آذار/مارس 2023")).to_be_visible()
    expect(page).to_have_url(re.compile(r"event=ev-fx-incident-2023-03-15"))


MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
SCREEN = {"width": 1280, "height": 800}
LACHIN_EVENTS = {"en": "Events at Lachin (Berdzor)", "ar": "الأحداث في لاتشين"}
LACHIN_TITLE = {"en": "The Lachin corridor is closed again", "ar": "إغلاق ممر لاتشين مجدداً"}


def offline(page: Page) -> list[str]:
    """Abort every request that leaves this machine and record it: the map must not need one."""
    outside: list[str] = []

    def handle(route) -> None:
        url = route.request.url
        if url.startswith((page.base, "data:", "blob:")):  # type: ignore[attr-defined]
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", handle)
    return outside


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_map_draws_offline_and_a_marker_opens_its_card(
    page: Page, screenshots: Path, lang: str
) -> None:
    outside = offline(page)
    page.set_viewport_size(SCREEN)
    open_page(page, f"map?lang={lang}&type=incident")
    frame = page.frame_locator(MAP_FRAME)
    shapes = frame.locator("path.leaflet-interactive")
    expect(shapes.first).to_be_attached()
    expect(page.locator(MAP_FRAME)).to_have_css("height", "600px")
    # 89 district polygons, 37 town dots and the one marker of the two Lachin incidents
    expect(shapes).to_have_count(89 + 37 + 1)  # Leaflet adds them over several frames
    assert shapes.count() == 89 + 37 + 1
    shaded = frame.locator("path.leaflet-interactive[fill='#a50f15']")
    assert shaded.count() == 1  # Lachin district: the two incidents of the view
    labels = frame.locator(".nd-town span")
    expect(labels.first).to_be_attached()
    town = {"en": "Khankendi (Stepanakert)", "ar": "خانكندي"}[lang]
    label = frame.locator(".nd-town span", has_text=town)
    expect(label).to_be_visible()
    if lang == "ar":
        assert label.evaluate("e => getComputedStyle(e).direction") == "rtl"
    snap(page, screenshots / f"map_view_{lang}.png")
    marker = frame.locator("path.leaflet-interactive[stroke='#1a1a1a']")
    assert marker.count() == 1
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    marker.click()
    popup = frame.locator(".leaflet-popup-content .nd-pop")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text(LACHIN_TITLE[lang])
    assert popup.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert popup.locator("script, b:has-text('x')").count() == 0  # the title's <b> stays text
    # the click selects the place: its events are listed as cards under the map
    expect(page.get_by_text(LACHIN_EVENTS[lang], exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"sel=place%3Alachin"))
    cards = page.locator("[class*='st-key-card-map-']")
    expect(cards).to_have_count(2)
    settle(page)  # the cards show the rerun began; the popup must outlast its end
    expect(popup).to_be_visible()  # the rerun keeps the map and its open popup
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    snap(page, screenshots / f"map_popup_{lang}.png")
    cards.first.scroll_into_view_if_needed()
    snap(page, screenshots / f"map_cards_{lang}.png")
    assert not outside, outside


def test_map_district_click_lists_its_events(page: Page) -> None:
    outside = offline(page)
    open_page(page, "map?type=incident")
    frame = page.frame_locator(MAP_FRAME)
    lachin = frame.locator("path.leaflet-interactive[fill='#a50f15']")
    expect(lachin).to_have_count(1)
    lachin.dispatch_event("click")
    expect(page.get_by_text("Events in Lachin District", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"sel=district%3Aaz-lachin"))
    expect(page.locator("[class*='st-key-card-map-']")).to_have_count(2)
    assert not outside, outside


def test_diplomacy_view_draws_arcs_offline(page: Page, screenshots: Path) -> None:
    outside = offline(page)
    page.set_viewport_size(SCREEN)
    open_page(page, "map?view=diplomacy&lang=ar")
    chart = page.locator(".st-key-nd-deck [data-testid=stDeckGlJsonChart]")
    expect(chart).to_be_visible()
    expect(chart.locator("canvas").first).to_be_visible()
    expect(page.get_by_text("أكثر الروابط نشاطاً")).to_be_visible()
    snap(page, screenshots / "map_diplomacy_ar.png")  # deck.gl draws on later frames
    assert not outside, outside


def test_map_clicking_the_same_district_again_after_clearing(page: Page) -> None:
    open_page(page, "map?type=incident")
    frame = page.frame_locator(MAP_FRAME)
    lachin = frame.locator("path.leaflet-interactive[fill='#a50f15']")
    lachin.dispatch_event("click", {"clientX": 300, "clientY": 300})
    expect(page.get_by_text("Events in Lachin District", exact=True)).to_be_visible()
    settle(page)  # the list shows the click's rerun began; the clear button acts on its end
    page.locator(".st-key-w_map_clear button").click()
    expect(page.get_by_text("Events in Lachin District", exact=True)).to_have_count(0)
    settle(page)  # the next click reaches the map the clearing run drew
    lachin.dispatch_event("click", {"clientX": 310, "clientY": 305})
    expect(page.get_by_text("Events in Lachin District", exact=True)).to_be_visible()
