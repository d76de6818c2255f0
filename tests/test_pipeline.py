"""The pipeline end to end on small articles written for these tests (not corpus text)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from newsdesk.cli import main
from newsdesk.contract import schema
from newsdesk.pipeline.build import (
    event_rows,
    names_for,
    process_article,
    run_build,
    write_tables,
)
from newsdesk.pipeline.gazetteer import load_gazetteer
from newsdesk.pipeline.intake import read_file
from newsdesk.pipeline.merge import cluster_mentions, to_records

CALLS = """scroll to top
أردوغان وعلييف يبحثان الوضع في المنطقة
أنقرة، 3 أكتوبر 2020 — أجرى الرئيس التركي رجب طيب أردوغان اليوم السبت اتصالا هاتفيا مع نظيره الأذربيجاني إلهام علييف.
وتناول الاتصال التطورات الميدانية ووقف إطلاق النار.
وكان أردوغان قد التقى علييف في باكو في 25 شباط/فبراير 2020.
(تستمر)
"""

SEPARATE = """ماكرون يتصل بالزعيمين
أعلن قصر الإليزيه اليوم الثلاثاء أن الرئيس الفرنسي إيمانويل ماكرون تحدث، في اتصالين هاتفيين منفصلين، مع الرئيس الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان.
وبحث ماكرون مع الزعيمين ملف الأسرى وترسيم الحدود.
وتأتي الاتصالات بعد اجتماع في براغ يوم الخميس الماضي، السادس من تشرين الأول/أكتوبر الجاري.
يذكر أن مواجهات حدودية اندلعت بين البلدين في أيلول/سبتمبر 2022.
"""

PLANNED = """لقاء مرتقب في بروكسل
ذكرت مصادر دبلوماسية أن من المقرر أن يلتقي علييف وباشنيان في بروكسل في 14 ديسمبر 2021 بحضور رئيس المجلس الأوروبي شارل ميشيل.
ونفى الكرملين أن يكون بوتين قد تحدث هاتفيا مع باشينيان يوم 10 ديسمبر 2021.
وإذا نجح اللقاء فسيتم توقيع اتفاق جديد.
"""

SAME_EVENT_A = """بيان ثلاثي
يريفان، 12 نوفمبر 2020 — وقع الزعماء الثلاثة في 10 تشرين الثاني/نوفمبر 2020 بيانا مشتركا بشأن وقف إطلاق النار في كاراباخ.
"""

SAME_EVENT_B = """ذكرى البيان
في 9 تشرين الثاني/نوفمبر 2020، وقع الرئيس الروسي والرئيس الأذربيجاني ورئيس الوزراء الأرمني بيانا مشتركا.
"""

SIDELINES = """وزراء خارجية المنطقة يجتمعون في أنقرة
أنقرة، 14 آذار/مارس 2023 — اجتمع وزير الخارجية التركي مولود جاويش أوغلو اليوم الثلاثاء مع وزيري خارجية أذربيجان جيهون بيراموف وأرمينيا أرارات ميرزويان في لقاء ثلاثي.
وتبنى الوزراء في ختام الاجتماع بيانا مشتركا.
وعلى هامش الاجتماع، عقد بيراموف وميرزويان لقاء ثنائيا قصيرا.
ومن المقرر أن يلتقي الرئيس الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان في براغ يوم الجمعة المقبل.
"""

REMEMBERED = """الكرملين ينفي ترتيب قمة افتراضية
قال المتحدث باسم الكرملين دميتري بيسكوف اليوم الأربعاء 10 تشرين الثاني/نوفمبر 2021 إنه لا توجد قمة عبر الفيديو اليوم بين بوتين وعلييف وباشينيان بمناسبة مرور عام على توقيع البيان الثلاثي.
وكان البيان الثلاثي قد وقع في 10 تشرين الثاني/نوفمبر 2020، والتقى القادة الثلاثة بعد ذلك في موسكو في 11 كانون الثاني/يناير 2021.
"""

EPONYMS = """محادثات في فيينا
فيينا، 6 حزيران/يونيو 2022 — التقى وزير الخارجية الأرميني أرارات ميرزويان اليوم الاثنين نظيره الأذربيجاني جيهون بيراموف في قاعة مؤتمرات تابعة لمعهد برونو كرايسكي.
وعقد اللقاء بعد يوم من ندوة في مركز هنري شولتز للدراسات، فيما هبطت طائرة الوفد الأذربيجاني في مطار حيدر علييف قبل يومين.
"""

RANGES = """جولة مفاوضات في واشنطن
واشنطن، 10 أيار/مايو 2023 — اختتم وزيرا خارجية أذربيجان جيهون بيراموف وأرمينيا أرارات ميرزويان جولة محادثات عقدت في الفترة من 1 إلى 4 أيار/مايو الجاري بوساطة أمريكية.
وقال بيراموف إن الاجتماع الذي عقد في 3 أيار/مايو كان مثمرا.
"""

UNDATED = """بوتين وعلييف يبحثان الوضع في قره باغ
أجرى الرئيس الروسي فلاديمير بوتين أمس اتصالا هاتفيا مع الرئيس الأذربيجاني إلهام علييف.
وكان الزعيمان قد وقعا مع رئيس الوزراء الأرميني نيكول باشينيان بيانا مشتركا في 10 تشرين الثاني/نوفمبر 2020.
والتقى بوتين وعلييف الشهر الماضي في موسكو، كما التقيا في 22 نيسان في سوتشي.
"""

HISTORY = """مروحية روسية تسقط قرب الحدود
موسكو، 9 تشرين الثاني/نوفمبر 2020 — أعلنت وزارة الدفاع الروسية اليوم الاثنين سقوط مروحية قرب الحدود.
وتربط موسكو ويريفان معاهدة للمساعدة المتبادلة تعود إلى عام 1997.
وتكرر موسكو منذ اندلاع الحرب في السابع والعشرين من أيلول/سبتمبر أن التزاماتها لا تشمل الإقليم.
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def events_of(path: Path):
    gaz = load_gazetteer()
    (article,) = read_file(path.parent, path.name).articles
    outcome = process_article(article, gaz)
    return outcome, to_records(cluster_mentions(outcome.mentions, gaz.place_by_id))


def test_call_with_counterpart_dateline_and_background_meeting(tmp_path):
    outcome, records = events_of(write(tmp_path, "calls.txt", CALLS))
    assert outcome.article["published"] == "2020-10-03"
    assert outcome.article["published_basis"] == "stated"
    found = {
        (r.type, r.date.isoformat(), tuple(sorted(r.participants)), r.place_id) for r in records
    }
    assert ("call", "2020-10-03", ("aliyev", "erdogan"), "") in found
    assert ("meeting", "2020-02-25", ("aliyev", "erdogan"), "baku") in found
    call = next(r for r in records if r.type == "call")
    assert "ceasefire" in call.topics
    assert call.plover == "CONSULT:phone"


def test_separate_calls_are_two_events_and_publication_is_inferred(tmp_path):
    outcome, records = events_of(write(tmp_path, "separate.txt", SEPARATE))
    assert outcome.article["published_basis"] == "inferred"
    assert outcome.article["published"] == "2022-10-11"  # Tuesday after Thursday 6 October
    calls = sorted(tuple(sorted(r.participants)) for r in records if r.type == "call")
    assert calls == [("aliyev", "macron"), ("macron", "pashinyan")]
    meeting = next(r for r in records if r.type == "meeting")
    assert (meeting.date.isoformat(), meeting.place_id) == ("2022-10-06", "prague")


def test_an_article_nothing_dates_keeps_its_fully_dated_event_and_drops_relative_ones(tmp_path):
    outcome, records = events_of(write(tmp_path, "undated.txt", UNDATED))
    assert (outcome.article["published"], outcome.article["published_basis"]) == ("", "")
    # `أمس`, `الشهر الماضي` and `22 نيسان` (no year) would need the publication date
    assert [(r.type, r.date.isoformat()) for r in records] == [("agreement", "2020-11-10")]
    (problem,) = outcome.problems
    assert problem.reason == (
        "no publication date (no dateline, and no weekday with a dated event nearby); "
        "event mentions dated in full still read: 1"
    )


def test_without_a_date_an_office_names_only_the_one_who_held_it_throughout():
    gaz = load_gazetteer()
    assert gaz.holder("leader", "ru", None) == "putin"
    assert gaz.holder("foreign_minister", "am", None) is None  # two ministers in 2020-2024
    assert gaz.holder("foreign_minister", "am", dt.date(2022, 5, 1)) == "mirzoyan"


def test_a_history_year_does_not_date_a_yearless_date_after_it(tmp_path):
    _, records = events_of(write(tmp_path, "history.txt", HISTORY))
    war = next(r for r in records if r.type == "hostilities")
    assert war.date == dt.date(2020, 9, 27)  # not 1997, the treaty's year


def test_planned_denied_and_conditional_are_not_reported_as_happened(tmp_path):
    _, records = events_of(write(tmp_path, "planned.txt", PLANNED))
    by_type = {r.type: r for r in records}
    assert by_type["meeting"].status == "planned"
    assert by_type["meeting"].date.isoformat() == "2021-12-14"
    assert set(by_type["meeting"].participants) >= {"aliyev", "pashinyan"}
    assert by_type["call"].status == "denied"
    assert "agreement" not in by_type


def test_same_event_from_two_articles_is_one_event_with_conflict_flag(tmp_path):
    write(tmp_path, "a.txt", SAME_EVENT_A)
    write(tmp_path, "b.txt", SAME_EVENT_B)
    result = run_build(tmp_path)
    agreements = [r for r in result.records if r.type == "agreement"]
    assert len(agreements) == 1
    (event,) = agreements
    assert event.sources == ["a", "b"]
    assert "date_conflict" in event.flags
    assert set(event.participants) == {"putin", "aliyev", "pashinyan"}


def test_sideline_meeting_is_its_own_event_and_next_weekday_is_ahead(tmp_path):
    outcome, records = events_of(write(tmp_path, "sidelines.txt", SIDELINES))
    assert outcome.article["published"] == "2023-03-14"
    found = {(r.type, r.status, r.date.isoformat(), frozenset(r.participants)) for r in records}
    ministers = frozenset({"cavusoglu", "bayramov", "mirzoyan"})
    assert ("meeting", "happened", "2023-03-14", ministers) in found
    assert ("agreement", "happened", "2023-03-14", ministers) in found  # `الوزراء`
    assert ("meeting", "happened", "2023-03-14", frozenset({"bayramov", "mirzoyan"})) in found
    # `يوم الجمعة المقبل` from Tuesday 14 March is Friday 17 March, and it is planned
    assert ("meeting", "planned", "2023-03-17", frozenset({"aliyev", "pashinyan"})) in found


def test_video_summit_denial_and_anniversary_dates(tmp_path):
    _, records = events_of(write(tmp_path, "remembered.txt", REMEMBERED))
    found = {(r.type, r.status, r.date.isoformat()) for r in records}
    assert ("call", "denied", "2021-11-10") in found  # a summit by video is a call
    # the anniversary's date is not the statement's, and `بعد ذلك` does not hide the meeting's
    assert ("agreement", "happened", "2020-11-10") in found
    assert ("meeting", "happened", "2021-01-11") in found
    assert len([r for r in records if r.type == "agreement"]) == 1
    assert not any(
        r.status == "happened"
        and r.type in {"call", "meeting"}
        and r.date.year == 2021
        and r.date.month == 11
        for r in records
    )


def test_a_surname_in_an_institutions_name_is_not_the_person(tmp_path):
    """`مركز ... شولتز` and `مطار حيدر علييف` name places; neither Scholz nor Ilham Aliyev
    takes part in anything here."""
    _, records = events_of(write(tmp_path, "eponyms.txt", EPONYMS))
    people = {person for r in records for person in r.participants}
    assert {"mirzoyan", "bayramov"} <= people
    assert not people & {"scholz", "aliyev"}
    assert ("meeting", "2022-06-06") in {(r.type, r.date.isoformat()) for r in records}


def test_talks_over_several_days_start_on_the_first_and_end_on_the_last(tmp_path):
    """A day inside the range reported again is the same meeting, not a second one."""
    outcome, records = events_of(write(tmp_path, "ranges.txt", RANGES))
    assert outcome.article["published"] == "2023-05-10"
    meetings = [r for r in records if r.type == "meeting"]
    assert [(r.date, r.date_end) for r in meetings] == [(dt.date(2023, 5, 1), dt.date(2023, 5, 4))]
    assert set(meetings[0].participants) == {"bayramov", "mirzoyan"}
    row = next(row for row in event_rows(records, names_for(load_gazetteer())))
    assert row["date_end"] == "2023-05-04"
    assert "4 May 2023" in row["summary_en"]


def test_bad_files_are_reported_by_name_and_the_rest_is_processed(tmp_path):
    write(tmp_path, "good.txt", CALLS)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x01\x02")
    (tmp_path / "huge.txt").write_bytes(("ا" * 10).encode() * 120_000)
    write(tmp_path, "windows.txt", SAME_EVENT_B, encoding="cp1256")
    write(tmp_path, "nothing.txt", "خبر قصير بلا أحداث ولا تواريخ.\n")
    result = run_build(tmp_path)
    # the first problem of each file (the Windows-1256 one has no publication date as well)
    messages = {p.file: (p.reason, p.fatal) for p in reversed(result.problems)}
    assert messages["empty.txt"] == ("empty file", True)
    assert messages["binary.txt"][0].startswith("binary file")
    assert messages["huge.txt"][0].startswith("too large")
    assert "Windows-1256" in messages["windows.txt"][0] and not messages["windows.txt"][1]
    assert messages["nothing.txt"][1] is False
    ids = {row["article_id"] for row in result.articles}
    assert ids == {"good", "windows", "nothing"}
    assert any(r.type == "agreement" and r.sources == ["windows"] for r in result.records)


def test_build_command_writes_contract_tables_and_ids_are_stable(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "calls.txt", CALLS)
    write(corpus, "separate.txt", SEPARATE)
    for run in ("one", "two"):
        assert main(["build", "--corpus", str(corpus), "--out", str(tmp_path / run)]) == 0
    assert "2 articles" in capsys.readouterr().out
    for name, columns in schema.TABLES.items():
        with (tmp_path / "one" / f"{name}.csv").open(encoding="utf-8") as stream:
            assert tuple(next(csv.reader(stream))) == columns
    first = (tmp_path / "one" / "events.csv").read_text(encoding="utf-8")
    assert first == (tmp_path / "two" / "events.csv").read_text(encoding="utf-8")
    with (tmp_path / "one" / "events.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert all(
        row["event_id"].isascii() and row["event_id"] == row["event_id"].lower() for row in rows
    )
    assert all(row["title_ar"] and row["summary_en"] for row in rows)


def test_parallel_build_gives_the_same_tables(tmp_path):
    for index, text in enumerate([CALLS, SEPARATE, PLANNED, SAME_EVENT_A, SAME_EVENT_B]):
        write(tmp_path, f"{index}.txt", text)
    serial = run_build(tmp_path, jobs=1)
    parallel = run_build(tmp_path, jobs=2)
    assert [r.event_id for r in serial.records] == [r.event_id for r in parallel.records]
    gaz = load_gazetteer()
    write_tables(parallel, tmp_path / "out", gaz)
    assert (tmp_path / "out" / "corrections.csv").exists()


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    assert main(["build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["الخبر.txt", "News Item.TXT.txt"])
def test_article_ids_are_lowercase_ascii(tmp_path, name):
    write(tmp_path, name, CALLS)
    (row,) = run_build(tmp_path).articles
    assert row["article_id"].isascii() and row["article_id"] == row["article_id"].lower()
