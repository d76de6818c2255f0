"""A fixture data folder (from tests/app/fixtures.py) and a Desk over it, per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from fixtures import write_fixture

from newsdesk.editing import Desk


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data, _corpus = write_fixture(tmp_path / "fixture")
    return data


@pytest.fixture
def desk(data_dir: Path) -> Desk:
    return Desk.open(data_dir)
