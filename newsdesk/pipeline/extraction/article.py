"""An article's mentions read together, after each sentence has been read on its own.

A sentence rarely says everything about its event: a later sentence may name the same talks
without a date, remarks are made at a meeting told earlier, and the lead is about the day of
publication. Mentions with no date of their own are attached to a dated mention of the same
event or, in the headline and lead, dated from the publication itself; the rest are dropped,
never dated by guesswork.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from newsdesk.contract.event_types import types_where
from newsdesk.language.word_classes import words
from newsdesk.pipeline.date_resolution import Resolved
from newsdesk.pipeline.extraction.context import (
    FIGHT,
    casualties_only,
    concluded,
    frame_points_back,
    refers_back,
)
from newsdesk.pipeline.extraction.mention import Mention, distinct_ids, split_pairs
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.extraction.when import (
    DEFAULT_DATED_TYPES,
    after_temporal_word,
    anchored_elsewhere,
    dates_of_its_own,
    previous_sentence_date,
    vague_time_at,
)
from newsdesk.pipeline.extraction.who import (
    SPOKEN,
    THAT,
    people_of_group_words,
    people_of_talks_at_signing,
)
from newsdesk.pipeline.gazetteer import Match

CONVERSATIONS = types_where(lambda facts: facts.conversation)
MEETING_OUTCOMES = types_where(lambda facts: facts.meeting_outcome)
SET_AT_TALKS = MEETING_OUTCOMES | CONVERSATIONS
SAME_DAY_PHRASES = words("same_day_phrase")
READOUT_DAYS = 1  # a readout of an evening meeting comes out the next day
OFFICE_WORDS = words("office_word")  # `وزارة الدفاع الروسية`: an office and its country
SPEAKER_TOKENS = 4  # `قالت وزارة الدفاع الروسية في بيان`: the office's country beside the cue
MIN_CALL_PARTIES = 1  # a call with nobody named is a generic mention (المكالمات الهاتفية)


def resolve_article(
    mentions: list[Mention],
    parsed: list[ParsedSentence],
    published: dt.date | None,
    country_of: Callable[[str], str] = lambda person: "",
) -> list[Mention]:
    """Attach undated mentions, date the lead's, fold remarks into meetings, split calls.
    With no publication date (`None`) nothing is dated from it: what stays undated is dropped."""
    people_of_group_words(mentions, parsed)
    people_of_talks_at_signing(mentions, parsed)
    mentions = _carry_caller(mentions, parsed)
    dated = [m for m in mentions if m.dated]
    result = list(dated)
    for mention in mentions:
        if mention.dated:
            continue
        item = parsed[mention.sentence]
        signed_today = (
            mention.type == "agreement"
            and not mention.plural
            and mention.status == "happened"
            and not mention.background
            and concluded(item, mention.cue, acts_only=True)
            and not dates_of_its_own(item)
            and not anchored_elsewhere(item, mention)
        )
        # parties agreeing without a date of their own are not an earlier agreement told again
        distinct = (
            signed_today
            or mention.cue.kind == "accord"
            or bool({"split", "in_setting"} & mention.flags)
        )
        earlier = _same_day_as_earlier(mention, dated, parsed)
        if earlier is not None:  # `وبعد ساعات، انفجر لغم آخر`: a new event, not one told again
            mention.candidates = list(earlier.candidates)
            mention.flags.add("another")
            result.append(mention)
            dated.append(mention)
            continue
        setting = _setting_of(mention, dated)
        if setting is not None:
            mention.candidates = list(setting.candidates)
            mention.participants = mention.participants or list(setting.participants)
            result.append(mention)
            dated.append(mention)
            continue
        host = None if distinct else _coreferent(mention, dated, published is None, parsed)
        if host is not None:
            if "split" not in host.flags:
                host.participants = distinct_ids(host.participants + mention.participants)
            host.topics = distinct_ids(host.topics + mention.topics)
            host.initiator = host.initiator or mention.initiator
            continue
        if vague_time_at(item.sentence.norm) is not None:
            continue  # `أجرى خلال الأيام الماضية سلسلة اتصالات`: no day to give it
        anchor = _anchor_talks(mention, item, dated)
        if anchor is not None:
            mention.candidates = list(anchor.candidates)
            if mention.type not in CONVERSATIONS and not _named_by_name(mention, item):
                # the document of those talks is by their people, not by the countries its
                # content names (`دعمهم لتطبيع العلاقات بين أرمينيا وأذربيجان`)
                mention.participants = list(anchor.participants)
            result.append(mention)
            dated.append(mention)
            continue
        inherited = previous_sentence_date(mention, parsed, published)
        if inherited:
            mention.candidates = inherited
            result.append(mention)
            dated.append(mention)
            continue
        if (
            published is not None
            and not mention.background
            and (mention.type in DEFAULT_DATED_TYPES or signed_today)
            and mention.status == "happened"
            and (
                (mention.in_lead and mention.participants)
                or (
                    (
                        len(mention.participants) >= 2
                        or signed_today
                        or (mention.type in SPOKEN and mention.participants)
                        or (mention.type in SPOKEN and mention.cue.kind == "type")
                    )
                    and not parsed[mention.sentence].dates
                    and not anchored_elsewhere(parsed[mention.sentence], mention)
                )
            )
        ):
            mention.candidates = [Resolved(published, "day", frozenset({"inferred_date"}))]
            mention.default_dated = True
            result.append(mention)
    _claims_denied(result, parsed)
    result = _fold_casualties(result, parsed)
    result = _split_like_separate_calls(result)
    _tell_institutions_apart(result)
    result = _absorb_remarks(result, parsed, country_of)
    result = [m for m in result if m.type != "call" or len(m.participants) >= MIN_CALL_PARTIES]
    result.sort(key=lambda m: (m.sentence, m.start))
    _spread_topics(result, parsed)
    return result


def _fold_casualties(mentions: list[Mention], parsed: list[ParsedSentence]) -> list[Mention]:
    """`اشتباكات اندلعت اليوم ... وأعلنت الوزارة في وقت لاحق مقتل سبعة`: deaths the report
    tells with no blow of their own, within a week of the start of fighting it tells, fell in
    that fighting, whichever sentence tells them."""
    fights = [
        m.candidates[0].date for m in mentions if m.type == "hostilities" and m.status == "happened"
    ]
    return [
        m
        for m in mentions
        if not (
            m.type == "incident"
            and casualties_only(parsed[m.sentence], m.cue)
            and any(start <= m.candidates[0].date <= start + FIGHT for start in fights)
        )
    ]


def _claims_denied(mentions: list[Mention], parsed: list[ParsedSentence]) -> None:
    """`نفت أنقرة ادعاءات بأن مقاتلة أسقطت طائرة` and, elsewhere, `ذكرت المتحدثة أن مقاتلة
    أسقطت طائرة`: the claim the report says was denied is that denied event, told by its
    claimant, not a second event that happened."""
    denied = {(m.type, m.candidates[0].date) for m in mentions if m.status == "denied"}
    for mention in mentions:
        item = parsed[mention.sentence]
        if (
            mention.status == "happened"
            and (mention.type, mention.candidates[0].date) in denied
            and any(cue.kind == "speech" and cue.start < mention.cue.start for cue in item.cues)
        ):
            mention.status = "denied"


def _anchor_talks(mention: Mention, item: ParsedSentence, dated: list[Mention]) -> Mention | None:
    """The talks told last before, whose day (and, for a document, people) a mention takes:
    talks timed against them (`وعقد بوتين قبل القمة لقاءين منفصلين`, `عقب الاجتماع`); talks
    that did not take place at a summit told before (`غير أن الأخير اعتذر عن حضور القمة`); a
    document issued at their close, told with a pronoun (`وصدر في ختامه بيان`). Not a document
    timed against talks (`بعد الاجتماع`): it may have come days later."""
    if mention.type not in SET_AT_TALKS or mention.status not in {"happened", "denied"}:
        return None
    if mention.type in CONVERSATIONS:
        talks_told = _talks_timed_against(mention, item)
    elif mention.status == "happened":  # `في ختامه`: the frame word itself points back
        talks_told = [
            cue
            for cue in item.cues
            if cue.start < mention.cue.start and frame_points_back(item, cue)
        ]
    else:
        return None
    told = [
        m
        for m in dated
        if m.sentence < mention.sentence and m.type in CONVERSATIONS and m.status == "happened"
    ]
    return max(told, key=lambda m: (m.sentence, m.start)) if talks_told and told else None


def _named_by_name(mention: Mention, item: ParsedSentence) -> bool:
    """`وقع علييف وباشينيان في ختامها`: someone the sentence names by name, not a leader read
    from a country."""
    return any(m.kind == "actor" and m.value in mention.participants for m in item.names)


def _talks_timed_against(mention: Mention, item: ParsedSentence) -> list[Match]:
    """The talks told before a conversation, named to time it (`قبل القمة`), or, for talks that
    did not take place, anywhere in the sentence (`اعتذر عن حضور القمة`)."""
    talks_told = [
        cue
        for cue in item.cues
        if cue.kind == "type" and cue.value in CONVERSATIONS and refers_back(item, cue)
    ]
    if mention.status == "happened":
        talks_told = [
            cue
            for cue in talks_told
            if cue.start < mention.cue.start and after_temporal_word(item, cue)
        ]
    return talks_told


def _same_day_as_earlier(
    mention: Mention, dated: list[Mention], parsed: list[ParsedSentence]
) -> Mention | None:
    """The dated event told last before a sentence that says it came the same day (`بعد
    ساعات`, `في وقت لاحق`), whose day it takes: for the sentence's first event, when it is
    told as a new one (`انفجار لغم آخر`, not `الحادث`)."""
    item = parsed[mention.sentence]
    if (
        mention.status != "happened"
        or refers_back(item, mention.cue)
        or any(cue.kind == "type" and cue.start < mention.cue.start for cue in item.cues)
        or not any(phrase in item.sentence.norm for phrase in SAME_DAY_PHRASES)
    ):
        return None
    told = [m for m in dated if m.sentence < mention.sentence and m.status == "happened"]
    return max(told, key=lambda m: (m.sentence, m.start)) if told else None


def _tell_institutions_apart(mentions: list[Mention]) -> None:
    """Statements no person made, told in different sentences (`أدانت الخارجية الأرمينية في
    بيان`, then `ردت الخارجية الأذربيجانية في بيان`), are different institutions' statements:
    naming no one, they would otherwise merge with any statement of the day."""
    told = [m for m in mentions if m.type in SPOKEN and not m.participants]
    first = min((m.sentence for m in told), default=None)
    for mention in told:
        if mention.sentence != first:
            mention.flags.add("another")


def _setting_of(mention: Mention, dated: list[Mention]) -> Mention | None:
    """`البيان المشترك الصادر في ختام المحادثات`, `وعقد قبل القمة لقاءين`: what was adopted,
    said or held at the close of (or just before) talks told earlier is an event of its own, on
    the day of those talks and, where it names no one, by their people."""
    if "in_setting" not in mention.flags or mention.type not in SET_AT_TALKS:
        return None
    told = [
        m
        for m in dated
        if m.type in CONVERSATIONS and m.status == "happened" and m.sentence <= mention.sentence
    ]
    return told[0] if told else None  # the report's talks, not ones recalled beside them


def _coreferent(
    mention: Mention, dated: list[Mention], undated_article: bool, parsed: list[ParsedSentence]
) -> Mention | None:
    """The dated mention an undated one tells again: it names no one new, or adds one to a
    pair. In an article nothing dates (`undated_article`), also one it names everyone of
    (`رسالته إلى نظيره الروسي` in the lead, `رسالة ... في 11 يونيو 2021` with the sender only
    later): with a publication date that mention is dated from it instead; without, it would be
    lost."""
    people = set(mention.participants)
    for other in dated:
        if other.type != mention.type or other.status != mention.status:
            continue
        if _other_speakers(mention, other, parsed) or mention.plural != other.plural:
            continue  # `البيانات الثلاثية` are not the declaration signed today
        theirs = set(other.participants)
        added, shared = people - theirs, people & theirs
        if not added or (len(shared) >= 2 and len(added) <= 1):
            return other
        if undated_article and shared and theirs <= people:
            return other
    return None


def _other_speakers(mention: Mention, other: Mention, parsed: list[ParsedSentence]) -> bool:
    """`وقالت وزارة الدفاع الروسية في بيان` after `أعلنت وزارة الدفاع الأذربيجانية اليوم`: two
    offices of two countries, no one named, make two statements, not one told twice."""
    if mention.type not in SPOKEN or mention.participants or other.participants:
        return False
    theirs = _speaker_country(parsed[other.sentence], other)
    ours = _speaker_country(parsed[mention.sentence], mention)
    return theirs is not None and ours is not None and theirs != ours


def _speaker_country(item: ParsedSentence, mention: Mention) -> str | None:
    """The country of the office a statement's verb names next to it (`وزارة الدفاع الروسية`)."""
    said = next(  # what was said starts at `أن`/`إن`: countries from there on are its content
        (i for i, t in enumerate(item.tokens) if i > mention.cue.last_token and t.text in THAT),
        len(item.tokens),
    )
    near = [
        match
        for match in item.names
        if match.kind in {"adjective", "country"}
        and abs(match.first_token - mention.cue.first_token) <= SPEAKER_TOKENS
        and match.first_token < said
        and match.first_token > 0
        and item.tokens[match.first_token - 1].text in OFFICE_WORDS
    ]
    nearest = min(near, key=lambda m: abs(m.first_token - mention.cue.first_token), default=None)
    return nearest.value if nearest else None


def _carry_caller(mentions: list[Mention], parsed: list[ParsedSentence]) -> list[Mention]:
    """`وأطلع باشينيان بوتين خلال اتصال هاتفي. كما بحث هاتفيا مع ماكرون وبلينكن`: a call whose
    sentence names no one before it, told right after a call, was made by that call's caller
    (named first); with two or more others named, it is one call with each."""
    result: list[Mention] = []
    for mention in mentions:
        before = [m for m in result if m.type == "call" and m.sentence == mention.sentence - 1]
        item = parsed[mention.sentence]
        subject = any(
            n.kind in {"actor", "role"} and n.start < mention.cue.start for n in item.names
        )
        if mention.type != "call" or not before or subject or len(before[-1].participants) < 2:
            result.append(mention)
            continue
        caller = before[-1].participants[0]
        if caller in mention.participants or not mention.participants:
            result.append(mention)
            continue
        mention.participants = [caller, *mention.participants]
        result.extend(split_pairs(mention) if len(mention.participants) > 2 else [mention])
    return result


def _split_like_separate_calls(mentions: list[Mention]) -> list[Mention]:
    """A three-way call in the lead is two calls when the article says they were separate.
    Not meetings: separate bilateral meetings usually come beside a three-way one."""
    pairs = [m for m in mentions if "split" in m.flags]
    if not pairs:
        return mentions
    result = []
    for mention in mentions:
        if mention.type == "call" and len(mention.participants) > 2:
            date = mention.candidates[0].date
            same_day = [p for p in pairs if p.type == mention.type and p.candidates[0].date == date]
            covered = {person for p in same_day for person in p.participants}
            if same_day and set(mention.participants) <= covered:
                result.extend(split_pairs(mention))
                continue
        result.append(mention)
    return result


def _reaction(
    mention: Mention, host: Mention, item: ParsedSentence, country_of: Callable[[str], str]
) -> bool:
    """A statement by an office of a country none of the talks' people are from."""
    if mention.participants or mention.type not in SPOKEN:
        return False
    country = _speaker_country(item, mention)
    return country is not None and country not in {country_of(p) for p in host.participants}


def _could_be_said_in(mention: Mention, host: Mention, item: ParsedSentence) -> bool:
    """A person's speech to parliament or post on the day of their call was not said in the
    call: a call takes an office's readout (no one named), what its own sentence tells, and
    what is told as said of it (`كتب ميشال على تويتر عقب المحادثات`)."""
    return (
        host.type != "call"
        or not mention.participants
        or host.sentence == mention.sentence
        or mention.cue.kind == "accord"
        or any(  # `وجاء في بيان الكرملين أنه أجرى محادثة هاتفية`: the call's readout
            cue.kind == "type"
            and cue.value in CONVERSATIONS
            and (cue.value == host.type or refers_back(item, cue))
            for cue in item.cues
        )
    )


def _absorb_remarks(
    mentions: list[Mention], parsed: list[ParsedSentence], country_of: Callable[[str], str]
) -> list[Mention]:
    """Remarks made at a meeting or in a call are part of it, not a separate statement, and
    so is a readout issued that night or the next day (`في بيان صدر عقب اللقاء`); so is what
    its people agreed in it (`واتفق الزعيمان على`), unless they signed something. Not an
    office of a country none of its people are from: that is a reaction (`وأدانت الخارجية
    الأرمينية في بيان الزيارة`)."""
    hosts = [m for m in mentions if m.type in CONVERSATIONS and m.status == "happened"]
    kept = []
    for mention in mentions:
        if mention.type in SPOKEN or mention.cue.kind == "accord":
            day = mention.candidates[0].date
            host = next(
                (
                    h
                    for h in hosts
                    if h.candidates[0].date <= day
                    and (day - (h.candidates[0].end or h.candidates[0].date)).days <= READOUT_DAYS
                    and (
                        set(mention.participants) <= set(h.participants)
                        or h.sentence == mention.sentence  # `أكد الكرملين أن بوتين ناقش هاتفيا`
                    )
                    and _could_be_said_in(mention, h, parsed[mention.sentence])
                    and not _reaction(mention, h, parsed[mention.sentence], country_of)
                ),
                None,
            )
            if host is not None:
                if "split" not in host.flags:  # a readout of two calls names both callers
                    host.participants = distinct_ids(host.participants + mention.participants)
                continue
        kept.append(mention)
    return kept


def _spread_topics(mentions: list[Mention], parsed: list[ParsedSentence]) -> None:
    """Sentences without events of their own usually elaborate the article's main event."""
    main = next((m for m in mentions if m.in_lead), mentions[0] if mentions else None)
    if main is None:
        return
    used = {m.sentence for m in mentions}
    extra = []
    for item in parsed:
        if item.sentence.index in used:
            continue
        people = {m.value for m in item.names if m.kind == "actor"}
        if people & set(main.participants):
            extra.extend(match.value for match in item.topics)
    main.topics = distinct_ids(main.topics + extra)
