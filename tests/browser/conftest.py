"""One Streamlit server on the fixture data and one headless Debian chromium per test session
(and a second server, with an editor account and its own store, for the editor's test).

Skipped only when /usr/bin/chromium is absent, and never when CI is set (then it fails): see
the `chromium` fixture in tests/conftest.py.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"

sys.path.insert(0, str(REPO / "tests" / "app"))
from fixtures import write_fixture  # noqa: E402
from pagewait import patient  # noqa: E402

from devserver import (  # noqa: E402
    CHROMIUM_ARGS,
    ServerDidNotStart,
    dashboard_server,
)

EDITOR = "ana"
EDITOR_PASSWORD = "browser-editor-password"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[str]:
    yield from _serve(tmp_path_factory, {})


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[str]:
    from newsdesk.editors.auth import EDITORS_ENV, hash_password

    yield from _serve(tmp_path_factory, {EDITORS_ENV: f"{EDITOR}:{hash_password(EDITOR_PASSWORD)}"})


def _serve(tmp_path_factory: pytest.TempPathFactory, extra: dict[str, str]) -> Iterator[str]:
    """A streamlit server on a fresh copy of the fixture data, with its own store (only
    started where Chromium can use it)."""
    root = tmp_path_factory.mktemp("browser")
    data, corpus = write_fixture(root)
    env = dict(os.environ, NEWSDESK_DATA=str(data), NEWSDESK_CORPUS=str(corpus), **extra)
    env["NEWSDESK_DB_URL"] = f"sqlite:///{root / 'store.sqlite'}"
    log = tmp_path_factory.mktemp("log") / "streamlit.log"
    try:
        with dashboard_server(env, log) as (base, _process):
            yield base
    except ServerDidNotStart as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser(chromium: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):
    yield from _tab(browser, server)


@pytest.fixture
def editor_tab(browser, editor_server: str):
    yield from _tab(browser, editor_server)


def _tab(browser, base: str):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1800}, locale="en-GB", accept_downloads=True
    )
    tab = patient(context.new_page())
    tab.base = base  # type: ignore[attr-defined]
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
