"""Who is speaking: reading the subject of an attribution ("Justin Russell, Chief
Inspector of Probation", "he", "Mr Jones", "A Probation Service spokesperson").

`parse_subject` turns the words around a speech verb into a `Ref`: a person's name with
the role written beside it, a surname with a title ("Mr Russell"), a pronoun, a definite
description ("the chief inspector") or an unnamed speaker's description. `quotes.py`
resolves the references that need an earlier mention (pronoun, surname, description).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from inspection_extract.record import Span

#: Verbs that attribute direct or reported speech. "put it" is the blogger's "X put it
#: more politely than I would:"; "went on" is the press release's "The Chief Inspector went
#: on:"; "welcomed" is the council's "Cllr X welcomed the report, saying:". Order: longer
#: forms first ("went on to say" before "went on").
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "saying", "added", "adds", "adding", "continued", "continues", "continuing",
    "went on to say", "goes on to say", "went on", "goes on", "commented", "comments",
    "explained", "explains", "stated", "states", "told", "tells", "warned", "warns", "noted",
    "notes", "remarked", "concluded", "concludes", "wrote", "writes", "responded", "responds",
    "replied", "observed", "observes", "urged", "insisted", "acknowledged", "acknowledges",
    "admitted", "admits", "argued", "cautioned", "emphasised", "emphasized", "stressed",
    "highlighted", "declared", "pointed out", "points out", "reflected", "reflects", "welcomed",
    "welcomes", "confirmed", "conceded", "recalled", "announced", "summed up", "put it", "reported",
)
VERB_PATTERN = r"(?:" + "|".join(v.replace(" ", r"\s+") for v in SPEECH_VERBS) + r")"

#: Titles written before a name and not part of it ("Dame Glenys Stacey" -> "Glenys Stacey").
HONORIFICS: frozenset[str] = frozenset(
    "Mr Mrs Ms Miss Mx Dr Dame Sir Lord Lady Baroness Baron Cllr Councillor Professor Prof Rev "
    "Revd Judge Dean".split()
)

#: Capitalised words that belong to a role or an organisation, never to a person's name:
#: the run of name words is cut where one of these appears
#: ("HM Inspector of Constabulary Roy Whitbread" -> "Roy Whitbread").
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """Chief Inspector Inspectors Inspectorate Probation Majesty Majesty's His Her Director Deputy
    Assistant Member Cabinet Executive Manager Officer Officers Council County City Borough
    Service Services Police Crime Commissioner Government Minister Secretary Board Trust Head
    Leader Chair Chairman Chairwoman Chairperson President Spokesperson Spokesman Spokeswoman
    Constabulary Youth Justice Care Quality Commission National Regional Region Social Children
    Children's Education Health Adult Prisons Prison Court Courts Team Unit Lead Governor Mayor
    General Portfolio Holder Union Local Senior Principal Operations Operational Strategic
    Corporate Interim Acting Cabinet Safeguarding Partnership Foundation Hospital Hospitals
    University College School Department Office Ministry Home Welsh English Scottish British
    The A An Of And For In On At To He She They It We I Inspection Report Today Yesterday
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Ofsted Napo""".split()
)

#: Nouns that make a phrase a role or a description of a speaker, not just any phrase
#: ("In their letter to the council" is neither; "a Probation Service spokesperson" is).
ROLE_NOUNS = regex.compile(
    r"""\b(?:
        inspectors?|chief|director|member|manager|officers?|spokes(?:person|man|woman)
        |executive|holder|representative|chair(?:man|woman|person)?|leader|head|commissioner
        |minister|secretary|governor|mayor|councillor|lead|worker|practitioners?|staff
        |person|people|child(?:ren)?|parent|carer|victim|volunteer|partner|president
        |board|inspectorate|service|council|government|trust|union|spokesperson
        # people a report quotes by what they do: court users, partners, families
        |magistrates?|judges?|sentencers?|police|solicitors?|mentors?|tutors?|students?
        |learners?|pupils?|patients?|residents?|relatives?|mothers?|fathers?|teachers?
        |nurses?|doctors?|social\s+workers?|clinicians?|employers?
        # a document speaks too: "The report stated:", "the watchdog said"
        |report|watchdog|regulator
    )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)

#: Lower-case words that tie a place or body to a role ("Director for South Central",
#: "Head of Kestrel Downs"): capitalised words right after one are not a person's name.
ROLE_PREPOSITIONS: frozenset[str] = frozenset("for of in at across".split())

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})

# One word of a person's name: "Justin", "Lewis-Hume", "Mcalister", "O'Neill", "McAlister".
_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}]*(?:['’\-]?\p{Lu}?\p{Ll}+)+")
# The words of a comma part, found from its end back (``_name_in`` reads the last few).
_TOKEN_BACKWARDS = regex.compile(r"(?r)[\p{L}'’\-]+")
# Words that open a comma part that is neither name nor role: "of the probation union Napo",
# "adding that ...", "speaking to the Gazette".
_SKIP_PART = regex.compile(
    r"^(?:of|in|at|from|for|who|which|adding|speaking|writing|and|but|when|while|after|before|as"
    r"|commenting|responding|reacting|welcoming|following|asked)\b",
    regex.IGNORECASE,
)
#: Letters after a name that are not part of it ("Martin Jones CBE said").
POST_NOMINALS: frozenset[str] = frozenset("CBE OBE MBE DBE KBE KC QC MP MSP MS JP BEM".split())
_DOCUMENT_ROLE = regex.compile(r"(?i)(?:the\s+)?(?:inspection\s+)?(?:report|watchdog|regulator)")
_AUTHOR_OF_REPORT = regex.compile(
    r"\s*(?P<owner>[^,;:.]{2,60}?)['’]s[ ](?:(?:latest|new|final|inspection|annual)[ ])?report", regex.IGNORECASE
)
_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
_THE_BEFORE = regex.compile(r"\bthe\s+$", regex.IGNORECASE)  # "the" right before a role
_EDGE_JUNK = " \t\n,;:.–—-\"“”‘’'"

#: "bare" is a surname alone as the subject ("Williams said"): a person only if named in
#: full earlier in the document.
Kind = Literal["name", "surname", "bare", "pronoun", "definite", "description"]


@dataclass(frozen=True)
class Ref:
    """A reference to a speaker as written: ``text[span]`` is ``value``."""

    kind: Kind
    value: str
    span: Span
    role: str | None = None


def _name_in(text: str, offset: int) -> tuple[Ref, Span] | None:
    """The person's name that ends ``text`` (a comma part), as a Ref and the span of the
    whole name run (honorific included), or None when the part ends in no name."""
    run: list[tuple[int, int, str]] = []
    # The words from the last one back, read only as far as the name goes (a part may be
    # a long clause of reported speech); a name word begins with a capital, so the
    # pattern is tried only on those.
    for m in _TOKEN_BACKWARDS.finditer(text):
        tok = (m.start(), m.end(), m.group())
        word = tok[2]
        if not run and word in POST_NOMINALS:
            continue
        if word in HONORIFICS:
            run.insert(0, tok)
            break
        if len(run) == 3:
            break
        if word in NOT_NAME_WORDS or not (word[0].isupper() and _NAME_WORD.fullmatch(word)):
            if word in ROLE_PREPOSITIONS:
                # "Regional Probation Director for South Central, Imogen Hart": capitals
                # after "for" / "of" are the place of a role, not a name
                return None
            break
        run.insert(0, tok)
    if not run:
        return None
    has_title = run[0][2] in HONORIFICS
    words = run[1:] if has_title else run
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    value = text[start:end]
    span = (offset + start, offset + end)
    whole = (offset + run[0][0], offset + end)
    if len(words) >= 2:
        return Ref("name", value, span), whole
    if has_title:
        # "Mr Russell": a surname to be resolved to the full name given earlier.
        return Ref("surname", value, span), whole
    return None


def _whole_name(part: str, offset: int) -> bool:
    """True when a comma part is a person's name and nothing else ("Tom Lyons")."""
    found = _name_in(part, offset)
    if found is None or found[0].kind != "name":
        return False
    trimmed = _trimmed(part, offset)
    return trimmed is not None and trimmed[1][0] == found[1][0]


def _trimmed(text: str, offset: int) -> tuple[str, Span] | None:
    """``text`` without edge punctuation and a leading article, with its span."""
    start, end = 0, len(text)
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    m = _ARTICLE.match(text, start, end)
    if m:
        start = m.end()
    if start >= end:
        return None
    return text[start:end], (offset + start, offset + end)


def parse_subject(text: str, offset: int) -> Ref | None:
    """The speaker referred to by ``text`` (which starts at ``offset`` in the document).

    >>> parse_subject("Justin Russell, Chief Inspector of Probation", 0)
    Ref(kind='name', value='Justin Russell', span=(0, 14), role='Chief Inspector of Probation')
    >>> parse_subject("he", 0).kind
    'pronoun'

    Returns None when the words name nobody ("The report describes the scheme as").
    """
    # A pronoun alone, or closing a parenthetical attribution that interrupts the sentence
    # ("The inspectorate, she added, “found ...”": the speaker is "she", not the inspectorate).
    last = text.rstrip(_EDGE_JUNK)
    cut = last.rfind(",") + 1
    stripped = last[cut:].strip(_EDGE_JUNK).lower()
    if stripped in PRONOUNS:
        at = cut + last[cut:].lower().index(stripped)
        return Ref("pronoun", text[at : at + len(stripped)], (offset + at, offset + at + len(stripped)))
    # "Russell's report states": the report speaks for its author
    owner = _AUTHOR_OF_REPORT.fullmatch(last)
    if owner is not None:
        ref = parse_subject(owner.group("owner"), offset + owner.start("owner"))
        if ref is not None and ref.kind in ("name", "bare", "surname"):
            return ref
    parts: list[tuple[str, int]] = []  # the comma parts, each with its offset
    pos = 0
    for part in text.split(","):
        parts.append((part, offset + pos))
        pos += len(part) + 1
    # An opening phrase is neither speaker nor role, however long: "Commenting on the
    # report published today by ..., Peter Dawson, director of ..., said".
    while parts and _SKIP_PART.match(parts[0][0].strip()):
        parts.pop(0)
    if sum(len(part.split()) for part, _ in parts) > 18:
        return None
    # A part that is nothing but a name names the speaker before a name that ends a longer
    # part ("Managing director of the home's operator Black Swan, Tom Lyons, said").
    alone = next((i for i, (part, o) in enumerate(parts) if _whole_name(part, o)), None)
    name: Ref | None = None
    roles: list[tuple[str, Span]] = []
    for i, (part, part_offset) in enumerate(parts):
        lead = len(part) - len(part.lstrip())
        if not part.strip() or _SKIP_PART.match(part.strip()):
            continue
        found = _name_in(part, part_offset) if name is None and (alone is None or alone == i) else None
        if found is not None:
            name, whole = found
            before = _trimmed(part[: whole[0] - part_offset], part_offset)
            if before and ROLE_NOUNS.search(before[0]):
                roles.insert(0, before)
            continue
        piece = _trimmed(part[lead:], part_offset + lead)
        if piece and ROLE_NOUNS.search(piece[0]):
            roles.append(piece)
    if len(roles) > 1 or name is not None:
        # "The report, the chief inspector added", "The report, Ms Kowalska said": the
        # document is neither the speaker nor the speaker's role here
        roles = [r for r in roles if not _DOCUMENT_ROLE.fullmatch(r[0])] or ([] if name else roles)
    role = roles[0][0] if roles else None
    if name is not None:
        return Ref(name.kind, name.value, name.span, role)
    if not roles and len(parts) == 1:
        bare = _trimmed(parts[0][0], parts[0][1])
        if bare and bare[0] not in NOT_NAME_WORDS and _NAME_WORD.fullmatch(bare[0]):
            return Ref("bare", bare[0], bare[1])
    if roles:
        value, span = roles[-1]
        # "the chief inspector" (also after an opening phrase: "In its report, the chief
        # inspector said") means someone named earlier; "a spokesperson" is a description.
        definite = len(roles) == 1 and _THE_BEFORE.search(text, 0, span[0] - offset) is not None
        kind: Kind = "definite" if definite else "description"
        return Ref(kind, value, span)
    return None
