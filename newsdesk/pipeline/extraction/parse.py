"""A sentence with everything the lexicons find in it, found once.

Every rule (who, where, when, with what status) looks at the same names, places, cues and dates;
matching them once per sentence keeps the rules consistent with one another and the build fast.
The names already include surnames misspelt by one letter, and leave out surnames that are part
of an institution's name, so no rule has to correct them again.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.pipeline.date_phrases import DateExpr, find_dates
from newsdesk.pipeline.gazetteer import Gazetteer, Match, Token, tokenize
from newsdesk.pipeline.text import Sentence

FUZZY_MIN_LENGTH = 6  # shorter words one letter from a surname are mostly other words
EPONYM_TOKENS = 2  # `مركز جورج شولتز`: the institution word, maybe a given name, the surname


@dataclass
class ParsedSentence:
    """A sentence, its words, and what the lexicons and the date finder found in it."""

    sentence: Sentence
    tokens: list[Token]
    names: list[Match]
    places: list[Match]
    topics: list[Match]
    cues: list[Match]
    dates: list[DateExpr]


def parse_sentence(sentence: Sentence, gaz: Gazetteer) -> ParsedSentence:
    tokens = tokenize(sentence.norm)
    cues = gaz.cues.find(sentence.norm, tokens)
    return ParsedSentence(
        sentence=sentence,
        tokens=tokens,
        names=_without_eponyms(_names_with_fuzzy(sentence.norm, tokens, gaz), cues),
        places=gaz.place_matcher.find(sentence.norm, tokens),
        topics=gaz.topic_matcher.find(sentence.norm, tokens),
        cues=cues,
        dates=find_dates(sentence.norm),
    )


def _names_with_fuzzy(norm: str, tokens: list[Token], gaz: Gazetteer) -> list[Match]:
    """Lexicon names plus surnames misspelt by one letter (`اشينيان` for `باشينيان`)."""
    matches = gaz.names.find(norm, tokens)
    covered = {i for m in matches for i in range(m.first_token, m.last_token + 1)}
    for index, token in enumerate(tokens):
        if index in covered or len(token.text) < FUZZY_MIN_LENGTH:
            continue
        actor_id = gaz.fuzzy_surname(token.text)
        if actor_id:
            matches.append(Match(token.start, token.end, index, index, "actor", actor_id))
    return sorted(matches, key=lambda m: m.start)


def _without_eponyms(names: list[Match], cues: list[Match]) -> list[Match]:
    """Drop a bare surname that names a place or body rather than the person.

    `مركز جورج شولتز` is a training centre, not Olaf Scholz; `مطار حيدر علييف` an airport, not
    Ilham Aliyev. A single-word name within EPONYM_TOKENS after an `eponym` cue (`مركز`,
    `مطار`, `جامعة` ...) is part of that institution's name; a full name is kept, since the
    lexicon's full names do not collide the way bare surnames do.
    """
    eponyms = [cue for cue in cues if cue.kind == "eponym"]
    if not eponyms:
        return names
    return [
        match
        for match in names
        if match.kind != "actor"
        or match.first_token != match.last_token
        or not any(0 < match.first_token - cue.last_token <= EPONYM_TOKENS for cue in eponyms)
    ]
