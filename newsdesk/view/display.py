"""What the app shows, as pure functions: UI strings, names, dates, flags, evidence marks.

Kept free of Streamlit so every rule a reader relies on (a month is never shown as a day, a
summary with HTML in it stays text, evidence marks sit on the right characters) is unit-tested.
Any text that came from a table is escaped here before it goes into HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newsdesk.config import UI_STRINGS_PATH
from newsdesk.contract.schema import PRECISIONS
from newsdesk.contract.tables import split_list
from newsdesk.language.dates import format_date
from newsdesk.view.filters import event_mentions

LANGS: tuple[str, ...] = ("en", "ar")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "ar": "العربية"}
KNOWN_FLAGS = ("date_conflict", "garbled_month", "inferred_year", "inferred_date", "edited")


# --- UI strings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Strings:
    """UI strings of both languages, from data/ui_strings.json (translators edit data)."""

    table: Mapping[str, Mapping[str, str]]

    def t(self, lang: str, key: str, **values: object) -> str:
        """The string for `key` in `lang` (English, then the key itself, if missing)."""
        text = self.table.get(lang, {}).get(key) or self.table.get(DEFAULT_LANG, {}).get(key)
        if text is None:
            return key
        return text.format(**values) if values else text


@lru_cache(maxsize=4)
def load_strings(path: Path = UI_STRINGS_PATH) -> Strings:
    with path.open(encoding="utf-8") as stream:
        return Strings(json.load(stream))


def is_rtl(lang: str) -> bool:
    return lang == "ar"


def isolate(text: str) -> str:
    """Wrap left-to-right bits (file names, ids) so Arabic text around them cannot reorder
    them (Unicode first-strong isolate); harmless in English."""
    return f"\u2068{text}\u2069" if text else text


def list_join(items: Sequence[str], lang: str) -> str:
    """`a, b and c` / `a وb وc`-style joining that reads naturally in each language."""
    items = [item for item in items if item]
    if not items:
        return ""
    if lang == "ar":
        return "، ".join(items)
    return ", ".join(items)


# --- names of actors, places, topics ---------------------------------------------------------


@dataclass(frozen=True)
class Lookups:
    """Id -> row of the actors, places and topics tables, with names in either language.

    An id missing from its table is shown as the id itself: a card never fails over a name.
    """

    actors: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    places: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    topics: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_tables(
        cls, actors: pd.DataFrame, places: pd.DataFrame, topics: pd.DataFrame
    ) -> Lookups:
        def index(frame: pd.DataFrame, key: str) -> dict[str, dict[str, str]]:
            return {row[key]: row for row in frame.fillna("").astype(str).to_dict("records")}

        return cls(index(actors, "actor_id"), index(places, "place_id"), index(topics, "topic_id"))

    @staticmethod
    def _name(row: Mapping[str, str] | None, item_id: str, lang: str, column: str = "name") -> str:
        if not row:
            return item_id
        first, second = (
            (f"{column}_ar", f"{column}_en")
            if lang == "ar"
            else (
                f"{column}_en",
                f"{column}_ar",
            )
        )
        return row.get(first) or row.get(second) or item_id

    def actor(self, actor_id: str, lang: str) -> str:
        return self._name(self.actors.get(actor_id), actor_id, lang)

    def actor_role(self, actor_id: str, lang: str) -> str:
        row = self.actors.get(actor_id)
        return self._name(row, "", lang, "role") if row else ""

    def place(self, place_id: str, lang: str) -> str:
        return self._name(self.places.get(place_id), place_id, lang)

    def countries(self) -> dict[str, str]:
        """Actor id -> country id: whose capital a call or meeting without a venue is drawn at."""
        return {actor_id: row.get("country", "") for actor_id, row in self.actors.items()}

    def topic(self, topic_id: str, lang: str) -> str:
        return self._name(self.topics.get(topic_id), topic_id, lang)

    def search_names(self) -> dict[str, list[str]]:
        """Every name and alias of each id, for the search text of the events."""
        names: dict[str, list[str]] = {}
        for table in (self.actors, self.places, self.topics):
            for item_id, row in table.items():
                values = [row.get("name_en", ""), row.get("name_ar", "")]
                values += split_list(row.get("aliases_ar", ""))
                names.setdefault(item_id, []).extend(v for v in values if v)
        return names


# --- dates -----------------------------------------------------------------------------------


def parse_date(value: object) -> dt.date | None:
    """An ISO date from a table cell, or None (empty, malformed or impossible dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _safe_precision(precision: str) -> str:
    """Unknown precisions read as a month: better vague than a false day."""
    return precision if precision in PRECISIONS else "month"


def format_event_date(
    date: object,
    precision: str,
    lang: str,
    date_end: object = "",
    conflict: Iterable[tuple[object, str]] = (),
    strings: Strings | None = None,
) -> str:
    """The date as precisely as it is known, in `lang`.

    `conflict`: (date, precision) pairs the sources give when they disagree (flag
    date_conflict); all distinct ones are shown ("9 or 10 November 2020").
    """
    strings = strings or load_strings()
    best = parse_date(date)
    if best is None:
        return strings.t(lang, "date.unknown")
    precision = _safe_precision(precision)
    alternatives = _distinct_dates(conflict)
    if len(alternatives) > 1:
        if all(p == "day" for _, p in alternatives):
            days = [d for d, _ in alternatives]
            return format_date(days[0], "day", lang, tuple(days[1:]))
        word = " أو " if lang == "ar" else " or "
        texts = list(dict.fromkeys(format_date(d, p, lang) for d, p in alternatives))
        return word.join(texts)
    end = parse_date(date_end)
    if precision == "day" and end is not None and end > best:
        if (end.year, end.month) == (best.year, best.month):
            tail = format_date(end, "day", lang)
            return f"{best.day}–{tail}"
        return f"{format_date(best, 'day', lang)} – {format_date(end, 'day', lang)}"
    return format_date(best, precision, lang)


def _distinct_dates(pairs: Iterable[tuple[object, str]]) -> list[tuple[dt.date, str]]:
    found: dict[tuple[dt.date, str], None] = {}
    for value, precision in pairs:
        parsed = parse_date(value)
        if parsed is not None:
            found[(parsed, _safe_precision(precision))] = None
    # A day-precise mention makes a coarser mention of the same month redundant.
    days = {(d.year, d.month) for d, p in found if p == "day"}
    kept = [(d, p) for d, p in found if p == "day" or (d.year, d.month) not in days]
    return sorted(kept)


def conflict_dates(event: Mapping[str, str], mentions: pd.DataFrame) -> list[tuple[str, str]]:
    """(date, precision) of each mention when the event is flagged date_conflict, else []."""
    if "date_conflict" not in split_list(event.get("flags", "")) or mentions.empty:
        return []
    return list(
        zip(mentions["date"].astype(str), mentions["date_precision"].astype(str), strict=True)
    )


def event_date_text(
    event: Mapping[str, str], mentions: pd.DataFrame, lang: str, strings: Strings | None = None
) -> str:
    """The card's date line for one event row and its mentions."""
    return format_event_date(
        event.get("date", ""),
        event.get("date_precision", ""),
        lang,
        event.get("date_end", ""),
        conflict_dates(event, mentions),
        strings,
    )


# --- flags explained -------------------------------------------------------------------------


def source_label(article: Mapping[str, str] | None, article_id: str) -> str:
    """How a card names a source: its outlet, and the file so two reports stay apart."""
    if not article:
        return article_id
    outlet, file = article.get("outlet", ""), article.get("file", "") or article_id
    return f"{outlet} ({file})" if outlet else file


def flag_notes(
    event: Mapping[str, str],
    mentions: pd.DataFrame,
    articles: Mapping[str, Mapping[str, str]],
    lang: str,
    strings: Strings | None = None,
) -> list[str]:
    """Each flag of the event explained in words; a date conflict says which source says what."""
    strings = strings or load_strings()
    notes = []
    for flag in split_list(event.get("flags", "")):
        if flag == "date_conflict":
            notes.append(_conflict_note(mentions, articles, lang, strings))
        elif flag in KNOWN_FLAGS:
            notes.append(strings.t(lang, f"flag.{flag}"))
        else:
            notes.append(strings.t(lang, "flag.other", flag=flag))
    return notes


def _conflict_note(
    mentions: pd.DataFrame,
    articles: Mapping[str, Mapping[str, str]],
    lang: str,
    strings: Strings,
) -> str:
    by_date: dict[str, list[str]] = {}
    for row in mentions.to_dict("records") if not mentions.empty else []:
        parsed = parse_date(row.get("date", ""))
        if parsed is None:
            continue
        text = format_date(parsed, _safe_precision(row.get("date_precision", "")), lang)
        article_id = row.get("article_id", "")
        label = isolate(source_label(articles.get(article_id), article_id))
        by_date.setdefault(text, [])
        if label not in by_date[text]:
            by_date[text].append(label)
    if len(by_date) < 2:
        return strings.t(lang, "flag.date_conflict_plain")
    separator = "؛ " if lang == "ar" else "; "
    detail = separator.join(
        strings.t(lang, "flag.says", source=list_join(sources, lang), date=date)
        for date, sources in by_date.items()
    )
    return strings.t(lang, "flag.date_conflict", detail=detail)


# --- escaping and evidence -------------------------------------------------------------------


def esc(value: object) -> str:
    """HTML-escape a table value (quotes too: it may land in an attribute)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$:"})


def md_escape(value: object) -> str:
    """Text for a Streamlit markdown label (page links, captions): every markdown character
    is escaped and line breaks folded, so a title with `*`, `[x](y)` or `<b>` shows as typed."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_MD_SPECIAL)


def valid_spans(
    spans: Iterable[tuple[object, object, str]], length: int
) -> list[tuple[int, int, str]]:
    """Spans with integer offsets inside the text; anything else is dropped, not guessed."""
    kept = []
    for start, end, label in spans:
        try:
            first, last = int(str(start)), int(str(end))
        except ValueError:
            continue
        if 0 <= first < last <= length:
            kept.append((first, last, label))
    return sorted(kept)


def highlight_html(text: str, spans: Iterable[tuple[object, object, str]]) -> str:
    """The escaped text with `<mark>` around each evidence span (overlaps are merged).

    Offsets are character offsets into the article text as read from its file; escaping is
    done per segment, so the marks never shift.
    """
    merged: list[list] = []
    for start, end, label in valid_spans(spans, len(text)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if label and label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([start, end, [label] if label else []])
    parts, cursor = [], 0
    for start, end, labels in merged:
        parts.append(esc(text[cursor:start]))
        title = esc(" | ".join(labels))
        parts.append(f'<mark title="{title}">{esc(text[start:end])}</mark>')
        cursor = end
    parts.append(esc(text[cursor:]))
    return "".join(parts)


def passage(text: str, start: object, end: object) -> str | None:
    """The evidence sentence of a mention, or None when its offsets do not fit the text."""
    spans = valid_spans([(start, end, "")], len(text))
    if not spans:
        return None
    first, last, _ = spans[0]
    return text[first:last]


def passage_context_html(text: str, start: object, end: object, context: int = 160) -> str | None:
    """The evidence passage marked inside a little of its surrounding text, escaped.

    None when the offsets do not fit the text (the card then shows the reference instead).
    """
    spans = valid_spans([(start, end, "")], len(text))
    if not spans:
        return None
    first, last, _ = spans[0]
    lo, hi = max(0, first - context), min(len(text), last + context)
    if lo > 0:
        space = text.find(" ", lo, first)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", last, hi)
        hi = space if space != -1 else hi
    before = ("…" if lo > 0 else "") + text[lo:first]
    after = text[last:hi] + ("…" if hi < len(text) else "")
    return f"{esc(before)}<mark>{esc(text[first:last])}</mark>{esc(after)}"


# --- timeline rows ---------------------------------------------------------------------------


def esc_series(values: pd.Series) -> pd.Series:
    """`esc` for a whole column (the same five replacements as html.escape)."""
    text = values.fillna("").astype(str)
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#x27;"),
    ):
        text = text.str.replace(char, entity, regex=False)
    return text


def date_labels(frame: pd.DataFrame, lang: str, strings: Strings | None = None) -> pd.Series:
    """format_event_date for every row (without conflict alternatives), computed once per
    distinct (date, precision, end): the same words as the cards, at column speed."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="str")
    parts = [frame[c].fillna("").astype(str) for c in ("date", "date_precision", "date_end")]
    keys = parts[0] + "|" + parts[1] + "|" + parts[2]
    labels = {}
    for key in keys.unique():
        date, precision, end = str(key).split("|")
        labels[key] = format_event_date(date, precision, lang, end, (), strings)
    return keys.map(labels).astype("str")


def titles(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Titles in the UI language, falling back to the other language, then the id."""
    first, second = ("title_ar", "title_en") if lang == "ar" else ("title_en", "title_ar")
    chosen = frame[first].fillna("").astype(str)
    chosen = chosen.where(chosen != "", frame[second].fillna("").astype(str))
    return chosen.where(chosen != "", frame["event_id"].astype(str))


def timeline_rows(
    events: pd.DataFrame,
    lookups: Lookups,
    lang: str,
    lane_by: str = "type",
    strings: Strings | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per drawn item: lane, span, exactness, size and escaped hover text.

    Lanes by person repeat an event in each participant's lane. Events without a usable date
    are left out (they cannot be placed on a time axis). Column operations throughout: this
    runs on every filter change for up to 5,000 events.
    """
    strings = strings or load_strings()
    columns = ["event_id", "lane", "type", "start", "end", "date", "exact", "n", "hover"]
    dated = events[events["_date"].notna()] if not events.empty else events
    if dated.empty:
        return pd.DataFrame({column: [] for column in columns})
    type_labels = dated["type"].map(lambda kind: strings.t(lang, f"type.{kind}"))
    sources_word = esc(strings.t(lang, "timeline.sources"))
    when = date_labels(dated, lang, strings)
    conflict = dated["flags"].fillna("").astype(str).str.contains("date_conflict", regex=False)
    if mentions is not None and not mentions.empty and conflict.any():
        for index, row in dated[conflict].iterrows():  # few: only disputed dates
            when.loc[index] = event_date_text(row, event_mentions(mentions, row), lang, strings)
    exact = dated["_exact"] if "_exact" in dated else dated["date_precision"] == "day"
    hover = (
        esc_series(titles(dated, lang))
        + "<br>"
        + esc_series(when)
        + " · "
        + esc_series(type_labels)
        + " · "
        + dated["_n"].astype(str)
        + f" {sources_word}"
    )
    rows = pd.DataFrame(
        {
            "event_id": dated["event_id"],
            "lane": type_labels,
            "type": dated["type"],
            "start": dated["_start"],
            "end": dated["_end"],
            "date": dated["_date"],
            "exact": exact.to_numpy(dtype=bool),
            "n": dated["_n"].astype(int),
            "hover": hover,
        }
    )
    if lane_by == "person":
        people = dated["participants"].fillna("").astype(str).str.split(";")
        rows["lane"] = people.map(lambda ids: [i.strip() for i in ids if i.strip()] or [""])
        rows = rows.explode("lane")
        nobody = strings.t(lang, "timeline.no_person")
        names = {actor: lookups.actor(actor, lang) for actor in rows["lane"].unique() if actor}
        rows["lane"] = rows["lane"].map(lambda actor: names.get(actor, nobody))
    return rows[columns].reset_index(drop=True)
