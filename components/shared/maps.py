"""Map builders: pure functions of prepared data returning a folium map or a pydeck deck.

Nothing here calls Streamlit or reads files. Every text that reaches HTML (tooltips, popups,
legend, pydeck tooltips) arrives escaped from components.map.page, or is escaped here; Leaflet
and deck.gl both put these strings into innerHTML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import folium
import pydeck as pdk
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from folium.utilities import JsCode
from jinja2 import Template

from components.shared.map_assets import CLUSTER_CSS, CLUSTER_JS, LEAFLET_CSS, LEAFLET_JS

CENTER = (39.85, 46.75)  # Khankendi, in the middle of the former NKAO
ZOOM = 8
SEA = "#d7e6f2"
LAND = "#f4f1ea"
NO_EVENTS = "#ffffff"
SHADES = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif'

MAP_CSS = f"""
<style>
.leaflet-container {{ background: {SEA}; font-family: {FONT}; }}
.nd-town {{ background: rgba(255,255,255,.78); border: 0; box-shadow: none; padding: 0 3px;
           font-size: 11px; color: #222; }}
.nd-town::before {{ display: none; }}
.nd-legend {{ background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px;
             font-size: 12px; line-height: 18px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.nd-legend i {{ display: inline-block; width: 14px; height: 12px; margin-inline-end: 5px;
               border: 1px solid #999; vertical-align: -1px; }}
.nd-legend .nd-line {{ height: 0; border: 0; border-top: 2px dashed #333; }}
.nd-legend .nd-line.nd-cf {{ border-top: 2px solid #7b3294; }}
.nd-pop {{ font-size: 13px; min-width: 200px; }}
.nd-pop .nd-badge {{ border-radius: 8px; padding: 0 7px; color: #fff; font-size: 12px; }}
.nd-pop ul {{ margin: 4px 0; padding-inline-start: 16px; }}
.nd-pop .nd-d {{ color: #555; }}
.nd-pop .nd-more {{ color: #555; font-size: 12px; }}
.leaflet-control-layers {{ font-size: 12px; }}
{"".join(f".nd-z{z} .nd-min{m} {{ display: none; }}" for z in range(2, 9) for m in (8, 9) if m > z)}
</style>
"""
# The map container carries its zoom as a class (nd-z8), so CSS can hide town labels that
# would pile up at that zoom (labels carry nd-min9: shown from zoom 9).
ZOOM_CLASS = """
function mark() {
    var box = map.getContainer();
    box.className = box.className.replace(/ ?nd-z[0-9]+/g, '') + ' nd-z' + map.getZoom();
}
map.on('zoomend', mark);
mark();
"""


class _Script(MacroElement):
    """A bit of map script: a legend control, an attribution line, the zoom class."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) { {{ this.code }} })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "NdScript"
        self.code = code


def _js(text: str) -> str:
    """A JS string literal (JSON is valid JS), safe inside a <script>."""
    return json.dumps(text).replace("</", "<\\/")


def legend_script(legend_html: str, position: str) -> str:
    return (
        f"var c = L.control({{position: {_js(position)}}});"
        "c.onAdd = function () { var d = L.DomUtil.create('div', 'nd-legend');"
        f"d.innerHTML = {_js(legend_html)};"
        "L.DomEvent.disableClickPropagation(d); return d; };"
        "c.addTo(map);"
    )


# The clusters show the number of events under them, not the number of markers: each marker
# stands for all events of one type at one place.
CLUSTER_ICON = """
function (cluster) {
    var n = 0;
    cluster.getAllChildMarkers().forEach(function (m) {
        n += (m.feature && m.feature.properties.n) || 1;
    });
    var size = n < 10 ? 'small' : (n < 100 ? 'medium' : 'large');
    return L.divIcon({html: '<div><span>' + n + '</span></div>',
                      className: 'marker-cluster marker-cluster-' + size,
                      iconSize: L.point(40, 40)});
}
"""
# Popups and tooltips are precomputed, escaped HTML strings in each feature's properties.
BIND = JsCode(
    """
function (feature, layer) {
    var p = feature.properties;
    if (p.popup) { layer.bindPopup(p.popup, {maxWidth: 340, minWidth: 200}); }
    if (p.tip) { layer.bindTooltip(p.tip, {sticky: true, direction: 'top'}); }
    if (p.label) {
        layer.bindTooltip(p.label, {permanent: true, direction: 'right', offset: [4, 0],
                                    className: p.label_class || 'nd-town', interactive: false});
    }
}
"""
)


@dataclass(frozen=True)
class MapText:
    """The translated (already escaped) words the folium map shows."""

    districts: str
    markers: str
    towns: str
    nkao: str
    ceasefire: str
    legend_html: str
    attribution: str
    rtl: bool


def _collection(features: Sequence[Mapping]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def shade(count: int, bins: Sequence[int]) -> str:
    """Fill colour of a district with `count` events (bins: lower bounds of the classes)."""
    if count <= 0 or not bins:
        return NO_EVENTS
    index = sum(1 for bound in bins if count >= bound) - 1
    return SHADES[min(index, len(SHADES) - 1) + max(0, len(SHADES) - len(bins))]


def district_style(count: int, bins: Sequence[int]) -> dict:
    return {
        "fillColor": shade(count, bins),
        "fillOpacity": 0.8 if count > 0 else 0.45,
        "color": "#7d7d7d",
        "weight": 0.8,
    }


def folium_map(
    countries: dict,
    districts: Sequence[Mapping],
    nkao: dict | None,
    ceasefire: dict | None,
    towns: Sequence[Mapping],
    markers: Sequence[Mapping],
    text: MapText,
) -> folium.Map:
    """The Karabakh map. `districts`, `towns` and `markers` are GeoJSON features whose
    properties already hold `style`, escaped `tip`/`label`/`popup` HTML and `sel` (what a click
    selects); the layers are drawn in that order over the country outlines."""
    fmap = folium.Map(
        location=CENTER,
        zoom_start=ZOOM,
        tiles=None,
        control_scale=True,
        attribution_control=True,
        # Map options, not tile-layer ones (folium gives min/max_zoom to the tiles, and there
        # are none): the marker clusters need the map's maxZoom.
        **{"minZoom": 4, "maxZoom": 13},
    )
    fmap.default_js = LEAFLET_JS
    fmap.default_css = LEAFLET_CSS
    fmap.get_root().header.add_child(Element(MAP_CSS), name="nd_map_css")
    land = {"fillColor": LAND, "fillOpacity": 1, "color": "#9a9a9a", "weight": 1}
    folium.GeoJson(
        {
            "type": "FeatureCollection",
            "features": [
                {**f, "properties": {"style": land}} for f in countries.get("features", [])
            ],
        },
        name="countries",
        control=False,
        interactive=False,
    ).add_to(fmap)
    folium.GeoJson(
        _collection(districts), name=text.districts, on_each_feature=BIND, control=False
    ).add_to(fmap)
    if nkao:
        style = {"color": "#222", "weight": 2.2, "dashArray": "6 4", "fill": False}
        folium.GeoJson(styled(nkao, style), name=text.nkao, interactive=False, show=True).add_to(
            fmap
        )
    if ceasefire:
        style = {"color": "#7b3294", "weight": 2.4, "opacity": 0.9}
        folium.GeoJson(
            styled(ceasefire, style), name=text.ceasefire, interactive=False, show=False
        ).add_to(fmap)
    folium.GeoJson(
        _collection(towns),
        name=text.towns,
        marker=folium.CircleMarker(radius=2.5),
        on_each_feature=BIND,
    ).add_to(fmap)
    cluster = MarkerCluster(
        name=text.markers,
        icon_create_function=CLUSTER_ICON,
        options={"maxClusterRadius": 36, "showCoverageOnHover": False},
    )
    cluster.default_js = CLUSTER_JS
    cluster.default_css = CLUSTER_CSS
    folium.GeoJson(
        _collection(markers), marker=folium.CircleMarker(radius=7), on_each_feature=BIND
    ).add_to(cluster)
    cluster.add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    corner = "bottomright" if text.rtl else "bottomleft"
    fmap.add_child(_Script(legend_script(text.legend_html, corner)))
    fmap.add_child(_Script(f"map.attributionControl.addAttribution({_js(text.attribution)});"))
    fmap.add_child(_Script(ZOOM_CLASS))
    return fmap


def styled(collection: dict, style: dict) -> dict:
    return _collection(
        [{**feature, "properties": {"style": style}} for feature in collection["features"]]
    )


# --- a presenter's slide -----------------------------------------------------------------------

SLIDE_CSS = """
<style>
.nd-spot { background: rgba(255,255,255,.9); border: 1px solid #888; border-radius: 4px;
           font-size: 15px; font-weight: 600; color: #111; padding: 1px 6px; }
.nd-spot::before { display: none; }
.leaflet-control-attribution { font-size: 11px; }
</style>
"""


# The slide's view is set again whenever the map's frame changes size: Streamlit sizes the
# component's iframe after Leaflet has drawn into it, and a map fitted to the first, smaller
# frame showed its shapes cut off at that frame's old edges.
FIT_VIEW = """
var view = JSON.parse(VIEW);
function show() {
    map.invalidateSize();
    if (view.bounds) { map.fitBounds(view.bounds, {padding: [40, 40], maxZoom: 8}); }
    else { map.setView(view.center, view.zoom); }
}
new ResizeObserver(show).observe(map.getContainer());
show();
"""


def slide_map(
    countries: dict,
    outlines: Sequence[dict],
    points: Sequence[Mapping],
    attribution: str,
    close: bool,
) -> folium.Map:
    """The small map of one slide: the country outlines, `outlines` (GeoJSON collections with a
    `style` in each feature's properties: the districts, the NKAO line) and a labelled dot per
    point (`lat`, `lon`, `color`, escaped `label` HTML).

    `close`: every point is around Karabakh, so the map shows them close up; otherwise it is
    fitted to the points and Karabakh together, so the audience sees where Moscow or Brussels
    lies from the conflict. Nothing here needs the network (no tiles, Leaflet served by the
    app). Built per slide: the page draws one event, so the map holds one to three dots."""
    spots = [(float(p["lat"]), float(p["lon"])) for p in points]
    if spots and close and len(spots) == 1:
        view: dict = {"center": spots[0], "zoom": 8}
    elif spots:
        corners = spots if close else [*spots, CENTER]
        lats, lons = [lat for lat, _ in corners], [lon for _, lon in corners]
        view = {"bounds": [[min(lats), min(lons)], [max(lats), max(lons)]]}
    else:
        view = {"center": CENTER, "zoom": 7}
    fmap = folium.Map(
        location=view.get("center", CENTER),
        zoom_start=view.get("zoom", 7),
        tiles=None,
        attribution_control=True,
        **{"minZoom": 2, "maxZoom": 12},
    )
    fmap.default_js = LEAFLET_JS
    fmap.default_css = LEAFLET_CSS
    root = fmap.get_root()
    root.header.add_child(Element(MAP_CSS), name="nd_map_css")
    root.header.add_child(Element(SLIDE_CSS), name="nd_slide_css")
    land = {"fillColor": LAND, "fillOpacity": 1, "color": "#9a9a9a", "weight": 1}
    for collection in (styled(countries, land), *outlines):
        folium.GeoJson(collection, control=False, interactive=False).add_to(fmap)
    for point in points:
        folium.CircleMarker(
            location=(point["lat"], point["lon"]),
            radius=9,
            color="#1a1a1a",
            weight=2,
            fill=True,
            fill_color=point["color"],
            fill_opacity=0.95,
            tooltip=folium.Tooltip(
                point["label"], permanent=True, direction="right", class_name="nd-spot"
            ),
        ).add_to(fmap)
    fmap.add_child(_Script(FIT_VIEW.replace("VIEW", _js(json.dumps(view)))))
    fmap.add_child(_Script(f"map.attributionControl.addAttribution({_js(attribution)});"))
    return fmap


# --- the diplomacy view (pydeck) --------------------------------------------------------------


def diplomacy_deck(
    world: dict, arcs: Sequence[Mapping], cities: Sequence[Mapping], tooltip_html: str
) -> pdk.Deck:
    """Arcs between capitals (calls) or from capitals to the venue (meetings) over the
    project's country outlines, with no base map: `map_provider=None` and pydeck's default
    `map_style`. (On Streamlit 1.67 `map_style=None` means "a CARTO style matching the theme"
    and fetches it from the network, as the offline browser test showed; only pydeck's
    default-style marker with no provider tells Streamlit to draw no base map.)
    `arcs` and `cities` rows carry an escaped `tip`; text labels are left out because deck.gl's
    TextLayer cannot shape Arabic."""
    countries = pdk.Layer(
        "GeoJsonLayer",
        id="countries",
        data=world,
        stroked=True,
        filled=True,
        get_fill_color=[236, 232, 223],
        get_line_color=[160, 160, 160],
        line_width_min_pixels=0.6,
        pickable=False,
    )
    arc_layer = pdk.Layer(
        "ArcLayer",
        id="arcs",
        data=list(arcs),
        get_source_position=["from_lon", "from_lat"],
        get_target_position=["to_lon", "to_lat"],
        get_source_color="color",
        get_target_color="color",
        get_width="width",
        width_units="'pixels'",  # quoted: pydeck turns bare strings into JS expressions
        get_height="height",
        pickable=True,
        auto_highlight=True,
    )
    city_layer = pdk.Layer(
        "ScatterplotLayer",
        id="cities",
        data=list(cities),
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_units="'pixels'",
        get_fill_color=[40, 40, 40, 200],
        get_line_color=[255, 255, 255],
        stroked=True,
        line_width_min_pixels=1,
        pickable=True,
    )
    view = pdk.ViewState(latitude=44.0, longitude=38.0, zoom=2.6, pitch=0)
    return pdk.Deck(
        layers=[countries, arc_layer, city_layer],
        initial_view_state=view,
        map_provider=None,  # and map_style left at pydeck's default: see the docstring
        tooltip={"html": tooltip_html, "style": {"fontFamily": FONT, "fontSize": "13px"}},
    )


def arc_width(count: int, top: int) -> float:
    """Arc width in pixels, 2 to 14, growing with the square root of the count."""
    if top <= 0:
        return 2.0
    return round(2 + 12 * (max(count, 0) / top) ** 0.5, 2)
