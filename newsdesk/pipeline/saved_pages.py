"""Reading a saved web page (`.html`, `.htm`): its article text, title, publication date, site
name and web address, with trafilatura.

trafilatura finds the main text and leaves the page's chrome out; its metadata reader takes the
title, site name and address from the page's meta tags, JSON-LD and canonical link, and the date
from htmldate. htmldate runs without its extensive search: that search guesses a date from any
year in the page (a copyright line's `2019` becomes 1 January 2019), and a publication date is
right or absent here, never a guess; a page without a dated tag is dated from its text instead.

What trafilatura misses is filled in here, each with its reason:
- page clutter it keeps: boxes that `data/lexicon/page_clutter.csv` names by element, by class or
  id, or by an Arabic heading (`الأكثر قراءة`), are pruned before the text is taken;
- a site name given only in `<title>` (`headline | Site`): trafilatura takes it from there only
  when it looks like a domain, and Arabic site names have no dot;
- an address given only in JSON-LD (`url`, `mainEntityOfPage`): trafilatura does not read it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import trafilatura
from lxml.html import HtmlElement

from newsdesk.language.arabic import normalize
from newsdesk.language.lexicon import read_lexicon
from newsdesk.pipeline.corpus import (
    FileReading,
    RawArticle,
    check_text,
    file_article,
    metadata_date,
    read_one_article,
    web_address,
)

# A saved page carries scripts, styles and inline images besides the article.
MAX_PAGE_BYTES = 10 * 1024 * 1024
# `headline | Site`, `Site - headline`, `headline :: Site`: the separators sites put in <title>
_TITLE_SEPARATOR = re.compile(r"\s+(?:\|\|?|::?|[-–—·•»«])\s+")
SITE_NAME_MAX_WORDS = 6
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A box is never pruned when it holds the story: its headline, an article or a long paragraph.
_KEEP = "not(self::html or self::body or self::main or self::article or .//h1 or .//article"
_KEEP += " or .//main or .//p[string-length(normalize-space()) > 300])"
_BOXES = "self::div or self::section or self::aside or self::ul or self::ol or self::td"


def read_saved_page(corpus_dir: Path, relative: str) -> FileReading:
    """One article from one saved page, or the reason there is none."""
    return read_one_article(corpus_dir, relative, MAX_PAGE_BYTES, _article)


def _article(data: bytes, relative: str) -> RawArticle:
    tree = trafilatura.load_html(data)
    if tree is None:
        raise ValueError("not an HTML page trafilatura can read")
    page_title, ld_url = _title_element(tree), _json_ld_url(tree)  # before pruning changes it
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        prune_xpath=list(clutter_xpaths()),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise ValueError("no article text found in the page")
    check_text(text, "the page's article text")
    warnings: list[str] = []
    published = None
    if document.date:
        try:
            published = metadata_date(document.date)
        except ValueError as error:
            warnings.append(f"{error}: the date is left to the text")
    title = (document.title or "").strip()
    url = _address(document.url, ld_url)
    return file_article(
        relative,
        text,
        "html",
        title=title,
        url=url,
        outlet=_site_name(document.sitename or "", url, page_title, title),
        published=published,
        warnings=tuple(warnings),
    )


@cache
def clutter_xpaths() -> tuple[str, ...]:
    """XPath expressions of the boxes page_clutter.csv names (read once per process)."""
    rows = read_lexicon("page_clutter.csv")
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row["value"])
    tests = []
    if names := by_kind.get("element"):
        tests.append(" or ".join(f"self::{name}" for name in names))
    if fragments := by_kind.get("class"):
        attributes = f"translate(concat(@class, ' ', @id), '{_UPPER}', '{_UPPER.lower()}')"
        tests.append(" or ".join(f"contains({attributes}, '{f}')" for f in fragments))
    if headings := by_kind.get("heading"):
        starts = " or ".join(f"starts-with(normalize-space(.), '{h}')" for h in headings)
        tests.append(f"({_BOXES}) and ({starts})")
    return tuple(f"//*[{test}][{_KEEP}]" for test in tests)


def _title_element(tree: HtmlElement) -> str:
    element = tree.find(".//head//title")
    return " ".join(element.text_content().split()) if element is not None else ""


def _site_name(sitename: str, url: str, page_title: str, headline: str) -> str:
    """The page's own name for its site; else the part of `<title>` that is not the headline;
    else what trafilatura made of the address (its domain)."""
    sitename = sitename.strip()
    if sitename and not _is_domain_of(sitename, url):
        return sitename
    return _title_site(page_title, headline) or sitename


def _is_domain_of(name: str, url: str) -> bool:
    return bool(url) and "." in name and name.lower().removeprefix("www.") in url.lower()


def _title_site(page_title: str, headline: str) -> str:
    """`headline | Site` or `Site - headline`: the end part that is not (part of) the headline,
    when it is short enough to be a name."""
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(page_title) if part.strip()]
    if len(parts) < 2:
        return ""
    wanted = normalize(headline)
    for part in (parts[-1], parts[0]):
        mine = normalize(part)
        if wanted and (mine in wanted or wanted in mine):
            continue
        if len(part.split()) <= SITE_NAME_MAX_WORDS:
            return part
    return ""


def _address(found: str | None, ld_url: str) -> str:
    for candidate in (found, ld_url):
        if candidate:
            try:
                return web_address(candidate)
            except ValueError:
                continue
    return ""


def _json_ld_url(tree: HtmlElement) -> str:
    """The article's address in its JSON-LD: `url`, or `mainEntityOfPage` (an address, or an
    object with `@id` or `url`), of the first object of an article type."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in _json_ld_objects(data):
            kinds = item.get("@type", "")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.endswith(("Article", "Posting")) for k in kinds):
                continue
            page = item.get("mainEntityOfPage")
            if isinstance(page, dict):
                page = page.get("@id") or page.get("url")
            for value in (item.get("url"), page):
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return ""


def _json_ld_objects(data: object) -> list[dict]:
    """Every object of a JSON-LD block: a list of them, or a `@graph`."""
    if isinstance(data, list):
        return [item for entry in data for item in _json_ld_objects(entry)]
    if isinstance(data, dict):
        return [data, *_json_ld_objects(data.get("@graph", []))]
    return []
