"""From one article to its publication date, outlet and event mentions.

The publication date is found first because every relative date (`أمس`, `الشهر الماضي`) is read
against it: the metadata's when the article came with one (a page's, a feed's, a manifest's),
else a dateline's, else one inferred from the text. An article without one still gives the
events it dates in full (`في 9 تشرين الثاني/نوفمبر 2020`), and nothing dated relative to a
day nobody knows. Each sentence is then read on its own, with the year written last nearby for
dates that leave it out (`clauses`), and the article's mentions are read together
(`article`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.date_context import NEAR, OWN, date_contexts
from newsdesk.pipeline.extraction.article import resolve_article
from newsdesk.pipeline.extraction.clauses import sentence_mentions
from newsdesk.pipeline.extraction.mention import LEAD_SENTENCES, Mention
from newsdesk.pipeline.extraction.parse import ParsedSentence, parse_sentence
from newsdesk.pipeline.extraction.who import actors_in
from newsdesk.pipeline.gazetteer import Gazetteer
from newsdesk.pipeline.publication_date import Publication, anniversaries, infer_date, stated_date
from newsdesk.pipeline.text import Article


@dataclass
class ArticleResult:
    """What one article gives the build."""

    published: Publication
    outlet: str
    mentions: list[Mention]
    dateline: dt.date | None = None  # the date the text's dateline states, if it has one


def extract_article(
    article: Article, gaz: Gazetteer, metadata_date: dt.date | None = None
) -> ArticleResult:
    """`metadata_date`: the publication date the article arrived with, which wins over the text."""
    parsed = _same_month_days([parse_sentence(sentence, gaz) for sentence in article.sentences])
    dateline = _dateline(parsed)
    if metadata_date is not None:
        publication = Publication(metadata_date, "metadata")
    elif dateline is not None:
        publication = Publication(dateline, "stated")
    else:
        publication = _inferred(parsed)
    mentions: list[Mention] = []
    context_years = _context_years(parsed) if publication.date else [None] * len(parsed)
    for index, item in enumerate(parsed):
        context_year = context_years[index]
        earlier = actors_in(parsed[index - 1], publication.date, gaz) if index else []
        mentions.extend(
            sentence_mentions(
                article.article_id, item, publication.date, context_year, gaz, earlier
            )
        )
    mentions = resolve_article(mentions, parsed, publication.date, gaz.actor_country)
    return ArticleResult(publication, _outlet(article, gaz), mentions, dateline)


def _context_years(parsed: list[ParsedSentence]) -> list[int | None]:
    """The year written last before each sentence, for dates that leave it out. Used only
    beside a publication date, which keeps it from dating a yearless date into the report's
    future; without one, only a year in the date's own sentence counts."""
    years: list[int | None] = []
    last: int | None = None
    for item in parsed:
        years.append(last)
        contexts = date_contexts(item.sentence.norm, item.dates)
        written = [
            expr.year
            for expr, context in zip(item.dates, contexts, strict=True)
            # a date with its month and year (`2 نيسان 2016`), not a bare background year
            # (`عام 1992`), which would send `في 27 أيلول` three decades back
            if expr.year is not None and expr.kind == "absolute" and context.kind in {OWN, NEAR}
        ]
        last = written[-1] if written else last
    return years


def _same_month_days(parsed: list[ParsedSentence]) -> list[ParsedSentence]:
    """`في 10 آذار ... وفي 13 من الشهر ذاته`: a day of the same month is a day of the month
    written last before it (its year left to the context, as any yearless date); with none
    written, of the report's own month."""
    result = []
    month: tuple[int, ...] = ()
    for item in parsed:
        dates = []
        for expr in item.dates:
            if expr.same_month and month:
                expr = replace(expr, kind="absolute", months=month, same_month=False)
            elif expr.kind == "absolute" and expr.months:
                month = expr.months
            dates.append(expr)
        result.append(replace(item, dates=dates))
    return result


def _dateline(parsed: list[ParsedSentence]) -> dt.date | None:
    head = [(item.sentence.norm, item.dates) for item in parsed[:LEAD_SENTENCES]]
    return stated_date(head, [expr for item in parsed for expr in item.dates])


def _inferred(parsed: list[ParsedSentence]) -> Publication:
    text = " ".join(item.sentence.norm for item in parsed)
    return infer_date([(item.sentence.norm, item.dates) for item in parsed], anniversaries(text))


def _outlet(article: Article, gaz: Gazetteer) -> str:
    lines = [article.text[start:end] for start, end in article.debris]
    lines += [s.text for s in article.sentences[:3]]
    found = []
    for line in lines:
        for match in gaz.outlets.find(normalize(line)):
            if match.value not in found:
                found.append(match.value)
    return " / ".join(found)
