"""Sources page: the articles, how their dates are known, the events found in each, and an
article view with every event's evidence marked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.frame.data import article_text, corpus_dir
from components.frame.page import Context
from components.shared.cards import event_link, title_of
from newsdesk.contract.schema import PUBLISHED_BASES
from newsdesk.language.strings import isolate
from newsdesk.view.event_dates import format_event_date
from newsdesk.view.markup import highlight_html, md_escape

W_ARTICLE = "w_article"


def _basis(basis: str) -> str:
    return basis if basis in PUBLISHED_BASES else "unknown"


def articles_table(ctx: Context) -> pd.DataFrame:
    """One row per article: outlet, publication date, basis (explained), file, events found."""
    articles, mentions = ctx.data.articles, ctx.data.mentions
    shown_ids = set(ctx.data.events["event_id"])
    found = (
        mentions[mentions["event_id"].isin(shown_ids)].groupby("article_id")["event_id"].nunique()
        if not mentions.empty
        else pd.Series(dtype=int)
    )
    rows = []
    for article in articles.to_dict("records"):
        basis = _basis(article.get("published_basis", ""))
        rows.append(
            {
                ctx.t("sources.outlet"): article.get("outlet", "") or "—",
                ctx.t("sources.published"): format_event_date(
                    article.get("published", ""), "day", ctx.lang, strings=ctx.strings
                ),
                ctx.t("sources.basis"): ctx.t(f"basis.{basis}"),
                ctx.t("sources.file"): article.get("file", ""),
                ctx.t("sources.events"): int(found.get(article["article_id"], 0)),
            }
        )
    return pd.DataFrame(rows)


def _article_choice(ctx: Context) -> str:
    ids = list(ctx.data.articles["article_id"])
    if W_ARTICLE not in st.session_state or st.session_state[W_ARTICLE] not in ids:
        wanted = st.query_params.get("article", "")
        st.session_state[W_ARTICLE] = wanted if wanted in ids else ids[0]
    index = ctx.data.article_index()

    def label(article_id: str) -> str:
        article = index.get(article_id, {})
        when = format_event_date(article.get("published", ""), "day", ctx.lang, strings=ctx.strings)
        outlet = isolate(article.get("outlet") or article_id)
        return f"{outlet} · {when} · {isolate(article.get('file', ''))}"

    chosen = st.selectbox(ctx.t("sources.choose"), ids, format_func=label, key=W_ARTICLE)
    if chosen == ids[0]:
        st.query_params.pop("article", None)
    else:
        st.query_params["article"] = chosen
    return chosen


def article_view(ctx: Context, article_id: str) -> None:
    article = ctx.data.article_index().get(article_id, {})
    basis = _basis(article.get("published_basis", ""))
    st.caption(
        ctx.t(
            "sources.basis_help", basis=ctx.t(f"basis.{basis}"), help=ctx.t(f"basis.help.{basis}")
        )
    )
    mentions = ctx.data.mentions
    own = mentions[mentions["article_id"] == article_id] if not mentions.empty else mentions
    own = own.sort_index()  # in the article's order (the app keeps mentions in event order)
    events = ctx.data.events.set_index("event_id", drop=False)
    event_ids = [e for e in dict.fromkeys(own["event_id"]) if e in events.index]
    st.markdown(f"**{ctx.t('sources.events')} ({len(event_ids)})**")
    for event_id in event_ids:
        event_link(ctx, events.loc[event_id].to_dict())
    file = article.get("file", "")
    text = article_text(file) if corpus_dir() is not None else None
    if text is None:
        st.info(
            ctx.t("sources.no_text", file=md_escape(file), n=md_escape(article.get("n_chars", "?")))
        )
        refs = [
            {
                "event": title_of(events.loc[m["event_id"]].to_dict(), ctx.lang)
                if m["event_id"] in events.index
                else m["event_id"],
                "start": m["start"],
                "end": m["end"],
            }
            for m in own.to_dict("records")
        ]
        if refs:
            st.markdown(f"**{ctx.t('sources.mentions')}**")
            st.dataframe(pd.DataFrame(refs), hide_index=True)
        return
    spans = [
        (
            m["start"],
            m["end"],
            title_of(events.loc[m["event_id"]].to_dict(), ctx.lang)
            if m["event_id"] in events.index
            else "",
        )
        for m in own.to_dict("records")
    ]
    st.caption(ctx.t("sources.evidence_legend"))
    with st.container(border=True, key="nd-article"):
        st.html(f"<div class='nd-article' dir='rtl' lang='ar'>{highlight_html(text, spans)}</div>")


def sources_page(ctx: Context) -> None:
    if ctx.data.articles.empty:
        st.info(ctx.t("sources.no_articles"))
        return
    st.subheader(ctx.t("sources.articles"))
    st.dataframe(articles_table(ctx), hide_index=True)
    for basis in ("stated", "inferred", "editor"):
        st.caption(f"{ctx.t(f'basis.{basis}')}: {ctx.t(f'basis.help.{basis}')}")
    st.subheader(ctx.t("sources.view"))
    article_view(ctx, _article_choice(ctx))
