"""Names of inspected bodies: "X Probation Delivery Unit (PDU)", "X YJS", "Probation
Service – X region", "X NHS Trust", ... found by the type word beside the name.

A name is a run of capitalised words joined by "and", "of", "the" or commas
("Swansea, Neath and Port Talbot", "Cornwall and Isles of Scilly", "Yorkshire and the
Humber"). Words that cannot be part of a place name (determiners, titles, the type
words themselves) break the run, so "His Majesty's Inspectorate of Probation, County
Durham Probation Delivery Unit" gives "County Durham".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from inspection_extract.record import Span

# Capitalised words that never belong to the name of an inspected place.
_STOP_WORDS = r"""
    The|This|These|Those|That|Its|It|Their|Our|A|An|In|On|At|For|From|To|By|With|Of|And|As
    |Both|All|Each|Every|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve
    |Head|Chief|Inspector|Inspectors|Inspectorate|Inspectorates|Probation|Service|Services
    |Justice|Youth|Delivery|Unit|Units|Community|Rehabilitation|Company|Companies|National
    |Majesty|Majesty[’']s|His|Her|Council|NHS|Trust|Police|Constabulary|Following|After
    |Neighbouring|Joint|Related|However|Overall|Cllr|Mr|Mrs|Ms|Dr|Dame|Sir|Report|Reports
    |Inspection|Inspections|Management|Board|Regional|Region|Division|Offending|Team|Teams
    |Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Published|Embargoed|Notes|Ends
    |January|February|March|April|May|June|July|August|September|October|November|December
    |When|Where|While|Since|Until|Unlike|Across|Between|Under|Over|About|Including|Also|Local
"""
_ACRONYMS = r"PDUs?|YJSs?|YOTs?|YOS|CRCs?|NPS|NHS|HMP|HMPPS|HMI|HM|CQC|MoJ|ILACS|UK"

# One word of a place name: "Peterborough", "YORK", "Southend-on-Sea", "Port".
_WORD = rf"""
    (?!(?:{_STOP_WORDS}|{_ACRONYMS})\b)          # not a stop word or a type acronym
    [A-Z][A-Za-z]*                              # capitalised word (or all capitals)
    (?:-(?:on|upon|under|in|le|by|the)-[A-Z][a-z]+|-[A-Z][a-z]+)?   # Southend-on-Sea, Stoke-Trent
"""
# Words joined without commas: "Port Talbot", "Isles of Scilly", "East of England".
_PART = rf"(?:{_WORD})(?:(?:[ ]|[ ]of[ ]|[ ]upon[ ])(?:{_WORD})){{0,5}}"
#: A place name. Commas join only a list closed by "and" ("Kent, Surrey and Sussex"), so
#: a person's name before a council ("Cllr Rhian Pritchard, Newport City Council") stays out.
NAME = rf"""
    {_PART}
    (?:(?:,[ ]{_PART}){{0,4}}[ ](?:and|&)[ ](?:the[ ])?{_PART})?
"""

# Type words that follow a name, with the unit type they give. Longest first.
_SUFFIX_TYPES: tuple[tuple[str, str], ...] = (
    (r"Probation[ ]Service[ ]PDU", "PDU"),
    (r"Probation[ ]Delivery[ ]Unit(?:[ ]?\(PDU\))?(?!s)", "PDU"),
    (r"PDU(?![sA-Za-z])", "PDU"),
    (r"Youth[ ]Justice[ ]Service(?:[ ]?\(YJS\))?(?!s)", "YJS"),
    (r"[Yy]outh[ ]justice[ ](?:service|team)(?!s)", "YJS"),
    (r"YJS(?![A-Za-z])", "YJS"),
    (r"Youth[ ]Offending[ ]Service(?:[ ]?\(YOS\))?(?!s)|YOS(?![A-Za-z])", "YOS"),
    (r"Youth[ ]Offending[ ]Team(?:[ ]?\(YOT\))?(?!s)|YOT(?![A-Za-z])", "YOT"),
    (r"Community[ ]Rehabilitation[ ]Company(?:[ ]?\(CRC\))?|CRC(?![sA-Za-z])", "CRC"),
    (r"NHS[ ](?:Foundation[ ])?Trust", "trust"),
    (r"(?:City[ ]|County[ ]|District[ ])?Council", "council"),
    (r"Police|Constabulary", "police force"),
    (r"division", "NPS division"),
)
# The type word is found first and the name read backwards from it: a name pattern tried
# at every offset of the text is far too slow for the 1 ms budget.
_SUFFIX_RE = regex.compile(
    r"(?<=[A-Za-z])(?P<poss>['’][sS](?=[ ][Yy]outh))?[ ](?:"
    + "|".join(rf"(?P<t{i}>{pattern})\b" for i, (pattern, _) in enumerate(_SUFFIX_TYPES))
    + ")",
    regex.VERBOSE,
)
_NAME_AT_END = regex.compile(rf"(?<![\w’'-])(?:{NAME})$", regex.VERBOSE)
_SUFFIX_TYPE_BY_GROUP = {f"t{i}": unit_type for i, (_, unit_type) in enumerate(_SUFFIX_TYPES)}

# Names introduced by their type: "National Probation Service (NPS) North East division",
# "Probation Service – South West region", "HMP Hewell", "children's services in Bedford".
_PREFIX_RE = regex.compile(
    rf"""
      (?:National[ ]Probation[ ]Service(?:[ ]\(NPS\))?|NPS)[ ](?P<nps>{NAME})[ ]division\b
    | Probation[ ]Service[ ]?[–—-][ ]?(?P<region>{NAME})[ ]region\b
    | Probation[ ]Service['’]s[ ](?P<region2>{NAME})[ ]region\b
    | HMP[ ](?P<prison>{NAME})
    | [Cc]hildren['’]s[ ]services[ ]in[ ](?P<council>{NAME})
    """,
    regex.VERBOSE,
)
_PREFIX_TYPES = {
    "nps": "NPS division",
    "region": "region",
    "region2": "region",
    "prison": "prison",
    "council": "council",
}
# Anchors with the name before them: "The Kent, Surrey and Sussex region", "Beech Lodge, a care home".
_ANCHOR_RE = regex.compile(
    r"(?<=[A-Za-z])(?:[ ](?:probation[ ])?(?P<region>region)\b"
    r"|,[ ]an?[ ](?P<other>(?:care|nursing|children['’]s)[ ]home)\b)"
)


# A plural type word opening a semicolon list of units: "eight Probation Delivery Units
# (PDUs): Bristol and South Gloucestershire; Bath and North Somerset; ...; and Dorset."
_LIST_RE = regex.compile(
    r"""(?:Probation[ ]Delivery[ ]Units|PDUs|Youth[ ]Justice[ ]Services|YJSs)
        (?:[ ]\((?:PDUs|YJSs)\))?:[ ](?P<list>[^.\n]+;[^.\n]+)""",
    regex.VERBOSE,
)
_LIST_ITEM = regex.compile(rf"(?:and[ ])?(?P<name>{NAME})", regex.VERBOSE)
_LIST_TYPES = {"P": "PDU", "Y": "YJS"}


@dataclass(frozen=True)
class UnitMention:
    """One naming of a body: its name without type words, its type and where it is."""

    name: str
    type: str
    span: Span  # the whole mention, name and type word
    name_span: Span


def key(name: str) -> str:
    """A comparable form of a name: "YORK" and "York", "&" and "and" are the same unit."""
    return " ".join(name.lower().replace("&", "and").replace(",", " ").split())


def find_mentions(text: str) -> list[UnitMention]:
    """Every typed naming of a body in ``text``, in order, without overlaps."""
    found: list[UnitMention] = []
    for m in _SUFFIX_RE.finditer(text):
        group = next(g for g in _SUFFIX_TYPE_BY_GROUP if m.group(g))
        name = _NAME_AT_END.search(text, max(0, m.start() - 150), m.start())
        if name:
            found.append(
                UnitMention(name.group(), _SUFFIX_TYPE_BY_GROUP[group], (name.start(), m.end()), name.span())
            )
    for m in _ANCHOR_RE.finditer(text):
        name = _NAME_AT_END.search(text, max(0, m.start() - 150), m.start())
        if name:
            unit_type = "region" if m.group("region") else "other"
            found.append(UnitMention(name.group(), unit_type, (name.start(), m.end()), name.span()))
    for m in _PREFIX_RE.finditer(text):
        group = next(g for g in _PREFIX_TYPES if m.group(g))
        found.append(_mention(m, group, _PREFIX_TYPES[group]))
    for m in _LIST_RE.finditer(text):
        unit_type = _LIST_TYPES[m.group()[0]]
        pos = m.start("list")
        for item in m.group("list").split(";"):
            lead = len(item) - len(item.lstrip())
            im = _LIST_ITEM.fullmatch(item.strip())
            if im:
                s = pos + lead + im.start("name")
                span = (s, s + len(im.group("name")))
                found.append(UnitMention(im.group("name"), unit_type, span, span))
            pos += len(item) + 1
    found.sort(key=lambda u: (u.span[0], -u.span[1]))
    out: list[UnitMention] = []
    for u in found:
        if out and u.span[0] < out[-1].span[1]:
            continue
        out.append(u)
    return out


def _mention(m: regex.Match[str], group: str, unit_type: str) -> UnitMention:
    start, end = m.span(group)
    return UnitMention(m.group(group), unit_type, (m.start(), m.end()), (start, end))


@dataclass(frozen=True)
class RegionMention:
    value: str
    span: Span


_REGION_RE = regex.compile(
    rf"""
      Probation[ ]Service[ ]?(?P<dash>[–—-])[ ]?(?P<a>{NAME})[ ]region\b   # Probation Service – X region
    | Probation[ ]Service['’]s[ ](?P<b>{NAME})[ ]region\b               # the Probation Service's X region
    """,
    regex.VERBOSE,
)


def find_region(text: str) -> RegionMention | None:
    """The probation region the document places its units in, or None.

    The dash form ("Probation Service – West Midlands region") is how the inspectorate
    names a region; it is preferred over the looser forms news reports use.
    """
    best: tuple[int, RegionMention] | None = None
    for m in _REGION_RE.finditer(text):
        if m.group("a"):
            found = (0, RegionMention(f"Probation Service – {m.group('a')}", (m.start(), m.end("a"))))
        else:
            found = (1, RegionMention(m.group("b"), m.span("b")))
        if best is None or found[0] < best[0]:
            best = found
        if found[0] == 0:
            return best[1]
    if best is None:
        # News style: "the South West probation region".
        for m in _PROBATION_REGION.finditer(text):
            name = _NAME_AT_END.search(text, max(0, m.start() - 150), m.start())
            if name:
                return RegionMention(name.group(), name.span())
    return best[1] if best else None


_PROBATION_REGION = regex.compile(r"(?<=[A-Za-z])[ ]probation[ ]region\b")
