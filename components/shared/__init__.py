"""What several pages draw: event cards, plotly charts, folium and pydeck maps with the Leaflet
files Streamlit serves, the map layers, and the builders of the timeline figure and the
district map that both their pages and the Export page use."""
