"""The editors' operations, one code path for the editor page and the command line.

`Desk` joins the extracted tables (CSV in the data folder, rewritten by each build) with the
store (corrections and lexicon rows, versioned): it checks uploads, turns a reviewed diff into
correction rows and saves them as a version, compares and restores versions, and exports the
store back into `corrections.csv` and the lexicon files so a commit and the next build carry
the editors' work.

Corrections stay field by field in the existing format (`newsdesk.editors.corrections`): a changed
field becomes one correction row, a new event a `_create` row plus its fields, a deletion a
`_delete` row; at most one live correction per (event, field), older ones retired by the save.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsdesk.config import data_dir, lexicon_dir, store_url
from newsdesk.contract.schema import CREATE_FIELD, DELETE_FIELD, MERGE_FIELD, TABLES
from newsdesk.contract.tables import load_tables, read_table, write_rows
from newsdesk.editors.changes import Diff, diff_tables, diff_upload
from newsdesk.editors.corrections import ReaderEvents, reader_events
from newsdesk.editors.problems import Problem
from newsdesk.editors.store import (
    CORRECTION,
    LEXICON_KINDS,
    RowChange,
    State,
    Store,
    VersionInfo,
    now_text,
    open_store,
)
from newsdesk.editors.upload import Sheet, read_upload
from newsdesk.editors.validate import ID_COLUMN, Known, Report, file_version, validate


def _seed_from(data_dir: Path):
    def seed() -> list[dict[str, str]]:
        frame = read_table(data_dir / "corrections.csv", "corrections")
        return frame.to_dict("records")

    return seed


@dataclass(frozen=True)
class Checked:
    """An upload after checking: its problems, and (when valid) the diff to review."""

    base: int
    report: Report
    diff: Diff = field(default_factory=Diff)

    @property
    def ok(self) -> bool:
        return self.report.ok


@dataclass(frozen=True)
class Meanwhile:
    """What other editors saved after the version an editor started from."""

    base: int
    head: int
    versions: tuple[tuple[VersionInfo, Diff], ...]
    overlap: frozenset[tuple[str, str, str]]  # (table, id, field) both sides changed


class Desk:
    def __init__(self, data_dir: Path, store: Store) -> None:
        self.data_dir = Path(data_dir)
        self.store = store
        # Per-instance memo of tables and readers' events by version: a page run opens one
        # Desk and asks for the same version several times. Versions never change once saved;
        # a rebuild of the CSVs is seen by the next Desk (the next run). Treat as read-only.
        self._tables: dict[int, dict[str, pd.DataFrame]] = {}
        self._reader_events: dict[int, ReaderEvents] = {}

    @classmethod
    def open(cls, folder: Path | None = None) -> Desk:
        directory = Path(folder) if folder else data_dir()
        return cls(directory, open_store(store_url(directory), _seed_from(directory)))

    # --- reading -----------------------------------------------------------------------------

    def head(self) -> int:
        return self.store.head()

    def tables(self, version: int | None = None, state: State | None = None) -> dict:
        """The contract tables as readers see them at a version: the extracted CSVs, the
        store's corrections, and the lexicons with the store's rows laid over them."""
        if state is None:
            version = self.head() if version is None else version
            if version not in self._tables:
                self._tables[version] = self.tables(state=self.store.state(version))
            return dict(self._tables[version])
        tables = load_tables(self.data_dir)
        tables["corrections"] = _corrections_frame(state)
        for kind in LEXICON_KINDS:
            tables[kind] = overlay(tables[kind], state.get(kind, {}), ID_COLUMN[kind])
        return tables

    def reader_events(self, version: int | None = None) -> ReaderEvents:
        version = self.head() if version is None else version
        if version not in self._reader_events:
            self._reader_events[version] = reader_events(self.tables(version))
        return self._reader_events[version]

    def known(self, tables: Mapping[str, pd.DataFrame], events: pd.DataFrame) -> Known:
        def index(frame: pd.DataFrame, key: str) -> dict[str, dict[str, str]]:
            return {row[key]: row for row in frame.to_dict("records")}

        return Known(
            events=index(events, "event_id"),
            actors=index(tables["actors"], "actor_id"),
            places=index(tables["places"], "place_id"),
            topics=index(tables["topics"], "topic_id"),
            articles=frozenset(tables["articles"]["article_id"]),
        )

    # --- uploads -----------------------------------------------------------------------------

    def check(self, files: Sequence[tuple[str, bytes]]) -> Checked:
        """Read and validate uploaded files; nothing is written whatever they hold."""
        sheets: list[Sheet] = []
        problems: list[Problem] = []
        for name, data in files:
            found, trouble = read_upload(name, data)
            sheets += found
            problems += trouble
        return self.check_sheets(sheets, problems)

    def check_sheets(
        self, sheets: Sequence[Sheet], problems: Iterable[Problem] = (), base: int | None = None
    ) -> Checked:
        """Validate sheets against the version they were downloaded at (their `_version`
        column, or `base`, or else the newest): the diff is then the editor's own changes."""
        head = self.head()
        stated, version_problems = file_version(sheets, head)
        base = stated or base or head
        tables = self.tables(base)
        known = self.known(tables, self.reader_events(base).events)
        report = validate(sheets, known)
        report.problems[:0] = [*problems, *version_problems]
        if not report.ok:
            return Checked(base, report)
        return Checked(base, report, diff_upload(report.rows, known))

    def apply(
        self, diff: Diff, base: int, editor: str, note: str, on_top: bool = False
    ) -> VersionInfo:
        """Save a reviewed diff as version base+1; OutOfDate if someone saved meanwhile.

        `on_top` is the editor's choice after seeing what was saved meanwhile: the same
        changes go onto the newest version (changes that it already holds are left out)."""
        if on_top:
            base = self.head()
            diff = self._still_needed(diff, base)
        state = self.store.state(base)
        tables = self.tables(state=state)
        lexicons = {
            kind: {row[ID_COLUMN[kind]]: row for row in tables[kind].to_dict("records")}
            for kind in LEXICON_KINDS
        }
        extracted = set(tables["events"]["event_id"])
        changes = _row_changes(
            diff, state, extracted, lexicons, base + 1, editor.strip(), note.strip()
        )
        return self.store.save(
            base, changes, editor=editor, note=note, action="apply", counts=diff.counts()
        )

    def _still_needed(self, diff: Diff, version: int) -> Diff:
        tables = self.tables(version)
        current = self.known(tables, self.reader_events(version).events)
        changed = tuple(
            c
            for c in diff.changed
            if current.rows(c.table).get(c.row_id, {}).get(c.field, "") != c.new
        )
        removed = tuple(r for r in diff.removed if r.row_id in current.rows(r.table))
        return Diff(changed, diff.added, removed)

    def meanwhile(self, base: int, pending: Diff | None = None) -> Meanwhile:
        """The versions saved after `base`, each with its diff, and where they meet `pending`."""
        head = self.head()
        versions = []
        touched: set[tuple[str, str, str]] = set()
        for info in sorted(self.store.history(), key=lambda v: v.version):
            if info.version > base:
                diff = self.compare(info.version - 1, info.version)
                versions.append((info, diff))
                touched |= diff.touched()
        overlap: set[tuple[str, str, str]] = set()
        if pending is not None:
            whole = {(t, i) for t, i, f in touched if f == "*"}
            rows = {(t, i) for t, i, _ in touched}
            overlap = {
                (t, i, f)
                for t, i, f in pending.touched()
                if (t, i, f) in touched or (t, i) in whole or (f == "*" and (t, i) in rows)
            }
        return Meanwhile(base, head, tuple(versions), frozenset(overlap))

    # --- versions ----------------------------------------------------------------------------

    def compare(self, old: int, new: int) -> Diff:
        """What changed for readers between two versions (their events and the lexicons)."""
        return diff_tables(self._view(old), self._view(new))

    def _view(self, version: int) -> dict[str, list[dict[str, str]]]:
        if version <= 0:
            tables = self.tables(state={kind: {} for kind in (CORRECTION, *LEXICON_KINDS)})
        else:
            tables = self.tables(version)
        view = {name: tables[name].to_dict("records") for name in LEXICON_KINDS}
        events = (
            reader_events(tables).events if version <= 0 else self.reader_events(version).events
        )
        view["events"] = events.to_dict("records")
        return view

    def restore(self, version: int, base: int, editor: str, note: str) -> VersionInfo:
        """Make a new version whose rows are those of an earlier one (undo is a restore)."""
        if version < 1 or version > base:
            raise ValueError(f"no version {version} to restore (newest is {base})")
        target = self.store.state(version)
        current = self.store.state(base)
        changes = []
        for kind in (CORRECTION, *LEXICON_KINDS):
            wanted, have = target.get(kind, {}), current.get(kind, {})
            changes += [RowChange(kind, key, None) for key in have if key not in wanted]
            changes += [
                RowChange(kind, key, row) for key, row in wanted.items() if have.get(key) != row
            ]
        counts = diff_tables(self._view(base), self._view(version)).counts()
        return self.store.save(
            base,
            changes,
            editor=editor,
            note=note,
            action="restore",
            counts=counts,
            restored_from=version,
        )

    # --- orphans -----------------------------------------------------------------------------

    def fix_orphans(
        self,
        base: int,
        editor: str,
        note: str,
        drop: Iterable[str] = (),
        reattach: Mapping[str, str] | None = None,
    ) -> VersionInfo:
        """Drop orphaned corrections, or point them at another event (by correction_id)."""
        state = self.store.state(base)[CORRECTION]
        changes = [RowChange(CORRECTION, key, None) for key in drop if key in state]
        for key, event_id in (reattach or {}).items():
            if key in state and event_id:
                changes.append(RowChange(CORRECTION, key, {**state[key], "event_id": event_id}))
        counts = {"changed": len(changes), "added": 0, "deleted": 0}
        return self.store.save(
            base, changes, editor=editor, note=note, action="orphans", counts=counts
        )

    # --- export ------------------------------------------------------------------------------

    def export(self, out_dir: Path | None = None, lexicons: Path | None = None) -> list[Path]:
        """Write the newest corrections to corrections.csv and lexicon rows into the lexicon
        files (and their copies in the data folder), so they can be committed and rebuilt."""
        out = Path(out_dir) if out_dir else self.data_dir
        state = self.store.state()
        written = [out / "corrections.csv"]
        write_rows(written[0], TABLES["corrections"], _corrections_frame(state).to_dict("records"))
        for kind in LEXICON_KINDS:
            rows = state.get(kind, {})
            if not rows:
                continue
            for path in (Path(lexicons or lexicon_dir()) / f"{kind}.csv", out / f"{kind}.csv"):
                if _overlay_file(path, rows, ID_COLUMN[kind], TABLES[kind]):
                    written.append(path)
        return written


def overlay(frame: pd.DataFrame, rows: Mapping[str, Mapping[str, str]], key: str) -> pd.DataFrame:
    """A lexicon table with the store's rows replacing or extending the file's rows."""
    if not rows:
        return frame
    columns = list(frame.columns)
    records = frame.to_dict("records")
    seen = set()
    for record in records:
        if record[key] in rows:
            record.update({c: rows[record[key]].get(c, "") for c in columns})
            seen.add(record[key])
    records += [{c: row.get(c, "") for c in columns} for k, row in rows.items() if k not in seen]
    return pd.DataFrame(records, columns=columns)


def _overlay_file(path: Path, rows: Mapping[str, Mapping[str, str]], key: str, contract) -> bool:
    """Lay the store's rows over one lexicon CSV, keeping its column order; True if changed."""
    if path.exists():
        text = path.read_text(encoding="utf-8-sig")
        records = list(csv.DictReader(io.StringIO(text)))
        columns = list(records[0].keys()) if records else list(contract)
    else:
        records, columns = [], list(contract)
    merged = overlay(pd.DataFrame(records, columns=columns).fillna(""), rows, key)
    new = merged.to_dict("records")
    if new == records:
        return False
    write_rows(path, columns, new)
    return True


def _corrections_frame(state: State) -> pd.DataFrame:
    columns = list(TABLES["corrections"])
    rows = [{c: row.get(c, "") for c in columns} for row in state.get(CORRECTION, {}).values()]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["time", "correction_id"], kind="stable").reset_index(drop=True)


def _row_changes(
    diff: Diff,
    state: State,
    extracted: set[str],
    lexicons: Mapping[str, Mapping[str, Mapping[str, str]]],
    version: int,
    editor: str,
    note: str,
) -> list[RowChange]:
    """Store rows for a diff: one live correction per (event, field); lexicon rows whole."""
    live: dict[tuple[str, str], list[str]] = {}
    for key, row in state.get(CORRECTION, {}).items():
        live.setdefault((row["event_id"], row["field"]), []).append(key)
    changes: list[RowChange] = []
    time = now_text()
    counter = iter(range(1, 10**9))

    def put(event_id: str, field_name: str, value: str | None) -> None:
        retired = live.pop((event_id, field_name), [])
        changes.extend(RowChange(CORRECTION, key, None) for key in retired)
        if value is None:
            return
        key = f"c{version:04d}-{next(counter):04d}"
        changes.append(
            RowChange(
                CORRECTION,
                key,
                {
                    "correction_id": key,
                    "event_id": event_id,
                    "field": field_name,
                    "value": value,
                    "editor": editor,
                    "time": time,
                    "note": note,
                },
            )
        )

    lexicon_rows: dict[tuple[str, str], dict[str, str]] = {}
    for change in diff.changed:
        if change.table == "events":
            put(change.row_id, change.field, change.new)
        else:
            row = lexicon_rows.setdefault(
                (change.table, change.row_id),
                dict(lexicons[change.table][change.row_id]),
            )
            row[change.field] = change.new
    for item in diff.added:
        if item.table == "events":
            put(item.row_id, DELETE_FIELD, None)
            put(item.row_id, MERGE_FIELD, None)
            if item.row_id not in extracted:
                put(item.row_id, CREATE_FIELD, "1")
            for field_name, value in item.values.items():
                if value or item.row_id in extracted:
                    put(item.row_id, field_name, value)
        else:
            lexicon_rows[(item.table, item.row_id)] = {
                ID_COLUMN[item.table]: item.row_id,
                **item.values,
            }
    for item in diff.removed:
        if item.merge_into:
            put(item.row_id, MERGE_FIELD, item.merge_into)
        else:
            put(item.row_id, DELETE_FIELD, "1")
    for (table, row_id), row in lexicon_rows.items():
        changes.append(RowChange(table, row_id, row))
    return changes


__all__ = [
    "Checked",
    "Desk",
    "Meanwhile",
    "overlay",
]
