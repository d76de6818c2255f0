"""Editor page (signed-in editors only; readers see a sign-in form and no menu entry)."""

from components.editor.page import editor_page
from components.frame.page import frame

ctx = frame("editor")
with ctx.body:
    editor_page(ctx)
