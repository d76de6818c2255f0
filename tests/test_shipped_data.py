"""The shipped tables: contract, referential integrity, the reviewed facts, reproducibility."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.config import corpus_dir
from newsdesk.contract import schema
from newsdesk.contract.tables import load_tables, split_list
from newsdesk.editors.corrections import reader_events
from newsdesk.pipeline.build import run_build, write_tables
from newsdesk.pipeline.gazetteer import load_gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def tables():
    return load_tables(DATA)


@pytest.fixture(scope="module")
def published(tables):
    return reader_events(tables)


def test_tables_follow_the_contract(tables):
    for name, columns in schema.TABLES.items():
        assert tuple(tables[name].columns) == columns, name
    events = tables["events"]
    assert set(events["type"]) <= set(schema.EVENT_TYPES)
    assert set(events["status"]) <= set(schema.STATUSES)
    assert set(events["date_precision"]) <= set(schema.PRECISIONS)
    assert events["event_id"].is_unique
    for flags in events["flags"]:
        assert set(split_list(flags)) <= set(schema.FLAGS)
    assert all(0 <= float(c) <= 1 for c in events["confidence"])
    assert (
        events["n_sources"].astype(int)
        == events["source_articles"].map(lambda s: len(split_list(s)))
    ).all()


def test_every_id_refers_to_a_known_record(tables, published):
    actors = set(tables["actors"]["actor_id"])
    places = set(tables["places"]["place_id"])
    topics = set(tables["topics"]["topic_id"])
    articles = set(tables["articles"]["article_id"])
    for row in published.events.to_dict("records"):
        assert set(split_list(row["participants"])) <= actors, row["event_id"]
        assert row["initiator"] in actors | {""}
        assert row["place_id"] in places | {""}
        assert set(split_list(row["topics"])) <= topics
        assert set(split_list(row["source_articles"])) <= articles
    assert set(tables["mentions"]["event_id"]) <= set(tables["events"]["event_id"])


def test_every_correction_applies(published):
    assert published.orphans.empty


def test_reviewed_facts(published):
    events = published.events.set_index("event_id")
    ceasefire = events.loc["agreement-2020-11-09-aliyev-pashinyan-putin"]
    assert ceasefire["n_sources"] == "5"
    assert {"date_conflict", "garbled_month"} <= set(split_list(ceasefire["flags"]))
    assert set(split_list(ceasefire["participants"])) == {"putin", "aliyev", "pashinyan"}
    assert "9 or 10 November 2020" in ceasefire["summary_en"]
    assert not (published.events["date"] == "2021-01-26").any()  # a source's wrong month
    calls = published.events[
        (published.events["type"] == "call") & (published.events["date"] == "2022-04-09")
    ]
    assert sorted(calls["participants"]) == ["aliyev;putin", "pashinyan;putin"]
    apology = published.events[published.events["date"] == "2023-09-21"].iloc[0]
    assert (apology["type"], apology["initiator"]) == ("call", "aliyev")
    sochi = published.events[
        (published.events["date"] == "2021-11-26") & (published.events["type"] == "agreement")
    ]
    assert sochi.iloc[0]["place_id"] == "sochi"
    assert "Sochi" in sochi.iloc[0]["title_en"]
    assert set(published.events["status"]) == {"happened"}


def test_articles_table_holds_no_article_text(tables):
    assert set(tables["articles"].columns) == set(schema.ARTICLES)
    # empty where nothing pins the date: a publication date is right or absent, never a guess
    bases = tables["articles"]["published_basis"]
    assert bases.isin((*schema.PUBLISHED_BASES, "")).all()
    assert ((bases == "") == (tables["articles"]["published"] == "")).all()


@pytest.mark.skipif(not corpus_dir().is_dir(), reason="the corpus folder is not beside the repo")
def test_rebuild_reproduces_the_shipped_tables(tmp_path):
    result = run_build(corpus_dir())
    write_tables(result, tmp_path, load_gazetteer())
    for name in ("events", "mentions", "articles", "actors", "places", "topics"):
        built = (tmp_path / f"{name}.csv").read_text(encoding="utf-8")
        assert built == (DATA / f"{name}.csv").read_text(encoding="utf-8"), name


def test_a_corrected_range_shows_in_the_card_text(published):
    war = published.events[published.events["type"] == "hostilities"].iloc[0]
    assert (war["date"], war["date_end"]) == ("2020-09-27", "2020-11-10")
    assert "27 September 2020 – 10 November 2020" in war["summary_en"]
    assert "late September" not in war["summary_en"]
