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

from inspection_extract.extract._unit_names import NAME
from inspection_extract.profiles import unit_types
from inspection_extract.record import Span


@dataclass(frozen=True)
class RoundupItem:
    name: str
    span: Span
    rating_raw: str
    rating_span: Span


_RATING = (
    r"(?i:outstanding|good|requires?[ ]improvement|requiring[ ]improvement|inadequate|adequate"
    r"|reasonably[ ]good|not[ ]sufficiently[ ]good|poor)"
)
_ITEM = rf"(?:{NAME})"
# "(Brent, Bury and Rochdale, ..., and Southampton) were rated “good”"
_BRACKET_LIST = regex.compile(
    rf"""\((?P<names>{_ITEM}(?:,[ ](?:and[ ])?{_ITEM})*)\)[ ]+
        (?i:was|were|is|are|ha(?:ve|s)[ ]been)[ ](?:all[ ]|both[ ])?(?i:rated|judged|graded|found[ ]to[ ]be)[ ]
        (?:as[ ])?[‘'"“]?(?P<rating>{_RATING})\b""",
    regex.VERBOSE,
)
# ":: Good" / "Good:" / "Rated good" alone on a line, the names on the next line.
_HEADING = regex.compile(
    rf"(?m)^[^\S\n]*(?:[:•*·>-]+[^\S\n]*)?(?:rated[ ])?[‘'\"“]?(?P<rating>{_RATING})[’'\"”]?[^\S\n]*:?[^\S\n]*\n"
    rf"[^\S\n]*(?P<names>[^\n]+)$",
    regex.IGNORECASE,
)
# "Camden (Outstanding)"
_NAME_THEN_RATING = regex.compile(
    rf"(?P<name>{_ITEM})[ ]\([ ]?[‘'\"“]?(?P<rating>{_RATING})[’'\"”]?[ ]?\)",
    regex.VERBOSE,
)
_NAME_RE = regex.compile(_ITEM, regex.VERBOSE)
_STOP_START = frozenset("The This These It Its A An In On At For Of And But All Each Both".split())


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
        # not an acronym ("... Youth Justice Service (YJS) has been rated")
        word = body[a:b]
        if allow_the and word.startswith("The "):
            name_at = a + 4  # "The Mount", a prison's own name
            if _NAME_RE.fullmatch(body, name_at, b):
                out.append((start + a, start + b))
            continue
        if a < b and _NAME_RE.fullmatch(body, a, b) and word.split()[0] not in _STOP_START:
            if not _ACRONYM.fullmatch(word):
                out.append((start + a, start + b))
    return out, len(parts)


_COMMA = regex.compile(r",[ ](?:and[ ])?")
_ACRONYM = regex.compile(r"[A-Z]{2,}s?")  # "(YJS)", "(PDUs)": the type, not a name


@dataclass(frozen=True)
class ListedBody:
    name: str
    span: Span
    type: str


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
# "four category C prisons: Rochester, The Mount, Brixton and Coldingley"
_COLON_LIST = regex.compile(
    rf"(?<![\w-])(?P<plural>{'|'.join(regex.escape(p) for p in sorted(_PLURALS, key=len, reverse=True))}):[ ]"
    rf"(?P<names>(?:The[ ])?{_ITEM}(?:,[ ](?:and[ ])?(?:The[ ])?{_ITEM})*(?:[ ]and[ ](?:The[ ])?{_ITEM})?)(?=[.;\n]|$)",
    regex.VERBOSE,
)


def listed_bodies(text: str) -> list[ListedBody]:
    """Bodies named in a list after their plural type word and a colon, rated or not."""
    if ":" not in text:
        return []
    out: list[ListedBody] = []
    for m in _COLON_LIST.finditer(text):
        unit_type = _PLURALS[m.group("plural")]
        for a, b in _items(text, *m.span("names"), allow_the=True)[0]:
            out.append(ListedBody(text[a:b], (a, b), unit_type))
    return out


# "provision in Cardiff was found to be “inadequate”", "Services in Leicester, Leicestershire
# and Rutland were described as ‘inadequate’": a body by its place, in a round-up's prose.
_SERVICES_IN = regex.compile(
    rf"""\b(?i:provision|services?|work)[ ](?:in|at)[ ](?P<name>{_ITEM})[ ]
        (?i:was|were|is|are|ha(?:ve|s)[ ]been)[ ](?:also[ ])?
        (?i:rated|judged|graded|found[ ]to[ ]be|described[ ]as)[ ](?:as[ ])?[‘'"“]?(?P<rating>{_RATING})\b""",
    regex.VERBOSE,
)


# "A probation service in Lincolnshire", "Two probation services in West Yorkshire": a
# description of the units the document names, not a round-up's item.
_INDEFINITE_BEFORE = regex.compile(
    r"\b(?i:an?|two|three|four|five|six|both|all|these|those|some|many|other|several)[ ](?:[\w’'-]+[ ])?$"
)


def roundups(text: str) -> list[RoundupItem]:
    """Every body a round-up list rates, with the rating phrase it gets, in text order."""
    low = text.lower()
    out: list[RoundupItem] = []
    if " in " in text:
        for m in _SERVICES_IN.finditer(text):
            # not "A probation service in Lincolnshire has been rated": a description of
            # the unit the document names
            if not _INDEFINITE_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                out.append(RoundupItem(m.group("name"), m.span("name"), m.group("rating"), m.span("rating")))
    if ")" in text and ("rated" in low or "judged" in low or "graded" in low or "found to be" in low):
        for m in _BRACKET_LIST.finditer(text):
            for a, b in _items(text, *m.span("names"))[0]:
                out.append(RoundupItem(text[a:b], (a, b), m.group("rating"), m.span("rating")))
        for m in _NAME_THEN_RATING.finditer(text):
            a, b = m.span("name")
            if text[a:b].split()[0] not in _STOP_START and not _ACRONYM.fullmatch(text[a:b]):
                out.append(RoundupItem(text[a:b], (a, b), m.group("rating"), m.span("rating")))
    for m in _HEADING.finditer(text):
        names, parts = _items(text, *m.span("names"))
        if names and len(names) == parts:  # a line of names only, not a sentence under a heading
            for a, b in names:
                out.append(RoundupItem(text[a:b], (a, b), m.group("rating"), m.span("rating")))
    out.sort(key=lambda item: item.span[0])
    return out
