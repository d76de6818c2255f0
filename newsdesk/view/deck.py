"""The presenter's deck: the events of a view as slides, and where one slide stands in it.

A presenter walks an audience through a period one event at a time. The deck is a title slide
for the period followed by the view's events in date order (the order `filter_events` gives);
a link names its slide by event id (`event=`), so a prepared link still opens the right event
after a rebuild adds others around it. These rules are kept free of Streamlit so they are
unit-tested: what an unknown id opens, what the neighbours of the first and last slides are,
which auto-advance intervals a URL may ask for, and where on the map an event is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsdesk.contract.tables import split_list

TITLE = ""  # the event id of the title slide (no `event=` in the URL)
# seconds; a shorter interval cannot be read out, a longer one is a pause
AUTO_MIN, AUTO_MAX = 5, 600
# Around Karabakh: a place in this box is shown close up, with the districts around it.
REGION = (38.3, 41.5, 44.0, 48.5)  # south, north, west, east
# The South Caucasus and its edges (Baku, Tbilisi, Tabriz): drawn from the detailed regional
# outlines; a map reaching further (Moscow, Brussels) needs the coarser world outlines.
NEARBY = (36.0, 44.5, 40.0, 52.0)


@dataclass(frozen=True)
class Slide:
    """One position in the deck.

    `number` is 0 on the title slide and 1..`total` on the events. `previous` and `following`
    are the event ids of the neighbouring slides (`TITLE` for the title slide), or None where
    there is none. `missing` holds an asked-for id that is not in the deck (the slide shown is
    then the title slide)."""

    number: int
    total: int
    event_id: str
    previous: str | None
    following: str | None
    missing: str = ""

    @property
    def is_title(self) -> bool:
        return self.number == 0


def locate(deck: Sequence[str], wanted: str | None) -> Slide:
    """The slide of event `wanted` in `deck` (event ids in slide order).

    No id opens the title slide; an id that is not in the deck opens the title slide too and
    says so through `missing`, so a stale or mistyped link starts the story instead of failing.
    """
    wanted = (wanted or "").strip()
    total = len(deck)
    index = next((i for i, event_id in enumerate(deck) if event_id == wanted), None)
    if index is None:
        return Slide(0, total, TITLE, None, deck[0] if deck else None, missing=wanted)
    number = index + 1
    previous = deck[index - 1] if index > 0 else TITLE
    following = deck[index + 1] if number < total else None
    return Slide(number, total, wanted, previous, following)


def parse_auto(value: str | None) -> int:
    """Seconds between automatic steps from the URL (`auto=20`); 0 (off) when absent or not a
    whole number, clamped to AUTO_MIN..AUTO_MAX otherwise."""
    try:
        seconds = int(str(value).strip())
    except ValueError:
        return 0
    if seconds <= 0:
        return 0
    return max(AUTO_MIN, min(AUTO_MAX, seconds))


def in_region(lat: float, lon: float, box: tuple[float, float, float, float] = REGION) -> bool:
    """Whether a point lies in `box` (south, north, west, east): REGION or NEARBY."""
    south, north, west, east = box
    return south <= lat <= north and west <= lon <= east


@dataclass(frozen=True)
class Whereabouts:
    """Where a slide's map points: the event's own place, or failing that the capitals of the
    participants' countries (a phone call between Moscow and Baku), or nowhere."""

    kind: str  # "place", "capitals" or "none"
    place_ids: tuple[str, ...]


def whereabouts(
    event: Mapping[str, str],
    located: Mapping[str, tuple[float, float]],
    actor_country: Mapping[str, str],
    capitals: Mapping[str, str],
) -> Whereabouts:
    """`located`: place id -> (lat, lon) of the places with coordinates; `actor_country`:
    actor id -> country id; `capitals`: country id -> place id of its capital."""
    place_id = str(event.get("place_id", "") or "")
    if place_id in located:
        return Whereabouts("place", (place_id,))
    found: list[str] = []
    for actor in split_list(str(event.get("participants", "") or "")):
        capital = capitals.get(actor_country.get(actor, ""), "")
        if capital in located and capital not in found:
            found.append(capital)
    if found:
        return Whereabouts("capitals", tuple(found))
    return Whereabouts("none", ())


def strip_window(total: int, number: int, size: int) -> tuple[int, int]:
    """The slice of the deck (0-based, end excluded) the timeline strip draws: all of it when it
    has at most `size` slides, else `size` slides around slide `number` (1-based; 0 = title).
    A strip of 100,000 dots would take seconds to send and cannot be read on a projector."""
    if total <= size:
        return 0, total
    centre = max(number - 1, 0)
    start = min(max(centre - size // 2, 0), total - size)
    return start, start + size
