"""A small, realistic, contract-conformant data folder (and corpus) built in code.

The app tests run on it whatever the state of the shipped tables: 15 events of every type and
precision (day, multi-day, week, month, year), a date conflict whose sources say 9 and 10
November 2020, planned and denied events, an editor correction, a summary carrying
`<script>` and `<b>` that must stay text, ids missing from the lookup tables, events with no
sources, and article files whose evidence offsets are computed from the text itself.

The articles name their sources as a build from pages and feeds would: most have a headline,
some a web address (one with `&` in its query), one an address that is no web link
(`javascript:`), one no headline, one neither outlet nor headline, so every way a source can be
named is shown.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from newsdesk.contract.schema import TABLES
from newsdesk.contract.tables import write_rows

XSS_EVENT = "ev-fx-incident-2022-12-12"
CONFLICT_EVENT = "ev-fx-agreement-2020-11-09"
WEEK_EVENT = "ev-fx-incident-2023-03-15"
CALL_2020 = "ev-fx-call-2020-10-07"
MEETING_2021 = "ev-fx-meeting-2021-07-20"
ERDOGAN_CALL = "ev-fx-call-2023-11-05"
SCRIPT = "<script>alert(1)</script>"
NOT_A_LINK = "javascript:alert(1)"


class FixtureArticle(NamedTuple):
    file: str
    outlet: str
    title: str
    url: str
    published: str
    basis: str
    text: str


ARTICLES = {
    "fx_001": FixtureArticle(
        "fx_001.txt",
        "TASS",
        "ثلاثة قادة يوقعون في موسكو بياناً ينهي القتال في قره باغ",
        "https://tass.example/ar/world/1001?section=caucasus&lang=ar",
        "2020-11-10",
        "stated",
        "موسكو، 10 تشرين الثاني/نوفمبر 2020 — وقّع الرئيس الروسي فلاديمير بوتين والرئيس "
        "الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان بياناً مشتركاً بشأن وقف "
        "إطلاق النار في قره باغ بعد ستة أسابيع من القتال.\n\n"
        "وكان بوتين قد أجرى اتصالاً هاتفياً مع علييف يوم 7 تشرين الأول/أكتوبر 2020 بحث خلاله "
        "الوضع في المنطقة.\n\nscroll to top\n",
    ),
    "fx_002": FixtureArticle(
        "fx_002.txt",
        "Sputnik",
        "",
        "https://sputnik.example/ar/20201110/peacekeepers.html",
        "2020-11-10",
        "inferred",
        "وقع القادة الثلاثة يوم 9 نوفمبر بياناً بوقف إطلاق النار ونشر قوات حفظ السلام الروسية.\n\n"
        "وأعلن الكرملين أن بوتين سيلتقي علييف وباشينيان في سوتشي الشهر المقبل.\n",
    ),
    "fx_003": FixtureArticle(
        "fx_003.txt",
        "RT Arabic",
        "علييف في الكرملين لبحث مستقبل قرة باغ",
        "",
        "2021-07-20",
        "stated",
        "موسكو، 20 يوليو 2021 — استقبل الرئيس الروسي فلاديمير بوتين في الكرملين الرئيس "
        "الأذربيجاني إلهام علييف لبحث تسوية نزاع قرة باغ.\n\n"
        "وكان باشينيان قد بعث برسالة إلى بوتين في وقت سابق من عام 2021 بشأن الأسرى.\n\n"
        "وفي أيار/مايو 2022 أكد الرئيس التركي رجب طيب أردوغان في باكو دعم بلاده لممرات النقل.\n",
    ),
    "fx_004": FixtureArticle(
        "fx_004.txt",
        "Anadolu",
        "ممر لاتشين مغلق <b>x</b> من جديد",
        NOT_A_LINK,
        "2023-03-20",
        "inferred",
        "وفي منتصف مارس الماضي أغلق محتجون ممر لاتشين مجدداً، ما فاقم الوضع الإنساني في خانكندي.\n\n"
        "ونفى الكرملين أن يكون بوتين قد التقى باشينيان في موسكو أمس.\n\n"
        "وكان محتجون قد قطعوا الطريق أول مرة في 12 كانون الأول/ديسمبر 2022.\n",
    ),
    "fx_005": FixtureArticle(
        "fx_005.txt",
        "",
        "",
        "",
        "2023-09-21",
        "stated",
        "باكو، ٢١ سبتمبر ٢٠٢٣ — أعلنت وزارة الدفاع الأذربيجانية انتهاء العمليات العسكرية في قره "
        "باغ بعد يومين من القتال.\n\n"
        "وأجرى وزير الخارجية الأمريكي أنتوني بلينكن اتصالاً هاتفياً بالرئيس علييف أمس.\n",
    ),
}

ACTORS = [
    (
        "putin",
        "Vladimir Putin",
        "فلاديمير بوتين",
        "بوتين;بوتن",
        "President of Russia",
        "رئيس روسيا",
        "ru",
    ),
    (
        "aliyev",
        "Ilham Aliyev",
        "إلهام علييف",
        "علييف;إلهام علييف",
        "President of Azerbaijan",
        "رئيس أذربيجان",
        "az",
    ),
    (
        "pashinyan",
        "Nikol Pashinyan",
        "نيكول باشينيان",
        "باشينيان;باشنيان",
        "Prime Minister of Armenia",
        "رئيس وزراء أرمينيا",
        "am",
    ),
    (
        "erdogan",
        "Recep Tayyip Erdogan",
        "رجب طيب أردوغان",
        "أردوغان",
        "President of Turkey",
        "رئيس تركيا",
        "tr",
    ),
    (
        "blinken",
        "Antony Blinken",
        "أنتوني بلينكن",
        "بلينكن",
        "US Secretary of State",
        "وزير الخارجية الأمريكي",
        "us",
    ),
    (
        "macron",
        "Emmanuel Macron",
        "إيمانويل ماكرون",
        "ماكرون",
        "President of France",
        "رئيس فرنسا",
        "fr",
    ),
]
PLACES = [
    ("moscow", "Moscow", "موسكو", "موسكو", "city", "ru", "", "55.7558", "37.6173"),
    ("sochi", "Sochi", "سوتشي", "سوتشي", "city", "ru", "", "43.5855", "39.7231"),
    ("baku", "Baku", "باكو", "باكو", "city", "az", "az-baku", "40.4093", "49.8671"),
    (
        "lachin",
        "Lachin (Berdzor)",
        "لاتشين",
        "لاتشين;لاچين",
        "town",
        "az",
        "az-lachin",
        "39.6406",
        "46.5467",
    ),
    (
        "karabakh",
        "Karabakh (Nagorno-Karabakh)",
        "قره باغ",
        "قره باغ;قرة باغ;كاراباخ",
        "region",
        "az",
        "",
        "39.8",
        "46.75",
    ),
    (
        "khankendi",
        "Khankendi (Stepanakert)",
        "خانكندي",
        "خانكندي;ستيباناكيرت",
        "city",
        "az",
        "az-khankendi",
        "39.8153",
        "46.7519",
    ),
]
TOPICS = [
    ("ceasefire", "Ceasefire", "وقف إطلاق النار", "وقف إطلاق النار"),
    ("peacekeepers", "Peacekeepers and monitors", "قوات حفظ السلام", "حفظ السلام"),
    ("peace_treaty", "Peace treaty and normalisation", "معاهدة السلام", "معاهدة السلام"),
    ("humanitarian", "Humanitarian situation", "الوضع الإنساني", "الوضع الإنساني"),
    ("lachin_corridor", "Lachin corridor", "ممر لاتشين", "ممر لاتشين"),
    ("prisoners", "Prisoners, detainees and remains", "الأسرى والمحتجزون", "الأسرى"),
    ("transport_links", "Transport and economic links", "ممرات النقل", "ممرات النقل"),
    ("border_delimitation", "Border delimitation", "ترسيم الحدود", "ترسيم الحدود"),
    ("security", "Military and security incidents", "الأمن", "العمليات العسكرية"),
]


def _event(event_id: str, date: str, precision: str, kind: str, **fields: str) -> dict[str, str]:
    row = {column: "" for column in TABLES["events"]}
    row.update(
        event_id=event_id,
        date=date,
        date_precision=precision,
        type=kind,
        status="happened",
        confidence="0.80",
        plover={"call": "CONSULT:phone", "meeting": "CONSULT:visit", "agreement": "SUPPORT"}.get(
            kind, ""
        ),
    )
    row.update(fields)
    row["n_sources"] = str(len([s for s in row["source_articles"].split(";") if s]))
    return row


EVENTS = [
    _event(
        CONFLICT_EVENT,
        "2020-11-09",
        "day",
        "agreement",
        participants="putin;aliyev;pashinyan",
        place_id="moscow",
        topics="ceasefire;peacekeepers",
        title_en="Putin, Aliyev and Pashinyan sign a ceasefire statement",
        title_ar="بوتين وعلييف وباشينيان يوقعون بياناً لوقف إطلاق النار",
        summary_en="The leaders of Russia, Azerbaijan and Armenia signed a joint statement ending the fighting in Karabakh and deploying Russian peacekeepers.",
        summary_ar="وقّع قادة روسيا وأذربيجان وأرمينيا بياناً مشتركاً ينهي القتال في قره باغ وينشر قوات حفظ سلام روسية.",
        source_articles="fx_001;fx_002",
        flags="date_conflict",
    ),
    _event(
        CALL_2020,
        "2020-10-07",
        "day",
        "call",
        participants="putin;aliyev",
        initiator="putin",
        topics="ceasefire",
        title_en="Putin calls Aliyev",
        title_ar="بوتين يتصل بعلييف",
        summary_en="Putin and Aliyev discussed the situation in the region by phone.",
        summary_ar="بحث بوتين وعلييف هاتفياً الوضع في المنطقة.",
        source_articles="fx_001",
    ),
    _event(
        "ev-fx-hostilities-2020-09-27",
        "2020-09-27",
        "day",
        "hostilities",
        date_end="2020-11-10",
        participants="aliyev;pashinyan",
        place_id="karabakh",
        topics="security",
        title_en="Six weeks of war in Karabakh",
        title_ar="ستة أسابيع من الحرب في قره باغ",
        summary_en="Fighting between Azerbaijan and Armenia over Karabakh.",
        summary_ar="قتال بين أذربيجان وأرمينيا في قره باغ.",
        source_articles="fx_001",
    ),
    _event(
        "ev-fx-meeting-2020-12-01",
        "2020-12-01",
        "month",
        "meeting",
        status="planned",
        participants="putin;aliyev;pashinyan",
        place_id="sochi",
        flags="inferred_date",
        title_en="Planned meeting of the three leaders in Sochi",
        title_ar="لقاء مقرر للقادة الثلاثة في سوتشي",
        summary_en="The Kremlin announced a meeting of the three leaders in Sochi the next month.",
        summary_ar="أعلن الكرملين لقاء للقادة الثلاثة في سوتشي الشهر المقبل.",
        source_articles="fx_002",
    ),
    _event(
        MEETING_2021,
        "2021-07-20",
        "day",
        "meeting",
        participants="putin;aliyev",
        initiator="putin",
        place_id="moscow",
        topics="peace_treaty",
        title_en="Putin receives Aliyev in Moscow",
        title_ar="بوتين يستقبل علييف في موسكو",
        summary_en="Putin received Aliyev in the Kremlin to discuss a settlement of the Karabakh conflict.",
        summary_ar="استقبل بوتين علييف في الكرملين لبحث تسوية نزاع قره باغ.",
        source_articles="fx_003",
    ),
    _event(
        "ev-fx-letter-2021",
        "2021-01-01",
        "year",
        "letter",
        participants="pashinyan;putin",
        initiator="pashinyan",
        topics="prisoners",
        title_en="Pashinyan writes to Putin about prisoners",
        title_ar="باشينيان يبعث برسالة إلى بوتين بشأن الأسرى",
        summary_en="Pashinyan sent Putin a letter about prisoners earlier in 2021.",
        summary_ar="بعث باشينيان برسالة إلى بوتين بشأن الأسرى في وقت سابق من عام 2021.",
        source_articles="fx_003",
        flags="inferred_year",
    ),
    _event(
        "ev-fx-statement-2022-05",
        "2022-05-01",
        "month",
        "statement",
        participants="erdogan",
        place_id="baku",
        topics="transport_links",
        title_en="Erdogan backs transport links in Baku",
        title_ar="أردوغان يؤكد في باكو دعم ممرات النقل",
        summary_en="The Turkish president stated his country's support for new transport links.",
        summary_ar="أكد الرئيس التركي دعم بلاده لممرات النقل.",
        source_articles="fx_003",
    ),
    _event(
        XSS_EVENT,
        "2022-12-12",
        "day",
        "incident",
        place_id="lachin",
        topics="lachin_corridor",
        title_en="Protesters block the Lachin road <b>x</b>",
        title_ar="محتجون يقطعون طريق لاتشين <b>x</b>",
        summary_en=f"{SCRIPT} and <b>x</b>: the only road to Karabakh was closed.",
        summary_ar=f"{SCRIPT} و<b>x</b>: أُغلق الطريق الوحيد إلى قره باغ.",
        source_articles="fx_004",
    ),
    _event(
        WEEK_EVENT,
        "2023-03-15",
        "week",
        "incident",
        place_id="lachin",
        topics="humanitarian;lachin_corridor",
        flags="inferred_year",
        title_en="The Lachin corridor is closed again",
        title_ar="إغلاق ممر لاتشين مجدداً",
        summary_en="Protesters closed the Lachin corridor again, worsening the humanitarian situation.",
        summary_ar="أغلق محتجون ممر لاتشين مجدداً ما فاقم الوضع الإنساني.",
        source_articles="fx_004",
    ),
    _event(
        "ev-fx-meeting-2023-03-19",
        "2023-03-19",
        "day",
        "meeting",
        status="denied",
        participants="putin;pashinyan",
        place_id="moscow",
        flags="inferred_date",
        title_en="Reported meeting of Putin and Pashinyan (denied)",
        title_ar="لقاء بين بوتين وباشينيان (منفي)",
        summary_en="The Kremlin denied that Putin had met Pashinyan in Moscow.",
        summary_ar="نفى الكرملين أن يكون بوتين قد التقى باشينيان في موسكو.",
        source_articles="fx_004",
    ),
    _event(
        "ev-fx-hostilities-2023-09-19",
        "2023-09-19",
        "day",
        "hostilities",
        date_end="2023-09-20",
        participants="aliyev",
        place_id="karabakh",
        topics="security",
        title_en="Azerbaijan's offensive in Karabakh",
        title_ar="الهجوم الأذربيجاني في قره باغ",
        summary_en="Two days of fighting ended with Azerbaijan in control of Karabakh.",
        summary_ar="انتهى يومان من القتال بسيطرة أذربيجان على قره باغ.",
        source_articles="fx_005",
    ),
    _event(
        "ev-fx-call-2023-09-20",
        "2023-09-20",
        "day",
        "call",
        participants="blinken;aliyev",
        initiator="blinken",
        flags="inferred_date",
        title_en="Blinken calls Aliyev",
        title_ar="بلينكن يتصل بعلييف",
        summary_en="The US Secretary of State called the Azerbaijani president.",
        summary_ar="اتصل وزير الخارجية الأمريكي بالرئيس الأذربيجاني.",
        source_articles="fx_005",
    ),
    _event(
        "ev-fx-meeting-2022-10-06",
        "2022-10-06",
        "day",
        "meeting",
        participants="aliyev;pashinyan;macron",
        place_id="prague",
        topics="border_delimitation;peace_treaty",
        title_en="Aliyev and Pashinyan meet in Prague with Macron",
        title_ar="علييف وباشينيان يلتقيان في براغ بحضور ماكرون",
        summary_en="A quadrilateral meeting on the margins of a European summit.",
        summary_ar="لقاء رباعي على هامش قمة أوروبية.",
    ),
    _event(
        "ev-fx-agreement-2024-04-25",
        "2024-04-25",
        "week",
        "agreement",
        participants="aliyev;pashinyan",
        topics="border_delimitation",
        title_en="Agreement on the first border section",
        title_ar="اتفاق على أول قطاع من الحدود",
        summary_en="Armenia and Azerbaijan agreed on the delimitation of a first border section.",
        summary_ar="اتفقت أرمينيا وأذربيجان على ترسيم أول قطاع من الحدود.",
    ),
    _event(
        ERDOGAN_CALL,
        "2023-11-05",
        "day",
        "call",
        participants="erdogan;aliyev",
        initiator="erdogan",
        title_en="Erdogan calls Aliyev",
        title_ar="اتصال هاتفي بين أردوغان وعلييف",
        summary_en="The Turkish and Azerbaijani presidents spoke by phone.",
        summary_ar="تحدث الرئيسان التركي والأذربيجاني هاتفياً.",
    ),
]

# (event_id, article_id, sentence start marker, date, precision, type, status)
MENTIONS = [
    (CONFLICT_EVENT, "fx_001", "موسكو، 10", "2020-11-10", "day", "agreement", "happened"),
    (CONFLICT_EVENT, "fx_002", "وقع القادة", "2020-11-09", "day", "agreement", "happened"),
    (CALL_2020, "fx_001", "وكان بوتين", "2020-10-07", "day", "call", "happened"),
    (
        "ev-fx-hostilities-2020-09-27",
        "fx_001",
        "موسكو، 10",
        "2020-09-27",
        "day",
        "hostilities",
        "happened",
    ),
    (
        "ev-fx-meeting-2020-12-01",
        "fx_002",
        "وأعلن الكرملين",
        "2020-12-01",
        "month",
        "meeting",
        "planned",
    ),
    (MEETING_2021, "fx_003", "موسكو، 20", "2021-07-20", "day", "meeting", "happened"),
    ("ev-fx-letter-2021", "fx_003", "وكان باشينيان", "2021-01-01", "year", "letter", "happened"),
    (
        "ev-fx-statement-2022-05",
        "fx_003",
        "وفي أيار",
        "2022-05-01",
        "month",
        "statement",
        "happened",
    ),
    (XSS_EVENT, "fx_004", "وكان محتجون", "2022-12-12", "day", "incident", "happened"),
    (WEEK_EVENT, "fx_004", "وفي منتصف", "2023-03-15", "week", "incident", "happened"),
    (
        "ev-fx-meeting-2023-03-19",
        "fx_004",
        "ونفى الكرملين",
        "2023-03-19",
        "day",
        "meeting",
        "denied",
    ),
    (
        "ev-fx-hostilities-2023-09-19",
        "fx_005",
        "باكو،",
        "2023-09-19",
        "day",
        "hostilities",
        "happened",
    ),
    ("ev-fx-call-2023-09-20", "fx_005", "وأجرى وزير", "2023-09-20", "day", "call", "happened"),
]

CORRECTIONS = [
    {
        "correction_id": "c1",
        "event_id": MEETING_2021,
        "field": "title_en",
        "value": "Putin receives Aliyev in the Kremlin",
        "editor": "fixture",
        "time": "2024-01-01T10:00:00",
        "note": "clearer title",
    }
]


def sentence_span(text: str, marker: str) -> tuple[int, int]:
    start = text.index(marker)
    end = text.find("\n", start)
    return start, end if end != -1 else len(text)


def write_fixture(root: Path) -> tuple[Path, Path]:
    """Write `root/data/*.csv` and `root/corpus/*.txt`; returns (data_dir, corpus_dir)."""
    data_dir, corpus_dir = root / "data", root / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    articles = []
    texts = {}
    for article_id, article in ARTICLES.items():
        raw = article.text.encode("utf-8")
        (corpus_dir / article.file).write_bytes(raw)
        texts[article_id] = article.text
        articles.append(
            {
                "article_id": article_id,
                "file": article.file,
                "outlet": article.outlet,
                "title": article.title,
                "url": article.url,
                "published": article.published,
                "published_basis": article.basis,
                "n_chars": str(len(article.text)),
                "sha256": hashlib.sha256(raw).hexdigest(),
            }
        )
    events = {row["event_id"]: row for row in EVENTS}
    mentions = []
    for number, (event_id, article_id, marker, date, precision, kind, status) in enumerate(
        MENTIONS, start=1
    ):
        start, end = sentence_span(texts[article_id], marker)
        event = events[event_id]
        mentions.append(
            {
                "mention_id": f"m{number:03d}",
                "event_id": event_id,
                "article_id": article_id,
                "start": str(start),
                "end": str(end),
                "type": kind,
                "date": date,
                "date_precision": precision,
                "participants": event["participants"],
                "place_id": event["place_id"],
                "status": status,
            }
        )
    write_rows(data_dir / "events.csv", TABLES["events"], EVENTS)
    write_rows(data_dir / "mentions.csv", TABLES["mentions"], mentions)
    write_rows(data_dir / "articles.csv", TABLES["articles"], articles)
    write_rows(
        data_dir / "actors.csv",
        TABLES["actors"],
        [dict(zip(TABLES["actors"], row, strict=True)) for row in ACTORS],
    )
    write_rows(
        data_dir / "places.csv",
        TABLES["places"],
        [dict(zip(TABLES["places"], row, strict=True)) for row in PLACES],
    )
    write_rows(
        data_dir / "topics.csv",
        TABLES["topics"],
        [dict(zip(TABLES["topics"], row, strict=True)) for row in TOPICS],
    )
    write_rows(data_dir / "corrections.csv", TABLES["corrections"], CORRECTIONS)
    return data_dir, corpus_dir


def write_empty(root: Path) -> Path:
    """A data folder whose tables have headers only."""
    data_dir = root / "empty"
    for name, columns in TABLES.items():
        write_rows(data_dir / f"{name}.csv", columns, [])
    return data_dir


if __name__ == "__main__":  # python -m tests.app.fixtures /tmp/fixture
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsdesk-fixture")
    print(write_fixture(target))
