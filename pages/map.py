"""Map page."""

from components.frame.page import frame
from components.map.page import map_page

ctx = frame("map")
with ctx.body:
    map_page(ctx)
