"""What the words before a date say about it: history, a document's name, a deadline, or how
near the report's own news it is.

A report without a dateline is dated from the dates it gives (`publication_date`), but most
dates a report writes are not its own: `منذ عام 1991`, `المعاهدة الموقعة في 29 آب 1997`,
`البيان المؤرخ 9 نوفمبر 2020`, `سارية حتى عام 2044`. Read as the report's own, such a date put
reports in the wrong decade. The words are data (`data/lexicon/date_context.csv`), each with the
number of words it may stand before its date (`reach`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsdesk.language.arabic import normalize
from newsdesk.language.lexicon import read_lexicon
from newsdesk.pipeline.date_phrases import DateExpr

CLAUSE_END = re.compile(r"[.،,؛;:]")
CLITICS = ("و", "ف")  # `ومنذ`, `وبحلول`: a conjunction written onto the word
OWN = ""  # a date nothing marks: one of the report's own facts
NEAR = "near"
FRAME = "frame"


@dataclass(frozen=True)
class DateContext:
    """`kind`: OWN, `history`, `document`, `future` or `near`; `days`: for `near`, how many
    days after the date the report's news comes at most."""

    kind: str = OWN
    days: int = 0


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    context: str
    reach: int
    days: int


@cache
def _phrases() -> tuple[_Phrase, ...]:
    return tuple(
        _Phrase(
            tuple(normalize(row["phrase_ar"]).split()),
            row["context"],
            int(row["reach"] or 0),
            int(row["days"] or 0),
        )
        for row in read_lexicon("date_context.csv")
    )


def date_contexts(norm: str, exprs: list[DateExpr]) -> list[DateContext]:
    """The context of each date expression of a normalised sentence, in order."""
    return [_context(norm, expr) for expr in exprs]


def _context(norm: str, expr: DateExpr) -> DateContext:
    before = norm[: expr.start]
    clause = CLAUSE_END.split(before)[-1].split()
    frames = [p.words for p in _phrases() if p.context == FRAME]
    framed_until = _last_match(before.split(), frames)  # the report's own news told up to here
    nearest: tuple[int, DateContext] | None = None
    for phrase in _phrases():
        if phrase.context == FRAME:
            continue
        end = _last_match(clause, [phrase.words])
        if end is None:
            continue
        between = len(clause) - end
        if between > phrase.reach:
            continue
        starts_at = len(before.split()) - between - len(phrase.words)
        if phrase.context == NEAR and (framed_until is None or framed_until > starts_at):
            continue  # `بعد أيام من` tells the report's time only in a clause about its news
        if nearest is None or between < nearest[0]:
            nearest = (between, DateContext(phrase.context, phrase.days))
    return nearest[1] if nearest else DateContext()


def _last_match(words: list[str], phrases: list[tuple[str, ...]]) -> int | None:
    """The index just after the last occurrence of any of the phrases, if one occurs."""
    for start in range(len(words) - 1, -1, -1):
        for phrase in phrases:
            window = words[start : start + len(phrase)]
            if (
                len(window) == len(phrase)
                and _same(window[0], phrase[0])
                and (window[1:] == list(phrase[1:]))
            ):
                return start + len(phrase)
    return None


def _same(word: str, wanted: str) -> bool:
    return word == wanted or (word[:1] in CLITICS and word[1:] == wanted)
