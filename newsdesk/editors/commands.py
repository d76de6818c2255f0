"""The editors' commands of `python -m newsdesk`, on the same `Desk` as the editor page.

Exit codes: 0 done (or valid, or nothing to change), 1 the input has problems or names no such
version, 2 a usage error or an unreadable file or store, 3 someone saved meanwhile (the base
version is out of date: nothing was written; check again and re-apply).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from newsdesk.editors.auth import hash_password
from newsdesk.editors.changes import Diff, diff_rows
from newsdesk.editors.desk import Desk
from newsdesk.editors.problems import errors, problem_rows, problems_csv
from newsdesk.editors.store import OutOfDate
from newsdesk.language.strings import LANGS

EDITOR_COMMANDS = ("validate", "apply", "history", "diff", "restore", "export", "hash-password")
OK, INVALID, USAGE, OUT_OF_DATE = 0, 1, 2, 3


def add_editor_commands(commands: argparse._SubParsersAction) -> None:
    def with_data(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--data", type=Path, default=None, help="data folder (NEWSDESK_DATA)")
        return parser

    validate = with_data(commands.add_parser("validate", help="check files, show the diff"))
    validate.add_argument("files", nargs="+", type=Path, help="CSV or XLSX files")
    validate.add_argument("--lang", choices=LANGS, default="en")
    validate.add_argument("--problems", type=Path, help="also write the problems as CSV here")

    apply = with_data(commands.add_parser("apply", help="validate and save as a new version"))
    apply.add_argument("files", nargs="+", type=Path)
    apply.add_argument("--editor", required=True)
    apply.add_argument("--note", required=True, help="why: kept in the audit log")
    apply.add_argument(
        "--on-top",
        action="store_true",
        help="the files come from an older version: apply their changes onto the newest",
    )
    apply.add_argument("--lang", choices=LANGS, default="en")

    with_data(commands.add_parser("history", help="list versions, newest first"))

    diff = with_data(commands.add_parser("diff", help="what changed between two versions"))
    diff.add_argument("old", type=int)
    diff.add_argument("new", type=int)

    restore = with_data(commands.add_parser("restore", help="make an old version current"))
    restore.add_argument("version", type=int)
    restore.add_argument("--editor", required=True)
    restore.add_argument("--note", required=True, help="why: kept in the audit log")

    export = with_data(commands.add_parser("export", help="write corrections.csv and lexicons"))
    export.add_argument("--out", type=Path, default=None, help="folder (default: the data)")

    commands.add_parser("hash-password", help="print an argon2 hash for an editor's password")


def run_editor_command(args: argparse.Namespace) -> int:
    if args.command == "hash-password":
        return _hash_password()
    try:
        desk = Desk.open(args.data)
        return COMMANDS[args.command](desk, args)
    except SQLAlchemyError as error:
        print(f"error: the store could not be used: {error}", file=sys.stderr)
        return USAGE


def _read_files(paths: list[Path]) -> list[tuple[str, bytes]] | None:
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            print(f"error: {path}: {error.strerror}", file=sys.stderr)
            return None
    return files


def _print_problems(problems, lang: str) -> None:
    for row in problem_rows(problems, lang):
        where = ":".join(part for part in (row["file"], row["row"], row["column"]) if part)
        value = f" [{row['value']}]" if row["value"] else ""
        print(f"{where}: {row['severity']}: {row['reason']}{value}")


def _print_diff(diff: Diff) -> None:
    counts = diff.counts()
    print(
        f"{counts['changed']} changed, {counts['added']} added, {counts['deleted']} deleted "
        "or merged"
    )
    for row in diff_rows(diff):
        if row["change"] == "changed":
            print(f"  {row['table']} {row['id']} {row['field']}: {row['old']!r} -> {row['new']!r}")
        elif row["change"] == "added":
            print(f"  + {row['table']} {row['id']} {row['field']}: {row['new']!r}")
        else:
            target = f" into {row['new']}" if row["new"] else ""
            print(f"  - {row['table']} {row['id']} {row['change']}{target}")


def _validate(desk: Desk, args: argparse.Namespace) -> int:
    files = _read_files(args.files)
    if files is None:
        return USAGE
    checked = desk.check(files)
    _print_problems(checked.report.problems, args.lang)
    if args.problems:
        args.problems.write_bytes(problems_csv(checked.report.problems, args.lang))
    if not checked.ok:
        print(f"{len(errors(checked.report.problems))} problems: nothing would be applied")
        return INVALID
    print(f"valid against version {checked.base}")
    _print_diff(checked.diff)
    return OK


def _apply(desk: Desk, args: argparse.Namespace) -> int:
    files = _read_files(args.files)
    if files is None:
        return USAGE
    checked = desk.check(files)
    _print_problems(checked.report.problems, args.lang)
    if not checked.ok:
        print(f"{len(errors(checked.report.problems))} problems: nothing applied")
        return INVALID
    if checked.diff.empty:
        print("no changes: nothing applied")
        return OK
    if checked.base != desk.head():
        print(f"the files come from version {checked.base}; the newest is {desk.head()}")
    try:
        info = desk.apply(checked.diff, checked.base, args.editor, args.note, args.on_top)
    except OutOfDate as stale:
        meanwhile = desk.meanwhile(stale.base, checked.diff)
        print(f"out of date: {stale}; nothing applied. Saved meanwhile:", file=sys.stderr)
        for saved, _diff in meanwhile.versions:
            line = f"  version {saved.version} by {saved.editor} at {saved.time}: {saved.note}"
            print(line, file=sys.stderr)
        for table, row_id, field in sorted(meanwhile.overlap):
            print(f"  both changed: {table} {row_id} {field}", file=sys.stderr)
        print("apply with --on-top to put these changes onto the newest version", file=sys.stderr)
        return OUT_OF_DATE
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE
    _print_diff(checked.diff)
    print(f"saved version {info.version}")
    return OK


def _history(desk: Desk, args: argparse.Namespace) -> int:
    for info in desk.store.history():
        counts = ", ".join(f"{k} {v}" for k, v in sorted(info.counts.items()))
        restored = f" (restores {info.restored_from})" if info.restored_from else ""
        print(
            f"{info.version}\t{info.time}\t{info.editor}\t{info.action}{restored}\t"
            f"{counts}\t{info.note}"
        )
    return OK


def _diff(desk: Desk, args: argparse.Namespace) -> int:
    head = desk.head()
    if not (0 <= args.old <= head and 0 <= args.new <= head):
        print(f"error: versions go from 1 to {head}", file=sys.stderr)
        return INVALID
    _print_diff(desk.compare(args.old, args.new))
    return OK


def _restore(desk: Desk, args: argparse.Namespace) -> int:
    head = desk.head()
    try:
        info = desk.restore(args.version, head, args.editor, args.note)
    except OutOfDate as stale:
        print(f"out of date: {stale}", file=sys.stderr)
        return OUT_OF_DATE
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return INVALID
    print(f"version {info.version} restores version {args.version}")
    return OK


def _export(desk: Desk, args: argparse.Namespace) -> int:
    for path in desk.export(args.out):
        print(f"wrote {path}")
    return OK


def _hash_password() -> int:
    if sys.stdin.isatty():
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return USAGE
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        print("error: use at least 8 characters", file=sys.stderr)
        return USAGE
    print(hash_password(password))
    return OK


COMMANDS = {
    "validate": _validate,
    "apply": _apply,
    "history": _history,
    "diff": _diff,
    "restore": _restore,
    "export": _export,
}
