"""AppTest helpers: the fixture data folder, the shipped one when it exists, a page runner."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures import write_empty, write_fixture

REPO = Path(__file__).resolve().parents[2]
ENTRY = str(REPO / "dashboard.py")
PAGES = {
    "home": None,
    "timeline": "pages/timeline.py",
    "events": "pages/events.py",
    "sources": "pages/sources.py",
}
TIMEOUT = 30  # the first run imports plotly and pandas


@pytest.fixture(scope="session")
def fixture_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_fixture(tmp_path_factory.mktemp("newsdesk"))


@pytest.fixture(scope="session")
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_empty(tmp_path_factory.mktemp("newsdesk-empty"))


@pytest.fixture
def on_fixture(fixture_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    data, corpus = fixture_dirs
    monkeypatch.setenv("NEWSDESK_DATA", str(data))
    monkeypatch.setenv("NEWSDESK_CORPUS", str(corpus))


RunPage = Callable[..., AppTest]


def run_page(page: str, params: Mapping[str, str | list[str]] | None = None) -> AppTest:
    """Run one page the way a link opens it: the entry script's page registry, the page's URL."""
    at = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if PAGES[page]:
        at.switch_page(PAGES[page])
    return at.run()


@pytest.fixture
def page(on_fixture: None) -> RunPage:
    return run_page


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
