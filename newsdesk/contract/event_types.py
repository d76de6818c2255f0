"""What each event type is, said once: its order, colour, PLOVER code, how the pipeline dates and
places it, how a card words it and whether the diplomacy map draws it.

Every module that treats one type differently from another reads it here instead of keeping its
own set of type names, so a new type, or a change of mind about one, is one row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ANY_KIND = None  # `place_kinds` of a type whose place may be any kind of place


@dataclass(frozen=True)
class EventType:
    type_id: str
    color: str  # its colour on the timeline, the cards, the map's markers and the slides
    plover: str  # PLOVER code, when the mentions do not give one ("": none; see `plover_code`)
    plover_multilateral: str  # PLOVER code when more than two take part ("": `plover` anyway)
    violent: bool  # a clash, strike or casualties: reported without parties, parties come after
    dated_by_default: bool  # a mention without a date of its own takes the article's date
    # people talking with each other: a three-way report that says the talks were separate is
    # several two-party events, and remarks made there are part of it, not a statement apart
    conversation: bool
    # what a meeting's participants adopt or say together: in `واعتمد الوزراء بيانا` "the
    # ministers" are the people of the meeting told just before
    meeting_outcome: bool
    # kinds of place (places.csv `kind`) that can be the event's place: () none, None any
    place_kinds: tuple[str, ...] | None
    arc_color: tuple[int, int, int] | None  # drawn as an arc on the diplomacy map in this colour
    arc_height: float  # arcs of two types between the same cities stay apart
    title_en: str  # card title; {people} and {place} (" in Baku") are filled in
    title_ar: str
    verb_en: str  # the summary's verb ("met"); for violent types the whole opening words
    verb_ar: str

    @property
    def located(self) -> bool:
        """Whether an event of this type can have a place (and so a marker on the map)."""
        return self.place_kinds != ()

    @property
    def diplomacy(self) -> bool:
        return self.arc_color is not None


TOWNS = ("city", "town", "venue")

EVENT_TYPE_FACTS: tuple[EventType, ...] = (
    EventType(
        "call",
        color="#1f77b4",
        plover="CONSULT:phone",
        plover_multilateral="",
        violent=False,
        dated_by_default=True,
        conversation=True,
        meeting_outcome=False,
        place_kinds=(),
        arc_color=(31, 119, 180),
        arc_height=0.3,
        title_en="Phone call: {people}",
        title_ar="اتصال هاتفي: {people}",
        verb_en="spoke by phone",
        verb_ar="أجرى اتصالاً هاتفياً",
    ),
    EventType(
        "meeting",
        color="#2ca02c",
        plover="CONSULT:visit",
        plover_multilateral="CONSULT:multilateral",
        violent=False,
        dated_by_default=True,
        conversation=True,
        meeting_outcome=False,
        place_kinds=(*TOWNS, "village"),
        arc_color=(44, 160, 44),
        arc_height=0.6,
        title_en="Meeting: {people}{place}",
        title_ar="لقاء: {people}{place}",
        verb_en="met",
        verb_ar="عقد لقاءً",
    ),
    EventType(
        "agreement",
        color="#9467bd",
        plover="SUPPORT",
        plover_multilateral="",
        violent=False,
        dated_by_default=False,
        conversation=False,
        meeting_outcome=True,
        place_kinds=TOWNS,
        arc_color=None,
        arc_height=0.0,
        title_en="Agreement: {people}{place}",
        title_ar="اتفاق: {people}{place}",
        verb_en="signed or adopted an agreement",
        verb_ar="وقّع أو اعتمد اتفاقاً",
    ),
    EventType(
        "letter",
        color="#8c564b",
        plover="",
        plover_multilateral="",
        violent=False,
        dated_by_default=True,
        conversation=False,
        meeting_outcome=False,
        place_kinds=(),
        arc_color=None,
        arc_height=0.0,
        title_en="Letter: {people}",
        title_ar="رسالة: {people}",
        verb_en="exchanged a letter",
        verb_ar="تبادل رسالة",
    ),
    EventType(
        "statement",
        color="#17becf",
        plover="",
        plover_multilateral="",
        violent=False,
        dated_by_default=True,
        conversation=False,
        meeting_outcome=True,
        place_kinds=TOWNS,
        arc_color=None,
        arc_height=0.0,
        title_en="Statement: {people}{place}",
        title_ar="تصريح: {people}{place}",
        verb_en="made a public statement",
        verb_ar="أدلى بتصريح علني",
    ),
    EventType(
        "incident",
        color="#d62728",
        plover="ASSAULT",
        plover_multilateral="",
        violent=True,
        dated_by_default=False,
        conversation=False,
        meeting_outcome=False,
        place_kinds=ANY_KIND,
        arc_color=None,
        arc_height=0.0,
        title_en="Incident{place}",
        title_ar="حادث{place}",
        verb_en="An incident was reported",
        verb_ar="أفيد بوقوع حادث",
    ),
    EventType(
        "hostilities",
        color="#ff7f0e",
        plover="ASSAULT",
        plover_multilateral="",
        violent=True,
        dated_by_default=False,
        conversation=False,
        meeting_outcome=False,
        place_kinds=ANY_KIND,
        arc_color=None,
        arc_height=0.0,
        title_en="Hostilities{place}",
        title_ar="أعمال قتالية{place}",
        verb_en="Armed hostilities were reported",
        verb_ar="أفيد بأعمال قتالية",
    ),
)

_BY_ID = {facts.type_id: facts for facts in EVENT_TYPE_FACTS}
# A type that is not one of ours (in a hand-edited table): grey, any place, no arc, no PLOVER
# code; no card wording (the pipeline never makes one, and the editors' upload refuses it).
UNKNOWN = EventType(
    "",
    color="#7f7f7f",
    plover="",
    plover_multilateral="",
    violent=False,
    dated_by_default=False,
    conversation=False,
    meeting_outcome=False,
    place_kinds=ANY_KIND,
    arc_color=None,
    arc_height=0.0,
    title_en="",
    title_ar="",
    verb_en="",
    verb_ar="",
)


def facts_of(type_id: str) -> EventType:
    """The facts of a type; `UNKNOWN`'s for a type that is not one of ours."""
    return _BY_ID.get(type_id, UNKNOWN)


def types_where(test: Callable[[EventType], bool]) -> frozenset[str]:
    """The ids of the types whose facts pass `test`, e.g. `types_where(lambda t: t.violent)`."""
    return frozenset(facts.type_id for facts in EVENT_TYPE_FACTS if test(facts))


def plover_code(type_id: str, n_participants: int, reported: str = "") -> str:
    """An event's PLOVER code. For a violent type the cue words tell an assault from coercion
    (a blockade), so the code its reports give (`reported`) wins; a meeting of more than two is
    multilateral; otherwise the type's code ("" for a type that is not one of ours)."""
    facts = facts_of(type_id)
    if facts.violent and reported:
        return reported
    if n_participants > 2 and facts.plover_multilateral:
        return facts.plover_multilateral
    return facts.plover
