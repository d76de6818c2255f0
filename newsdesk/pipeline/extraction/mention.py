"""One event as one sentence reports it: the unit between extraction and merging.

An article tells an event several times and several articles tell the same one; keeping each
telling apart, with its evidence sentence, lets the merge weigh the sources and the app show the
evidence. The record has a module of its own so that the rules reading one sentence and those
reading the whole article can share it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsdesk.pipeline.date_resolution import Resolved
from newsdesk.pipeline.gazetteer import Match

LEAD_SENTENCES = 4  # the headline and lead: what the article is about, told on its day


@dataclass
class Mention:
    """One event as one sentence reports it."""

    article_id: str
    sentence: int
    start: int
    end: int
    type: str
    status: str
    participants: list[str]
    initiator: str
    place_id: str
    topics: list[str]
    candidates: list[Resolved]
    plover: str
    background: bool
    in_lead: bool
    default_dated: bool = False
    plural: bool = False
    cue: Match | None = None  # the trigger cue in its sentence
    flags: set[str] = field(default_factory=set)

    @property
    def dated(self) -> bool:
        return bool(self.candidates)


def split_pairs(mention: Mention, count: int | None = None) -> list[Mention]:
    """A three-way report that says the talks were separate: one two-party mention per other
    party, each with the first named (the one who held the talks); `count` pairs at most where
    the report numbers them (`اتصالين`: two)."""
    hub, *others = mention.participants
    return [
        replace(mention, participants=[hub, other], flags=mention.flags | {"split"})
        for other in others[:count]
    ]


def distinct_ids(items: Iterable[str]) -> list[str]:
    """Ids in the order first named, without repeats or blanks (people, topics)."""
    return list(dict.fromkeys(item for item in items if item))
