"""The store keeps every editor's work: versions, restore, out-of-date saves refused and shown,
two editors at once (threads and processes), a kill mid-save, and rebuilds of the extraction."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pandas as pd
import pytest
from fixtures import CALL_2020, ERDOGAN_CALL, MEETING_2021, SCRIPT, XSS_EVENT
from helpers import export_rows, set_cell, to_csv

from newsdesk.config import store_url
from newsdesk.contract.schema import EVENTS
from newsdesk.contract.tables import read_table, write_rows
from newsdesk.editors.desk import Desk
from newsdesk.editors.spreadsheets import table_csv, tables_xlsx
from newsdesk.editors.store import CORRECTION, OutOfDate, RowChange, Store

REPO = Path(__file__).resolve().parents[2]

# Every test runs on SQLite and on PostgreSQL (see store_backend in conftest.py).
pytestmark = pytest.mark.usefixtures("store_backend")


def event(desk: Desk, event_id: str, version: int | None = None) -> dict[str, str]:
    events = desk.reader_events(version).events
    match = events[events["event_id"] == event_id]
    assert len(match) == 1, event_id
    return match.iloc[0].to_dict()


def apply_cell(desk: Desk, event_id: str, column: str, value: str, note: str = "fix") -> int:
    rows = set_cell(export_rows(desk), event_id, column, value)
    checked = desk.check([("events.csv", to_csv(rows))])
    assert checked.ok and not checked.diff.empty
    return desk.apply(checked.diff, checked.base, "alice", note).version


def test_first_start_imports_the_shipped_corrections(desk: Desk, store_backend: str) -> None:
    assert desk.store.engine.dialect.name == store_backend
    (first,) = desk.store.history()
    assert (first.version, first.editor, first.action) == (1, "system", "import")
    assert list(desk.store.corrections()["correction_id"]) == ["c1"]
    assert event(desk, MEETING_2021)["title_en"] == "Putin receives Aliyev in the Kremlin"


def test_a_save_is_a_version_with_editor_time_note_and_counts(desk: Desk) -> None:
    version = apply_cell(desk, CALL_2020, "date", "2020-10-08", note="the call was a day later")
    info = desk.store.version(version)
    assert (info.version, info.base, info.editor, info.note) == (
        2,
        1,
        "alice",
        "the call was a day later",
    )
    assert dict(info.counts) == {"changed": 1, "added": 0, "deleted": 0}
    published = event(desk, CALL_2020)
    assert published["date"] == "2020-10-08"
    assert "edited" in published["flags"]
    assert "8 October 2020" in published["summary_en"]  # card text follows the correction
    assert event(desk, CALL_2020, version=1)["date"] == "2020-10-07"


def test_a_note_is_required(desk: Desk) -> None:
    rows = set_cell(export_rows(desk), CALL_2020, "date", "2020-10-08")
    checked = desk.check([("e.csv", to_csv(rows))])
    with pytest.raises(ValueError, match="note"):
        desk.apply(checked.diff, checked.base, "alice", "  ")
    assert desk.head() == 1


def test_restore_is_a_new_version_and_undoes(desk: Desk) -> None:
    apply_cell(desk, CALL_2020, "date", "2020-10-08")
    apply_cell(desk, XSS_EVENT, "status", "denied")
    info = desk.restore(2, desk.head(), "bob", "undo the status change")
    assert (info.version, info.action, info.restored_from) == (4, "restore", 2)
    assert event(desk, XSS_EVENT)["status"] == "happened"
    assert event(desk, CALL_2020)["date"] == "2020-10-08"
    desk.restore(1, desk.head(), "bob", "back to the start")
    assert desk.reader_events().events.equals(desk.reader_events(1).events)
    diff = desk.compare(1, 3)
    assert {(c.row_id, c.field, c.old, c.new) for c in diff.changed} >= {
        (CALL_2020, "date", "2020-10-07", "2020-10-08"),
        (XSS_EVENT, "status", "happened", "denied"),
    }
    with pytest.raises(ValueError):
        desk.restore(99, desk.head(), "bob", "no such version")


def test_an_out_of_date_save_is_refused_and_shows_what_changed(desk: Desk) -> None:
    rows = set_cell(export_rows(desk), CALL_2020, "date", "2020-10-08")
    mine = desk.check([("e.csv", to_csv(rows))])
    apply_cell(desk, CALL_2020, "status", "denied", note="bob's fix")  # someone else, meanwhile
    with pytest.raises(OutOfDate) as refused:
        desk.apply(mine.diff, mine.base, "alice", "my fix")
    assert (refused.value.base, refused.value.head) == (1, 2)
    assert [v.note for v in refused.value.newer] == ["bob's fix"]
    meanwhile = desk.meanwhile(mine.base, mine.diff)
    ((info, theirs),) = meanwhile.versions
    assert info.editor == "alice"
    assert [(c.row_id, c.field) for c in theirs.changed if c.field == "status"] == [
        (CALL_2020, "status")
    ]
    assert meanwhile.overlap == frozenset()  # they changed the status, I the date
    desk.apply(mine.diff, meanwhile.head, "alice", "my fix, on top")
    assert (event(desk, CALL_2020)["date"], event(desk, CALL_2020)["status"]) == (
        "2020-10-08",
        "denied",
    )


def test_two_editors_in_threads_lose_nothing(desk: Desk) -> None:
    targets = [CALL_2020, MEETING_2021, XSS_EVENT, ERDOGAN_CALL]
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []

    def edit(event_id: str, n: int) -> None:
        try:
            mine = Desk.open(desk.data_dir)
            rows = set_cell(export_rows(mine), event_id, "title_en", f"title by editor {n}")
            checked = mine.check([("e.csv", to_csv(rows))])
            barrier.wait()
            base = checked.base
            while True:
                try:
                    mine.apply(checked.diff, base, f"editor{n}", "concurrent")
                    return
                except OutOfDate as stale:
                    base = stale.head  # the editor looks at what changed and applies on top
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=edit, args=(e, n)) for n, e in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert desk.head() == 1 + len(targets)
    for n, event_id in enumerate(targets):
        assert event(desk, event_id)["title_en"] == f"title by editor {n}"


SAVER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from newsdesk.editors.desk import Desk
    from newsdesk.editors.store import OutOfDate, RowChange

    data, key, pause = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    desk = Desk.open(data)
    if pause:
        import newsdesk.editors.store as store
        original = store.Store._write_rows
        def slow(self, conn, version, changes):
            original(self, conn, version, changes)
            print("MID-SAVE", flush=True)
            time.sleep(pause)
        store.Store._write_rows = slow
    row = {"correction_id": key, "event_id": "ev-fx-call-2020-10-07", "field": "note_" + key,
           "value": key, "editor": key, "time": "2024-01-01T00:00:00Z", "note": key}
    base = desk.head()
    while True:
        try:
            desk.store.save(base, [RowChange("correction", key, row)], editor=key, note=key)
            break
        except OutOfDate as stale:
            base = stale.head
    print("SAVED", flush=True)
    """
)


def _saver(data_dir: Path, key: str, pause: float = 0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, str(data_dir), key, str(pause)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_editors_in_separate_processes_lose_nothing(desk: Desk) -> None:
    keys = [f"p{n}" for n in range(4)]
    processes = [_saver(desk.data_dir, key) for key in keys]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "SAVED" in out
    assert desk.head() == 1 + len(keys)
    assert set(keys) <= set(desk.store.state()[CORRECTION])


def test_stores_starting_together_on_an_empty_database_import_once(data_dir: Path) -> None:
    # Several app processes (here: engines in threads) meet an empty database at once: one
    # creates the tables and imports, the others wait or find it done; nobody fails.
    url = store_url(data_dir)
    stores = [Store(url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def start(store: Store) -> None:
        barrier.wait()
        try:
            store.ensure(lambda: [{"correction_id": "c1"}])
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=start, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert [(v.version, v.action) for v in stores[0].history()] == [(1, "import")]
    for store in stores:
        store.dispose()


def test_a_process_killed_mid_save_leaves_the_previous_version_intact(desk: Desk) -> None:
    before = desk.store.state()
    process = _saver(desk.data_dir, "killed", pause=60)
    line = process.stdout.readline()  # the rows are written, the commit has not happened
    assert line.strip() == "MID-SAVE"
    process.kill()
    process.wait(timeout=30)
    fresh = Store(desk.store.url)  # a new connection, as another process would open it
    assert fresh.head() == 1
    assert fresh.state() == before
    assert [v.version for v in fresh.history()] == [1]
    fresh.save(
        1, [RowChange(CORRECTION, "after", {"correction_id": "after"})], editor="a", note="n"
    )
    assert fresh.head() == 2  # the lock was released: the next save goes through
    fresh.dispose()


def test_a_rebuild_keeps_corrections_and_lists_orphans(desk: Desk) -> None:
    apply_cell(desk, CALL_2020, "date", "2020-10-08")
    apply_cell(desk, ERDOGAN_CALL, "status", "denied")
    # A rebuild rewrites events.csv: the Erdogan call is gone, another event changed its title.
    events = read_table(desk.data_dir / "events.csv", "events")
    events = events[events["event_id"] != ERDOGAN_CALL]
    events.loc[events["event_id"] == XSS_EVENT, "title_en"] = "Rebuilt title"
    write_rows(desk.data_dir / "events.csv", EVENTS, events.to_dict("records"))
    published = desk.reader_events()
    assert event(desk, CALL_2020)["date"] == "2020-10-08"
    assert event(desk, XSS_EVENT)["title_en"] == "Rebuilt title"
    assert list(published.orphans["event_id"]) == [ERDOGAN_CALL]
    (orphan,) = published.orphans["correction_id"]
    desk.fix_orphans(
        desk.head(), "alice", "re-attach to the rebuilt id", reattach={orphan: XSS_EVENT}
    )
    assert event(desk, XSS_EVENT)["status"] == "denied"
    assert desk.reader_events().orphans.empty


def test_a_filtered_export_uploaded_back_deletes_nothing(desk: Desk) -> None:
    events = desk.reader_events().events
    calls = events[events["type"] == "call"]
    checked = desk.check([("calls.csv", table_csv(calls, "events"))])
    assert checked.ok and checked.diff.empty
    rows = export_rows(desk)
    rows = [rows[0]] + [r for r in rows[1:] if r[0] == CALL_2020]
    set_cell(rows, CALL_2020, "date", "2020-10-08")
    checked = desk.check([("one.csv", to_csv(rows))])
    assert checked.diff.counts() == {"changed": 1, "added": 0, "deleted": 0}
    desk.apply(checked.diff, checked.base, "alice", "one row")
    assert len(desk.reader_events().events) == len(events)
    rows = set_cell(rows, CALL_2020, "_delete", "1")
    checked = desk.check([("one.csv", to_csv(rows))])
    assert checked.diff.counts()["deleted"] == 1  # only an explicit marker deletes
    desk.apply(checked.diff, checked.base, "alice", "duplicate")
    assert CALL_2020 not in set(desk.reader_events().events["event_id"])
    assert len(desk.reader_events().events) == len(events) - 1


def test_a_formula_and_a_script_tag_survive_as_text(desk: Desk) -> None:
    formula = '=HYPERLINK("http://example.invalid","click")'
    rows = set_cell(export_rows(desk), CALL_2020, "title_en", formula)
    set_cell(rows, CALL_2020, "summary_en", f"{SCRIPT} plus <b>bold</b>")
    checked = desk.check([("e.csv", to_csv(rows))])
    assert checked.ok
    desk.apply(checked.diff, checked.base, "alice", "texts")
    published = event(desk, CALL_2020)
    assert published["title_en"] == formula
    assert published["summary_en"] == f"{SCRIPT} plus <b>bold</b>"
    # Downloads neutralise the formula; uploading them back changes nothing.
    events = desk.reader_events().events
    csv_bytes = table_csv(events, "events")
    assert b"'=HYPERLINK" in csv_bytes
    assert desk.check([("again.csv", csv_bytes)]).diff.empty
    xlsx = tables_xlsx({"events": events})
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == formula]
    assert cells and all(c.data_type == "s" for c in cells)
    assert desk.check([("again.xlsx", xlsx)]).diff.empty


def test_new_events_and_lexicon_rows_and_export(desk: Desk, tmp_path: Path) -> None:
    rows = export_rows(desk)
    header = rows[0]
    new = dict.fromkeys(header, "")
    new.update(
        event_id="ev-new-meeting-2024-05-13",
        date="2024-05-13",
        date_precision="day",
        type="meeting",
        status="happened",
        participants="aliyev;pashinyan",
        place_id="almaty",
    )
    places = [
        ["place_id", "name_en", "name_ar", "aliases_ar", "kind", "country", "lat", "lon"],
        ["almaty", "Almaty", "ألماتي", "ألماتي;آلماتي", "city", "kz", "43.2389", "76.8897"],
    ]
    actors = [["actor_id", "aliases_ar"], ["aliyev", "علييف;إلهام علييف;الهام عليف"]]
    checked = desk.check(
        [
            ("e.csv", to_csv([header, [new[c] for c in header]])),
            ("places.csv", to_csv(places)),
            ("actors.csv", to_csv(actors)),
        ]
    )
    assert checked.ok, [p.code for p in checked.report.problems]
    desk.apply(checked.diff, checked.base, "alice", "Almaty talks")
    created = event(desk, "ev-new-meeting-2024-05-13")
    assert created["place_id"] == "almaty" and "Almaty" in created["summary_en"]
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    write_rows(
        lexicon / "actors.csv",
        ("actor_id", "name_en", "aliases_ar"),
        [
            {"actor_id": "aliyev", "name_en": "Ilham Aliyev", "aliases_ar": "علييف"},
            {"actor_id": "putin", "name_en": "Vladimir Putin", "aliases_ar": "بوتين"},
        ],
    )
    out = tmp_path / "out"
    written = desk.export(out, lexicons=lexicon)
    assert out / "corrections.csv" in written and lexicon / "actors.csv" in written
    corrections = read_table(out / "corrections.csv", "corrections")
    assert {"_create", "place_id", "date"} <= set(corrections["field"])
    actors_file = pd.read_csv(lexicon / "actors.csv", dtype=str, keep_default_na=False)
    assert list(actors_file.columns) == ["actor_id", "name_en", "aliases_ar"]  # its own columns
    assert actors_file.set_index("actor_id").loc["aliyev", "aliases_ar"] == (
        "علييف;إلهام علييف;الهام عليف"
    )
    assert (lexicon / "places.csv").exists()
