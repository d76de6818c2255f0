"""Small articles in every format the build reads, written for these tests (not corpus or dev-set
text): saved pages wrapped in the clutter real sites carry, feed lines in both field styles,
text files. Sites and addresses are made up (example.org, example.net)."""

from __future__ import annotations

import json
from pathlib import Path

# The story of each page: a headline and its paragraphs.
TRILATERAL = (
    "بوتين يجمع علييف وباشينيان في الكرملين",
    [
        "استضاف الرئيس الروسي فلاديمير بوتين اليوم الاثنين في الكرملين الرئيس الأذربيجاني إلهام "
        "علييف ورئيس الوزراء الأرميني نيكول باشينيان، في أول لقاء يجمع الثلاثة منذ توقف القتال.",
        "وتناول القادة خلال اللقاء إعادة فتح طرق النقل والمواصلات بين البلدين.",
    ],
)
BRUSSELS = (
    "ميشال يستقبل زعيمي أذربيجان وأرمينيا في بروكسل",
    [
        "جمع رئيس المجلس الأوروبي شارل ميشال مساء اليوم الأربعاء في بروكسل الرئيس الأذربيجاني "
        "إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان لبحث معاهدة السلام.",
        "واتفق الجانبان على تكليف وزيري الخارجية بالتحضير لمعاهدة سلام بين البلدين.",
    ],
)
MACRON_CALL = (
    "ماكرون يتصل بعلييف",
    [
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اليوم الجمعة اتصالا هاتفيا بالرئيس الأذربيجاني "
        "إلهام علييف، دعا فيه إلى وقف فوري لإطلاق النار في قره باغ.",
        "وقال الإليزيه إن ماكرون عبر عن قلقه من اتساع رقعة المعارك.",
    ],
)

# Page clutter: text of menus, tickers, lists of other stories, share and tag boxes, sign-up
# forms, footers and cookie notices. None of it may end up in an article's text.
CLUTTER = (
    "الصفحة الرئيسية",
    "منوعات وثقافة",
    "ارتفاع أسعار الذهب في الأسواق العالمية",
    "مهرجان للسينما يفتتح دورته الجديدة",
    "منتخب الشباب يتأهل إلى النهائي",
    "موسكو تستضيف محادثات جديدة بين باكو ويريفان",
    "شارك عبر واتساب",
    "أذربيجان، أرمينيا، الكرملين",
    "سجل بريدك لتصلك أهم العناوين",
    "جميع الحقوق محفوظة",
    "ملفات تعريف الارتباط",
)
_CHROME_TOP = """
<div class="util-strip"><a href="/login">دخول</a> <a href="/en">English</a></div>
<nav class="site-menu"><ul><li><a href="/">الصفحة الرئيسية</a></li><li><a href="/p">سياسة</a></li>
<li><a href="/c">منوعات وثقافة</a></li></ul></nav>
<div class="news-ticker"><strong>عاجل</strong> ارتفاع أسعار الذهب في الأسواق العالمية</div>
"""
_CHROME_AROUND_BODY = """
<div class="share-tools"><a href="#">شارك عبر واتساب</a> <a href="#">تويتر</a></div>
<div class="labels">الوسوم: <a href="/t/1">أذربيجان، أرمينيا، الكرملين</a></div>
"""
_CHROME_BOTTOM = """
<aside class="col-side"><h3>الأكثر قراءة</h3><ol><li>مهرجان للسينما يفتتح دورته الجديدة</li>
<li>منتخب الشباب يتأهل إلى النهائي</li></ol></aside>
<div class="box-7"><h4>اقرأ أيضا</h4><ul><li><a href="/n/9">موسكو تستضيف محادثات جديدة بين باكو
ويريفان</a></li></ul></div>
<form class="signup"><label>سجل بريدك لتصلك أهم العناوين</label><input type="email"></form>
<footer><p>جميع الحقوق محفوظة © 2021 موقع المثال</p></footer>
<div id="consent-box">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. <button>موافق</button></div>
"""


def page(head: str, story: tuple[str, list[str]], byline: str = "") -> str:
    """A saved page: `head` (its metadata) and the story amid the site's clutter."""
    headline, paragraphs = story
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}</head>
<body>{_CHROME_TOP}
<div class="wrap"><div class="story">
<h1>{headline}</h1>{byline}{_CHROME_AROUND_BODY}
<div class="story-text">{body}</div>
</div>{_CHROME_BOTTOM}</div>
</body></html>
"""


# Each metadata form a page can carry its date, site name and address in.
PAGE_META = page(
    """<title>بوتين يجمع علييف وباشينيان في الكرملين | موقع المثال</title>
<meta property="og:site_name" content="موقع المثال">
<meta property="og:title" content="بوتين يجمع علييف وباشينيان في الكرملين">
<meta property="article:published_time" content="2021-01-11T22:40:00+03:00">
<link rel="canonical" href="https://www.example.org/news/kremlin-trilateral">""",
    TRILATERAL,
)
PAGE_JSON_LD = page(
    """<title>ميشال يستقبل زعيمي أذربيجان وأرمينيا في بروكسل</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "أخبار المثال", "url": "https://example.net/"},
 {"@type": "NewsArticle", "headline": "ميشال يستقبل زعيمي أذربيجان وأرمينيا في بروكسل",
  "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.net/eu/brussels-talks"},
  "datePublished": "2022-04-06T23:15:00+02:00",
  "publisher": {"@type": "Organization", "name": "أخبار المثال"}}]}
</script>""",
    BRUSSELS,
)
PAGE_TIME = page(
    "<title>ماكرون يتصل بعلييف :: نشرة المثال</title>",
    MACRON_CALL,
    byline='<p class="by">كتبه فريق التحرير <time datetime="2020-10-02T18:20">قبل ساعتين</time></p>',
)

# Feed lines: style A (news-please's field names), style B (trafilatura's), and others.
SOCHI_2022 = (
    "عقد الرئيس الروسي فلاديمير بوتين اليوم الاثنين في سوتشي لقاء ثلاثيا مع الرئيس الأذربيجاني "
    "إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان.\nوأصدر القادة الثلاثة في ختام اللقاء "
    "بيانا مشتركا."
)
BLINKEN_CALL = (
    "بحث وزير الخارجية الأمريكي أنتوني بلينكن هاتفيا اليوم الخميس مع الرئيس الأذربيجاني إلهام "
    "علييف أوضاع السكان في قره باغ."
)
SOCHI_2021 = (
    "التقى الرئيس الروسي فلاديمير بوتين اليوم الجمعة في سوتشي الرئيس الأذربيجاني إلهام علييف "
    "ورئيس الوزراء الأرميني نيكول باشينيان."
)
FEED_STYLE_A = {
    "title": "قمة ثلاثية في سوتشي",
    "maintext": SOCHI_2022,
    "date_publish": "2022-10-31 18:05:00",
    "url": "https://example.org/2022/10/31/sochi",
    "source_domain": "example.org",
    "language": "ar",
}
FEED_STYLE_B = {
    "title": "بلينكن يتصل بعلييف",
    "text": BLINKEN_CALL,
    "date": "2023-10-05T20:00:00+04:00",
    "url": "https://example.net/blinken-aliyev-call",
    "sitename": "أخبار المثال",
    "authors": ["المحرر"],
}
FEED_OTHER_NAMES = {
    "text": SOCHI_2021,
    "published_at": "2021-11-26T21:30:00Z",
    "source": {"id": "example", "name": "وكالة المثال"},
}


def jsonl(*records: object) -> str:
    """Feed lines: a record as JSON, a string as it is (for bad lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


# A text file with the debris scrapers leave before the headline, a dateline, a source line.
TEXT_FILE = """scroll to top
88213.jpg
٥ تشرين الأول ٢٠٢٠
أردوغان يبحث مع علييف التطورات في قره باغ
أنقرة، 5 تشرين الأول/أكتوبر 2020 — أجرى الرئيس التركي رجب طيب أردوغان اليوم الاثنين اتصالا هاتفيا مع نظيره الأذربيجاني إلهام علييف.
وبحث الرئيسان التطورات الميدانية وسبل التهدئة.
المصدر: الأناضول
"""


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MANIFEST = """file,published,url,outlet,title,desk
erdogan.txt,2020-10-05,https://example.org/turkey/erdogan-aliyev,جريدة المثال,أردوغان وعلييف,دولي
"""


def every_format(folder: Path) -> Path:
    """A corpus folder of three pages, a feed of three lines, a text file with its manifest,
    and a file of another kind."""
    write(folder, "pages/meta.html", PAGE_META)
    write(folder, "pages/ld.html", PAGE_JSON_LD)
    write(folder, "pages/time.html", PAGE_TIME)
    write(folder, "feed.jsonl", jsonl(FEED_STYLE_A, FEED_STYLE_B, FEED_OTHER_NAMES))
    write(folder, "texts/erdogan.txt", TEXT_FILE)
    write(folder, "texts/manifest.csv", MANIFEST)
    write(folder, "README.md", "# notes\n")
    return folder
