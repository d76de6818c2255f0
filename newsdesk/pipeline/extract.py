"""From one article to its publication date, outlet and event mentions.

The publication date is found first because every relative date (`أمس`, `الشهر الماضي`) is read
against it: an article without one gives no mentions rather than made-up dates. Each sentence is
then read on its own, with the year written last nearby for dates that leave it out
(`sentence_mentions`), and the article's mentions are read together (`article_mentions`).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.language.arabic import normalize
from newsdesk.pipeline.article_mentions import resolve_article
from newsdesk.pipeline.gazetteer import Gazetteer
from newsdesk.pipeline.mention import LEAD_SENTENCES, Mention
from newsdesk.pipeline.parsed_sentence import ParsedSentence, parse_sentence
from newsdesk.pipeline.participants import actors_in
from newsdesk.pipeline.publication_date import Publication, anniversaries, infer_date, stated_date
from newsdesk.pipeline.sentence_mentions import sentence_mentions
from newsdesk.pipeline.text import Article


@dataclass
class ArticleResult:
    """What one article gives the build."""

    published: Publication
    outlet: str
    mentions: list[Mention]


def extract_article(article: Article, gaz: Gazetteer) -> ArticleResult:
    parsed = [parse_sentence(sentence, gaz) for sentence in article.sentences]
    publication = _publication(parsed)
    outlet = _outlet(article, gaz)
    if publication.date is None:
        return ArticleResult(publication, outlet, [])
    mentions: list[Mention] = []
    context_years: list[int | None] = []
    last_year: int | None = None
    for item in parsed:
        context_years.append(last_year)
        years = [expr.year for expr in item.dates if expr.year is not None]
        last_year = years[-1] if years else last_year
    for index, item in enumerate(parsed):
        window = [y for y in context_years[max(0, index - 2) : index + 1] if y is not None]
        context_year = window[-1] if window else None
        earlier = actors_in(parsed[index - 1], publication.date, gaz) if index else []
        mentions.extend(
            sentence_mentions(
                article.article_id, item, publication.date, context_year, gaz, earlier
            )
        )
    mentions = resolve_article(mentions, parsed, publication.date)
    return ArticleResult(publication, outlet, mentions)


def _publication(parsed: list[ParsedSentence]) -> Publication:
    head = [(item.sentence.norm, item.dates) for item in parsed[:LEAD_SENTENCES]]
    stated = stated_date(head, [expr for item in parsed for expr in item.dates])
    if stated is not None:
        return Publication(stated, "stated")
    text = " ".join(item.sentence.norm for item in parsed)
    inferred = infer_date([expr for item in parsed for expr in item.dates], anniversaries(text))
    return Publication(inferred, "inferred" if inferred else "")


def _outlet(article: Article, gaz: Gazetteer) -> str:
    lines = [article.text[start:end] for start, end in article.debris]
    lines += [s.text for s in article.sentences[:3]]
    found = []
    for line in lines:
        for match in gaz.outlets.find(normalize(line)):
            if match.value not in found:
                found.append(match.value)
    return " / ".join(found)
