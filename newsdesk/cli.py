"""The command line: build the tables from a corpus, evaluate against a gold file, print the
events readers see, and the editors' commands (validate, apply, history, diff, restore, export,
hash-password), which run the same code as the editor page (`newsdesk.editors.commands`)."""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
from pathlib import Path

from newsdesk.config import DATA_DIR, corpus_dir, data_dir
from newsdesk.editors.commands import EDITOR_COMMANDS, add_editor_commands, run_editor_command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdesk")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="extract event tables from a corpus folder")
    build.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of articles: .txt, saved pages (.html), feeds (.jsonl), manifest.csv",
    )
    build.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    build.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")

    evaluate = commands.add_parser("evaluate", help="score extraction against gold labels")
    evaluate.add_argument("--corpus", type=Path, required=True)
    evaluate.add_argument("--gold", type=Path, required=True)
    evaluate.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    evaluate.add_argument(
        "--text-only",
        action="store_true",
        help="ignore every metadata date: measure the publication date the text alone gives",
    )

    published = commands.add_parser(
        "published", help="print the events readers see (corrections applied)"
    )
    published.add_argument("--data", type=Path, default=None, help="data folder (NEWSDESK_DATA)")
    published.add_argument("--out", type=Path, default=None, help="write to FILE, not stdout")
    published.add_argument("--format", choices=("csv", "json"), default="csv")
    published.add_argument(
        "--view",
        default=None,
        metavar="QUERY",
        help="only the events of a page's view: its link or query string, e.g. "
        "'period=war2020&type=call' (default: every event, whatever its status)",
    )

    add_editor_commands(commands)

    args = parser.parse_args(argv)
    if args.command in EDITOR_COMMANDS:
        return run_editor_command(args)
    if args.command == "build":
        return _build(args.corpus or corpus_dir(), args.out, max(1, args.jobs))
    if args.command == "published":
        return _published(args.data or data_dir(), args.view, args.format, args.out)
    return _evaluate(args.corpus, args.gold, args.verbose, args.text_only)


def _build(corpus: Path, out: Path, jobs: int) -> int:
    from newsdesk.pipeline.build import run_build, write_tables
    from newsdesk.pipeline.build_report import problem_lines, summary_lines
    from newsdesk.pipeline.gazetteer import load_gazetteer

    started = time.perf_counter()
    try:
        result = run_build(corpus, jobs)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    counts = write_tables(result, out, load_gazetteer())
    seconds = time.perf_counter() - started
    for line in problem_lines(result):
        print(line, file=sys.stderr)
    for line in summary_lines(result):
        print(line)
    print(
        f"{len(result.mentions)} mentions -> {counts['events']} events; "
        f"wrote {out} in {seconds:.2f} s ({len(result.articles) / max(seconds, 1e-9):.0f} "
        f"articles/s, jobs={jobs})"
    )
    return 0 if result.articles or not result.problems else 1


def _evaluate(corpus: Path, gold: Path, verbose: bool, text_only: bool) -> int:
    from newsdesk.pipeline.evaluate import evaluate_corpus, format_report

    try:
        report = evaluate_corpus(corpus, gold, text_only)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_report(report, verbose))
    return 0


def _published(data: Path, view: str | None, form: str, out: Path | None) -> int:
    """The events readers see, in the order the Events page lists them (date, then id), with
    the contract's columns; `view` narrows them to a page's filters exactly as its link does."""
    from sqlalchemy.exc import SQLAlchemyError

    from newsdesk.contract.schema import EVENTS
    from newsdesk.contract.tables import csv_text, write_text_atomic
    from newsdesk.editors.desk import Desk
    from newsdesk.readers import reader_tables
    from newsdesk.view.queries import filter_events
    from newsdesk.view.url_state import Filters, parse_params

    if not (data / "events.csv").is_file():
        print(f"error: no events.csv in {data} (see --data)", file=sys.stderr)
        return 2
    try:
        tables = Desk.open(data).tables()
    except (SQLAlchemyError, OSError, ValueError) as error:
        print(f"error: the tables or the store could not be read: {error}", file=sys.stderr)
        return 2
    readers = reader_tables(tables)
    if view is None:
        filters = Filters(statuses=())  # every event, whatever its status
    else:
        query = urllib.parse.urlsplit(view).query if "?" in view else view
        filters = parse_params(urllib.parse.parse_qs(query), readers.vocabulary)
    rows = filter_events(readers.events, filters)[list(EVENTS)].to_dict("records")
    if form == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    else:
        text = csv_text(EVENTS, rows)
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        print(f"wrote {len(rows)} events to {out}", file=sys.stderr)
    return 0
