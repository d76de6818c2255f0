"""Events page."""

from components.events import events_page
from components.frame.page import frame

ctx = frame("events")
with ctx.body:
    events_page(ctx)
