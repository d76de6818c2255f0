"""Publication dates: stated in a dateline, or inferred from weekdays and other dates."""

import datetime as dt

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.date_phrases import find_dates
from newsdesk.pipeline.publication_date import anniversaries, infer_date, stated_date


def head(*lines: str):
    return [(normalize(line), find_dates(normalize(line))) for line in lines]


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
    exprs = find_dates(normalize(text))
    assert infer_date(exprs) == dt.date(2022, 4, 9)


def test_inferred_without_weekday_is_the_latest_full_date():
    exprs = find_dates(normalize("نقل المكتب في 11 يونيو 2021 نص الرسالة بعد بيان 10 نوفمبر 2020"))
    assert infer_date(exprs) == dt.date(2021, 6, 11)


def test_no_dates_no_publication_date():
    assert infer_date(find_dates(normalize("قال الرئيس إن السلام ممكن"))) is None


def test_weekday_next_to_a_yearless_date_pins_the_year_without_any_year_in_text():
    text = "قال المتحدث اليوم الجمعة إن الوزيرين التقيا يوم الأحد 14 مايو في بروكسل."
    assert infer_date(find_dates(normalize(text))) == dt.date(2023, 5, 19)


def test_yesterday_with_weekday_and_date_fixes_publication_to_the_next_day():
    text = "وكانت المواجهات قد اندلعت يوم أمس الثلاثاء، 16 نوفمبر، قرب الحدود بعد حرب 2020."
    assert infer_date(find_dates(normalize(text))) == dt.date(2021, 11, 17)


def test_anniversary_wording_puts_publication_a_year_after_the_dated_event():
    text = (
        "قال المتحدث اليوم الثلاثاء بمناسبة مرور عام على توقيع البيان إن لا قمة مقررة. "
        "وكان البيان قد وقع ليلة 9 تشرين الثاني/نوفمبر 2020، والتقى القادة في 11 كانون الثاني الماضي."
    )
    norm = normalize(text)
    assert infer_date(find_dates(norm), anniversaries(norm)) == dt.date(2021, 11, 9)


def test_garbled_dateline_is_read_in_the_month_that_fits_todays_weekday():
    lines = head("موسكو، 11 كانون الأول/يناير 2021 — استضاف الرئيس اليوم الاثنين ضيفيه")
    exprs = [expr for _, found in lines for expr in found]
    assert stated_date(lines, exprs) == dt.date(2021, 1, 11)
