"""The editor page: download, upload, edit in a table, lexicons, history. Signed-in only.

Every way of changing data goes through the same steps (`Desk.check` -> review -> `Desk.apply`),
so a browser edit is validated and shown as a diff exactly like an uploaded spreadsheet.
The table editors show a snapshot taken when they were opened (with its version), never their
own output, so typing is never lost to a rerun or to another editor's save.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components.editor import review as rv
from components.editor.history import history_tab
from components.frame.data import open_desk
from components.frame.signin import current_editor, sign_in_form, sign_out
from newsdesk.contract.schema import DELETE_FIELD, EVENTS, MERGE_FIELD, TABLES
from newsdesk.editors.desk import Desk
from newsdesk.editors.spreadsheets import table_csv, tables_xlsx
from newsdesk.editors.upload import Sheet
from newsdesk.editors.validate import ID_COLUMN
from newsdesk.view.markup import md_escape

LEXICONS = ("actors", "places", "topics")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SNAPSHOTS = "nd_snapshots"  # slot -> (key, base version, frame)


def editor_page(ctx) -> None:
    editor = current_editor()
    if not editor:
        sign_in_form(ctx.t)
        return
    desk = open_desk()
    head = desk.head()
    top = st.columns([5, 1])
    top[0].caption(ctx.t("editor.signed_in", name=md_escape(editor), version=head))
    top[1].button(ctx.t("editor.signout"), on_click=sign_out, key="nd-signout")
    rv.show_flash()
    tabs = st.tabs(
        [
            ctx.t("editor.tab.download"),
            ctx.t("editor.tab.upload"),
            ctx.t("editor.tab.table"),
            ctx.t("editor.tab.lexicons"),
            ctx.t("editor.tab.history"),
        ]
    )
    with tabs[0]:
        _downloads(ctx, desk, head)
    with tabs[1]:
        _upload(ctx, desk, editor)
    with tabs[2]:
        _events_table(ctx, desk, head, editor)
    with tabs[3]:
        _lexicon_table(ctx, desk, head, editor)
    with tabs[4]:
        history_tab(ctx, desk, head, editor)


def _downloads(ctx, desk: Desk, head: int) -> None:
    st.caption(ctx.t("editor.download_intro"))
    filtered = ctx.events[list(EVENTS)]
    tables = desk.tables(head)
    everything = desk.reader_events(head).events
    lexicons = {name: tables[name] for name in LEXICONS}
    for label, frame, extra, name in (
        (ctx.t("editor.filtered", n=len(filtered)), filtered, {}, "events-filtered"),
        (ctx.t("editor.all", n=len(everything)), everything, lexicons, "events-all"),
    ):
        st.markdown(f"**{label}**")
        cols = st.columns(2)
        # Files are made only when a button is clicked (XLSX of 100,000 events takes a while).
        cols[0].download_button(
            ctx.t("editor.csv"),
            lambda frame=frame: table_csv(frame, "events", head),
            file_name=f"{name}-v{head}.csv",
            mime="text/csv",
            key=f"nd-dl-{name}-csv",
        )
        cols[1].download_button(
            ctx.t("editor.xlsx"),
            lambda frame=frame, extra=extra: tables_xlsx({"events": frame, **extra}, head),
            file_name=f"{name}-v{head}.xlsx",
            mime=XLSX_MIME,
            key=f"nd-dl-{name}-xlsx",
        )


def _upload(ctx, desk: Desk, editor: str) -> None:
    files = st.file_uploader(
        ctx.t("editor.upload"),
        type=["csv", "xlsx"],
        accept_multiple_files=True,
        help=ctx.t("editor.upload_help"),
        key=f"nd-upload-{rv.reset_count('upload')}",
    )
    if not files:
        return
    payload = [(file.name, file.getvalue()) for file in files]
    fingerprint = tuple((name, hashlib.sha256(data).hexdigest()) for name, data in payload)
    checked = rv.pending("upload", fingerprint)
    if checked is None:
        checked = desk.check(payload)
        rv.remember("upload", fingerprint, checked)
    rv.review(ctx, desk, "upload", checked, editor)


def frame_sheet(frame: pd.DataFrame, source: str) -> Sheet:
    """A table editor's content as an uploaded sheet, so it takes the upload's checks."""
    header = [str(column) for column in frame.columns]
    rows = []
    for number, record in enumerate(frame.itertuples(index=False), start=2):
        cells = []
        for value in record:
            if isinstance(value, bool):
                cells.append("true" if value else "")
            elif value is None or (isinstance(value, float) and value != value):
                cells.append("")
            else:
                cells.append(str(value))
        rows.append((number, cells))
    return Sheet(source, header, rows)


def _snapshot(slot: str, key: object, base: int, build) -> tuple[int, pd.DataFrame]:
    """The frame a table editor started from; rebuilt only when its view or a save changes it."""
    snapshots = st.session_state.setdefault(SNAPSHOTS, {})
    full_key = (key, rv.reset_count(slot))
    found = snapshots.get(slot)
    if found is None or found[0] != full_key:
        found = (full_key, base, build())
        snapshots[slot] = found
    return found[1], found[2]


def _table_editor(ctx, desk: Desk, slot: str, base: int, frame: pd.DataFrame, editor: str, config):
    edited = st.data_editor(
        frame,
        key=f"nd-grid-{slot}-{rv.reset_count(slot)}",
        num_rows="add",  # rows can be added; a row deletes only through its _delete box
        hide_index=True,
        column_config=config,
    )
    if st.button(ctx.t("editor.check"), key=f"nd-check-{slot}"):
        sheet = frame_sheet(
            edited, ctx.t(f"editor.tab.{'table' if slot == 'grid' else 'lexicons'}")
        )
        rv.remember(slot, "grid", desk.check_sheets([sheet], base=base))
    checked = rv.pending(slot, "grid")
    if checked is not None:
        rv.review(ctx, desk, slot, checked, editor)


def _events_table(ctx, desk: Desk, head: int, editor: str) -> None:
    st.caption(ctx.t("editor.table_intro"))

    def build() -> pd.DataFrame:
        frame = ctx.events[list(EVENTS)].reset_index(drop=True).copy()
        # the filtering helpers in `attrs` (search names, row index) are not for the grid:
        # Streamlit would send them to the browser with the table
        frame.attrs.clear()
        frame[DELETE_FIELD] = False
        frame[MERGE_FIELD] = ""
        return frame

    view = tuple(sorted(ctx.view_params().items(), key=str))
    base, frame = _snapshot("grid", view, head, build)
    config = {DELETE_FIELD: st.column_config.CheckboxColumn(DELETE_FIELD, default=False)}
    _table_editor(ctx, desk, "grid", base, frame, editor, config)


def _lexicon_table(ctx, desk: Desk, head: int, editor: str) -> None:
    st.caption(ctx.t("editor.lexicon_intro"))
    name = st.selectbox(ctx.t("editor.lexicon_choose"), LEXICONS, key="nd-lexicon")
    st.download_button(
        ctx.t("editor.lexicon_download"),
        lambda: tables_xlsx({n: desk.tables(head)[n] for n in LEXICONS}, head),
        file_name=f"lexicons-v{head}.xlsx",
        mime=XLSX_MIME,
        key="nd-dl-lexicons",
    )

    def build() -> pd.DataFrame:
        table = desk.tables(head)[name]
        return table[list(TABLES[name])].sort_values(ID_COLUMN[name]).reset_index(drop=True)

    base, frame = _snapshot("lexicon", name, head, build)
    _table_editor(ctx, desk, "lexicon", base, frame, editor, None)
