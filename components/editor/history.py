"""The editor page's history tab: versions with editor, time, note and counts; the differences
between any two versions; restoring one (as a new version); corrections left orphaned by a
rebuild, to re-attach to another event or drop."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.editor import review as rv
from newsdesk.editors.desk import Desk
from newsdesk.editors.store import OutOfDate

COLUMNS = ("version", "time", "editor", "action", "note", "changed", "added", "deleted")


def history_frame(ctx, desk: Desk) -> pd.DataFrame:
    rows = []
    for info in desk.store.history():
        action = ctx.t(f"editor.action.{info.action}")
        if info.restored_from:
            action = f"{action} ← {info.restored_from}"
        rows.append(
            {
                "version": info.version,
                "time": info.time,
                "editor": info.editor,
                "action": action,
                "note": info.note,
                "changed": info.counts.get("changed", info.counts.get("corrections", 0)),
                "added": info.counts.get("added", 0),
                "deleted": info.counts.get("deleted", 0),
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.rename(columns={c: ctx.t(f"editor.col.{c}") for c in COLUMNS})


def history_tab(ctx, desk: Desk, head: int, editor: str) -> None:
    st.caption(ctx.t("editor.history_intro"))
    st.dataframe(history_frame(ctx, desk), hide_index=True)
    versions = list(range(head, 0, -1))

    st.subheader(ctx.t("editor.compare"))
    cols = st.columns(2)
    old = cols[0].selectbox(
        ctx.t("editor.compare_from"),
        versions,
        index=min(1, len(versions) - 1),
        key=f"nd-from-{head}",
    )
    new = cols[1].selectbox(ctx.t("editor.compare_to"), versions, index=0, key=f"nd-to-{head}")
    diff = desk.compare(old, new)
    if diff.empty:
        st.info(ctx.t("editor.compare_same"))
    else:
        st.caption(ctx.t("editor.counts", **diff.counts()))
        st.dataframe(rv.diff_table(ctx, diff), hide_index=True)

    st.subheader(ctx.t("editor.restore"))
    older = versions[1:]
    if older:
        target = st.selectbox(
            ctx.t("editor.restore_version"), older, key=f"nd-restore-version-{head}"
        )
        note = st.text_input(ctx.t("editor.note"), key=f"nd-restore-note-{rv.reset_count('h')}")
        if st.button(ctx.t("editor.restore_button"), key="nd-restore"):
            if not (note or "").strip():
                st.error(ctx.t("editor.note_needed"))
            else:
                _restore(ctx, desk, target, head, editor, note)
    _orphans(ctx, desk, head, editor)


def _restore(ctx, desk: Desk, target: int, head: int, editor: str, note: str) -> None:
    try:
        info = desk.restore(target, head, editor, note)
    except OutOfDate as stale:
        st.warning(ctx.t("editor.conflict", base=stale.base, head=stale.head))
        return
    rv.forget("h")
    rv.flash(ctx.t("editor.restored", version=info.version, target=target))
    st.rerun()


def _orphans(ctx, desk: Desk, head: int, editor: str) -> None:
    orphans = desk.reader_events(head).orphans
    if orphans.empty:
        return
    st.subheader(ctx.t("editor.orphans", n=len(orphans)))
    st.dataframe(orphans, hide_index=True)
    picked = st.multiselect(
        ctx.t("editor.orphans_pick"), list(orphans["correction_id"]), key="nd-orphans-pick"
    )
    events = ["", *sorted(desk.reader_events(head).events["event_id"])]
    target = st.selectbox(ctx.t("editor.orphans_target"), events, key="nd-orphans-target")
    note = st.text_input(ctx.t("editor.note"), key=f"nd-orphans-note-{rv.reset_count('o')}")
    if st.button(ctx.t("editor.orphans_button"), key="nd-orphans-save", disabled=not picked):
        if not (note or "").strip():
            st.error(ctx.t("editor.note_needed"))
            return
        reattach = dict.fromkeys(picked, target) if target else {}
        drop = [] if target else picked
        try:
            info = desk.fix_orphans(head, editor, note, drop=drop, reattach=reattach)
        except OutOfDate as stale:
            st.warning(ctx.t("editor.conflict", base=stale.base, head=stale.head))
            return
        rv.forget("o")
        rv.flash(ctx.t("editor.saved", version=info.version))
        st.rerun()
