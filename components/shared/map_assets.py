"""Leaflet and its marker-cluster plugin served by this app, so the map works with no internet.

folium points the browser at CDNs for Leaflet, jQuery, Bootstrap and Font Awesome; where there
is no internet (a presenter's room, the test browser) the map stays blank. The map uses only
Leaflet and Leaflet.markercluster (circle markers, no icon fonts, no jQuery-built popups), and
both come from pip packages pinned in requirements.txt (XStatic-Leaflet 1.9.3, the version
folium 0.20 expects, and XStatic-Leaflet-MarkerCluster), so nothing third-party is copied into
the repository.

How they are served (checked on Streamlit 1.67): `components.declare_component(name, path=DIR)`
makes Streamlit serve every file under DIR at `component/<module>.<name>/<file>`, the same
route that serves streamlit-folium's own page. streamlit-folium loads the map's `default_js` /
`default_css` links inside its iframe at `component/streamlit_folium.st_folium/index.html`, so
the links are relative to that: `../<module>.<name>/leaflet.js`. This needs no
`server.enableStaticServing` (which serves only a `static/` folder beside the entry script,
where these files would have to be copied) and no data: URLs (which would resend ~250 KB on
every rerun). The route exists once this module ran in the session, before the map is drawn.
"""

from __future__ import annotations

from pathlib import Path

import streamlit.components.v1 as components
from xstatic.pkg import leaflet, leaflet_markercluster

LEAFLET_DIR = Path(leaflet.BASE_DIR)
CLUSTER_DIR = Path(leaflet_markercluster.BASE_DIR)

# Declared at import: registers the two folders with Streamlit's component file route. The
# returned functions are never called (they have no page of their own).
_LEAFLET_ROUTE = components.declare_component("leaflet_files", path=str(LEAFLET_DIR))
_CLUSTER_ROUTE = components.declare_component("markercluster_files", path=str(CLUSTER_DIR))


def _url(route: object, file: str) -> str:
    return f"../{route.name}/{file}"  # type: ignore[attr-defined]


LEAFLET_JS = [("leaflet", _url(_LEAFLET_ROUTE, "leaflet.js"))]
LEAFLET_CSS = [("leaflet_css", _url(_LEAFLET_ROUTE, "leaflet.css"))]
CLUSTER_JS = [("markerclusterjs", _url(_CLUSTER_ROUTE, "leaflet.markercluster.js"))]
CLUSTER_CSS = [
    ("markerclustercss", _url(_CLUSTER_ROUTE, "MarkerCluster.css")),
    ("markerclusterdefaultcss", _url(_CLUSTER_ROUTE, "MarkerCluster.Default.css")),
]


def asset_files() -> list[Path]:
    """The files the links point at (a test checks they exist in the installed packages)."""
    return [
        LEAFLET_DIR / "leaflet.js",
        LEAFLET_DIR / "leaflet.css",
        CLUSTER_DIR / "leaflet.markercluster.js",
        CLUSTER_DIR / "MarkerCluster.css",
        CLUSTER_DIR / "MarkerCluster.Default.css",
    ]


def local_files() -> dict[str, Path]:
    """Each link above -> the installed file it serves (the Export page inlines them into a
    standalone map, which then needs no server at all)."""
    links = [*LEAFLET_JS, *LEAFLET_CSS, *CLUSTER_JS, *CLUSTER_CSS]  # asset_files' order
    return {url: path for (_name, url), path in zip(links, asset_files(), strict=True)}
