"""Which date phrase dates a trigger's event, and when a mention may borrow a date.

A sentence often carries several dates (the event's, the one it followed, a deadline, the day it
was announced); a wrong pick moves an event in time, which misleads a reader more than a missing
event. So a date is taken only where the wording ties it to the trigger, and a mention without
one borrows the previous sentence's date only when it continues the same story.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from newsdesk.contract.event_types import types_where
from newsdesk.language.word_classes import valued, words
from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.date_resolution import Resolved, resolve
from newsdesk.pipeline.extraction.mention import LEAD_SENTENCES, Mention
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.gazetteer import Match, Token, form_in, token_forms
from newsdesk.pipeline.text import Sentence

DEFAULT_DATED_TYPES = types_where(lambda facts: facts.dated_by_default)
BEFORE_TRIGGER_DEFAULT = 160  # how far before its trigger a date may stand and still be its
# an agreement noun takes an earlier date only through a signing verb (see `trigger_dates`)
BEFORE_TRIGGER_CHARS = {"agreement": 30, "hostilities": 30}
COUNTED_ON_CHARS = 12  # `قبل يومين من | توقيع البيان`: the event follows its span
ANNOUNCED_SLACK = 20  # `أعلن، فجر اليوم،`: an announcing verb's day stands right after it
# after `بعد`/`قبل`, these make a time of day or an adverb (`بعد ذلك`), not another event
TIME_OF_DAY = words("time_of_day")
# `بحلول نهاية الشهر`, `اعتبارا من`: the date is a deadline or a start, not the event's
DEADLINE_WORDS = words("deadline_word")
FROM_WORDS = words("from_word")
FROM_TOKENS = 6  # `اعتبارا من الساعة الواحدة من صباح اليوم`
# `بعد`, `قبل`, `منذ`: what follows is timed against another event
TEMPORAL_WORDS = words("temporal_word")
VAGUE_TIME_PHRASES = words("vague_time_phrase")
ONSET_NOUNS = words("onset_noun")
# `الأعنف منذ 12 أيار`: the date is what the event is compared with
COMPARATIVE_WORDS = words("comparative_word")
PARTS_OF_DAY = words("hour_of_today")  # `صباح`, `فجر` before a day named
VIOLENT_TYPES = types_where(lambda facts: facts.violent)
CLOSING_WORDS = words("closing_word")
COUNT_WORDS = valued("count_word")
NUMBER_WORDS = valued("number_word")
SPAN_TOKENS = 4  # `أربعة أيام من المفاوضات`: the length stands just before the talks


def vague_time_at(norm: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the first phrase of vague time (`خلال الأيام الماضية`, `مؤخرا`) is in a span of a
    normalised sentence, or None: what it tells has no day, and no date before it is its own."""
    found = [at for at in (norm.find(p, start, end) for p in VAGUE_TIME_PHRASES) if at >= 0]
    return min(found, default=None)


def usable_date(expr: DateExpr, trigger: Match, sentence: Sentence) -> bool:
    """A bare `اليوم` in the body often means "nowadays"; trust it for acts of the day only.
    A year alone is too vague to date an event card."""
    if expr.kind in {"year", "rel_year"} or (expr.kind == "ago" and expr.unit == "year"):
        return False
    if expr.kind != "today" or expr.weekday is not None or expr.amount or expr.hour:
        return True
    return sentence.index < LEAD_SENTENCES or trigger.value in DEFAULT_DATED_TYPES


def days_before_close(item: ParsedSentence, trigger: Match) -> int:
    """`اختتم الوزيران اليوم أربعة أيام من المفاوضات`: talks told on the day they closed, with
    their length, began that many days less one before (a meeting is dated by its first day)."""
    before = item.tokens[: trigger.first_token]
    if not any(form_in(t.text, CLOSING_WORDS) for t in before):
        return 0
    days = _days_told(before[-SPAN_TOKENS:])
    return days - 1 if days > 1 else 0


def _days_told(tokens: list[Token]) -> int:
    """The number of days a span of words tells (`أربعة أيام`, `يومين`, `3 أيام`), or 0; the
    span nearest the end wins (`اليوم أربعة أيام من`: not the `يوم` of `اليوم`)."""
    for index, token in reversed(list(enumerate(tokens))):
        count = next((COUNT_WORDS[f] for f in token_forms(token.text) if f in COUNT_WORDS), None)
        if count is None:
            continue
        amount, unit = count.split()
        if amount == "some" and index > 0:
            number = tokens[index - 1].text
            amount = NUMBER_WORDS.get(number) or (number if number.isdigit() else "some")
        if unit == "day" and amount != "some":
            return int(amount)
    return 0


def trigger_dates(
    item: ParsedSentence, trigger: Match, lo: int, hi: int, planned: bool = False
) -> list[DateExpr]:
    """Dates of a trigger, best first: those after it, then close ones before it. A deadline
    (`بحلول 30 كانون الثاني`) dates only a planned event: it is when that is due.

    A date well before an agreement noun belongs to it only through a signing verb between
    them (`في 9 نوفمبر، وقع ... بياناً مشتركاً`), not through a verb of saying.
    """
    after = [
        e
        for e in item.dates
        if trigger.start <= e.start < hi
        and not e.anchored  # `جاء الهجوم بعد يوم من قصف آخر`: the other strike's date
        and (
            not _words_between(item, trigger.end, _start_of_date_phrase(item, e)) & TEMPORAL_WORDS
            or (trigger.value in VIOLENT_TYPES and after_onset_noun(item, e))
        )
        and (planned or not _deadline(item, e))
        and not _words_between(item, trigger.end, e.start) & COMPARATIVE_WORDS
    ]
    before = []
    for expr in item.dates:
        if not lo <= expr.start < trigger.start:
            continue
        # `بعد يومين من إعلان علييف`: an announcement, not a declaration signed; `قبل يومين من`,
        # `عشية` (amount < 0) count on from another date told (`counted_on`)
        if expr.anchored and (
            trigger.value == "agreement" or expr.amount < 0 or not _just_before(item, expr, trigger)
        ):
            continue
        limit = BEFORE_TRIGGER_CHARS.get(trigger.value, BEFORE_TRIGGER_DEFAULT)
        if any(
            cue.kind == "concluded"
            and cue.start < trigger.start
            and (cue.value == "act" or expr.end <= cue.start)
            for cue in item.cues
        ) or (  # `أعلنت مساء اليوم ... الاتفاق على هدنة`: an agreement announced that day
            trigger.value == "agreement"
            and any(
                cue.kind == "speech" and expr.end <= cue.start + ANNOUNCED_SLACK < trigger.start
                for cue in item.cues
            )
        ):
            limit = BEFORE_TRIGGER_DEFAULT
        between = [t for t in item.tokens if expr.end <= t.start < trigger.start]
        related = any(form_in(t.text, TEMPORAL_WORDS) for t in between)
        if trigger.start - expr.end <= limit and not related:
            before.append(expr)
    violent = trigger.value in VIOLENT_TYPES  # `منذ اندلاعه صباح الأحد` before any other day
    after.sort(key=lambda e: (not (violent and after_onset_noun(item, e)), e.start))
    return after + sorted(before, key=lambda e: -e.start)


def after_temporal_word(item: ParsedSentence, cue: Match) -> bool:
    """`قبل القمة`, `منذ لقائهم`: the word right before an event names the time of another."""
    return cue.first_token > 0 and form_in(item.tokens[cue.first_token - 1].text, TEMPORAL_WORDS)


def after_onset_noun(item: ParsedSentence, expr: DateExpr) -> bool:
    """`ويتواصل القتال منذ اندلاعه صباح الأحد`: a date right after `اندلاعه`, `بدء` is when the
    fighting told began, even behind a `منذ`."""
    before = [t for t in item.tokens if t.end <= expr.start]
    while before and (before[-1].text == "في" or before[-1].text in PARTS_OF_DAY):
        before = before[:-1]  # `منذ اندلاعه في صباح الأحد`
    return bool(before) and form_in(before[-1].text, ONSET_NOUNS)


def counted_on(
    item: ParsedSentence, trigger: Match, published: dt.date | None, context_year: int | None
) -> list[Resolved]:
    """`استعادت شوشا في الثامن من تشرين الثاني، قبل يومين من توقيع البيان`: an event named right
    after `قبل يومين من` came that long after the date told before it in the sentence."""
    spans = [
        e
        for e in item.dates
        if e.anchored
        and e.kind == "ago"
        and e.amount < 0
        and e.unit == "day"
        and 0 <= trigger.start - e.end <= COUNTED_ON_CHARS
    ]
    if not spans:
        return []
    span = spans[-1]
    told = [e for e in item.dates if e.end <= span.start and not e.anchored]
    if not told:
        return []
    base = resolve(told[-1], published, year_before(item.dates, told[-1]) or context_year)
    if not base or base[0].precision != "day":
        return []
    return [Resolved(base[0].date + dt.timedelta(days=-span.amount), "day")]


def _just_before(item: ParsedSentence, expr: DateExpr, trigger: Match) -> bool:
    """The date phrase ends right where the trigger starts (`بعد يومين من | توقيع`)."""
    return not [t for t in item.tokens if expr.end <= t.start < trigger.start]


def _words_between(item: ParsedSentence, start: int, end: int) -> set[str]:
    """Word forms between two offsets; `بعد ظهر` (afternoon) is a time, not a sequence."""
    tokens = [t for t in item.tokens if start <= t.start < end]
    words = set()
    for index, token in enumerate(tokens):
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if following in TIME_OF_DAY:
            continue
        words.update(token_forms(token.text))
    return words


def _start_of_date_phrase(item: ParsedSentence, expr: DateExpr) -> int:
    """`منذ السابع والعشرين من سبتمبر`: a `since` right before a date introduces it."""
    before = [t for t in item.tokens if t.end <= expr.start]
    if before and form_in(before[-1].text, TEMPORAL_WORDS):
        return before[-1].start
    return expr.start


def _deadline(item: ParsedSentence, expr: DateExpr) -> bool:
    """`بحلول نهاية الشهر` is a deadline, `اعتبارا من الساعة الواحدة من صباح اليوم` a start,
    not the date of the event."""
    before = [t for t in item.tokens if t.end <= expr.start]
    if before and before[-1].text in DEADLINE_WORDS:
        return True
    near = [t.text for t in before[-FROM_TOKENS:]]
    return any(
        word in FROM_WORDS and following == "من" for word, following in itertools.pairwise(near)
    )


def dates_of_its_own(item: ParsedSentence) -> list[DateExpr]:
    """The sentence's dates but deadlines and starts: the days something happened on."""
    return [expr for expr in item.dates if not _deadline(item, expr)]


def year_before(exprs: list[DateExpr], expr: DateExpr) -> int | None:
    """`حرب عام 2020 ... في العاشر من تشرين الثاني من ذلك العام`: the sentence's own year."""
    years = [e.year for e in exprs if e.year is not None and e.end <= expr.start]
    return years[-1] if years else None


def temporal_relation(tokens: list[Token], before: Match, after: Match) -> bool:
    """`بعد`/`قبل` between two triggers means two times, not one."""
    between = tokens[before.last_token + 1 : after.first_token]
    return any(form_in(token.text, TEMPORAL_WORDS) for token in between)


def anchored_elsewhere(item: ParsedSentence, mention: Mention) -> bool:
    """`وبعد توقيع الاتفاق، ...`: a clause timed against another event is not today's news."""
    before = [t for t in item.tokens if t.start < mention.cue.start]
    return any(form_in(t.text, TEMPORAL_WORDS) for t in before)


def previous_sentence_date(
    mention: Mention, parsed: list[ParsedSentence], published: dt.date | None
) -> list[Resolved]:
    """`وأضاف لافروف بعد محادثات مع ...` continues the previous sentence and its one date."""
    if (
        mention.sentence == 0
        or not mention.participants
        or mention.status != "happened"
        or mention.plural  # `تنفيذ البيانات الثلاثية`: several documents of other days
    ):
        return []
    previous = parsed[mention.sentence - 1]
    people = {m.value for m in previous.names if m.kind == "actor"}
    dates = [e for e in previous.dates if e.kind != "weekday"]
    if len(dates) != 1 or not people & set(mention.participants):
        return []
    return resolve(dates[0], published)


def ahead_of(candidates: list[Resolved], published: dt.date) -> list[Resolved]:
    """A planned event dated before the report: `في الأول من حزيران` written without its year
    is the coming one (`يُنتظر أن يجتمعا`), and a month is the report's own month (`في وقت لاحق
    من الشهر الجاري`); a day with its year before the report is the announcement's, not the
    event's, and dates nothing."""
    first = candidates[0]
    if first.precision != "day" and (first.date.year, first.date.month) == (
        published.year,
        published.month,
    ):
        return candidates  # `في وقت لاحق من الشهر الجاري`: later in the report's month
    if "inferred_year" not in first.flags:
        return []
    try:
        ahead = first.date.replace(year=first.date.year + 1)
    except ValueError:  # 29 February
        return []
    if not published <= ahead <= published + dt.timedelta(days=366):
        return []
    return [replace(first, date=ahead, end=None)]
