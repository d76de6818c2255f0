"""The shared page frame: every page (and dashboard.py) calls `frame(page)` first.

It sets the page config, reads the language and the filters from the URL, draws the language
switch, the translated menu (st.page_link, carrying the filters so they survive a page change)
and the filter widgets, writes the view back into the URL, and returns a `Context` holding the
filtered events and a keyed body container that is right-to-left in Arabic.

Why the URL is synced by hand rather than with `bind="query-params"` (checked on 1.67.0):
bound selection widgets put the *display label* in the URL (`?lang=العربية`, `?type=اتصال`), so
a link would change with the UI language and `?lang=ar` would be rejected; and in pages-folder
mode a page switch drops the parameters bound on the previous page (widgets of the shared frame
are registered per page), so filters would not survive moving between pages. Here the URL holds
ids (`?lang=ar&type=call&actor=putin&period=war2020`), the frame re-reads it whenever it was
changed from outside (a shared link, a page link, back/forward), and writes it after every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st
from PIL import Image, ImageDraw

from components.frame.data import Dataset, load_dataset
from components.frame.signin import current_editor
from newsdesk.contract.schema import EVENT_TYPES, STATUSES
from newsdesk.language.strings import DEFAULT_LANG, LANG_NAMES, LANGS, Strings, is_rtl, load_strings
from newsdesk.view.markup import md_escape
from newsdesk.view.periods import CUSTOM, PERIOD_IDS
from newsdesk.view.prepared import PREPARED, PreparedEvents
from newsdesk.view.queries import filter_events
from newsdesk.view.url_state import (
    DEFAULT_STATUSES,
    FILTER_PARAMS,
    Filters,
    parse_params,
    to_params,
)

PAGES: dict[str, str] = {
    "home": "dashboard.py",
    "timeline": "pages/timeline.py",
    "events": "pages/events.py",
    "map": "pages/map.py",
    "sources": "pages/sources.py",
    "story": "pages/story.py",
    "export": "pages/export.py",
    "editor": "pages/editor.py",
}
# Pages that only a signed-in editor sees in the menu (and can use).
EDITOR_PAGES = frozenset({"editor"})
# Material icons ship with Streamlit (an emoji font may be missing on the reader's machine).
PAGE_ICONS = {
    "home": ":material/home:",
    "timeline": ":material/timeline:",
    "events": ":material/view_agenda:",
    "map": ":material/map:",
    "sources": ":material/newspaper:",
    "story": ":material/slideshow:",
    "export": ":material/download:",
    "editor": ":material/edit_note:",
}
LANG_PARAM = "lang"
BODY_KEY = "nd-body"
SIDE_KEY = "nd-side"

# widget key -> URL parameter of the shared filters
W_LANG, W_PERIOD, W_FROM, W_TO = "w_lang", "w_period", "w_from", "w_to"
W_TYPES, W_ACTORS, W_PLACES, W_TOPICS = "w_type", "w_actor", "w_place", "w_topic"
W_STATUS, W_QUERY = "w_status", "w_q"
WIDGET_KEYS = (
    W_LANG,
    W_PERIOD,
    W_FROM,
    W_TO,
    W_TYPES,
    W_ACTORS,
    W_PLACES,
    W_TOPICS,
    W_STATUS,
    W_QUERY,
)
_WRITTEN = "_nd_url_view"  # the view this session last wrote into the URL
_PAGE = "_nd_page"  # the page of the previous run


@dataclass
class Context:
    """What a page needs: language, strings, data, the view and the filtered events."""

    page: str
    lang: str
    strings: Strings
    data: Dataset
    filters: Filters
    events: PreparedEvents  # the events in the reader's view
    body: object  # the keyed container pages draw into (RTL in Arabic)

    def t(self, key: str, **values: object) -> str:
        return self.strings.t(self.lang, key, **values)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    def view_params(self, **extra: str | list[str]) -> dict[str, str | list[str]]:
        """URL parameters of the current view (filters and language) plus page-specific ones."""
        params = dict(to_params(self.filters))
        if self.lang != DEFAULT_LANG:
            params[LANG_PARAM] = self.lang
        params.update({key: value for key, value in extra.items() if value})
        return params

    def page_link(self, page: str, label: str, icon: str | None = None, **extra: str) -> None:
        """A link to one of the app's pages that keeps the view (and adds e.g. `event=`)."""
        st.page_link(PAGES[page], label=label, icon=icon, query_params=self.view_params(**extra))


# --- URL <-> widgets -------------------------------------------------------------------------


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _view_of(filters: Filters, lang: str) -> dict[str, str | list[str]]:
    view = dict(to_params(filters))
    if lang != DEFAULT_LANG:
        view[LANG_PARAM] = lang
    return view


def _url_lang(params: Mapping[str, list[str]]) -> str:
    values = params.get(LANG_PARAM) or []
    return values[0] if values and values[0] in LANGS else DEFAULT_LANG


def _seed_widgets(filters: Filters, lang: str) -> None:
    """Put a view into the widgets' session state (before the widgets are created)."""
    st.session_state[W_LANG] = lang
    st.session_state[W_PERIOD] = filters.period
    st.session_state[W_FROM] = filters.start
    st.session_state[W_TO] = filters.end
    st.session_state[W_TYPES] = list(filters.types)
    st.session_state[W_ACTORS] = list(filters.actors)
    st.session_state[W_PLACES] = list(filters.places)
    st.session_state[W_TOPICS] = list(filters.topics)
    st.session_state[W_STATUS] = list(filters.statuses)
    st.session_state[W_QUERY] = filters.query


def _sync_from_url(data: Dataset, page: str) -> None:
    """Let the URL win when it was changed from outside this session's own writes.

    That is a first load, a page change (the page link carries the view, and the widgets of
    the new page are new widgets even where their keys are the same), or back/forward. After a
    widget change on the same page the URL still holds the view this session wrote, and the
    widgets win.
    """
    params = _url_params()
    url_filters = parse_params(params, data.vocabulary)
    url_lang = _url_lang(params)
    url_view = _view_of(url_filters, url_lang)
    missing = any(key not in st.session_state for key in WIDGET_KEYS)
    moved = st.session_state.get(_PAGE) != page
    if missing or moved or st.session_state.get(_WRITTEN) != url_view:
        _seed_widgets(url_filters, url_lang)
    st.session_state[_PAGE] = page


def _write_url(view: dict[str, str | list[str]]) -> None:
    """Put the view into the URL, keeping page-specific parameters (event=, article= ...)."""
    current = _url_params()
    keep = {k: v for k, v in current.items() if k not in FILTER_PARAMS and k != LANG_PARAM}
    wanted = {**keep, **{k: v if isinstance(v, list) else [v] for k, v in view.items()}}
    # Written on every run, not only on change: a page link to the same page (an event's card)
    # reruns with its query string but leaves the address bar alone; this puts it there.
    # The browser only adds a history entry when the address really changes.
    st.query_params.from_dict(wanted)
    st.session_state[_WRITTEN] = view


def _relabel_filters() -> None:
    """Language-switch callback: write each filter's value back into session state.

    The browser keeps the *label* of a selected option; when only the labels change (a new
    language), Streamlit 1.67 does not resend the selection, and the sidebar would go on
    showing `2020 war` in Arabic. A value set through session state is always sent again.
    """
    for key in WIDGET_KEYS:
        if key != W_LANG and key in st.session_state:
            st.session_state[key] = st.session_state[key]


def reset_filters() -> None:
    """Button callback: back to the default view, keeping the language."""
    _seed_widgets(Filters(), st.session_state.get(W_LANG, DEFAULT_LANG))


def set_period(period: str) -> None:
    """Callback for "widen the period" buttons."""
    st.session_state[W_PERIOD] = period


# --- widgets ---------------------------------------------------------------------------------


def _sorted_ids(ids: frozenset[str] | None, name) -> list[str]:
    return sorted(ids or (), key=lambda item: (name(item).casefold(), item))


def _filter_widgets(data: Dataset, lang: str, strings: Strings) -> Filters:
    t = lambda key, **kw: strings.t(lang, key, **kw)  # noqa: E731
    st.markdown(f"**{t('filters.heading')}**")
    period = st.selectbox(
        t("filters.period"),
        PERIOD_IDS,
        format_func=lambda p: t(f"period.{p}"),
        key=W_PERIOD,
    )
    start = end = None
    if period == CUSTOM:
        low, high = _date_bounds(data)
        cols = st.columns(2)
        start = cols[0].date_input(
            t("filters.from"),
            value=None,
            min_value=low,
            max_value=high,
            key=W_FROM,
            format="YYYY-MM-DD",
        )
        end = cols[1].date_input(
            t("filters.to"),
            value=None,
            min_value=low,
            max_value=high,
            key=W_TO,
            format="YYYY-MM-DD",
        )
    lookups, vocab = data.lookups, data.vocabulary
    any_label = t("filters.any")
    types = st.multiselect(
        t("filters.types"),
        list(EVENT_TYPES),
        format_func=lambda x: t(f"type.{x}"),
        key=W_TYPES,
        placeholder=any_label,
    )

    def by_name(label: str, ids: frozenset[str] | None, name, key: str) -> list[str]:
        """People, places or topics: offered and shown by their name in the UI language."""
        return st.multiselect(
            t(label),
            _sorted_ids(ids, lambda item: name(item, lang)),
            format_func=lambda item: name(item, lang),
            key=key,
            placeholder=any_label,
        )

    actors = by_name("filters.actors", vocab.actors, lookups.actor, W_ACTORS)
    places = by_name("filters.places", vocab.places, lookups.place, W_PLACES)
    topics = by_name("filters.topics", vocab.topics, lookups.topic, W_TOPICS)
    statuses = st.multiselect(
        t("filters.status"),
        list(STATUSES),
        format_func=lambda s: t(f"status.{s}"),
        key=W_STATUS,
        placeholder=t("filters.status_any"),
    )
    query = st.text_input(t("filters.search"), key=W_QUERY, help=t("filters.search_help"))
    st.button(t("filters.reset"), on_click=reset_filters, key="w_reset")
    st.caption(t("filters.share"))
    return Filters(
        period=period or "all",
        start=start if period == CUSTOM else None,
        end=end if period == CUSTOM else None,
        types=tuple(types),
        actors=tuple(actors),
        places=tuple(places),
        topics=tuple(topics),
        statuses=tuple(statuses),
        query=(query or "").strip(),
    )


def _date_bounds(data: Dataset) -> tuple[dt.date, dt.date]:
    """Wide bounds: a shared link may name any period, even one with no events yet."""
    dates = data.events[PREPARED.date].dropna()
    low, high = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
    if not dates.empty:
        low, high = min(low, dates.min().date()), max(high, dates.max().date())
    return low, high


def _clean_state(data: Dataset) -> None:
    """Drop stale selections (ids that a rebuild removed) so widgets never get bad values."""
    vocab = data.vocabulary
    allowed = {
        W_TYPES: set(EVENT_TYPES),
        W_ACTORS: vocab.actors,
        W_PLACES: vocab.places,
        W_TOPICS: vocab.topics,
        W_STATUS: set(STATUSES),
    }
    for key, valid in allowed.items():
        values = st.session_state.get(key) or []
        kept = [v for v in values if valid is None or v in valid]
        if kept != values:
            st.session_state[key] = kept
    if st.session_state.get(W_PERIOD) not in PERIOD_IDS:
        st.session_state[W_PERIOD] = "all"
    if st.session_state.get(W_LANG) not in LANGS:
        st.session_state[W_LANG] = DEFAULT_LANG


def _css(rtl: bool) -> str:
    base = """
    .st-key-nd-body mark, .nd-article mark { background: #ffe58a; color: inherit; padding: 0 .1em; }
    .nd-card-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
    .nd-badge { border-radius: .6rem; padding: 0 .55rem; font-size: .85rem; color: #fff; }
    .nd-date { font-weight: 600; }
    .nd-title { font-size: 1.1rem; font-weight: 700; margin: .2rem 0 .3rem 0; }
    .nd-meta { font-size: .92rem; margin: .1rem 0; }
    .nd-notes { font-size: .9rem; color: #7a4b00; margin: .3rem 0; }
    .nd-card .nd-notes ul { padding: 0; padding-inline-start: 1.3rem; }
    .nd-summary { margin: .35rem 0; }
    .nd-article { white-space: pre-wrap; line-height: 1.9; font-size: 1.02rem; }
    .nd-passage { border-inline-start: 3px solid #e0b000; padding-inline-start: .6rem;
                  margin: .3rem 0; }
    .nd-ref { font-size: .85rem; color: #555; }
    .nd-source-head { font-size: 1.05rem; margin: .2rem 0; }
    .nd-source-line { margin-top: .45rem; }
    .nd-source-date { white-space: nowrap; }
    .nd-address, .nd-source a { overflow-wrap: anywhere; }
    .st-key-nd-body [data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"] {
        white-space: normal; }
    """
    if not rtl:
        return base
    return (
        base
        + """
    .st-key-nd-body, .st-key-nd-side { direction: rtl; text-align: right; }
    .st-key-nd-body :is(h1, h2, h3, h4, p, li, label, summary),
    .st-key-nd-body [data-testid="stMarkdownContainer"],
    .st-key-nd-body [data-testid="stCaptionContainer"] { text-align: start; }
    .st-key-nd-body, .st-key-nd-side, .st-key-nd-body p, .st-key-nd-side p {
        font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
    }
    .st-key-nd-body .stPlotlyChart, .st-key-nd-body .js-plotly-plot { direction: ltr; }
    .st-key-nd-body [data-testid="stMetric"] { text-align: right; }
    .st-key-nd-side [data-baseweb="select"] { direction: rtl; }
    .st-key-nd-side [data-tag] > button { margin-inline-start: .35rem; }
    """
    )


# Without the chrome (a page shown to an audience): Streamlit's decoration and running man
# hidden, the header transparent and click-through except for the button that opens the sidebar,
# the page moved up to the top edge, the page title kept for screen readers and the browser tab
# but not on screen.
BARE_CSS = """
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none; }
header[data-testid="stHeader"], header[data-testid="stHeader"] [data-testid="stToolbar"] {
    background: transparent; pointer-events: none; }
header[data-testid="stHeader"] [data-testid="stExpandSidebarButton"] { pointer-events: auto; }
[data-testid="stMainBlockContainer"] { padding-top: .6rem; padding-bottom: 1rem; }
.st-key-nd-body h1 { position: absolute; width: 1px; height: 1px; overflow: hidden;
                     clip: rect(0 0 0 0); white-space: nowrap; padding: 0; margin: 0; }
"""


@st.cache_resource(show_spinner=False)
def _tab_icon() -> Image.Image:
    """The browser tab's icon, drawn here and served by Streamlit itself.

    A `:material:` icon or an emoji is fetched from a font or image CDN by the browser, which
    leaves a request that fails offline (a presenter's room) on every page."""
    icon = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(icon)
    draw.ellipse((4, 4, 60, 60), fill="#c0392b")
    draw.ellipse((20, 20, 44, 44), fill="#ffffff")
    return icon


def frame(page: str, chrome: bool = True) -> Context:
    """Call first on every page. Returns the context; draw the page inside `ctx.body`.

    `chrome=False` is for a page shown to an audience (the presenter): the sidebar starts
    closed and Streamlit's own header controls are hidden (BARE_CSS)."""
    strings = load_strings()
    params = _url_params()
    lang_now = st.session_state.get(W_LANG) or _url_lang(params)
    st.set_page_config(
        page_title=f"{strings.t(lang_now, f'nav.{page}')} · {strings.t(lang_now, 'app.title')}",
        page_icon=_tab_icon(),
        layout="wide",
        initial_sidebar_state="expanded" if chrome else "collapsed",
    )
    data = load_dataset()
    _sync_from_url(data, page)
    _clean_state(data)
    # The style goes first so the page never flashes left-to-right in Arabic.
    bare = "" if chrome else BARE_CSS
    st.html(f"<style>{_css(is_rtl(st.session_state[W_LANG]))}{bare}</style>")
    sidebar = st.sidebar.container(key=SIDE_KEY)
    with sidebar:
        lang = st.radio(
            ":material/translate: Language · اللغة",
            list(LANGS),
            format_func=LANG_NAMES.get,
            key=W_LANG,
            horizontal=True,
            on_change=_relabel_filters,
        )
        menu = st.container()
        st.divider()
        filters = _filter_widgets(data, lang, strings)
    view = _view_of(filters, lang)
    _write_url(view)
    events = filter_events(data.events, filters)
    body = st.container(key=BODY_KEY)
    ctx = Context(page, lang, strings, data, filters, events, body)
    with menu:
        st.markdown(f"**{ctx.t('nav.heading')}**")
        editor = current_editor()
        for name in PAGES:
            if name in EDITOR_PAGES and not editor:
                continue
            ctx.page_link(name, ctx.t(f"nav.{name}"), icon=PAGE_ICONS[name])
    with body:
        st.title(ctx.t(f"nav.{page}") if page != "home" else ctx.t("app.title"))
        if page == "home":
            st.caption(ctx.t("app.subtitle"))
        if data.problem:
            st.error(md_escape(data.problem))
    return ctx


def url_choice(param: str, key: str, options: tuple[str, ...], label: str, option_label) -> str:
    """A page's own horizontal choice kept in the URL as `param=value`; the first option is
    the default and is left out of the URL, so plain links stay short."""
    default = options[0]
    if key not in st.session_state:
        wanted = st.query_params.get(param, default)
        st.session_state[key] = wanted if wanted in options else default
    choice = st.radio(label, options, format_func=option_label, key=key, horizontal=True)
    if choice == default:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = choice
    return choice


def empty_message(ctx: Context) -> None:
    """Say that nothing matches, and offer the widest period in one click."""
    st.info(f"{ctx.t('empty.title')} {ctx.t('empty.hint')}")
    if ctx.data.events.empty:
        st.caption(ctx.t("empty.data", path=md_escape(ctx.data.directory)))
    elif ctx.filters.period != "all":
        st.button(ctx.t("period.all"), on_click=set_period, args=("all",), key="w_widen")


__all__ = [
    "DEFAULT_STATUSES",
    "EDITOR_PAGES",
    "PAGES",
    "Context",
    "empty_message",
    "frame",
    "url_choice",
]
