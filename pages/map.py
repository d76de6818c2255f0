"""Map page."""

from components.frame import frame
from components.map_page import map_page

ctx = frame("map")
with ctx.body:
    map_page(ctx)
