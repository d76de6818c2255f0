"""Which sayings are news: a verb of saying or a channel (`قال`, `في بيان`, `في تغريدة`) makes a
statement of the day only with its own day told before what is said, and not when what it
announces is itself the news (an agreement reached, fighting or casualties an office reports).
"""

from __future__ import annotations

from newsdesk.contract.event_types import types_where
from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.extraction.parse import ParsedSentence
from newsdesk.pipeline.extraction.who import THAT
from newsdesk.pipeline.gazetteer import Match

RECALLED_DATE_CHARS = 30  # `البيان الثلاثي الصادر في 9 نوفمبر 2020`
SPEECH_DATE_CHARS = 60  # `قال رئيس الوزراء الأرميني نيكول باشينيان، اليوم`
# what an announcement announces, when it names it
TOLD_NEWS = types_where(lambda facts: facts.violent) | {"agreement"}


def speech_news(item: ParsedSentence, cue: Match) -> bool:
    """`قال باشينيان اليوم إن`: saying is news of its own, unless what is said is an agreement
    (`أعلنتا التوصل إلى هدنة`), which the report is about, or fighting and casualties told by
    nobody named (`أعلنت الوزارة مقتل جنديين`: see `told_violence`); remarks on talks fold
    into the talks later (`_absorb_remarks`)."""
    return cue.kind == "speech" and not any(
        other.kind == "type" and other.value == "agreement" and not _recalled(item, other)
        for other in item.cues
    )


def _recalled(item: ParsedSentence, agreement: Match) -> bool:
    """`انتهكت أحكام البيان الثلاثي الصادر في 9 نوفمبر 2020`: a document named with the year
    it was issued is recalled, not announced."""
    return any(
        expr.year is not None and 0 <= expr.start - agreement.end <= RECALLED_DATE_CHARS
        for expr in item.dates
    )


def told_violence(item: ParsedSentence, trigger: Match, people: list[str]) -> bool:
    """`أعلنت وزارة الدفاع مقتل جنديين`: an office telling fighting, casualties or an agreement
    reached tells that, which is the news; a leader saying it (`قال باشينيان اليوم إن 49 جنديا
    قتلوا`) makes a statement beside it, and so does an office saying a recalled document was
    breached (`أعلنت الوزارة أن القوات انتهكت البيان الصادر في 9 نوفمبر 2020`)."""
    return (
        trigger.kind == "speech"
        and not people
        and any(
            other.kind == "type"
            and other.value in TOLD_NEWS
            and not (other.value == "agreement" and _recalled(item, other))
            for other in item.cues
        )
    )


def dated_speech(item: ParsedSentence, trigger: Match, dates: list[DateExpr]) -> bool:
    """A verb of saying is a statement only with its own day right after it (`قال ...، اليوم
    الأربعاء، إن`), the wire reports' way of telling the day's statements; a day in what is
    said (`قالت الوزارة إن الوحدات دخلت القرية يوم الخميس`) is that of what it tells."""
    said = next(
        (t.start for t in item.tokens if t.start >= trigger.end and t.text in THAT),
        len(item.sentence.norm),
    )
    return any(
        0 <= expr.start - trigger.end <= SPEECH_DATE_CHARS and expr.start < said for expr in dates
    )
