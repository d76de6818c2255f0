"""The flags of an event explained in words on its card, as HTML.

A date conflict names which source says which date (by outlet, headline and publication date,
linked where there is an address: see newsdesk.view.source_names), so a reader can judge it and
open the reports.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newsdesk.contract.schema import FLAGS
from newsdesk.contract.tables import split_list
from newsdesk.language.dates import format_date
from newsdesk.language.strings import Strings, list_join, load_strings
from newsdesk.view.event_dates import parse_date, safe_precision
from newsdesk.view.markup import esc
from newsdesk.view.source_names import name_source


def flag_notes_html(
    event: Mapping[str, str],
    mentions: pd.DataFrame,
    articles: Mapping[str, Mapping[str, str]],
    lang: str,
    strings: Strings | None = None,
) -> list[str]:
    """Each flag of the event explained in words, as escaped HTML; a date conflict says which
    source says what, each source named with its link."""
    strings = strings or load_strings()
    notes = []
    for flag in split_list(event.get("flags", "")):
        if flag == "date_conflict":
            notes.append(_conflict_note(mentions, articles, lang, strings))
        elif flag in FLAGS:
            notes.append(esc(strings.t(lang, f"flag.{flag}")))
        else:
            notes.append(esc(strings.t(lang, "flag.other", flag=flag)))
    return notes


def _conflict_note(
    mentions: pd.DataFrame,
    articles: Mapping[str, Mapping[str, str]],
    lang: str,
    strings: Strings,
) -> str:
    by_date: dict[str, list[str]] = {}
    for row in mentions.to_dict("records") if not mentions.empty else []:
        parsed = parse_date(row.get("date", ""))
        if parsed is None:
            continue
        text = format_date(parsed, safe_precision(row.get("date_precision", "")), lang)
        source = name_source(articles.get(row.get("article_id", "")), lang, strings)
        by_date.setdefault(text, [])
        if source.inline_html not in by_date[text]:
            by_date[text].append(source.inline_html)
    if len(by_date) < 2:
        return esc(strings.t(lang, "flag.date_conflict_plain"))
    separator = "؛ " if lang == "ar" else "; "
    says = esc(strings.t(lang, "flag.says"))
    detail = separator.join(
        says.format(source=list_join(sources, lang), date=esc(date))
        for date, sources in by_date.items()
    )
    return esc(strings.t(lang, "flag.date_conflict")).format(detail=detail)
