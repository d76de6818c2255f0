"""Export page."""

from components.export import export_page
from components.frame.page import frame

ctx = frame("export")
with ctx.body:
    export_page(ctx)
