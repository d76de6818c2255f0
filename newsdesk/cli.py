"""The command line: build the tables from a corpus, evaluate against a gold file, and the
editors' commands (validate, apply, history, diff, restore, export, hash-password), which
run the same code as the editor page (`newsdesk.editors.commands`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsdesk.config import DATA_DIR, corpus_dir
from newsdesk.editors.commands import EDITOR_COMMANDS, add_editor_commands, run_editor_command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdesk")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="extract event tables from a corpus folder")
    build.add_argument("--corpus", type=Path, default=None, help="folder of .txt articles")
    build.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    build.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")

    evaluate = commands.add_parser("evaluate", help="score extraction against gold labels")
    evaluate.add_argument("--corpus", type=Path, required=True)
    evaluate.add_argument("--gold", type=Path, required=True)
    evaluate.add_argument("--verbose", action="store_true", help="list misses and false alarms")

    add_editor_commands(commands)

    args = parser.parse_args(argv)
    if args.command in EDITOR_COMMANDS:
        return run_editor_command(args)
    if args.command == "build":
        return _build(args.corpus or corpus_dir(), args.out, max(1, args.jobs))
    return _evaluate(args.corpus, args.gold, args.verbose)


def _build(corpus: Path, out: Path, jobs: int) -> int:
    from newsdesk.pipeline.build import run_build, write_tables
    from newsdesk.pipeline.gazetteer import load_gazetteer

    started = time.perf_counter()
    try:
        result = run_build(corpus, jobs)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    counts = write_tables(result, out, load_gazetteer())
    seconds = time.perf_counter() - started
    for problem in result.problems:
        print(problem, file=sys.stderr)
    n_files = len(result.articles) + sum(p.fatal for p in result.problems)
    print(
        f"read {n_files} files: {len(result.articles)} articles, "
        f"{sum(p.fatal for p in result.problems)} skipped; "
        f"{len(result.mentions)} mentions -> {counts['events']} events; "
        f"wrote {out} in {seconds:.2f} s ({len(result.articles) / max(seconds, 1e-9):.0f} "
        f"articles/s, jobs={jobs})"
    )
    return 0 if result.articles or n_files == 0 else 1


def _evaluate(corpus: Path, gold: Path, verbose: bool) -> int:
    from newsdesk.pipeline.evaluate import evaluate_corpus, format_report

    try:
        report = evaluate_corpus(corpus, gold)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_report(report, verbose))
    return 0
