"""The extraction is no worse than the README says: its "Extraction quality" table is the floor.

The figures are read from the README's table itself, so the table and this guard cannot drift
apart: a change that improves the extraction updates the table, and from then on the guard holds
the new figures. Figures are compared rounded to two decimals, as the table shows them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from newsdesk.pipeline.evaluate import TABLE_FIGURES, Report, evaluate_set, table_figures

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTION = "### Extraction quality"
SHOWN_AS_HAPPENED = "planned/denied shown as happened"
PUBLISHED_RIGHT = "publication date right"
PUBLISHED_WRONG = "publication date wrong"
_SHOWN = re.compile(r"(\d+) of (\d+)")


@cache
def readme_table() -> dict[str, dict[str, str]]:
    """The rows of the README's quality table by set name, each as {column: cell}."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no {SECTION!r} section"
    section = text.split(SECTION, 1)[1]
    lines = [line.strip() for line in section.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split("|")])
    header, _rule, *body = table
    return {row[0]: dict(zip(header, row, strict=True)) for row in body}


@cache
def evaluation(name: str) -> Report:
    return evaluate_set(ROOT / "tests", name)


def test_the_table_covers_both_sets_and_every_figure():
    table = readme_table()
    assert {"devset", "heldout"} <= set(table)
    for row in table.values():
        assert set(TABLE_FIGURES) | {SHOWN_AS_HAPPENED, PUBLISHED_RIGHT} <= set(row)
        assert PUBLISHED_WRONG in row


@pytest.mark.parametrize("name", sorted(readme_table()))
def test_no_figure_below_the_readme(name):
    stated = readme_table()[name]
    found = table_figures(evaluation(name))
    worse = [
        f"{column}: {found[column]:.2f} < {float(stated[column]):.2f} stated"
        for column in TABLE_FIGURES
        if found[column] < float(stated[column])
    ]
    assert not worse, f"{name}: " + "; ".join(worse)


@pytest.mark.parametrize("name", sorted(readme_table()))
def test_no_more_planned_or_denied_events_shown_as_happened(name):
    stated = _SHOWN.fullmatch(readme_table()[name][SHOWN_AS_HAPPENED])
    assert stated, f"{name}: {SHOWN_AS_HAPPENED} should read 'N of M'"
    shown, gold = evaluation(name).shown_as_happened, evaluation(name).planned_or_denied
    assert shown <= int(stated.group(1)), (
        f"{name}: {shown} shown as happened, README says {stated[0]}"
    )
    assert gold == int(stated.group(2)), (
        f"{name}: the gold has {gold} planned or denied: update README"
    )


@pytest.mark.parametrize("name", sorted(readme_table()))
def test_no_fewer_publication_dates_right(name):
    stated = _SHOWN.fullmatch(readme_table()[name][PUBLISHED_RIGHT])
    assert stated, f"{name}: {PUBLISHED_RIGHT} should read 'N of M'"
    report = evaluation(name)
    assert report.published_ok >= int(stated.group(1)), (
        f"{name}: {report.published_ok} publication dates right, README says {stated[0]}"
    )
    assert report.articles == int(stated.group(2)), f"{name}: {report.articles} articles"


@pytest.mark.parametrize("name", sorted(readme_table()))
def test_no_more_publication_dates_wrong(name):
    """A wrong date is worse than none: the README's count of wrong ones is a ceiling."""
    stated = int(readme_table()[name][PUBLISHED_WRONG])
    wrong = evaluation(name).published_wrong
    assert wrong <= stated, f"{name}: {wrong} publication dates wrong, README says {stated}"
