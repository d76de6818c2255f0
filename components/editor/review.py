"""Reviewing a checked change before it is saved: the problem list (downloadable), or the diff,
a required note and the apply button; and, when someone saved meanwhile, what they changed and
the editor's choice. Shared by the upload, the table editor and the lexicon editor.

The checked diff is kept in the session with the version it was checked against, so the
change applied is exactly the one the editor read, even if the page reruns in between.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from newsdesk.editors.changes import Diff, diff_rows
from newsdesk.editors.desk import Checked, Desk
from newsdesk.editors.problems import errors, problem_headers, problem_rows, problems_csv, warnings
from newsdesk.editors.store import OutOfDate
from newsdesk.view.markup import md_escape

PENDING = "nd_pending"  # slot -> (fingerprint, Checked)
CONFLICT = "nd_conflict"  # slot -> Meanwhile
FLASH = "nd_flash"  # a message for the next run (saved, restored)
RESETS = "nd_resets"  # slot -> counter, part of the widget keys, so a save clears the inputs


def pending(slot: str, fingerprint: object) -> Checked | None:
    found = st.session_state.get(PENDING, {}).get(slot)
    return found[1] if found and found[0] == fingerprint else None


def remember(slot: str, fingerprint: object, checked: Checked) -> None:
    st.session_state.setdefault(PENDING, {})[slot] = (fingerprint, checked)
    st.session_state.get(CONFLICT, {}).pop(slot, None)


def forget(slot: str) -> None:
    st.session_state.get(PENDING, {}).pop(slot, None)
    st.session_state.get(CONFLICT, {}).pop(slot, None)
    resets = st.session_state.setdefault(RESETS, {})
    resets[slot] = resets.get(slot, 0) + 1


def reset_count(slot: str) -> int:
    return st.session_state.get(RESETS, {}).get(slot, 0)


def flash(message: str) -> None:
    st.session_state[FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def diff_table(ctx, diff: Diff) -> pd.DataFrame:
    """The diff with translated headings and change names (values stay as typed)."""
    rows = diff_rows(diff)
    for row in rows:
        row["change"] = ctx.t(f"editor.change.{row['change']}")
    columns = ["change", "table", "id", "field", "old", "new"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={c: ctx.t(f"editor.diff.{c}") for c in columns})


def review(ctx, desk: Desk, slot: str, checked: Checked, editor: str) -> None:
    problems = checked.report.problems
    found = errors(problems)
    if found:
        st.error(ctx.t("editor.problems", n=len(found)))
        st.dataframe(_problem_frame(ctx, found), hide_index=True)
        st.download_button(
            ctx.t("editor.problems_download"),
            problems_csv(problems, ctx.lang),
            file_name="problems.csv",
            mime="text/csv",
            key=f"nd-problems-{slot}",
        )
        return
    notes = warnings(problems)
    if notes:
        st.warning(ctx.t("editor.warnings", n=len(notes)))
        st.dataframe(_problem_frame(ctx, notes), hide_index=True)
    if checked.diff.empty:
        st.info(ctx.t("editor.no_changes"))
        return
    head = desk.head()
    if checked.base != head:
        st.info(ctx.t("editor.stale_file", base=checked.base, head=head))
    st.subheader(ctx.t("editor.diff_title", version=checked.base))
    st.caption(ctx.t("editor.counts", **checked.diff.counts()))
    st.dataframe(diff_table(ctx, checked.diff), hide_index=True)
    note = st.text_area(ctx.t("editor.note"), key=f"nd-note-{slot}-{reset_count(slot)}")
    conflict = st.session_state.get(CONFLICT, {}).get(slot)
    if conflict is not None:
        _show_conflict(ctx, conflict)
    cols = st.columns(2)
    label = (
        ctx.t("editor.apply_on_top", head=conflict.head)
        if conflict is not None
        else ctx.t("editor.apply")
    )
    if cols[0].button(label, type="primary", key=f"nd-apply-{slot}"):
        if not (note or "").strip():
            st.error(ctx.t("editor.note_needed"))
            return
        try:
            info = desk.apply(checked.diff, checked.base, editor, note, on_top=conflict is not None)
        except OutOfDate as stale:
            st.session_state.setdefault(CONFLICT, {})[slot] = desk.meanwhile(
                stale.base, checked.diff
            )
            st.rerun()
        forget(slot)
        flash(ctx.t("editor.saved", version=info.version))
        st.rerun()
    if cols[1].button(ctx.t("editor.discard"), key=f"nd-discard-{slot}"):
        forget(slot)
        st.rerun()


def _problem_frame(ctx, problems) -> pd.DataFrame:
    frame = pd.DataFrame(problem_rows(problems, ctx.lang))
    return frame.rename(columns=problem_headers(ctx.lang))


def _show_conflict(ctx, meanwhile) -> None:
    st.warning(ctx.t("editor.conflict", base=meanwhile.base, head=meanwhile.head))
    for info, diff in meanwhile.versions:
        st.markdown(
            "- "
            + ctx.t(
                "editor.conflict_version",
                version=info.version,
                editor=md_escape(info.editor),
                time=info.time,
                note=md_escape(info.note),
            )
        )
        st.dataframe(diff_table(ctx, diff), hide_index=True)
    if meanwhile.overlap:
        fields = ", ".join(f"{i} {f}" for _t, i, f in sorted(meanwhile.overlap))
        st.error(ctx.t("editor.conflict_overlap", fields=fields))
    else:
        st.info(ctx.t("editor.conflict_none"))
