"""`python -m newsdesk published`: the events readers see, as the Events page lists them.

The command and the page take one path from the tables to the events (`newsdesk.readers`), so
for any link the command prints the page's cards, in the page's order, with the editors'
corrections applied."""

from __future__ import annotations

import csv
import html
import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from fixtures import CALL_2020, MEETING_2021
from pagerun import REPO, RunPage

from newsdesk.cli import main
from newsdesk.contract.schema import EVENTS


def published(capsys: pytest.CaptureFixture, *args: str) -> list[dict[str, str]]:
    assert main(["published", *args]) == 0
    text = capsys.readouterr().out
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == list(EVENTS)
    return list(reader)


def card_titles(at) -> list[str]:
    return [
        element.proto.body.split("<div class='nd-title'>")[1].split("</div>")[0]
        for element in at.get("html")
        if "<div class='nd-title'>" in element.proto.body
    ]


@pytest.mark.parametrize(
    "link",
    [
        "",
        "period=war2020",
        "status=any",
        "type=call&type=meeting&status=any",
        "actor=aliyev&lang=ar",
        "q=Kremlin",
        "period=custom&from=2021-01-01&to=2023-12-31&status=happened&status=planned",
    ],
)
def test_a_view_prints_the_cards_of_the_events_page(
    link: str, page: RunPage, fixture_dirs: tuple[Path, Path], capsys: pytest.CaptureFixture
) -> None:
    data, _corpus = fixture_dirs
    rows = published(capsys, "--data", str(data), "--view", f"http://localhost:8501/events?{link}")
    params = parse_qs(link)
    at = page("events", params)
    lang = "ar" if "lang=ar" in link else "en"
    titles = [html.escape(row[f"title_{lang}"] or row["title_en"], quote=True) for row in rows]
    assert titles == card_titles(at)
    assert rows, f"the view {link!r} should not be empty in the fixture"


def test_every_event_with_corrections_applied_in_date_order(
    fixture_dirs: tuple[Path, Path], capsys: pytest.CaptureFixture
) -> None:
    data, _corpus = fixture_dirs
    rows = published(capsys, "--data", str(data))
    by_id = {row["event_id"]: row for row in rows}
    assert by_id[MEETING_2021]["title_en"] == "Putin receives Aliyev in the Kremlin"  # corrected
    assert "edited" in by_id[MEETING_2021]["flags"]
    assert {row["status"] for row in rows} == {"happened", "planned", "denied"}
    dated = [(row["date"], row["event_id"]) for row in rows if row["date"]]
    assert dated == sorted(dated)
    assert CALL_2020 in by_id


def test_json_and_a_file(
    fixture_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data, _corpus = fixture_dirs
    rows = published(capsys, "--data", str(data), "--view", "period=war2020")
    out = tmp_path / "war.json"
    args = ["published", "--data", str(data), "--view", "period=war2020", "--format", "json"]
    assert main([*args, "--out", str(out)]) == 0
    assert f"wrote {len(rows)} events to {out}" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8")) == rows


def test_a_missing_data_folder_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "published", "--data", str(tmp_path / "nowhere")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert f"no events.csv in {tmp_path / 'nowhere'}" in done.stderr
