"""Where an event took place: a place named after a preposition, of a kind the event can have.

Most places in a report are not the venue (the conflict's region, the countries involved, where
the speaker comes from); the merge takes two different towns for two events, so a wrong venue
splits one event in two. Hence only a place introduced as a location (`في`, `إلى`, `ب-`) and of a
kind that fits the event (a meeting is held in a city, not in a country) counts.
"""

from __future__ import annotations

from newsdesk.contract.event_types import UNKNOWN, facts_of
from newsdesk.language.word_classes import words
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.gazetteer import Gazetteer, Match

PLACE_PREPOSITIONS = words("place_preposition")


def trigger_place(item: ParsedSentence, in_scope, trigger: Match, gaz: Gazetteer) -> str:
    """The fitting place in the trigger's part of the sentence nearest to the trigger, or ""."""
    facts = facts_of(trigger.value)
    if facts is UNKNOWN or not facts.located:
        return ""
    kinds = facts.place_kinds
    options = []
    for match in item.places:
        if not in_scope(match):
            continue
        place = gaz.place_by_id.get(match.value, {})
        if kinds is not None and place.get("kind") not in kinds:
            continue
        if not _after_preposition(item, match):
            continue
        options.append((abs(match.start - trigger.start), match.value))
    return min(options)[1] if options else ""


def _after_preposition(item: ParsedSentence, match: Match) -> bool:
    """`في موسكو`, `بموسكو`: after a preposition, or with `ب`/`في` attached (but not a name
    that itself begins with those letters, `باكو`, `بروكسل`)."""
    token = item.tokens[match.first_token].text
    if token.startswith(("ب", "في")) and not token.startswith(("باك", "بر", "بو", "بلغ", "بيل")):
        return True
    if match.first_token == 0:
        return False
    return item.tokens[match.first_token - 1].text in PLACE_PREPOSITIONS
