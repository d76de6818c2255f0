"""What the words before a date say about it (data/lexicon/date_context.csv). The sentences are
written for these tests."""

import pytest

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.date_context import date_contexts
from newsdesk.pipeline.date_phrases import find_dates


def contexts(text: str) -> list[tuple[str, int]]:
    norm = normalize(text)
    exprs = [e for e in find_dates(norm) if e.kind in {"absolute", "year"}]
    return [(c.kind, c.days) for c in date_contexts(norm, exprs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وساد هدوء حذر منذ توقيع الهدنة في 12 أيار/مايو 1994", [("history", 0)]),
        ("وترتبط الدولتان بمعاهدة تعود إلى عام 1997", [("history", 0)]),
        ("في خرق للبيان المؤرخ 9 تشرين الثاني/نوفمبر 2020", [("document", 0)]),
        ("على أن تنسحب القوات بحلول 30 حزيران/يونيو 2025", [("future", 0)]),
        ("وتبقى القاعدة سارية حتى عام 2044", [("future", 0)]),
        ("ويأتي ذلك بعد أقل من أسبوع على اتفاق وقع في 20 أيلول 2023", [("near", 7)]),
        ("التقى الوزيران في جنيف في 3 شباط/فبراير 2021", [("", 0)]),
    ],
)
def test_the_words_before_a_date_say_what_it_is(text, expected):
    assert contexts(text) == expected


def test_near_tells_the_reports_time_only_in_a_clause_about_its_news():
    text = "وسقطت قذائف على المدينة بعد أيام من اندلاع المعارك في 27 أيلول 2020"
    assert contexts(text) == [("", 0)]


def test_a_word_too_far_from_its_date_or_behind_a_comma_does_not_reach_it():
    assert contexts("قال منذ البداية إن الطرفين اتفقا لاحقا على وقف القتال في 5 أيار 2021") == [
        ("", 0)
    ]
    assert contexts("ويتواصل القتال منذ أيام، وفي 5 تشرين الأول 2020 قصفت المدينة") == [("", 0)]
