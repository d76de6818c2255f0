"""The table contract of DESIGN.md: column names, allowed values and list columns.

Every module that reads or writes a table takes its columns from here, so the contract lives in
one place and a test can hold the shipped CSVs to it. The event types, with what each one means
to the code, are in `newsdesk.contract.event_types`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsdesk.contract.event_types import EVENT_TYPE_FACTS

EVENT_TYPES: tuple[str, ...] = tuple(facts.type_id for facts in EVENT_TYPE_FACTS)

STATUSES: tuple[str, ...] = ("happened", "planned", "denied")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
PLACE_KINDS: tuple[str, ...] = (
    "country",
    "region",
    "district",
    "city",
    "town",
    "village",
    "venue",
    "corridor",
    "border_area",
)
PUBLISHED_BASES: tuple[str, ...] = ("metadata", "stated", "inferred", "editor")
FLAGS: tuple[str, ...] = (
    "date_conflict",
    "garbled_month",
    "inferred_year",
    "inferred_date",
    "edited",
)
# flags of an article (articles.csv `flags`); dateline_differs: its metadata gives one publication
# date and its dateline another (the metadata's is kept)
ARTICLE_FLAGS: tuple[str, ...] = ("dateline_differs",)

LIST_SEPARATOR = ";"

EVENTS: tuple[str, ...] = (
    "event_id",
    "date",
    "date_end",
    "date_precision",
    "type",
    "status",
    "participants",
    "initiator",
    "place_id",
    "topics",
    "title_en",
    "title_ar",
    "summary_en",
    "summary_ar",
    "source_articles",
    "n_sources",
    "flags",
    "plover",
    "confidence",
)
MENTIONS: tuple[str, ...] = (
    "mention_id",
    "event_id",
    "article_id",
    "start",
    "end",
    "type",
    "date",
    "date_precision",
    "participants",
    "place_id",
    "status",
)
ARTICLES: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    "title",
    "url",
    "published",
    "published_basis",
    "flags",
    "n_chars",
    "sha256",
)
ACTORS: tuple[str, ...] = (
    "actor_id",
    "name_en",
    "name_ar",
    "aliases_ar",
    "role_en",
    "role_ar",
    "country",
)
PLACES: tuple[str, ...] = (
    "place_id",
    "name_en",
    "name_ar",
    "aliases_ar",
    "kind",
    "country",
    "district_id",
    "lat",
    "lon",
)
TOPICS: tuple[str, ...] = ("topic_id", "name_en", "name_ar", "cues_ar")
CORRECTIONS: tuple[str, ...] = (
    "correction_id",
    "event_id",
    "field",
    "value",
    "editor",
    "time",
    "note",
)

TABLES: dict[str, tuple[str, ...]] = {
    "events": EVENTS,
    "mentions": MENTIONS,
    "articles": ARTICLES,
    "actors": ACTORS,
    "places": PLACES,
    "topics": TOPICS,
    "corrections": CORRECTIONS,
}

# Special correction fields: they act on the whole event rather than on one column.
DELETE_FIELD = "_delete"
MERGE_FIELD = "_merge_into"
CREATE_FIELD = "_create"


WEB_SCHEMES = ("http", "https")


def web_address(value: object) -> str:
    """The value when it is an http(s) address with a host, else "": what the `url` column of
    articles.csv may hold. A `javascript:` or `data:` value, a bare path, a file name, or
    anything with spaces or control characters is no address."""
    url = str(value or "").strip()
    if not url or any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else ""
