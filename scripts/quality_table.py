"""Print the README's "Extraction quality" table, measured now on every set under tests/.

    python scripts/quality_table.py > /tmp/table.md

Paste the rows into README.md when the extraction improves: tests/test_extraction_quality.py
then holds every figure as a floor (wrong publication dates and events shown as happened as a
ceiling). Sets with metadata dates get a second row, `(text only)`, with those dates ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a file from anywhere, like the other scripts

from newsdesk.pipeline.evaluate import (  # noqa: E402
    TABLE_FIGURES,
    TEXT_ONLY,
    evaluate_set,
    table_figures,
)

SETS_DIR = REPO / "tests"
# the sets in the order the README explains them; each folder holds a gold.json
SETS = (
    "devset",
    "heldout",
    "formats_dev",
    "formats_heldout",
    "wire_dev",
    "wire_dev2",
    "wire_dev3",
    "wire_heldout",
    "wire_heldout2",
    "wire_heldout3",
)
# the team's first two sets carry their dates in their text only; every later set has a
# newsroom's metadata too, and a `(text only)` row measures it without
WITH_METADATA = frozenset(SETS) - {"devset", "heldout"}
COUNTS = (
    "planned/denied shown as happened",
    "publication date right",
    "publication date wrong",
)


def rows(names: list[str]) -> list[str]:
    header = ["set", *TABLE_FIGURES, *COUNTS]
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    for name in names:
        report = evaluate_set(SETS_DIR, name)
        figures = table_figures(report)
        cells = [f"{figures[column]:.2f}" for column in TABLE_FIGURES]
        cells += [
            f"{report.shown_as_happened} of {report.planned_or_denied}",
            f"{report.published_ok} of {report.articles}",
            str(report.published_wrong),
        ]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return lines


def main() -> None:
    names = []
    for name in SETS:
        if (SETS_DIR / name / "gold.json").is_file():
            names.append(name)
            if name in WITH_METADATA:
                names.append(name + TEXT_ONLY)
    sys.stdout.write("\n".join(rows(names)) + "\n")


if __name__ == "__main__":
    main()
