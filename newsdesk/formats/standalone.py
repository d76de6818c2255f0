"""Standalone files of a chart or a map that work offline: HTML with everything inlined, and PNG.

A presenter opens these in a room with no internet, or drops them into slides, so nothing may
be fetched: the timeline HTML carries plotly.js inline (`include_plotlyjs=True`), the map HTML
carries Leaflet and Leaflet.markercluster, script and CSS, read from the pinned xstatic
packages (the images their CSS names become data: URLs). No Streamlit here: the app passes in
the figure or the folium map it built with the same builders as its pages.

The PNG is drawn by kaleido 1.x, which drives a headless Chromium (Debian's /usr/bin/chromium;
`BROWSER_PATH` points it at another one). Where there is no browser the PNG cannot be made:
`figure_png` raises `PngUnavailable` and the page offers the HTML instead.
"""

from __future__ import annotations

import base64
import mimetypes
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import folium
import plotly.graph_objects as go
from branca.element import Element
from folium.elements import JSCSSMixin

from newsdesk.config import BROWSER_ENV, browser_setting
from newsdesk.language.strings import is_rtl
from newsdesk.view.markup import esc

FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class PngUnavailable(RuntimeError):
    """The server cannot draw a PNG (no kaleido, or no Chromium for it to drive)."""


def _page_style(rtl: bool) -> str:
    return (
        f"body {{ margin: 0; font-family: {FONT}; color: #222; }}"
        " header.nd-head { padding: .6rem 1rem .2rem 1rem; }"
        " header.nd-head h1 { font-size: 1.35rem; margin: 0; }"
        " header.nd-head p { margin: .2rem 0; color: #555; font-size: .95rem; }"
        + (" header.nd-head { direction: rtl; text-align: right; }" if rtl else "")
    )


def _head_html(title: str, lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{esc(line)}</p>" for line in lines if line)
    return f"<header class='nd-head'><h1>{esc(title)}</h1>{paragraphs}</header>"


def timeline_html(fig: go.Figure, title: str, lines: list[str], lang: str) -> bytes:
    """The figure as one HTML file with plotly.js inline, headed by the title and the view."""
    rtl = is_rtl(lang)
    fig = go.Figure(fig)  # a copy: the lane names get the room they need on a full page
    labels = 160  # plotly measures lane names before the Arabic web font is in: keep room
    fig.update_layout(margin=dict(l=20, r=labels) if rtl else dict(l=labels, r=20))
    chart = fig.to_html(
        include_plotlyjs=True,
        full_html=False,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
    )
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="{"rtl" if rtl else "ltr"}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_page_style(rtl)}"
        " .nd-chart { direction: ltr; padding: 0 .5rem; }</style>\n</head>\n<body>\n"
        f"{_head_html(title, lines)}\n<div class='nd-chart'>{chart}</div>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def _data_urls(css: str, base: Path) -> str:
    """`url(images/x.png)` in a stylesheet -> a data: URL of that file, when it exists."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        path = base / target
        if target.startswith(("data:", "#")) or not path.is_file():
            return match.group(0)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:{kind};base64,{encoded})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", replace, css)


def _elements(root: object) -> list[object]:
    found, stack = [], [root]
    while stack:
        element = stack.pop(0)
        found.append(element)
        stack.extend(getattr(element, "_children", {}).values())
    return found


def map_html(
    fmap: folium.Map, title: str, lines: list[str], lang: str, assets: Mapping[str, Path]
) -> bytes:
    """The folium map as one HTML file with its scripts and stylesheets inlined.

    `assets` maps each script or stylesheet URL the map's elements name (their `default_js`
    and `default_css`) to the local file with its content. A URL missing from it is an error,
    not a silent CDN link: the file must work with no network.
    """
    rtl = is_rtl(lang)
    root = fmap.get_root()
    scripts, styles = [], []
    for element in _elements(fmap):
        if not isinstance(element, JSCSSMixin):
            continue
        for url_list, target in ((element.default_js, scripts), (element.default_css, styles)):
            for _name, url in url_list:
                if url not in assets:
                    raise ValueError(f"no local file for {url}: the map would need the network")
                if url not in target:
                    target.append(url)
        element.default_js = []
        element.default_css = []
    header = root.header
    for number, url in enumerate(styles):
        path = assets[url]
        css = _data_urls(path.read_text(encoding="utf-8"), path.parent)
        header.add_child(Element(f"<style>{css}</style>"), name=f"nd_inline_css_{number}")
    for number, url in enumerate(scripts):
        code = assets[url].read_text(encoding="utf-8").replace("</script", "<\\/script")
        header.add_child(Element(f"<script>{code}</script>"), name=f"nd_inline_js_{number}")
    header.add_child(Element(f"<title>{esc(title)}</title>"), name="nd_title")
    layout = (
        "<style>" + _page_style(rtl) + " html, body { height: 100%; }"
        " body { display: flex; flex-direction: column; }"
        " .folium-map { position: relative !important; flex: 1 1 auto;"
        " height: auto !important; min-height: 400px; }</style>"
    )
    header.add_child(Element(layout), name="nd_layout")
    root.html.add_child(Element(_head_html(title, lines)), name="nd_heading")
    page = root.render()
    direction = "rtl" if rtl else "ltr"
    page = page.replace("<html>", f'<html lang="{esc(lang)}" dir="{direction}">', 1)
    return page.encode("utf-8")


def figure_png(
    fig: go.Figure, width: int = 1400, height: int | None = None, scale: float = 2
) -> bytes:
    """The figure as a PNG drawn by kaleido in a headless Chromium, or PngUnavailable."""
    try:
        import kaleido  # noqa: F401  (plotly imports it lazily; a clear error if it is missing)
    except ImportError as error:
        raise PngUnavailable(f"kaleido is not installed: {error}") from error
    height = height or int(fig.layout.height or 600)
    try:
        data = fig.to_image(format="png", width=width, height=height, scale=scale)
    # kaleido and choreographer raise RuntimeError subclasses (no browser, browser died),
    # their own KaleidoError, or OSError; whatever it is, the page must offer the HTML instead.
    except Exception as error:
        raise PngUnavailable(f"{type(error).__name__}: {error}") from error
    if not data.startswith(PNG_MAGIC):
        raise PngUnavailable("the image drawn is not a PNG")
    return data


BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def png_available() -> tuple[bool, str]:
    """Whether kaleido and a browser for it are here, and if not, why (said on the page)."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False, "kaleido is not installed"
    override = browser_setting()
    if override:
        return (
            (True, "")
            if Path(override).is_file()
            else (False, f"{BROWSER_ENV}={override} is missing")
        )
    if any(shutil.which(name) for name in BROWSER_NAMES):
        return True, ""
    return False, "no Chromium or Chrome found for kaleido"
