"""Streamlit widgets, charts, cards and the shared page frame (the only UI code besides pages/)."""
