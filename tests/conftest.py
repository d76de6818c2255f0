"""Every test gets its own editors' store in a temporary folder, never one under data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.store import DB_URL_ENV


@pytest.fixture(autouse=True)
def _store_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{tmp_path / 'store' / 'store.sqlite'}")
