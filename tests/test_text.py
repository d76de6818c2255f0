"""Debris removal, sentence offsets and normalisation keep pointing at the original text."""

from newsdesk.language.arabic import normalize
from newsdesk.language.dates import format_date
from newsdesk.pipeline.text import split_article

ARTICLE = (
    "scroll to top\n"
    "وزير يزور العاصمة\n"
    "وزير يزور العاصمة\n"
    "58231.png\n"
    "زار الوزير العاصمةَ اليوم. وبحث مع نظيره الملفات!\n"
    "(تستمر)\n"
    "المصدر: وكالة ما\n"
)


def test_debris_and_repeated_title_are_dropped_and_offsets_point_into_the_original():
    article = split_article("a1", "a1.txt", ARTICLE)
    texts = [ARTICLE[s.start : s.end] for s in article.sentences]
    assert texts == ["وزير يزور العاصمة", "زار الوزير العاصمةَ اليوم.", "وبحث مع نظيره الملفات!"]


def test_normalisation_folds_spelling_variants():
    assert normalize("إلهام") == normalize("الهام")
    assert normalize("قرة باغ") == normalize("قره باغ")
    assert normalize("بـوتـين") == "بوتين"
    assert normalize("أكّد") == "اكد"
    assert normalize("٢٠٢٣") == "2023"
    assert normalize("على") == normalize("علي")


def test_date_formatting_never_shows_a_false_day():
    import datetime as dt

    assert format_date(dt.date(2023, 3, 15), "week", "en") == "mid-March 2023"
    assert format_date(dt.date(2023, 3, 15), "week", "ar") == "منتصف آذار/مارس 2023"
    assert format_date(dt.date(2023, 3, 1), "month", "en") == "March 2023"
    assert format_date(dt.date(2020, 11, 10), "day", "en", (dt.date(2020, 11, 9),)) == (
        "9 or 10 November 2020"
    )
    assert format_date(dt.date(2021, 5, 27), "week", "en") == "late May 2021"
