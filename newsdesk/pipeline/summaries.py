"""Card titles and summaries in English and Arabic, written from an event's fields.

The text is the project's own: a fixed phrasing per event type filled with names, date, place
and topics, so a rebuild regenerates it and an editor may override it with a correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsdesk.contract.event_types import UNKNOWN, facts_of
from newsdesk.contract.tables import split_list
from newsdesk.language.dates import format_date


@dataclass(frozen=True)
class Names:
    """Display names for ids, in both languages."""

    actors: dict[str, dict[str, str]]
    places: dict[str, dict[str, str]]
    topics: dict[str, dict[str, str]]

    def person(self, actor_id: str, lang: str, short: bool = False) -> str:
        row = self.actors.get(actor_id)
        if not row:
            return actor_id
        name = row["name_ar"] if lang == "ar" else row["name_en"]
        return name.split()[-1] if short and lang == "en" else name

    def place(self, place_id: str, lang: str) -> str:
        row = self.places.get(place_id)
        if not row:
            return place_id
        return row["name_ar"] if lang == "ar" else row["name_en"]

    def topic(self, topic_id: str, lang: str) -> str:
        row = self.topics.get(topic_id)
        if not row:
            return topic_id.replace("_", " ")
        return row["name_ar"] if lang == "ar" else row["name_en"]


def join_names(names: list[str], lang: str) -> str:
    if not names:
        return ""
    if lang == "ar":
        return names[0] + "".join(f" و{name}" for name in names[1:])
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


_STATUS_EN = {"planned": "Planned. ", "denied": "Reported but denied. "}
_STATUS_AR = {"planned": "حدث مقرر. ", "denied": "حدث منفي. "}
_STATUS_TITLE_EN = {"planned": " (planned)", "denied": " (denied)"}
_STATUS_TITLE_AR = {"planned": " (مقرر)", "denied": " (منفي)"}


@dataclass(frozen=True)
class CardText:
    title_en: str
    title_ar: str
    summary_en: str
    summary_ar: str


def card_text(
    event_type: str,
    status: str,
    date: dt.date,
    precision: str,
    participants: list[str],
    initiator: str,
    place_id: str,
    topics: list[str],
    n_sources: int,
    other_days: tuple[dt.date, ...],
    names: Names,
    date_end: dt.date | None = None,
) -> CardText:
    facts = facts_of(event_type)
    if facts is UNKNOWN:
        raise KeyError(f"no card wording for the event type {event_type!r}")
    texts = {}
    for lang in ("en", "ar"):
        people_short = join_names([names.person(p, lang, short=True) for p in participants], lang)
        people_full = join_names([names.person(p, lang) for p in participants], lang)
        place = names.place(place_id, lang) if place_id else ""
        when = format_date(date, precision, lang, other_days)
        if date_end is not None and date_end != date:
            when = f"{when} – {format_date(date_end, 'day', lang)}"
        if lang == "en":
            place_part = f" in {place}" if place else ""
            title = facts.title_en.format(
                people=people_short or "unnamed parties", place=place_part
            )
            title += _STATUS_TITLE_EN.get(status, "")
            verb = facts.verb_en
            if facts.violent:  # the verb is the whole opening
                lead = f"{verb}{place_part}, {when}"
                if people_full:
                    lead += f", involving {people_full}"
            else:
                lead = f"{people_full or 'Unnamed parties'} {verb}{place_part}, {when}"
            if initiator:
                lead += f", at the initiative of {names.person(initiator, lang)}"
            parts = [_STATUS_EN.get(status, "") + lead + "."]
            if topics:
                parts.append("Topics: " + ", ".join(names.topic(t, lang) for t in topics) + ".")
            parts.append(f"Reported by {n_sources} source{'s' if n_sources != 1 else ''}.")
        else:
            place_part = f" في {place}" if place else ""
            title = facts.title_ar.format(
                people=people_short or "أطراف غير مسماة", place=place_part
            )
            title += _STATUS_TITLE_AR.get(status, "")
            verb = facts.verb_ar
            if facts.violent:  # the verb is the whole opening
                lead = f"{verb}{place_part}، {when}"
                if people_full:
                    lead += f"، بمشاركة {people_full}"
            else:
                lead = f"{verb}: {people_full or 'أطراف غير مسماة'}{place_part}، {when}"
            if initiator:
                lead += f"، بمبادرة من {names.person(initiator, lang)}"
            parts = [_STATUS_AR.get(status, "") + lead + "."]
            if topics:
                parts.append("المواضيع: " + "، ".join(names.topic(t, lang) for t in topics) + ".")
            parts.append(f"عدد المصادر: {n_sources}.")
        texts[lang] = (title, " ".join(parts))
    return CardText(texts["en"][0], texts["ar"][0], texts["en"][1], texts["ar"][1])


TEXT_FIELDS = ("title_en", "title_ar", "summary_en", "summary_ar")


def names_from_tables(tables: dict) -> Names:
    """Display names from the published actors, places and topics tables."""

    def index(frame, key: str) -> dict[str, dict[str, str]]:
        return {row[key]: row for row in frame.to_dict("records")}

    return Names(
        actors=index(tables["actors"], "actor_id"),
        places=index(tables["places"], "place_id"),
        topics=index(tables["topics"], "topic_id"),
    )


def card_text_for_row(row: dict, names: Names, other_days: tuple[dt.date, ...] = ()) -> CardText:
    """Card text for an events.csv row, e.g. after an editor changed its date or people."""
    return card_text(
        row["type"],
        row["status"],
        dt.date.fromisoformat(row["date"]),
        row["date_precision"],
        split_list(row["participants"]),
        row["initiator"],
        row["place_id"],
        split_list(row["topics"]),
        int(row["n_sources"] or 0),
        other_days,
        names,
        dt.date.fromisoformat(row["date_end"]) if row.get("date_end") else None,
    )
