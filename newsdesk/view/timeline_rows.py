"""The rows the timeline draws: one per event (or per event and person), with its lane, the span
its date may cover, whether it is exact, its size and its escaped hover text. Column
operations throughout: this runs on every filter change.
"""

from __future__ import annotations

import pandas as pd

from newsdesk.language.strings import Strings, load_strings
from newsdesk.view.event_dates import date_labels, event_date_text
from newsdesk.view.markup import esc, esc_series
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import PREPARED, event_mentions


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
    dated = events[events[PREPARED.date].notna()] if not events.empty else events
    if dated.empty:
        return pd.DataFrame({column: [] for column in columns})
    type_labels = dated["type"].map(lambda kind: strings.t(lang, f"type.{kind}"))
    sources_word = esc(strings.t(lang, "timeline.sources"))
    when = date_labels(dated, lang, strings)
    conflict = dated["flags"].fillna("").astype(str).str.contains("date_conflict", regex=False)
    if mentions is not None and not mentions.empty and conflict.any():
        for index, row in dated[conflict].iterrows():  # few: only disputed dates
            when.loc[index] = event_date_text(row, event_mentions(mentions, row), lang, strings)
    exact = dated[PREPARED.exact] if PREPARED.exact in dated else dated["date_precision"] == "day"
    hover = (
        esc_series(titles(dated, lang))
        + "<br>"
        + esc_series(when)
        + " · "
        + esc_series(type_labels)
        + " · "
        + dated[PREPARED.n_sources].astype(str)
        + f" {sources_word}"
    )
    rows = pd.DataFrame(
        {
            "event_id": dated["event_id"],
            "lane": type_labels,
            "type": dated["type"],
            "start": dated[PREPARED.start],
            "end": dated[PREPARED.end],
            "date": dated[PREPARED.date],
            "exact": exact.to_numpy(dtype=bool),
            "n": dated[PREPARED.n_sources].astype(int),
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
