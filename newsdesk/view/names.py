"""Names of people, places and topics as a reader sees them, in either language.

A card must never fail over a name: an id that its table does not know is shown as the id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from newsdesk.contract.tables import split_list


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

    def actor_countries(self) -> dict[str, str]:
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
