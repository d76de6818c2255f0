"""One sentence to its event mentions, each trigger (cue word) with its part of the sentence.

A sentence often tells more than one event (talks and the statement they signed, a call after a
meeting), so it is cut at its triggers: each trigger owns the text up to the next one, plus, for
the first, the text before it, since Arabic puts the subject on either side of the verb. A
trigger then takes only the dates, people and places of its own part.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from newsdesk.contract.event_types import types_where
from newsdesk.language.word_classes import words
from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.date_resolution import resolve
from newsdesk.pipeline.extraction.context import (
    CASUALTY_WORDS,
    FIGHT,
    STATEMENT_NOUNS,
    anniversary_of,
    concluded,
    denial_by_office,
    is_setting,
    one_partys_statement,
    refers_back,
    to_be_held,
    to_be_stopped,
    told_again,
    topic_of_talks,
    trigger_status,
)
from newsdesk.pipeline.extraction.mention import LEAD_SENTENCES, Mention, distinct_ids, split_pairs
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.extraction.speech import dated_speech, speech_news, told_violence
from newsdesk.pipeline.extraction.when import (
    DEFAULT_DATED_TYPES,
    after_temporal_word,
    ahead_of,
    counted_on,
    days_before_close,
    temporal_relation,
    trigger_dates,
    usable_date,
    vague_time_at,
    year_before,
)
from newsdesk.pipeline.extraction.where import trigger_place
from newsdesk.pipeline.extraction.who import initiator_of, trigger_people
from newsdesk.pipeline.gazetteer import Gazetteer, Match, form_in, token_forms

ADJACENT_TOKENS = 2
OWN_DATE_CHARS = 30  # `لقائهم في موسكو في 11 كانون 2`: a date that close after talks is theirs
CAUSE_GAP_TOKENS = 4  # `مقتل جنديين أرمينيين في قصف`
CAUSE_WORDS = words("cause_word")
PURPOSE_PREFIXES = tuple(words("purpose_prefix"))  # `للقاء بوتين`: the aim of a visit
CLASH_WORDS = words("clash_word")
PLUPERFECT_PARTICLES = words("pluperfect_particle")
MULTILATERAL_WORDS = words("multilateral_word")
ONE_PER_SENTENCE = frozenset({"meeting", "statement"})
# a trigger's count that makes it talks in pairs: `اتصالين` (two), `اتصالات بكل من` (one each)
PAIRED = frozenset({"dual", "each"})
# `اندلعت`: the onset of fighting is dated like a meeting, from the date just told
ONSET_TYPES = types_where(lambda facts: facts.violent)
CONVERSATIONS = types_where(lambda facts: facts.conversation)
# a part told with bigger news of its sentence and day: casualties of the fighting, the
# statement document that announced an agreement
FOLDED_INTO = {"incident": "hostilities", "statement": "agreement"}


def sentence_mentions(
    article_id: str,
    item: ParsedSentence,
    published: dt.date | None,
    context_year: int | None,
    gaz: Gazetteer,
    earlier_people: list[str],
) -> list[Mention]:
    """`earlier_people`: who the previous sentence named, for `الوزيرين` and `بينهما`.
    `published` is None for an article nothing dates: then only dates written in full count."""
    # `ويأتي اللقاء بعد القمة`: the report's event told again (`told_again`) leaves the one
    # it is timed against, which is news of its own
    triggers = _join_adjacent(
        [
            _as_trigger(item, cue)
            for cue in item.cues
            if (
                cue.kind == "type"
                or _accord_alone(item, cue)
                or speech_news(item, cue)
                or _talk_after_a_call(item, cue)
                or denial_by_office(item, cue)
            )
            and not told_again(item, cue)
        ],
        item,
    )
    # `على هامش القمة، التقى`, `البيان الصادر في ختام المحادثات`: the setting of another event
    # fighting is news even when told as the time of another (`خلال المواجهات التي اندلعت أمس`)
    # but remarks made during talks (`أكدا، خلال لقائهما أمس، ...`) leave the talks the news
    settings = [
        t
        for t in triggers
        if any(other is not t and other.kind != "speech" for other in triggers)
        and t.value not in ONSET_TYPES
        and is_setting(item, t)
    ]
    triggers = [t for t in triggers if t not in settings and not _time_anchor(item, t, triggers)]
    # `أن يزور باشينيان موسكو ... للقاء بوتين`: the talks a visit is for are the visit
    triggers = [t for t in triggers if not _purpose_of_visit(item, t, triggers)]
    # a verb of saying with no day after it says nothing of its own (`dated_speech`): it
    # neither makes a statement nor ends the clause of the call told before it
    triggers = [t for t in triggers if t.kind != "speech" or dated_speech(item, t, item.dates)]
    bounds = [t.start for t in triggers]
    # still bounding the clause of the talks before, whose status their words do not set
    triggers = [t for t in triggers if not topic_of_talks(item, t, triggers)]
    triggers = [
        t for t in triggers if t.value != "agreement" or t.kind == "accord" or concluded(item, t)
    ]
    if not triggers:
        return []
    sentence = item.sentence
    norm = sentence.norm
    background = _told_as_background(item)
    topics = distinct_ids(match.value for match in item.topics)
    mentions: list[Mention] = []
    previous_people: list[str] = []
    previous_dates: list[DateExpr] = []
    for position, trigger in enumerate(triggers):
        scope_start = 0 if position == 0 else triggers[position - 1].end
        # an agreement merely discussed still ends the clause before it, but takes nothing
        scope_end = min((b for b in bounds if b > trigger.start), default=len(norm))

        def in_scope(match, lo=scope_start, hi=scope_end) -> bool:
            return lo <= match.start < hi

        # `قمة ثلاثية، سبقتها محادثات مع كل منهما على حدة`: only the talks were separate
        split = any(cue.kind == "split" for cue in item.cues) and not _multilateral(item, trigger)
        status = trigger_status(
            item, trigger, 0 if position == 0 else triggers[position - 1].end, scope_end
        )
        held_later = status == "happened" and to_be_held(item, trigger)
        if held_later:
            status = "planned"  # dated only by a day still to come, else dropped below
        if status in {"conditional", "called_for"} or to_be_stopped(item, trigger):
            continue
        dates = trigger_dates(item, trigger, scope_start, scope_end, planned=status == "planned")
        if held_later:  # `طالبت اليوم بعقد اجتماع`: today is the demand's day
            dates = [expr for expr in dates if expr.start > trigger.start]
        if trigger.kind == "speech" and not dated_speech(item, trigger, dates):
            continue  # `وقال إن`: a quote in the report, not the news of the day
        if anniversary_of(item, trigger):
            dates = []  # the dates around `ذكرى`/`مرور عام على` are the anniversary's
        vague = vague_time_at(norm, scope_start, scope_end)
        if vague is not None:  # `خلال الأيام الماضية`: a dateline's day is not theirs
            dates = [expr for expr in dates if expr.start > vague]
        plural = trigger.detail.number
        if plural == "plural" and sum(e.kind == "absolute" for e in dates) > 1:
            chosen = [[expr] for expr in dates if expr.kind == "absolute"]
        else:
            chosen = [dates[:1]]
        onset = trigger.value in ONSET_TYPES and any(
            cue.kind == "onset" and scope_start <= cue.start < scope_end for cue in item.cues
        )
        if onset and _clashes(item, trigger):
            trigger = replace(trigger, value="hostilities")  # `اشتباكات حدودية دامية اندلعت`
        if (
            not chosen[0]
            and previous_dates
            and (
                trigger.value in DEFAULT_DATED_TYPES
                or onset
                or _adopted_at(item, trigger, triggers)
            )
            and plural != "plural"
            and not held_later
            and not anniversary_of(item, trigger)  # `بمناسبة مرور عام على توقيع البيان`
            and not temporal_relation(item.tokens, triggers[position - 1], trigger)
        ):
            chosen = [previous_dates]  # `في 17 مايو، في قمة ...، صرّح`: one time for both
        for choice in chosen:
            candidates = []
            for expr in choice:
                if usable_date(expr, trigger, sentence):
                    candidates = resolve(
                        expr, published, year_before(item.dates, expr) or context_year
                    )
            if not dates:  # `في الثامن من نوفمبر، قبل يومين من توقيع البيان`, `عشية زيارة`
                candidates = counted_on(item, trigger, published, context_year) or candidates
            closed_after = days_before_close(item, trigger) if trigger.value == "meeting" else 0
            if closed_after and candidates and candidates[0].precision == "day":
                closing = candidates[0].date
                start_day = closing - dt.timedelta(days=closed_after)
                candidates = [replace(candidates[0], date=start_day, end=closing)]
            on = candidates[0].date if candidates else published
            people = trigger_people(
                item, in_scope, on, gaz, previous_people, trigger, earlier_people
            )
            if told_violence(item, trigger, people):
                continue
            if (
                any(c.kind == "split" and trigger.start < c.start < scope_end for c in item.cues)
                and trigger.value in CONVERSATIONS
                and len(previous_people) > 2
                and set(people) <= set(previous_people)
            ):  # `سبقتها محادثات مع كل منهما`: the summit's host with each of the others
                people = previous_people
            if (
                position > 0
                and {trigger.value, triggers[position - 1].value} <= CONVERSATIONS
                and not (split or plural)  # `في اجتماعين منفصلين`: the same talks, told again
                and not _multilateral(item, trigger)  # `لقاء ثلاثي مع أردوغان`: with them all
            ):
                people = _after_other_talks(item, people, previous_people, scope_start, trigger)
            place = trigger_place(item, in_scope, trigger, gaz)
            initiator = initiator_of(item, people, gaz)
            mention_status = status
            if published is not None and candidates:
                if mention_status == "happened" and candidates[0].date > published:
                    mention_status = "planned"
                if mention_status == "planned" and candidates[0].date < published:
                    candidates = ahead_of(candidates, published)
            start, end = sentence.start, sentence.end
            base = Mention(
                article_id=article_id,
                sentence=sentence.index,
                start=start,
                end=end,
                type=trigger.value,
                status=mention_status,
                participants=people,
                initiator=initiator,
                place_id=place,
                topics=topics,
                candidates=candidates,
                plover=trigger.detail.plover,
                background=background,
                in_lead=sentence.index < LEAD_SENTENCES,
                cue=trigger,
                plural=plural == "plural",
                flags={"in_setting"} if settings else set(),
            )
            pairs = split or plural in PAIRED
            if pairs and len(people) > 2 and trigger.value in CONVERSATIONS:
                mentions.extend(split_pairs(base, 2 if plural == "dual" and not split else None))
            else:
                mentions.append(base)
            previous_people = people or previous_people
            previous_dates = choice or previous_dates
    return _merge_within_sentence(_fold_told_parts(mentions, item))


def _multilateral(item: ParsedSentence, trigger: Match) -> bool:
    """`قمة ثلاثية`: a trigger said to be three-way (or more) is one event, never split."""
    following = trigger.last_token + 1
    if following >= len(item.tokens):
        return False
    return form_in(item.tokens[following].text, MULTILATERAL_WORDS)


def _clashes(item: ParsedSentence, trigger: Match) -> bool:
    """Clashes that broke out or were renewed are fighting over a time, not one blow."""
    return trigger.value == "incident" and any(
        form_in(token.text, CLASH_WORDS)
        for token in item.tokens[trigger.first_token : trigger.last_token + 1]
    )


def _after_other_talks(
    item: ParsedSentence,
    people: list[str],
    previous_people: list[str],
    scope_start: int,
    trigger: Match,
) -> list[str]:
    """`أجرى باشينيان اتصالين ببوتين وماكرون، كما تحدث هاتفيا مع بلينكن`: the people named
    before a second call were the first call's; a second call with one party named is the same
    caller's."""
    taken = {
        match.value
        for match in item.names
        if match.kind == "actor" and scope_start <= match.start < trigger.start
    } & set(previous_people)
    own = [person for person in people if person not in taken]
    if not own:
        return people
    caller = previous_people[:1]
    if trigger.value == "call" and len(own) < 2 and caller and caller[0] not in own:
        own = [*caller, *own]
    return own


def _time_anchor(item: ParsedSentence, trigger: Match, triggers: list[Match]) -> bool:
    """`وعقد بوتين قبل القمة لقاءين`: talks told before (`القمة`) named only to time the news
    by; the news (`لقاءين`) takes the whole sentence's people."""
    return (
        len(triggers) > 1
        and trigger.value in CONVERSATIONS
        and refers_back(item, trigger)
        and after_temporal_word(item, trigger)
        and not any(0 <= e.start - trigger.end <= OWN_DATE_CHARS for e in item.dates)
        and not any(told_again(item, cue) for cue in item.cues if cue.start < trigger.start)
    )  # `منذ لقائهم في موسكو في 11 كانون 2`: talks with a date of their own are news, and so
    # are those the report's event told again is timed against (`ويأتي اللقاء بعد القمة`)


def _purpose_of_visit(item: ParsedSentence, trigger: Match, triggers: list[Match]) -> bool:
    """`للقاء`, `للمحادثات`: talks named with `لـ` plus the article, after a meeting or visit
    told before them in the sentence, are its purpose; not after a schedule word between them
    (`التقى ماكرون اليوم، ومن المقرر أن يتوجه غدا للقاء ميشال`), which tells talks to come."""
    word = item.tokens[trigger.first_token].text
    if trigger.value != "meeting" or not word.startswith(PURPOSE_PREFIXES):
        return False
    before = [t for t in triggers if t.value == "meeting" and t.start < trigger.start]
    return bool(before) and not any(
        cue.kind == "status" and before[-1].end <= cue.start < trigger.start for cue in item.cues
    )


def _told_as_background(item: ParsedSentence) -> bool:
    """`وكان علييف قد وقع`, `سبق أن`: an earlier event told again. A bare `كان` with no `قد` after
    it is a plain past (`وكان علييف في استقباله`), the day's news."""
    for cue in item.cues:
        if cue.kind != "background":
            continue
        if cue.value != "pluperfect" or any(
            token.start > cue.end and form_in(token.text, PLUPERFECT_PARTICLES)
            for token in item.tokens
        ):
            return True
    return False


def _caused_by(item: ParsedSentence, trigger: Match) -> bool:
    """The word before the trigger says it caused what was told just before (`في`, `جراء`)."""
    if trigger.first_token == 0:
        return False
    before = item.tokens[trigger.first_token - 1].text
    return form_in(before, CAUSE_WORDS)


def _adopted_at(item: ParsedSentence, trigger: Match, triggers: list[Match]) -> bool:
    """`عقد بوتين اليوم قمة ثلاثية، تبنى المشاركون في ختامها بيانا مشتركا`: a document adopted
    at the talks told just before in the sentence is of their day."""
    earlier = [t for t in triggers if t.start < trigger.start]
    return (
        trigger.value == "agreement"
        and bool(earlier)
        and earlier[-1].value in CONVERSATIONS
        and concluded(item, trigger, acts_only=True)
    )


def _as_trigger(item: ParsedSentence, cue: Match) -> Match:
    """The cue as the event it triggers: a bare `بيان` nobody signed is a statement, talking
    after a call is a call."""
    if one_partys_statement(item, cue):
        return replace(cue, value="statement")
    if denial_by_office(item, cue):
        return replace(cue, kind="speech", value="statement")
    return replace(cue, kind="type") if cue.kind == "talk" else cue


def _talk_after_a_call(item: ParsedSentence, cue: Match) -> bool:
    """`أجرى باشينيان اتصالين ...، فيما تحدث بلينكن مع علييف`: talking, told after a call in
    the same sentence, is another call; alone, `تحدث` is too loose to be one."""
    return cue.kind == "talk" and any(
        other.kind == "type" and other.value == "call" and other.start < cue.start
        for other in item.cues
    )


def _accord_alone(item: ParsedSentence, cue: Match) -> bool:
    """`اتفقت أرمينيا وأذربيجان على`: parties agreeing is an agreement of its own, unless the
    sentence tells the talks or the call they agreed in (`التقيا واتفقا على`), which it is
    part of."""
    return cue.kind == "accord" and not any(
        other.kind == "type" and other.value in CONVERSATIONS for other in item.cues
    )


def _fold_told_parts(mentions: list[Mention], item: ParsedSentence) -> list[Mention]:
    """What a sentence tells as part of bigger news is that news: deaths told with the fighting
    they fell in (`اشتباكات اندلعت أمس وسقط فيها قتلى`, `أعلنت اليوم مقتل أربعة في المواجهات
    التي اندلعت الأحد`: on its day or after its start), the statement that announced an
    agreement (`أعلن أنهما اتفقتا على وقف إطلاق النار ... في بيان`); not a leader's post
    about signing (`كتب على فيسبوك أنه وقع`), which is news of its own."""
    happened = [m for m in mentions if m.candidates and m.status == "happened"]

    def folded(m: Mention) -> bool:
        if not m.candidates:
            return False
        day = m.candidates[0].date
        into = FOLDED_INTO.get(m.type)
        words = item.tokens[m.cue.first_token : m.cue.last_token + 1]
        forms = {form for token in words for form in token_forms(token.text)}
        if into == "hostilities":  # deaths during fighting started that day or before
            span = FIGHT if forms & CASUALTY_WORDS else dt.timedelta(0)
            return any(
                h.type == into and h.candidates[0].date <= day <= h.candidates[0].date + span
                for h in happened
            )
        same_day = any(h.type == into and h.candidates[0].date == day for h in happened)
        return same_day and not forms.isdisjoint(STATEMENT_NOUNS)

    return [m for m in mentions if not folded(m)]


def _merge_within_sentence(mentions: list[Mention]) -> list[Mention]:
    """`زار أردوغان نخجوان حيث التقى علييف`: two cues, one meeting, its people spread over
    both clauses; `قالت الوزارة اليوم في بيان`: two cues, one statement."""
    merged: list[Mention] = []
    for mention in mentions:
        host = next(
            (
                m
                for m in merged
                if m.type == mention.type
                and m.type in ONE_PER_SENTENCE
                and m.status == mention.status
                and m.candidates
                and mention.candidates
                and m.candidates[0].date == mention.candidates[0].date
                and "split" not in m.flags | mention.flags
            ),
            None,
        )
        if host is None:
            merged.append(mention)
            continue
        host.participants = distinct_ids(host.participants + mention.participants)
        host.place_id = host.place_id or mention.place_id
    return merged


def _join_adjacent(triggers: list[Match], item: ParsedSentence) -> list[Match]:
    """`محادثات قمة ثلاثية`: neighbouring cues of one type name one event; so do a death and
    the blow that caused it (`مقتل جنديين في قصف`)."""
    joined: list[Match] = []
    for trigger in triggers:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.value == trigger.value
            and trigger.value in ONSET_TYPES
            and trigger.first_token - last.last_token <= CAUSE_GAP_TOKENS
            and _caused_by(item, trigger)
        ):
            joined[-1] = replace(last, end=trigger.end, last_token=trigger.last_token)
            continue
        if (
            last is not None
            and last.value == "meeting"
            and trigger.value == "call"
            and trigger.first_token - last.last_token <= ADJACENT_TOKENS
        ):  # `قمة عبر الفيديو`, `محادثات هاتفية`: a meeting held by phone or video is a call
            joined[-1] = replace(trigger, start=last.start, first_token=last.first_token)
            continue
        if (
            last is not None
            and last.value == trigger.value
            and trigger.first_token - last.last_token <= ADJACENT_TOKENS
            and not any(cue.detail.number for cue in (last, trigger))
        ):  # `وقال في كلمة ألقاها`: the named channel makes the saying a statement, dated or not
            kind = "type" if "type" in {last.kind, trigger.kind} else last.kind
            joined[-1] = replace(last, end=trigger.end, last_token=trigger.last_token, kind=kind)
            continue
        joined.append(trigger)
    return joined
