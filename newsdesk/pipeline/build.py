"""The build: corpus folder in, contract tables out.

The folder is read first (`intake`: every format, manifests, duplicates), then articles are
processed independently (in parallel with --jobs), then all mentions are merged into events in
one pass. The output tables are written together at the end, each atomically, so a failed build
leaves the previous tables in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from newsdesk.contract import schema
from newsdesk.contract.tables import join_list, write_rows
from newsdesk.pipeline.corpus import ArticleProblem, RawArticle
from newsdesk.pipeline.extraction.mention import Mention
from newsdesk.pipeline.extraction.run import ArticleResult, extract_article
from newsdesk.pipeline.gazetteer import Gazetteer, load_gazetteer
from newsdesk.pipeline.intake import Mapper, read_corpus
from newsdesk.pipeline.merge import EventRecord, cluster_mentions, to_records
from newsdesk.pipeline.misprints import split_misprints
from newsdesk.pipeline.summaries import Names, card_text
from newsdesk.pipeline.text import headline, split_article

DATELINE_DIFFERS = "dateline_differs"


@dataclass
class ArticleOutcome:
    file: str
    article: dict[str, str] | None = None
    mentions: list[Mention] = field(default_factory=list)
    problems: list[ArticleProblem] = field(default_factory=list)


@dataclass
class BuildResult:
    articles: list[dict[str, str]]
    mentions: list[Mention]
    records: list[EventRecord]
    problems: list[ArticleProblem]
    formats: Counter[str] = field(default_factory=Counter)  # articles read per format
    ignored: list[str] = field(default_factory=list)  # files of other kinds, passed over


def process_article(raw: RawArticle, gaz: Gazetteer | None = None) -> ArticleOutcome:
    """One article to its row and mentions; what is wrong with it becomes a named problem."""
    gaz = gaz or load_gazetteer()
    outcome = ArticleOutcome(file=raw.file)

    def warn(reason: str) -> None:
        outcome.problems.append(ArticleProblem(raw.path, reason, False, raw.line))

    for warning in raw.warnings:
        warn(warning)
    article = split_article(raw.article_id, raw.file, raw.text)
    result: ArticleResult = extract_article(article, gaz, raw.published)
    if result.published.date is None:
        read = f"event mentions dated in full still read: {len(result.mentions)}"
        warn(f"no publication date ({result.published.reason}); {read}")
    elif not result.mentions:
        warn("no events found")
    differs = bool(raw.published and result.dateline and result.dateline != raw.published)
    if differs:
        warn(
            f"the dateline says {result.dateline}, the metadata {raw.published}: "
            "the metadata's date is kept"
        )
    outcome.article = {
        "article_id": raw.article_id,
        "file": raw.file,
        "outlet": raw.outlet or result.outlet,
        "title": raw.title or headline(raw.text),
        "url": raw.url,
        "published": result.published.date.isoformat() if result.published.date else "",
        "published_basis": result.published.basis,
        "flags": DATELINE_DIFFERS if differs else "",
        "n_chars": str(len(raw.text)),
        "sha256": raw.sha256,
    }
    kept, misprinted = split_misprints(result.mentions, result.published.date)
    for mention in misprinted:
        warn(
            f"a {mention.type} dated {mention.candidates[0].date} looks misprinted (the report "
            f"is of {result.published.date}): left out for an editor to date"
        )
    outcome.mentions = kept
    return outcome


@contextmanager
def _mapper(jobs: int) -> Iterator[Mapper]:
    """`map`, or a process pool's map when there are jobs to share the work."""
    if jobs <= 1:
        yield map
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:

        def pooled(function: Callable, items: Iterable) -> Iterable:
            items = list(items)
            return pool.map(function, items, chunksize=max(1, len(items) // (jobs * 8)))

        yield pooled


def run_build(corpus_dir: Path, jobs: int = 1) -> BuildResult:
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    with _mapper(jobs) as mapper:
        intake = read_corpus(corpus_dir, mapper)
        gaz = load_gazetteer() if jobs <= 1 else None  # workers load their own, once each
        outcomes = list(mapper(partial(process_article, gaz=gaz), intake.articles))
    articles = [o.article for o in outcomes if o.article is not None]
    mentions = [m for o in outcomes for m in o.mentions]
    problems = intake.problems + [p for o in outcomes for p in o.problems]
    gaz = load_gazetteer()
    records = to_records(cluster_mentions(mentions, gaz.place_by_id)) if mentions else []
    formats = Counter(raw.kind for raw in intake.articles)
    return BuildResult(articles, mentions, records, problems, formats, intake.ignored)


def names_for(gaz: Gazetteer) -> Names:
    return Names(
        actors=gaz.actor_by_id,
        places=gaz.place_by_id,
        topics={row["topic_id"]: row for row in gaz.topics},
    )


def event_rows(records: list[EventRecord], names: Names) -> list[dict[str, str]]:
    rows = []
    for record in records:
        other_days = tuple(
            resolved.date
            for _, resolved in record.mentions
            if resolved.precision == "day" and "inferred_date" not in resolved.flags
        )
        text = card_text(
            record.type,
            record.status,
            record.date,
            record.precision,
            record.participants,
            record.initiator,
            record.place_id,
            record.topics,
            len(record.sources),
            other_days if "date_conflict" in record.flags else (),
            names,
            record.date_end,
        )
        rows.append(
            {
                "event_id": record.event_id,
                "date": record.date.isoformat(),
                "date_end": record.date_end.isoformat() if record.date_end else "",
                "date_precision": record.precision,
                "type": record.type,
                "status": record.status,
                "participants": join_list(record.participants),
                "initiator": record.initiator,
                "place_id": record.place_id,
                "topics": join_list(record.topics),
                "title_en": text.title_en,
                "title_ar": text.title_ar,
                "summary_en": text.summary_en,
                "summary_ar": text.summary_ar,
                "source_articles": join_list(record.sources),
                "n_sources": str(len(record.sources)),
                "flags": join_list(record.flags),
                "plover": record.plover,
                "confidence": f"{record.confidence:.2f}",
            }
        )
    return rows


def mention_rows(records: list[EventRecord]) -> list[dict[str, str]]:
    rows = []
    counters: dict[str, int] = {}
    members = [(m, r, record.event_id) for record in records for m, r in record.mentions]
    members.sort(key=lambda item: (item[0].article_id, item[0].start, item[0].type))
    for mention, resolved, event_id in members:
        counters[mention.article_id] = counters.get(mention.article_id, 0) + 1
        rows.append(
            {
                "mention_id": f"{mention.article_id}-m{counters[mention.article_id]:03d}",
                "event_id": event_id,
                "article_id": mention.article_id,
                "start": str(mention.start),
                "end": str(mention.end),
                "type": mention.type,
                "date": resolved.date.isoformat(),
                "date_precision": resolved.precision,
                "participants": join_list(mention.participants),
                "place_id": mention.place_id,
                "status": mention.status,
            }
        )
    return rows


def write_tables(result: BuildResult, out_dir: Path, gaz: Gazetteer) -> dict[str, int]:
    """Write every output table; returns row counts. Lexicon projections follow the contract."""
    names = names_for(gaz)
    tables = {
        "events": event_rows(result.records, names),
        "mentions": mention_rows(result.records),
        "articles": sorted(result.articles, key=lambda row: row["article_id"]),
        "actors": gaz.actors,
        "places": gaz.places,
        "topics": gaz.topics,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_rows(out_dir / f"{name}.csv", schema.TABLES[name], rows)
    corrections = out_dir / "corrections.csv"
    if not corrections.exists():
        write_rows(corrections, schema.CORRECTIONS, [])
    return {name: len(rows) for name, rows in tables.items()}
