"""The editor page through AppTest, as an editor uses it: readers see neither page nor menu
entry; sign-in (wrong password, then right); an upload with errors lists them (downloadable)
and applies nothing; a valid upload shows its diff, needs a note, applies as a version that
readers see; someone saving meanwhile is shown before anything is overwritten; history,
comparison and restore."""

from __future__ import annotations

import csv
import io

import pytest
from fixtures import CALL_2020, XSS_EVENT
from pagerun import run_page, texts_of
from streamlit.testing.v1 import AppTest

from newsdesk.editors.auth import EDITORS_ENV, hash_password
from newsdesk.editors.desk import Desk
from newsdesk.editors.spreadsheets import table_csv

PASSWORD = "editor-password-1"


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def editors(on_fixture: None, password_hash: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EDITORS_ENV, f"ana:{password_hash};bob:{password_hash}")


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def menu(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def button(at: AppTest, label: str):
    (found,) = [b for b in at.button if b.label == label]
    return found


def table(at: AppTest, *columns: str, index: int = 0):
    """The index-th dataframe drawn with these columns (dataframes carry no key in AppTest)."""
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    return found[index]


def sign_in(
    at: AppTest, name: str = "ana", password: str = PASSWORD, label: str = "Sign in"
) -> AppTest:
    at.text_input(key="nd-signin-name").input(name)
    at.text_input(key="nd-signin-password").input(password)
    return button(at, label).click().run()


def export(data_dir, version: int | None) -> list[list[str]]:
    events = Desk.open(data_dir).reader_events().events
    text = table_csv(events, "events", version).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def to_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def edit(rows: list[list[str]], event_id: str, column: str, value: str) -> list[list[str]]:
    index = rows[0].index(column)
    return [[*row[:index], value, *row[index + 1 :]] if row[0] == event_id else row for row in rows]


def test_readers_see_no_editor_page_or_menu_entry(editors: None) -> None:
    at = run_page("events")
    assert "Editors" not in menu(at)
    at = run_page("editor")
    assert_clean(at)
    assert at.title[0].value == "Editors"
    assert not at.file_uploader and not at.tabs  # only the sign-in form
    assert at.text_input(key="nd-signin-password").proto.type == 1  # a password field


def test_no_editors_configured_says_how(on_fixture: None, monkeypatch) -> None:
    monkeypatch.delenv(EDITORS_ENV, raising=False)
    at = run_page("editor")
    assert "No editors are configured" in texts_of(at)


def test_sign_in_upload_errors_diff_apply_history_restore(editors: None, fixture_dirs) -> None:
    data_dir, _ = fixture_dirs
    at = run_page("editor")
    at = sign_in(at, password="wrong")
    assert [e.value for e in at.error] == ["Wrong name or password."]
    assert not at.tabs
    at = sign_in(at)
    assert_clean(at)
    assert "Editors" in menu(at)
    assert [t.label for t in at.tabs] == [
        "Download",
        "Upload",
        "Edit in the table",
        "People, places, topics",
        "History",
    ]
    assert "Signed in as ana · data version 1" in texts_of(at)

    # An upload with errors: listed with row, column, value, reason; downloadable; nothing saved.
    download_rows = export(data_dir, 1)
    bad = edit(download_rows, CALL_2020, "date", "7/10/2020")
    bad = edit(bad, XSS_EVENT, "type", "riot")
    at.file_uploader[0].set_value(("events.csv", to_bytes(bad), "text/csv")).run()
    assert_clean(at)
    assert [e.value for e in at.error] == [
        "Problems: 2. Nothing was applied; fix them and upload again."
    ]
    problems = table(at, "reason")
    assert list(problems["column"]) == ["date", "type"]
    assert list(problems["value"]) == ["7/10/2020", "riot"]
    assert problems["reason"].iloc[0] == "Not a date in the form YYYY-MM-DD."
    assert any(d.label == "Download the list of problems (CSV)" for d in at.get("download_button"))
    assert Desk.open(data_dir).head() == 1

    # A valid upload: the diff, a required note, apply.
    good = edit(download_rows, CALL_2020, "date", "2020-10-08")
    at.file_uploader[0].set_value(("events.csv", to_bytes(good), "text/csv")).run()
    assert_clean(at)
    assert not at.error
    assert "1 changed · 0 added · 0 deleted or merged" in texts_of(at)
    diff = table(at, "field", "old", "new")
    assert diff.values.tolist() == [
        ["changed", "events", CALL_2020, "date", "2020-10-07", "2020-10-08"]
    ]
    at = button(at, "Apply as a new version").click().run()
    assert [e.value for e in at.error] == [
        "Write a note first: the history says why every change was made."
    ]
    assert Desk.open(data_dir).head() == 1
    at.text_area(key="nd-note-upload-0").input("The call was on 8 October")
    at = button(at, "Apply as a new version").click().run()
    assert_clean(at)
    assert [s.value for s in at.success] == [
        "Saved as version 2. Readers see it on their next click."
    ]
    assert not at.file_uploader[0].value  # a fresh uploader for the next file

    # History: both versions, who, why, counts; the comparison; readers see the change.
    history = table(at, "version", "editor", "note")
    assert list(history["version"]) == [2, 1]
    assert history.iloc[0][["editor", "note", "changed"]].tolist() == [
        "ana",
        "The call was on 8 October",
        1,
    ]
    compare = table(at, "field", "old", "new")
    assert ["changed", "events", CALL_2020, "date", "2020-10-07", "2020-10-08"] in (
        compare.values.tolist()
    )
    reader = run_page("events", {"type": "call", "period": "war2020"})
    assert "8 October 2020" in "\n".join(e.proto.body for e in reader.get("html"))

    # Restore version 1 (an undo) with a note.
    at.selectbox(key="nd-restore-version-2").set_value(1)
    at.text_input(key="nd-restore-note-0").input("undo: the agency was right")
    at = button(at, "Restore as a new version").click().run()
    assert_clean(at)
    assert [s.value for s in at.success] == ["Version 3 restores version 1."]
    desk = Desk.open(data_dir)
    assert desk.head() == 3
    assert desk.reader_events().events.equals(desk.reader_events(1).events)


def test_someone_saving_meanwhile_is_shown_and_the_editor_chooses(
    editors: None, fixture_dirs
) -> None:
    data_dir, _ = fixture_dirs
    at = sign_in(run_page("editor"))
    mine = edit(export(data_dir, 1), CALL_2020, "date", "2020-10-08")
    at.file_uploader[0].set_value(("mine.csv", to_bytes(mine), "text/csv")).run()
    # Meanwhile bob saves a change to the same event from his own download.
    desk = Desk.open(data_dir)
    theirs = desk.check(
        [("bob.csv", to_bytes(edit(export(data_dir, 1), CALL_2020, "status", "denied")))]
    )
    desk.apply(theirs.diff, theirs.base, "bob", "the call was denied")
    at.text_area(key="nd-note-upload-0").input("date fix")
    at = button(at, "Apply as a new version").click().run()
    assert_clean(at)
    assert at.warning[0].value.startswith(
        "Someone saved while you were reviewing: your changes were checked against version 1, "
        "the newest is 2. Nothing was written."
    )
    assert "Version 2 by bob" in texts_of(at)
    assert "None of their changes touch the fields you changed." in texts_of(at)
    assert desk.head() == 2
    at = button(at, "Apply mine on top of version 2").click().run()
    assert_clean(at)
    assert [s.value for s in at.success] == [
        "Saved as version 3. Readers see it on their next click."
    ]
    row = desk.reader_events().events.set_index("event_id").loc[CALL_2020]
    assert (row["date"], row["status"]) == ("2020-10-08", "denied")  # both kept


def test_the_page_in_arabic(editors: None) -> None:
    at = sign_in(run_page("editor", {"lang": "ar"}), label="تسجيل الدخول")
    assert_clean(at)
    assert at.title[0].value == "المحررون"
    assert at.tabs[0].label == "تنزيل"
    at.file_uploader[0].set_value(("x.csv", b"name,date\nx,2020-01-01\n", "text/csv")).run()
    assert at.error[0].value == "عدد المشكلات: 1. لم يُطبَّق شيء؛ أصلحها وارفع الملف مجدداً."
    assert table(at, "السبب")["السبب"].iloc[0].startswith("لا يحوي صف العناوين")


def test_the_table_editor_goes_through_the_same_checks(fixture_dirs, on_fixture: None) -> None:
    """What st.data_editor returns (strings, a _delete checkbox, an added row with gaps) is
    checked like an upload; AppTest cannot type into the grid, so its output is built here."""
    from components.editor.page import frame_sheet
    from newsdesk.contract.schema import EVENTS

    data_dir, _ = fixture_dirs
    desk = Desk.open(data_dir)
    frame = desk.reader_events().events[list(EVENTS)].copy()
    frame["_delete"] = False
    frame["_merge_into"] = ""
    frame.loc[frame["event_id"] == CALL_2020, "date"] = "2020-10-08"
    frame.loc[frame["event_id"] == XSS_EVENT, "_delete"] = True
    added = dict.fromkeys(frame.columns, None)
    added.update(event_id="ev-grid-new", date="2024-02-01", date_precision="month", type="letter")
    added.update(status="happened", _delete=False)
    frame.loc[len(frame)] = added
    checked = desk.check_sheets([frame_sheet(frame, "table")], base=desk.head())
    assert checked.ok, [(p.code, p.column) for p in checked.report.problems]
    assert [(c.row_id, c.field, c.new) for c in checked.diff.changed] == [
        (CALL_2020, "date", "2020-10-08")
    ]
    assert [a.row_id for a in checked.diff.added] == ["ev-grid-new"]
    assert [r.row_id for r in checked.diff.removed] == [XSS_EVENT]
    frame.loc[frame["event_id"] == CALL_2020, "type"] = "phone"
    bad = desk.check_sheets([frame_sheet(frame, "table")], base=desk.head())
    assert [(p.row, p.column, p.value) for p in bad.report.problems] == [(3, "type", "phone")]
