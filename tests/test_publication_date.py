"""Publication dates: stated in a dateline, or inferred where the text pins the day, and
otherwise absent with a reason. The sentences are written for these tests."""

import datetime as dt
import re

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.date_context import date_contexts
from newsdesk.pipeline.date_phrases import find_dates
from newsdesk.pipeline.publication_clues import Clue, current_month_ahead
from newsdesk.pipeline.publication_date import (
    NO_CLUE,
    NO_WEEKDAY,
    Publication,
    anniversaries,
    infer_date,
    stated_date,
)


def head(*lines: str):
    return [(normalize(line), find_dates(normalize(line))) for line in lines]


def inferred(text: str) -> Publication:
    """The inference over a text's sentences, as the extraction runs it."""
    sentences = [normalize(s) for s in re.split(r"(?<=\.)\s+", text) if s]
    parsed = [(norm, find_dates(norm)) for norm in sentences]
    return infer_date(parsed, anniversaries(" ".join(sentences)))


def test_dateline_with_city():
    lines = head("عنوان الخبر", "باكو، 14 ديسمبر 2021 — أعلن الرئيس")
    assert stated_date(lines) == dt.date(2021, 12, 14)


def test_date_alone_on_a_line():
    assert stated_date(head("عنوان", "٥ أكتوبر ٢٠٢٣")) == dt.date(2023, 10, 5)


def test_agency_parenthesis():
    lines = head("(يريفان - وكالة الأنباء - 3 أيار/مايو 2022) قال الوزير")
    assert stated_date(lines) == dt.date(2022, 5, 3)


def test_event_date_inside_a_sentence_is_not_a_dateline():
    lines = head("وأشار الوزير إلى أن الاتفاق وقع في 10 نوفمبر 2020 بعد أسابيع")
    assert stated_date(lines) is None


def test_inferred_from_weekday_month_and_a_coinciding_wednesday():
    text = (
        "أجرى الرئيس اليوم السبت اتصالا بعد محادثات في السادس من نيسان الجاري. "
        "ويوم الأربعاء أعلن المجلس النتائج. وذكر بالاتفاق الموقع في 26 يناير 2021."
    )
    assert inferred(text) == Publication(dt.date(2022, 4, 9), "inferred")


def test_the_latest_full_date_alone_does_not_date_the_report():
    text = "نقل المكتب في 11 يونيو 2021 نص الرسالة بعد بيان 10 نوفمبر 2020."
    assert inferred(text) == Publication(None, "", NO_CLUE)


def test_no_dates_no_publication_date():
    assert inferred("قال الرئيس إن السلام ممكن.").date is None


def test_weekday_next_to_a_yearless_date_pins_the_year_without_any_year_in_text():
    text = "قال المتحدث اليوم الجمعة إن الوزيرين التقيا يوم الأحد 14 مايو في بروكسل."
    assert inferred(text).date == dt.date(2023, 5, 19)


def test_yesterday_with_weekday_and_date_fixes_publication_to_the_next_day():
    text = "وكانت المواجهات قد اندلعت يوم أمس الثلاثاء، 16 نوفمبر، قرب الحدود بعد حرب 2020."
    assert inferred(text).date == dt.date(2021, 11, 17)


def test_anniversary_wording_puts_publication_a_year_after_the_dated_event():
    text = (
        "قال المتحدث اليوم الثلاثاء بمناسبة مرور عام على توقيع البيان إن لا قمة مقررة. "
        "وكان البيان قد وقع ليلة 9 تشرين الثاني/نوفمبر 2020، والتقى القادة في 11 كانون الثاني الماضي."
    )
    assert inferred(text).date == dt.date(2021, 11, 9)


def test_a_report_timed_a_week_after_an_anniversary_is_not_dated_on_it():
    """9 Nov 2021, the anniversary, was a Tuesday too: a tie to it would date the report a week
    early; with nothing else pinning the day the report stays undated."""
    text = (
        "اندلعت اشتباكات عنيفة اليوم الثلاثاء على الحدود، وبعد أسبوع من الذكرى الأولى لتوقيع "
        "البيان. ويلتزم الطرفان منذ البيان الموقع في 9 تشرين الثاني 2020 بوقف القتال."
    )
    assert inferred(text).date is None


def test_a_background_year_and_since_1991_do_not_anchor_the_date():
    text = (
        "قال وزير الخارجية اليوم الأربعاء إن بلاده لن تتنازل عن أراضيها. "
        "ويتنازع البلدان على الإقليم منذ عام 1991، وتربط أحدهما بموسكو معاهدة وقعت عام 1997. "
        "وتعد هذه المواجهات الأعنف منذ توقيع الهدنة في 12 أيار/مايو 1994."
    )
    assert inferred(text) == Publication(None, "", NO_CLUE)


def test_a_future_deadline_does_not_anchor_the_date():
    text = (
        "أعلن الوسطاء اليوم الخميس أن على الطرفين سحب قواتهما من خط التماس "
        "بحلول 30 حزيران/يونيو 2025."
    )
    assert inferred(text).date is None


def test_a_weekday_beside_a_dated_event_last_week_pins_the_day():
    text = (
        "قال المتحدث باسم الوزارة اليوم الخميس إن المفاوضات ستستأنف قريبا. "
        "وكان الوزيران قد التقيا يوم الاثنين الماضي، 8 شباط/فبراير 2021، في جنيف."
    )
    assert inferred(text) == Publication(dt.date(2021, 2, 11), "inferred")


def test_a_month_called_current_with_a_weekday_falling_on_its_date_pins_the_day():
    text = (
        "أعلنت الوزارة اليوم الجمعة أن لجنة الحدود عقدت يوم الثلاثاء اجتماعها الأول "
        "في الثاني والعشرين من آذار الجاري."
    )
    assert inferred(text) == Publication(dt.date(2022, 3, 25), "inferred")


def test_a_day_outside_the_years_the_text_reports_on_is_refused():
    text = (
        "قال المتحدث اليوم الاثنين إن الهدنة التي أعلنت مساء أمس الأحد، 25 تشرين الأول، صمدت. "
        "وكان الطرفان قد التقيا في 3 آذار/مارس 2017 في فيينا."
    )
    publication = inferred(text)
    assert publication.date is None
    assert "2020-10-26" in publication.reason and "outside the years" in publication.reason


def test_a_month_that_fits_several_weeks_leaves_the_date_absent():
    text = "قال الوزير اليوم الأحد إن اللجنة اجتمعت في العاشر من أيار الجاري في جنيف."
    publication = inferred(text)
    assert publication.date is None and "several days" in publication.reason


def test_a_yearless_date_told_as_done_is_not_after_the_report():
    text = (
        "دخلت القوات اليوم الأربعاء المنطقة بعد انسحاب الطرف الآخر منها في 25 تشرين الثاني. "
        "وكان المتحدث قد أعلن يوم الأحد، 15 تشرين الثاني، تمديد المهلة."
    )
    assert inferred(text).date == dt.date(2020, 11, 25)


def test_a_date_in_a_headline_is_not_a_dateline():
    assert stated_date(head("علييف: لن ننسى 27 أيلول 2020 أبدا")) is None


def test_a_weekday_and_a_date_alone_on_a_line_are_a_dateline():
    assert stated_date(head("عنوان", "الاثنين 20 أيار/مايو 2024")) == dt.date(2024, 5, 20)


def test_garbled_dateline_is_read_in_the_month_that_fits_todays_weekday():
    lines = head("موسكو، 11 كانون الأول/يناير 2021 — استضاف الرئيس اليوم الاثنين ضيفيه")
    exprs = [expr for _, found in lines for expr in found]
    assert stated_date(lines, exprs) == dt.date(2021, 1, 11)


def test_a_weekday_on_a_planned_date_does_not_pick_the_year():
    """Wednesday falls on the planned 20 November in one year only: that says nothing of when
    the report was written, since the Wednesday told is the day of remarks, not of the plan."""
    text = (
        "أعلنت الوزارة أمس الخميس أن باكو لن تشارك في الاجتماع الذي كان مقررا في العشرين من "
        "تشرين الثاني الجاري. وربطت قرارها بتصريحات أدلى بها مسؤول أمريكي الأربعاء."
    )
    found = inferred(text)
    assert found.date is None, found


def test_a_date_told_with_a_future_verb_is_ahead_of_the_report_not_behind_it():
    """Monday 2 November 2020 would follow the meeting `سيجتمع` puts on Thursday 29 October."""
    text = "دخلت الهدنة حيز التنفيذ اليوم الاثنين. وسيجتمع الوزيران يوم الخميس 29 تشرين الأول 2020."
    assert inferred(text).date != dt.date(2020, 11, 2)


def test_a_day_of_the_current_month_told_as_past_is_not_ahead_of_the_report():
    norm = normalize("بعد هدنتين أعلنتا في العاشر والسابع عشر من الشهر الجاري وانهارتا سريعا")
    exprs = find_dates(norm)
    clues = [Clue(e, c) for e, c in zip(exprs, date_contexts(norm, exprs), strict=True)]
    assert not current_month_ahead(clues, dt.date(2020, 10, 26))
    assert current_month_ahead(clues, dt.date(2020, 11, 2))


def test_without_a_weekday_for_today_the_text_dates_no_report():
    """Spans alone (`بعد يومين من`, the rest of a month) leave days open; a wrong date is worse
    than none, so only a weekday for today or yesterday pins one."""
    text = "التقى الوزيران في موسكو. ويأتي اللقاء بعد يومين من اشتباك وقع في 13 شباط 2024."
    assert inferred(text) == Publication(None, "", NO_WEEKDAY)
