"""One full correction in Chromium, as an editor does it: sign in, download the events as CSV,
fix a date in the file, upload it, read the diff, apply with a note, see the new date on the
events page as a reader, and undo it from the history. Screenshots in English and Arabic."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from conftest import EDITOR, EDITOR_PASSWORD
from pagewait import open_page, patient, reran, settle, snap
from playwright.sync_api import Page, expect
from test_browser import no_exception

CALL = "ev-fx-call-2020-10-07"


def sign_in(page: Page) -> None:
    open_page(page, "editor")
    page.get_by_label("Editor name").fill(EDITOR)
    page.get_by_label("Password", exact=True).fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {EDITOR}")).to_be_visible()
    settle(page)  # the line shows the signed-in run began: the rest of the page is drawn at its end


def fix_date(download: bytes) -> bytes:
    assert download.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Arabic intact
    rows = list(csv.reader(io.StringIO(download.decode("utf-8-sig"))))
    header = rows[0]
    assert header[-1] == "_version"
    for row in rows[1:]:
        if row[0] == CALL:
            row[header.index("date")] = "2020-10-08"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def test_an_editor_fixes_a_date_sees_it_and_undoes_it(editor_tab: Page, screenshots: Path) -> None:
    page = editor_tab
    sign_in(page)
    menu = page.locator(".st-key-nd-side")
    expect(menu.get_by_text("Editors", exact=True)).to_be_visible()

    with reran(page), page.expect_download() as downloaded:  # the button reruns the script
        page.get_by_role("button", name="CSV").last.click()
    data = Path(downloaded.value.path()).read_bytes()

    page.get_by_role("tab", name="Upload").click()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "events.csv", "mimeType": "text/csv", "buffer": fix_date(data)}]
    )
    expect(page.get_by_text("1 changed · 0 added · 0 deleted or merged")).to_be_visible()
    expect(page.get_by_text("Changes to apply (checked against version 1)")).to_be_visible()
    settle(page)  # the counts show the upload's run began: the note and the button come at its end
    no_exception(page)
    snap(page, screenshots / "editor_diff_en.png", full_page=True)

    page.get_by_label("Note: why these changes").fill("The call was on 8 October")
    page.get_by_role("button", name="Apply as a new version").click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    settle(page)

    # The Arabic page: right-to-left, the same tabs, the history.
    page.locator(".st-key-nd-side").get_by_text("العربية", exact=True).click()
    expect(page.locator(".st-key-nd-body h1")).to_have_text("المحررون")
    settle(page)  # the heading shows the Arabic run began; its styles and tabs come by its end
    body = page.locator(".st-key-nd-body")
    assert body.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.get_by_role("tab", name="السجل").click()
    expect(page.get_by_text("قارن بين إصدارين")).to_be_visible()
    snap(page, screenshots / "editor_history_ar.png", full_page=True)
    page.get_by_role("tab", name="رفع").click()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"event_id,date\nBad Id,x\n"}]
    )
    expect(page.get_by_text("عدد المشكلات: 1.")).to_be_visible()
    snap(page, screenshots / "editor_problems_ar.png", full_page=True)  # after the run's end

    # A reader's view shows the new date.
    reader = patient(page.context.browser.new_page())
    reader.base = page.base  # type: ignore[attr-defined]
    open_page(reader, f"events?type=call&period=war2020&event={CALL}")
    expect(reader.locator(".st-key-nd-body").get_by_text("8 October 2020").first).to_be_visible()
    expect(reader.locator(".st-key-nd-side").get_by_text("Editors", exact=True)).to_have_count(0)

    # Undo from the history: restore version 1 as version 3.
    settle(page)
    page.get_by_role("tab", name="السجل").click()
    page.get_by_label("ملاحظة: سبب هذه التغييرات").last.fill("تراجع")
    page.get_by_role("button", name="استعد كإصدار جديد").click()
    expect(page.get_by_text("الإصدار 3 يستعيد الإصدار 1.")).to_be_visible()
    open_page(reader, f"events?type=call&period=war2020&event={CALL}")
    expect(reader.locator(".st-key-nd-body").get_by_text("7 October 2020").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/editor"))
    reader.close()
