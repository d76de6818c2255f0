"""From one article to event mentions: triggers, their dates, people, places and status.

A sentence is cut at its event triggers (cue words); each trigger owns the text up to the next
trigger, plus, for the first, the text before it (Arabic puts the subject on either side of the
verb). A trigger takes the dates, people and places of its part. Mentions with no date of their
own are attached to a dated mention of the same kind in the article, or, in the headline and
lead, dated from the publication itself; the rest are dropped, never dated by guesswork.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from newsdesk.dates import DateExpr, Resolved, find_dates, resolve
from newsdesk.gazetteer import Gazetteer, Match, Token, tokenize
from newsdesk.published import Publication, infer_date, stated_date
from newsdesk.text import Article, Sentence

LEAD_SENTENCES = 4
DEFAULT_DATED_TYPES = frozenset({"call", "meeting", "letter", "statement", "incident"})
PLACE_KINDS = {
    "meeting": {"city", "town", "venue", "village"},
    "agreement": {"city", "town", "venue"},
    "statement": {"city", "town", "venue"},
    "incident": None,
    "hostilities": None,
}
LEADER_WORDS = frozenset({"زعيمي", "زعماء", "قاده", "رءساء", "رءيسي", "زعيما", "رءيسا"})
PAIR_PRONOUNS = frozenset({"بينهما", "معهما"})
GROUP_PRONOUNS = frozenset({"بينهم", "معهم"})
PLACE_PREPOSITIONS = ("في", "الي", "ب", "من")


@dataclass
class Mention:
    """One event as one sentence reports it."""

    article_id: str
    sentence: int
    start: int
    end: int
    type: str
    status: str
    participants: list[str]
    initiator: str
    place_id: str
    topics: list[str]
    candidates: list[Resolved]
    plover: str
    background: bool
    in_lead: bool
    default_dated: bool = False
    trigger: str = ""
    flags: set[str] = field(default_factory=set)

    @property
    def dated(self) -> bool:
        return bool(self.candidates)


@dataclass
class ArticleResult:
    published: Publication
    outlet: str
    mentions: list[Mention]


@dataclass
class _Parsed:
    sentence: Sentence
    tokens: list[Token]
    names: list[Match]
    places: list[Match]
    topics: list[Match]
    cues: list[Match]
    dates: list[DateExpr]


def extract_article(article: Article, gaz: Gazetteer) -> ArticleResult:
    parsed = [_parse(sentence, gaz) for sentence in article.sentences]
    publication = _publication(parsed)
    outlet = _outlet(article, gaz)
    if publication.date is None:
        return ArticleResult(publication, outlet, [])
    mentions: list[Mention] = []
    context_years: list[int | None] = []
    last_year: int | None = None
    for item in parsed:
        context_years.append(last_year)
        years = [expr.year for expr in item.dates if expr.year is not None]
        last_year = years[-1] if years else last_year
    for index, item in enumerate(parsed):
        window = [y for y in context_years[max(0, index - 2) : index + 1] if y is not None]
        context_year = window[-1] if window else None
        mentions.extend(
            _sentence_mentions(article.article_id, item, publication.date, context_year, gaz)
        )
    mentions = _resolve_article(mentions, parsed, publication.date, gaz)
    return ArticleResult(publication, outlet, mentions)


def _parse(sentence: Sentence, gaz: Gazetteer) -> _Parsed:
    tokens = tokenize(sentence.norm)
    return _Parsed(
        sentence=sentence,
        tokens=tokens,
        names=_names_with_fuzzy(sentence.norm, tokens, gaz),
        places=gaz.place_matcher.find(sentence.norm, tokens),
        topics=gaz.topic_matcher.find(sentence.norm, tokens),
        cues=gaz.cues.find(sentence.norm, tokens),
        dates=find_dates(sentence.norm),
    )


def _names_with_fuzzy(norm: str, tokens: list[Token], gaz: Gazetteer) -> list[Match]:
    """Lexicon names plus surnames misspelt by one letter (`اشينيان` for `باشينيان`)."""
    matches = gaz.names.find(norm, tokens)
    covered = {i for m in matches for i in range(m.first_token, m.last_token + 1)}
    for index, token in enumerate(tokens):
        if index in covered or len(token.text) < 6:
            continue
        for surname, actor_id in gaz.surnames.items():
            if abs(len(surname) - len(token.text)) <= 1 and _within_one_edit(surname, token.text):
                matches.append(Match(token.start, token.end, index, index, "actor", actor_id))
                break
    return sorted(matches, key=lambda m: m.start)


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _publication(parsed: list[_Parsed]) -> Publication:
    head = [(item.sentence.norm, item.dates) for item in parsed[:LEAD_SENTENCES]]
    stated = stated_date(head)
    if stated is not None:
        return Publication(stated, "stated")
    inferred = infer_date([expr for item in parsed for expr in item.dates])
    return Publication(inferred, "inferred" if inferred else "")


def _outlet(article: Article, gaz: Gazetteer) -> str:
    from newsdesk.arabic import normalize

    lines = [article.text[start:end] for start, end in article.debris]
    lines += [s.text for s in article.sentences[:3]]
    found = []
    for line in lines:
        for match in gaz.outlets.find(normalize(line)):
            if match.value not in found:
                found.append(match.value)
    return " / ".join(found)


def _sentence_mentions(
    article_id: str,
    item: _Parsed,
    published: dt.date,
    context_year: int | None,
    gaz: Gazetteer,
) -> list[Mention]:
    triggers = [cue for cue in item.cues if cue.kind == "type"]
    if not triggers:
        return []
    sentence = item.sentence
    norm = sentence.norm
    background = any(cue.kind == "background" for cue in item.cues)
    split = any(cue.kind == "split" for cue in item.cues)
    topics = _unique(match.value for match in item.topics)
    mentions: list[Mention] = []
    previous_people: list[str] = []
    for position, trigger in enumerate(triggers):
        scope_start = 0 if position == 0 else trigger.start
        scope_end = triggers[position + 1].start if position + 1 < len(triggers) else len(norm)

        def in_scope(match, lo=scope_start, hi=scope_end) -> bool:
            return lo <= match.start < hi

        status = _status(item.cues, trigger, scope_start, scope_end, position)
        if status == "conditional":
            continue
        dates = [expr for expr in item.dates if in_scope(expr)]
        plural = trigger.extra[0] if trigger.extra else ""
        if plural == "plural" and sum(e.kind == "absolute" for e in dates) > 1:
            chosen = [[expr] for expr in dates if expr.kind == "absolute"]
        else:
            nearest = min(dates, key=lambda e: abs(e.start - trigger.start), default=None)
            chosen = [[nearest] if nearest else []]
        for choice in chosen:
            candidates = []
            for expr in choice:
                candidates = resolve(expr, published, context_year)
            on = candidates[0].date if candidates else published
            people = _people(item, in_scope, on, gaz, previous_people, trigger)
            place = _place(item, in_scope, trigger, trigger.value, gaz)
            initiator = _initiator(item, people, gaz, on)
            mention_status = status
            if mention_status == "happened" and candidates and candidates[0].date > published:
                mention_status = "planned"
            start, end = sentence.start, sentence.end
            base = Mention(
                article_id=article_id,
                sentence=sentence.index,
                start=start,
                end=end,
                type=trigger.value,
                status=mention_status,
                participants=people,
                initiator=initiator,
                place_id=place,
                topics=topics,
                candidates=candidates,
                plover=trigger.extra[1] if len(trigger.extra) > 1 else "",
                background=background,
                in_lead=sentence.index < LEAD_SENTENCES,
                trigger=norm[trigger.start : trigger.end],
            )
            if (
                (split or plural == "dual")
                and len(people) > 2
                and trigger.value
                in {
                    "call",
                    "meeting",
                }
            ):
                mentions.extend(_split_pairs(base))
            else:
                mentions.append(base)
            previous_people = people or previous_people
    return mentions


def _split_pairs(mention: Mention) -> list[Mention]:
    hub, *others = mention.participants
    return [replace(mention, participants=[hub, other], flags={"split"}) for other in others]


def _status(cues: list[Match], trigger: Match, lo: int, hi: int, position: int) -> str:
    found = set()
    for cue in cues:
        if cue.kind != "status":
            continue
        near_before = position == 0 and cue.start < trigger.start
        if near_before or lo <= cue.start < hi:
            found.add(cue.value)
    for status in ("denied", "conditional", "planned"):
        if status in found:
            return status
    return "happened"


def _people(
    item: _Parsed,
    in_scope,
    on: dt.date,
    gaz: Gazetteer,
    previous: list[str],
    trigger: Match,
) -> list[str]:
    people: list[str] = []
    tokens = item.tokens
    counterpart_countries: list[str] = []
    for match in item.names:
        if not in_scope(match):
            continue
        if match.kind == "actor":
            people.append(match.value)
        elif match.kind == "role":
            country = match.extra[0] if match.extra else ""
            if match.value == "counterpart":
                counterpart_countries.append(country)
                continue
            holder = gaz.holder(match.value, country, on)
            if holder:
                people.append(holder)
        elif match.kind == "group":
            for country in match.value.split(";"):
                holder = gaz.holder("leader", country, on)
                if holder:
                    people.append(holder)
        elif match.kind == "country" and _after_leader_word(tokens, match):
            holder = gaz.holder("leader", match.value, on)
            if holder:
                people.append(holder)
    for country in counterpart_countries:
        people.append(_counterpart(people, country, on, gaz))
    people = [person for person in _unique(people) if person]
    if trigger.value == "agreement" and len(people) < 2:
        for match in item.names:
            if in_scope(match) and match.kind == "country":
                holder = gaz.holder("leader", match.value, on)
                if holder:
                    people.append(holder)
        people = _unique(people)
    words = {token.text for token in tokens if in_scope(token)}
    if len(people) < 2 and words & PAIR_PRONOUNS and previous:
        people = _unique(people + (previous[1:] if len(previous) > 2 else previous))
    elif len(people) < 2 and words & GROUP_PRONOUNS and previous:
        people = _unique(people + previous)
    return people


def _after_leader_word(tokens: list[Token], match: Match) -> bool:
    """`زعيمي أرمينيا وأذربيجان`: country names in a list headed by a word for leaders."""
    index = match.first_token - 1
    while index >= 0 and index >= match.first_token - 4:
        word = tokens[index].text
        if word in LEADER_WORDS or any(word.endswith(w) for w in LEADER_WORDS):
            return True
        index -= 1
    return False


def _counterpart(people: list[str], country: str, on: dt.date, gaz: Gazetteer) -> str:
    """`نظيره الروسي`: the holder, in that country, of the office the subject holds."""
    for person in people:
        for office in gaz.offices_of(person, on):
            if office.office in {"foreign_minister", "defence_minister"}:
                holder = gaz.holder(office.office, country, on)
                if holder:
                    return holder
    return gaz.holder("leader", country, on) or ""


def _place(item: _Parsed, in_scope, trigger: Match, event_type: str, gaz: Gazetteer) -> str:
    if event_type not in PLACE_KINDS:
        return ""
    kinds = PLACE_KINDS[event_type]
    options = []
    for match in item.places:
        if not in_scope(match):
            continue
        place = gaz.place_by_id.get(match.value, {})
        if kinds is not None and place.get("kind") not in kinds:
            continue
        if not _after_preposition(item, match):
            continue
        options.append((abs(match.start - trigger.start), match.value))
    return min(options)[1] if options else ""


def _after_preposition(item: _Parsed, match: Match) -> bool:
    token = item.tokens[match.first_token].text
    if token.startswith(("ب", "في")) and not token.startswith(("باك", "بر", "بو", "بلغ", "بيل")):
        return True
    if match.first_token == 0:
        return False
    return item.tokens[match.first_token - 1].text in PLACE_PREPOSITIONS


def _initiator(item: _Parsed, people: list[str], gaz: Gazetteer, on: dt.date) -> str:
    cues = [cue for cue in item.cues if cue.kind == "initiator"]
    if not cues:
        return ""
    cue = cues[0]
    for match in item.names:
        if match.first_token <= cue.last_token or match.first_token > cue.last_token + 5:
            continue
        if match.kind == "actor" and match.value in people:
            return match.value
        country = match.value if match.kind in {"country", "adjective"} else ""
        if match.kind == "role":
            country = match.extra[0] if match.extra else ""
        for person in people:
            if country and gaz.actor_country(person) == country:
                return person
    return ""


def _resolve_article(
    mentions: list[Mention], parsed: list[_Parsed], published: dt.date, gaz: Gazetteer
) -> list[Mention]:
    """Attach undated mentions, date the lead's, fold remarks into meetings, split calls."""
    dated = [m for m in mentions if m.dated]
    result = list(dated)
    for mention in mentions:
        if mention.dated:
            continue
        host = _coreferent(mention, dated)
        if host is not None:
            host.participants = _unique(host.participants + mention.participants)
            host.topics = _unique(host.topics + mention.topics)
            continue
        if (
            mention.in_lead
            and not mention.background
            and mention.type in DEFAULT_DATED_TYPES
            and mention.status == "happened"
            and (mention.participants or mention.type == "incident")
        ):
            mention.candidates = [Resolved(published, "day", frozenset({"inferred_date"}))]
            mention.default_dated = True
            result.append(mention)
    result = _split_like_separate_calls(result)
    result = _absorb_remarks(result)
    result.sort(key=lambda m: (m.sentence, m.start))
    _spread_topics(result, parsed)
    return result


def _coreferent(mention: Mention, dated: list[Mention]) -> Mention | None:
    people = set(mention.participants)
    for other in dated:
        if other.type != mention.type or other.status != mention.status:
            continue
        theirs = set(other.participants)
        if people <= theirs or theirs <= people:
            return other
    return None


def _split_like_separate_calls(mentions: list[Mention]) -> list[Mention]:
    """A three-way call in the lead is two calls when the article says they were separate."""
    pairs = [m for m in mentions if "split" in m.flags]
    if not pairs:
        return mentions
    result = []
    for mention in mentions:
        if mention.type in {"call", "meeting"} and len(mention.participants) > 2:
            date = mention.candidates[0].date
            same_day = [p for p in pairs if p.type == mention.type and p.candidates[0].date == date]
            covered = {person for p in same_day for person in p.participants}
            if same_day and set(mention.participants) <= covered:
                result.extend(_split_pairs(mention))
                continue
        result.append(mention)
    return result


def _absorb_remarks(mentions: list[Mention]) -> list[Mention]:
    """Remarks made at a meeting or in a call are part of it, not a separate statement."""
    hosts = [m for m in mentions if m.type in {"meeting", "call"}]
    kept = []
    for mention in mentions:
        if mention.type == "statement":
            day = mention.candidates[0].date
            if any(
                h.candidates[0].date == day and set(mention.participants) <= set(h.participants)
                for h in hosts
            ):
                continue
        kept.append(mention)
    return kept


def _spread_topics(mentions: list[Mention], parsed: list[_Parsed]) -> None:
    """Sentences without events of their own usually elaborate the article's main event."""
    main = next((m for m in mentions if m.in_lead), mentions[0] if mentions else None)
    if main is None:
        return
    used = {m.sentence for m in mentions}
    extra = []
    for item in parsed:
        if item.sentence.index in used:
            continue
        people = {m.value for m in item.names if m.kind == "actor"}
        if people & set(main.participants):
            extra.extend(match.value for match in item.topics)
    main.topics = _unique(main.topics + extra)


def _unique(items) -> list:
    return list(dict.fromkeys(item for item in items if item))
