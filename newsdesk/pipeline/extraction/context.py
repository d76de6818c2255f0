"""What the words around an event trigger say about it.

The verb alone does not make news (DESIGN.md: context matters as much as the verb): `من المقرر`
makes an event planned, `نفى` denied, `إذا` conditional; `على هامش القمة` makes a summit the
setting of the news rather than news; `ذكرى` makes the dates around an anniversary's; and an
agreement is an event only when signed or adopted, not when merely discussed.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.contract.event_types import types_where
from newsdesk.language.word_classes import words
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.extraction.when import VIOLENT_TYPES, after_onset_noun, after_temporal_word
from newsdesk.pipeline.gazetteer import Match, form_in

STATUS_BEFORE_TOKENS = 8
STATUS_AFTER_TOKENS = 3
FRAME_TOKENS = 2  # `على هامش القمة`, `في ختام الاجتماع`: frame word right before the trigger
# not a bare `ه`: a normalised ta marbuta (`محادثه`) looks the same
CONVERSATIONS = types_where(lambda facts: facts.conversation)
TALKED_ABOUT = CONVERSATIONS | {"agreement"}  # what talks discuss: other talks and documents
SUBJECT_WORDS = words("subject_word")  # `نتائج القمة`, `تنفيذ الاتفاق`: the talks' subject
CASUALTY_WORDS = words("casualty_word")
ANSWERED_WORDS = words("answered_word")
DUE_WORDS = words("due_word")
CAME_WORDS = words("came_word")
OFFICE_WORDS = words("office_word")
ANSWERED_TOKENS = 2  # `ردا على مقتل`
FIGHT = dt.timedelta(days=7)  # deaths told within a week of the fighting's start fell in it
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها")
DEFINITE_PREFIXES = ("ال", "وال", "فال", "بال", "لل")
ANNIVERSARY_TOKENS = 4  # `بمناسبة مرور عام على توقيع البيان`
AFTER_DATE_CHARS = 30
JOINT_DATE_CHARS = 8  # `اليوم الخميس، في بيان مشترك`: the day right before a joint statement
CONCLUDED_BEFORE_TOKENS = 30
CONCLUDED_AFTER_TOKENS = 12
ACCORD_GAP_TOKENS = 2
TO_HOLD_WORDS = words("to_hold_word")
STATEMENT_NOUNS = words("statement_noun")
CLAIM_WORDS = words("claim_word")
JOINT_WORDS = words("joint_word")
STOP_WORDS = words("stop_word")


def trigger_status(item: ParsedSentence, trigger: Match, lo: int, hi: int) -> str:
    """Status cues close to the trigger: a few words before it, or right after it."""
    found = set()
    for cue in item.cues:
        if cue.kind == "status" and cue.value == "conditional" and cue.start < trigger.start:
            found.add(cue.value)  # `إذا ...، فسيتم ...`: the whole sentence is conditional
        if (
            cue.kind == "status"
            and cue.value == "planned"
            and lo == 0
            and _opens(item, cue, trigger)
        ):
            found.add(cue.value)  # `ومن المقرر أن يعقد مجلس ... جلسة عبر الفيديو`: the lead verb
        # an office's denial is a statement of its own and so ends no clause: it still denies
        # what it is told before (`نفى الكرملين اليوم أن يكون بوتين قد التقى علييف`)
        low = 0 if denial_by_office(item, cue) else lo
        if cue.kind != "status" or not low <= cue.start < hi:
            continue
        before = 0 <= trigger.first_token - cue.last_token <= STATUS_BEFORE_TOKENS or (
            cue.value == "denied" and _denied_claim(item, cue, trigger)
        )
        after = 0 <= cue.first_token - trigger.last_token <= STATUS_AFTER_TOKENS and not any(
            other.kind == "type"
            and other.start > cue.start
            and 0 <= other.first_token - cue.last_token <= STATUS_BEFORE_TOKENS
            for other in item.cues
        )  # `بحثا هاتفيا التحضير للقمة`: the cue is the summit's, told next, not the call's
        if before or (after and trigger.value != "statement"):
            found.add(cue.value)  # a statement's words after it are what it says (`دانت ...
            # في بيان، مطالبة بالتدخل`, `أعلن الكرملين أن بوتين سيزور باكو`), not its status
    if trigger.value in TALKED_ABOUT and _due(item, trigger, hi):
        found.add("planned")
    if trigger.value == "statement":  # `نفت في بيان`: a denial is itself a statement made
        found.discard("denied")
    for status in ("denied", "called_for", "conditional", "planned"):
        if status in found:
            return status
    return "happened"


def _due(item: ParsedSentence, trigger: Match, hi: int) -> bool:
    """`اجتماعها الأول بحلول 30 يناير`: a date after the trigger told as a deadline."""
    for expr in item.dates:
        if not trigger.end <= expr.start < hi:
            continue
        before = [t for t in item.tokens if trigger.end <= t.end <= expr.start]
        if before and form_in(before[-1].text, DUE_WORDS):
            return True
    return False


def _opens(item: ParsedSentence, cue: Match, trigger: Match) -> bool:
    """The cue comes before the trigger and any other event the sentence tells (`ومن المقرر
    أن`, after a dateline)."""
    return cue.start < trigger.start and not any(
        other.kind == "type" and other.start < cue.start for other in item.cues
    )


def _denied_claim(item: ParsedSentence, denial: Match, trigger: Match) -> bool:
    """`نفت الرئاسة ادعاءات أرمينية بأن مقاتلة تركية أسقطت طائرة`: a claim word between a
    denial and the trigger makes what the claim tells denied, however long the claim."""
    between = item.tokens[denial.last_token + 1 : trigger.first_token]
    return any(form_in(token.text, CLAIM_WORDS) for token in between)


def to_be_held(item: ParsedSentence, trigger: Match) -> bool:
    """`طالبت بعقد اجتماع`, `ستنضم إلى المفاوضات`: talks called for or to come, not held."""
    start = max(0, trigger.first_token - 2)
    return any(
        form_in(token.text, TO_HOLD_WORDS) for token in item.tokens[start : trigger.first_token]
    )


def to_be_stopped(item: ParsedSentence, trigger: Match) -> bool:
    """`وقف جميع العمليات العسكرية`: fighting named as what is to stop is no event; unless it is
    told with its start (`لوقف القتال منذ اندلاعه في 27 أيلول`), which dates it as news."""
    start = max(0, trigger.first_token - 3)
    before = {token.text for token in item.tokens[start : trigger.first_token]}
    if trigger.value not in VIOLENT_TYPES or not before & STOP_WORDS:
        return False
    return not any(expr.start > trigger.end and after_onset_noun(item, expr) for expr in item.dates)


def is_setting(item: ParsedSentence, trigger: Match) -> bool:
    """`على هامش القمة، التقى ...`: a known event named as the setting of the news that
    follows is not news itself; the news is a separate event (a sideline meeting)."""
    if not refers_back(item, trigger):
        return False
    return any(
        cue.kind == "frame" and 0 < trigger.first_token - cue.last_token <= FRAME_TOKENS
        for cue in item.cues
    )


def refers_back(item: ParsedSentence, trigger: Match) -> bool:
    """`الحادث`, `اجتماعهما`: a definite or possessed noun names an event already known,
    where `انفجار لغم آخر` tells a new one."""
    word = item.tokens[trigger.first_token].text
    return word.startswith(DEFINITE_PREFIXES) or word.endswith(POSSESSIVE_SUFFIXES)


def topic_of_talks(item: ParsedSentence, trigger: Match, triggers: list[Match]) -> bool:
    """`أطلع بوتين علييف هاتفيا اليوم على نتائج القمة`, `بحثا هاتفيا تنفيذ الاتفاقات التي تم
    التوصل إليها في القمة`: talks or a document named as the subject of the sentence's talks
    (`subject_word` right before it), or already known (a definite noun) after a call, which no
    one holds or signs anything at, are what was discussed, not news, unless dated."""
    if trigger.value not in TALKED_ABOUT or trigger.first_token == 0:
        return False
    talks = [t for t in triggers if t.value in CONVERSATIONS and t.start < trigger.start]
    subject = form_in(item.tokens[trigger.first_token - 1].text, SUBJECT_WORDS)
    known = refers_back(item, trigger) and any(t.value == "call" for t in talks)
    if not talks or not (subject or known):
        return False
    return not any(expr.start >= trigger.end for expr in item.dates)


def casualties_only(item: ParsedSentence, cue: Match) -> bool:
    """`وأعلنت الوزارة مقتل سبعة من عسكرييها`: deaths told with no blow of their own, and not
    as what fighting answered or followed (`ردا على مقتل جندي`, `جاءت العملية بعد مقتل`)."""
    before = item.tokens[max(0, cue.first_token - ANSWERED_TOKENS) : cue.first_token]
    return (
        cue.first_token == cue.last_token
        and form_in(item.tokens[cue.first_token].text, CASUALTY_WORDS)
        and not any(form_in(token.text, ANSWERED_WORDS) for token in before)
        and not after_temporal_word(item, cue)
    )


def frame_points_back(item: ParsedSentence, frame: Match) -> bool:
    """`في ختامه`, `خلالها`: a frame word with a pronoun names the setting told before. No frame
    word ends in `ه` itself, so a final `ه` here is the pronoun, where on a noun it is as often
    the normalised `ة`."""
    word = item.tokens[frame.last_token].text
    return frame.kind == "frame" and word.endswith(("ه", *POSSESSIVE_SUFFIXES))


def denial_by_office(item: ParsedSentence, cue: Match) -> bool:
    """`ونفت وزارة الدفاع الأرمينية اليوم الرواية الأذربيجانية`: an office denying something
    makes a statement (what it denies is denied all the same)."""
    following = cue.last_token + 1
    return (
        cue.kind == "status"
        and cue.value == "denied"
        and following < len(item.tokens)
        and form_in(item.tokens[following].text, OFFICE_WORDS)
    )


def told_again(item: ParsedSentence, trigger: Match) -> bool:
    """`وجاء الاجتماع بعد أن اتفق`, `ويأتي اللقاء بعد القمة`: the report's own event, named
    again to time it against another; not a new event, and not the one its people belong to."""
    if trigger.first_token == 0 or not refers_back(item, trigger):
        return False
    return form_in(item.tokens[trigger.first_token - 1].text, CAME_WORDS)


def _joint(item: ParsedSentence, trigger: Match) -> bool:
    """`بيان مشترك`: a document of several parties, issued when it is told."""
    words = item.tokens[trigger.first_token : trigger.last_token + 1]
    return any(form_in(token.text, JOINT_WORDS) for token in words)


def one_partys_statement(item: ParsedSentence, trigger: Match) -> bool:
    """`أصدرت الخارجية بيانا اليوم`: a bare `بيان` that nobody signed, adopted or concluded is
    one party's statement; only a statement adopted by several is an agreement."""
    nouns = item.tokens[trigger.first_token : trigger.last_token + 1]
    return (
        trigger.value == "agreement"
        and all(token.text in STATEMENT_NOUNS for token in nouns)  # not `البيان`, `ببيان`
        and not any(cue.kind == "concluded" for cue in item.cues)
    )


def anniversary_of(item: ParsedSentence, trigger: Match) -> bool:
    """`بمناسبة مرور عام على توقيع البيان`: the event named is the one recalled, and the
    dates around are the anniversary's."""
    return any(
        cue.kind == "anniversary" and 0 < trigger.first_token - cue.last_token <= ANNIVERSARY_TOKENS
        for cue in item.cues
    )


def concluded(item: ParsedSentence, trigger: Match, acts_only: bool = False) -> bool:
    """An agreement is an event only when signed, adopted or dated, not when merely discussed:
    a signing word in its clause (`وقّع ... اليوم ... إعلانا`, `البيان الذي وقعه`), or a date
    right after it."""
    if not acts_only and any(0 <= e.start - trigger.end <= AFTER_DATE_CHARS for e in item.dates):
        return True
    if (
        not acts_only
        and _joint(item, trigger)
        and any(0 <= trigger.start - e.end <= JOINT_DATE_CHARS for e in item.dates)
    ):
        return True  # `أعلن المكتبان، اليوم الخميس، في بيان مشترك`: issued that day
    for cue in item.cues:
        if cue.kind == "accord" and 0 < trigger.first_token - cue.last_token <= ACCORD_GAP_TOKENS:
            return True  # `اتفقتا على وقف إطلاق النار`: what the parties agreed on
        if cue.kind != "concluded" or (acts_only and cue.value != "act"):
            continue
        distance = trigger.first_token - cue.first_token
        if 0 <= distance <= CONCLUDED_BEFORE_TOKENS or 0 < -distance <= CONCLUDED_AFTER_TOKENS:
            return True
    return False
