"""Checking uploaded tables against the table contract, completely, before anything is written.

`validate(sheets, known)` looks at every cell of every row and returns all the problems it
finds (row, column, value, reason) together with the rows in a clean, canonical form. It never
writes and never raises on bad input: an upload with any error is applied not at all.

What an upload means: each row names an existing event (its given cells are the new values),
or a new one (all required fields needed). A row deletes only when its `_delete` cell is marked
(1, true, yes) and folds into another event only through `_merge_into`; rows that are simply
absent change nothing, so a filtered export uploaded back deletes nothing. Lexicon tables
(actors, places, topics) work the same way, without deleting. References to people, places and
topics must be known, or added by a lexicon table in the same upload.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsdesk.contract.schema import (
    ACTORS,
    DELETE_FIELD,
    EVENT_TYPES,
    EVENTS,
    FLAGS,
    MERGE_FIELD,
    PLACE_KINDS,
    PLACES,
    PRECISIONS,
    STATUSES,
    TOPICS,
)
from newsdesk.contract.tables import join_list, split_list
from newsdesk.editors.problems import WARNING, Problem, errors, looks_like_formula, unneutralise
from newsdesk.editors.upload import Sheet
from newsdesk.language.arabic import normalize

EDITABLE: dict[str, tuple[str, ...]] = {
    "events": EVENTS,
    "actors": ACTORS,
    "places": PLACES,
    "topics": TOPICS,
}
ID_COLUMN = {"events": "event_id", "actors": "actor_id", "places": "place_id", "topics": "topic_id"}
MARKERS = (DELETE_FIELD, MERGE_FIELD)
# Downloads carry the data version they were made from, so an upload is compared with what the
# editor downloaded (their own changes), not with a newer version (someone else's changes).
VERSION_COLUMN = "_version"
TRUE_MARKS = frozenset({"1", "true", "yes", "x"})
FALSE_MARKS = frozenset({"", "0", "false", "no"})
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9_\-]{0,118}[a-z0-9])?$")
COUNTRY_PATTERN = re.compile(r"^[a-z]{2}$")
PLOVER_PATTERN = re.compile(r"^[A-Z_]+(?::[a-z_]+)?$")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$")
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n"}
SHORT_TEXT = 300
LONG_TEXT = 4000
REQUIRED_NEW = {
    "events": ("date", "date_precision", "type", "status"),
    "actors": ("name_en", "name_ar"),
    "places": ("name_en", "name_ar", "kind"),
    "topics": ("name_en", "name_ar"),
}
NEVER_EMPTY = {
    "events": ("date", "date_precision", "type", "status"),
    "actors": ("name_en", "name_ar"),
    "places": ("name_en", "name_ar", "kind"),
    "topics": ("name_en", "name_ar"),
}
Row = dict[str, str]


@dataclass(frozen=True)
class Known:
    """What an upload is checked against: the events readers see, the lexicons, the articles."""

    events: Mapping[str, Row]
    actors: Mapping[str, Row]
    places: Mapping[str, Row]
    topics: Mapping[str, Row]
    articles: frozenset[str]

    def rows(self, table: str) -> Mapping[str, Row]:
        return getattr(self, table)


@dataclass(frozen=True)
class UploadRow:
    """A valid row: the given cells in canonical form, and its delete or merge marker."""

    table: str
    row_id: str
    source: str
    number: int
    values: Mapping[str, str]
    delete: bool = False
    merge_into: str = ""


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, list[UploadRow]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    @property
    def n_rows(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def detect_table(sheet: Sheet) -> str | None:
    """Which contract table a sheet is, from its id column (or its XLSX sheet name)."""
    for table in ("events", "actors", "topics", "places"):
        if ID_COLUMN[table] in sheet.header:
            return table
    name = sheet.name.strip().lower()
    return name if name in EDITABLE else None


def validate(sheets: Iterable[Sheet], known: Known) -> Report:
    report = Report()
    parsed: list[tuple[str, Sheet]] = []
    for sheet in sheets:
        table = _check_header(sheet, report.problems)
        if table:
            parsed.append((table, sheet))
    # Lexicon rows first: events may name people, places and topics added in the same upload.
    order = {"actors": 0, "places": 1, "topics": 2, "events": 3}
    checker = _Checker(known, report)
    for table, sheet in sorted(parsed, key=lambda item: order[item[0]]):
        checker.lexicon_ids(table, sheet)
    for table, sheet in sorted(parsed, key=lambda item: order[item[0]]):
        checker.sheet(table, sheet)
    checker.cross_checks()
    return report


def file_version(sheets: Iterable[Sheet], head: int) -> tuple[int | None, list[Problem]]:
    """The version a downloaded file was made from (its `_version` cells), if it says one."""
    found: dict[str, tuple[str, int]] = {}
    for sheet in sheets:
        if VERSION_COLUMN not in sheet.header:
            continue
        index = sheet.header.index(VERSION_COLUMN)
        for number, cells in sheet.rows:
            value = cells[index].strip() if index < len(cells) else ""
            if value:
                found.setdefault(value, (sheet.source, number))
    if not found:
        return None, []
    if len(found) > 1:
        (value, (source, number)) = sorted(found.items(), key=lambda item: item[1][1])[1]
        return None, [Problem(source, number, VERSION_COLUMN, value, "mixed_versions")]
    ((value, (source, number)),) = found.items()
    if not value.isdigit() or not 1 <= int(value) <= head:
        return None, [Problem(source, number, VERSION_COLUMN, value, "bad_version", {"head": head})]
    return int(value), []


def _check_header(sheet: Sheet, problems: list[Problem]) -> str | None:
    table = detect_table(sheet)
    if table is None:
        problems.append(Problem(sheet.source, 1, "", ", ".join(sheet.header[:8]), "unknown_table"))
        return None
    allowed = set(EDITABLE[table]) | {VERSION_COLUMN}
    if table == "events":
        allowed |= set(MARKERS)
    ok = True
    seen: set[str] = set()
    for column in sheet.header:
        if column in seen:
            problems.append(Problem(sheet.source, 1, column, column, "duplicate_column"))
            ok = False
        seen.add(column)
        if column not in allowed:
            code = "empty_column_name" if not column else "unknown_column"
            problems.append(Problem(sheet.source, 1, column, column, code, {"table": table}))
            ok = False
    if ID_COLUMN[table] not in seen:
        problems.append(
            Problem(sheet.source, 1, ID_COLUMN[table], "", "missing_id_column", {"table": table})
        )
        ok = False
    return table if ok else None


class _Checker:
    """Cell rules of the contract, with the ids known before and added by this upload."""

    def __init__(self, known: Known, report: Report) -> None:
        self.known = known
        self.report = report
        self.new_ids: dict[str, set[str]] = {"actors": set(), "places": set(), "topics": set()}
        self.first_row: dict[tuple[str, str], tuple[str, int]] = {}
        self.valid: dict[str, list[UploadRow]] = {}
        self.district_refs: list[tuple[UploadRow, str]] = []

    def problem(self, source: str, row: int, column: str, value: str, code: str, **params):
        self.report.problems.append(Problem(source, row, column, value, code, params))

    def warn(self, source: str, row: int, column: str, value: str, code: str, **params):
        self.report.problems.append(Problem(source, row, column, value, code, params, WARNING))

    # --- ids of lexicon rows added by this upload ---------------------------------------

    def lexicon_ids(self, table: str, sheet: Sheet) -> None:
        if table not in self.new_ids:
            return
        index = sheet.header.index(ID_COLUMN[table])
        for _number, cells in sheet.rows:
            if index < len(cells):
                row_id = cells[index].strip()
                if ID_PATTERN.match(row_id):
                    self.new_ids[table].add(row_id)

    def has(self, table: str, row_id: str) -> bool:
        return row_id in self.known.rows(table) or row_id in self.new_ids.get(table, ())

    # --- rows ------------------------------------------------------------------------------

    def sheet(self, table: str, sheet: Sheet) -> None:
        width = len(sheet.header)
        for number, cells in sheet.rows:
            if len(cells) != width:
                self.problem(sheet.source, number, "", "", "row_length", n=len(cells), m=width)
                continue
            self.row(table, sheet, number, dict(zip(sheet.header, cells, strict=True)))

    def row(self, table: str, sheet: Sheet, number: int, raw: dict[str, str]) -> None:
        before = len(errors(self.report.problems))
        source = sheet.source
        values: dict[str, str] = {}
        for index, column in enumerate(sheet.header):
            value = raw[column]
            if (number, index) in sheet.formulas:
                self.problem(source, number, column, value, "xlsx_formula")
                continue
            value = unneutralise(value.strip())
            if any(char in _CONTROL for char in value):
                self.problem(source, number, column, value, "control_char")
                continue
            values[column] = value
        id_column = ID_COLUMN[table]
        row_id = values.get(id_column, "")
        if not row_id:
            self.problem(source, number, id_column, row_id, "required")
            return
        if not ID_PATTERN.match(row_id):
            self.problem(source, number, id_column, row_id, "bad_id")
            return
        first = self.first_row.get((table, row_id))
        if first:
            self.problem(source, number, id_column, row_id, "duplicate_id", first=first[1])
            return
        self.first_row[(table, row_id)] = (source, number)
        exists = row_id in self.known.rows(table)
        delete, merge_into = False, ""
        if table == "events":
            delete, merge_into = self.markers(source, number, row_id, values, exists)
        if not delete and not merge_into:
            for column in REQUIRED_NEW[table]:
                if not exists and column not in values:
                    self.problem(source, number, column, "", "required_new")
        clean: dict[str, str] = {}
        current = self.known.rows(table).get(row_id, {})
        for column, value in values.items():
            if column in MARKERS or column in (id_column, VERSION_COLUMN):
                continue
            if exists and value == current.get(column):
                # Unchanged: readers already see it, so not the editor's to fix now (an id that a
                # rebuild dropped from the lexicon must not block correcting a date).
                clean[column] = value
                continue
            checked = self.cell(table, source, number, column, value)
            if checked is not None:
                clean[column] = checked
        if table == "events" and not delete:
            self.event_rules(source, number, row_id, clean)
        if len(errors(self.report.problems)) > before:
            return
        row = UploadRow(table, row_id, source, number, clean, delete, merge_into)
        self.valid.setdefault(table, []).append(row)
        if table == "places" and clean.get("district_id"):
            self.district_refs.append((row, clean["district_id"]))

    def markers(
        self, source: str, number: int, row_id: str, values: dict[str, str], exists: bool
    ) -> tuple[bool, str]:
        mark = values.get(DELETE_FIELD, "").lower()
        if mark not in TRUE_MARKS | FALSE_MARKS:
            self.problem(source, number, DELETE_FIELD, mark, "marker_value")
            mark = ""
        delete = mark in TRUE_MARKS
        merge_into = values.get(MERGE_FIELD, "")
        if delete and merge_into:
            self.problem(source, number, MERGE_FIELD, merge_into, "merge_and_delete")
        if (delete or merge_into) and not exists:
            column = DELETE_FIELD if delete else MERGE_FIELD
            self.problem(source, number, column, row_id, "no_such_event")
        if merge_into:
            if merge_into == row_id:
                self.problem(source, number, MERGE_FIELD, merge_into, "merge_self")
            elif merge_into not in self.known.events:
                self.problem(source, number, MERGE_FIELD, merge_into, "unknown_event")
        return delete, merge_into

    def cell(self, table: str, source: str, number: int, column: str, value: str) -> str | None:
        """The canonical value of a cell, or None after reporting why it is not allowed."""

        def bad(code: str, **params: object) -> None:
            self.problem(source, number, column, value, code, **params)
            return None

        if not value:
            if column in NEVER_EMPTY[table]:
                return bad("required")
            return ""
        rule = RULES[table].get(column, ("text", SHORT_TEXT))
        kind = rule[0]
        if kind == "text":
            if len(value) > rule[1]:
                return bad("too_long", limit=rule[1])
            if looks_like_formula(value):
                self.warn(source, number, column, value, "formula", char=value[0])
            return value
        if kind == "date":
            match = ISO_DATE.match(value)
            try:
                if match:
                    return dt.date.fromisoformat(match.group(1)).isoformat()
            except ValueError:
                pass
            return bad("bad_date")
        if kind == "enum":
            if value.lower() in rule[1]:
                return value.lower()
            return bad("not_allowed", allowed=", ".join(rule[1]))
        if kind == "enum_list":
            items = split_list(value)
            for item in items:
                if item.lower() not in rule[1]:
                    return bad("not_allowed_item", item=item, allowed=", ".join(rule[1]))
            return self.unique_list(source, number, column, value, [i.lower() for i in items])
        if kind == "ref":
            if not self.has(rule[1], value):
                return bad(f"unknown_{rule[1][:-1]}")
            return value
        if kind == "ref_list":
            items = split_list(value)
            for item in items:
                found = item in self.known.articles if rule[1] == "articles" else None
                if not (found if found is not None else self.has(rule[1], item)):
                    return bad(f"unknown_{rule[1][:-1]}_item", item=item)
            return self.unique_list(source, number, column, value, items)
        if kind == "text_list":
            items = split_list(value)
            if any(len(item) > SHORT_TEXT for item in items):
                return bad("too_long", limit=SHORT_TEXT)
            return self.unique_list(source, number, column, value, items)
        if kind == "int":
            if not re.fullmatch(r"\d{1,6}", value):
                return bad("bad_int")
            return str(int(value))
        if kind == "number":
            low, high, digits = rule[1], rule[2], rule[3]
            try:
                number_value = float(value.replace(",", "."))
            except ValueError:
                return bad("bad_number")
            if not low <= number_value <= high or number_value != number_value:
                return bad("out_of_range", low=low, high=high)
            return f"{number_value:.{digits}f}"
        if kind == "pattern":
            if not rule[1].match(value):
                return bad(rule[2])
            return value
        if kind == "id":
            if not ID_PATTERN.match(value):
                return bad("bad_id")
            return value
        raise AssertionError(kind)  # pragma: no cover - RULES and this function go together

    def unique_list(
        self, source: str, number: int, column: str, value: str, items: list[str]
    ) -> str | None:
        repeated = sorted({item for item in items if items.count(item) > 1})
        if repeated:
            self.problem(source, number, column, value, "list_repeat", item=repeated[0])
            return None
        return join_list(items)

    def event_rules(self, source: str, number: int, row_id: str, clean: dict[str, str]) -> None:
        current = self.known.events.get(row_id, {})
        start = clean.get("date", current.get("date", ""))
        end = clean.get("date_end", current.get("date_end", ""))
        if start and end and end < start:
            self.problem(source, number, "date_end", end, "date_order", date=start)

    # --- checks across rows ----------------------------------------------------------------

    def cross_checks(self) -> None:
        self.aliases("actors", "aliases_ar")
        self.aliases("places", "aliases_ar")
        self.aliases("topics", "cues_ar")
        districts = {
            place_id for place_id, row in self.known.places.items() if row.get("kind") == "district"
        } | {
            row.row_id
            for row in self.valid.get("places", [])
            if row.values.get("kind") == "district"
        }
        for row, district in self.district_refs:
            if district not in districts and district != row.row_id:
                self.problem(row.source, row.number, "district_id", district, "not_a_district")
        for row in self.valid.get("places", []):
            current = self.known.places.get(row.row_id, {})
            lat = row.values.get("lat", current.get("lat", ""))
            lon = row.values.get("lon", current.get("lon", ""))
            if bool(lat) != bool(lon):
                column = "lat" if not lat else "lon"
                self.problem(row.source, row.number, column, "", "lat_lon_pair")
        if errors(self.report.problems):
            return
        self.report.rows = self.valid

    def aliases(self, table: str, column: str) -> None:
        """No spelling (after Arabic normalisation) may belong to two rows of one lexicon:
        the build's matcher could not tell them apart."""
        owner: dict[str, str] = {}
        uploaded = {row.row_id: row for row in self.valid.get(table, [])}
        for row_id, row in self.known.rows(table).items():
            if row_id not in uploaded:
                for alias in split_list(row.get(column, "")):
                    owner.setdefault(normalize(alias), row_id)
        for row in uploaded.values():
            if column not in row.values:
                continue
            for alias in split_list(row.values[column]):
                other = owner.setdefault(normalize(alias), row.row_id)
                if other != row.row_id:
                    self.problem(row.source, row.number, column, alias, "alias_taken", other=other)


RULES: dict[str, dict[str, tuple]] = {
    "events": {
        "date": ("date",),
        "date_end": ("date",),
        "date_precision": ("enum", PRECISIONS),
        "type": ("enum", EVENT_TYPES),
        "status": ("enum", STATUSES),
        "participants": ("ref_list", "actors"),
        "initiator": ("ref", "actors"),
        "place_id": ("ref", "places"),
        "topics": ("ref_list", "topics"),
        "title_en": ("text", SHORT_TEXT),
        "title_ar": ("text", SHORT_TEXT),
        "summary_en": ("text", LONG_TEXT),
        "summary_ar": ("text", LONG_TEXT),
        "source_articles": ("ref_list", "articles"),
        "n_sources": ("int",),
        "flags": ("enum_list", FLAGS),
        "plover": ("pattern", PLOVER_PATTERN, "bad_plover"),
        "confidence": ("number", 0.0, 1.0, 2),
    },
    "actors": {
        "name_en": ("text", SHORT_TEXT),
        "name_ar": ("text", SHORT_TEXT),
        "aliases_ar": ("text_list",),
        "role_en": ("text", SHORT_TEXT),
        "role_ar": ("text", SHORT_TEXT),
        "country": ("pattern", COUNTRY_PATTERN, "bad_country"),
    },
    "places": {
        "name_en": ("text", SHORT_TEXT),
        "name_ar": ("text", SHORT_TEXT),
        "aliases_ar": ("text_list",),
        "kind": ("enum", PLACE_KINDS),
        "country": ("pattern", COUNTRY_PATTERN, "bad_country"),
        "district_id": ("id",),
        "lat": ("number", -90.0, 90.0, 4),
        "lon": ("number", -180.0, 180.0, 4),
    },
    "topics": {
        "name_en": ("text", SHORT_TEXT),
        "name_ar": ("text", SHORT_TEXT),
        "cues_ar": ("text_list",),
    },
}
