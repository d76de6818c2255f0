"""Everything Streamlit draws, besides the thin files in pages/.

`frame/` is what every page calls first (page config, language, URL state, sidebar filters,
the cached data loaders, who is signed in); `shared/` holds what several pages draw (cards,
plotly charts, folium and pydeck maps, the timeline and district-map builders); each page's
body is one module (`home`, `timeline`, `events`, `sources`, `story`, `export`) or a folder of
its parts (`map/`, `editor/`). A page body imports `frame`, `shared` and `newsdesk`, never
another page's body.
"""
