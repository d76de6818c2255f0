"""The gazetteer: people, offices, countries, places, topics and cue words, matched in text.

Everything is loaded from the lexicon files and compiled once per process into a token trie.
Arabic attaches conjunctions and prepositions to the word (`وبموسكو`, `لعلييف`) and pronouns
to its end (`لقائه`), so each token is tried with those clitics removed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from newsdesk.config import lexicon_dir
from newsdesk.contract.tables import split_list
from newsdesk.language.arabic import normalize
from newsdesk.language.lexicon import read_lexicon
from newsdesk.language.word_classes import words

_TOKEN = re.compile(r"\w+")
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "كم")
_CONJUNCTIONS = ("و", "ف")
_SHORT_PARTICLES = words("short_particle")  # `ولم`, `فلن`: two letters left after the conjunction


STARTS_CACHE_SIZE = 500_000  # distinct tokens remembered per matcher (bounded memory)
# the years the project reports on, and the lexicon with it: offices.csv lists the terms that
# touch them, so an office with one open term from before them had one holder throughout
COVERAGE = (dt.date(2020, 1, 1), dt.date(2024, 12, 31))


class Token(NamedTuple):
    """A word of a normalised sentence (a tuple: the build makes hundreds of thousands)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MatchDetail:
    """What a lexicon row adds to a phrase beyond its kind and value; which field is set
    depends on the file the phrase came from (offices, groups, cues)."""

    country: str = ""  # a role phrase's country (`الرئيس الروسي` -> `ru`)
    applies_to: str = ""  # a group phrase's event types, `;`-separated (empty: every type)
    number: str = ""  # a trigger's count: `plural` (several), `dual` (two), `each` (one a person)
    plover: str = ""  # a trigger's PLOVER code where it differs from its type's


NO_DETAIL = MatchDetail()


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found in a sentence (normalised coordinates, token indices)."""

    start: int
    end: int
    first_token: int
    last_token: int
    kind: str
    value: str
    detail: MatchDetail = NO_DETAIL


def tokenize(norm: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(norm)]


@lru_cache(maxsize=200_000)
def token_forms(token: str) -> list[str]:
    """The token itself, then with proclitics and pronoun suffixes removed."""
    forms = [token]
    stems = [token]
    if token.startswith("لل") and len(token) > 4:
        stems.append("ال" + token[2:])
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            stems.append(token[len(prefix) :])
    if token[:1] in _CONJUNCTIONS and token[1:] in _SHORT_PARTICLES:
        stems.append(token[1:])  # `ولم`, `فلن`
    for stem in list(stems):
        if stem.startswith("ال") and len(stem) >= 5:
            stems.append(stem[2:])
    for stem in stems:
        if stem not in forms:
            forms.append(stem)
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                bare = stem[: -len(suffix)]
                for candidate in (bare, bare[:-1] + "ء" if bare.endswith("ء") else bare):
                    if candidate not in forms:
                        forms.append(candidate)
    return forms


def form_in(token: str, class_words: frozenset[str]) -> bool:
    """Whether a word, or one of its forms without clitics (`وبعد`, `اندلاعه`), is in a word
    class: how every rule asks whether a word is one of its words."""
    return not class_words.isdisjoint(token_forms(token))


class PhraseMatcher:
    """Longest-match lookup of multi-word phrases over tokens, clitics allowed on the first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str, MatchDetail]]] = (
            defaultdict(list)
        )
        # token -> the phrases that may start at it, with the rank of the form that found them;
        # most tokens start none, and a corpus repeats its words, so this is the hot lookup
        self._starts: dict[str, tuple] = {}

    def add(self, phrase: str, kind: str, value: str, detail: MatchDetail = NO_DETAIL) -> None:
        words = tuple(token.text for token in tokenize(normalize(phrase)))
        if words:
            self._by_first[words[0]].append((words, kind, value, detail))
            self._starts.clear()

    def finalize(self) -> None:
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self._starts.clear()

    def _starting_at(self, text: str) -> tuple:
        """Per form of the token that starts phrases: its rank, the longer phrases (longest
        first), the second words they need, and the one-word phrase if there is one."""
        found = self._starts.get(text)
        if found is None:
            starts = []
            for rank, form in enumerate(token_forms(text)):
                entries = self._by_first.get(form)
                if not entries:
                    continue
                longer = tuple(entry for entry in entries if len(entry[0]) > 1)
                single = next((entry for entry in entries if len(entry[0]) == 1), None)
                seconds = frozenset(entry[0][1] for entry in longer)
                starts.append((rank, longer, seconds, single))
            found = tuple(starts)
            if len(self._starts) < STARTS_CACHE_SIZE:
                self._starts[text] = found
        return found

    def find(self, norm: str, tokens: list[Token] | None = None) -> list[Match]:
        tokens = tokens if tokens is not None else tokenize(norm)
        texts = [token.text for token in tokens]
        count = len(texts)
        known = self._starts
        matches: list[Match] = []
        free = 0  # the first token not inside the last match
        for index, text in enumerate(texts):
            starts = known.get(text)
            if starts is None:
                starts = self._starting_at(text)
            if not starts or index < free:
                continue
            best = None
            for form_rank, longer, seconds, single in starts:
                hit = None
                if (
                    longer
                    and index + 1 < count
                    and not seconds.isdisjoint(token_forms(texts[index + 1]))
                ):
                    for entry in longer:
                        if index + len(entry[0]) <= count and _tail_matches(texts, index, entry[0]):
                            hit = entry
                            break
                hit = hit or single
                if hit is not None:
                    key = (len(hit[0]), -form_rank)
                    if best is None or key > best[0]:
                        best = (key, *hit)
            if best is None:
                continue
            _, words, kind, value, detail = best
            last = index + len(words) - 1
            matches.append(
                Match(tokens[index].start, tokens[last].end, index, last, kind, value, detail)
            )
            free = last + 1
        return matches


def _tail_matches(texts: list[str], index: int, words: tuple[str, ...]) -> bool:
    """The words after the first match exactly, the last one possibly with a pronoun suffix."""
    size = len(words)
    if texts[index + 1 : index + size - 1] != list(words[1:-1]):
        return False
    last = texts[index + size - 1]
    return last == words[-1] or words[-1] in token_forms(last)


@dataclass(frozen=True)
class Office:
    actor_id: str
    office: str
    country: str
    start: dt.date | None
    end: dt.date | None


@dataclass
class Gazetteer:
    actors: list[dict[str, str]]
    places: list[dict[str, str]]
    topics: list[dict[str, str]]
    countries: dict[str, dict[str, str]]
    offices: list[Office]
    cues: PhraseMatcher
    names: PhraseMatcher
    place_matcher: PhraseMatcher
    topic_matcher: PhraseMatcher
    outlets: PhraseMatcher
    place_by_id: dict[str, dict[str, str]]
    actor_by_id: dict[str, dict[str, str]]
    surname_variants: dict[str, str]
    _fuzzy: dict[str, str] = field(default_factory=dict, repr=False)  # token -> actor or ""

    def holder(self, office: str, country: str, on: dt.date | None) -> str | None:
        """Who held an office in a country on a date (`leader` means the country's leader).
        With no date (a mention of an article nothing dates), only the one who held it
        throughout the years covered."""
        if office == "leader":
            office = self.countries.get(country, {}).get("leader_office", "head_of_state")
        for record in self.offices:
            if record.office == office and record.country == country and _held(record, on):
                return record.actor_id
        return None

    def offices_of(self, actor_id: str, on: dt.date | None) -> list[Office]:
        """The offices a person held on a date; with none, those held throughout."""
        return [
            record for record in self.offices if record.actor_id == actor_id and _held(record, on)
        ]

    def fuzzy_surname(self, token: str) -> str:
        """The actor whose surname is one letter away from the token, if exactly one is."""
        known = self._fuzzy.get(token)
        if known is not None:
            return known
        found = {
            self.surname_variants[variant]
            for variant in _one_deletion(token)
            if variant in self.surname_variants
        }
        actor_id = found.pop() if len(found) == 1 else ""
        if len(self._fuzzy) < STARTS_CACHE_SIZE:
            self._fuzzy[token] = actor_id
        return actor_id

    def actor_country(self, actor_id: str) -> str:
        return self.actor_by_id.get(actor_id, {}).get("country", "")


def _held(record: Office, on: dt.date | None) -> bool:
    """The term includes the date; with no date, it is one open term from before the years
    covered, so the office had that one holder whatever the date."""
    if on is None:
        return (record.start is None or record.start <= COVERAGE[0]) and record.end is None
    return (record.start is None or record.start <= on) and (record.end is None or on <= record.end)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Compile all lexicons of a folder (cached per folder and process)."""
    folder = directory or lexicon_dir()

    def rows(name: str) -> list[dict[str, str]]:
        return read_lexicon(name, folder)

    actors = rows("actors.csv")
    countries = {row["country_id"]: row for row in rows("countries.csv")}
    offices = [
        Office(r["actor_id"], r["office"], r["country"], _date(r["start"]), _date(r["end"]))
        for r in rows("offices.csv")
    ]
    places = rows("places.csv")
    topics = rows("topics.csv")

    names = PhraseMatcher()
    surnames: dict[str, str] = {}
    for actor in actors:
        for alias in [actor["name_ar"], *split_list(actor["aliases_ar"])]:
            names.add(alias, "actor", actor["actor_id"])
            words = normalize(alias).split()
            if len(words) == 1 and len(words[0]) >= 6:
                surnames[words[0]] = actor["actor_id"]
    for row in rows("role_phrases.csv"):
        phrase, office, country = row["phrase_ar"], row["office"], row["country"]
        if "{name}" in phrase or "{adj}" in phrase:
            slot, column = (
                ("{name}", "names_ar") if "{name}" in phrase else ("{adj}", "adjectives_ar")
            )
            for country_id, record in countries.items():
                for form in split_list(record.get(column, "")):
                    names.add(
                        phrase.replace(slot, form), "role", office, MatchDetail(country=country_id)
                    )
        else:
            names.add(phrase, "role", office, MatchDetail(country=country))
    for country_id, record in countries.items():
        for form in [record["name_ar"], *split_list(record.get("names_ar", ""))]:
            names.add(form, "country", country_id)
        for form in split_list(record.get("adjectives_ar", "")):
            names.add(form, "adjective", country_id)
    for row in rows("not_people.csv"):  # the longest match wins, so these hide the office
        names.add(row["phrase_ar"], "not_a_person", "")
    for row in rows("groups.csv"):
        names.add(
            row["phrase_ar"],
            "group",
            row["countries"],
            MatchDetail(applies_to=row.get("applies_to", "")),
        )
    names.finalize()

    place_matcher = PhraseMatcher()
    for place in places:
        for alias in [place["name_ar"], *split_list(place["aliases_ar"])]:
            place_matcher.add(alias, "place", place["place_id"])
    place_matcher.finalize()

    topic_matcher = PhraseMatcher()
    for topic in topics:
        for cue in split_list(topic["cues_ar"]):
            topic_matcher.add(cue, "topic", topic["topic_id"])
    topic_matcher.finalize()

    cues = PhraseMatcher()
    for row in rows("cues.csv"):
        cues.add(
            row["cue_ar"],
            row["category"],
            row["value"],
            MatchDetail(number=row["plural"], plover=row["plover"]),
        )
    cues.finalize()

    outlets = PhraseMatcher()
    for row in rows("outlets.csv"):
        for alias in split_list(row["aliases_ar"]):
            outlets.add(alias, "outlet", row["name_en"])
    outlets.finalize()

    return Gazetteer(
        actors=actors,
        places=places,
        topics=topics,
        countries=countries,
        offices=offices,
        cues=cues,
        names=names,
        place_matcher=place_matcher,
        topic_matcher=topic_matcher,
        outlets=outlets,
        place_by_id={place["place_id"]: place for place in places},
        actor_by_id={actor["actor_id"]: actor for actor in actors},
        surname_variants=_deletion_index(surnames),
    )


def _one_deletion(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletion_index(surnames: dict[str, str]) -> dict[str, str]:
    """Every surname and each of its one-letter deletions, so a token one edit away shares a
    key with it (deletion, insertion and substitution alike)."""
    index: dict[str, str] = {}
    for surname, actor_id in surnames.items():
        for variant in _one_deletion(surname):
            index.setdefault(variant, actor_id)
    return index
