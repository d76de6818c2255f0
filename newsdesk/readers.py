"""The events readers see, ready to be filtered: the one path from a data version's tables to
what the pages show, taken by the app's loader (`components.frame.data`) and by
`python -m newsdesk published`, so the command prints exactly what a page lists.

It joins two layers that do not know each other: the editors' corrections
(`editors.corrections.reader_events`) and the read model (`view.prepared`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newsdesk.contract.schema import EVENTS
from newsdesk.contract.tables import split_list
from newsdesk.editors.corrections import reader_events
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import PreparedEvents, index_mentions, prepare_events
from newsdesk.view.url_state import Vocabulary


@dataclass(frozen=True)
class ReaderTables:
    events: PreparedEvents  # corrections applied, in date order, with the prepared columns
    mentions: pd.DataFrame  # ordered by event (`index_mentions`)
    lookups: Lookups
    vocabulary: Vocabulary  # the ids a link may name: every known one and every one in use


def reader_tables(tables: dict[str, pd.DataFrame]) -> ReaderTables:
    """The events readers see at the data version these contract tables come from."""
    readers = reader_events(tables).events[list(EVENTS)].fillna("")
    lookups = Lookups.from_tables(tables["actors"], tables["places"], tables["topics"])
    events = prepare_events(readers, lookups.search_names(), tables["mentions"])
    mentions = index_mentions(events, tables["mentions"])
    return ReaderTables(events, mentions, lookups, _vocabulary(events, lookups))


def _vocabulary(events: pd.DataFrame, lookups: Lookups) -> Vocabulary:
    def in_use(*columns: str) -> set[str]:
        cells = pd.concat([events[column] for column in columns]).unique()
        return {item for cell in cells for item in split_list(cell)}

    return Vocabulary(
        actors=frozenset(set(lookups.actors) | in_use("participants", "initiator")),
        places=frozenset(set(lookups.places) | in_use("place_id")),
        topics=frozenset(set(lookups.topics) | in_use("topics")),
    )
