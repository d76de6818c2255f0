"""The same article arriving twice is one article: same web address, or same text.

A report is often both saved as a page and carried by a feed, or scraped twice into one feed;
counting it twice would make one source look like two and double its events' weight. The first
one read is kept (files in name order, a feed's lines in order) and each later copy is reported
by name. The keys are also what a feed article's id is made of (`feeds`), so the id follows the
article, not its line.
"""

from __future__ import annotations

import hashlib
import urllib.parse

from newsdesk.pipeline.corpus import ArticleProblem, RawArticle

# Query parameters that say how a reader came to the page, not which page it is.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING = frozenset({"fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "ref", "amp"})


def url_key(url: str) -> str:
    """One spelling of a web address for comparison: scheme, `www.`, default port, letter case
    of the host, trailing slash, fragment and tracking parameters do not tell pages apart."""
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = sorted(
        (name, value)
        for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() not in _TRACKING and not name.lower().startswith(_TRACKING_PREFIXES)
    )
    path = urllib.parse.unquote(parts.path).rstrip("/")
    return f"{host}{port}{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")


def text_key(text: str) -> str:
    """The text with its white space evened out: a page and a feed line of one report differ
    in line breaks and spaces, not in words."""
    return " ".join(text.split())


def identity(article: RawArticle) -> str:
    """A short stable hash naming the article: of its address where it has one, else of its
    text."""
    key = f"url:{url_key(article.url)}" if article.url else f"text:{text_key(article.text)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def drop_duplicates(
    articles: list[RawArticle],
) -> tuple[list[RawArticle], list[ArticleProblem]]:
    """The articles without later copies, and a problem naming each copy and what it copies."""
    kept: list[RawArticle] = []
    problems: list[ArticleProblem] = []
    by_url: dict[str, RawArticle] = {}
    by_text: dict[str, RawArticle] = {}
    for article in articles:
        url = url_key(article.url) if article.url else ""
        text = text_key(article.text)
        first, why = by_url.get(url), "same URL"
        if first is None:
            first, why = by_text.get(text), "same text"
        if first is not None:
            problems.append(
                ArticleProblem(
                    article.path, f"the same article as {first.source} ({why})", line=article.line
                )
            )
            continue
        kept.append(article)
        if url:
            by_url[url] = article
        by_text[text] = article
    return kept, problems
