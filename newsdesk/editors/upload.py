"""Reading an uploaded file into sheets of text cells, before any checking of their meaning.

Editors save from Excel and LibreOffice: CSV in UTF-8 with or without a BOM, CSV in
Windows-1256 (Arabic Windows' default "CSV" in Excel), comma-, semicolon- or tab-separated,
or an XLSX workbook with one sheet per table. Everything is turned into strings here: a date
that Excel turned into a date cell becomes `YYYY-MM-DD` again, a whole number stays whole, and
a cell that Excel stores as a formula is marked, because its value is not in the file.
Nothing here raises on bad input: every failure becomes a `Problem`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from newsdesk.editors.problems import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 60
XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = (",", ";", "\t")
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


@dataclass
class Sheet:
    """One table as read: header, numbered rows of string cells, and the formula cells."""

    source: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row number, column index)
    name: str = ""  # the XLSX sheet name, a hint for which table it is


def read_upload(filename: str, data: bytes) -> tuple[list[Sheet], list[Problem]]:
    """Sheets of one uploaded file, or the problems that stopped it being read."""
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return [], [Problem(filename, 0, "", "", "file_too_big", {"limit_mb": limit})]
    if not data.strip():
        return [], [Problem(filename, 0, "", "", "empty_file")]
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(filename, data)
    text, problem = _decode(filename, data)
    if problem:
        return [], [problem]
    return _read_csv(filename, text)


def _decode(filename: str, data: bytes) -> tuple[str, Problem | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return "", Problem(filename, 0, "", "", "unreadable_encoding")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Windows-1256 gives every byte a meaning, so binary junk "decodes" too: the
            # control-character check below is what tells it apart from text.
            text = data.decode("cp1256", errors="replace")
    sample = text[:100_000]
    controls = sum(char in _CONTROL for char in sample)
    if "\x00" in sample or controls > max(10, len(sample) // 100):
        # binary; a stray control character in a cell is reported on its own row instead
        return "", Problem(filename, 0, "", "", "binary")
    return text, None


def _read_csv(filename: str, text: str) -> tuple[list[Sheet], list[Problem]]:
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            if len(records) > MAX_ROWS:
                return [], [Problem(filename, 0, "", "", "too_many_rows", {"limit": MAX_ROWS})]
            records.append((reader.line_num, record))
    except csv.Error as error:
        return [], [Problem(filename, reader.line_num, "", "", "csv_error", {"detail": str(error)})]
    return _sheet(filename, records, set())


def _read_xlsx(filename: str, data: bytes) -> tuple[list[Sheet], list[Problem]]:
    from openpyxl import load_workbook  # only needed for workbooks; keeps CSV-only use light

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        return [], [Problem(filename, 0, "", "", "bad_xlsx")]
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    try:
        for worksheet in book.worksheets:
            source = f"{filename} [{worksheet.title}]"
            records: list[tuple[int, list[str]]] = []
            formulas: set[tuple[int, int]] = set()
            for number, cells in enumerate(worksheet.iter_rows(), start=1):
                if number > MAX_ROWS + 1:
                    limit = {"limit": MAX_ROWS}
                    problems.append(Problem(source, 0, "", "", "too_many_rows", limit))
                    records = []
                    break
                row = []
                for index, cell in enumerate(cells[: MAX_COLUMNS + 1]):
                    if getattr(cell, "data_type", None) == "f":
                        formulas.add((number, index))
                    row.append(_cell_text(getattr(cell, "value", None)))
                records.append((number, row))
            if not any(any(cell.strip() for cell in row) for _, row in records):
                continue  # an empty sheet (Excel's spare Sheet2) is not a table
            found, found_problems = _sheet(source, records, formulas)
            for sheet in found:
                sheet.name = worksheet.title
            sheets += found
            problems += found_problems
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        return [], [Problem(filename, 0, "", "", "bad_xlsx")]
    finally:
        book.close()
    if not sheets and not problems:
        problems.append(Problem(filename, 0, "", "", "empty_file"))
    return sheets, problems


def _cell_text(value: object) -> str:
    """A cell as the text the editor meant: dates as ISO, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _sheet(
    source: str, records: list[tuple[int, list[str]]], formulas: set[tuple[int, int]]
) -> tuple[list[Sheet], list[Problem]]:
    """Header = first non-empty record; trailing empty header cells (spreadsheet padding) go."""
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        return [], [Problem(source, 0, "", "", "empty_file")]
    (header_row, header), body = records[0], records[1:]
    header = [cell.strip().lstrip("\ufeff").strip().lower() for cell in header]
    while header and not header[-1]:
        header.pop()
    if len(header) > MAX_COLUMNS:
        return [], [Problem(source, header_row, "", "", "too_many_columns", {"limit": MAX_COLUMNS})]
    width = len(header)
    rows = []
    for number, cells in body:
        # Spreadsheets pad rows with empty cells to the widest row: drop empty extras only.
        while len(cells) > width and not cells[-1].strip():
            cells = cells[:-1]
        rows.append((number, cells))
    return [Sheet(source, header, rows, formulas)], []
