#!/usr/bin/env python3
"""Benchmark the pipeline build on the synthetic corpus (a maintainer tool, not a test).

    python scripts/bench_build.py --articles 2000 --jobs 1 2

Generates the synthetic corpus with scripts/make_synthetic_corpus.py when it is missing or has a
different number of articles, then runs, once per --jobs value,

    python -m newsdesk build --corpus DIR --out TMPDIR --jobs N

into a fresh temporary folder, times it (wall clock, including interpreter start-up), and prints
a Markdown table (jobs, articles, seconds, articles/second, articles/second/core) to paste into
the README. It also says whether the tables written with different --jobs are byte-identical.
Exits non-zero, with the pipeline's own error output, when a build fails.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import make_synthetic_corpus as synthetic  # noqa: E402


def prepare_corpus(corpus: Path, articles: int, seed: int) -> int:
    """Make sure `corpus` holds the synthetic articles; return how many articles it holds."""
    texts = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    ours = [p for p in texts if p.name.startswith(synthetic.PREFIX)]
    if texts and len(ours) < len(texts):
        print(f"using the existing (not synthetic) corpus in {corpus}: {len(texts)} articles")
        return len(texts)
    if len(ours) == articles:
        print(f"using the synthetic corpus in {corpus}: {articles} articles")
        return articles
    print(f"generating {articles} synthetic articles into {corpus} (seed {seed}) ...", flush=True)
    started = time.perf_counter()
    synthetic.generate_corpus(corpus, articles, seed)
    print(f"  done in {time.perf_counter() - started:.1f} s")
    return articles


def run_build(corpus: Path, out: Path, jobs: int, timeout: float) -> float:
    command = [
        sys.executable,
        "-m",
        "newsdesk",
        "build",
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
    ]
    print(f"$ {' '.join(command)}", flush=True)
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise SystemExit(
            f"bench_build: the build with --jobs {jobs} took over {timeout:.0f} s"
        ) from None
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(f"\nbench_build: the build with --jobs {jobs} failed (exit {result.returncode})")
        tail = (result.stderr or result.stdout or "").strip().splitlines()[-40:]
        print("\n".join("  | " + line for line in tail) or "  (no output)")
        if "No module named newsdesk.__main__" in (result.stderr or ""):
            print("  (the `python -m newsdesk build` command does not exist yet)")
        raise SystemExit(1)
    return elapsed


def same_tables(first: Path, second: Path) -> bool:
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    if names != sorted(p.name for p in second.iterdir() if p.is_file()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return not mismatch and not errors


def count_rows(path: Path) -> int | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=synthetic.DEFAULT_ARTICLES)
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1], help="one run per value (default: 1)"
    )
    parser.add_argument("--corpus", type=Path, default=synthetic.DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    parser.add_argument(
        "--keep", action="store_true", help="keep the output folders (their paths are printed)"
    )
    args = parser.parse_args(argv)
    if any(j < 1 for j in args.jobs):
        parser.error("--jobs values must be at least 1")

    try:
        n_articles = prepare_corpus(args.corpus.resolve(), args.articles, args.seed)
    except ValueError as error:
        print(f"bench_build: {error}", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    print(
        f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )

    rows = []
    outputs: list[Path] = []
    try:
        for jobs in args.jobs:
            out = Path(tempfile.mkdtemp(prefix=f"bench_build_j{jobs}_"))
            outputs.append(out)
            seconds = run_build(args.corpus.resolve(), out, jobs, args.timeout)
            used = min(jobs, cores)
            rate = n_articles / seconds
            rows.append((jobs, n_articles, seconds, rate, rate / used))
            events = count_rows(out / "events.csv")
            print(f"  {seconds:.1f} s, events.csv: {events if events is not None else 'missing'}")
        if len(outputs) > 1:
            identical = all(same_tables(outputs[0], other) for other in outputs[1:])
            print(
                "tables identical across --jobs values: "
                + (
                    "yes"
                    if identical
                    else "NO (on an unchanged checkout this means the output depends on --jobs)"
                )
            )
    finally:
        if not args.keep:
            for out in outputs:
                shutil.rmtree(out, ignore_errors=True)

    print()
    print("| jobs | articles | seconds | articles/second | articles/second/core |")
    print("|---:|---:|---:|---:|---:|")
    for jobs, n, seconds, rate, per_core in rows:
        print(f"| {jobs} | {n} | {seconds:.1f} | {rate:.1f} | {per_core:.1f} |")
    print(f"\n(cores counted as min(jobs, {cores} available); wall time includes start-up)")
    if args.keep:
        for out in outputs:
            print(f"output kept in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
