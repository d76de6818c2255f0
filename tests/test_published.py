"""Publication dates: stated in a dateline, or inferred from weekdays and other dates."""

import datetime as dt

from newsdesk.arabic import normalize
from newsdesk.dates import find_dates
from newsdesk.published import infer_date, stated_date


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
