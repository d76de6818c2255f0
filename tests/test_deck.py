"""The presenter's deck rules (newsdesk.view.deck): slide positions and neighbours, stale links,
auto-advance intervals from a URL, the strip's window, and where a slide's map points."""

from __future__ import annotations

import pytest

from newsdesk.view.deck import (
    AUTO_MAX,
    AUTO_MIN,
    NEARBY,
    TITLE,
    Slide,
    in_region,
    locate,
    parse_auto,
    strip_window,
    whereabouts,
)
from newsdesk.view.periods import bands, period_range

DECK = ["a", "b", "c"]


def test_no_event_is_the_title_slide() -> None:
    assert locate(DECK, None) == Slide(0, 3, TITLE, None, "a")
    assert locate(DECK, "") == Slide(0, 3, TITLE, None, "a")
    assert locate(DECK, "").is_title


def test_neighbours_of_the_first_middle_and_last_slides() -> None:
    assert locate(DECK, "a") == Slide(1, 3, "a", TITLE, "b")
    assert locate(DECK, "b") == Slide(2, 3, "b", "a", "c")
    assert locate(DECK, "c") == Slide(3, 3, "c", "b", None)
    assert locate(["only"], "only") == Slide(1, 1, "only", TITLE, None)


def test_an_id_not_in_the_deck_opens_the_title_slide_and_says_which() -> None:
    slide = locate(DECK, " zzz ")
    assert slide.is_title and slide.missing == "zzz" and slide.following == "a"
    empty = locate([], "a")
    assert empty == Slide(0, 0, TITLE, None, None, missing="a")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, 0),
        ("", 0),
        ("abc", 0),
        ("2.5", 0),
        ("0", 0),
        ("-10", 0),
        ("1", AUTO_MIN),
        ("20", 20),
        (" 45 ", 45),
        ("99999", AUTO_MAX),
    ],
)
def test_auto_advance_interval_from_the_url(value: str | None, seconds: int) -> None:
    assert parse_auto(value) == seconds


def test_strip_window_keeps_the_current_slide_in_view() -> None:
    assert strip_window(10, 4, 20) == (0, 10)
    assert strip_window(100_000, 0, 1_000) == (0, 1_000)
    assert strip_window(100_000, 50_000, 1_000) == (49_499, 50_499)
    assert strip_window(100_000, 100_000, 1_000) == (99_000, 100_000)
    start, end = strip_window(5_000, 2_345, 1_000)
    assert start <= 2_344 < end and end - start == 1_000


LOCATED = {"moscow": (55.76, 37.62), "baku": (40.41, 49.87), "lachin": (39.64, 46.55)}
COUNTRY = {"putin": "ru", "aliyev": "az", "blinken": "us"}
CAPITALS = {"ru": "moscow", "az": "baku", "us": "washington"}


def test_a_slide_points_at_the_place_then_the_capitals_then_nowhere() -> None:
    placed = {"place_id": "lachin", "participants": "putin;aliyev"}
    assert whereabouts(placed, LOCATED, COUNTRY, CAPITALS).place_ids == ("lachin",)
    call = {"place_id": "", "participants": "putin;aliyev;putin"}
    where = whereabouts(call, LOCATED, COUNTRY, CAPITALS)
    assert (where.kind, where.place_ids) == ("capitals", ("moscow", "baku"))
    # a capital without coordinates, or a place missing from the table, is not drawn
    assert whereabouts(
        {"place_id": "atlantis", "participants": "blinken"}, LOCATED, COUNTRY, CAPITALS
    ) == whereabouts({"participants": ""}, LOCATED, COUNTRY, CAPITALS)
    assert whereabouts({}, LOCATED, COUNTRY, CAPITALS).kind == "none"


def test_karabakh_is_close_up_baku_and_moscow_are_shown_with_it() -> None:
    assert in_region(*LOCATED["lachin"]) and in_region(39.82, 46.75)  # Khankendi
    assert not in_region(*LOCATED["baku"]) and not in_region(*LOCATED["moscow"])
    assert in_region(*LOCATED["baku"], NEARBY) and not in_region(*LOCATED["moscow"], NEARBY)


def test_september_2023_is_a_named_period_without_a_band() -> None:
    assert "sep2023" not in {period.period_id for period in bands()}
    assert [d.isoformat() for d in period_range("sep2023")] == ["2023-09-01", "2023-09-30"]
