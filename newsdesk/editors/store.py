"""The editors' store: versioned corrections and lexicon rows in a SQL database.

The events readers see are the extracted tables (CSV, rewritten by every build) with the corrections
kept here applied, so a rebuild never touches an editor's work. The database is SQLite by
default (`store.sqlite` in the data folder, created and filled from `corrections.csv` on first
use), or any SQLAlchemy URL in NEWSDESK_DB_URL (PostgreSQL in production).

Why rows carry `added_in` / `removed_in` instead of being updated in place: every version's
state stays readable (`state(version)`), so any version can be shown, compared and restored,
and the rows a version added or retired *are* the audit trail of what it changed.

Every save is one transaction that first inserts the next version number; a save whose base is
no longer the head is refused with `OutOfDate` (nothing is written), which is how two editors
saving at once are told about each other instead of one silently overwriting the other. On
SQLite the write transaction starts with BEGIN IMMEDIATE, so the head check and the insert are
serialised; on PostgreSQL the primary key on the version number refuses the second of two
racing saves (its insert waits on the key until the first commits, then fails, and the save
is refused with OutOfDate). A process killed mid-save leaves an uncommitted transaction, which
the database rolls back (PostgreSQL as soon as the connection drops): the previous version
stays intact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from newsdesk.contract.schema import CORRECTIONS

T = TypeVar("T")

CORRECTION = "correction"
LEXICON_KINDS: tuple[str, ...] = ("actors", "places", "topics")
KINDS: tuple[str, ...] = (CORRECTION, *LEXICON_KINDS)
SYSTEM_EDITOR = "system"
BUSY_TIMEOUT_MS = 30_000
# SQLite answers some lock waits with an immediate 'database is locked' instead of calling the
# busy handler (switching a new file to WAL, first opening a WAL file while another connection
# sets it up); those are retried, briefly, a bounded number of times.
LOCKED_RETRIES = 40
LOCKED_PAUSE_S = 0.05
# PostgreSQL advisory lock taken while the tables are created (any constant bigint; advisory
# locks are per database, so stores in other databases of the same server never wait on it).
SCHEMA_LOCK_KEY = 0x6E64_7374_6F72_65  # "ndstore"

metadata = sa.MetaData()
versions_table = sa.Table(
    "nd_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("base", sa.Integer, nullable=True),
    sa.Column("editor", sa.String(200), nullable=False),
    sa.Column("time", sa.String(32), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("restored_from", sa.Integer, nullable=True),
    sa.Column("counts", sa.Text, nullable=False, default="{}"),
)
rows_table = sa.Table(
    "nd_rows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("key", sa.String(400), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column(
        "added_in", sa.Integer, sa.ForeignKey("nd_versions.version"), nullable=False, index=True
    ),
    sa.Column("removed_in", sa.Integer, nullable=True, index=True),
    sa.Index("ix_nd_rows_kind_key", "kind", "key"),
)

Row = dict[str, str]
State = dict[str, dict[str, Row]]  # kind -> key -> row


@dataclass(frozen=True)
class VersionInfo:
    """One line of the audit log: who saved which version, when, why, and how much changed."""

    version: int
    base: int | None
    editor: str
    time: str
    note: str
    action: str
    restored_from: int | None = None
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RowChange:
    """Put a row under (kind, key), or remove the row there when `data` is None."""

    kind: str
    key: str
    data: Row | None


class OutOfDate(Exception):
    """A save based on a version that is no longer the newest; nothing was written."""

    def __init__(self, base: int, head: int, newer: list[VersionInfo]) -> None:
        super().__init__(f"based on version {base}, but version {head} is the newest")
        self.base, self.head, self.newer = base, head, newer


def now_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _version_info(row: Mapping) -> VersionInfo:
    return VersionInfo(
        version=row["version"],
        base=row["base"],
        editor=row["editor"],
        time=row["time"],
        note=row["note"],
        action=row["action"],
        restored_from=row["restored_from"],
        counts=json.loads(row["counts"] or "{}"),
    )


def _dump(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


class Store:
    """Versions, rows and the audit log behind one SQLAlchemy engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)

    # --- set-up ------------------------------------------------------------------------------

    def ensure(self, seed: Callable[[], Iterable[Row]]) -> None:
        """Create the tables if needed and, on an empty store, save the seed corrections as
        version 1. Safe when several processes start at once: only one seed is kept.

        The check-then-create of `create_all` is one write transaction, serialised across
        processes, so the first process creates the tables and the others, waiting, find them:
        on SQLite BEGIN IMMEDIATE (a deferred BEGIN would fail at once with 'database is locked'
        when its read lock could not be upgraded), on PostgreSQL a transaction-scoped advisory
        lock (two racing CREATE TABLEs would otherwise both pass the check and the second fail
        on the catalog's unique index: DDL takes no lock on a table that does not exist yet)."""
        _retry_locked(self._create_tables)
        if _retry_locked(self.head) > 0:
            return
        changes = [RowChange(CORRECTION, row["correction_id"], dict(row)) for row in seed()]
        with contextlib.suppress(OutOfDate):  # another process seeded first
            self.save(
                0,
                changes,
                editor=SYSTEM_EDITOR,
                note="Imported corrections.csv (first start)",
                action="import",
                counts={"corrections": len(changes)},
            )

    def _create_tables(self) -> None:
        with _writer(self.engine) as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK_KEY)))
            metadata.create_all(conn)

    # --- reading -----------------------------------------------------------------------------

    def head(self) -> int:
        """The newest version number (0 for an empty store)."""
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(sa.func.max(versions_table.c.version))) or 0

    def state(self, version: int | None = None) -> State:
        """Every row alive at a version (default: the newest), by kind and key."""
        with self.engine.connect() as conn:
            return _state(conn, version if version is not None else _head(conn))

    def corrections(self, version: int | None = None) -> pd.DataFrame:
        """The corrections table of a version, in the contract's columns."""
        rows = self.state(version)[CORRECTION].values()
        frame = pd.DataFrame(
            [{column: row.get(column, "") for column in CORRECTIONS} for row in rows],
            columns=list(CORRECTIONS),
        )
        return frame.sort_values(["time", "correction_id"], kind="stable").reset_index(drop=True)

    def history(self) -> list[VersionInfo]:
        """All versions, newest first."""
        with self.engine.connect() as conn:
            result = conn.execute(
                sa.select(versions_table).order_by(versions_table.c.version.desc())
            )
            return [_version_info(row._mapping) for row in result]

    def version(self, number: int) -> VersionInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(versions_table).where(versions_table.c.version == number)
            ).first()
        return _version_info(row._mapping) if row else None

    # --- writing -----------------------------------------------------------------------------

    def save(
        self,
        base: int,
        changes: Sequence[RowChange],
        *,
        editor: str,
        note: str,
        action: str = "apply",
        counts: Mapping[str, int] | None = None,
        restored_from: int | None = None,
    ) -> VersionInfo:
        """Write `changes` as version base+1 in one transaction, or raise OutOfDate."""
        if not editor.strip():
            raise ValueError("an editor name is required")
        if not note.strip():
            raise ValueError("a note is required: say why")
        for change in changes:
            if change.kind not in KINDS:
                raise ValueError(f"unknown kind {change.kind!r}")
        info = VersionInfo(
            version=base + 1,
            base=base,
            editor=editor.strip(),
            time=now_text(),
            note=note.strip(),
            action=action,
            restored_from=restored_from,
            counts=dict(counts or {}),
        )
        try:
            with _writer(self.engine) as conn:
                head = _head(conn)
                if head != base:
                    raise OutOfDate(base, head, _versions_after(conn, base))
                conn.execute(
                    versions_table.insert().values(
                        version=info.version,
                        base=base,
                        editor=info.editor,
                        time=info.time,
                        note=info.note,
                        action=action,
                        restored_from=restored_from,
                        counts=json.dumps(info.counts, sort_keys=True),
                    )
                )
                self._write_rows(conn, info.version, changes)
        except IntegrityError:
            # PostgreSQL: a racing save inserted the same version number first; this insert
            # waited on the primary key until that save committed, then failed. Any other
            # integrity error (the head did not move) is a real error, not OutOfDate.
            with self.engine.connect() as conn:
                head = _head(conn)
                if head == base:
                    raise
                raise OutOfDate(base, head, _versions_after(conn, base)) from None
        return info

    def _write_rows(self, conn: Connection, version: int, changes: Sequence[RowChange]) -> None:
        """Retire the rows the changes replace or remove, then add the new ones."""
        for change in changes:
            conn.execute(
                rows_table.update()
                .where(
                    rows_table.c.kind == change.kind,
                    rows_table.c.key == change.key,
                    rows_table.c.removed_in.is_(None),
                )
                .values(removed_in=version)
            )
        added = [
            {"kind": c.kind, "key": c.key, "data": _dump(c.data), "added_in": version}
            for c in changes
            if c.data is not None
        ]
        if added:
            conn.execute(rows_table.insert(), added)

    def dispose(self) -> None:
        self.engine.dispose()


def _head(conn: Connection) -> int:
    return conn.scalar(sa.select(sa.func.max(versions_table.c.version))) or 0


def _versions_after(conn: Connection, base: int) -> list[VersionInfo]:
    result = conn.execute(
        sa.select(versions_table)
        .where(versions_table.c.version > base)
        .order_by(versions_table.c.version)
    )
    return [_version_info(row._mapping) for row in result]


def _state(conn: Connection, version: int) -> State:
    state: State = {kind: {} for kind in KINDS}
    result = conn.execute(
        sa.select(rows_table.c.kind, rows_table.c.key, rows_table.c.data)
        .where(
            rows_table.c.added_in <= version,
            sa.or_(rows_table.c.removed_in.is_(None), rows_table.c.removed_in > version),
        )
        .order_by(rows_table.c.id)
    )
    for kind, key, data in result:
        state.setdefault(kind, {})[key] = json.loads(data)
    return state


# --- engines ---------------------------------------------------------------------------------


class _writer:
    """A write transaction: BEGIN IMMEDIATE on SQLite (takes the write lock up front)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Connection:
        self.conn = self.engine.connect().execution_options(nd_write=True)
        self.transaction = self.conn.begin()
        return self.conn

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.conn.close()


def _engine(url: str) -> Engine:
    """An engine; on SQLite with WAL, a busy timeout and BEGIN IMMEDIATE for writes.

    PostgreSQL runs at its default READ COMMITTED: reads need no snapshot of their own, since
    a version's rows never change once saved (a later save only sets `removed_in` above it), and
    saves are serialised by the version number's primary key (see `Store.save`). Its
    lock_timeout is the SQLite busy timeout, so a save queued behind one that hangs fails after
    30 s, as on SQLite, instead of waiting for ever (a `?options=` in the URL wins)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "postgresql":
        connect_args = {}
        if "options" not in parsed.query:
            connect_args["options"] = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
        return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    path = parsed.database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        # SQLAlchemy, not the sqlite3 module, emits BEGIN (see _begin), so reads are
        # transactions too and writes can take the lock at once.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _retry_locked(lambda: cursor.execute("PRAGMA journal_mode=WAL"))
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("nd_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _retry_locked(action: Callable[[], T]) -> T:
    """Run `action`, again after a short pause while SQLite says 'database is locked'."""
    for attempt in range(LOCKED_RETRIES):
        try:
            return action()
        except (OperationalError, sqlite3.OperationalError) as error:
            if "locked" not in str(error) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(LOCKED_PAUSE_S)
    raise AssertionError("unreachable")


_STORES: OrderedDict[str, Store] = OrderedDict()
_STORES_LOCK = threading.Lock()
_MAX_OPEN = 8


def open_store(url: str, seed: Callable[[], Iterable[Row]]) -> Store:
    """The store at `url`, created and seeded on first use; one engine per URL per process."""
    with _STORES_LOCK:
        store = _STORES.get(url)
        if store is not None:
            _STORES.move_to_end(url)
            return store
        store = Store(url)
        store.ensure(seed)
        _STORES[url] = store
        while len(_STORES) > _MAX_OPEN:
            _STORES.popitem(last=False)[1].dispose()
        return store


def close_store(url: str) -> None:
    """Forget the store at `url` and close its connections (before its database is dropped)."""
    with _STORES_LOCK:
        store = _STORES.pop(url, None)
    if store is not None:
        store.dispose()
