"""`python -m newsdesk validate|apply|history|diff|restore|export|hash-password`: the same code
path as the editor page, with exit codes that say what happened."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import CALL_2020
from helpers import export_rows, set_cell, to_csv

from newsdesk.cli import main
from newsdesk.contract.tables import read_table
from newsdesk.editors.auth import verify
from newsdesk.editors.desk import Desk

REPO = Path(__file__).resolve().parents[2]


def write(path: Path, rows: list[list[str]]) -> Path:
    path.write_bytes(to_csv(rows))
    return path


@pytest.mark.usefixtures("store_backend")  # on SQLite and on PostgreSQL
def test_validate_apply_history_diff_restore_export(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data = ["--data", str(desk.data_dir)]
    bad = write(tmp_path / "bad.csv", set_cell(export_rows(desk), CALL_2020, "date", "7/10/20"))
    assert main(["validate", str(bad), *data]) == 1
    out = capsys.readouterr().out
    assert "bad.csv:3:date: error: Not a date in the form YYYY-MM-DD. [7/10/20]" in out
    assert main(["validate", str(bad), "--lang", "ar", *data]) == 1
    assert "ليس تاريخاً بالصيغة YYYY-MM-DD." in capsys.readouterr().out
    assert main(["apply", str(bad), "--editor", "cli", "--note", "x", *data]) == 1
    assert desk.head() == 1

    download = export_rows(desk, versioned=True)  # carries _version = 1
    good = write(
        tmp_path / "good.csv", set_cell(copy.deepcopy(download), CALL_2020, "date", "2020-10-08")
    )
    assert main(["validate", str(good), *data]) == 0
    assert "date: '2020-10-07' -> '2020-10-08'" in capsys.readouterr().out
    assert main(["apply", str(good), "--editor", "cli", "--note", "one day later", *data]) == 0
    assert "saved version 2" in capsys.readouterr().out
    # The same download, changed by someone else: version 2 was saved meanwhile.
    stale = write(tmp_path / "stale.csv", set_cell(download, CALL_2020, "status", "denied"))
    assert main(["apply", str(stale), "--editor", "bob", "--note", "denied", *data]) == 3
    assert "version 2 by cli" in capsys.readouterr().err
    assert desk.head() == 2
    args = ["apply", str(stale), "--editor", "bob", "--note", "denied", "--on-top", *data]
    assert main(args) == 0
    assert "saved version 3" in capsys.readouterr().out
    published = desk.reader_events().events.set_index("event_id").loc[CALL_2020]
    assert (published["date"], published["status"]) == ("2020-10-08", "denied")
    assert main(["restore", "2", "--editor", "cli", "--note", "undo bob", *data]) == 0
    assert "version 4 restores version 2" in capsys.readouterr().out

    assert main(["history", *data]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].startswith("2\t") and lines[2].endswith("one day later")
    assert main(["diff", "1", "2", *data]) == 0
    assert "date: '2020-10-07' -> '2020-10-08'" in capsys.readouterr().out
    assert main(["restore", "1", "--editor", "cli", "--note", "undo", *data]) == 0
    assert main(["restore", "9", "--editor", "cli", "--note", "undo", *data]) == 1
    capsys.readouterr()
    assert desk.reader_events().events.equals(desk.reader_events(1).events)

    assert main(["export", "--out", str(tmp_path / "out"), *data]) == 0
    exported = read_table(tmp_path / "out" / "corrections.csv", "corrections")
    assert list(exported["correction_id"]) == ["c1"]  # after the restore, as at version 1

    assert main(["validate", str(tmp_path / "missing.csv"), *data]) == 2


def test_the_command_runs_as_a_program_and_hashes_passwords(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "history", "--data", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1\t") and "system\timport" in result.stdout
    hashed = subprocess.run(
        [sys.executable, "-m", "newsdesk", "hash-password"],
        cwd=REPO,
        input="correct horse battery\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hashed.returncode == 0, hashed.stderr
    digest = hashed.stdout.strip()
    assert digest.startswith("$argon2id$") and "correct horse" not in digest
    assert verify({"ana": digest}, "ana", "correct horse battery")
