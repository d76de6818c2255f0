"""Malformed uploads never crash the checker and never write: random bytes, random tables with
real and made-up columns, random cells (formulas, scripts, Arabic, control characters)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fixtures import write_fixture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.contract.schema import EVENTS
from newsdesk.editors.desk import Desk

COLUMNS = [*EVENTS, "_delete", "_merge_into", "_version", "actor_id", "aliases_ar", "kind", "lat"]
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "=1+1",
            "+cmd",
            "-5",
            "@x",
            "<script>alert(1)</script>",
            "2020-02-30",
            "2020-11-09",
            "call",
            "putin;aliyev",
            "قره باغ",
            "1",
            "true",
            "0.5",
            "ev-fx-call-2020-10-07",
            "\x00",
            "\r",
        ]
    ),
)
TABLES = st.tuples(
    st.lists(st.sampled_from(COLUMNS) | st.text(max_size=8), min_size=0, max_size=8),
    st.lists(st.lists(CELLS, max_size=9), max_size=6),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1256", "utf-16"])
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.fixture(scope="module")
def fuzz_desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    data, _ = write_fixture(tmp_path_factory.mktemp("fuzz"))
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzzdb') / 'store.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSDESK_DB_URL", url)
        return Desk.open(data)


def _snapshot(desk: Desk) -> tuple:
    files = {p.name: p.read_bytes() for p in sorted(Path(desk.data_dir).glob("*.csv"))}
    return desk.head(), desk.store.state(), files


def _encode(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


@SETTINGS
@given(table=TABLES, encoding=ENCODINGS)
def test_random_tables_never_crash_or_write(fuzz_desk: Desk, table, encoding: str) -> None:
    before = _snapshot(fuzz_desk)
    checked = fuzz_desk.check([("fuzz.csv", _encode(*table, encoding))])
    for problem in checked.report.problems:
        for lang in ("en", "ar"):  # every reason code has its message in both languages
            assert not problem.reason(lang).startswith("problem."), problem.code
    if not checked.ok:
        assert checked.diff.empty
    assert _snapshot(fuzz_desk) == before


@SETTINGS
@given(data=st.binary(max_size=300), xlsx=st.booleans())
def test_random_bytes_never_crash_or_write(fuzz_desk: Desk, data: bytes, xlsx: bool) -> None:
    before = _snapshot(fuzz_desk)
    payload = b"PK\x03\x04" + data if xlsx else data
    checked = fuzz_desk.check([("fuzz.xlsx" if xlsx else "fuzz.csv", payload)])
    assert checked.ok or checked.report.problems
    assert _snapshot(fuzz_desk) == before
