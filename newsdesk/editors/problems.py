"""Problems found in an upload: where (file, row, column), what (the value) and why.

A problem holds a reason code and its parameters rather than a sentence, so the same problem
is told in the editor's language (`data/ui_strings.json`, keys `problem.<code>`) on the page,
in the downloadable list and on the command line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsdesk.language.strings import Strings, load_strings

ERROR = "error"
WARNING = "warning"
PROBLEM_COLUMNS = ("file", "row", "column", "value", "severity", "reason")
MAX_SHOWN_VALUE = 200


@dataclass(frozen=True)
class Problem:
    """One problem. `row` is the spreadsheet row number (the header is row 1), 0 for the file."""

    source: str
    row: int
    column: str
    value: str
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    severity: str = ERROR

    def reason(self, lang: str, strings: Strings | None = None) -> str:
        return (strings or load_strings()).t(lang, f"problem.{self.code}", **self.params)

    def as_row(self, lang: str, strings: Strings | None = None) -> dict[str, str]:
        value = self.value if len(self.value) <= MAX_SHOWN_VALUE else self.value[:200] + "…"
        return {
            "file": self.source,
            "row": str(self.row) if self.row else "",
            "column": self.column,
            "value": value,
            "severity": (strings or load_strings()).t(lang, f"severity.{self.severity}"),
            "reason": self.reason(lang, strings),
        }


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def problem_rows(problems: Iterable[Problem], lang: str) -> list[dict[str, str]]:
    strings = load_strings()
    return [problem.as_row(lang, strings) for problem in problems]


def problem_headers(lang: str) -> dict[str, str]:
    """Column headings of the problem list in the editor's language."""
    strings = load_strings()
    return {column: strings.t(lang, f"problem.col.{column}") for column in PROBLEM_COLUMNS}


def problems_csv(problems: Iterable[Problem], lang: str) -> bytes:
    """The list as CSV in UTF-8 with a BOM, so Excel opens the Arabic reasons intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headers = problem_headers(lang)
    writer.writerow([headers[column] for column in PROBLEM_COLUMNS])
    for row in problem_rows(problems, lang):
        writer.writerow([neutralise(row[column]) for column in PROBLEM_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """Would a spreadsheet run this cell as a formula (OWASP's list of leading characters)?"""
    return value.startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """Prefix a formula-like cell with an apostrophe for CSV downloads: spreadsheets then show
    it as text. Uploads remove exactly this apostrophe again (`unneutralise`). A plain number
    such as a longitude of -12.5 is left alone: a spreadsheet reads it as the same number."""
    return "'" + value if looks_like_formula(value) and not _is_number(value) else value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def unneutralise(value: str) -> str:
    return value[1:] if value.startswith("'") and looks_like_formula(value[1:]) else value
