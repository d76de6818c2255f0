"""Helpers of the editing tests: a download as rows, rows back into an upload."""

from __future__ import annotations

import csv
import io

from newsdesk.editors.desk import Desk
from newsdesk.editors.spreadsheets import table_csv


def export_rows(desk: Desk, versioned: bool = False) -> list[list[str]]:
    """The events readers see as a downloaded CSV, parsed back into rows (header first);
    `versioned`: with the `_version` column a download from the editor page carries."""
    version = desk.head() if versioned else None
    text = table_csv(desk.reader_events().events, "events", version).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def to_csv(rows: list[list[str]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def set_cell(rows: list[list[str]], event_id: str, column: str, value: str) -> list[list[str]]:
    header = rows[0]
    for row in rows[1:]:
        if row[0] == event_id:
            row[header.index(column)] = value
    return rows
