"""Timeline page."""

from components.frame.page import frame
from components.timeline import timeline_page

ctx = frame("timeline")
with ctx.body:
    timeline_page(ctx)
