"""Dates a source most likely misprinted, kept from readers and named for an editor.

A report of January 2021 that dates last week's summit "11 January 2012" swapped two digits of
the year. Such a date is not corrected by guesswork: the event is left out and the build says
which date in which file looked wrong, so a person can fix it with a correction.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.pipeline.extraction.mention import Mention


def misprinted_year(year: int, published: int) -> bool:
    """The publication year with its last two digits swapped (2012 for 2021, 2002 for 2020) or
    its decade digit mistyped (2010 for 2020): a slip of the keyboard, far more likely than an
    event of that year in this news."""
    written, expected = f"{year:04d}", f"{published:04d}"
    swapped = written == expected[:2] + expected[3] + expected[2]
    decade_slip = written[:2] == expected[:2] and written[3] == expected[3]
    return written != expected and (swapped or decade_slip)


def split_misprints(
    mentions: list[Mention], published: dt.date | None
) -> tuple[list[Mention], list[Mention]]:
    """The mentions to keep, and those dated in a misprinted year."""
    if published is None:
        return mentions, []
    kept, misprinted = [], []
    for mention in mentions:
        date = mention.candidates[0].date if mention.candidates else None
        suspect = date is not None and misprinted_year(date.year, published.year)
        (misprinted if suspect else kept).append(mention)
    return kept, misprinted
