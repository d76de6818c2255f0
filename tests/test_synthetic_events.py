"""The synthetic events generator (scripts/make_synthetic_events.py), at small sizes.

The tables it writes feed the speed benchmark, so they must be marked synthetic, agree with
each other (the app runs on them as on extracted tables) and be the same for the same seed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsdesk.contract.schema import TABLES
from newsdesk.contract.tables import load_tables, split_list
from newsdesk.editors.corrections import reader_events
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import prepare_events
from newsdesk.view.queries import filter_events
from newsdesk.view.url_state import Filters

REPO = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location(
    "make_synthetic_events", REPO / "scripts" / "make_synthetic_events.py"
)
assert _SPEC is not None and _SPEC.loader is not None
gen = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = gen
_SPEC.loader.exec_module(gen)


@pytest.fixture(scope="module")
def sized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("synthetic")
    gen.main(["--sizes", "300", "2000", "--out", str(base)])
    return base


def test_size_labels() -> None:
    assert [gen.size_label(n) for n in (10_000, 100_000, 1_000_000, 2_000_000, 2500, 300)] == [
        "10k",
        "100k",
        "1m",
        "2m",
        "2500",
        "300",
    ]


def test_sizes_go_into_one_marked_folder_each(sized: Path) -> None:
    assert sorted(p.name for p in sized.iterdir()) == ["2k", "300"]
    for folder, rows in (("300", 300), ("2k", 2000)):
        marker = (sized / folder / "SYNTHETIC.txt").read_text(encoding="utf-8")
        assert marker.startswith(f"{rows} synthetic events")
        tables = load_tables(sized / folder)
        assert set(tables) == set(TABLES)
        events = tables["events"]
        assert len(events) == rows
        assert events["event_id"].str.startswith("syn-").all()
        assert events["event_id"].is_unique
        assert tables["articles"]["article_id"].str.startswith("syn-a").all()
        assert tables["corrections"].empty


def test_tables_agree_with_each_other(sized: Path) -> None:
    tables = load_tables(sized / "2k")
    events, mentions, articles = tables["events"], tables["mentions"], tables["articles"]
    known_articles = set(articles["article_id"])
    actors, places = set(tables["actors"]["actor_id"]), set(tables["places"]["place_id"])
    topics = set(tables["topics"]["topic_id"])
    per_event = mentions.groupby("event_id")["article_id"].apply(list).to_dict()
    for row in events.to_dict("records"):
        sources = split_list(row["source_articles"])
        assert len(sources) == len(set(sources)) == int(row["n_sources"]) >= 1
        assert set(sources) <= known_articles
        assert sorted(per_event[row["event_id"]]) == sorted(sources)
        assert set(split_list(row["participants"])) <= actors
        assert set(split_list(row["topics"])) <= topics
        assert row["place_id"] == "" or row["place_id"] in places
        if row["initiator"]:
            assert row["initiator"] in split_list(row["participants"])
        if row["date_end"]:
            assert row["type"] == "hostilities" and row["date_end"] > row["date"]
    assert mentions["mention_id"].is_unique
    conflicts = events[events["flags"] == "date_conflict"]
    assert 0 < len(conflicts) < len(events) * 0.05
    for event_id, date in conflicts[["event_id", "date"]].itertuples(index=False):
        days = sorted(mentions.loc[mentions["event_id"] == event_id, "date"].unique())
        assert days[0] == date and len(days) == 2


def test_the_app_code_reads_them(sized: Path) -> None:
    tables = load_tables(sized / "2k")
    lookups = Lookups.from_tables(tables["actors"], tables["places"], tables["topics"])
    prepared = prepare_events(
        reader_events(tables).events, lookups.search_names(), tables["mentions"]
    )
    assert len(prepared) == 2000
    war = filter_events(prepared, Filters(period="war2020", statuses=()))
    assert 0 < len(war) < len(prepared)
    assert len(filter_events(prepared, Filters(query="تجريبي 12", statuses=()))) >= 1


def test_same_seed_same_tables_other_seed_other_tables(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        gen.write_synthetic(tmp_path / name, 500, REPO / "data", seed)
    for table in ("events.csv", "mentions.csv", "articles.csv"):
        first = (tmp_path / "a" / table).read_bytes()
        assert first == (tmp_path / "b" / table).read_bytes()
        assert first != (tmp_path / "c" / table).read_bytes()


def test_refuses_to_write_into_data() -> None:
    with pytest.raises(SystemExit, match="refusing"):
        gen.main(["--sizes", "10", "--out", str(REPO / "data")])
    assert not (REPO / "data" / "10").exists()


def test_rows_and_sizes_exclude_each_other() -> None:
    with pytest.raises(SystemExit):
        gen.main(["--rows", "10", "--sizes", "10"])
