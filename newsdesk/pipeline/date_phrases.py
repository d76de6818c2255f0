"""Finding date phrases in normalised Arabic sentences, kept apart from resolving them.

Finding must not depend on the publication date: the publication date is itself inferred from
the phrases found (`newsdesk.pipeline.publication_date`). A phrase is kept as written, with both
months when the Levantine and Western names disagree (`11 كانون الاول/يناير`), so the
resolution can flag the conflict instead of choosing silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from newsdesk.language.arabic import normalize
from newsdesk.language.lexicon import read_lexicon
from newsdesk.language.word_classes import valued, words

_ORDINALS = {word: int(day) for word, day in valued("ordinal").items()}
_PARTS = valued("month_part")
_YEAR_WORDS = {word: int(shift) for word, shift in valued("relative_word").items()}
# `قبل يومين`: a count and its unit; `some` (`قبل أيام`) gives no date
_COUNT_WORDS = {
    word: (None if amount == "some" else int(amount), unit)
    for word, (amount, unit) in ((w, v.split()) for w, v in valued("count_word").items())
}
# `بعد 44 يوما من القتال`: after بعد, these count a length of time, not days from another event
DURATION_UNITS = words("duration_unit")
_NUMBER_WORDS = {word: int(number) for word, number in valued("number_word").items()}
# `صباح اليوم`, `في وقت سابق من اليوم`: a time of this very day, never "nowadays"
_HOURS = words("hour_of_today")
_PLACE_NAME_WORDS = words("date_named_place")


@dataclass(frozen=True)
class DateExpr:
    """A date expression as written; `months` holds two values when the two systems disagree."""

    start: int
    end: int
    kind: str  # absolute, year, today, yesterday, weekday, ago, rel_month, rel_year, rel_week
    day: int | None = None
    months: tuple[int, ...] = ()
    year: int | None = None
    year_shift: int | None = None
    part: str | None = None
    weekday: int | None = None
    amount: int = 0
    unit: str = ""
    pinned_offset: int | None = None  # days from publication, when tied to اليوم/أمس
    weekday_shift: int = 0  # -1 `الأحد الماضي، 14 مايو`, +1 `الأحد المقبل، 14 مايو`, 0 bare
    until: DateExpr | None = None  # the last day of a range (`من 1 إلى 4 أيار`), if one
    hour: bool = False  # `صباح اليوم`: a time of the day itself, so surely the day
    anchored: bool = False  # `بعد يومين من X`: counted back from the news, X's date only
    same_month: bool = False  # `في 13 من الشهر ذاته`: a day of the month the text told last

    @property
    def garbled(self) -> bool:
        return len(set(self.months)) > 1


@cache
def _month_names() -> tuple[tuple[str, int, str], ...]:
    rows = [
        (normalize(r["name_ar"]), int(r["month"]), r["system"]) for r in read_lexicon("months.csv")
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _weekday_names() -> dict[str, int]:
    return {normalize(r["name_ar"]): int(r["weekday"]) for r in read_lexicon("weekdays.csv")}


def _alt(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = _alt(name for name, _, _ in _month_names())
    weekday = _alt(_weekday_names())
    ordinal = _alt(_ORDINALS)
    part = _alt(_PARTS)
    yearword = _alt(_YEAR_WORDS)
    count = _alt(_COUNT_WORDS)
    number = _alt(_NUMBER_WORDS)
    hour = _alt(_HOURS)
    pre = r"(?<![\w])(?:[وفب]|ل)?"
    absolute = (
        rf"{pre}(?:(?P<part>{part})\s+(?:شهر\s+)?)?"
        # `18 تشرين`, `الـ18 من تشرين` (tatweel is gone after normalising), `الثامن عشر من`
        rf"(?:(?:ال)?(?P<day>\d{{1,2}})(?:\s+من)?|(?P<ord>{ordinal})\s+من)?\s*(?:(?:من\s+)?شهر\s+)?"
        # `نوفمبر/تشرين الثاني`, and `نوفمبر (تشرين الثاني) 2020` as Asharq Al-Awsat writes it
        rf"(?P<m1>{month})(?:\s*/\s*(?P<m2>{month})|\s*\(\s*(?P<m3>{month})\s*\))?"
        rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<year>(?:19|20)\d\d)(?:\s?[مء](?![\w]))?"
        rf"|\s+(?P<yw>{yearword})"
        # `في العاشر من تشرين الثاني من العام الماضي`: the year told relative to the report's
        rf"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yw2>{yearword}))?(?![\w])"
    )
    return {
        "absolute": re.compile(absolute),
        "year": re.compile(
            rf"{pre}(?:(?P<part>{part})\s+)?(?:(?:في|خلال)\s+)?(?:عام|العام|سنه|سنة)\s+(?P<year>(?:19|20)\d\d)(?![\w])"
        ),
        "today": re.compile(
            # not `في اليوم نفسه`, `في اليوم التالي` (days told against another event)
            rf"{pre}(?:(?P<hour>{hour})\s+)?"
            rf"(?P<w>اليوم|الليله|هذا اليوم)(?!\s+(?:نفسه|ذاته|التالي|السابق))"
            rf"(?:\s+(?P<wd>{weekday}))?(?![\w])"
        ),
        "yesterday": re.compile(
            rf"{pre}(?:يوم\s+)?(?P<w>امس|اول امس|اول من امس|البارحه|غدا|يوم غد)"
            rf"(?:\s+(?P<wd>{weekday}))?(?![\w])"
        ),
        "weekday": re.compile(
            rf"{pre}(?:يوم\s+)?(?P<wd>{weekday})(?:\s+(?P<dir>المقبل|القادم|الماضي))?(?![\w])"
        ),
        "ago": re.compile(
            rf"{pre}(?:قبل|منذ)\s+(?:(?P<num>\d+|{number})\s+)?(?P<unit>{count})(?![\w])"
        ),
        # `قبل يومين من توقيع البيان`: the event named next came that long after the one told
        "before_span": re.compile(
            rf"{pre}قبل\s+(?:(?P<num>\d+|{number})\s+)?(?P<unit>{count})(?:\s+واحد)?"
            rf"\s+من(?![\w])"
        ),
        # `غداة اعتقال`: the day after; `عشية القمة`: the eve of, as `بعد يوم من`/`قبل يوم من`
        "eve": re.compile(rf"{pre}(?P<w>غداه|عشيه)(?![\w])"),
        # `بعد يوم واحد من قصف`: the event named next came that long before the report's news
        "after_span": re.compile(
            rf"{pre}بعد\s+(?:(?P<num>\d+|{number})\s+)?(?P<unit>{count})(?:\s+واحد)?"
            rf"\s+(?:من|علي)(?![\w])"
        ),
        # `في 13 من الشهر ذاته`: the same month (`same`), the one the text told last
        "rel_day": re.compile(
            rf"{pre}(?:(?P<day>\d{{1,2}})|(?P<ord>{ordinal}))\s+(?:من\s+)?"
            rf"(?:الشهر\s+(?P<yw>{yearword})|هذا الشهر"
            rf"|(?P<same>الشهر\s+(?:ذاته|نفسه)|(?:ذات|نفس)\s+الشهر))(?![\w])"
        ),
        "rel_month": re.compile(
            rf"{pre}(?:(?P<part>{part})\s+|في وقت سابق من\s+)?"
            rf"(?:الشهر\s+(?P<yw>{yearword})|هذا الشهر)(?![\w])"
        ),
        "rel_year": re.compile(
            rf"{pre}(?:(?P<part>{part})\s+)?"
            rf"(?:(?:العام|السنه)\s+(?P<yw>{yearword})|هذا العام)(?![\w])"
        ),
        "rel_week": re.compile(rf"{pre}الاسبوع\s+(?P<yw>{yearword})(?![\w])"),
    }


def _month_number(name: str) -> int:
    for known, number, _system in _month_names():
        if known == name:
            return number
    raise KeyError(name)


def _western_month(m1: str, m2: str | None) -> int:
    """The month of the Western (Egyptian) name, preferred when two systems disagree."""
    for name in (m1, m2):
        if name is None:
            continue
        for known, number, system in _month_names():
            if known == name and system == "western":
                return number
    return _month_number(m1)


# A relative pattern can only match where one of its words occurs: most sentences are skipped
# with a substring test instead of a regex scan (the build runs these on every sentence).
_NEEDS: dict[str, tuple[str, ...]] = {
    "rel_day": ("الشهر",),
    "year": ("عام", "سنه", "سنة"),
    "today": ("اليوم", "الليله"),
    "yesterday": ("امس", "البارحه", "غد"),
    "ago": ("قبل", "منذ"),
    "after_span": ("بعد",),
    "before_span": ("قبل",),
    "eve": ("غداه", "عشيه"),
    "rel_month": ("الشهر",),
    "rel_year": ("العام", "السنه"),
    "rel_week": ("الاسبوع",),
}


def find_dates(norm: str) -> list[DateExpr]:
    """All date expressions in a normalised sentence, left to right, without overlaps."""
    patterns = _patterns()
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(expr: DateExpr) -> None:
        found.append(expr)
        taken.append((expr.start, expr.end))

    for match in patterns["absolute"].finditer(norm):
        m1, m2 = match.group("m1"), match.group("m2") or match.group("m3")
        if m1 == "اب" and not (match.group("day") or match.group("year") or m2):
            continue  # "اب" alone is the word "father" more often than August
        day = (
            int(match.group("day"))
            if match.group("day")
            else _ORDINALS.get(match.group("ord") or "")
        )
        if day is not None and not 1 <= day <= 31:
            continue
        if _names_a_place(norm, match.start()):
            continue  # `جادة 8 نوفمبر`: a street named after a day, not a date
        months = (_month_number(m1),) + ((_month_number(m2),) if m2 else ())
        if len(set(months)) > 1:
            western = _western_month(m1, m2)
            months = (western, *(m for m in months if m != western))
        else:
            months = months[:1]
        year = int(match.group("year")) if match.group("year") else None
        year_word = match.group("yw") or match.group("yw2")
        if year is None and day is None and not year_word and not match.group("part"):
            # a bare month name with nothing around it is too weak unless preceded by "في"/"خلال"
            before = norm[max(0, match.start() - 6) : match.start()]
            if not re.search(r"(في|خلال|منذ|حتي)\s*$", before):
                continue
        add(
            DateExpr(
                start=match.start(),
                end=match.end(),
                kind="absolute",
                day=day,
                months=months,
                year=year,
                year_shift=_YEAR_WORDS.get(year_word or ""),
                part=_PARTS.get(match.group("part") or ""),
            )
        )
    for kind in (
        "rel_day",
        "year",
        "today",
        "yesterday",
        "before_span",
        "eve",
        "ago",
        "after_span",
        "rel_month",
        "rel_year",
        "rel_week",
        "weekday",
    ):
        needs = _NEEDS.get(kind)
        if needs and not any(word in norm for word in needs):
            continue
        for match in patterns[kind].finditer(norm):
            if not free(match.start(), match.end()):
                continue
            groups = match.groupdict()
            expr = _relative(kind, match.start(), match.end(), groups)
            if expr is not None:
                add(expr)
    found.sort(key=lambda expr: expr.start)
    return _pin_weekdays(norm, _share_years(norm, _join_ranges(norm, found)))


# `من 1 إلى 4 أيار`, `1-4 أيار`, `يومي 12 و13 أيار`, `بين 3 و5 حزيران`: a bare first day
# before a full date. `و` alone would also join a list of separate days (`في 5 و6 أيار`), so
# it makes a range only after `يومي`/`بين`/`أيام`.
_DAY_RANGE = re.compile(
    r"(?:(?P<lead>يومي|بين|ايام|من)\s+)?(?P<first>\d{1,2})\s*(?P<link>الي|حتي|و|-|–)\s*$"
)
_RANGE_LINK = re.compile(r"\s*(?:الي|حتي|-|–)\s*")
_AND_LINK = re.compile(r"\s*و\s*")
_AND_LEADS = words("and_range_lead")


def _names_a_place(norm: str, start: int) -> bool:
    """The word before is a street, square or bridge, which the date names."""
    before = norm[:start].rstrip().rsplit(" ", 1)
    return before[-1] in _PLACE_NAME_WORDS


def _join_ranges(norm: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """Read a range of days as one expression that starts on its first day.

    Without this `من 1 إلى 4 أيار` dated the talks to the 4th, the day they ended. Two full
    dates joined by `إلى`/`حتى` (`من 27 أيلول إلى 10 تشرين الثاني 2020`), or by `و` after
    `بين`, become one expression whose `until` is the second; the first takes the second's
    year when it has none (a year earlier if its month comes later: December to January).
    """
    joined: list[DateExpr] = []
    for expr in exprs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == expr.kind == "absolute"
            and previous.until is None
            and _links(norm, previous, expr)
        ):
            year = previous.year
            if year is None and previous.year_shift is None and expr.year is not None:
                later = (previous.months[0], previous.day or 1) > (expr.months[0], expr.day or 1)
                year = expr.year - 1 if later else expr.year
            joined[-1] = replace(previous, end=expr.end, year=year, until=expr)
            continue
        if expr.kind == "absolute" and expr.day is not None:
            stop = expr.start + norm.startswith("و", expr.start)  # `و13 أيار` holds the `و`
            match = _DAY_RANGE.search(norm, max(0, expr.start - 16), stop)
            first = int(match.group("first")) if match else 0
            if (
                match
                and 1 <= first < expr.day
                and (match.group("link") != "و" or match.group("lead") in _AND_LEADS)
            ):
                joined.append(replace(expr, start=match.start("first"), day=first, until=expr))
                continue
        joined.append(expr)
    return joined


def _links(norm: str, first: DateExpr, second: DateExpr) -> bool:
    between = norm[first.end : second.start]
    if _RANGE_LINK.fullmatch(between):
        return True
    return bool(_AND_LINK.fullmatch(between)) and norm[: first.start].rstrip().endswith("بين")


def _pin_weekdays(norm: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """`يوم الثلاثاء 19 أيلول`: a weekday next to a date without a year says which year; with
    `الماضي` or `المقبل` (`يوم الخميس الماضي، 23 تشرين الثاني 2023`), also that the date is
    within the week before or after the report, whether or not it has a year."""
    pinned = list(exprs)
    for index, expr in enumerate(pinned):
        if expr.kind != "absolute" or expr.day is None:
            continue
        for other in exprs:
            if other.weekday is None or other.kind not in {"weekday", "today"}:
                continue
            gap = (
                norm[other.end : expr.start]
                if other.end <= expr.start
                else norm[expr.end : other.start]
            )
            if len(gap) <= 4 and re.fullmatch(r"[\s،,\-–]*", gap):
                offset = other.amount if other.kind == "today" else None
                shift = other.amount if other.kind == "weekday" else 0
                pinned[index] = replace(
                    expr, weekday=other.weekday, pinned_offset=offset, weekday_shift=shift
                )
                break
    return pinned


def _relative(kind: str, start: int, end: int, groups: dict) -> DateExpr | None:
    weekday = _weekday_names().get(groups.get("wd") or "")
    part = _PARTS.get(groups.get("part") or "")
    if kind == "year":
        return DateExpr(start, end, "year", year=int(groups["year"]), part=part)
    if kind == "today":
        return DateExpr(start, end, "today", weekday=weekday, hour=bool(groups.get("hour")))
    if kind == "yesterday":
        word = groups["w"]
        shift = {"امس": -1, "البارحه": -1, "اول امس": -2, "اول من امس": -2, "غدا": 1, "يوم غد": 1}
        return DateExpr(start, end, "today", weekday=weekday, amount=shift[word])
    if kind == "weekday":
        direction = {"المقبل": 1, "القادم": 1, "الماضي": -1}.get(groups.get("dir") or "", 0)
        return DateExpr(start, end, "weekday", weekday=weekday, amount=direction)
    if kind == "eve":  # the day after the event named next, or the day before it
        amount = 1 if groups["w"] == "غداه" else -1
        return DateExpr(start, end, "ago", amount=amount, unit="day", anchored=True)
    if kind in {"ago", "after_span", "before_span"}:
        if kind == "after_span" and groups["unit"] in DURATION_UNITS:
            return None  # `بعد 44 يوما من القتال`: after 44 days of fighting, a duration
        amount, unit = _COUNT_WORDS[groups["unit"]]
        if groups.get("num"):
            num = groups["num"]
            amount = int(num) if num.isdigit() else _NUMBER_WORDS[num]
        if amount is None:
            return None
        if kind == "before_span":  # counted on from the news told, not back from the report
            return DateExpr(start, end, "ago", amount=-amount, unit=unit, anchored=True)
        return DateExpr(start, end, "ago", amount=amount, unit=unit, anchored=kind == "after_span")
    shift = _YEAR_WORDS.get(groups.get("yw") or "", 0)
    if kind == "rel_day":
        day = int(groups["day"]) if groups.get("day") else _ORDINALS.get(groups.get("ord") or "")
        if day is None or not 1 <= day <= 31:
            return None
        same = bool(groups.get("same"))
        return DateExpr(start, end, "rel_day", day=day, year_shift=shift, same_month=same)
    if kind == "rel_month":
        return DateExpr(start, end, "rel_month", year_shift=shift, part=part)
    if kind == "rel_year":
        return DateExpr(start, end, "rel_year", year_shift=shift, part=part)
    if kind == "rel_week":
        return DateExpr(start, end, "rel_week", year_shift=shift)
    return None


def _share_years(norm: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """`9 نوفمبر 2020 و11 يناير و26 يناير 2021`: a list shares the year written at its end."""
    shared = list(exprs)
    for index in range(len(shared) - 2, -1, -1):
        expr, following = shared[index], shared[index + 1]
        if expr.kind != "absolute" or expr.year is not None or expr.year_shift is not None:
            continue
        if following.kind != "absolute" or following.year is None:
            continue
        between = norm[expr.end : following.start]
        if re.fullmatch(r"[\s،,و]*", between):
            shared[index] = replace(expr, year=following.year)
    return shared
