"""Presenter page: the view's events as slides, for a room (no sidebar, no Streamlit chrome)."""

from components.frame.page import frame
from components.story import story_page

ctx = frame("story", chrome=False)
with ctx.body:
    story_page(ctx)
