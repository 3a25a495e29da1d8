"""Names of inspected bodies: "X Probation Delivery Unit (PDU)", "X YJS", "Probation
Service – X region", "X NHS Trust", ... found by the type word beside the name.

A name is a run of capitalised words joined by "and", "of", "the" or commas
("Swansea, Neath and Port Talbot", "Cornwall and Isles of Scilly", "Yorkshire and the
Humber"). Words that cannot be part of a place name (determiners, titles, the type
words themselves) break the run, so "His Majesty's Inspectorate of Probation, County
Durham Probation Delivery Unit" gives "County Durham".

Speed: every pattern here would cost ~0.1 ms per press release if tried at every
offset of the text, so each search starts from a cheap literal hit (a type word, a
prefix such as "HMP ") and the name pattern runs only in the few characters around it.
The stop words are a set looked up per word, not an alternation inside the name pattern:
compiled into each copy of the name pattern they made importing this module take 0.4 s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from inspection_extract._vocab import matches_at
from inspection_extract.profiles import profile, profiles, unit_types
from inspection_extract.record import Span

# Capitalised words that never belong to the name of an inspected place.
_STOP_WORDS = frozenset(
    """
    The This These Those That Its It Their Our A An In On At For From To By With Of And As
    Both All Each Every One Two Three Four Five Six Seven Eight Nine Ten Twelve
    Head Chief Inspector Inspectors Inspectorate Inspectorates Probation Service Services
    Justice Youth Delivery Unit Units Community Rehabilitation Company Companies National
    Majesty His Her Council NHS Trust Police Constabulary Following After
    Neighbouring Joint Related However Overall Cllr Mr Mrs Ms Dr Dame Sir Report Reports
    Inspection Inspections Management Board Regional Region Division Offending Team Teams
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Published Embargoed Notes Ends
    January February March April May June July August September October November December
    When Where While Since Until Unlike Across Between Under Over About Including Also Local
    Prison Prisons Commission Archived Ofsted Estyn Chair Chairman Chairwoman Director Councillor Mayor
    Rated Requires Requiring Improvement Inadequate Outstanding
    """.split()
)
_ACRONYMS = frozenset(
    "PDU PDUs YJS YJSs YOT YOTs YOS CRC CRCs NPS NHS HMP HMPPS HMI HM CQC MoJ ILACS UK".split()
)
_NOT_NAME_WORDS = _STOP_WORDS | _ACRONYMS

# One word of a place name: "Peterborough", "YORK", "Southend-on-Sea", "Port". Stop words
# are kept out by `_name_start_limit` / `_name_end_limit`, which end the text a name may use
# at the first stop word.
_WORD = r"""
    [A-Z][A-Za-z]*                              # capitalised word (or all capitals)
    (?:-(?:on|upon|under|in|le|by|the)-[A-Z][a-z]+|-[A-Z][a-z]+)?   # Southend-on-Sea, Stoke-Trent
    (?:['’]s(?=[ ][A-Z]))?                      # King’s Lynn, St Helen’s Hospital
"""
# Words joined without commas: "Port Talbot", "Isles of Scilly", "East of England".
_PART = rf"(?:{_WORD})(?:(?:[ ]|[ ]of[ ]|[ ]upon[ ])(?:{_WORD})){{0,5}}"
#: A place name, for text that holds no stop word (see `_name_end_limit`). Commas join only
#: a list closed by "and" ("Kent, Surrey and Sussex"), so a person's name before a council
#: ("Cllr Rhian Pritchard, Newport City Council") stays out.
NAME = rf"""
    {_PART}
    (?:(?:(?:,[ ]{_PART}){{1,4}},?)?[ ](?:and|&)[ ](?:the[ ])?{_PART})?   # "Leicester, Leicestershire, and Rutland"
"""
_NAME = regex.compile(NAME, regex.VERBOSE)
#: A place name (see `NAME`), compiled: for checking that a stretch of text is one.
NAME_RE = _NAME
_NAME_AT_END = regex.compile(rf"(?<![\w’'-])(?:{NAME})$", regex.VERBOSE)

# Where a name must stop: a character no name has, or at the start of a word (where a
# name word would begin) a lower-case word other than a joiner or a capitalised word
# (a stop word ends the name; `_is_break` looks it up).
_BREAK = r"(?!['’]s\x20[A-Z])[^A-Za-z\x20,&-]|(?<![\w’'-])(?:(?P<word>[A-Z]\w*)|(?!(?:of|upon|and|the)\x20)[a-z])"
_BREAK_FORWARD = regex.compile(_BREAK)
_BREAK_BACKWARD = regex.compile(_BREAK, regex.REVERSE)


def _is_break(m: regex.Match[str]) -> bool:
    word = m.group("word")
    # a headline's capitals ("THE West Midlands Ambulance Service") hide a stop word
    return word is None or word in _NOT_NAME_WORDS or (word.isupper() and word.capitalize() in _STOP_WORDS)


def _name_end_limit(text: str, start: int) -> int:
    """The first offset from ``start`` that no name beginning at ``start`` can reach."""
    for m in _BREAK_FORWARD.finditer(text, start):
        if _is_break(m):
            return m.start()
    return len(text)


# Two words run together by a page's extraction: three lower-case letters, then a capital
# (not "McDonald" or "MacLeod").
_GLUED = regex.compile(r"[a-z]{3}(?=[A-Z][a-z])", regex.REVERSE)


def name_before(text: str, end: int) -> regex.Match[str] | None:
    """The name that ends at ``end`` (read back at most 150 characters), or None."""
    start = max(0, end - 150)
    for m in _BREAK_BACKWARD.finditer(text, start, end):
        if _is_break(m):
            start = m.start() + 1  # a name ending at `end` begins after its last break
            break
    glued = _GLUED.search(text, start, end)
    if glued:
        # "Steve RidingLeeds Youth Justice Service": a page's byline run on to the name
        # (not "Image: Gazette archiveThe probation service")
        name = _NAME.fullmatch(text, glued.end(), end)
        return name if name and name.group().split(" ", 1)[0] not in _NOT_NAME_WORDS else None
    return _NAME_AT_END.search(text, start, end)


def _name_after(text: str, start: int) -> regex.Match[str] | None:
    """The longest name that begins at ``start``, or None."""
    return _NAME.match(text, start, _name_end_limit(text, start))


def _name_before_word(text: str, start: int, word: str) -> Span | None:
    """The span of a name that begins at ``start`` and is followed by " ``word``"
    ("North East" in "North East division"), or None."""
    end = _name_end_limit(text, start)
    # The lower-case word is the first break after the name, one space after it.
    if end - 1 <= start or text[end - 1] != " " or not text.startswith(word, end):
        return None
    if _WORD_CHAR.match(text, end + len(word)):
        return None  # "regional", not "region"
    if not _NAME.fullmatch(text, start, end - 1):
        return None
    return (start, end - 1)


_WORD_CHAR = regex.compile(r"\w")

def phrase_pattern(phrase: str) -> str:
    """The pattern of a profile's phrase: its words one space apart, a trailing acronym in
    brackets optional ("Probation Delivery Unit (PDU)"), a lower-case first letter also
    capitalised (a headline's "Youth justice service"), and no letter after it (a plural)."""
    acronym = regex.fullmatch(r"(?P<base>.+?)[ ]\((?P<acr>[A-Za-z]+)\)", phrase)
    base = acronym.group("base") if acronym else phrase
    words = [regex.escape(w) for w in base.split(" ")]
    if base[:1].islower():
        words[0] = f"[{base[0].upper()}{base[0]}]{regex.escape(base[1:].split(' ')[0])}"
    out = "[ ]".join(words)
    if acronym:
        out += rf"(?:[ ]?\({acronym.group('acr')}\))?"
    return out + r"(?![A-Za-z])"


def _first_word_literals(phrases: list[str]) -> tuple[tuple[str, int], ...]:
    """The literal every phrase's match begins with, in both cases of a lower-case first
    letter: found with ``str.find``, they are the only places its pattern is tried."""
    out: dict[str, None] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        # a common word ("probation service") or a short one ("HM Prison") is searched for
        # with the word after it: its hits would be many, and each is a pattern's attempt
        word = " ".join(words[:2]) if len(words) > 1 and (words[0][:1].islower() or len(words[0]) <= 2) else words[0]
        out[word] = None
        if word[:1].islower():
            out[word[:1].upper() + word[1:]] = None
    # A literal that begins with a shorter one ("Youth justice" after "Youth") adds no hit.
    return tuple((w, 0) for w in out if not any(w != v and w.startswith(v) for v in out))


@dataclass(frozen=True)
class _Tables:
    """The type words one kind of document is read with, compiled."""

    suffix: regex.Pattern[str]
    suffix_types: dict[str, str]
    suffix_literals: tuple[tuple[str, int], ...]
    before: regex.Pattern[str]
    before_types: dict[str, str]
    prefix_literals: tuple[tuple[str, int], ...]
    institutions: dict[str, str]
    institution_literals: tuple[tuple[str, int], ...]
    #: The type words that are acronyms ("PDU", "YOT"), each with its type.
    acronyms: dict[str, str]


# The unit types every document is read for, whatever its inspectorate: probation's, and the
# bodies its releases name as partners (a council, an NHS trust, a police force).
_PARTNER_TYPES = frozenset({"council", "trust", "police force"})


# Names introduced by their type: "National Probation Service (NPS) North East division",
# "Probation Service – South West region", "HMP Hewell", "children's services in Bedford".
# Each head is matched where its first word is; the name after it by `_name_after`.
_NPS_HEAD = regex.compile(r"(?:National[ ]Probation[ ]Service(?:[ ]\(NPS\))?|NPS)[ ]")
# Also without a dash, as a report's recommendations name it: "The Probation Service East
# of England region should: ..." (read like the possessive form, after the dash form).
_REGION_HEAD = regex.compile(r"Probation[ ]Services?(?:[ ]?(?P<dash>[–—-])[ ]?|(?P<poss>['’]s[ ])|[ ](?=[A-Z]))")
_REGION_LITERALS = (("Probation", 0),)

# Anchors with the name before them: "The Kent, Surrey and Sussex region", "Beech Lodge, a care home".
_ANCHOR_RE = regex.compile(
    r"(?<=[A-Za-z])(?:[ ](?:probation[ ])?(?P<region>region)\b"
    r"|,[ ]an?[ ](?P<other>(?:care|nursing|children['’]s)[ ]home)\b)"
)
# Where an `_ANCHOR_RE` match can begin, counted back from its "region" or "home":
# " region", " probation region"; ", a care home" ... ", an children's home".
_ANCHOR_BACK = {"region": (1, 11), "home": (9, 10, 12, 13, 15, 16)}


# A plural type word opening a semicolon list of units: "eight Probation Delivery Units
# (PDUs): Bristol and South Gloucestershire; Bath and North Somerset; ...; and Dorset."
_LIST_RE = regex.compile(
    r"""(?:Probation[ ]Delivery[ ]Units|PDUs|Youth[ ]Justice[ ]Services|YJSs)
        (?:[ ]\((?:PDUs|YJSs)\))?:[ ](?P<list>[^.\n]+;[^.\n]+)""",
    regex.VERBOSE,
)
_LIST_TYPES = {"P": "PDU", "Y": "YJS"}


# Institutions any inspectorate's release may rate by their own name, read in every document.
_COMMON_INSTITUTIONS = {
    w: u.type
    for u in unit_types()
    for w in u.within
    if w in ("College", "School", "Academy", "Surgery", "Practice", "Hospital", "Medical Centre", "Health Centre",
             "Nursery", "Care Home")
}


@cache
def _tables(inspectorate: str | None) -> _Tables:
    """The type words of the document's inspectorate and of probation, with the partners'
    (every profile's for a document that names no inspectorate, to tell it by): compiled on
    first use, one set per inspectorate."""
    own = [profile(inspectorate)] if inspectorate else list(profiles())
    units = [u for p in (*own, profile(None)) for u in p.unit_types]
    units += [u for u in unit_types() if u.type in _PARTNER_TYPES]
    # Longest first, so that "NHS Foundation Trust" is not read as "NHS Trust" after a name
    # ending in "Foundation".
    after = sorted(dict.fromkeys((phrase, u.type) for u in units for phrase in u.after), key=lambda pt: -len(pt[0]))
    # The type word is found first and the name read backwards from it: a name pattern tried
    # at every offset of the text is far too slow for the 1 ms budget.
    suffix = regex.compile(
        r"(?<=[A-Za-z])(?P<poss>['’][sS](?=[ ](?:[Yy]outh|[Cc]hildren|Local[ ]Authority)))?[ ](?:"
        + "|".join(rf"(?P<t{i}>{phrase_pattern(phrase)})\b" for i, (phrase, _) in enumerate(after))
        + ")",
    )
    before = sorted(dict.fromkeys((phrase, u.type) for u in units for phrase in u.before), key=lambda pt: -len(pt[0]))
    before_re = regex.compile(
        "|".join(
            rf"(?P<b{i}>{phrase_pattern(phrase).removesuffix('(?![A-Za-z])')})[ ]"
            for i, (phrase, _) in enumerate(before)
        )
    )
    # Institutions whose type word is part of their name ("Millbrook College", "Orchard Lane
    # Surgery"): the common ones in every document, the rest (a prison, "Cherry Tree House")
    # only in their inspectorate's.
    institutions = dict(_COMMON_INSTITUTIONS)
    for p in own:
        for u in p.unit_types:
            for word in (*u.within, *u.within_own):
                institutions.setdefault(word, u.type)
    return _Tables(
        suffix=suffix,
        suffix_types={f"t{i}": t for i, (_, t) in enumerate(after)},
        suffix_literals=_first_word_literals([phrase for phrase, _ in after]),
        before=before_re,
        before_types={f"b{i}": t for i, (_, t) in enumerate(before)},
        prefix_literals=(("National", 0), ("NPS", 0), ("Probation", 0), *_first_word_literals([p for p, _ in before])),
        institutions=institutions,
        institution_literals=_first_word_literals(list(institutions)),
        acronyms={phrase: t for phrase, t in after if _ACRONYM.fullmatch(phrase)},
    )


_ACRONYM = regex.compile(r"[A-Z]{2,5}")
# A bracketed acronym after the words it abbreviates: "Lewisham Prison Delivery Unit (PDU)".
_BRACKETED_ACRONYM = regex.compile(r"[ ]\((?P<acr>[A-Z]{2,5})\)")
_WORD_BACKWARDS = regex.compile(r"(?r)[ ]?(?P<w>[\p{L}’'-]+)")


def _expansions(text: str, tables: _Tables) -> Iterator[UnitMention]:
    """Names typed by the acronym after them, whatever words it abbreviates: in
    "Lewisham and Bromley Prison Delivery Unit (PDU)" the three words before "(PDU)" begin
    with its letters, so they are the type words, however misspelt, and the name comes
    before them."""
    for m in _BRACKETED_ACRONYM.finditer(text):
        acr = m.group("acr")
        unit_type = tables.acronyms.get(acr)
        if unit_type is None:
            continue
        pos, initials = m.start(), list[str]()
        for w in _WORD_BACKWARDS.finditer(text, max(0, m.start() - 60), m.start()):
            if w.end() != pos or len(initials) == len(acr):
                break
            initials.insert(0, w.group("w")[0])
            pos = w.start()
        if "".join(initials) != acr:
            continue
        name = name_before(text, pos)
        if name:
            yield UnitMention(name.group(), unit_type, (name.start(), m.start()), name.span())


@cache
def _institution_re(words: tuple[str, ...]) -> regex.Pattern[str]:
    alternation = "|".join(phrase_pattern(w) for w in sorted(words, key=len, reverse=True))
    # not the name of a company ("Whitstable House Limited") or a possessive's owner
    return regex.compile(
        rf"(?<=[A-Za-z])[ ](?P<word>{alternation})\b(?![’'-](?![sS]\b))(?![ ](?:Limited|Ltd|Group|Holdings)\b)"
    )


# Several names sharing one plural type word: "the Calderford and Moorside probation
# delivery units (PDUs)" (before the names), "two of the region’s PDUs, Tynebridge and
# Wearmouth, which were rated" (after them, in apposition).
_PLURAL_TYPE = (
    r"(?:[Pp]robation[ ][Dd]elivery[ ][Uu]nits(?:[ ]\(PDUs\))?|PDUs"
    r"|[Yy]outh[ ][Jj]ustice[ ][Ss]ervices(?:[ ]\(YJSs\))?|YJSs)"
)
_PLURAL_AFTER_NAMES = regex.compile(rf"(?<=[A-Za-z])[ ](?P<type>{_PLURAL_TYPE})(?![A-Za-z])")
_PLURAL_BEFORE_NAMES = regex.compile(rf"(?P<type>{_PLURAL_TYPE}),[ ]")
# Literals of the plural type words only, with their offset into the type words: the
# singular ones ("Probation", "Youth") are far more common.
_PLURAL_LITERALS: tuple[tuple[str, int], ...] = (
    ("PDUs", 0), ("YJSs", 0), ("elivery units", 11), ("elivery Units", 11),
    ("ustice services", 7), ("ustice Services", 7),
)  # fmt: skip
_ITEM_SPLIT = regex.compile(r",[ ](?:and[ ])?|[ ](?:and|&)[ ]")
# A number word before a type ("One Wold PDU rated ‘Good’, its neighbour ..."): a count,
# not the first word of a name; the name after it may be only part of one.
_COUNT_WORDS = frozenset("One Two Three Four Another one two three four another".split())


def _counted(text: str, at: int) -> bool:
    """True when a number word stands just before ``at`` ("One Wold PDU")."""
    if not at or text[at - 1] != " ":
        return False
    words = text[max(0, at - 9) : at - 1].split()
    return bool(words) and words[-1].lstrip("‘“'\"") in _COUNT_WORDS


# Not frozen: built tens of times per document, and a frozen dataclass is four times
# slower to build. Nothing mutates or hashes it.
@dataclass(slots=True)
class UnitMention:
    """One naming of a body: its name without type words, its type and where it is."""

    name: str
    type: str
    span: Span  # the whole mention, name and type word
    name_span: Span
    #: Where the group of names that share a plural type word ends (None for a single name).
    group: int | None = None
    #: Preceded by a number word ("One Wold PDU"): a name only if named elsewhere too.
    counted: bool = False


def key(name: str) -> str:
    """A comparable form of a name: "YORK" and "York", "&" and "and" are the same unit."""
    return " ".join(name.lower().replace("&", "and").replace(",", " ").split())


def _literal_hits(text: str, literals: tuple[tuple[str, int], ...], before: tuple[int, ...]) -> list[int]:
    """Sorted offsets ``hit - back - shift`` for every occurrence of each literal, where the
    literal sits ``shift`` characters into its word and ``back`` is each of ``before``."""
    out: set[int] = set()
    for literal, shift in literals:
        i = text.find(literal)
        while i >= 0:
            for back in before:
                if i - shift - back >= 0:
                    out.add(i - shift - back)
            i = text.find(literal, i + 1)
    return sorted(out)


def _suffix_matches(text: str, tables: _Tables) -> Iterator[regex.Match[str]]:
    # A match begins at the space before the type word, or two characters earlier at a
    # possessive "’s" ("Swansea’s youth justice service").
    starts = [
        s
        for s in _literal_hits(text, tables.suffix_literals, (1, 3))
        if text[s] == " " or (text[s] in "'’" and text[s + 1 : s + 3] in ("s ", "S "))
    ]
    return matches_at(tables.suffix, text, starts)


def _anchor_matches(text: str) -> Iterator[regex.Match[str]]:
    starts: set[int] = set()
    for word, backs in _ANCHOR_BACK.items():
        starts.update(_literal_hits(text, ((word, 0),), backs))
    return matches_at(_ANCHOR_RE, text, sorted(starts))


def _prefixed(
    text: str, tables: _Tables | None = None, *, regions_only: bool = False
) -> Iterator[tuple[str, int, int, Span]]:
    """Names introduced by their type, as (group, start, end, name span) in the order and
    without the overlaps a single alternation of the five forms (or of the two region
    forms) would give."""
    last_end = 0
    literals = _REGION_LITERALS if regions_only or tables is None else tables.prefix_literals
    for s in _literal_hits(text, literals, (0,)):
        if s < last_end:
            continue
        found = _region_at(text, s) if regions_only or tables is None else _prefixed_at(text, s, tables)
        if found:
            last_end = found[2]
            yield found


def _prefixed_at(text: str, s: int, tables: _Tables) -> tuple[str, int, int, Span] | None:
    # Each head is tried only where the literal it begins with stands.
    head = _NPS_HEAD.match(text, s) if text.startswith(("National", "NPS"), s) else None
    if head:
        span = _name_before_word(text, head.end(), "division")
        if span:
            return ("nps", s, span[1] + 9, span)
        # "NPS Wales", "the National Probation Service (NPS) in Wales": a division by its area
        name = _name_after(text, head.end() + (3 if text.startswith("in ", head.end()) else 0))
        return ("nps", s, name.end(), name.span()) if name else None
    found = _region_at(text, s)
    if found:
        return found
    head = tables.before.match(text, s)
    if head:
        name = _name_after(text, head.end())
        return (tables.before_types[head.lastgroup or ""], s, name.end(), name.span()) if name else None
    return None


def _region_at(text: str, s: int) -> tuple[str, int, int, Span] | None:
    if not text.startswith("Probation Service", s):
        return None
    head = _REGION_HEAD.match(text, s)
    if head:
        span = _name_before_word(text, head.end(), "region")
        if span:
            return ("region" if head.group("dash") else "region2", s, span[1] + 7, span)
        if head.group("dash"):
            # "Probation Service – West Midlands", the dash form without "region"
            name = _name_after(text, head.end())
            if name and not text.startswith(" PDU", name.end()):
                return ("region", s, name.end(), name.span())
    return None


# A type word with a name running on after it: "Youth Justice Board", "Police Federation".
_NAME_GOES_ON = regex.compile(r"[ ](?:Board|Federation|Partnership|Commissioner|Authority|Committee)\b")

_PREFIX_TYPES = {
    "nps": "NPS division",
    "region": "region",
    "region2": "region",
}


def find_mentions(text: str, inspectorate: str | None = None) -> list[UnitMention]:
    """Every typed naming of a body in ``text``, in order, without overlaps.

    ``inspectorate`` (the document's) adds the name heads only its documents use as a type
    ("Cherry Tree House" is a care home in a CQC release)."""
    found: list[UnitMention] = []
    tables = _tables(inspectorate)
    for m in _suffix_matches(text, tables):
        # The type word's group is the last to close: the groups hold none of their own.
        unit_type = tables.suffix_types[m.lastgroup or ""]
        if m.group("poss") and found and found[-1].span[1] == m.start() and found[-1].type == unit_type:
            # "Birmingham City Council’s children’s services": the council named just before
            # is the unit; the mention runs on over what it owns.
            last = found[-1]
            found[-1] = UnitMention(last.name, last.type, (last.span[0], m.end()), last.name_span)
            continue
        if _NAME_GOES_ON.match(text, m.end()):
            continue  # "Youth Justice Board", "Kent Police Federation": another body's name
        name = name_before(text, m.start())
        if name:
            found.append(UnitMention(name.group(), unit_type, (name.start(), m.end()), name.span()))
    for m in _anchor_matches(text):
        name = name_before(text, m.start())
        if name:
            unit_type = "region" if m.group("region") else "other"
            found.append(UnitMention(name.group(), unit_type, (name.start(), m.end()), name.span()))
    for group, start, end, name_span in _prefixed(text, tables):
        name_text = text[name_span[0] : name_span[1]]
        found.append(UnitMention(name_text, _PREFIX_TYPES.get(group, group), (start, end), name_span))
    if "PDUs" in text or "YJSs" in text or "Units" in text or "Services" in text:
        for m in _LIST_RE.finditer(text):
            unit_type = _LIST_TYPES[m.group()[0]]
            pos = m.start("list")
            for item in m.group("list").split(";"):
                lead = len(item) - len(item.lstrip())
                item_span = _list_item(item.strip())
                if item_span:
                    span = (pos + lead + item_span[0], pos + lead + item_span[1])
                    found.append(UnitMention(text[span[0] : span[1]], unit_type, span, span))
                pos += len(item) + 1
    table = tables.institutions
    pattern = _institution_re(tuple(table))
    for m in matches_at(pattern, text, _literal_hits(text, tables.institution_literals, (1,))):
        name = name_before(text, m.start())
        if name and not name.group().endswith(m.group("word")):
            # (not "Kinson Primary School School Lane": the second word begins an address)
            unit_type = table.get(m.group("word"), "other")
            start = name.start()
            # "Tarnby Surgery and Wold Surgery": two of a kind coordinated, the second named
            # from after the first's type word
            for joint in (f" {m.group('word')} and ", f" {m.group('word')}, "):
                at = text.rfind(joint, start, m.start())
                if at >= 0:
                    start = max(start, at + len(joint))
            span = (start, m.end())
            found.append(UnitMention(text[span[0] : span[1]], unit_type, span, span))
    found.extend(_plural_mentions(text))
    if " (" in text:
        found.extend(_expansions(text, tables))
    found.sort(key=lambda u: (u.span[0], -u.span[1]))
    out: list[UnitMention] = []
    for u in found:
        if out and u.span[0] < out[-1].span[1]:
            continue
        at = u.name_span[0]
        if (text[at - 2 : at] in ("A ", "a ") and not text[at - 3 : at - 2].isalnum()) or (
            text[at - 3 : at] in ("An ", "an ") and not text[at - 4 : at - 3].isalnum()
        ):
            continue  # "A Welsh youth offending service", "A Kent care home": not a name
        if text[max(0, at - 16) : at].endswith(("Inspector of ", "Inspectors of ", "Inspectorate of ")):
            continue  # "England’s Chief Inspector of General Practice": an office, not a body
        if _counted(text, u.name_span[0]):
            u = UnitMention(u.name, u.type, u.span, u.name_span, u.group, counted=True)
        out.append(u)
    return out


def _plural_mentions(text: str) -> list[UnitMention]:
    """The names that share one plural type word, each a mention of its own type."""
    found: list[UnitMention] = []
    for start in _literal_hits(text, _PLURAL_LITERALS, (0,)):
        after = _PLURAL_AFTER_NAMES.match(text, start - 1) if start else None
        if after:
            names = name_before(text, after.start())
            group = _split_names(text, names.span(), after.group("type"), (names.start(), after.end())) if names else []
            if group:
                found.extend(group)
                continue
        before = _PLURAL_BEFORE_NAMES.match(text, start)
        if before and (start == 0 or not text[start - 1].isalpha()):
            names = _name_after(text, before.end())
            if names and text[names.end() : names.end() + 1] in (",", " ", "."):
                found.extend(_split_names(text, names.span(), before.group("type"), names.span()))
    return found


def _split_names(text: str, span: Span, type_words: str, whole: Span) -> list[UnitMention]:
    """One mention per name of a list ("Calderford and Moorside" -> two), or nothing when
    the names are not a list of two or more capitalised names."""
    unit_type = "YJS" if type_words[0] in "YyJ" else "PDU"
    items: list[Span] = []
    pos = span[0]
    for cut in _ITEM_SPLIT.finditer(text, span[0], span[1]):
        items.append((pos, cut.start()))
        pos = cut.end()
    items.append((pos, span[1]))
    if len(items) < 2 or not all(text[a].isupper() and _NAME.fullmatch(text, a, b) for a, b in items):
        return []
    return [UnitMention(text[a:b], unit_type, (a, b), (a, b), group=whole[1]) for a, b in items]


def _list_item(item: str) -> Span | None:
    """The name that is the whole of a list item ("and Dorset" -> "Dorset"), or None."""
    start = 4 if item.startswith("and ") else 0
    if _name_end_limit(item, start) < len(item) or not _NAME.fullmatch(item, start):
        return None
    return (start, len(item))


@dataclass(frozen=True)
class RegionMention:
    value: str
    span: Span


def find_region(text: str) -> RegionMention | None:
    """The probation region the document places its units in, or None.

    The dash form ("Probation Service – West Midlands region") is how the inspectorate
    names a region; it is preferred over the looser forms news reports use.
    """
    best: tuple[int, RegionMention] | None = None
    for group, start, _end, span in _prefixed(text, regions_only=True):
        if group == "region":
            found = (0, RegionMention(f"Probation Service – {text[span[0] : span[1]]}", (start, span[1])))
        elif group == "region2":
            found = (1, RegionMention(text[span[0] : span[1]], span))
        else:
            continue
        if best is None or found[0] < best[0]:
            best = found
        if found[0] == 0:
            return best[1]
    if best is None and "probation region" in text:
        # News style: "the South West probation region".
        for m in _PROBATION_REGION.finditer(text):
            before = name_before(text, m.start())
            if before:
                return RegionMention(before.group(), before.span())
    if best is None and "region" in text:
        # "the Wales region of the Probation Service", then "probation services in the East
        # Midlands region", or a headline's "North East region ..."
        for pattern in (_REGION_OF_SERVICE, _THE_REGION):
            for m in pattern.finditer(text):
                before = name_before(text, m.start())
                # after "the", or opening a line (a headline: "North East region probation
                # inspections show ...")
                if before and (
                    text[max(0, before.start() - 4) : before.start()].lower() == "the "
                    or text[before.start() - 1 : before.start()] in ("\n", "")
                ):
                    return RegionMention(f"{before.group()} region", (before.start(), m.start() + 7))
    return best[1] if best else None


_REGION_OF_SERVICE = regex.compile(r"(?<=[A-Za-z])[ ]region[ ]of[ ]the[ ]Probation[ ]Service\b")
_THE_REGION = regex.compile(r"(?<=[A-Za-z])[ ]region\b(?![ ]of\b)")


_PROBATION_REGION = regex.compile(r"(?<=[A-Za-z])[ ]probation[ ]region\b")
