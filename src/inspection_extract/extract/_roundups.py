"""Round-ups: several bodies named in a list, one rating for the whole list.

News and annual reports rate many bodies at once, by their bare names:

- a list in brackets before its rating: "six (Brent, Bury and Rochdale, Leicester, North
  Yorkshire, Oxfordshire, and Southampton) were rated “good”";
- a rating heading over a list of names, one heading a line: ":: Good" then "Avon &
  Somerset, Cambridgeshire, Cheshire and Wiltshire";
- a rating in brackets after each name: "Camden (Outstanding), Brent (Good)".

The names carry no type word: their type is the one the document's plural noun gives
("forces", "PDUs"), else the kind of body the document is about.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from inspection_extract.extract._unit_names import NAME_RE, name_before
from inspection_extract.profiles import unit_types
from inspection_extract.record import Span


@dataclass(frozen=True)
class RoundupItem:
    name: str
    span: Span
    rating_raw: str
    rating_span: Span


@dataclass(frozen=True)
class ListedBody:
    name: str
    span: Span
    type: str


_RATING = (
    r"(?i:outstanding|good|requires?[ ]improvement|requiring[ ]improvement|inadequate|adequate"
    r"|reasonably[ ]good|not[ ]sufficiently[ ]good|poor)"
)
# The patterns capture a list's text, and `_items` checks that each part is a name: a name
# pattern inside them would cost tens of milliseconds to compile, and more to run. Each is
# tried only where a literal it needs stands.
# "(Brent, Bury and Rochdale, ..., and Southampton) were rated “good”", at each "("
_BRACKET_LIST = regex.compile(
    rf"""\((?P<names>[A-Z][^()\n]{{0,300}})\)[ ]+
        (?i:was|were|is|are|ha(?:ve|s)[ ]been)[ ](?:all[ ]|both[ ])?(?i:rated|judged|graded|found[ ]to[ ]be)[ ]
        (?:as[ ])?[‘'"“]?(?P<rating>{_RATING})\b""",
    regex.VERBOSE,
)
# "Camden (Outstanding)": the rating in brackets after a name, at each "("
_RATING_AFTER_BRACKET = regex.compile(rf"\([ ]?[‘'\"“]?(?P<rating>{_RATING})[’'\"”]?[ ]?\)")
# ":: Good" / "Good:" / "Rated good" alone on a line, the names on the next line
_HEADING_LINE = regex.compile(
    rf"[^\S\n]*(?:[:•*·>-]+[^\S\n]*)?(?:rated[ ])?[‘'\"“]?(?P<rating>{_RATING})[’'\"”]?[^\S\n]*:?[^\S\n]*"
)
# "- Six services ‘Good’ - Brent, Bury and Rochdale, and Southampton", "Outstanding: Camden":
# a rating (after a count and its noun) and the names it rates, on one line
_RATED_LINE = regex.compile(
    rf"""[^\S\n]*(?:[•*·-][^\S\n]*)?(?:[\w-]+[ ]){{0,3}}?[‘'"“]?(?P<rating>{_RATING})[’'"”]?
        [^\S\n]*[:–—-][^\S\n]*(?P<names>[A-Z][^\n]{{0,300}}?)[.;]?[^\S\n]*""",
    regex.VERBOSE,
)
# "provision in Cardiff was found to be “inadequate”", "Services in Leicester, Leicestershire
# and Rutland were described as ‘inadequate’": a body by its place, in a round-up's prose;
# at each service word before " in " or " at "
_SERVICES_IN = regex.compile(
    rf"""\b(?i:provision|services?|work)[ ](?:in|at)[ ](?P<name>[A-Z][^\n.;:()]{{0,80}}?)[ ]
        (?i:was|were|is|are|ha(?:ve|s)[ ]been)[ ](?:also[ ])?
        (?i:rated|judged|graded|found[ ]to[ ]be|described[ ]as)[ ](?:as[ ])?[‘'"“]?(?P<rating>{_RATING})\b""",
    regex.VERBOSE,
)
_SERVICE_WORDS = frozenset(("provision", "service", "services", "work", "Provision", "Service", "Services", "Work"))
# "A probation service in Lincolnshire", "Two probation services in West Yorkshire": a
# description of the units the document names, not a round-up's item.
_INDEFINITE_BEFORE = regex.compile(
    r"\b(?i:an?|two|three|four|five|six|both|all|these|those|some|many|other|several)[ ](?:[\w’'-]+[ ])?$"
)
# "four category C prisons: Rochester, The Mount, Brixton and Coldingley": the list read at
# the colon after a plural type word
_COLON_LIST = regex.compile(r":[ ](?P<names>[A-Za-z][^.;:\n]{0,300})(?=[.;\n]|$)")
# "five forces – the Metropolitan Police, West Midlands, Devon and Cornwall – are": the
# list set off by dashes after a plural type word, read at the first dash
_DASH_LIST = regex.compile(r"[ ][–—-][ ](?P<names>[A-Za-z][^.;:\n–—]{0,300}?)[ ][–—-][ ]")
# A list of names that ends its sentence, after "are", "were", "include"
_COPULA_LIST = regex.compile(r"[ ](?P<names>[A-Z][^.;:\n]{0,300})(?=[.;\n]|$)")
_SUBJECT_REACH = 150
_TWO_BEFORE = regex.compile(r"\b(?:[Tt]wo|[Bb]oth)(?:[ ]of)?[ ](?:the[ ]|its[ ]|our[ ])?$")
_STOP_START = frozenset("The This These It Its A An In On At For Of And But All Each Both".split())
_COMMA = regex.compile(r",[ ](?:and[ ])?")
_ACRONYM = regex.compile(r"[A-Z]{2,}s?")  # "(YJS)", "(PDUs)": the type, not a name


def _items(text: str, start: int, end: int, *, allow_the: bool = False) -> tuple[list[Span], int]:
    """The names of a list, split at commas (and at its last "and" when no comma precedes
    it: "Brent, Bury and Rochdale, Leicester, and Southampton" keeps "Bury and Rochdale"),
    and how many parts the list has."""
    body = text[start:end]
    oxford = ", and " in body or "," not in body
    parts: list[Span] = []
    pos = 0
    for cut in _COMMA.finditer(body):
        parts.append((pos, cut.start()))
        pos = cut.end()
    parts.append((pos, len(body)))
    if not oxford:
        a, b = parts[-1]
        last_and = body.rfind(" and ", a, b)
        if last_and > a:
            parts[-1:] = [(a, last_and), (last_and + 5, b)]
    out: list[Span] = []
    for a, b in parts:
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1] in " .;":
            b -= 1
        word = body[a:b]
        if allow_the and word.startswith(("The ", "the ")):
            if NAME_RE.fullmatch(body, a + 4, b):  # "The Mount", a prison's own name
                out.append((start + a, start + b))
            continue
        # not an acronym ("... Youth Justice Service (YJS) has been rated")
        if a < b and NAME_RE.fullmatch(body, a, b) and word.split()[0] not in _STOP_START:
            if not _ACRONYM.fullmatch(word):
                out.append((start + a, start + b))
    return out, len(parts)


def _plural_types() -> dict[str, str]:
    """The plural of every profile's type words, with the type: "prisons", "PDUs", "forces"."""
    out: dict[str, str] = {}
    for u in unit_types():
        for word in (*u.after, *u.within, *u.anaphors):
            base = regex.sub(r"[ ]\([A-Za-z]+\)$", "", word)
            if len(base) <= 2 or base in ("service", "unit", "Service", "Police"):
                continue
            plural = base[:-1] + "ies" if base[-1:] == "y" and base[-2:-1] not in "aeiou" else base + "s"
            out.setdefault(plural, u.type)
    return out


_PLURALS = _plural_types()
_PLURALS["services"] = ""  # any kind: the kind of body the document is about
_PLURAL_SUBJECT = regex.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)[ ](?:\w+[ ]){0,2}?(?P<p>"
    + "|".join(regex.escape(p) for p in sorted(_PLURALS, key=len, reverse=True))
    + r")\b"
)
#: Each plural's last word, with the plurals it ends ("homes": "care homes", "nursing homes").
_PLURAL_ENDINGS: dict[str, tuple[str, ...]] = {}
for _plural in _PLURALS:
    _PLURAL_ENDINGS[_plural.split(" ")[-1]] = (*_PLURAL_ENDINGS.get(_plural.split(" ")[-1], ()), _plural)


def listed_bodies(text: str) -> list[ListedBody]:
    """Bodies named in a list after their plural type word and a colon, or set off by
    dashes after it, rated or not."""
    out: list[ListedBody] = []
    for literal, pattern in ((": ", _COLON_LIST), (" – ", _DASH_LIST), (" — ", _DASH_LIST)):
        i = text.find(literal)
        while i >= 0:
            # the plural type word ends right before the colon or the dash's space
            word_start = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
            plural = next((p for p in _PLURAL_ENDINGS.get(text[word_start:i], ()) if text.endswith(p, 0, i)), None)
            m = pattern.match(text, i) if plural else None
            if plural and m:
                two = _TWO_BEFORE.search(text, max(0, word_start - 20), word_start) is not None
                out.extend(_listed(text, m.span("names"), _PLURALS[plural], two=two))
            i = text.find(literal, i + 1)
    for literal in (" are ", " were ", " include ", " included ", " including "):
        i = text.find(literal)
        while i >= 0:
            # "The other prisons that have been notified are Chelmsford, The Mount and
            # Highdown.": the plural type word earlier in the sentence, the list ending it
            m = _COPULA_LIST.match(text, i + len(literal) - 1)
            if m:
                reach = max(0, i - _SUBJECT_REACH)
                stop = max(text.rfind(". ", reach, i), text.rfind("\n", reach, i))
                subject = _PLURAL_SUBJECT.search(text, max(reach, stop + 1), i)
                if subject:
                    out.extend(_listed(text, m.span("names"), _PLURALS[subject.group("p")]))
            i = text.find(literal, i + 1)
    out.sort(key=lambda b: b.span[0])
    return out


def _listed(text: str, names_span: Span, unit_type: str, *, two: bool = False) -> list[ListedBody]:
    """The bodies of a list whose every part is a name, two or more of them. ``two``: the
    list was announced as two, so "West Kent and Essex North" is two names, not one."""
    names, parts = _items(text, *names_span, allow_the=True)
    if two and len(names) == parts == 1:
        a, b = names[0]
        cut = text.find(" and ", a, b)
        if cut > a and NAME_RE.fullmatch(text, a, cut) and NAME_RE.fullmatch(text, cut + 5, b):
            names, parts = [(a, cut), (cut + 5, b)], 2
    if len(names) < 2 or len(names) != parts:
        return []
    return [ListedBody(text[a:b], (a, b), unit_type) for a, b in names]


def roundups(text: str) -> list[RoundupItem]:
    """Every body a round-up list rates, with the rating phrase it gets, in text order."""
    out: list[RoundupItem] = []
    for start in _starts_before(text, (" in ", " at "), _SERVICE_WORDS):
        m = _SERVICES_IN.match(text, start)
        if (
            m
            and NAME_RE.fullmatch(m.group("name"))
            and not _INDEFINITE_BEFORE.search(text, max(0, m.start() - 25), m.start())
        ):
            out.append(RoundupItem(m.group("name"), m.span("name"), m.group("rating"), m.span("rating")))
    i = text.find("(")
    while i >= 0:
        m = _BRACKET_LIST.match(text, i)
        names, parts = _items(text, *m.span("names")) if m else ([], 0)
        if m and names and len(names) == parts:
            for a, b in names:
                out.append(RoundupItem(text[a:b], (a, b), m.group("rating"), m.span("rating")))
        elif text[i - 1 : i] == " " and (after := _RATING_AFTER_BRACKET.match(text, i)):
            name = name_before(text, i - 1)
            if name and text[name.start() : name.end()].split()[0] not in _STOP_START:
                if not _ACRONYM.fullmatch(name.group()):
                    out.append(RoundupItem(name.group(), name.span(), after.group("rating"), after.span("rating")))
        i = text.find("(", i + 1)
    pos = 0
    for line in text.split("\n"):
        heading = _HEADING_LINE.fullmatch(line) if len(line) < 40 else None
        end = pos + len(line)
        rated = (
            _RATED_LINE.fullmatch(text, pos, end)
            if heading is None and len(line) < 400 and (" - " in line or " – " in line or ": " in line)
            else None
        )
        if rated:
            names, parts = _items(text, *rated.span("names"))
            if names and len(names) == parts:
                for a, b in names:
                    out.append(RoundupItem(text[a:b], (a, b), rated.group("rating"), rated.span("rating")))
        if heading and end + 1 < len(text):
            next_end = text.find("\n", end + 1)
            next_end = len(text) if next_end < 0 else next_end
            names, parts = _items(text, end + 1, next_end)
            if names and len(names) == parts:  # a line of names only, not a sentence under a heading
                rating_span = (pos + heading.start("rating"), pos + heading.end("rating"))
                for a, b in names:
                    out.append(RoundupItem(text[a:b], (a, b), heading.group("rating"), rating_span))
        pos = end + 1
    out.sort(key=lambda item: item.span[0])
    return out


def _starts_before(text: str, literals: tuple[str, ...], words: frozenset[str]) -> list[int]:
    """Where one of ``words`` stands right before one of ``literals`` ("services in")."""
    out: list[int] = []
    for literal in literals:
        i = text.find(literal)
        while i >= 0:
            start = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
            if text[start:i] in words:
                out.append(start)
            i = text.find(literal, i + 1)
    return sorted(out)
