"""A fixture data folder (from tests/app/fixtures.py) and a Desk over it, per test; and the
store backends the store tests run on.

`store_backend` runs a test once on SQLite (the file the root conftest gives every test) and
once on PostgreSQL, in a database of its own created on the server in NEWSDESK_TEST_PG_URL
(a SQLAlchemy URL such as `postgresql+psycopg://newsdesk:newsdesk@localhost/postgres`, whose
role may create databases) and dropped afterwards. Without that variable the PostgreSQL runs
are skipped, except in CI (CI=true), where `.ci/run` starts a server and a skip would hide
that the PostgreSQL path went untested: there they fail.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from fixtures import write_fixture

from newsdesk.config import DB_URL_ENV
from newsdesk.editors.desk import Desk
from newsdesk.editors.store import close_store

TEST_PG_URL_ENV = "NEWSDESK_TEST_PG_URL"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data, _corpus = write_fixture(tmp_path / "fixture")
    return data


@pytest.fixture
def desk(data_dir: Path) -> Desk:
    return Desk.open(data_dir)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[sa.Engine]:
    """An AUTOCOMMIT engine on the test server (CREATE/DROP DATABASE refuse transactions)."""
    url = os.environ.get(TEST_PG_URL_ENV, "").strip()
    if not url:
        reason = f"{TEST_PG_URL_ENV} is not set: no PostgreSQL server to test the store on"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (CI must test PostgreSQL: .ci/run starts one)")
        pytest.skip(reason)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_server: sa.Engine) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server, dropped after the test."""
    name = f"nd_test_{uuid.uuid4().hex[:16]}"
    with pg_server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = pg_server.url.set(database=name).render_as_string(hide_password=False)
    yield url
    close_store(url)
    with pg_server.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test on each backend: NEWSDESK_DB_URL is SQLite (root conftest) or PostgreSQL."""
    if request.param == "postgresql":
        monkeypatch.setenv(DB_URL_ENV, request.getfixturevalue("pg_url"))
    return request.param
