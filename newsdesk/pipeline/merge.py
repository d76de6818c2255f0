"""Mentions to events: one event per real-world event, across sentences and articles.

Two mentions are the same event when they have the same type and status, participant sets of
which one contains the other (equal ones for a part told apart from a larger event),
compatible places, and dates that agree to within the precision the sources give (a day either
way for exact dates). The event keeps the date most sources give at the finest precision, and
says so when sources disagree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from newsdesk.contract.event_types import plover_code, types_where
from newsdesk.pipeline.date_resolution import Resolved
from newsdesk.pipeline.extraction.mention import Mention

VIOLENT_TYPES = types_where(lambda facts: facts.violent)
# one report's statements on two days of their own are two statements, as its attacks are
TOLD_BY_DAY = VIOLENT_TYPES | {"statement"}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
WEEK_TOLERANCE = 10
ONE_DAY = dt.timedelta(days=1)
CITY_KINDS = frozenset({"city", "town", "venue", "village"})
# A bilateral split out of a three-way report, or a meeting on the sidelines of a summit, is a
# part beside the larger event, not a report of it: it joins only reports of the same people.
PART_FLAGS = frozenset({"split", "in_setting"})


@dataclass
class Cluster:
    type: str
    status: str
    members: list[tuple[Mention, Resolved]] = field(default_factory=list)
    participants: set[str] = field(default_factory=set)
    anchor: Resolved | None = None
    has_part: bool = False  # holds a mention its article told apart from a larger event


def dates_compatible(a: Resolved, b: Resolved) -> bool:
    """A day inside a reported range (talks from the 1st to the 4th, "the talks on the 3rd")
    is the same event's date."""
    for span, day in ((a, b), (b, a)):
        inside = span.end is not None and span.date - ONE_DAY <= day.date <= span.end + ONE_DAY
        if inside and day.precision == "day":
            return True
    coarse = max(a.precision, b.precision, key=PRECISION_RANK.__getitem__)
    if coarse == "day":
        return abs((a.date - b.date).days) <= 1
    if coarse == "week":
        return abs((a.date - b.date).days) <= WEEK_TOLERANCE
    if coarse == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date.year == b.date.year


def best_date(members: list[tuple[Mention, Resolved]]) -> tuple[Resolved, bool]:
    """The finest, most reported date; True when exact sources disagree on the day."""
    stated = [r for m, r in members if "inferred_date" not in r.flags] or [r for _, r in members]
    finest = min(PRECISION_RANK[r.precision] for r in stated)
    pool = [r for r in stated if PRECISION_RANK[r.precision] == finest]
    votes = Counter(r.date for r in pool)
    top = max(votes.values())
    chosen_date = min(d for d, n in votes.items() if n == top)
    chosen = next(r for r in pool if r.date == chosen_date)
    conflict = finest == 0 and len(votes) > 1
    return chosen, conflict


def cluster_mentions(mentions: list[Mention], places: dict[str, dict[str, str]]) -> list[Cluster]:
    """Greedy clustering: exact and well-dated mentions first, garbled and inferred ones last.

    Clusters are indexed by type, status and month, so each mention is compared only with
    clusters of neighbouring months: the build stays linear in the number of mentions.
    """

    def order(mention: Mention) -> tuple:
        first = mention.candidates[0]
        return (
            mention.default_dated,
            len(mention.candidates) > 1,
            PRECISION_RANK[first.precision],
            first.date,
            mention.article_id,
            mention.sentence,
        )

    clusters: list[Cluster] = []
    index: dict[tuple[str, str, int], list[Cluster]] = {}
    for mention in sorted(mentions, key=order):
        placed = False
        for candidate in mention.candidates:
            target = _best_cluster(mention, candidate, index, places)
            if target is not None:
                _add(target, mention, candidate, index)
                placed = True
                break
        if not placed:
            cluster = Cluster(mention.type, mention.status)
            _add(cluster, mention, mention.candidates[0], index)
            clusters.append(cluster)
    return clusters


def _month_key(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def _add(
    cluster: Cluster,
    mention: Mention,
    resolved: Resolved,
    index: dict[tuple[str, str, int], list[Cluster]],
) -> None:
    old = cluster.anchor
    cluster.members.append((mention, resolved))
    cluster.participants |= set(mention.participants)
    cluster.has_part = cluster.has_part or bool(PART_FLAGS & mention.flags)
    cluster.anchor = best_date(cluster.members)[0]
    if old is not None and _month_key(old.date) == _month_key(cluster.anchor.date):
        return
    if old is not None:
        index[(cluster.type, cluster.status, _month_key(old.date))].remove(cluster)
    key = (cluster.type, cluster.status, _month_key(cluster.anchor.date))
    index.setdefault(key, []).append(cluster)


def _nearby(mention: Mention, resolved: Resolved, index: dict[tuple[str, str, int], list[Cluster]]):
    month = _month_key(resolved.date)
    if resolved.precision == "year":
        months = range(resolved.date.year * 12, resolved.date.year * 12 + 12)
    else:
        months = range(month - 1, month + 2)
    for key in months:
        yield from index.get((mention.type, mention.status, key), ())
    if resolved.precision != "year":
        for cluster in index.get((mention.type, mention.status, resolved.date.year * 12), ()):
            if cluster.anchor.precision == "year" and month - 1 > resolved.date.year * 12:
                yield cluster


def _best_cluster(
    mention: Mention,
    resolved: Resolved,
    index: dict[tuple[str, str, int], list[Cluster]],
    places: dict[str, dict[str, str]],
) -> Cluster | None:
    people = set(mention.participants)
    part = bool(PART_FLAGS & mention.flags)
    best = None
    for cluster in _nearby(mention, resolved, index):
        if not (people <= cluster.participants or cluster.participants <= people):
            continue
        if (part or cluster.has_part) and people != cluster.participants:
            continue
        if not dates_compatible(cluster.anchor, resolved):
            continue
        if not _places_compatible(mention.place_id, cluster, places):
            continue
        if _told_apart(mention, resolved, cluster):
            continue
        score = (
            len(people & cluster.participants),
            -abs((cluster.anchor.date - resolved.date).days),
        )
        if best is None or score > best[0]:
            best = (score, cluster)
    return best[1] if best else None


def _told_apart(mention: Mention, resolved: Resolved, cluster: Cluster) -> bool:
    """Two events one article tells apart stay two events: one told as another
    (`وبعد ساعات، انفجر لغم آخر`), or blows or statements each on its own day (`أمس السبت`,
    `اليوم الأحد`): the one-day tolerance is for reports that disagree, not for one report's
    two attacks, or a remark yesterday and the reply to it today.
    (One report may well date one agreement 9 and 10 November: that stays one event.)"""
    for member, theirs in cluster.members:
        if member.article_id != mention.article_id:
            continue
        if "another" in member.flags | mention.flags:
            return True
        if (
            mention.type in TOLD_BY_DAY
            and theirs.date != resolved.date
            and _own_day(theirs)
            and _own_day(resolved)
        ):
            return True
    return False


def _own_day(resolved: Resolved) -> bool:
    """A day the text gives, not one inferred or taken from the publication."""
    return resolved.precision == "day" and not resolved.flags & {"inferred_date"}


def _places_compatible(place_id: str, cluster: Cluster, places: dict[str, dict[str, str]]) -> bool:
    if not place_id or places.get(place_id, {}).get("kind") not in CITY_KINDS:
        return True
    for member, _ in cluster.members:
        other = member.place_id
        if other and other != place_id and places.get(other, {}).get("kind") in CITY_KINDS:
            return False
    return True


@dataclass
class EventRecord:
    """An event before its card text is written: the fields of events.csv minus the prose."""

    event_id: str
    date: dt.date
    precision: str
    type: str
    status: str
    participants: list[str]
    initiator: str
    place_id: str
    topics: list[str]
    sources: list[str]
    flags: list[str]
    plover: str
    confidence: float
    mentions: list[tuple[Mention, Resolved]]
    date_end: dt.date | None = None


def to_records(clusters: list[Cluster]) -> list[EventRecord]:
    records = [_record(cluster) for cluster in clusters]
    records.sort(key=lambda r: (r.date, r.type, r.participants))
    seen: Counter[str] = Counter()
    for record in records:
        seen[record.event_id] += 1
        if seen[record.event_id] > 1:
            record.event_id = f"{record.event_id}-{seen[record.event_id]}"
    return records


def _record(cluster: Cluster) -> EventRecord:
    chosen, conflict = best_date(cluster.members)
    mentions = [m for m, _ in cluster.members]
    people_count = Counter(p for m in mentions for p in m.participants)
    participants = sorted(people_count, key=lambda p: (-people_count[p], p))
    flags: set[str] = set()
    if conflict:
        flags.add("date_conflict")
    if any("garbled_month" in r.flags for _, r in cluster.members):
        flags.add("garbled_month")
    if "inferred_year" in chosen.flags:
        flags.add("inferred_year")
    if all(m.default_dated for m in mentions):
        flags.add("inferred_date")
    sources = sorted({m.article_id for m in mentions})
    first_day = min(
        (
            r.date
            for _, r in cluster.members
            if r.precision == chosen.precision and "inferred_date" not in r.flags
        ),
        default=chosen.date,
    )
    return EventRecord(
        event_id=make_event_id(cluster.type, first_day, participants),
        date=chosen.date,
        precision=chosen.precision,
        type=cluster.type,
        status=cluster.status,
        participants=participants,
        initiator=_most_common(m.initiator for m in mentions),
        place_id=_most_common(m.place_id for m in mentions),
        topics=sorted({t for m in mentions for t in m.topics}),
        sources=sources,
        flags=sorted(flags),
        plover=plover_code(
            cluster.type, len(participants), _most_common(m.plover for m in mentions)
        ),
        confidence=_confidence(chosen, flags, sources, participants, mentions),
        mentions=cluster.members,
        date_end=_range_end(chosen, cluster.members),
    )


def _range_end(chosen: Resolved, members: list[tuple[Mention, Resolved]]) -> dt.date | None:
    """The last day of the event when a source told it as a range starting on its date."""
    ends = Counter(
        r.end for _, r in members if r.end is not None and r.date == chosen.date and r.end > r.date
    )
    return max(ends, key=lambda end: (ends[end], end)) if ends else None


def make_event_id(event_type: str, day: dt.date, participants: list[str]) -> str:
    """Readable and stable: type, earliest reported date, participants (hashed if many)."""
    people = sorted(participants)
    tail = "-".join(people[:3])
    if len(people) > 3:
        tail += "-" + hashlib.sha1("-".join(people).encode()).hexdigest()[:6]
    return "-".join(part for part in (event_type, day.isoformat(), tail) if part)


def _most_common(values) -> str:
    counts = Counter(value for value in values if value)
    return counts.most_common(1)[0][0] if counts else ""


def _confidence(
    chosen: Resolved,
    flags: set[str],
    sources: list[str],
    participants: list[str],
    mentions: list[Mention],
) -> float:
    score = 0.55
    score += 0.1 * min(len(sources) - 1, 3)
    if chosen.precision == "day":
        score += 0.1
    # both sides named, or a violent event, whose reports need not name anyone
    if len(participants) >= 2 or mentions[0].type in VIOLENT_TYPES:
        score += 0.1
    if "inferred_date" in flags:
        score -= 0.15
    if "inferred_year" in flags:
        score -= 0.1
    if "garbled_month" in flags:
        score -= 0.1
    if "date_conflict" in flags:
        score -= 0.05
    return round(min(max(score, 0.05), 0.99), 2)
