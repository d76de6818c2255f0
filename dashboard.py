"""Home page (the entry point): `streamlit run dashboard.py`."""

from components.frame.page import frame
from components.home import home_page

ctx = frame("home")
with ctx.body:
    home_page(ctx)
