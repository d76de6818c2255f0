"""Uploads are checked completely before anything is written: every kind of bad input gives its
exact message with row, column and value, in English and Arabic, and nothing is applied."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from fixtures import CALL_2020, MEETING_2021, XSS_EVENT
from helpers import export_rows, set_cell, to_csv
from openpyxl import Workbook

from newsdesk.editors import upload
from newsdesk.editors.desk import Desk
from newsdesk.editors.problems import errors, problems_csv, warnings

NEW = "ev-new-call-2024-01-05"
TYPES = "call, meeting, agreement, letter, statement, incident, hostilities"


def problems_of(desk: Desk, data: bytes, name: str = "events.csv"):
    head = desk.head()
    checked = desk.check([(name, data)])
    assert desk.head() == head  # checking never writes
    return checked


def only_problem(desk: Desk, data: bytes, name: str = "events.csv"):
    checked = problems_of(desk, data, name)
    assert not checked.ok
    found = errors(checked.report.problems)
    assert len(found) == 1, [(p.code, p.row, p.column) for p in found]
    problem = found[0]
    return (problem.row, problem.column, problem.value, problem.reason("en"))


def row_number(rows: list[list[str]], event_id: str) -> int:
    return next(i for i, row in enumerate(rows) if row[0] == event_id) + 1


def new_row(rows: list[list[str]], **values: str) -> list[list[str]]:
    header = rows[0]
    row = [""] * len(header)
    defaults = {
        "event_id": NEW,
        "date": "2024-01-05",
        "date_precision": "day",
        "type": "call",
        "status": "happened",
        "participants": "putin;aliyev",
    }
    for column, value in {**defaults, **values}.items():
        row[header.index(column)] = value
    return [*rows, row]


CELL_CASES = [
    ("date", "10/11/2020", "Not a date in the form YYYY-MM-DD."),
    ("date", "2021-02-30", "Not a date in the form YYYY-MM-DD."),
    ("date", "", "A value is required here."),
    ("type", "phonecall", f"Not one of: {TYPES}."),
    ("status", "maybe", "Not one of: happened, planned, denied."),
    ("date_precision", "decade", "Not one of: day, week, month, year."),
    (
        "participants",
        "putin;trump",
        "Unknown person id trump: add the person to actors in the same upload.",
    ),
    ("participants", "putin;putin", "putin appears twice in the list."),
    ("initiator", "trump", "Unknown person id: add the person to actors in the same upload."),
    ("place_id", "atlantis", "Unknown place id: add the place to places in the same upload."),
    (
        "topics",
        "ceasefire;weather",
        "Unknown topic id weather: add the topic to topics in the same upload.",
    ),
    ("source_articles", "fx_001;fx_999", "Unknown article id fx_999."),
    ("n_sources", "two", "Not a whole number."),
    ("confidence", "1.5", "Must be between 0.0 and 1.0."),
    ("confidence", "high", "Not a number."),
    (
        "flags",
        "edited;checked",
        "checked is not one of: date_conflict, garbled_month, inferred_year, inferred_date, "
        "edited.",
    ),
    ("plover", "consult phone", "A PLOVER code looks like CONSULT or CONSULT:phone."),
    ("title_en", "x" * 301, "Longer than 300 characters."),
    ("summary_en", "bad \x07 bell", "Contains an invisible control character."),
    ("_delete", "maybe", "Mark with 1, true or yes, or leave empty."),
    ("_merge_into", "ev-unknown", "No published event has this id."),
    ("_merge_into", CALL_2020, "An event cannot be merged into itself."),
]


@pytest.mark.parametrize(("column", "value", "message"), CELL_CASES)
def test_each_bad_cell_has_its_message_row_column_and_value(
    desk: Desk, column: str, value: str, message: str
) -> None:
    rows = export_rows(desk)
    set_cell(rows, CALL_2020, column, value)
    found = only_problem(desk, to_csv(rows))
    shown = value if column != "summary_en" else value.strip()
    assert found == (row_number(rows, CALL_2020), column, shown, message)


def test_end_date_before_start(desk: Desk) -> None:
    rows = set_cell(export_rows(desk), CALL_2020, "date_end", "2020-10-01")
    assert only_problem(desk, to_csv(rows))[1:] == (
        "date_end",
        "2020-10-01",
        "The end date is before the start date (2020-10-07).",
    )


def test_header_problems(desk: Desk) -> None:
    rows = export_rows(desk)
    rows[0][1] = "dat"
    assert only_problem(desk, to_csv(rows)) == (
        1,
        "dat",
        "dat",
        "Not a column of the events table.",
    )
    rows = export_rows(desk)
    rows[0][2] = "date"
    assert only_problem(desk, to_csv(rows))[1:] == (
        "date",
        "date",
        "This column appears twice in the header.",
    )
    rows = [["name", "date"], ["x", "2020-01-01"]]
    assert only_problem(desk, to_csv(rows))[3] == (
        "The header has none of event_id, actor_id, place_id, topic_id: this is not an events "
        "or lexicon table."
    )


def test_row_length_and_duplicate_ids_and_bad_ids(desk: Desk) -> None:
    rows = export_rows(desk)
    rows[2] = rows[2][:-3]
    assert only_problem(desk, to_csv(rows))[3] == "This row has 18 cells; the header has 21."
    rows = export_rows(desk)
    rows.append(list(rows[3]))
    assert only_problem(desk, to_csv(rows)) == (
        len(rows),
        "event_id",
        rows[3][0],
        "This id is already in row 4 of the upload.",
    )
    rows = set_cell(export_rows(desk), CALL_2020, "event_id", "Bad Id")
    assert only_problem(desk, to_csv(rows))[2:] == (
        "Bad Id",
        "Ids are lowercase ASCII letters and digits, with _ or - between them.",
    )


def test_a_new_event_needs_its_required_columns(desk: Desk) -> None:
    rows = [["event_id", "date"], [NEW, "2024-01-05"]]
    checked = problems_of(desk, to_csv(rows))
    found = sorted((p.column, p.reason("en")) for p in errors(checked.report.problems))
    assert found == [
        ("date_precision", "A new row needs this column."),
        ("status", "A new row needs this column."),
        ("type", "A new row needs this column."),
    ]


def test_deleting_an_unknown_event_is_refused(desk: Desk) -> None:
    rows = new_row(export_rows(desk), _delete="1")
    assert only_problem(desk, to_csv(rows))[1:] == (
        "_delete",
        NEW,
        "No published event has this id, so it cannot be deleted or merged.",
    )


def test_file_level_problems(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    assert only_problem(desk, b"\x00\x01\x02binary\x00")[3] == (
        "The file is not a text table: upload a CSV or XLSX file."
    )
    assert only_problem(desk, b"PK\x03\x04not really a zip", "e.xlsx")[3] == (
        "The file cannot be read as an Excel workbook (XLSX)."
    )
    assert only_problem(desk, b"")[3] == "The file has no header row and no data."
    assert only_problem(desk, b'event_id,date\n"ev-x,2020-01-01\n')[3].startswith(
        "The CSV cannot be read here:"
    )
    monkeypatch.setattr(upload, "MAX_FILE_BYTES", 100)
    assert only_problem(desk, to_csv(export_rows(desk)))[3] == "The file is larger than 0 MB."
    monkeypatch.setattr(upload, "MAX_FILE_BYTES", 10**8)
    monkeypatch.setattr(upload, "MAX_ROWS", 3)
    assert only_problem(desk, to_csv(export_rows(desk)))[3] == "More than 3 rows: split the file."


def test_every_problem_is_reported_at_once_and_nothing_applies(desk: Desk) -> None:
    rows = export_rows(desk)
    set_cell(rows, CALL_2020, "date", "yesterday")
    set_cell(rows, MEETING_2021, "type", "summit")
    set_cell(rows, XSS_EVENT, "confidence", "2")
    checked = problems_of(desk, to_csv(rows))
    assert [(p.column, p.value) for p in errors(checked.report.problems)] == [
        ("date", "yesterday"),
        ("type", "summit"),
        ("confidence", "2"),
    ]
    assert checked.diff.empty


def test_problems_in_arabic_and_as_a_download(desk: Desk) -> None:
    rows = set_cell(export_rows(desk), CALL_2020, "date", "٧/١٠/٢٠٢٠")
    checked = problems_of(desk, to_csv(rows))
    (problem,) = errors(checked.report.problems)
    assert problem.reason("ar") == "ليس تاريخاً بالصيغة YYYY-MM-DD."
    data = problems_csv(checked.report.problems, "ar")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Arabic as UTF-8
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "الملف,الصف,العمود,القيمة,النوع,السبب"
    assert "events.csv,3,date,٧/١٠/٢٠٢٠,خطأ,ليس تاريخاً بالصيغة YYYY-MM-DD." in text


def test_lexicon_spelling_taken_by_another_person(desk: Desk) -> None:
    rows = [["actor_id", "aliases_ar"], ["aliyev", "علييف;إلهام علييف;بوتين"]]
    assert only_problem(desk, to_csv(rows), "actors.csv") == (
        2,
        "aliases_ar",
        "بوتين",
        "This spelling already belongs to putin.",
    )


def test_people_and_places_added_in_the_same_upload_are_known(desk: Desk) -> None:
    events = new_row(export_rows(desk), participants="aliyev;michel", place_id="brussels")
    actors = [
        ["actor_id", "name_en", "name_ar", "aliases_ar", "role_en", "role_ar", "country"],
        ["michel", "Charles Michel", "شارل ميشال", "شارل ميشال;ميشال", "", "", "eu"],
    ]
    places = [
        ["place_id", "name_en", "name_ar", "aliases_ar", "kind", "country", "lat", "lon"],
        ["brussels", "Brussels", "بروكسل", "بروكسل", "city", "be", "50.8503", "4.3517"],
    ]
    alone = problems_of(desk, to_csv(events))
    assert {p.code for p in errors(alone.report.problems)} == {
        "unknown_actor_item",
        "unknown_place",
    }
    checked = desk.check(
        [("events.csv", to_csv(events)), ("a.csv", to_csv(actors)), ("p.csv", to_csv(places))]
    )
    assert checked.ok, [p.code for p in checked.report.problems]
    assert [(a.table, a.row_id) for a in checked.diff.added] == [
        ("events", NEW),
        ("actors", "michel"),
        ("places", "brussels"),
    ]


def test_encodings_and_workbooks_give_the_same_diff(desk: Desk) -> None:
    rows = set_cell(export_rows(desk), CALL_2020, "date", "2020-10-08")
    set_cell(rows, CALL_2020, "title_ar", "بوتين يتصل بعلييف مجدداً")
    wanted = [("date", "2020-10-08"), ("title_ar", "بوتين يتصل بعلييف مجدداً")]
    book = Workbook()
    sheet = book.active
    sheet.title = "events"
    for row in rows:
        sheet.append(row)
    date_column = rows[0].index("date") + 1
    row = row_number(rows, CALL_2020)
    sheet.cell(row, date_column).value = dt.datetime(2020, 10, 8)  # Excel made it a date cell
    book.create_sheet("Sheet2")  # an empty spare sheet is ignored
    xlsx = io.BytesIO()
    book.save(xlsx)
    files = {
        "utf8-bom.csv": to_csv(rows, "utf-8-sig"),
        "utf8.csv": to_csv(rows, "utf-8"),
        "cp1256.csv": to_csv(rows, "cp1256"),
        "semicolons.csv": _semicolons(rows),
        "book.xlsx": xlsx.getvalue(),
    }
    for name, data in files.items():
        checked = desk.check([(name, data)])
        assert checked.ok, (name, [(p.code, p.column, p.value) for p in checked.report.problems])
        assert [(c.field, c.new) for c in checked.diff.changed] == wanted, name


def _semicolons(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def test_an_xlsx_formula_is_refused_but_text_that_looks_like_one_is_a_warning(desk: Desk) -> None:
    rows = export_rows(desk)
    book = Workbook()
    for row in rows:
        book.active.append(row)
    title = rows[0].index("title_en") + 1
    book.active.cell(row_number(rows, CALL_2020), title).value = "=1+1"  # a real formula
    xlsx = io.BytesIO()
    book.save(xlsx)
    assert only_problem(desk, xlsx.getvalue(), "book.xlsx")[1:] == (
        "title_en",
        "=1+1",
        "A spreadsheet formula: type the value itself, not a formula.",
    )
    rows = set_cell(rows, CALL_2020, "title_en", '=HYPERLINK("http://x","y")')
    checked = problems_of(desk, to_csv(rows))
    assert checked.ok
    (warning,) = warnings(checked.report.problems)
    assert warning.reason("en").startswith("Starts with =, so a spreadsheet would run it")
