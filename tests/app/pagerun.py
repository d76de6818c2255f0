"""Running pages with AppTest as a link opens them, and reading what they drew."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.frame.page import EDITOR_PAGES
from components.frame.page import PAGES as PAGE_FILES

REPO = Path(__file__).resolve().parents[2]
ENTRY = str(REPO / "dashboard.py")
# Page name -> the file to switch to; home is the entry script itself (no switch).
PAGES = {name: None if file == "dashboard.py" else file for name, file in PAGE_FILES.items()}
# The pages a reader's menu lists (the editor page is listed only to signed-in editors).
READER_PAGES = [name for name in PAGES if name not in EDITOR_PAGES]
TIMEOUT = 30  # the first run imports plotly and pandas


RunPage = Callable[..., AppTest]


def run_page(page: str, params: Mapping[str, str | list[str]] | None = None) -> AppTest:
    """Run one page the way a link opens it: the entry script's page registry, the page's URL."""
    at = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if PAGES[page]:
        at.switch_page(PAGES[page])
    return at.run()


def html_of(at: AppTest) -> str:
    """All st.html bodies of the run, joined (cards, article views)."""
    return "\n".join(element.proto.body for element in at.get("html"))


def texts_of(at: AppTest) -> str:
    """Markdown, captions, titles, infos and page-link labels of the run, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [t.value for t in at.title] + [s.value for s in at.subheader]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    parts += [link.proto.label for link in at.get("page_link")]
    return "\n".join(parts)


# The title each page shows, as a reader sees it (AppTest and browser tests check it).
TITLES = {
    "en": {
        "home": "Karabakh conflict in Arabic news",
        "timeline": "Timeline",
        "events": "Events",
        "map": "Map",
        "sources": "Sources",
        "story": "Presenter",
        "export": "Export",
        "editor": "Editors",
    },
    "ar": {
        "home": "نزاع قره باغ في الأخبار العربية",
        "timeline": "الخط الزمني",
        "events": "الأحداث",
        "map": "الخريطة",
        "sources": "المصادر",
        "story": "العرض التقديمي",
        "export": "تصدير",
        "editor": "المحررون",
    },
}
