"""Sources page."""

from components.frame.page import frame
from components.sources import sources_page

ctx = frame("sources")
with ctx.body:
    sources_page(ctx)
