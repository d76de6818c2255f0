"""The flags of an event explained in words on its card, and how a card names a source.

A date conflict names which source says which date, so a reader can judge it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newsdesk.contract.schema import FLAGS
from newsdesk.contract.tables import split_list
from newsdesk.language.dates import format_date
from newsdesk.language.strings import Strings, isolate, list_join, load_strings
from newsdesk.view.event_dates import parse_date, safe_precision


def source_label(article: Mapping[str, str] | None, article_id: str) -> str:
    """How a card names a source: its outlet, and the file so two reports stay apart."""
    if not article:
        return article_id
    outlet, file = article.get("outlet", ""), article.get("file", "") or article_id
    return f"{outlet} ({file})" if outlet else file


def flag_notes(
    event: Mapping[str, str],
    mentions: pd.DataFrame,
    articles: Mapping[str, Mapping[str, str]],
    lang: str,
    strings: Strings | None = None,
) -> list[str]:
    """Each flag of the event explained in words; a date conflict says which source says what."""
    strings = strings or load_strings()
    notes = []
    for flag in split_list(event.get("flags", "")):
        if flag == "date_conflict":
            notes.append(_conflict_note(mentions, articles, lang, strings))
        elif flag in FLAGS:
            notes.append(strings.t(lang, f"flag.{flag}"))
        else:
            notes.append(strings.t(lang, "flag.other", flag=flag))
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
        article_id = row.get("article_id", "")
        label = isolate(source_label(articles.get(article_id), article_id))
        by_date.setdefault(text, [])
        if label not in by_date[text]:
            by_date[text].append(label)
    if len(by_date) < 2:
        return strings.t(lang, "flag.date_conflict_plain")
    separator = "؛ " if lang == "ar" else "; "
    detail = separator.join(
        strings.t(lang, "flag.says", source=list_join(sources, lang), date=date)
        for date, sources in by_date.items()
    )
    return strings.t(lang, "flag.date_conflict", detail=detail)
