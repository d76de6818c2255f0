"""The Export page and its standalone files in a real browser: the page in both languages
(screenshots), and the timeline and map HTML downloaded from it, opened from file:// with
every network request blocked, drawing their chart and map."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagewait import open_page, snap
from playwright.sync_api import Page, expect
from test_browser import no_exception

FILES = {"timeline": "karabakh-timeline-war2020.html", "map": "karabakh-map-war2020.html"}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_export_page_in_both_languages(page: Page, screenshots: Path, lang: str) -> None:
    open_page(page, f"export?lang={lang}&period=war2020")
    no_exception(page)
    for name in FILES.values():
        expect(page.get_by_role("button", name=name)).to_be_visible()
    snap(page, screenshots / f"export-{lang}.png", full_page=True)


def _download(page: Page, name: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    path = target / name
    info.value.save_as(path)
    return path


def _offline_tab(page: Page):
    """A new tab of the same browser where any request other than file:// fails."""
    tab = page.context.new_page()
    blocked: list[str] = []

    def handle(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    tab.route("**/*", handle)
    return tab, blocked


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_standalone_files_draw_offline(
    page: Page, screenshots: Path, tmp_path: Path, lang: str
) -> None:
    open_page(page, f"export?lang={lang}&period=war2020")
    timeline = _download(page, FILES["timeline"], tmp_path)
    map_file = _download(page, FILES["map"], tmp_path)
    tab, blocked = _offline_tab(page)
    tab.goto(timeline.as_uri())
    expect(tab.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    marks = tab.locator(".js-plotly-plot .point, .js-plotly-plot .bars path")
    expect(marks.first).to_be_attached()  # plotly draws the traces after the axes
    assert marks.count() > 0
    snap(tab, screenshots / f"export-timeline-{lang}.png", full_page=True)
    tab.goto(map_file.as_uri())
    expect(tab.locator(".leaflet-container")).to_be_visible()
    expect(tab.locator(".leaflet-overlay-pane path").first).to_be_attached()
    expect(tab.locator(".nd-legend").first).to_be_attached()
    assert tab.locator(".nd-legend").count() == 1
    snap(tab, screenshots / f"export-map-{lang}.png", full_page=True)
    assert blocked == []
    tab.close()
