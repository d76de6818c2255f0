"""Date expressions in both month systems, both digit systems, and relative to publication."""

import datetime as dt

import pytest

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.date_phrases import find_dates
from newsdesk.pipeline.date_resolution import resolve

PUBLISHED = dt.date(2023, 4, 15)  # a Saturday


def read(text: str, published: dt.date | None = PUBLISHED, context_year: int | None = None):
    exprs = find_dates(normalize(text))
    return [
        [
            (r.date.isoformat(), r.precision, sorted(r.flags))
            for r in resolve(e, published, context_year)
        ]
        for e in exprs
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اجتمع الوزيران في 3 شباط 2022 في جنيف", ("2022-02-03", "day")),
        ("وقعت الوثيقة يوم 14 ديسمبر 2021", ("2021-12-14", "day")),
        ("أعلنت الوكالة في ١٩ سبتمبر ٢٠٢٣ بدء العملية", ("2023-09-19", "day")),
        ("جرى الاتصال في 5 تشرين الأول/أكتوبر 2022", ("2022-10-05", "day")),
        ("في 22 أيار/مايو 2022 عقد لقاء", ("2022-05-22", "day")),
        ("في الثاني عشر من تموز/يوليو 2023", ("2023-07-12", "day")),
        ("خلال شهر آب 2024 تواصلت المفاوضات", ("2024-08-01", "month")),
        ("في أكتوبر 2020 اشتد القتال", ("2020-10-01", "month")),
        ("اندلعت المواجهات عام 2016", ("2016-01-01", "year")),
        ("التقى الوزيران في الـ18 من تشرين الأول 2020", ("2020-10-18", "day")),
        ("في أوائل آذار 2021 بدأت المحادثات", ("2021-03-05", "week")),
        ("جرى الاتصال في 7 من آذار 2021", ("2021-03-07", "day")),
        ("وقعت الاتفاقية في 5 كانون 2 2021", ("2021-01-05", "day")),
        ("عقدت القمة في 12 تشرين 1 2020", ("2020-10-12", "day")),
    ],
)
def test_absolute_dates(text, expected):
    (first,) = read(text)
    assert first[0][:2] == expected


def test_combined_months_that_agree_are_one_date_without_flag():
    assert read("في 9 تشرين الثاني/نوفمبر 2020") == [[("2020-11-09", "day", [])]]


def test_garbled_combined_month_gives_both_candidates_western_first():
    (candidates,) = read("في 11 كانون الأول/يناير 2021")
    assert candidates == [
        ("2021-01-11", "day", ["garbled_month"]),
        ("2021-12-11", "day", ["garbled_month"]),
    ]


def test_a_second_month_name_in_brackets_keeps_the_year_after_it():
    """`10 نوفمبر (تشرين الثاني) 2020`, as Asharq Al-Awsat writes dates."""
    (candidates,) = read("في 10 نوفمبر (تشرين الثاني) 2020 وقع القادة")
    assert candidates[0][:2] == ("2020-11-10", "day")


def test_list_of_dates_shares_the_year_written_at_its_end():
    result = read("في 3 آذار و17 نيسان 2022")
    assert [c[0][0] for c in result] == ["2022-03-03", "2022-04-17"]
    assert all(not c[0][2] for c in result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال اليوم السبت إن", ("2023-04-15", "day")),
        ("أعلن يوم أمس الجمعة أن", ("2023-04-14", "day")),
        ("جرى أمس الاتصال", ("2023-04-14", "day")),
        ("التقيا قبل اسبوعين في", ("2023-04-01", "week")),
        ("قبل أسبوع", ("2023-04-08", "week")),
        ("قبل ثلاثة أيام", ("2023-04-12", "day")),
        ("في منتصف مارس الماضي", ("2023-03-15", "week")),
        ("في نهاية شهر يناير الماضي", ("2023-01-25", "week")),
        ("مطلع الشهر الجاري", ("2023-04-05", "week")),
        ("الشهر الماضي", ("2023-03-01", "month")),
        ("في وقت سابق من هذا الشهر", ("2023-04-01", "month")),
        ("العام الماضي", ("2022-01-01", "year")),
        ("في السادس من نيسان/أبريل الجاري", ("2023-04-06", "day")),
        ("ويوم الأربعاء أعلن", ("2023-04-12", "day")),
        ("في ديسمبر الماضي", ("2022-12-01", "month")),
        ("في 13 من الشهر ذاته", ("2023-04-13", "day")),
        ("في العاشر من تشرين الثاني من العام الماضي", ("2022-11-10", "day")),
        ("الصادر قبل أحد عشر يوما", ("2023-04-04", "day")),
        ("يوم 10 من نفس الشهر", ("2023-04-10", "day")),
    ],
)
def test_relative_dates(text, expected):
    (first,) = read(text)
    assert first[0][:2] == expected


def test_month_without_year_takes_context_year_and_is_flagged():
    (candidates,) = read("في 9 نوفمبر/تشرين الثاني وقع القادة", context_year=2020)
    assert candidates == [("2020-11-09", "day", ["inferred_year"])]


def test_month_without_year_or_context_is_the_latest_before_publication():
    (candidates,) = read("في 20 آب جرى", published=dt.date(2023, 3, 1))
    assert candidates == [("2022-08-20", "day", ["inferred_year"])]


def test_plain_words_are_not_dates():
    assert read("قال الأب إن الحرب مأساة وإن اليوميات تتكرر") == []


def test_a_street_named_after_a_day_is_no_date():
    assert read("ألقى كلمة في الحديقة الواقعة على جادة 8 نوفمبر وسط العاصمة") == []
    assert read("تجمع المحتجون في ميدان 27 سبتمبر") == []


def test_weekday_beside_a_date_without_year_resolves_to_the_year_it_falls_on_that_day():
    (candidates,) = [
        resolve(e, dt.date(2023, 9, 21))
        for e in find_dates(normalize("أطلقت عملية يوم الثلاثاء 19 أيلول"))
        if e.kind == "absolute"
    ]
    assert [(r.date.isoformat(), sorted(r.flags)) for r in candidates] == [("2023-09-19", [])]


PUBLISHED = dt.date(2023, 6, 20)


def _spans(text: str) -> list[tuple[dt.date, dt.date | None]]:
    return [
        (r.date, r.end) for expr in find_dates(normalize(text)) for r in resolve(expr, PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جرت المفاوضات من 2 إلى 5 حزيران/يونيو 2023", (dt.date(2023, 6, 2), dt.date(2023, 6, 5))),
        ("استمرت المحادثات يومي 8 و9 يونيو 2023", (dt.date(2023, 6, 8), dt.date(2023, 6, 9))),
        ("عقدت الجولة بين ٣ و٦ أيار ٢٠٢٣", (dt.date(2023, 5, 3), dt.date(2023, 5, 6))),
        ("الجولة الثالثة 11-14 نيسان/أبريل 2023", (dt.date(2023, 4, 11), dt.date(2023, 4, 14))),
        (
            "دارت المعارك من 28 كانون الأول/ديسمبر حتى 3 كانون الثاني/يناير 2023",
            (dt.date(2022, 12, 28), dt.date(2023, 1, 3)),
        ),
        (
            "القتال من 19 آذار/مارس إلى 2 أيار/مايو 2023",
            (dt.date(2023, 3, 19), dt.date(2023, 5, 2)),
        ),
    ],
)
def test_a_range_of_days_starts_on_its_first_day_and_keeps_its_last(text, expected):
    assert _spans(text) == [expected]


def test_days_joined_by_and_alone_stay_separate_dates():
    """`في 5 و6 حزيران` may be two calls on two days: no range without `يومي`/`بين`."""
    assert all(end is None for _, end in _spans("تحدثا في 5 و6 حزيران/يونيو 2023"))
    # and a list of full dates is still a list
    listed = _spans("في 9 نوفمبر 2020 و11 يناير 2021")
    assert listed == [(dt.date(2020, 11, 9), None), (dt.date(2021, 1, 11), None)]


@pytest.mark.parametrize(
    ("text", "context_year", "expected"),
    [
        ("وقع البيان في 9 تشرين الثاني/نوفمبر 2020", None, [("2020-11-09", "day", [])]),
        ("تواصل القتال في أيلول/سبتمبر 2020", None, [("2020-09-01", "month", [])]),
        ("التقيا في 22 نيسان", None, []),
        ("التقيا في 22 نيسان", 2021, [("2021-04-22", "day", ["inferred_year"])]),
        ("التقيا في 22 نيسان الماضي", 2021, []),
        ("التقيا أمس الأحد", None, []),
        ("التقيا الشهر الماضي", None, []),
        ("التقيا يوم الأربعاء الماضي", None, []),
        ("اندلعت المواجهات عام 2016", None, []),
    ],
)
def test_without_a_publication_date_only_dates_with_their_year_resolve(
    text, context_year, expected
):
    (candidates,) = read(text, published=None, context_year=context_year)
    assert candidates == expected


def test_days_counted_after_the_word_after_are_a_length_of_time_not_a_date():
    assert read("حرر أراضيه بعد 44 يوما من القتال") == []
