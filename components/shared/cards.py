"""Event cards: what happened, when (as precisely as known), who, where, why we think so.

All text from the tables goes through newsdesk.view.markup.esc (HTML) or md_escape (labels), so a
summary holding `<script>` is shown as those characters.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.frame.data import article_text, corpus_dir
from components.frame.page import Context
from newsdesk.contract.event_types import facts_of
from newsdesk.contract.tables import split_list
from newsdesk.view.event_dates import event_date_text, format_event_date
from newsdesk.view.flag_notes import flag_notes_html
from newsdesk.view.markup import esc, md_escape, passage_context_html
from newsdesk.view.prepared import PREPARED, event_mentions
from newsdesk.view.queries import related_events
from newsdesk.view.source_names import name_source

RELATED_LINKS = 6  # the nearest few; the expander's title gives the full count
LINK_COLUMNS = ["event_id", "date", "date_precision", "date_end", "flags", "title_en", "title_ar"]
# and where its mentions are, for a disputed date
LINK_COLUMNS += [PREPARED.first_mention, PREPARED.end_mention]


def title_of(row: Mapping[str, str], lang: str) -> str:
    """The title in the UI language, falling back to the other language, then the id."""
    first, second = ("title_ar", "title_en") if lang == "ar" else ("title_en", "title_ar")
    return row.get(first) or row.get(second) or row.get("event_id", "")


def summary_of(row: Mapping[str, str], lang: str) -> str:
    first, second = ("summary_ar", "summary_en") if lang == "ar" else ("summary_en", "summary_ar")
    return row.get(first) or row.get(second) or ""


def mentions_of(ctx: Context, row: Mapping[str, object] | str) -> pd.DataFrame:
    """The event's mentions, by its `_m0`/`_m1` slice when given its prepared row (see
    newsdesk.view.prepared.index_mentions), or by comparing ids when given only its id."""
    return event_mentions(ctx.data.mentions, {"event_id": row} if isinstance(row, str) else row)


def short_date(ctx: Context, row: Mapping[str, str]) -> str:
    """The date for a link: as on the card, "9 or 10 November 2020" when sources disagree."""
    if "date_conflict" in str(row.get("flags", "")):
        return event_date_text(row, mentions_of(ctx, row), ctx.lang, ctx.strings)
    return format_event_date(
        row.get("date", ""),
        row.get("date_precision", ""),
        ctx.lang,
        row.get("date_end", ""),
        strings=ctx.strings,
    )


def event_link(ctx: Context, row: Mapping[str, str], label: str | None = None) -> None:
    """A link that opens this event's card alone on the Events page, keeping the view."""
    text = label or f"{short_date(ctx, row)} · {title_of(row, ctx.lang)}"
    ctx.page_link("events", md_escape(text), icon=":material/article:", event=row["event_id"])


def _people_html(ctx: Context, ids: list[str]) -> str:
    parts = []
    for actor_id in ids:
        name = ctx.data.lookups.actor(actor_id, ctx.lang)
        role = ctx.data.lookups.actor_role(actor_id, ctx.lang)
        parts.append(
            f"{esc(name)} <span class='nd-ref'>({esc(role)})</span>" if role else esc(name)
        )
    return ("، " if ctx.rtl else ", ").join(parts) or esc(ctx.t("card.none"))


def card_html(
    ctx: Context, row: Mapping[str, str], mentions: pd.DataFrame, notes: bool = True
) -> str:
    """The card's text block as escaped HTML (no blank lines: it must stay one HTML block).

    `notes=False` leaves out the notes on conflicting sources: a projected slide has no room
    for the sources' headlines, and its date line already reads "9 or 10 November"."""
    t, lang, lookups = ctx.t, ctx.lang, ctx.data.lookups
    kind = row.get("type", "")
    color = facts_of(kind).color
    direction = "rtl" if ctx.rtl else "ltr"
    precision = row.get("date_precision", "")
    status = row.get("status", "")
    head = [
        f"<span class='nd-badge' style='background:{color}'>{esc(t(f'type.{kind}'))}</span>",
        f"<span class='nd-date'>{esc(event_date_text(row, mentions, lang, ctx.strings))}</span>",
    ]
    if precision and precision != "day":
        head.append(f"<span class='nd-ref'>({esc(t(f'precision.{precision}'))})</span>")
    if status and status != "happened":
        head.append(
            f"<span class='nd-badge' style='background:#555'>{esc(t(f'status.{status}'))}</span>"
        )
    meta = [
        (t("card.participants"), _people_html(ctx, split_list(row.get("participants", "")))),
    ]
    if row.get("initiator"):
        meta.append((t("card.initiator"), _people_html(ctx, [row["initiator"]])))
    if row.get("place_id"):
        meta.append((t("card.place"), esc(lookups.place(row["place_id"], lang))))
    topics = [lookups.topic(topic, lang) for topic in split_list(row.get("topics", ""))]
    if topics:
        meta.append((t("card.topics"), esc(("، " if ctx.rtl else ", ").join(topics))))
    lines = [
        f"<div dir='{direction}' class='nd-card'>",
        f"<div class='nd-card-head'>{' '.join(head)}</div>",
        f"<div class='nd-title'>{esc(title_of(row, lang))}</div>",
    ]
    lines += [f"<div class='nd-meta'><b>{esc(label)}:</b> {value}</div>" for label, value in meta]
    summary = summary_of(row, lang)
    if summary:
        lines.append(f"<div class='nd-summary'>{esc(' '.join(summary.split()))}</div>")
    flagged = flag_notes_html(row, mentions, ctx.data.article_index(), lang, ctx.strings)
    if notes and flagged:
        items = "".join(f"<li>{note}</li>" for note in flagged)
        lines.append(f"<div class='nd-notes'><b>{esc(t('card.notes'))}:</b><ul>{items}</ul></div>")
    lines.append("</div>")
    return "".join(lines)


def sources_html(ctx: Context, row: Mapping[str, str], mentions: pd.DataFrame) -> str:
    """Each source named (outlet, headline, date, link) with its evidence passages marked in a
    little of their text; without the texts, the names alone and a word on why."""
    articles = ctx.data.article_index()
    direction = "rtl" if ctx.rtl else "ltr"
    have_corpus = corpus_dir() is not None
    blocks = []
    source_ids = list(dict.fromkeys(split_list(row.get("source_articles", ""))))
    source_ids += (
        [a for a in mentions["article_id"].unique() if a not in source_ids]
        if not mentions.empty
        else []
    )
    if not source_ids:
        blocks.append(f"<div class='nd-ref'>{esc(ctx.t('card.none'))}</div>")
    elif not have_corpus:
        blocks.append(f"<div class='nd-ref'>{esc(ctx.t('card.no_corpus'))}</div>")
    for article_id in source_ids:
        article = articles.get(article_id)
        named = name_source(article, ctx.lang, ctx.strings)
        blocks.append(f"<div class='nd-meta nd-source-line'>{named.html}</div>")
        if not have_corpus:
            continue
        own = mentions[mentions["article_id"] == article_id] if not mentions.empty else mentions
        text = article_text(article.get("file", "")) if article else None
        if text is None:
            blocks.append(f"<div class='nd-ref'>{esc(ctx.t('card.text_missing'))}</div>")
            continue
        for mention in own.to_dict("records"):
            marked = passage_context_html(text, mention["start"], mention["end"])
            if marked:
                blocks.append(f"<div class='nd-passage' dir='rtl'>{marked}</div>")
            else:
                blocks.append(f"<div class='nd-ref'>{esc(ctx.t('card.passage_missing'))}</div>")
    return f"<div dir='{direction}'>{''.join(blocks)}</div>"


def event_card(
    ctx: Context,
    row: Mapping[str, str],
    *,
    key: str,
    open_link: bool = True,
    sources_open: bool = False,
    related: bool = True,
) -> None:
    """One event as a bordered card. `key` must be unique on the page."""
    mentions = mentions_of(ctx, row)
    with st.container(border=True, key=f"card-{key}-{row['event_id']}"):
        st.html(card_html(ctx, row, mentions))
        n_sources = len(split_list(row.get("source_articles", "")))
        with st.expander(ctx.t("card.sources", n=n_sources), expanded=sources_open):
            st.html(sources_html(ctx, row, mentions))
        if related:
            linked = related_events(ctx.data.events, row, columns=LINK_COLUMNS)
            with st.expander(f"{ctx.t('card.related')} ({len(linked)})", expanded=False):
                if linked.empty:
                    st.caption(ctx.t("card.no_related"))
                nearest = linked.head(RELATED_LINKS)
                for other in nearest.to_dict("records"):
                    event_link(ctx, other)
        if open_link:
            event_link(ctx, row, label=ctx.t("card.open"))
