"""Recommendations: the total, its split by recipient, and each item of a report.

Two sources, read separately and then joined:

- **Prose** (press releases, news, a report's foreword): "The report makes nine
  recommendations: six for the Head of Service ..., and three for the management board."
  gives the total and a split. Follow-up counts about an earlier inspection ("nine of the
  12 recommendations from our previous report had been met") are not this document's.
- **The list** (reports): recipient headings ending in "should:" ("Calderbrook PDU
  should:", "The Probation Service – North West region should:") each followed by
  numbered or bulleted items. The items give the split (one entry per heading) and, when
  the prose states no total, the total.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from inspection_extract._document import Document
from inspection_extract._vocab import WORD_NUMBER, parse_number
from inspection_extract.record import RecommendationItem, Recommendations, RecommendationSplit, Span

# --- vocabulary -------------------------------------------------------------------------

# A number as recommendations are counted: digits or words (the loaders spell out
# ligatures such as the "ﬁ" of "ﬁve", so the shared word pattern is enough).
_NUM = rf"(?:\d{{1,3}}|(?:{WORD_NUMBER}))"
# What is being counted. Ofsted calls its recommendations "areas for improvement", and its
# press releases "one area where the school could improve further".
# Ofsted's "one area where the school could improve further" / "needs to improve" names its
# recommendations; CQC's "one area where the practice should improve" is its category of
# advisory "should" actions, which CQC keeps apart from anything it calls a recommendation.
_REC = (
    r"(?:recommendations?|areas?\s+for\s+improvement"
    r"|areas?\s+(?:where|in\s+which)\s+[^.,;:\n]{1,40}?\s+(?:could|can|needs?\s+to|must)\s+improve)"
)
_APOS = r"['’]"
# Between a count and its noun: a space, or a line wrap, but not the line break before a
# heading ("Ratings .... 5" then "Recommendations .... 6" on a contents page).
_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*(?=(?-i:\p{Ll})))"  # lower case even under IGNORECASE

#: A paragraph worth reading: it mentions recommendations.
#: (Case spelt out, not IGNORECASE: it scans every document and is much faster so.)
_MENTIONS_REC = regex.compile(
    r"[Rr]ecommendation|RECOMMENDATION|[Aa]reas?\s+for\s+improvement|[Aa]reas?\s+(?:where|in\s+which)\s"
)

# Ofsted's "one area where the school could improve" is found by "rea where" / "rea in which".
_MENTION_WORDS = (
    "ecommendation",
    "ECOMMENDATION",
    "mprovement",
    "MPROVEMENT",
    "rea where",
    "reas where",
    "rea in which",
    "reas in which",
)

#: "eight recommendations", "11 new recommendations", "All six of the report's recommendations",
#: and a fact box's line "Recommendations: 7".
_TOTAL_RE = regex.compile(
    rf"""
    (?:
        \ball\s+(?P<n>{_NUM})\s+of\s+(?:the|its|our)\s+   # "All six of the report's recommendations"
            (?:(?:report|inspection|reports){_APOS}s?\s+)?
      | (?<![\w-])(?P<n>{_NUM}){_GAP}(?:new\s+)?         # "seven (new) recommendations"
      | (?<=\b(?:makes?|made|contains?|has|have|are|were)\s+)  # "The report makes no
            (?P<n>no)\s+(?:new\s+|further\s+)?               #  recommendations": zero
    )
    {_REC}\b
  | (?m:^)[^\S\n]*(?P<box>{_REC})[^\S\n]*:[^\S\n]*         # a fact box: "Recommendations: 7"
    (?P<n>{_NUM})[^\S\n]*(?m:$)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: The sentence opens on the total, then splits it: "Of the seven recommendations, five are
#: for the head of the PDU" (unlike "nine of the 12 recommendations", a part of another total).
_OF_THE_TOTAL = regex.compile(rf"\W*of\s+(?:the|its|our|this\s+report{_APOS}s)\s+$", regex.IGNORECASE)
#: ... or splits it at once: "Seven of the 11 recommendations are for the board" (the verb
#: that hands them to someone makes the 11 this report's, not an earlier one's).
_PART_OF_TOTAL_BEFORE = regex.compile(rf"(?<![\w-]){_NUM}\s+of\s+(?:the|its|our)\s+$", regex.IGNORECASE)
#: A total stated after its split: "five to the PDU and three to the region, eight in total".
_TOTAL_AFTER_SPLIT = regex.compile(
    rf"""
    (?<![\w-])(?P<n>{_NUM})\s+(?:(?:new\s+)?{_REC}\s+)?(?:in\s+(?:total|all)|altogether)\b
  | \ba\s+total\s+of\s+(?P<n>{_NUM})(?:\s+{_REC})?         # "making a total of eight", not
    (?=\s*[.;,)]|\s*$)                                   #   "a total of 46 cases"
    """,
    regex.IGNORECASE | regex.VERBOSE,
)

# Words just before a count that make it a part or an earlier report's count, not the
# total: "nine of the 12 recommendations", "The remaining three recommendations".
_NOT_TOTAL_BEFORE = regex.compile(
    r"""(?:
        \b(?:(?<!\btotal\s)of|remaining|other|further|these|those|previous|last|earlier|outstanding)
        (?:\s+(?:the|our|its|their|these))?
      )\s*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Words just after a count that tie it to an earlier inspection:
# "... recommendations from our previous report", "... recommendations we made then".
_NOT_TOTAL_AFTER = regex.compile(
    r"""^\s*(?:
        from\s+(?:our|the|its|that)\b                     # "from our last inspection"
      | (?:we|they|inspectors)\s+(?:had\s+)?made\s+(?:then|previously|last|in|at)\b
      | made\s+(?:in|at|after|then|previously|following)\b   # "made in our 2021 report"
      | (?:in|of)\s+(?:our|the|its)\s+(?:previous|last|earlier|first)\b
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
#: Recommendations of another body, named before the count: "The Lammy Review made 35
#: recommendations", "the Justice Committee's ten recommendations".
_OTHER_SOURCE = regex.compile(r"\b[A-Z][\w’']+\s+(?:Review|Inquiry|Commission|Committee)\b")
#: A sentence about what became of earlier recommendations (follow-up, not new ones).
_FOLLOW_UP = regex.compile(
    r"""
    \b(?:previous|last|earlier|prior)\s+(?:inspection|report|visit)s?\b
  | \bwe\s+made\s+then\b
  | \b(?:last|previously|first)\s+inspected\b                # "When we last inspected the PDU"
  | \b(?:had|has|have)\s+(?:now\s+)?(?:been\s+)?(?:fully\s+|partly\s+|partially\s+)?
      (?:implemented|met|achieved|completed|addressed|actioned)\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: ... unless the sentence says it is about this report's new ones.
_THIS_REPORT = regex.compile(r"\b(?:this|new)\s+(?:report|inspection|recommendations?)\b", regex.IGNORECASE)

# The verb that hands recommendations to someone: "six for the Head of Service",
# "Five of the recommendations were aimed at", "five of which are directed at".
_TO_VERB = r"(?:(?:aimed|directed|targeted|addressed)\s+(?:at|to)|for|to)"
_PART_LEAD = rf"""
    (?:new\s+)?
    (?:{_REC}\s+)?                                       # "six recommendations to the PDU"
    (?:of\s+(?:these|them|which|(?:the|its|our)\s+(?:\w+{_APOS}s\s+)?(?:{_NUM}\s+)?{_REC})\s+)?
                                                         # "of which", "of the report's 11 recommendations"
    (?:(?:are|were|is|was|go|went)\s+)?
    (?:(?:mainly|mostly|primarily|specifically)\s+)?
    {_TO_VERB}\s+
"""
#: The verb straight after "Seven of the 11 recommendations" (see _PART_OF_TOTAL_BEFORE).
_HANDED_AFTER = regex.compile(
    rf"\s+(?:are|were|is|was|go|went)\s+(?:(?:mainly|mostly|primarily|specifically)\s+)?{_TO_VERB}\s",
    regex.IGNORECASE,
)
_BULLET = r"[•\uf0b7▪●◦‣*\-–]"
#: Where a recipient ends: before the next part, a stop, or the next bullet of a list
#: ("makes nine recommendations:\n• six for the Regional Probation Director\n• three for HMPPS").
_PART_END = rf"""
    (?=
        \s+and\s+(?:{_NUM})\s+(?:{_PART_LEAD}|at\s)             # "... and one at HMPPS"
      | \s*[.;:,]\s | \s*[.;:,]?$ | \s+(?:including|so\s+that|which|who)\b
      | [^\S\n]*\n[^\S\n]*(?:{_BULLET}|\d{{1,2}}[.)])\s
    )
"""
#: One part of a split: a count and who it is for.
_PART_RE = regex.compile(
    rf"""
    (?:(?P<all>\ball|\bboth)|(?<![\w-])(?P<n>{_NUM}))\s+
    {_PART_LEAD}
    (?P<to>[^.;:,]+?)                                    # the recipient, as written
    {_PART_END}
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: A part that leaves out the verb of the part before it: "Five are aimed at the PDU, two at
#: the region, and one at HMPPS". Read only straight after a part.
@functools.cache
def _elliptic_part_re() -> regex.Pattern[str]:
    # Compiled on first use, not at import: read only straight after a split part.
    return regex.compile(
        rf"""
        (?:[^\S\n]*[,;][^\S\n]*(?:and\s+)?|\s+and\s+)
        (?:the\s+(?:remaining|other|last|final)\s+)?          # "..., and the remaining two at the region"
        (?P<n>{_NUM})\s+(?:at|to|for)\s+
        (?P<to>[^.;:,]+?)
        {_PART_END}
        """,
        regex.IGNORECASE | regex.VERBOSE,
    )
#: A recipient named before its count: "Eastwold PDU receives three recommendations and
#: Westwold PDU five".
_RECEIVES_RE = regex.compile(
    rf"""
    (?<!\w)(?P<to>(?:the\s+\w|(?-i:\p{{Lu}}))[^,;:.]{{0,80}}?)\s+
    (?:receive[sd]?|gets?|got|(?:is|was|has\s+been|have\s+been)\s+given)\s+
    (?P<n>{_NUM})\s+(?:new\s+)?{_REC}\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: The next recipient and count of that form, the verb and noun left out: "... and Westwold PDU five".
@functools.cache
def _receives_more_re() -> regex.Pattern[str]:
    # Compiled on first use, not at import: read only after a recipient-first part (rare).
    return regex.compile(
        rf"""
        (?:[^\S\n]*,[^\S\n]*(?:and\s+)?|\s+and\s+)
        (?P<to>(?:the\s+\w|(?-i:\p{{Lu}}))[^,;:.]{{0,80}}?)\s+
        (?P<n>{_NUM})
        (?=\s*[.;,]|\s*$|\s+and\s)
        """,
        regex.IGNORECASE | regex.VERBOSE,
    )
#: The recommendations spelt out after a colon, all for one body: "Inspectors made one
#: recommendation: that the management board should make sure ..." (news style).
_THAT_SHOULD = regex.compile(
    r"""[^\S\n]*:[^\S\n]*that\s+(?:the\s+)?
    (?P<to>[^,;:.]{1,80}?)\s+(?:should|must|needs?\s+to)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
#: A section heading over a unit's part of a news round-up: "Kestrel Downs: Good".
_HEADING_MAX = 80
_NOT_HEADING_END = ".;:!?,\"”’'"
#: Where the unit's name ends in its heading: "Kestrel Downs: Good", "Pellham – Inadequate".
_HEADING_NAME_END = regex.compile(r"\s*(?::|\s[–—-]\s)")
_SHOULD_WORD = regex.compile(r"\b(?:should|must|needs?\s+to)\b", regex.IGNORECASE)
# A recipient named after the verb: "aimed at changes at a local level, calling on
# Birmingham North, East and Solihull to improve ..." (the seed press release).
_CALLING_ON = regex.compile(r"\bcalling\s+on\s+(?:the\s+)?(?P<to>.+?)\s+to\s+\w", regex.IGNORECASE)
_GENERIC_TO = regex.compile(r"^(?:changes|improvements?|action)\b", regex.IGNORECASE)
# Words after "for"/"to" that say what the recommendations are for, not whom:
# "11 recommendations to improve the quality of work", "five recommendations for improvement".
_NOT_RECIPIENT = regex.compile(
    r"""^(?:
        improve|help|ensure|make|strengthen|reduce|address|support|build|develop|increase
      | tackle|drive|raise|tighten|secure|deliver|change|better|bring|keep|protect|prevent
      | improvement|improvements|action|development|consideration|practice
      | the\s+future|each|every|all|both|them|these|those
    )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
# After "makes 15 recommendations to government departments": a list of several bodies
# means these are the recipients of all of them, not a split.
_LIST_AFTER = regex.compile(
    r"^,\s+(?!(?:including|such|which|mainly|mostly|and|so|with|in|most|all|both)\b)"
    r"[^,.;]+(?:,\s+[^,.;]+)*\s+and\s+[^,.;]+\.?\s*$",
    regex.IGNORECASE,
)
_COUNT_THEN_REC = regex.compile(rf"{_NUM}\s+(?:new\s+)?{_REC}", regex.IGNORECASE)
_LEADING_THE = regex.compile(r"^the\s+", regex.IGNORECASE)
#: A sentence that continues the split of the one before: "Five are for the PDU itself".
#: Also an HTML list item after a colon, each <li> a paragraph of its own ("six for the PDU").
_PART_START = regex.compile(rf"(?:{_BULLET}\s*)?(?:the\s+remaining\s+)?{_NUM}\b", regex.IGNORECASE)


# --- the list of a report ---------------------------------------------------------------

#: A recipient heading: "The Probation Service – North West region should:".
_HEADING_RE = regex.compile(
    r"""^
    (?:[^\S\n]*[•\uf0b7▪●][^\S\n]*)?                        # a bulleted heading (council minutes)
    (?:(?:we\s+recommend\s+that|recommendations?\s+for)\s+)?   # "We recommend that the ..."
    (?:the\s+)?
    (?P<to>[^\d\s•\uf0b7▪●\-–].{1,140}?)                      # the recipient
    \s+should(?:,\s*[^:]{1,60})?\s*:\s*$                       # "should:" / "should, by June:"
    """,
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
)
#: A recipient heading that names the body first: "For the PDU:", "For HMPPS:", "To the
#: Regional Probation Director:", or, in a report summary, "For the Head of Larkspur Youth
#: Justice Service" on a line of its own over numbered items.
_FOR_HEADING_RE = regex.compile(
    r"""^
    (?:(?i:recommendations?)\s+(?:for|to)|For|To)\s+     # "For", "To", "Recommendations for"
    (?:
        (?i:the)\s+(?P<to>[^\s\d•\uf0b7▪●\-–][^\n.;!?:]{0,119}?)  # "the management board"
      | (?P<to>\p{Lu}[^\n.;!?:]{1,119}?)                  # or a name: "HMPPS", "Larkspur Council"
    )
    (?<![,\s])[^\S\n]*:?[^\S\n]*$                         # a colon, or nothing
    """,
    regex.VERBOSE | regex.MULTILINE,
)
#: Where such a heading may start: the cheap search for its candidates.
_FOR_START = regex.compile(r"^(?:For|To|[Rr]ecommendations?\s+(?:for|to))\s", regex.MULTILINE)
#: How far before a "For ..." heading the recommendations must have been mentioned: the
#: heading alone ("For the avoidance of doubt") does not say what its items are.
_FOR_CONTEXT = 600
#: Where a heading may end: the cheap search that finds heading candidates.
_SHOULD_COLON = regex.compile(r"\bshould(?:,[^:\n]{1,60})?[^\S\n]*:[^\S\n]*$", regex.MULTILINE)
#: An item line: "1. improve ...", "(2) ensure ...", "• make sure ...".
_ITEM_RE = regex.compile(
    r"""^[^\S\n]*
    (?:(?P<num>\d{1,2})[.)]|\((?P<num2>\d{1,2})\)|[•\uf0b7▪●◦‣\-–])   # number or bullet
    \s+(?=\S)
    """,
    regex.VERBOSE,
)
#: Page furniture between the halves of an item broken by a page: "6", "Page 5 of 22".
_PAGE_NUMBER = regex.compile(r"^(?:\d{1,3}|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$", regex.IGNORECASE)
_TRAILING_NUMBER = regex.compile(r"\s*\d{1,3}$")
_TERMINAL = ".;!?"
#: A line that introduces the list: the section heading of a report.
_SECTION_HEADING = regex.compile(r"^(?:our\s+)?recommendations:?$", regex.IGNORECASE)


# Reports that label each recommendation with its recipient in a bracket (PDU reports):
# "Recommendation 1 (for the head of the PDU): Make sure that ...".
_LABELLED_RE = regex.compile(
    r"""
    ^Recommendation[^\S\n]+(?P<num>\d{1,2})[^\S\n]*   # "Recommendation 4" opening a line
    \([^\S\n]*(?:for|to)[^\S\n]+(?:the[^\S\n]+)?     # "(for the "
    (?P<to>[^()\n]{1,100}?)[^\S\n]*\)                 # "head of the PDU)"
    [^\S\n]*[:.–—-][^\S\n]*                           # ": " before the item's text
    """,
    regex.MULTILINE | regex.VERBOSE,
)


@dataclass
class _Group:
    recipient: str
    heading: Span
    items: list[Span]


def recommendations(doc: Document) -> Recommendations | None:
    """The document's recommendations, or None if it makes none that it states.

    ``total`` is the stated number of this document's recommendations (else the number
    of items listed); ``split`` is the stated counts by recipient, or one entry per
    recipient heading of the list; ``items`` are the listed recommendations.
    """
    groups = _list(doc) or _labelled(doc)
    total, total_span, parts = _prose(doc)
    items = tuple(
        RecommendationItem(text=doc.text[s:e], span=(s, e), recipient=g.recipient)
        for g in groups
        for s, e in g.items
    )
    if groups:
        split = tuple(
            RecommendationSplit(count=len(g.items), recipient=g.recipient, span=g.heading)
            for g in groups
            if g.items
        )
    else:
        split = tuple(parts)
    if total is None and total_span is None and items:
        total = len(items)
    if total is None and not split and not items:
        return None
    return Recommendations(total=total, span=total_span, split=split, items=items)


# --- prose ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _number(raw: str) -> int | None:
    if raw.lower() == "no":
        return 0
    value = parse_number(unicodedata.normalize("NFKC", raw))
    return value if isinstance(value, int) else None


def _sentences(doc: Document, para: Span) -> list[Span]:
    """Sentences of a paragraph (the shared spaCy sentence starts)."""
    return doc.sentences_in(para) or [para]


def _is_follow_up(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` is about what became of an earlier inspection's recommendations."""
    sentence = text[s:e]
    return _FOLLOW_UP.search(sentence) is not None and _THIS_REPORT.search(sentence) is None


def _total_in(text: str, s: int, e: int) -> regex.Match[str] | None:
    """The first count of this document's recommendations in ``text[s:e]``."""
    follow_up = _is_follow_up(text, s, e)
    for m in _TOTAL_RE.finditer(text, s, e):
        if m.group("box"):
            # A fact box is read line by line: "Previous rating: not previously inspected"
            # above it is not about its recommendations.
            line_start = text.rfind("\n", s, m.start()) + 1 or s
            line_end = text.find("\n", m.end(), e)
            if _is_follow_up(text, line_start, e if line_end < 0 else line_end):
                continue
        elif follow_up:
            return None
        elif _NOT_TOTAL_BEFORE.search(text, max(s, m.start() - 30), m.start()) and not (
            _OF_THE_TOTAL.match(text, s, m.start())
            or (
                _PART_OF_TOTAL_BEFORE.search(text, max(s, m.start() - 30), m.start())
                and _HANDED_AFTER.match(text, m.end(), e)
            )
        ):
            continue
        if _OTHER_SOURCE.search(text, s, m.start()):
            continue
        if _NOT_TOTAL_AFTER.match(text[m.end() : e]):
            continue
        if _number(m.group("n")) is None:
            continue
        return m
    return None


def _split_part(
    doc: Document, m: regex.Match[str], e: int, count: int, to: Span, start: int
) -> tuple[RecommendationSplit, int] | None:
    """One part of a split from a match with a recipient ``to``, its evidence from
    ``start`` (the count or the recipient, not the ", and " before them), or None when
    the words after the verb say what the recommendations are for, not whom."""
    text = doc.text
    to_start, to_end = to
    words = text[to_start:to_end]
    if _NOT_RECIPIENT.match(words):
        return None
    if _GENERIC_TO.match(words):
        named = _CALLING_ON.search(text, m.end(), e)
        if named:
            to_start, to_end = named.span("to")
    recipient = _LEADING_THE.sub("", text[to_start:to_end])
    return RecommendationSplit(count=count, recipient=recipient, span=(start, m.end())), m.start("n")


def _parts_in(doc: Document, s: int, e: int, total: int | None) -> list[tuple[RecommendationSplit, int]]:
    """The split parts of one sentence, each with the offset its count starts at."""
    text = doc.text
    out: list[tuple[RecommendationSplit, int]] = []
    covered = s
    for m in _PART_RE.finditer(text, s, e):
        if m.start() < covered:
            continue  # already read as a part that left out its verb
        if m.group("n"):
            count = _number(m.group("n"))
        elif m.group("all").lower() == "both":
            count = 2
        else:
            count = total
        if count is None:
            continue
        if _LIST_AFTER.match(text[m.end("to") : e]) and m.group("n") and _COUNT_THEN_REC.match(m.group(0)):
            continue  # "15 recommendations to departments, the Board, forces and partnerships"
        part = _split_part(doc, m, e, count, m.span("to"), m.start())
        if part is None:
            continue
        out.append((part[0], m.start()))
        # "Five are aimed at the PDU, two at the region, and one at HMPPS".
        covered = m.end()
        while (more := _elliptic_part_re().match(text, covered, e)) is not None:
            n = _number(more.group("n"))
            part = None if n is None else _split_part(doc, more, e, n, more.span("to"), more.start("n"))
            if part is None:
                break
            out.append(part)
            covered = more.end()
    if out:
        return out
    # The recipient first: "Eastwold PDU receives three recommendations and Westwold PDU five".
    for m in _RECEIVES_RE.finditer(text, s, e):
        chain = [m]
        while (more := _receives_more_re().match(text, chain[-1].end(), e)) is not None:
            chain.append(more)
        for link in chain:
            n = _number(link.group("n"))
            part = None if n is None else _split_part(doc, link, e, n, link.span("to"), link.start("to"))
            if part is not None:
                out.append(part)
        break
    return out


def _rec_paragraphs(doc: Document) -> list[Span]:
    """The paragraphs that mention recommendations, in order.

    Found with ``str.find``: a regex alternation scanning the whole of every document
    cost more than the rest of this module together.
    """
    text = doc.text
    hits: list[int] = []
    for word in _MENTION_WORDS:
        at = text.find(word)
        while at != -1:
            hits.append(at)
            at = text.find(word, at + 1)
    if not hits:
        return []
    paragraphs = doc.paragraphs
    starts = [p[0] for p in paragraphs]
    found: set[int] = set()
    for at in hits:
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and i not in found and _MENTIONS_REC.search(doc.text, *paragraphs[i]):
            found.add(i)
    return [paragraphs[i] for i in sorted(found)]


def _following(doc: Document, sentences: list[Span], i: int) -> Iterator[Span]:
    """The sentences after ``sentences[i]`` in its paragraph, then, when the paragraph ends
    on a colon, the paragraphs after it that start with a count: an HTML list makes each
    <li> ("six for the Regional Probation Director") a paragraph of its own."""
    yield from sentences[i + 1 :]
    text = doc.text
    start, end = sentences[-1]
    if not text[start:end].rstrip().endswith(":"):
        return
    paragraphs = doc.paragraphs
    j = bisect.bisect_left([p[0] for p in paragraphs], end)
    for s, e in paragraphs[j:]:
        if not _PART_START.match(text, s, e):
            return
        yield s, e


def _split_alone(doc: Document, paragraphs: list[Span], skip: Span | None = None) -> list[RecommendationSplit]:
    """The first split stated in a sentence of its own ("Of the seven recommendations, five
    are for the head of the PDU and two for the region"), not in sentence ``skip``."""
    text = doc.text
    for para in paragraphs:
        for s, e in _sentences(doc, para):
            if (s, e) == skip or not _MENTIONS_REC.search(text, s, e) or _is_follow_up(text, s, e):
                continue
            parts = [p for p, _ in _parts_in(doc, s, e, None)]
            if parts:
                return parts
    return []


def _section_heading(doc: Document, para: Span) -> str | None:
    """The name in the nearest section heading above paragraph ``para``: "Kestrel Downs"
    from "Kestrel Downs: Good". A heading is a one-line paragraph that starts in upper
    case and does not end like a sentence; the document's title is not one."""
    text = doc.text
    paragraphs = doc.paragraphs
    i = bisect.bisect_left(doc._paragraph_starts, para[0])
    for k in range(i - 1, -1, -1):
        s, e = paragraphs[k]
        line = text[s:e]
        if (s, e) == doc.title_span or (doc.title_span and s <= doc.title_span[0] < e):
            return None
        if len(line) > _HEADING_MAX or "\n" in line or not line[:1].isupper() or line[-1] in _NOT_HEADING_END:
            continue
        return _HEADING_NAME_END.split(line, maxsplit=1)[0].strip() or None
    return None


def _per_unit(doc: Document, paragraphs: list[Span]) -> list[RecommendationSplit]:
    """One count per unit when the document gives each unit's recommendations apart and no
    total of its own: a news round-up's "Inspectors made three recommendations." under
    "Kestrel Downs: Good" and "Pellham received 11 recommendations." under "Pellham:
    Inadequate". Empty when any count names no unit, two name the same unit, or all the
    counts agree (a total said twice, in the story and in its notes)."""
    text = doc.text
    out: list[RecommendationSplit] = []
    for para in paragraphs:
        for s, e in _sentences(doc, para):
            if not _MENTIONS_REC.search(text, s, e) or _is_follow_up(text, s, e):
                continue
            m = _total_in(text, s, e)
            if m is None:
                continue
            n = _number(m.group("n"))
            if m.group("box") or n is None:
                return []  # a fact box states the document's own total
            parts = [p for p, _ in _parts_in(doc, s, e, n)]
            if len(parts) == 1 and parts[0].count == n:
                unit: str | None = parts[0].recipient  # "Pellham received 11 recommendations"
            elif parts:
                return []
            else:
                unit = _section_heading(doc, para)
            if unit is None:
                return []
            span = parts[0].span if parts else m.span()
            out.append(RecommendationSplit(count=n, recipient=unit, span=span))
            break  # one count per paragraph
    units = {p.recipient.casefold() for p in out}
    if len(out) < 2 or len(units) < len(out) or len({p.count for p in out}) < 2:
        return []
    return out


def _prose(doc: Document) -> tuple[int | None, Span | None, list[RecommendationSplit]]:
    """The total stated in prose (with its span) and the split stated around it."""
    text = doc.text
    paragraphs = _rec_paragraphs(doc)
    for para in paragraphs:
        sentences = _sentences(doc, para)
        for i, (s, e) in enumerate(sentences):
            if not _MENTIONS_REC.search(text, s, e):
                continue
            m = _total_in(text, s, e)
            if m is None:
                continue
            total = _number(m.group("n"))
            total_span: Span | None = m.span()
            found = _parts_in(doc, s, e, total)
            # The split may run on in the sentences after: "Five of the recommendations
            # were aimed at ... The remaining three recommendations were for ...".
            for s2, e2 in _following(doc, sentences, i):
                if _is_follow_up(text, s2, e2):
                    break
                if not (_MENTIONS_REC.search(text, s2, e2) or _PART_START.match(text, s2, e2)):
                    break
                found.extend(_parts_in(doc, s2, e2, total))
            parts = [p for p, _ in found]
            at_total = [p for p, start in found if start == m.start("n")]
            if at_total and len(parts) > 1:
                # "made five recommendations to the PDU and two to the region": a split, whose
                # total is stated only when the sentence goes on to say so ("eight in total").
                stated = _TOTAL_AFTER_SPLIT.search(text, m.end(), e)
                total, total_span = (None, None) if stated is None else (_number(stated.group("n")), stated.span())
            if not parts and total and (one := _THAT_SHOULD.match(text, m.end(), e)) is not None:
                # ... unless a second body is told what it should do in the same sentence.
                if _SHOULD_WORD.search(text, one.end(), e) is None:
                    parts = [RecommendationSplit(count=total, recipient=one.group("to"), span=(m.start(), one.end()))]
            if not parts or (len(parts) == 1 and at_total):
                # Several units, each with its own count and no total for them all.
                per_unit = _per_unit(doc, paragraphs)
                if per_unit:
                    return None, None, per_unit
            if not parts:
                # The total stands alone (a fact box's "Recommendations: 7"): the split, if
                # any, is in a sentence of its own.
                parts = _split_alone(doc, paragraphs, skip=(s, e))
            return total, total_span, parts
    # No total stated: a split alone ("Five of the recommendations are for the PDU").
    return None, None, _split_alone(doc, paragraphs)


# --- the list ---------------------------------------------------------------------------


def _list(doc: Document) -> list[_Group]:
    """The recipient groups of the report's list of recommendations, in order.

    Only the first run of consecutive groups is kept: the list appears once, and a
    later "should:" list (an annex, a glossary) is not more recommendations.
    """
    text = doc.text
    candidates = [m.start() for m in _SHOULD_COLON.finditer(text)]
    candidates.extend(m.start() for m in _FOR_START.finditer(text) if _for_heading_in_context(text, m.start()))
    if not candidates:
        return []
    lines = doc.lines
    starts = [line[0] for line in lines]
    for at in sorted(candidates):
        i = bisect.bisect_right(starts, at) - 1
        groups: list[_Group] = []
        while i < len(lines):
            s, e = lines[i]
            heading = _HEADING_RE.match(text, s, e) or _FOR_HEADING_RE.match(text, s, e)
            if heading is None:
                break
            group = _Group(recipient=heading.group("to"), heading=(s, e), items=[])
            i = _read_items(doc, i + 1, group)
            if not group.items:
                break
            groups.append(group)
        if groups:
            return groups
    return []


def _labelled(doc: Document) -> list[_Group]:
    """The recipient groups of a list whose items each name their recipient in a bracket.

    Each item runs from after its label to the end of its paragraph, or to the next
    labelled line (PDF text can lose the blank line between two items). Numbering must
    run 1, 2, 3 ...: a cross-reference ("see Recommendation 4 (for ...)") is not a list.
    Items of one recipient make one group, in order of the recipient's first item.
    """
    text = doc.text
    matches = list(_LABELLED_RE.finditer(text))
    groups: dict[str, _Group] = {}
    expected = 1
    for k, m in enumerate(matches):
        if int(m.group("num")) != expected:
            break
        expected += 1
        start = m.end()
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if k + 1 < len(matches):
            end = min(end, matches[k + 1].start())
        end = len(text[start:end].rstrip()) + start
        if end <= start:
            continue
        to = m.group("to")
        group = groups.get(to.lower())
        if group is None:
            group = groups[to.lower()] = _Group(recipient=to, heading=m.span("to"), items=[])
        group.items.append((start, end))
    return list(groups.values())


def _for_heading_in_context(text: str, at: int) -> bool:
    """True when a "For ..." heading at ``at`` is under talk of recommendations: the
    heading says so itself, or the text shortly before it mentions them."""
    return text.startswith(("Recommendation", "recommendation"), at) or (
        _MENTIONS_REC.search(text, max(0, at - _FOR_CONTEXT), at) is not None
    )


def _is_furniture(doc: Document, line: str) -> bool:
    """A page number, or a running header: a line repeated on three or more pages."""
    if _PAGE_NUMBER.match(line):
        return True
    header = _TRAILING_NUMBER.sub("", line)
    return len(header) > 12 and doc.line_counts[header] >= 3


def _read_items(doc: Document, i: int, group: _Group) -> int:
    """Read the items under a heading from line ``i``; return the index of the next line."""
    text = doc.text
    lines = doc.lines
    last_num: int | None = None
    current: list[int] | None = None  # [start, end] of the open item
    frozen = False  # the open item was broken by page furniture: its span stops there
    marked: bool | None = None  # items carry numbers or bullets (True) or nothing (False)
    i0 = i
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        blank_before = i > i0 and "\n\n" in text[lines[i - 1][1] : s]
        if _is_furniture(doc, line):
            frozen = current is not None
            i += 1
            continue
        if line.rstrip().endswith(":") and _HEADING_RE.match(line):
            break  # the next recipient's heading, bulleted or not
        item = _ITEM_RE.match(line)
        if item is not None:
            raw = item.group("num") or item.group("num2")
            num = int(raw) if raw else None
            if num is not None and last_num is not None and num != last_num + 1:
                break  # "1. Organisational delivery" after item 7: the list is over
            _close(group, current)
            current = [s + item.end(), e]
            frozen = False
            last_num = num
            marked = True
            i += 1
            continue
        if _FOR_HEADING_RE.match(line) and (
            current is None or text[current[1] - 1] in _TERMINAL or line.rstrip().endswith(":")
        ):
            break  # the next recipient's heading, not a wrapped line of this item
        if line[:1].islower() and not marked and (current is None or blank_before):
            # HTML lists lose their numbers: each <li> is a paragraph of its own, starting
            # with the verb ("improve the quality ..."), under the recipient's heading.
            _close(group, current)
            current = [s, e]
            frozen = False
            marked = False
            i += 1
            continue
        if current is None:
            break
        # A wrapped line continues the open item while that item has not ended a
        # sentence, or when the line starts in lower case; a blank line ends it unless
        # the item is visibly unfinished.
        prev_end = text[current[1] - 1]
        unfinished = prev_end not in _TERMINAL
        if blank_before and not (unfinished and line[:1].islower()):
            break
        if not (unfinished or line[:1].islower()):
            break
        if not frozen:
            current[1] = e
        i += 1
    _close(group, current)
    return i


def _close(group: _Group, current: list[int] | None) -> None:
    if current is not None and current[1] > current[0]:
        span = (current[0], current[1])
        if not group.items or group.items[-1] != span:
            group.items.append(span)
