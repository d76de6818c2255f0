"""What a build tells the person who ran it: each problem where it is (`file[:line]: what`), how
many articles came in each format, how their publication dates were found, and how many
datelines disagree with the metadata, so a bad feed or a site that changed its pages shows at
once instead of as fewer events.
"""

from __future__ import annotations

from collections import Counter

from newsdesk.pipeline.build import DATELINE_DIFFERS, BuildResult

FORMATS = (("html", "saved pages"), ("jsonl", "feed lines"), ("txt", "text files"))
# published_basis -> how the report says it
BASES = (
    ("metadata", "from metadata"),
    ("stated", "from a dateline"),
    ("inferred", "inferred from the text"),
    ("", "none"),
)
IGNORED_LISTED = 5


def problem_lines(result: BuildResult) -> list[str]:
    """Every problem, by file and line."""
    ordered = sorted(result.problems, key=lambda p: (p.file, p.line or 0))
    return [str(problem) for problem in ordered]


def summary_lines(result: BuildResult) -> list[str]:
    formats = ", ".join(f"{result.formats[kind]} {name}" for kind, name in FORMATS)
    skipped = sum(problem.fatal for problem in result.problems)
    lines = [
        f"read {len(result.articles)} articles ({formats}); "
        f"{skipped} skipped, {len(result.problems) - skipped} warnings"
    ]
    if result.ignored:
        shown = ", ".join(result.ignored[:IGNORED_LISTED])
        rest = len(result.ignored) - IGNORED_LISTED
        more = f" and {rest} more" if rest > 0 else ""
        lines.append(f"ignored {len(result.ignored)} files of other kinds: {shown}{more}")
    bases = Counter(row["published_basis"] for row in result.articles)
    differs = sum(DATELINE_DIFFERS in row["flags"].split(";") for row in result.articles)
    dates = ", ".join(f"{bases[basis]} {name}" for basis, name in BASES)
    lines.append(
        f"publication dates: {dates}; {differs} with a dateline that differs from the metadata "
        f"({DATELINE_DIFFERS})"
    )
    return lines
