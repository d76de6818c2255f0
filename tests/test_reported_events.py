"""What real reports tell in ways the first rules missed: statements in their many channels,
clashes against single incidents, words that only look like events, and phrases that contain an
office but name someone else. One short article of our own per case, through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.pipeline.build import process_article
from newsdesk.pipeline.gazetteer import load_gazetteer
from newsdesk.pipeline.intake import read_file
from newsdesk.pipeline.merge import cluster_mentions, to_records
from newsdesk.pipeline.misprints import misprinted_year

DATELINE = "يريفان، 14 آذار/مارس 2023 — "  # a Tuesday


def records_of(tmp_path: Path, body: str):
    (tmp_path / "a.txt").write_text(f"عنوان الخبر\n{DATELINE}{body}\n", encoding="utf-8")
    gaz = load_gazetteer()
    (article,) = read_file(tmp_path, "a.txt").articles
    return to_records(cluster_mentions(process_article(article, gaz).mentions, gaz.place_by_id))


def events(tmp_path: Path, body: str) -> list[tuple[str, str, list[str]]]:
    """Type, date and people of each event the article gives."""
    return [
        (r.type, r.date.isoformat(), sorted(r.participants)) for r in records_of(tmp_path, body)
    ]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "قال وزير الخارجية الروسي سيرغي لافروف في مقابلة مع قناة تلفزيونية اليوم إن الحل ممكن.",
            "lavrov",
        ),
        (
            "كتب رئيس الوزراء الأرميني نيكول باشينيان على فيسبوك اليوم أن الحدود يجب أن تحترم.",
            "pashinyan",
        ),
        (
            "قال الرئيس الأذربيجاني إلهام علييف في كلمة أمام البرلمان اليوم إن بلاده مستعدة للسلام.",
            "aliyev",
        ),
        (
            "صرحت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا للصحافيين اليوم بأن موسكو قلقة.",
            "zakharova",
        ),
        ("اعتذر الرئيس الروسي فلاديمير بوتين اليوم لنظيره الأذربيجاني عن الحادث.", "putin"),
    ],
)
def test_a_statement_through_any_channel_is_an_event_of_its_speaker(tmp_path, body, who):
    found = events(tmp_path, body)
    assert any(t == "statement" and d == "2023-03-14" and who in p for t, d, p in found), found


def test_a_ministry_statement_with_no_one_named_is_a_statement_and_a_joint_one_an_agreement(
    tmp_path,
):
    alone = events(tmp_path, "طالبت وزارة الخارجية الأرمينية في بيان اليوم بانسحاب القوات.")
    assert ("statement", "2023-03-14", []) in alone
    joint = events(
        tmp_path,
        "أصدر وزيرا خارجية أرمينيا أرارات ميرزويان وأذربيجان جيهون بيراموف في بيان مشترك "
        "اليوم التزامهما بمواصلة المحادثات.",
    )
    assert [t for t, _, _ in joint] == ["agreement"], joint


def test_a_readout_the_next_morning_is_part_of_the_meeting(tmp_path):
    found = events(
        tmp_path,
        "التقى رئيس المجلس الأوروبي شارل ميشال الرئيس الأذربيجاني إلهام علييف مساء أمس في "
        "بروكسل.\nوقال ميشال في بيان صدر صباح اليوم إن الجانبين اتفقا على مواصلة الحوار.",
    )
    assert [t for t, _, _ in found] == ["meeting"], found


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("تجددت الاشتباكات على الحدود بين البلدين اليوم بعد هدوء دام أسابيع.", "hostilities"),
        ("اندلعت المواجهات صباح اليوم على طول خط التماس.", "hostilities"),
        ("قتل ثلاثة جنود في اشتباكات حدودية عنيفة اندلعت اليوم قرب القرية.", "hostilities"),
        ("وتتواصل الاشتباكات على الحدود منذ يوم الأحد الماضي بين الجانبين.", "hostilities"),
        ("واستمرت الاشتباكات أمس في محيط البلدة الحدودية.", "hostilities"),
        ("نفذت القوات اليوم عملية أطلقت عليها اسم الانتقام في الإقليم.", "hostilities"),
        ("أصيب جندي اليوم في اشتباك قصير على الحدود.", "incident"),
        ("قتل جندي أرميني اليوم في انفجار لغم قرب الحدود.", "incident"),
        ("لقي مدنيان حتفهما اليوم جراء سقوط قذيفة على قرية حدودية.", "incident"),
        ("أسقطت الدفاعات الجوية اليوم طائرة مسيرة فوق الإقليم.", "incident"),
        ("استهدفت طائرة مسيرة اليوم سيارة إسعاف قرب البلدة.", "incident"),
        ("أعلنت الوزارة أن جنديين استشهدا اليوم على الحدود.", "incident"),
        ("قتل ثلاثة عسكريين اليوم في ضربة بطائرة مسيرة.", "incident"),
        ("دخلت القوات اليوم قرية حدودية في منطقة انتشار قوات حفظ السلام.", "incident"),
        ("تسللت وحدات اليوم إلى المنطقة بذريعة تعديل الحدود.", "incident"),
        ("أعلنت السلطات تحطم مروحية عسكرية اليوم في منطقة جبلية.", "incident"),
        ("فقد جندي حياته اليوم جراء إصابته برصاص قناص.", "incident"),
        ("قال الجيش إن الجنود أطلقوا النار اليوم على مواقعه.", "incident"),
    ],
)
def test_fighting_over_time_is_hostilities_and_a_single_blow_an_incident(tmp_path, body, kind):
    assert [t for t, _, _ in events(tmp_path, body)] == [kind]


@pytest.mark.parametrize(
    "body",
    [
        "ألقت الشرطة القبض اليوم على ثلاثة أشخاص في يريفان بتهمة التهريب.",
        "وتعاني القرى الحدودية من نقص المياه منذ الحرب التي شهدتها المنطقة.",
        "ويعيش آلاف النازحين في المدينة بعد الحرب، بحسب منظمات إغاثة.",
    ],
)
def test_words_that_only_look_like_events_give_none(tmp_path, body):
    assert events(tmp_path, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "التقى ممثل الرئيس الأذربيجاني للمهام الخاصة اليوم المبعوث الأوروبي في باكو.",
        "التقى المتحدث باسم رئيس الوزراء الأرميني اليوم صحفيين أجانب في يريفان.",
    ],
)
def test_someone_acting_for_a_leader_is_not_the_leader(tmp_path, body):
    found = events(tmp_path, body)
    assert [t for t, _, _ in found] == ["meeting"], found
    assert not {"aliyev", "pashinyan"} & set(found[0][2]), found


def test_a_channel_named_after_a_country_is_not_the_country(tmp_path):
    found = events(
        tmp_path,
        "وقعت أرمينيا وأذربيجان اليوم مذكرة تفاهم، بحسب ما نقلت قناة روسيا اليوم.",
    )
    assert [t for t, _, _ in found] == ["agreement"], found
    assert "putin" not in found[0][2], found


def test_what_was_adopted_at_the_close_of_talks_is_an_agreement_beside_them(tmp_path):
    found = events(
        tmp_path,
        "التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف اليوم في موسكو.\n"
        "وأكد البيان المشترك الصادر في ختام المحادثات التزام البلدين بالشراكة.",
    )
    assert sorted(found) == [
        ("agreement", "2023-03-14", ["aliyev", "putin"]),
        ("meeting", "2023-03-14", ["aliyev", "putin"]),
    ]


def test_parties_agreeing_is_an_agreement_unless_they_agreed_in_talks_told_beside(tmp_path):
    alone = events(tmp_path, "اتفقت أرمينيا وأذربيجان اليوم على تبادل الأسرى.")
    assert [t for t, _, _ in alone] == ["agreement"], alone
    in_talks = events(
        tmp_path,
        "التقى وزيرا خارجية أرمينيا أرارات ميرزويان وأذربيجان جيهون بيراموف اليوم في جنيف.\n"
        "واتفق الوزيران على مواصلة العمل على معاهدة السلام.",
    )
    assert [t for t, _, _ in in_talks] == ["meeting"], in_talks


def test_deaths_announced_today_are_dated_to_the_blow_that_caused_them(tmp_path):
    found = events(
        tmp_path, "أعلنت وزارة الدفاع الأرمينية اليوم مقتل جنديين في قصف أذربيجاني ليلة الأحد."
    )
    assert found == [("incident", "2023-03-12", [])]


def test_a_second_blast_hours_later_is_its_own_incident_on_that_day(tmp_path):
    found = events(
        tmp_path,
        "قتل جندي أذربيجاني يوم الأحد في انفجار لغم في كلبجار.\n"
        "وبعد ساعات، أصيب مدنيان في انفجار لغم آخر في المنطقة نفسها.",
    )
    assert found == [("incident", "2023-03-12", []), ("incident", "2023-03-12", [])]
    told_again = events(
        tmp_path,
        "قتل جندي أذربيجاني يوم الأحد في انفجار لغم في كلبجار.\n"
        "ووصفت باكو في اليوم نفسه الحادث بأنه استفزاز.",
    )
    assert told_again == [("incident", "2023-03-12", [])]


def test_a_summit_preceded_by_separate_talks_is_three_meetings(tmp_path):
    found = events(
        tmp_path,
        "عقد الرئيس الروسي فلاديمير بوتين اليوم في موسكو قمة ثلاثية مع الرئيس الأذربيجاني إلهام "
        "علييف ورئيس الوزراء الأرميني نيكول باشينيان، سبقتها محادثات ثنائية أجراها مع كل منهما "
        "على حدة.",
    )
    assert sorted(found) == [
        ("meeting", "2023-03-14", ["aliyev", "pashinyan", "putin"]),
        ("meeting", "2023-03-14", ["aliyev", "putin"]),
        ("meeting", "2023-03-14", ["pashinyan", "putin"]),
    ]


def test_fighting_is_dated_by_its_own_day_not_by_background_years_or_the_next_day(tmp_path):
    after_history = events(
        tmp_path,
        "وكانت القوات الأرمينية قد سيطرت على المدينة عام 1992.\n"
        "وتأتي هذه التطورات في اليوم الثالث من المعارك التي اندلعت في 11 آذار.",
    )
    assert ("hostilities", "2023-03-11", []) in after_history, after_history
    next_day = events(
        tmp_path, "أطلقت أذربيجان في 12 آذار عملية عسكرية انتهت في اليوم التالي بهدنة."
    )
    assert ("hostilities", "2023-03-12", []) in next_day, next_day


def test_fighting_told_as_the_time_of_other_news_is_still_an_event(tmp_path):
    found = events(
        tmp_path,
        "أعلنت وزارة الدفاع اليوم أسر جنود خلال المواجهات التي اندلعت أمس على الحدود.",
    )
    assert ("hostilities", "2023-03-13", []) in found, found


def test_a_truce_reached_is_an_agreement(tmp_path):
    found = events(tmp_path, "أعلنت باكو ويريفان التوصل اليوم إلى هدنة إنسانية برعاية روسية.")
    assert [t for t, _, _ in found] == ["agreement"], found


def test_saying_is_a_statement_with_its_own_day_and_never_for_casualties(tmp_path):
    dated = events(
        tmp_path,
        "قال رئيس الوزراء الأرميني نيكول باشينيان، اليوم الثلاثاء، إن بلاده تريد السلام.",
    )
    assert dated == [("statement", "2023-03-14", ["pashinyan"])]
    casualties = events(tmp_path, "أعلنت وزارة الدفاع الأرمينية اليوم مقتل جنديين على الحدود.")
    assert [t for t, _, _ in casualties] == ["incident"], casualties


def test_a_quote_without_a_day_of_its_own_is_no_statement(tmp_path):
    found = events(
        tmp_path,
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأرميني أرارات ميرزويان اليوم في "
        "موسكو.\nوتعاني المنطقة من أزمة إنسانية منذ سنوات.\nوقال لافروف إن الحوار مستمر.",
    )
    assert [t for t, _, _ in found] == ["meeting"], found


def test_blows_on_two_days_of_one_report_are_two_incidents(tmp_path):
    found = events(
        tmp_path,
        "قتل جندي أرميني اليوم بنيران أذربيجانية على الحدود.\n"
        "وكان جندي أذربيجاني قد أصيب أمس في تبادل لإطلاق النار في المنطقة نفسها.",
    )
    assert sorted(found) == [("incident", "2023-03-13", []), ("incident", "2023-03-14", [])]


def test_contacts_over_past_days_get_no_day(tmp_path):
    found = events(
        tmp_path,
        "وقد أجرى الرئيس الروسي فلاديمير بوتين خلال الأيام الماضية سلسلة اتصالات هاتفية مع "
        "الرئيس الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان.",
    )
    assert found == []


@pytest.mark.parametrize(
    "body",
    [
        "دعا الاتحاد الأوروبي اليوم إلى وقف فوري لإطلاق النار واستئناف المفاوضات بين الطرفين.",
        "وقال الجانب التركي اليوم إن أنقرة ستنضم إلى المفاوضات.",
        "وينص البيان على وقف جميع العمليات العسكرية في منطقة النزاع.",
        "وطالبت يريفان اليوم بعقد اجتماع لمجلس الأمن الدولي.",
    ],
)
def test_what_is_called_for_to_come_or_to_stop_is_no_event(tmp_path, body):
    assert [t for t, _, _ in events(tmp_path, body) if t != "statement"] == []


def test_talks_agreed_for_a_later_day_are_planned_on_that_day(tmp_path):
    found = records_of(tmp_path, "واتفق الطرفان على عقد اجتماع في 20 آذار في جنيف.")
    assert [(r.type, r.date.isoformat(), r.status) for r in found] == [
        ("meeting", "2023-03-20", "planned")
    ]


def test_earlier_today_deep_in_a_report_is_today(tmp_path):
    filler = "وتعاني المنطقة من أزمة إنسانية منذ سنوات.\n"
    body = (
        "التقى الرئيس الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف اليوم في موسكو.\n"
        + filler * 4
        + "وفي سياق آخر، قتل جندي أرميني في وقت سابق من اليوم بنيران أذربيجانية.\n"
        + "ويعيش السكان اليوم ظروفا صعبة بعد اشتباكات متقطعة."
    )
    found = events(tmp_path, body)
    assert sorted(t for t, _, _ in found) == ["incident", "meeting"], found
    assert ("incident", "2023-03-14", []) in found


def test_a_year_with_swapped_digits_is_left_out_and_named_for_an_editor(tmp_path):
    (tmp_path / "a.txt").write_text(
        f"عنوان الخبر\n{DATELINE}ووقع الرئيسان في 10 آذار 2032 اتفاقا للتعاون في موسكو.\n",
        encoding="utf-8",
    )
    (article,) = read_file(tmp_path, "a.txt").articles
    outcome = process_article(article, load_gazetteer())
    assert outcome.mentions == []
    assert any("2032-03-10 looks misprinted" in p.reason for p in outcome.problems), [
        str(p) for p in outcome.problems
    ]
    assert misprinted_year(2012, 2021) and misprinted_year(2002, 2020)
    assert misprinted_year(2010, 2020)  # the decade digit mistyped
    assert not misprinted_year(2016, 2020) and not misprinted_year(2019, 2020)
    assert not misprinted_year(2021, 2021) and not misprinted_year(1997, 2020)
    assert not misprinted_year(2022, 2022)


def test_two_ministries_statements_of_one_day_are_two_statements(tmp_path):
    found = events(
        tmp_path,
        "أدانت وزارة الخارجية الأرمينية في بيان اليوم تصريحات المسؤولين في باكو.\n"
        "وردت وزارة الخارجية الأذربيجانية في بيان آخر اليوم بأن الاتهامات باطلة.",
    )
    assert found == [("statement", "2023-03-14", []), ("statement", "2023-03-14", [])]


def test_a_meeting_held_beside_one_planned_or_ruled_out_keeps_each_status(tmp_path):
    again = records_of(
        tmp_path,
        "التقى وزير الخارجية الأرميني أرارات ميرزويان اليوم نظيره الأذربيجاني جيهون بيراموف في "
        "جنيف، على أن يلتقيا مجددا غدا في المدينة نفسها.",
    )
    assert sorted((r.date.isoformat(), r.status) for r in again) == [
        ("2023-03-14", "happened"),
        ("2023-03-15", "planned"),
    ]
    ruled_out = records_of(
        tmp_path,
        "التقى الرئيس الأذربيجاني إلهام علييف اليوم رئيس الوزراء الأرميني نيكول باشينيان في "
        "بروكسل، فيما استبعد المسؤولون عقد لقاء ثلاثي مع أردوغان.",
    )
    assert sorted((r.status, sorted(r.participants)) for r in ruled_out) == [
        ("denied", ["aliyev", "erdogan", "pashinyan"]),
        ("happened", ["aliyev", "pashinyan"]),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "أعلنت باكو اليوم أنها لن تشارك في اجتماع وزيري الخارجية في واشنطن.",
        "تقرر تأجيل القمة الثلاثية التي كانت ستعقد اليوم في موسكو.",
        "لم يحضر الرئيس الأذربيجاني إلهام علييف اجتماع اليوم في بروكسل.",
    ],
)
def test_a_meeting_skipped_or_postponed_is_denied_not_happened(tmp_path, body):
    meetings = [r for r in records_of(tmp_path, body) if r.type == "meeting"]
    assert [r.status for r in meetings] == ["denied"], meetings


def test_an_attack_a_day_after_another_dates_the_other_a_day_earlier(tmp_path):
    found = events(
        tmp_path,
        "قتل 21 مدنيا اليوم في قصف صاروخي على بردعة.\n"
        "وجاء الهجوم بعد يوم واحد من قصف صاروخي آخر على المدينة.",
    )
    assert sorted(found) == [("incident", "2023-03-13", []), ("incident", "2023-03-14", [])]


def test_a_speech_told_without_a_day_in_the_lead_is_the_days_statement(tmp_path):
    found = events(
        tmp_path,
        "رفع الرئيس الأذربيجاني إلهام علييف اليوم علم بلاده في مدينة خانكندي.\n"
        "وقال علييف في كلمة ألقاها أمام عسكريين في ساحة المدينة إن الجيش أنجز مهمته.",
    )
    assert found == [("statement", "2023-03-14", ["aliyev"])]


def test_remarks_made_during_talks_leave_the_talks_as_the_news(tmp_path):
    found = events(
        tmp_path,
        "أعلن رئيس المجلس الأوروبي شارل ميشيل أن الرئيس الأذربيجاني إلهام علييف ورئيس الوزراء "
        "الأرميني نيكول باشينيان أكدا، خلال لقائهما في بروكسل أمس، التزامهما بالسلام.",
    )
    assert found == [("meeting", "2023-03-13", ["aliyev", "michel", "pashinyan"])]


def test_a_plain_past_was_is_the_days_news_and_was_had_is_background(tmp_path):
    arrival = events(
        tmp_path,
        "وصل الرئيس التركي رجب طيب أردوغان اليوم إلى باكو.\n"
        "وحطت طائرة أردوغان في المطار، وكان الرئيس الأذربيجاني إلهام علييف في استقباله.",
    )
    assert arrival == [("meeting", "2023-03-14", ["aliyev", "erdogan"])]
    told_again = events(
        tmp_path,
        "وصل الرئيس التركي رجب طيب أردوغان اليوم إلى باكو.\n"
        "وكان الرئيس الأذربيجاني إلهام علييف قد استقبل أردوغان في المطار.",
    )
    assert told_again == []


def test_an_agreement_not_reached_is_not_an_agreement(tmp_path):
    found = events(
        tmp_path,
        "التقى الرئيس الروسي فلاديمير بوتين اليوم نظيره الأذربيجاني إلهام علييف في موسكو.\n"
        "وقال بوتين إن اللقاء كان مفيدا لكنه أقر بأنه لم يتم الاتفاق على كل شيء.",
    )
    assert found == [("meeting", "2023-03-14", ["aliyev", "putin"])]


def test_deaths_told_with_the_fighting_of_their_day_are_part_of_it(tmp_path):
    found = events(
        tmp_path,
        "اندلعت اشتباكات عنيفة أمس على الحدود بين البلدين وسقط فيها قتلى من الجانبين.",
    )
    assert found == [("hostilities", "2023-03-13", [])]


def test_a_statement_one_party_issued_is_a_statement_and_a_joint_one_an_agreement(tmp_path):
    ministry = events(
        tmp_path, "أصدرت وزارة الخارجية الأرمينية بيانا اليوم حملت فيه باكو مسؤولية التصعيد."
    )
    assert ministry == [("statement", "2023-03-14", [])]
    joint = events(
        tmp_path,
        "أصدر الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف بيانا مشتركا اليوم.",
    )
    assert [t for t, _, _ in joint] == ["agreement"], joint


def test_a_ministrys_statement_later_in_the_report_is_of_the_reports_day(tmp_path):
    found = events(
        tmp_path,
        "قتل جندي أرميني اليوم بنيران أذربيجانية قرب قرية حدودية.\n"
        "وقالت وزارة الدفاع إن الجندي كان في موقعه.\n"
        "وأدانت الخارجية الأرمينية في بيان ما وصفته بالاستفزاز الجديد.",
    )
    assert sorted(found) == [("incident", "2023-03-14", []), ("statement", "2023-03-14", [])]


def test_an_agencys_reporter_is_no_statement(tmp_path):
    found = events(
        tmp_path,
        "قتل مصور يعمل لوكالة الأنباء الرسمية اليوم في انفجار لغم قرب كلبجار.\n"
        "وكان القتيل مراسلا لوكالة الأنباء منذ سنوات.",
    )
    assert found == [("incident", "2023-03-14", [])]


def test_a_truce_told_as_announced_on_a_day_is_an_agreement_of_that_day(tmp_path):
    found = events(
        tmp_path,
        "وتعثرت الهدنة الثالثة التي أعلنت برعاية أمريكية في 25 شباط بعد ساعات من سريانها.",
    )
    assert found == [("agreement", "2023-02-25", [])]


def test_a_joint_statement_issued_at_the_close_of_talks_is_their_agreement(tmp_path):
    found = events(
        tmp_path,
        "التقى الزعماء الأوروبيون اليوم في براغ.\n"
        "وصدر في ختامه بيان مشترك باسم المشاركين الأربعة أكد فيه البلدان التزامهما.",
    )
    assert sorted(t for t, _, _ in found) == ["agreement", "meeting"], found


def test_talks_told_on_their_closing_day_with_their_length_are_dated_by_their_first(tmp_path):
    found = events(
        tmp_path,
        "اختتم وزيرا خارجية أذربيجان جيهون بيراموف وأرمينيا أرارات ميرزويان اليوم أربعة أيام "
        "من المفاوضات المكثفة قرب واشنطن برعاية وزير الخارجية الأمريكي أنتوني بلينكن.\n"
        "وقال بلينكن في كلمة خلال الجلسة الختامية إن الطرفين "
        "حققا تقدما نحو اتفاق سلام.",
    )
    assert found == [("meeting", "2023-03-11", ["bayramov", "blinken", "mirzoyan"])]


def test_separate_talks_timed_against_the_summit_are_held_its_day(tmp_path):
    found = events(
        tmp_path,
        "استضاف الرئيس الروسي فلاديمير بوتين اليوم في سوتشي الرئيس الأذربيجاني إلهام علييف "
        "ورئيس الوزراء الأرميني نيكول باشينيان في قمة ثلاثية.\n"
        "وعقد بوتين قبل القمة لقاءين منفصلين مع كل من علييف وباشينيان.",
    )
    assert sorted(found) == [
        ("meeting", "2023-03-14", ["aliyev", "pashinyan", "putin"]),
        ("meeting", "2023-03-14", ["aliyev", "putin"]),
        ("meeting", "2023-03-14", ["pashinyan", "putin"]),
    ]


def test_a_ceasefire_the_parties_agreed_on_is_an_agreement_and_its_statement_part_of_it(tmp_path):
    found = events(
        tmp_path,
        "أعلن وزير الخارجية الروسي سيرغي لافروف اليوم أن أذربيجان وأرمينيا اتفقتا على وقف "
        "إطلاق النار لأغراض إنسانية اعتبارا من ظهر اليوم، وذلك في بيان تلاه أمام الصحفيين.",
    )
    assert [(t, d) for t, d, _ in found] == [("agreement", "2023-03-14")], found


def test_a_signing_told_with_only_the_hour_a_ceasefire_starts_is_the_days(tmp_path):
    found = events(
        tmp_path,
        "أرمنبريس.\n"  # the dateline on a line of its own, as agencies print it
        "وقع الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني "
        "نيكول باشينيان بيانا ينص على وقف القتال اعتبارا من الساعة الواحدة من صباح اليوم.",
    )
    assert found == [("agreement", "2023-03-14", ["aliyev", "pashinyan", "putin"])]


def test_a_truce_announced_in_the_evening_is_agreed_that_day_not_when_it_starts(tmp_path):
    found = events(
        tmp_path,
        "قتل مدنيان اليوم في قصف على مدينة حدودية.\n"
        "وفي تطور لاحق مساء اليوم، أعلنت وزارتا الخارجية في بيانين متطابقين الاتفاق على هدنة "
        "إنسانية جديدة تدخل حيز التنفيذ اعتبارا من منتصف ليل الخميس.",
    )
    assert ("agreement", "2023-03-14", []) in found, found


def test_a_claim_denied_is_a_denied_event_also_where_its_claimant_tells_it(tmp_path):
    found = records_of(
        tmp_path,
        "نفت الرئاسة التركية اليوم بشكل قاطع ادعاءات أرمينية بأن مقاتلة تركية من طراز إف-16 "
        "أسقطت طائرة حربية أرمينية.\n"
        "وكانت المتحدثة باسم وزارة الدفاع الأرمينية قد ذكرت في وقت سابق من اليوم أن مقاتلة "
        "تركية أسقطت طائرة تابعة لسلاح الجو الأرميني.",
    )
    incidents = [(r.date.isoformat(), r.status) for r in found if r.type == "incident"]
    assert incidents == [("2023-03-14", "denied")], found


def test_a_leader_excusing_himself_from_a_summit_denies_his_part_in_it(tmp_path):
    for body in (
        "وجاء ذلك بعد أيام من اعتذار الرئيس الأذربيجاني إلهام علييف عن المشاركة في لقاء "
        "غرناطة في 5 آذار.",
        "اعتذر الرئيس الأذربيجاني إلهام علييف عن المشاركة في قمة غرناطة المقررة في 5 آذار.",
    ):
        meetings = [
            (r.date.isoformat(), r.status, r.participants)
            for r in records_of(tmp_path, body)
            if r.type == "meeting"
        ]
        assert meetings == [("2023-03-05", "denied", ["aliyev"])], (body, meetings)


def test_talks_due_at_a_summit_that_did_not_take_place_are_denied_on_its_day(tmp_path):
    found = records_of(
        tmp_path,
        "التقى رئيس الوزراء الأرميني نيكول باشينيان يوم الخميس في غرناطة الرئيس الفرنسي "
        "إيمانويل ماكرون على هامش قمة أوروبية.\n"
        "وكان من المقرر أن يعقد اجتماع خماسي يضم الرئيس الأذربيجاني إلهام علييف، غير أن الأخير "
        "اعتذر عن حضور القمة.",
    )
    assert [(r.date.isoformat(), r.status, r.participants) for r in found] == [
        ("2023-03-09", "denied", ["aliyev"]),
        ("2023-03-09", "happened", ["macron", "pashinyan"]),
    ], found


def test_a_meeting_due_by_a_deadline_is_planned_for_that_day(tmp_path):
    found = events(
        tmp_path,
        "وينص البيان على تشكيل مجموعة عمل برئاسة نواب رؤساء الحكومات، على أن تعقد اجتماعها "
        "الأول بحلول 30 آذار الجاري.",
    )
    assert [(t, d) for t, d, _ in found] == [("meeting", "2023-03-30")], found
    assert records_of(tmp_path, "على أن تعقد اللجنة اجتماعها الأول بحلول 30 آذار.")[0].status == (
        "planned"
    )


def test_a_second_call_told_after_two_is_the_same_callers_with_the_one_named(tmp_path):
    found = events(
        tmp_path,
        "وأجرى رئيس الوزراء الأرميني نيكول باشينيان اليوم اتصالين هاتفيين بالرئيسين الروسي "
        "فلاديمير بوتين والفرنسي إيمانويل ماكرون، كما تحدث هاتفيا مع وزير الخارجية الأمريكي "
        "أنتوني بلينكن.",
    )
    assert sorted(p for _, _, p in found) == [
        ["blinken", "pashinyan"],
        ["macron", "pashinyan"],
        ["pashinyan", "putin"],
    ], found


def test_a_negation_joined_to_and_still_negates(tmp_path):
    found = records_of(
        tmp_path,
        "واستقبل وزير الخارجية الأمريكي أنتوني بلينكن الوزيرين اليوم، ولم يعقد أي اجتماع ثلاثي.",
    )
    assert sorted(r.status for r in found) == ["denied", "happened"], found


def test_fighting_told_with_its_outbreak_behind_since_is_dated_by_it(tmp_path):
    found = events(
        tmp_path,
        "ويتواصل القتال لليوم الثالث على التوالي منذ اندلاعه صباح الأحد الماضي على خط التماس.",
    )
    assert found == [("hostilities", "2023-03-12", [])]
    worst_since = events(tmp_path, "وتعد هذه المواجهات الأعنف منذ 12 أيار الماضي.")
    assert ("hostilities", "2022-05-12", []) not in worst_since, worst_since


@pytest.mark.parametrize(
    "body",
    [
        "أطلقت أذربيجان اليوم ما وصفته بإجراءات مكافحة الإرهاب في الإقليم.",
        "قالت وزارة الدفاع إن قواتها اتخذت اليوم إجراءات محلية ردا على الاستفزازات.",
        "ويأتي ذلك بعد الهجوم العسكري الخاطف الذي شنته أذربيجان في 12 آذار.",
    ],
)
def test_an_offensive_by_its_official_names_is_hostilities(tmp_path, body):
    assert "hostilities" in [t for t, _, _ in events(tmp_path, body)]


def test_a_road_closed_since_a_day_is_a_blockade_of_that_day(tmp_path):
    found = events(
        tmp_path,
        "وكان محتجون أذربيجانيون قد أغلقوا الطريق في 12 كانون الأول الماضي احتجاجا على استغلال "
        "المناجم.\n"
        "وتتواصل منذ 12 كانون الأول الماضي احتجاجات الناشطين البيئيين على طريق لاتشين.",
    )
    assert found == [("incident", "2022-12-12", [])]


def test_a_leaders_speech_on_the_day_of_his_call_is_not_said_in_the_call(tmp_path):
    found = events(
        tmp_path,
        "أجرى رئيس الوزراء الأرميني نيكول باشينيان اليوم اتصالا هاتفيا بالرئيس الروسي فلاديمير "
        "بوتين.\n"
        "وقال باشينيان في كلمة أمام البرلمان إن بلاده لجأت إلى منظمة معاهدة الأمن الجماعي.\n"
        "وكتب بوتين على تلغرام عقب الاتصال أن موسكو ستساعد.",
    )
    assert sorted(found) == [
        ("call", "2023-03-14", ["pashinyan", "putin"]),
        ("statement", "2023-03-14", ["pashinyan"]),
    ], found


def test_a_leader_telling_casualties_makes_a_statement_an_office_does_not(tmp_path):
    leader = events(
        tmp_path,
        "قال رئيس الوزراء الأرميني نيكول باشينيان، اليوم، إن جنديين قتلا في قصف أذربيجاني.",
    )
    assert sorted(t for t, _, _ in leader) == ["incident", "statement"], leader
    office = events(tmp_path, "أعلنت وزارة الدفاع الأرمينية، اليوم، مقتل جنديين في قصف أذربيجاني.")
    assert [t for t, _, _ in office] == ["incident"], office


def test_two_countries_offices_make_two_statements_one_office_one(tmp_path):
    two = events(
        tmp_path,
        "أعلنت وزارة الدفاع الأذربيجانية اليوم أن قواتها سيطرت على مرتفعات في الإقليم.\n"
        "وقالت وزارة الدفاع الروسية في بيان إن القوات الأذربيجانية انتهكت الهدنة.",
    )
    assert [t for t, _, _ in two].count("statement") == 2, two
    one = events(
        tmp_path,
        "أعلنت وزارة الدفاع الأذربيجانية اليوم أن قواتها سيطرت على مرتفعات في الإقليم.\n"
        "وقالت الوزارة في بيان إن الجانب الأرميني خرق الهدنة.",
    )
    assert [t for t, _, _ in one].count("statement") == 1, one


def test_a_formal_request_for_help_is_a_letter(tmp_path):
    found = events(
        tmp_path,
        "وأوضح مجلس الأمن الأرمني أن يريفان طلبت رسميا من منظمة معاهدة الأمن الجماعي اليوم "
        "تفعيل المادة الرابعة.",
    )
    assert [(t, d) for t, d, _ in found] == [("letter", "2023-03-14")], found


def test_countries_after_their_foreign_ministers_stand_for_those_ministers(tmp_path):
    found = events(
        tmp_path,
        "وأكدت الخارجية أن الاتفاق الذي توصل إليه وزراء خارجية روسيا وأذربيجان وأرمينيا في موسكو "
        "في 10 آذار لا يزال الأساس.",
    )
    assert found == [("agreement", "2023-03-10", ["bayramov", "lavrov", "mirzoyan"])], found


def test_an_event_two_days_after_a_date_told_is_counted_on_from_it(tmp_path):
    found = events(
        tmp_path,
        "وكانت أذربيجان قد أعلنت استعادة شوشا في الثامن من تشرين الثاني 2020، قبل يومين من "
        "توقيع البيان الثلاثي الذي أنهى الحرب.",
    )
    assert [(t, d) for t, d, _ in found] == [("agreement", "2020-11-10")], found


def test_talks_named_after_since_with_a_date_of_their_own_are_an_event(tmp_path):
    found = events(
        tmp_path,
        "استضاف الرئيس الروسي فلاديمير بوتين اليوم في سوتشي الرئيس الأذربيجاني إلهام علييف ورئيس "
        "الوزراء الأرميني نيكول باشينيان، في أول قمة ثلاثية منذ لقائهم في موسكو في 11 كانون 2 "
        "الماضي.",
    )
    assert sorted(d for _, d, _ in found) == ["2023-01-11", "2023-03-14"], found


def test_talks_between_the_two_leaders_just_named_are_theirs(tmp_path):
    found = events(
        tmp_path,
        "وقع الرئيس الروسي فلاديمير بوتين ونظيره الأذربيجاني إلهام علييف اليوم في الكرملين إعلانا "
        "بشأن التعاون التحالفي.\n"
        "وسبق التوقيع محادثات بين الزعيمين تناولت التعاون الاقتصادي.",
    )
    assert sorted(found) == [
        ("agreement", "2023-03-14", ["aliyev", "putin"]),
        ("meeting", "2023-03-14", ["aliyev", "putin"]),
    ], found


def test_the_trilateral_statements_named_in_passing_are_not_the_declaration_signed_today(tmp_path):
    found = events(
        tmp_path,
        "وقع الرئيس الروسي فلاديمير بوتين ونظيره الأذربيجاني إلهام علييف اليوم في الكرملين إعلانا "
        "بشأن التعاون التحالفي.\n"
        "وتناولت المحادثات التي سبقت التوقيع تنفيذ البيانات الثلاثية الخاصة بقره باغ.",
    )
    assert [p for t, _, p in found if t == "agreement"] == [["aliyev", "putin"]], found


@pytest.mark.parametrize(
    "body",
    [
        "أعلنت وزارة الدفاع الأرمينية أن قوات أذربيجانية أسرت فجر اليوم ستة جنود أرمن.",
        "وكان الطرفان قد شهدا توترا مماثلا في 12 شباط الماضي، حين تقدمت وحدات أذربيجانية في "
        "محيط بحيرة حدودية.",
    ],
)
def test_a_capture_and_an_advance_across_the_border_are_incidents(tmp_path, body):
    assert [t for t, _, _ in events(tmp_path, body)] == ["incident"]


def test_the_day_after_and_the_eve_of_an_event_are_counted_from_it(tmp_path):
    arrest = events(
        tmp_path, "وجاء المرسوم غداة اعتقال حرس الحدود رجل الأعمال روبن فاردانيان عند الحاجز."
    )
    assert ("incident", "2023-03-13", ["vardanyan"]) in arrest, arrest
    visit = events(
        tmp_path,
        "وتحادث رئيس المجلس الأوروبي شارل ميشيل ورئيس الوزراء الأرميني نيكول باشينيان هاتفيا "
        "يوم الاثنين الماضي عشية زيارة باشينيان إلى روسيا.",
    )
    assert ("meeting", "2023-03-14", ["pashinyan"]) in visit, visit


def test_deaths_announced_today_in_fighting_that_began_sunday_are_part_of_it(tmp_path):
    deaths = events(
        tmp_path,
        "أعلنت وزارة الدفاع اليوم مقتل أربعة من عسكرييها في المواجهات التي اندلعت يوم الأحد "
        "على الحدود.",
    )
    assert deaths == [("hostilities", "2023-03-12", [])], deaths
    strike = events(
        tmp_path,
        "وتتواصل المعارك منذ اندلاعها في 1 آذار، وقد تعرضت المدينة لقصف يوم الأحد الماضي.",
    )
    assert ("incident", "2023-03-12", []) in strike, strike


def test_the_dead_a_truce_provides_to_exchange_are_no_killing(tmp_path):
    found = events(
        tmp_path,
        "وتلا وزير الخارجية الروسي سيرغي لافروف اليوم بيانا مشتركا ينص على هدنة إنسانية لتبادل "
        "الأسرى وجثث القتلى.",
    )
    assert "incident" not in [t for t, _, _ in found], found


def test_a_governments_own_session_is_no_meeting_between_parties(tmp_path):
    found = events(
        tmp_path,
        "وكان رئيس الوزراء الأرميني نيكول باشينيان قد اقترح أمس، خلال اجتماع للحكومة، سحب القوات "
        "من الحدود.",
    )
    assert "meeting" not in [t for t, _, _ in found], found


def test_a_summit_someone_is_to_host_is_a_planned_meeting(tmp_path):
    found = records_of(
        tmp_path,
        "ومن المقرر أن يستضيف رئيس المجلس الأوروبي شارل ميشيل الرئيس الأذربيجاني إلهام علييف "
        "ورئيس الوزراء الأرميني نيكول باشينيان في بروكسل في 20 آذار الجاري.",
    )
    assert [(r.type, r.date.isoformat(), r.status) for r in found] == [
        ("meeting", "2023-03-20", "planned")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "اتصل الرئيس الفرنسي إيمانويل ماكرون اليوم بالرئيس الأذربيجاني إلهام علييف.",
        "هاتف الرئيس الفرنسي إيمانويل ماكرون اليوم نظيره الأذربيجاني إلهام علييف.",
    ],
)
def test_calling_and_phoning_told_by_their_verbs_are_calls(tmp_path, body):
    assert events(tmp_path, body) == [("call", "2023-03-14", ["aliyev", "macron"])]


def test_two_calls_are_two_whoever_else_the_sentence_names(tmp_path):
    found = events(
        tmp_path,
        "وأجرى رئيس الوزراء الأرميني نيكول باشينيان اليوم اتصالين هاتفيين بالرئيس الروسي "
        "فلاديمير بوتين والرئيس الفرنسي إيمانويل ماكرون، فيما دعا وزير الخارجية الأمريكي أنتوني "
        "بلينكن الرئيس الأذربيجاني إلهام علييف إلى وقف القتال.",
    )
    assert sorted(p for t, _, p in found if t == "call") == [
        ["macron", "pashinyan"],
        ["pashinyan", "putin"],
    ], found


def test_an_offices_readout_of_a_call_is_part_of_the_call(tmp_path):
    found = events(
        tmp_path,
        "أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالا هاتفيا بالرئيس الأذربيجاني إلهام علييف.\n"
        "وجاء في بيان الكرملين أنه بمبادرة من الجانب الأذربيجاني أجرى بوتين محادثة هاتفية مع علييف.",
    )
    assert found == [("call", "2023-03-14", ["aliyev", "putin"])], found


def test_talking_is_a_call_only_after_a_call_in_its_sentence(tmp_path):
    after_calls = events(
        tmp_path,
        "وأجرى رئيس الوزراء الأرميني نيكول باشينيان اليوم اتصالين هاتفيين بالرئيسين الروسي "
        "فلاديمير بوتين والفرنسي إيمانويل ماكرون، فيما تحدث وزير الخارجية الأمريكي أنتوني بلينكن "
        "مع الرئيس الأذربيجاني إلهام علييف.",
    )
    assert sorted(p for t, _, p in after_calls if t == "call") == [
        ["aliyev", "blinken"],
        ["macron", "pashinyan"],
        ["pashinyan", "putin"],
    ], after_calls
    alone = events(tmp_path, "تحدث الرئيس الأذربيجاني إلهام علييف اليوم للصحفيين في باكو.")
    assert [t for t, _, _ in alone] == ["statement"], alone


def test_phone_calls_with_each_of_several_are_one_call_each(tmp_path):
    found = events(
        tmp_path,
        "وأجرى رئيس الوزراء الأرميني نيكول باشينيان اليوم اتصالات هاتفية بكل من الرئيس الروسي "
        "فلاديمير بوتين والرئيس الفرنسي إيمانويل ماكرون ووزير الخارجية الأمريكي أنتوني بلينكن.",
    )
    assert len([t for t, _, _ in found if t == "call"]) == 3, found


def test_a_joint_statement_adopted_at_a_summit_told_before_is_of_its_day(tmp_path):
    found = events(
        tmp_path,
        "عقد الرئيس الروسي فلاديمير بوتين يوم الاثنين في سوتشي قمة ثلاثية مع الرئيس الأذربيجاني "
        "إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان، تبنى المشاركون في ختامها بيانا مشتركا.",
    )
    assert sorted((t, d) for t, d, _ in found) == [
        ("agreement", "2023-03-13"),
        ("meeting", "2023-03-13"),
    ], found


def test_a_joint_statement_told_with_its_day_and_the_two_it_recalls(tmp_path):
    issued = events(
        tmp_path,
        "أعلن مكتب الرئيس الأذربيجاني ومكتب رئيس الوزراء الأرميني، اليوم، في بيان مشترك، "
        "اتفاق البلدين على الإفراج عن أسرى.",
    )
    assert ("agreement", "2023-03-14") in [(t, d) for t, d, _ in issued], issued
    recalled = events(
        tmp_path,
        "وتبنى القادة الثلاثة اليوم بيانا مشتركا أكدوا فيه التزامهم بتنفيذ البيانين الصادرين في "
        "9 تشرين الثاني 2020 و11 كانون الثاني 2021.",
    )
    assert ("agreement", "2023-03-14") in [(t, d) for t, d, _ in recalled], recalled


def test_a_call_told_as_the_time_of_remarks_is_a_call_with_the_speaker(tmp_path):
    found = events(
        tmp_path,
        "وخلال اتصال مع الرئيس الأذربيجاني إلهام علييف اليوم، أكد وزير الخارجية الأمريكي أنتوني "
        "بلينكن أهمية السلام.",
    )
    assert found == [("call", "2023-03-14", ["aliyev", "blinken"])], found
    office = events(tmp_path, "وقالت دائرة الاتصال في الرئاسة التركية اليوم إن أنقرة قلقة.")
    assert "call" not in [t for t, _, _ in office], office


def test_the_war_named_in_a_quote_takes_no_date_from_far_before_it(tmp_path):
    found = events(
        tmp_path,
        "وتفجر الخلاف بعد أن سخر الضابط من تصريحات أدلى بها رئيس الوزراء في مقابلة صحفية في وقت "
        "سابق من الأسبوع الجاري، قال فيها إن الصواريخ التي استخدمت في الحرب لم تنفجر.",
    )
    assert "hostilities" not in [t for t, _, _ in found], found


@pytest.mark.parametrize(
    "closing",
    [
        "وصدر في ختامه بيان مشترك أكد فيه المشاركون التزامهم بالسلام.",
        "واعتمد القادة خلاله بيانا مشتركا يدعم التطبيع بين أرمينيا وأذربيجان.",
    ],
)
def test_a_document_issued_at_the_close_of_talks_told_before_is_theirs(tmp_path, closing):
    """Neither the publication day nor nobody's: the talks' day and people."""
    body = f"التقى ماكرون وميشال مع علييف وباشينيان في براغ أمس. {closing}"
    found = events(tmp_path, body)
    people = ["aliyev", "macron", "michel", "pashinyan"]
    assert ("agreement", "2023-03-13", people) in found, found
    assert ("meeting", "2023-03-13", people) in found, found


def test_a_document_with_a_day_of_its_own_keeps_it_after_talks(tmp_path):
    body = "التقى ماكرون مع علييف في باريس أمس. وأصدرت الحكومتان اليوم بيانا مشتركا."
    found = events(tmp_path, body)
    assert ("agreement", "2023-03-14", []) in found, found


def test_signatories_named_at_the_close_of_talks_stay_the_document_s_people(tmp_path):
    body = (
        "التقى ماكرون وميشال مع علييف وباشينيان في براغ أمس. ووقع علييف وباشينيان في ختامه بيانا."
    )
    found = events(tmp_path, body)
    assert ("agreement", "2023-03-13", ["aliyev", "pashinyan"]) in found, found


def test_people_named_in_what_a_statement_says_did_not_make_it(tmp_path):
    body = "وقالت وزارة الخارجية الأذربيجانية في بيان اليوم إن تصريحات بلينكن منحازة."
    assert events(tmp_path, body) == [("statement", "2023-03-14", [])]


def test_a_remark_and_the_reply_to_it_on_the_next_day_stay_two_statements(tmp_path):
    body = (
        "أعلنت وزارة الخارجية الأذربيجانية اليوم رفضها تصريحات المسؤول الأمريكي. "
        "وكان بلينكن قد قال أمس في كلمة أمام الكونغرس إن واشنطن قلقة."
    )
    found = events(tmp_path, body)
    assert ("statement", "2023-03-14", []) in found, found
    assert ("statement", "2023-03-13", ["blinken"]) in found, found


def test_a_second_tier_official_named_in_full_is_that_person_not_the_office_holder(tmp_path):
    """Armenia's defence minister in August 2021 was Karapetyan, not his successor."""
    (tmp_path / "a.txt").write_text(
        "عنوان\nموسكو، 20 آب/أغسطس 2021 — أجرى وزير الدفاع الروسي سيرغي شويغو اليوم اتصالا "
        "هاتفيا بنظيره الأرميني أرشاك كارابيتيان.\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer()
    (article,) = read_file(tmp_path, "a.txt").articles
    records = to_records(cluster_mentions(process_article(article, gaz).mentions, gaz.place_by_id))
    assert [(r.type, sorted(r.participants)) for r in records] == [
        ("call", ["karapetyan", "shoigu"])
    ]


@pytest.mark.parametrize(
    "body",
    [
        "أطلع بوتين علييف خلال اتصال هاتفي اليوم على نتائج المحادثات التي أجراها مع باشينيان.",
        "بحث بوتين وعلييف هاتفيا اليوم التحضير للقمة.",
        "بحث بوتين وعلييف هاتفيا اليوم سبل دفع مفاوضات السلام.",
        "وناقش بوتين وعلييف هاتفيا اليوم تنفيذ الاتفاقات التي تم التوصل إليها في القمة الثلاثية.",
    ],
)
def test_talks_and_documents_a_call_discusses_are_its_subject_not_news(tmp_path, body):
    assert events(tmp_path, body) == [("call", "2023-03-14", ["aliyev", "putin"])]


def test_a_dated_summit_a_call_prepares_is_planned_beside_the_call(tmp_path):
    body = "بحث بوتين وعلييف هاتفيا اليوم التحضير للقمة المقرر عقدها في 20 آذار."
    found = [(r.type, r.date.isoformat(), r.status) for r in records_of(tmp_path, body)]
    assert found == [("call", "2023-03-14", "happened"), ("meeting", "2023-03-20", "planned")]


def test_a_call_with_its_subject_left_out_is_the_last_caller_s_one_with_each(tmp_path):
    body = (
        "وأطلع باشينيان الرئيس الروسي بوتين خلال اتصال هاتفي اليوم على التطورات. "
        "كما بحث هاتفيا مع الرئيس الفرنسي ماكرون ووزير الخارجية الأمريكي بلينكن الوضع."
    )
    found = events(tmp_path, body)
    assert sorted(found) == [
        ("call", "2023-03-14", ["blinken", "pashinyan"]),
        ("call", "2023-03-14", ["macron", "pashinyan"]),
        ("call", "2023-03-14", ["pashinyan", "putin"]),
    ], found


def test_a_sentence_opened_by_a_schedule_word_plans_its_first_event_however_far(tmp_path):
    body = (
        "ومن المقرر أن يعقد مجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي جلسة طارئة "
        "عبر الفيديو مساء اليوم برئاسة باشينيان."
    )
    found = [(r.type, r.status) for r in records_of(tmp_path, body)]
    assert found == [("call", "planned")], found


def test_a_ceasefire_that_was_reached_is_an_agreement_of_the_day(tmp_path):
    body = (
        "قال باشينيان اليوم إن الوضع صعب. وأعلنت موسكو أنها تمكنت من التوصل إلى وقف لإطلاق "
        "النار اعتبارا من الساعة التاسعة صباحا. وبحث الطرفان أيضا عملية السلام. "
        "وقالت الخارجية إن الأمر يتطلب جهدا."
    )
    assert ("agreement", "2023-03-14", []) in events(tmp_path, body)


def test_deaths_told_later_in_the_report_fell_in_the_fighting_it_tells(tmp_path):
    body = (
        "اندلعت اشتباكات عنيفة اليوم على الحدود بين البلدين. "
        "وأعلنت وزارة الدفاع في وقت لاحق مقتل سبعة من عسكرييها."
    )
    assert events(tmp_path, body) == [("hostilities", "2023-03-14", [])]


def test_deaths_the_fighting_answered_are_an_incident_of_their_own(tmp_path):
    body = (
        "شنت القوات اليوم عملية عسكرية في الإقليم. "
        "وجاءت العملية ردا على مقتل جندي في وقت سابق من اليوم."
    )
    assert sorted(events(tmp_path, body)) == [
        ("hostilities", "2023-03-14", []),
        ("incident", "2023-03-14", []),
    ]


def test_two_phone_conversations_are_two_calls_and_a_halt_of_fire_no_shooting(tmp_path):
    body = (
        "أعلنت وزارة الدفاع الروسية اليوم توقف إطلاق النار على الحدود. وقالت الوزارة إن "
        "شويغو أجرى اليوم محادثتين هاتفيتين مع نظيريه الأذربيجاني ذاكر حسنوف والأرميني "
        "سورين بابيكيان."
    )
    found = events(tmp_path, body)
    assert ("call", "2023-03-14", ["hasanov", "shoigu"]) in found, found
    assert ("call", "2023-03-14", ["papikyan", "shoigu"]) in found, found
    assert "incident" not in [t for t, _, _ in found], found


def test_talks_due_by_a_date_are_planned_however_far_the_future_verb(tmp_path):
    body = (
        "ووفقا للبيان، ستعقد مجموعة العمل، التي يترأسها من الجانب الروسي نائب رئيس الوزراء "
        "أليكسي أوفرتشوك، اجتماعها الأول بحلول 30 آذار الجاري."
    )
    found = [(r.type, r.date.isoformat(), r.status) for r in records_of(tmp_path, body)]
    assert found == [("meeting", "2023-03-30", "planned")], found


def test_talks_framing_a_signing_were_held_by_the_signatories(tmp_path):
    body = (
        "وقع بوتين وعلييف وباشينيان اليوم بيانا مشتركا بشأن النقل، في ختام محادثات ثلاثية "
        "في الكرملين."
    )
    found = events(tmp_path, body)
    assert ("meeting", "2023-03-14", ["aliyev", "pashinyan", "putin"]) in found, found
    assert ("agreement", "2023-03-14", ["aliyev", "pashinyan", "putin"]) in found, found


def test_the_report_s_event_told_again_leaves_the_talks_it_is_timed_against(tmp_path):
    body = (
        "التقى بيرموف وميرزويان في برلين اليوم. وجاء الاجتماع بعد أن اتفق علييف وباشينيان "
        "خلال لقاء جمعهما بشولتس في ميونيخ في 17 شباط الماضي على مواصلة الحوار."
    )
    found = events(tmp_path, body)
    assert ("meeting", "2023-03-14", ["bayramov", "mirzoyan"]) in found, found
    assert ("meeting", "2023-02-17", ["aliyev", "pashinyan", "scholz"]) in found, found
    assert len([t for t, _, _ in found if t == "meeting"]) == 2, found


def test_a_day_of_the_same_month_is_of_the_month_told_last(tmp_path):
    body = "وقعت اشتباكات في 10 كانون الثاني. وفي يوم 27 من الشهر ذاته، أسرت القوات ستة جنود."
    assert ("incident", "2023-01-27", []) in events(tmp_path, body)


@pytest.mark.parametrize(
    "body",
    [
        "ودانت وزارة الخارجية الأرمينية الخطوة في بيان اليوم، مطالبة قوات حفظ السلام بالتدخل.",
        "ونفت وزارة الدفاع الأرمينية اليوم الرواية الأذربيجانية، متهمة الجانب الآخر بالاستفزاز.",
    ],
)
def test_an_office_s_denial_or_condemnation_with_a_demand_is_a_statement(tmp_path, body):
    assert events(tmp_path, body) == [("statement", "2023-03-14", [])]


def test_what_an_office_denies_stays_denied_beside_its_statement(tmp_path):
    body = "نفى الكرملين اليوم أن يكون بوتين قد التقى علييف أمس."
    found = sorted((r.type, r.status) for r in records_of(tmp_path, body))
    assert found == [("meeting", "denied"), ("statement", "happened")], found


def test_a_document_a_spokesman_calls_to_respect_is_no_statement_of_the_day(tmp_path):
    body = "ودعا المتحدث باسم الكرملين الطرفين إلى الالتزام بالبيانات الثلاثية. قال بوتين اليوم إن الوضع صعب."
    assert ("statement", "2023-03-14", ["peskov"]) not in events(tmp_path, body)


def test_a_meeting_awaited_on_a_yearless_date_is_the_coming_one(tmp_path):
    body = "ومن المنتظر أن يلتقي علييف وباشينيان في الأول من حزيران في كيشيناو."
    found = [(r.type, r.date.isoformat(), r.status) for r in records_of(tmp_path, body)]
    assert found == [("meeting", "2023-06-01", "planned")], found


def test_an_announcement_of_a_visit_to_come_is_a_statement_made_today(tmp_path):
    body = "وأعلن الكرملين اليوم أن بوتين سيزور باكو."
    found = [(r.type, r.date.isoformat(), r.status) for r in records_of(tmp_path, body)]
    assert found == [("statement", "2023-03-14", "happened")], found


def test_an_office_s_reaction_to_talks_its_country_was_not_in_is_a_statement(tmp_path):
    body = "زار أردوغان شوشا اليوم. وأدانت وزارة الخارجية الأرمينية في بيان الزيارة."
    assert ("statement", "2023-03-14", []) in events(tmp_path, body)


def test_an_office_s_readout_of_its_own_leader_s_talks_is_part_of_them(tmp_path):
    body = (
        "التقى بوتين علييف اليوم في موسكو. وقالت الخارجية الروسية في بيان إن الرئيسين بحثا الوضع."
    )
    assert events(tmp_path, body) == [("meeting", "2023-03-14", ["aliyev", "putin"])]


def test_a_post_s_speaker_is_named_before_its_channel_not_those_it_addresses(tmp_path):
    """Trump, titled as president in a 2023 report: his name says who, not the office."""
    body = (
        "وكتب الرئيس الأمريكي دونالد ترامب على تويتر اليوم مهنئا رئيس الوزراء الأرميني "
        "نيكول باشينيان والرئيس الأذربيجاني إلهام علييف."
    )
    assert events(tmp_path, body) == [("statement", "2023-03-14", ["trump"])]


def test_a_signed_document_s_year_does_not_date_the_yearless_days_told_after_it(tmp_path):
    body = (
        "وكانت القوات قد انتشرت بموجب البيان الثلاثي الموقع في 9 نوفمبر 2020. وانتقد حاجي زاده "
        "الاجتماع الذي عقد في بروكسل في الخامس من آذار بين باشينيان وبلينكن."
    )
    found = events(tmp_path, body)
    assert any(t == "meeting" and d == "2023-03-05" for t, d, _ in found), found


def test_an_office_announcing_a_breach_of_a_recalled_document_makes_a_statement(tmp_path):
    body = (
        "أعلنت وزارة الدفاع الروسية، اليوم، أن القوات انتهكت أحكام البيان الثلاثي الصادر في "
        "9 نوفمبر 2020. وقالت الوزارة إن الوحدات دخلت قرية فاروخ يوم الخميس الماضي، وإن "
        "طائرات مسيرة نفذت أمس ضربات على وحدات الإقليم."
    )
    found = events(tmp_path, body)
    assert ("statement", "2023-03-14", []) in found, found
    assert ("incident", "2023-03-09", []) in found, found
    assert ("incident", "2023-03-13", []) in found, found
    assert ("statement", "2023-03-09", []) not in found, found


def test_the_talks_a_visit_is_for_are_the_visit_planned_later_this_month(tmp_path):
    body = "ومن المنتظر أن يزور باشينيان موسكو في وقت لاحق من الشهر الجاري للقاء الرئيس بوتين."
    found = [(r.type, r.status, sorted(r.participants)) for r in records_of(tmp_path, body)]
    assert found == [("meeting", "planned", ["pashinyan", "putin"])], found


def test_talks_scheduled_after_a_meeting_are_not_its_purpose(tmp_path):
    body = "التقى باشينيان ماكرون اليوم في باريس، ومن المقرر أن يتوجه غدا إلى بروكسل للقاء ميشال."
    found = sorted((r.type, r.date.isoformat(), r.status) for r in records_of(tmp_path, body))
    assert found == [("meeting", "2023-03-14", "happened"), ("meeting", "2023-03-15", "planned")]
