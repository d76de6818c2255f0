"""Downloads for editors: tables as CSV (UTF-8 with a BOM) and as an XLSX workbook.

Excel reads a CSV without a BOM in the machine's code page and garbles Arabic; with the BOM it
reads UTF-8. Every cell is written as text (an id like `0012` or a date stays as typed), and
a text cell that a spreadsheet would run as a formula is neutralised: an apostrophe in CSV, a
plain string cell in XLSX. An uploaded file drops that apostrophe again, so a download
uploaded back unchanged changes nothing. Events carry the two empty marker columns
`_delete` and `_merge_into`, the only way an upload deletes or merges.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

import pandas as pd

from newsdesk.contract.schema import DELETE_FIELD, MERGE_FIELD, TABLES
from newsdesk.editors.problems import neutralise
from newsdesk.editors.validate import VERSION_COLUMN

MARKER_COLUMNS = (DELETE_FIELD, MERGE_FIELD)


def export_columns(table: str, version: int | None = None) -> list[str]:
    columns = list(TABLES[table])
    if table == "events":
        columns += MARKER_COLUMNS
    return [*columns, VERSION_COLUMN] if version else columns


def _with_version(frame: pd.DataFrame, version: int | None) -> pd.DataFrame:
    return frame.assign(**{VERSION_COLUMN: str(version)}) if version else frame


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> list[list[str]]:
    present = [c for c in columns if c in frame.columns]
    records = frame[present].fillna("").astype(str).to_dict("records")
    return [[record.get(column, "") for column in columns] for record in records]


def table_csv(frame: pd.DataFrame, table: str, version: int | None = None) -> bytes:
    """`version`: the data version the rows come from, written in a last `_version` column."""
    frame = _with_version(frame, version)
    columns = export_columns(table, version)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in _rows(frame, columns):
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def tables_xlsx(frames: Mapping[str, pd.DataFrame], version: int | None = None) -> bytes:
    """One sheet per table, named after it, every cell a string cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table, frame in frames.items():
        sheet = book.create_sheet(title=table)
        frame = _with_version(frame, version)
        columns = export_columns(table, version)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in _rows(frame, columns):
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if cell.data_type == "f":  # openpyxl takes a leading "=" for a formula
                    cell.data_type = "s"
        sheet.freeze_panes = "B2"
        for index, column in enumerate(columns, start=1):
            width = 40 if column.startswith(("title", "summary")) else max(12, len(column) + 2)
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
