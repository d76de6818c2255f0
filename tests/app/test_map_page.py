"""The map page through AppTest: it renders in both languages, the period changes the district
counts, a selection in the URL (where a click on the map puts it) lists the right events, the
diplomacy view counts its arcs, and missing layer files are reported instead of crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagerun import RunPage, texts_of
from test_app_pages import assert_clean, card_titles

from components.map.diplomacy import arc_from_selection
from newsdesk.view.markup import md_escape


def district_table(at) -> dict[str, int]:
    tables = [d.value for d in at.dataframe]
    if not tables:
        return {}
    table = tables[0]
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_map_renders_with_district_counts(page: RunPage, lang: str) -> None:
    at = page("map", {"lang": lang})
    assert_clean(at)
    assert at.radio(key="w_mapview").value == "map"
    counts = district_table(at)
    # the fixture's places table has no district rows: names come from the layer
    lachin = {"en": "Lachin District", "ar": "منطقة لاتشين"}[lang]
    assert counts[lachin] == 2
    baku = {"en": "Baku (city)", "ar": "منطقة باكو"}[lang]
    assert counts[baku] == 1
    text = texts_of(at)
    assert "Made with Natural Earth" in text
    assert "GeoNames, CC BY 4.0" in text


def test_the_period_changes_the_district_counts(page: RunPage) -> None:
    assert district_table(page("map"))["Lachin District"] == 2
    at = page("map", {"period": "custom", "from": "2022-12-01", "to": "2022-12-31"})
    assert_clean(at)
    assert district_table(at) == {"Lachin District": 1}
    at = page("map", {"period": "war2020"})  # the war's events name no district
    assert district_table(at) == {}
    assert "0 placed in a district" in texts_of(at)


def test_a_place_selection_lists_its_events_newest_first(page: RunPage) -> None:
    at = page("map", {"sel": "place:lachin"})
    assert_clean(at)
    assert [s.value for s in at.subheader][-1] == md_escape("Events at Lachin (Berdzor)")
    assert card_titles(at) == [
        "The Lachin corridor is closed again",
        "Protesters block the Lachin road &lt;b&gt;x&lt;/b&gt;",  # escaped HTML: shown as typed
    ]
    at = page("map", {"sel": "place:lachin", "lang": "ar"})
    assert md_escape("الأحداث في لاتشين") in [s.value for s in at.subheader]
    assert len(card_titles(at)) == 2


def test_a_district_selection_lists_the_events_of_its_places(page: RunPage) -> None:
    at = page("map", {"sel": "district:az-lachin", "type": "incident"})
    assert_clean(at)
    assert md_escape("Events in Lachin District") in [s.value for s in at.subheader]
    assert len(card_titles(at)) == 2
    at = page("map", {"sel": "district:az-baku"})
    assert card_titles(at) == ["Erdogan backs transport links in Baku"]
    at = page("map", {"sel": "district:az-shusha"})
    assert card_titles(at) == []
    assert "No event of this view is placed there." in texts_of(at)


def test_the_clear_button_drops_the_selection(page: RunPage) -> None:
    at = page("map", {"sel": "place:lachin"})
    at.button(key="w_map_clear").click().run()
    assert "sel" not in at.query_params
    assert card_titles(at) == []
    assert "Click a district or a marker to list its events here." in texts_of(at)


def test_bad_selections_are_ignored(page: RunPage) -> None:
    for value in ("town:lachin", "place:", "district:no-such-place"):
        at = page("map", {"sel": value})
        assert_clean(at)
        assert card_titles(at) == []


def test_diplomacy_view_counts_arcs_and_opens_their_events(page: RunPage) -> None:
    at = page("map", {"view": "diplomacy"})
    assert_clean(at)
    table = at.dataframe[0].value
    rows = {tuple(row) for row in table.itertuples(index=False)}
    assert rows == {("Baku", "Moscow", "Call", 1), ("Baku", "Moscow", "Meeting", 1)}
    at = page("map", {"view": "diplomacy", "arc": "arc:call|baku|moscow"})
    assert card_titles(at) == ["Putin calls Aliyev"]
    assert md_escape("Events between Baku and Moscow") in [s.value for s in at.subheader]
    at = page("map", {"view": "diplomacy", "arc": "city:baku", "lang": "ar"})
    assert len(card_titles(at)) == 2


def test_deck_selection_handler() -> None:
    state = {"selection": {"indices": {"arcs": [0]}, "objects": {"arcs": [{"arc_id": "call|a|b"}]}}}
    assert arc_from_selection(state) == ("arc", "call|a|b")
    state = {
        "selection": {"indices": {"cities": [2]}, "objects": {"cities": [{"place_id": "baku"}]}}
    }
    assert arc_from_selection(state) == ("city", "baku")
    assert arc_from_selection({"selection": {"indices": {}, "objects": {}}}) is None
    assert arc_from_selection(None) is None


def test_missing_layer_files_are_reported(
    page: RunPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_GEO", str(tmp_path / "no-layers"))
    at = page("map")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert md_escape("districts.geojson") in warnings
    assert "`python scripts/build_geo.py`" in warnings
    assert [e.value for e in at.error] == [
        "The map cannot be drawn without its district and country layers."
    ]


def test_empty_view_on_the_map(page: RunPage) -> None:
    at = page("map", {"period": "after", "type": "letter"})
    assert_clean(at)
    assert "No events match these filters." in texts_of(at)


def test_leaflet_assets_come_from_installed_packages() -> None:
    """The links folium's map gets point at files of the pinned XStatic packages, served by
    Streamlit's component route, never at a CDN."""
    from components.shared import map_assets

    for path in map_assets.asset_files():
        assert path.is_file() and path.stat().st_size > 500, path
    links = map_assets.LEAFLET_JS + map_assets.LEAFLET_CSS + map_assets.CLUSTER_JS
    links += map_assets.CLUSTER_CSS
    for _name, url in links:
        assert url.startswith("../components.shared.map_assets.") and "//" not in url, url
