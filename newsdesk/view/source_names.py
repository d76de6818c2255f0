"""How readers see a source: the outlet, the headline, the publication date and a link, never
the article's file name or character offsets (those are for editors).

articles.csv may lack any of them: older tables have no titles or URLs, some articles have no
outlet. Each part that is missing is left out, and an article with neither outlet nor headline
is "an article of 20 July 2021" (or "of unknown date"), so a reader always gets words, never a
file name. Everything from the table is escaped; only http(s) addresses become links (opened
in a new tab, without access to this page); Latin outlet names and headlines inside Arabic text
(and Arabic headlines inside English) are bidi-isolated so neither language reorders the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newsdesk.contract.schema import web_address
from newsdesk.language.strings import Strings, isolate, load_strings
from newsdesk.view.event_dates import format_event_date, parse_date
from newsdesk.view.markup import esc


def _cell(article: Mapping[str, object] | None, column: str) -> str:
    """A table cell as stripped text; empty for a missing row, column or NaN."""
    value = (article or {}).get(column)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def publication_date(article: Mapping[str, object] | None, lang: str, strings: Strings) -> str:
    """The publication date in words (as cards write dates), or "" when none is known."""
    published = _cell(article, "published")
    if parse_date(published) is None:
        return ""
    return format_event_date(published, "day", lang, strings=strings)


@dataclass(frozen=True)
class SourceName:
    """One source as readers see it, in one language.

    `text` is plain, bidi-isolated words standing alone (select boxes, markdown labels);
    `inline_html` is the name as escaped HTML, linked when there is an address, for use inside
    a sentence (the note on sources that disagree); `html` is the same standing alone (a list
    of sources), saying "no link" when there is none; `url` is the checked address or ""."""

    text: str
    inline_html: str
    html: str
    url: str


def name_source(
    article: Mapping[str, object] | None, lang: str, strings: Strings | None = None
) -> SourceName:
    """Name an article row of articles.csv (None: an article the table does not hold)."""
    strings = strings or load_strings()
    outlet, title = _cell(article, "outlet"), _cell(article, "title")
    date = publication_date(article, lang, strings)
    url = web_address(_cell(article, "url"))

    def template(key: str) -> str:
        return strings.t(lang, key)

    if outlet or title:
        quoted_text = template("source.quoted").format(title=isolate(title))
        quoted_html = esc(template("source.quoted")).format(title=f"<bdi>{esc(title)}</bdi>")
        outlet_html = f"<bdi class='nd-outlet'>{esc(outlet)}</bdi>"
        if outlet and title:
            name_text = template("source.outlet_title").format(
                outlet=isolate(outlet), title=quoted_text
            )
            name_html = esc(template("source.outlet_title")).format(
                outlet=outlet_html, title=quoted_html
            )
        elif outlet:
            name_text, name_html = isolate(outlet), outlet_html
        else:
            name_text, name_html = quoted_text, quoted_html
        when = template("source.date").format(date=date) if date else ""
        text = f"{name_text} {when}" if when else name_text
        inline_name = listed_name = name_html
    else:
        # neither outlet nor headline: the date is the name ("an article of 20 July 2021"),
        # capitalised where it stands alone (a label, a list item), not inside a sentence
        phrase = strings.t(lang, "source.article_of", date=date) if date else ""
        phrase = phrase or template("source.article_undated")
        text, when = phrase[:1].upper() + phrase[1:], ""
        inline_name, listed_name = esc(phrase), esc(text)

    def span(name_html: str) -> str:
        if url:
            name_html = f'<a href="{esc(url)}" target="_blank" rel="noopener">{name_html}</a>'
        dated = f" <span class='nd-source-date'>{esc(when)}</span>" if when else ""
        return f"<span class='nd-source'>{name_html}{dated}</span>"

    listed = span(listed_name)
    if not url:
        listed += f" <span class='nd-ref nd-no-link'>· {esc(template('source.no_link'))}</span>"
    return SourceName(text=text, inline_html=span(inline_name), html=listed, url=url)


def address_html(url: str) -> str:
    """A checked address shown as itself, left to right inside any text, as a link."""
    address = web_address(url)
    if not address:
        return ""
    return (
        f'<a class="nd-address" href="{esc(address)}" target="_blank" rel="noopener">'
        f"<bdi dir='ltr'>{esc(address)}</bdi></a>"
    )


def source_record(article: Mapping[str, object] | None) -> dict[str, str | None]:
    """A source as data for the readers' exports: outlet, headline, address and ISO date, each
    null when unknown (no file name, no offsets)."""
    published = _cell(article, "published")
    return {
        "outlet": _cell(article, "outlet") or None,
        "title": _cell(article, "title") or None,
        "url": web_address(_cell(article, "url")) or None,
        "published": published if parse_date(published) is not None else None,
    }
