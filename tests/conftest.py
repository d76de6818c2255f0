"""Every test gets its own editors' store in a temporary folder, never one under data/; tests
that drive Chromium ask for the `chromium` fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devserver import CHROMIUM
from newsdesk.config import DB_URL_ENV


@pytest.fixture(autouse=True)
def _store_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{tmp_path / 'store' / 'store.sqlite'}")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, for the browser tests and the PNG export. Skipped only where it is
    absent, and never when CI is set: there it fails, so no browser test goes quietly unrun."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: the browser tests must run in CI")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-core)")
    return CHROMIUM
