"""AppTest fixtures: the fixture data folder, an empty one, and a page runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures import write_empty, write_fixture
from pagerun import RunPage, run_page


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


@pytest.fixture
def page(on_fixture: None) -> RunPage:
    return run_page
