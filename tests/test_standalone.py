"""Standalone timeline and map files: nothing in them is fetched from the network, the libraries
are inline, the events are in them; and the PNG is a real PNG (or a clear PngUnavailable)."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import folium
import pandas as pd
import pytest
from PIL import Image

from components.shared.charts import timeline_figure
from components.shared.map_assets import local_files
from components.shared.maps import MapText, folium_map
from newsdesk.contract.schema import EVENTS
from newsdesk.formats.standalone import (
    PNG_MAGIC,
    PngUnavailable,
    figure_png,
    map_html,
    png_available,
    timeline_html,
)
from newsdesk.language.strings import load_strings
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import prepare_events
from newsdesk.view.timeline_rows import timeline_rows

TITLE_XSS = "Road <closed> & <script>alert(1)</script>"


class Tags(HTMLParser):
    """Every tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(page: bytes) -> Tags:
    parser = Tags()
    parser.feed(page.decode("utf-8"))
    return parser


def external_resources(parsed: Tags) -> list[str]:
    """src/href of scripts, stylesheets, images and frames that point outside the file
    (plain <a> links, such as attributions, are not resources and are allowed)."""
    found = []
    for tag, attrs in parsed.tags:
        if tag in ("script", "img", "iframe") and attrs.get("src"):
            found.append(str(attrs["src"]))
        if tag == "link" and attrs.get("href"):
            found.append(str(attrs["href"]))
    return found


def _events() -> pd.DataFrame:
    rows = []
    for number, (date, precision, end) in enumerate(
        [("2021-03-04", "day", ""), ("2021-04-01", "day", "2021-04-09"), ("2021-05-15", "week", "")]
    ):
        row = {column: "" for column in EVENTS}
        row.update(
            event_id=f"ev-standalone-{number}",
            date=date,
            date_precision=precision,
            date_end=end,
            type="call",
            status="happened",
            n_sources="1",
            title_en=TITLE_XSS if number == 0 else f"Event number {number}",
            title_ar=f"حدث رقم {number}",
        )
        rows.append(row)
    return prepare_events(pd.DataFrame(rows))


def _figure(lang: str = "en"):
    strings = load_strings()
    rows = timeline_rows(_events(), Lookups(), lang, strings=strings)
    labels = {"call": strings.t(lang, "type.call")}
    return timeline_figure(rows, labels, rtl=lang == "ar")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_timeline_html_is_standalone(lang: str) -> None:
    page = timeline_html(_figure(lang), "Timeline · the view", ["War 2020 · 3 events"], lang)
    parsed = parse(page)
    assert external_resources(parsed) == []
    html_tag = dict(next(attrs for tag, attrs in parsed.tags if tag == "html"))
    assert html_tag == {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr"}
    assert max(len(script) for script in parsed.scripts) > 1_000_000  # plotly.js, inline
    text = page.decode()
    assert "<title>Timeline · the view</title>" in text and "War 2020 · 3 events" in text
    for number in range(3):
        assert f"ev-standalone-{number}" in text
    if lang == "en":
        assert "Road &lt;closed&gt; &amp; &lt;script&gt;" in text  # hover text, escaped
    assert "<script>alert(1)" not in text
    assert "Noto Naskh Arabic" in text


def _map() -> folium.Map:
    marker = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
        "properties": {
            "style": {"radius": 7, "fillColor": "#1f77b4", "fill": True},
            "n": 1,
            "popup": "<div>Event number 1 &amp; a &lt;script&gt;</div>",
            "tip": "one call",
        },
    }
    text = MapText(
        districts="Districts",
        markers="Events",
        towns="Towns",
        nkao="NKAO",
        ceasefire="1994 line",
        legend_html="<b>Events</b>",
        attribution="Made with Natural Earth",
        rtl=False,
    )
    return folium_map({"features": []}, [], None, None, [], [marker], text)


def test_map_html_is_standalone() -> None:
    page = map_html(_map(), "Map · the view", ["War 2020 · 1 event"], "ar", local_files())
    parsed = parse(page)
    assert external_resources(parsed) == []
    text = page.decode()
    assert '<html lang="ar" dir="rtl">' in text and "<title>Map · the view</title>" in text
    for path in local_files().values():  # Leaflet and markercluster, script and CSS, inline
        if path.suffix == ".js":
            assert path.read_text(encoding="utf-8")[:300] in text, path.name
    assert "L.markerClusterGroup" in text
    assert "Event number 1" in text  # the marker's popup
    assert "url(images/" not in text  # Leaflet's CSS images became data: URLs
    assert "War 2020 · 1 event" in text


def test_map_html_refuses_a_link_it_cannot_inline() -> None:
    with pytest.raises(ValueError, match="network"):
        map_html(_map(), "Map", [], "en", {})


def test_timeline_png_is_a_real_png(chromium: Path) -> None:
    assert png_available() == (True, "")
    data = figure_png(_figure("ar"), width=1000, height=500, scale=2)
    assert data.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (2000, 1000)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 20  # drawn, not a blank page


def test_png_without_a_browser_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-browser"
    monkeypatch.setenv("BROWSER_PATH", str(missing))
    available, reason = png_available()
    assert not available and str(missing) in reason
    with pytest.raises(PngUnavailable):
        figure_png(_figure(), width=400, height=300)
