"""References to inspected bodies: the candidates a document names, and every place the
text refers to one of them -- a typed naming, the bare name again, "the PDU", "it", "A care
home", "both" -- each resolved to the candidate it means.

`units` reads a rating's subject from these references; `_scores` gives scores to them.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from inspection_extract._spans import Spans
from inspection_extract._vocab import find_all
from inspection_extract.extract._unit_names import UnitMention, key
from inspection_extract.profiles import unit_types
from inspection_extract.record import Score, Span

# Types that are inspected whenever they are named: probation's in every document, and
# those the document's own inspectorate inspects (its profile's ``always`` types: a prison
# in a prisons release, a care home in a CQC one). The others (a region, a council, a
# police force in a probation release) are units only when the document rates them: a
# release names the council that runs a YJS or the police it works with as partners.
PROBATION_UNITS = frozenset({"PDU", "YJS", "YOS", "YOT", "CRC", "NPS division"})
#: A youth offending team, a youth offending service and a youth justice service are one kind.
YOUTH_TYPES = frozenset({"YJS", "YOS", "YOT"})
#: What joins the bodies of one coordinated subject: "Hull PDU and the joint Selby PDU".
COORDINATION = regex.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?(?:joint\s+)?")

# Words that refer to a unit by its kind ("the PDU", "the home", "the trust"), from every
# profile, with the types each may refer to; "service" and "unit" refer to any unit.
ANAPHOR_TYPES: dict[str, frozenset[str]] = {}

_ANY_UNIT_WORDS = frozenset({"service", "unit"})

# A body's own kind capitalised, as its own pages write it: "the Trust", "the Council".
_CAPITALISED_ANAPHORS = frozenset(
    "trust council college school academy nursery practice surgery prison authority constabulary force".split()
)

for _u in unit_types():
    # its own words, and the lower-case type words written after a name ("the youth
    # offending service", "A Welsh youth offending service has been rated ...")
    # ("the probation service" is as often the national Probation Service: not one of them)
    _lower_types = [w for w in _u.after if w[:1].islower() and "(" not in w and not w.startswith("probation")]
    for _w in (*_u.anaphors, *_lower_types):
        if _w not in _ANY_UNIT_WORDS:
            for _form in (_w, _w.capitalize()) if _w in _CAPITALISED_ANAPHORS else (_w,):
                ANAPHOR_TYPES[_form] = ANAPHOR_TYPES.get(_form, frozenset()) | {_u.type}

# Words that cannot stand between "a" and the kind of body it introduces.
_NOT_MODIFIER = r"(?i:of|the|to|in|on|at|for|by|with|from|and|or|that|which|who|report|visit|inspection)"

# A word between the determiner and the kind: "The regional division", "the local service".
_MODIFIERS = ("regional", "local", "county", "city", "borough", "district", "whole")
_MODIFIER = "(?:" + "|".join(_MODIFIERS) + ")"

_ANAPHOR_ALT = "|".join(
    regex.escape(w) for w in sorted(ANAPHOR_TYPES.keys() | _ANY_UNIT_WORDS, key=len, reverse=True)
)

# "The PDU", "the service", "It": a unit named earlier. The word tells which kind. "A care
# home has been rated inadequate", "An NHS trust ...": a unit the document names (later).
_ANAPHOR = regex.compile(
    rf"\b(?:(?:(?:[Tt]he|THE|[Tt]his|[Ii]ts|[Tt]heir|[Hh]er|[Hh]is)[ ](?:{_MODIFIER}[ ])?"
    rf"|(?P<indef>[Aa]n?[ ](?:(?!{_NOT_MODIFIER}\b)[\w’'-]+[ ]){{0,2}}))"
    rf"(?P<word>{_ANAPHOR_ALT})"
    # "The trust’s overall rating has fallen": a possessive anaphor, kept apart (see _OWN_RATING)
    r"(?:(?P<poss>['’]s)\b|\b(?!['’]s))|(?P<it>It|it)\b(?!['’]s))(?![ ](?:is|was)[ ]the[ ]|[ ]has[ ]been[ ]told)"
)

_BOTH = regex.compile(
    r"\b(?:[Bb]oth|[Tt]he[ ]two)(?:[ ](?:PDUs|YJSs|services|units|probation[ ]delivery[ ]units))?\b"
    r"(?![ ]of\b|[ ]the\b|[ ]these\b)"
)


@dataclass
class Candidate:
    key: str
    name: str
    type: str
    span: Span
    typed_at: int
    #: Typed by a lower-case description ("youth justice team"), not by its own name.
    generic: bool = False
    current: list[tuple[str, Span, bool]] = field(default_factory=list)  # value, span, in a full sentence
    previous: list[tuple[str, Span]] = field(default_factory=list)
    score: Score | None = None


# Not frozen: built tens of times per document, and a frozen dataclass is four times
# slower to build. Nothing mutates or hashes it.
@dataclass(slots=True)
class Ref:
    """A mention that can be the subject of a rating: typed, a bare name, or an anaphor."""

    start: int
    end: int
    key: str | None  # None for an anaphor not yet resolved
    anaphor: str | None = None
    possessive: bool = False
    #: Every unit a plural subject stands for ("Both were rated": the two PDUs named before).
    group: tuple[str, ...] = ()
    #: "A care home has been rated ...": the unit the document is about, wherever it is named.
    indefinite: bool = False


def first_pos(c: Candidate, always: frozenset[str]) -> int:
    return c.typed_at if c.type in always else c.span[0]


_BOUNDARY = regex.compile(r"\b")

_POSSESSIVE = regex.compile(r"['’]s\b")


# Names are looked for one by one with str.find (a fast sweep in C) while that reads at most
# this many characters in all (names times the text's length); past it, in one pass.
_FIND_BUDGET = 200_000_000
# The text's tokens (regex's ``\S+``) with the standard library's ``re``, which runs this
# faster; its ``\s`` also takes the separators U+001C-U+001F, which ``regex`` does not.
_TOKEN = re.compile(r"[\S\x1c-\x1f]+")
_LEAD = regex.compile(r"[^\w\s]+")  # "(" or "‘" before a token's first word
_TRAILING = ".,;:!?)]’'\"”"
_ALNUM = string.ascii_letters + string.digits


def _without_possessive(word: str) -> str:
    """``word`` without a possessive "’s" ending it."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _token_hits(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """The (start, rank, name) of the names found in one pass over the text's tokens: for
    many names (a long report, or hostile text), where a sweep of the text per name would
    make the search quadratic. Each run of up to as many tokens as the longest name has
    words is looked up in a table of the names, as written, without trailing punctuation
    and without a possessive."""
    hits: list[tuple[int, int, str]] = []
    rank_of = {name: rank for rank, name in enumerate(names)}
    most = max(len(n.split()) for n in names)
    longest = max(len(n) for n in names)
    firsts = {n.split()[0].rstrip(_TRAILING) for n in names if n.split()}
    # The text of a run that a longer run may still extend to a name: a name's beginning
    # up to a white-space character of it (a run's tokens are apart by white space).
    goes_on = {n[:i] for n in names for i, ch in enumerate(n) if ch.isspace()}
    # The letters and digits a name's first word begins with: a token that begins with
    # another one begins no name.
    initials = set(_ALNUM) if "" in firsts else {f[0] for f in firsts}
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    for i, (start, first_end) in enumerate(tokens):
        c = text[start]
        if c.isascii() and c.isalnum():
            if c not in initials:
                continue
            lead = None
        else:
            lead = _LEAD.match(text, start)
        at = lead.end() if lead else start
        first = text[at:first_end].rstrip(_TRAILING)
        if first not in firsts and _without_possessive(first) not in firsts:
            continue  # no name begins with this word
        for _, end in tokens[i : i + most]:
            run = text[at:end]
            bare = run.rstrip(_TRAILING)
            if len(bare) - 2 > longest:
                break  # (each run is longer than the one before it)
            owner = _without_possessive(bare)
            for cand in (run, *((bare,) if bare != run else ()), *((owner,) if owner not in (run, bare) else ())):
                rank = rank_of.get(cand)
                if rank is not None:
                    hits.append((at, rank, cand))
            if run not in goes_on:
                break  # no name begins with this run and goes on past it
    return hits


def _bare_names(text: str, names: list[str]) -> list[tuple[int, int, str, bool]]:
    """Every naming of one of ``names`` (longest first) as a whole word, perhaps possessive,
    as (start, end, name, possessive): what ``finditer`` of the alternation of the names would
    give, found with ``str.find`` (nothing is compiled per document)."""
    if len(names) * len(text) > _FIND_BUDGET:
        hits = _token_hits(text, names)
    else:
        hits = [(i, rank, name) for rank, name in enumerate(names) for i in find_all(text, name)]
    hits.sort()
    out: list[tuple[int, int, str, bool]] = []
    last_end = 0
    for start, _rank, name in hits:
        end = start + len(name)
        if start < last_end or not _BOUNDARY.match(text, end) or not _BOUNDARY.match(text, start):
            continue
        pos = _POSSESSIVE.match(text, end)
        last_end = pos.end() if pos else end
        out.append((start, last_end, name, bool(pos)))
    return out


_INDEFINITE = regex.compile(rf"(?:^|(?<=[\s‘“'\"(]))[Aa]n?(?:[ ](?!{_NOT_MODIFIER}\b)[\w’'-]+){{0,2}}$")


@lru_cache(maxsize=64)
def _words_for(types: frozenset[str]) -> tuple[str, ...]:
    """The anaphor words that can refer to a body of one of ``types``."""
    return tuple(
        f" {w}" for w in sorted(ANAPHOR_TYPES.keys() | _ANY_UNIT_WORDS)
        if w in _ANY_UNIT_WORDS or ANAPHOR_TYPES[w] & (types | (YOUTH_TYPES if types & YOUTH_TYPES else frozenset()))
    )


def _anaphors(text: str, types: frozenset[str]) -> list[regex.Match[str]]:
    """``_ANAPHOR.finditer(text)`` for the words that may refer to a body of one of
    ``types`` (the kinds the document names), tried only where a match can begin."""
    starts: set[int] = set()
    for word in _words_for(types):
        i = text.find(word)
        while i >= 0:
            found = i
            before_word = text.rfind(" ", max(0, i - 10), i)
            if before_word >= 0 and text[before_word + 1 : i] in _MODIFIERS:
                i = before_word  # "The regional division": the determiner is before the modifier
            if text[i - 3 : i] in ("the", "The", "THE", "her", "Her", "his", "His", "its", "Its"):
                starts.add(i - 3)
            elif text[i - 4 : i] in ("this", "This"):
                starts.add(i - 4)
            elif text[i - 5 : i] in ("their", "Their"):
                starts.add(i - 5)
            else:
                window = text[max(0, i - 30) : i + 1].lower()  # (with the space: "A service" opens the text)
                indefinite = _INDEFINITE.search(text, max(0, i - 30), i) if "a " in window or "an " in window else None
                if indefinite:
                    starts.add(indefinite.start())
            i = text.find(word, found + 1)
    for it in ("it", "It"):
        i = text.find(it)
        while i >= 0:
            # an ASCII letter on either side: not the word "it"
            if not (text[i + 2 : i + 3].isascii() and text[i + 2 : i + 3].isalpha()) and not (
                i and text[i - 1].isascii() and text[i - 1].isalpha()
            ):
                starts.add(i)
            i = text.find(it, i + 1)
    out: list[regex.Match[str]] = []
    last_end = 0
    for s in sorted(starts):
        if s < last_end:
            continue
        m = _ANAPHOR.match(text, s)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def build_refs(
    text: str, mentions: list[UnitMention], cands: dict[str, Candidate], skip: list[Span], always: frozenset[str]
) -> list[Ref]:
    refs = [Ref(m.span[0], m.span[1], key(m.name)) for m in mentions]
    taken = [m.span for m in mentions]
    names = sorted({c.name for c in cands.values()}, key=len, reverse=True)
    # (the bare names never overlap one another: only the mentions and ``skip`` can hold one)
    in_mention, in_skip = Spans(taken), Spans(skip)
    for start, end, name, possessive in _bare_names(text, names):
        span = (start, end)
        if in_mention.holds(start) or in_skip.holds(start):
            continue
        refs.append(Ref(start, end, key(name), possessive=possessive))
        taken.append(span)
    taken.sort()
    taken_in = Spans(taken)
    for m in _anaphors(text, frozenset(c.type for c in cands.values())):
        if not taken_in.holds(m.start()):
            refs.append(
                Ref(
                    m.start(),
                    m.end(),
                    None,
                    anaphor=m.group("word") or "it",
                    possessive=bool(m.group("poss")),
                    indefinite=bool(m.group("indef")),
                )
            )
    groups: dict[int, list[str]] = {}
    for mention in mentions:
        if mention.group is not None:
            groups.setdefault(mention.group, []).append(key(mention.name))
    if groups and ("oth" in text or "two" in text):
        # "Both were rated inadequate", "the two PDUs": the names that shared a plural type word.
        ends = sorted(groups)
        for m in _BOTH.finditer(text):
            i = bisect.bisect_right(ends, m.start())
            if i and not taken_in.holds(m.start()):
                members = tuple(dict.fromkeys(groups[ends[i - 1]]))
                refs.append(Ref(m.start(), m.end(), members[0], group=members))
    refs.sort(key=lambda r: r.start)
    # Resolve each anaphor to the nearest unit of a fitting kind named before it.
    resolved: list[Ref] = []
    first_named = sorted(cands.values(), key=lambda c: first_pos(c, always))
    # The latest reference that can be an antecedent, by the type of its unit: "The CRC,
    # which ... . It scored 12 out of 30": "It" may take up "The CRC", itself an anaphor,
    # but not another "it" (kept by type, so that no anaphor reads every reference before it).
    latest: dict[str, tuple[int, str]] = {}
    for r in refs:
        if r.anaphor is not None:
            allowed = ANAPHOR_TYPES.get(r.anaphor, always)
            if allowed & YOUTH_TYPES:
                allowed |= YOUTH_TYPES  # a youth offending team, service or youth justice service
            if r.indefinite:
                # the main unit of that kind: the first named
                target = next((c.key for c in first_named if c.type in allowed and c.type in always), None)
                r = Ref(r.start, r.end, target, r.anaphor, r.possessive, indefinite=True)
            else:
                fitting = [latest[t] for t in allowed if t in latest]
                target = max(fitting)[1] if fitting else None
                if target is None:
                    # no antecedent: only a body of a kind the document inspects ("The council
                    # has now been judged ..., a feat matched only by Essex County Council")
                    target = next((c.key for c in cands.values() if c.type in allowed and c.type in always), None)
                r = Ref(r.start, r.end, target, r.anaphor, r.possessive)
        resolved.append(r)
        unit = cands.get(r.key) if r.key else None
        if unit is not None and r.anaphor != "it" and not r.group:
            latest[unit.type] = (len(resolved), unit.key)
    return resolved


def unit_keys(refs: list[Ref]) -> tuple[str, ...] | None:
    keys = tuple(k for r in refs for k in (r.group or (r.key,)) if k)
    return keys or None


def coordinated_run(text: str, refs: list[Ref]) -> list[Ref]:
    """The last run of unit references joined by commas and "and" ("Tynebridge and Wearmouth")."""
    run: list[Ref] = []
    for r in refs:
        if r.anaphor:
            run = []
            continue
        if run and COORDINATION.fullmatch(text[run[-1].end : r.start]):
            run.append(r)
        else:
            run = [r]
    return run if len(run) >= 2 else []
