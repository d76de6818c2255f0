"""Who takes part in an event, and who took the initiative.

Arabic reports name a person once and then by office (`نظيره الروسي`), as a pair (`الوزيرين`,
`بينهما`) or as a group (`الوزراء`, `زعيمي البلدين`). Reading each of these as the people meant,
on the event's date and against the sentences before, gives the same people whichever way a
report names them, which the merge needs in order to see two reports as one event.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.contract.event_types import types_where
from newsdesk.language.word_classes import valued, words
from newsdesk.pipeline.extraction.mention import Mention, distinct_ids
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.gazetteer import Gazetteer, Match, Token

PARTY_WINDOW = 12  # words from an agreement within which countries named are its parties
# violent events are reported first, their parties after: names before the trigger are not theirs
PARTY_AFTER_TYPES = types_where(lambda facts: facts.violent)
MEETING_OUTCOMES = types_where(lambda facts: facts.meeting_outcome)
CONVERSATIONS = types_where(lambda facts: facts.conversation)
# `زعيمي أرمينيا وأذربيجان`: a word for leaders heading a list of countries
LEADER_WORDS = words("leader_word")
# `وزراء خارجية روسيا وأذربيجان`: ministers of an office heading a list of countries
MINISTER_WORDS = words("minister_word")
MINISTRIES = valued("ministry_of")
# `الوزيرين`: the two ministers the previous sentence named
PAIR_NOUNS = words("pair_noun")
# `بينهما`, `الطرفين`, `الجانبين`: the two people named just before
PAIR_PRONOUNS = words("pair_pronoun")
# `بينهم`, `معهم`: everyone named just before
GROUP_PRONOUNS = words("group_pronoun")
THAT = words("that_word")  # what was said starts here
# a report's statements: made by whoever is named before what they said
SPOKEN = frozenset({"statement"})
GROUP_REF_SENTENCES = 2  # `الوزراء` looks back this many sentences for its meeting
FRAME_GAP = 2  # `في ختام محادثات`: the frame word right before the talks


def trigger_people(
    item: ParsedSentence,
    in_scope,
    on: dt.date | None,
    gaz: Gazetteer,
    previous: list[str],
    trigger: Match,
    earlier: list[str],
) -> list[str]:
    """The people of a trigger's part of the sentence (`in_scope`) as of the event's date `on`:
    by name, office, group or counterpart; `previous` (who the sentence's earlier trigger took)
    and `earlier` (who the previous sentence named) stand for pairs and groups referred back to."""
    people: list[str] = []
    tokens = item.tokens
    counterpart_countries: list[str] = []
    last_counterpart = -10
    said_from = _said_from(item, trigger)
    for match in item.names:
        if not in_scope(match) or match.start >= said_from:
            continue
        if trigger.value in PARTY_AFTER_TYPES and match.start < trigger.start:
            continue
        if match.kind == "actor":
            people.append(match.value)
        elif match.kind == "role":
            if _titles_a_name(item, match):
                continue  # `الرئيس الأمريكي دونالد ترامب`: the name says who, whenever it is
            country = match.detail.country
            if match.value == "counterpart":
                counterpart_countries.append(country)
                last_counterpart = match.last_token
                continue
            holder = gaz.holder(match.value, country, on)
            if holder:
                people.append(holder)
        elif match.kind == "group":
            applies_to = match.detail.applies_to
            if applies_to and trigger.value not in applies_to.split(";"):
                continue
            for country in match.value.split(";"):
                holder = gaz.holder("leader", country, on)
                if holder:
                    people.append(holder)
        elif match.kind == "adjective" and 0 < match.first_token - last_counterpart <= 2:
            counterpart_countries.append(match.value)  # `نظيريه الأذربيجاني والأرميني`
            last_counterpart = match.last_token
        elif match.kind == "country" and (office := _list_head_office(tokens, match)):
            holder = gaz.holder(office, match.value, on)
            if holder:
                people.append(holder)
    for country in counterpart_countries:
        people.append(_counterpart(people, country, on, gaz))
    people = [person for person in distinct_ids(people) if person]
    if trigger.value == "agreement" and len(people) < 2:
        level = _level_of(people, on, gaz)
        for match in item.names:
            near = abs(match.first_token - _token_index(tokens, trigger.start)) <= PARTY_WINDOW
            if in_scope(match) and match.kind == "country" and near:
                holder = gaz.holder(level, match.value, on)
                if holder:
                    people.append(holder)
        people = distinct_ids(people)
    words = {token.text for token in tokens if in_scope(token)}
    if len(people) < 2 and words & PAIR_NOUNS and not previous and earlier:
        ministers = [
            p
            for p in earlier
            if p not in people
            and any(o.office == "foreign_minister" for o in gaz.offices_of(p, on))
        ]
        previous = ministers[-2:]  # `الوزيرين`: the two ministers of the last sentence
        people = distinct_ids(people + previous)
    elif len(people) < 2 and words & PAIR_PRONOUNS and previous:
        people = distinct_ids(people + (previous[1:] if len(previous) > 2 else previous))
    elif (
        not people
        and words & PAIR_PRONOUNS
        and len(earlier) == 2
        and trigger.value in CONVERSATIONS
    ):
        people = list(earlier)  # `وسبق التوقيع محادثات بين الزعيمين`: the two just named
    elif len(people) < 2 and words & GROUP_PRONOUNS and previous:
        people = distinct_ids(people + previous)
    return people


def actors_in(item: ParsedSentence, on: dt.date | None, gaz: Gazetteer) -> list[str]:
    """People a sentence names, by name or by office, in order."""
    people = []
    for match in item.names:
        if match.kind == "actor":
            people.append(match.value)
        elif match.kind == "role" and match.value != "counterpart":
            holder = gaz.holder(match.value, match.detail.country, on)
            people.append(holder or "")
    return distinct_ids(people)


def _token_index(tokens: list[Token], offset: int) -> int:
    return next((i for i, token in enumerate(tokens) if token.start >= offset), len(tokens))


def _level_of(people: list[str], on: dt.date | None, gaz: Gazetteer) -> str:
    """Countries named as parties beside a foreign minister are represented by theirs."""
    for person in people:
        if any(o.office == "foreign_minister" for o in gaz.offices_of(person, on)):
            return "foreign_minister"
    return "leader"


def _list_head_office(tokens: list[Token], match: Match) -> str:
    """`زعيمي أرمينيا وأذربيجان`, `وزراء خارجية روسيا وأذربيجان وأرمينيا`: country names in a
    list headed by a word for leaders or for ministers of an office stand for those people; the
    office, or "" when no such word heads the list."""
    index = match.first_token - 1
    while index >= 0 and index >= match.first_token - 4:
        word = tokens[index].text
        if word in LEADER_WORDS or any(word.endswith(w) for w in LEADER_WORDS):
            return "leader"
        if word in MINISTRIES and index > 0 and tokens[index - 1].text in MINISTER_WORDS:
            return MINISTRIES[word]
        index -= 1
    return ""


def _counterpart(people: list[str], country: str, on: dt.date | None, gaz: Gazetteer) -> str:
    """`نظيره الروسي`: the holder, in that country, of the office the subject holds."""
    for person in people:
        for office in gaz.offices_of(person, on):
            if office.office in {"foreign_minister", "defence_minister"}:
                holder = gaz.holder(office.office, country, on)
                if holder:
                    return holder
    return gaz.holder("leader", country, on) or ""


def initiator_of(item: ParsedSentence, people: list[str], gaz: Gazetteer) -> str:
    cues = [cue for cue in item.cues if cue.kind == "initiator"]
    if not cues:
        return ""
    cue = cues[0]
    for match in item.names:
        if match.first_token <= cue.last_token or match.first_token > cue.last_token + 5:
            continue
        if match.kind == "actor" and match.value in people:
            return match.value
        country = match.value if match.kind in {"country", "adjective"} else ""
        if match.kind == "role":
            country = match.detail.country
        for person in people:
            if country and gaz.actor_country(person) == country:
                return person
    return ""


def people_of_talks_at_signing(mentions: list[Mention], parsed: list[ParsedSentence]) -> None:
    """`وقع بوتين وعلييف وباشينيان بيانا ... في ختام محادثات ثلاثية`: talks named as the setting
    of a signing, with no one of their own, were held by the signatories."""
    for mention in mentions:
        if mention.type != "meeting" or mention.participants:
            continue
        item = parsed[mention.sentence]
        framed = any(
            cue.kind == "frame" and 0 < mention.cue.first_token - cue.last_token <= FRAME_GAP
            for cue in item.cues
        )
        signed = [
            m
            for m in mentions
            if m.sentence == mention.sentence and m.type == "agreement" and len(m.participants) >= 2
        ]
        if framed and signed:
            mention.participants = list(signed[0].participants)


def _titles_a_name(item: ParsedSentence, role: Match) -> bool:
    """An office followed at once by a person's name is that person's title."""
    return any(n.kind == "actor" and n.first_token == role.last_token + 1 for n in item.names)


def _said_from(item: ParsedSentence, trigger: Match) -> int:
    """`وقالت الوزارة في بيان إن تصريحات أوبراين منحازة`: where what a statement says begins;
    the people named from there on are what it is about, not who made it. A speaker named
    before the channel (`وكتب ترامب على تويتر مهنئا باشينيان وعلييف`) leaves those after it
    addressed or spoken of."""
    end = len(item.sentence.norm)
    if trigger.value not in SPOKEN:
        return end
    said = next((t.start for t in item.tokens if t.start > trigger.end and t.text in THAT), end)
    speaker_before = any(n.kind in {"actor", "role"} and n.end <= trigger.end for n in item.names)
    return min(said, trigger.end) if trigger.kind == "type" and speaker_before else said


def people_of_group_words(mentions: list[Mention], parsed: list[ParsedSentence]) -> None:
    """`واعتمد الوزراء في ختام الاجتماع بيانا`: the ministers are those of the meeting told
    just before, and what they adopted or said is theirs."""
    for index, mention in enumerate(mentions):
        if mention.participants or mention.type not in MEETING_OUTCOMES:
            continue
        if not any(cue.kind == "group_ref" for cue in parsed[mention.sentence].cues):
            continue
        told = [
            m
            for m in mentions[:index]
            if m.type == "meeting"
            and len(m.participants) >= 2
            and 0 < mention.sentence - m.sentence <= GROUP_REF_SENTENCES
        ]
        if told:
            mention.participants = list(told[-1].participants)
