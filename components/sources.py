"""Sources page: the articles by headline, outlet and date, how their dates are known, the
events found in each, and an article view with every event's evidence marked in its text.
Readers never see file names or character offsets here (the Editors page keeps those)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.frame.data import article_text, corpus_dir
from components.frame.page import Context
from components.shared.cards import event_link, title_of
from components.shared.map_common import direction_div
from newsdesk.contract.schema import PUBLISHED_BASES
from newsdesk.contract.tables import split_list
from newsdesk.view.markup import esc, highlight_html
from newsdesk.view.source_names import address_html, name_source, publication_date, web_address

W_ARTICLE = "w_article"
HEADLINE_PX = 300  # leaves the five short columns in view at 1280 px, sidebar open


def _basis(basis: str) -> str:
    return basis if basis in PUBLISHED_BASES else "unknown"


def articles_table(ctx: Context) -> pd.DataFrame:
    """One row per article: headline, outlet, publication date, its basis, link, events found."""
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
                ctx.t("sources.headline"): article.get("title") or ctx.t("sources.no_headline"),
                ctx.t("sources.outlet"): article.get("outlet") or "—",
                ctx.t("sources.published"): publication_date(article, ctx.lang, ctx.strings)
                or ctx.t("date.unknown"),
                ctx.t("sources.basis"): ctx.t(f"basis.{basis}"),
                ctx.t("sources.link"): web_address(article.get("url")) or None,
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
        return name_source(index.get(article_id), ctx.lang, ctx.strings).text

    chosen = st.selectbox(ctx.t("sources.choose"), ids, format_func=label, key=W_ARTICLE)
    if chosen == ids[0]:
        st.query_params.pop("article", None)
    else:
        st.query_params["article"] = chosen
    return chosen


def article_head(ctx: Context, article: dict[str, str] | None) -> None:
    """Which article this is: outlet, headline, date, its address (or that it has none), how
    its date is known and whether its page and its dateline disagree."""
    named = name_source(article, ctx.lang, ctx.strings)
    lines = [direction_div(ctx, named.html, "nd-source-head")]
    if named.url:
        address = esc(ctx.t("sources.address")).format(address=address_html(named.url))
        lines.append(direction_div(ctx, address, "nd-ref"))
    st.html("".join(lines))
    basis = _basis((article or {}).get("published_basis", ""))
    st.caption(
        ctx.t(
            "sources.basis_help", basis=ctx.t(f"basis.{basis}"), help=ctx.t(f"basis.help.{basis}")
        )
    )
    if "dateline_differs" in split_list((article or {}).get("flags", "")):
        st.caption(ctx.t("sources.flag.dateline_differs"))


def article_view(ctx: Context, article_id: str) -> None:
    article = ctx.data.article_index().get(article_id)
    article_head(ctx, article)
    mentions = ctx.data.mentions
    own = mentions[mentions["article_id"] == article_id] if not mentions.empty else mentions
    own = own.sort_index()  # in the article's order (the app keeps mentions in event order)
    events = ctx.data.events.set_index("event_id", drop=False)
    event_ids = [e for e in dict.fromkeys(own["event_id"]) if e in events.index]
    st.markdown(f"**{ctx.t('sources.events')} ({len(event_ids)})**")
    for event_id in event_ids:
        event_link(ctx, events.loc[event_id].to_dict())
    text = article_text((article or {}).get("file", "")) if corpus_dir() is not None else None
    if text is None:
        st.info(ctx.t("sources.no_text"))
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
    link, headline = ctx.t("sources.link"), ctx.t("sources.headline")
    # the grid is drawn left to right in both languages and starts scrolled to its left edge:
    # the headline stays first so that a phone shows it without scrolling
    st.dataframe(
        articles_table(ctx),
        hide_index=True,
        column_config={
            link: st.column_config.LinkColumn(link, display_text=r"https?://([^/]+)"),
            # a long headline would push the other columns out of sight; the article view
            # below names the chosen article whole
            headline: st.column_config.TextColumn(headline, width=HEADLINE_PX),
        },
        placeholder=ctx.t("sources.no_link"),  # only the link column has empty cells
    )
    for basis in ("metadata", "stated", "inferred", "editor"):
        st.caption(f"{ctx.t(f'basis.{basis}')}: {ctx.t(f'basis.help.{basis}')}")
    st.subheader(ctx.t("sources.view"))
    article_view(ctx, _article_choice(ctx))
