"""What an upload or a version changes, as editors read it: fields old -> new, added, deleted.

The same `Diff` is shown before an upload is applied, in the history between two versions and
when a save finds that someone else saved meanwhile, so an editor always reads changes in one
form. Only rows the upload names are compared, and only the columns it has: a row that is
absent, or a column left out, changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsdesk.contract.tables import split_list
from newsdesk.editors.validate import ID_COLUMN, Known, UploadRow

Row = Mapping[str, str]
TABLE_ORDER = ("events", "actors", "places", "topics")


@dataclass(frozen=True)
class FieldChange:
    table: str
    row_id: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Added:
    table: str
    row_id: str
    values: Mapping[str, str]


@dataclass(frozen=True)
class Removed:
    """An event deleted, or folded into `merge_into` (its sources go to that event)."""

    table: str
    row_id: str
    merge_into: str = ""


@dataclass(frozen=True)
class Diff:
    changed: tuple[FieldChange, ...] = ()
    added: tuple[Added, ...] = ()
    removed: tuple[Removed, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed)

    def counts(self) -> dict[str, int]:
        return {
            "changed": len({(c.table, c.row_id) for c in self.changed}),
            "added": len(self.added),
            "deleted": len(self.removed),
        }

    def touched(self) -> set[tuple[str, str, str]]:
        """(table, id, field) of every change; a whole-row change uses field "*"."""
        found = {(c.table, c.row_id, c.field) for c in self.changed}
        found |= {(a.table, a.row_id, "*") for a in self.added}
        found |= {(r.table, r.row_id, "*") for r in self.removed}
        return found


def diff_upload(rows: Mapping[str, list[UploadRow]], known: Known) -> Diff:
    """The changes a validated upload asks for, against the tables it was checked on."""
    changed: list[FieldChange] = []
    added: list[Added] = []
    removed: list[Removed] = []
    for table in TABLE_ORDER:
        current = known.rows(table)
        for row in rows.get(table, []):
            if row.delete or row.merge_into:
                removed.append(Removed(table, row.row_id, row.merge_into))
                continue
            old = current.get(row.row_id)
            if old is None:
                added.append(Added(table, row.row_id, dict(row.values)))
                continue
            for field, value in row.values.items():
                if _differs(table, field, old.get(field, ""), value):
                    changed.append(FieldChange(table, row.row_id, field, old.get(field, ""), value))
    return Diff(tuple(changed), tuple(added), tuple(removed))


def _differs(table: str, field: str, old: str, new: str) -> bool:
    """`edited` is the app's own flag (present while corrections exist): not an editor's change."""
    if table == "events" and field == "flags":
        return set(split_list(old)) - {"edited"} != set(split_list(new)) - {"edited"}
    return old != new


def diff_tables(
    old: Mapping[str, Iterable[Row]], new: Mapping[str, Iterable[Row]], ignore: Iterable[str] = ()
) -> Diff:
    """Every difference between two complete sets of tables (two versions)."""
    skip = set(ignore)
    changed: list[FieldChange] = []
    added: list[Added] = []
    removed: list[Removed] = []
    for table in TABLE_ORDER:
        key = ID_COLUMN[table]
        before = {row[key]: row for row in old.get(table, [])}
        after = {row[key]: row for row in new.get(table, [])}
        for row_id, row in after.items():
            if row_id not in before:
                values = {k: v for k, v in row.items() if k != key and v and k not in skip}
                added.append(Added(table, row_id, values))
                continue
            for field, value in row.items():
                if field not in skip and before[row_id].get(field, "") != value:
                    changed.append(
                        FieldChange(table, row_id, field, before[row_id].get(field, ""), value)
                    )
        removed += [Removed(table, row_id) for row_id in before if row_id not in after]
    return Diff(tuple(changed), tuple(added), tuple(removed))


def diff_rows(diff: Diff) -> list[dict[str, str]]:
    """The diff as table rows (for the page, the CLI and downloads): what, which, old, new."""
    rows = []
    for change in diff.changed:
        rows.append(
            {
                "change": "changed",
                "table": change.table,
                "id": change.row_id,
                "field": change.field,
                "old": change.old,
                "new": change.new,
            }
        )
    for item in diff.added:
        for field, value in item.values.items():
            rows.append(
                {
                    "change": "added",
                    "table": item.table,
                    "id": item.row_id,
                    "field": field,
                    "old": "",
                    "new": value,
                }
            )
    for item in diff.removed:
        rows.append(
            {
                "change": "merged" if item.merge_into else "deleted",
                "table": item.table,
                "id": item.row_id,
                "field": "",
                "old": "",
                "new": item.merge_into,
            }
        )
    return rows
