"""Rating phrases and what each one rates, read from its local syntax.

A rating word is a unit's rating only in a rating construction ("rated ‘Good’",
"an overall rating of ‘Inadequate’", "judged to ‘require improvement’", a quoted
headline word). The same word is something else when it lists the scale ("‘Outstanding’,
‘Good’, ‘Requires improvement’ and ‘Inadequate’"), counts ratings ("‘Good’ in 10",
"three of those PDUs were rated"), gives an earlier rating ("last inspected in 2019,
when it was rated good", "raised from X to Y") or describes ("good practice").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Literal

import regex

from inspection_extract._spans import Spans, overlaps
from inspection_extract._vocab import (
    EXTRA_RATING_FORMS,
    RATING_FORMS,
    RATING_PATTERN,
    RATING_RE,
    folds_apart,
    matches_at,
    normalise_rating,
    search_end,
)
from inspection_extract.record import Span

#: "tally": a count of ratings ("‘Good’ in ten", "nine of the 13 areas were rated"), the rating
#: of no unit, but of the aspects it may go on to name ("... in nine out of 13 key areas,
#: including ‘partnerships and services’").
#: "bodies": a count of bodies given one rating ("eight trusts were rated"), the rating of
#: no unit and of no aspect.
Kind = Literal["current", "previous", "both", "tally", "bodies"]
# The parts of a body a count before a rating counts: "nine of the 13 areas were rated".
_COUNTED_PARTS = regex.compile(
    r"\b(?:areas?|standards?|aspects?|categor(?:y|ies)|judgements?|domains?|questions?|elements?|pillars?"
    r"|themes?|strands?)\b",
    regex.IGNORECASE,
)

_NUMBER_WORDS = tuple("one two three four five six seven eight nine ten eleven twelve none".split())
_NUM_WORDS = "|".join(_NUMBER_WORDS) + r"|\d{1,3}(?!\d)"

# Ratings tables in reports: "1.1 Leadership Requires improvement", "P 1.1 Governance and
# leadership Good", "1.1 Leadership | Requires improvement" (PDF cells); the rating may wrap
# onto the next line ("Requires \nimprovement") and may be split by extraction.
# The three table patterns each hold the whole split-tolerant rating pattern, ~17 ms each to
# compile, and most documents have no table: they are compiled on first use, and tried only
# at the starts of lines that can begin a row (see `_row_starts`).
_STANDARD = rf"""
    ^(?:[PR][ ]+)?                                  # the P/R marker of youth reports
    (?P<id>\d{{1,2}}\.\d{{1,2}})[ ]+                # standard number
    (?P<aspect>[^\n|]*?[^\s|.])                      # standard name, one line
    [ ]*(?:\|[ ]*|\.{{3,}}[ ]*)?                      # a cell border or dot leaders
    (?:(?P<rating>{RATING_PATTERN})|(?P<nr>[Nn]ot[ ]rated))
    (?:[ ]+(?:\|[ ]*)?(?:\d{{1,2}}|[–—-]))?             # a score column: "Outstanding 3", "Good | 2"
    [ ]*$
    """
# "Overall rating: Good", "Overall effectiveness ..... Good", "Overall: Requires improvement
# read more about inspection ratings" (a CQC service page, its link text run on).
# A web page's table copied one cell a line puts the rating alone on the next line.
_OVERALL = (
    rf"^Overall(?:[ ](?:rating|effectiveness|summary[ ]&[ ]rating))?"
    rf"(?:[ ]*(?:[:|]|\.{{3,}}|…+)?[ ]*|[ ]*:?[ ]*\n(?:[ \t]*\n)?)"
    rf"(?P<rating>{RATING_PATTERN})(?:[ ]to[ ]be[ ]good)?(?:[ ]read[ ]more\b[^\n]*)?[ ]*$"
)
# Judgement lists, one per line: "• Leadership – ‘Requires improvement’", "Safe – inadequate",
# "The experiences and progress of children in care: good" (CQC, Ofsted, regional releases);
# "The quality of education ........ Good" (an Ofsted grade table with dot leaders).
_LIST_LINE = rf"""
    ^(?:[•*·-][ ]*)?
    (?:Are[ ]services[ ](?P<question>[a-z-]+)\?[ ]*                 # CQC: "Are services safe? Good"
      |(?P<aspect>[A-Z][^\n:–—|]{{0,120}}?)[ ]*(?:[:–—|-]|\.{{3,}}|…+)[ ]*)  # "|": an Ofsted grade table
    [‘'"“]?(?P<rating>{RATING_PATTERN})(?:[ ]to[ ]be[ ]good)?[’'"”]?\.?
    (?(question)(?:[ ]*\([^)\n]{{0,60}}\))?)                           # "(previously requires improvement)"
    [ ]*$
    """
# A ratings table whose rows carry no standard number, under numbered domain headings
# ("1. Organisational delivery" / "Leadership Requires improvement" / "Staff Good"): the
# rows are the domain's standards in order, 1.1, 1.2, ... (a CRC report's summary table).
_DOMAIN_ROW = rf"(?P<aspect>[A-Z][^\n|:]{{0,60}}?[^\s|.:])[ ]*(?:\|[ ]*)?(?P<rating>{RATING_PATTERN})[ ]*$"
_STANDARD_ID = regex.compile(r"\s*\((?:standard[ ])?(?P<id>\d{1,2}\.\d{1,2})\)$", regex.IGNORECASE)
_TABLE_FLAGS = regex.MULTILINE | regex.IGNORECASE
_DOMAIN_HEAD = regex.compile(r"(?P<n>\d)\.[ ][A-Z][^\n]{0,76}$", regex.MULTILINE)


@cache
def _standard_re() -> regex.Pattern[str]:
    return regex.compile(_STANDARD, regex.VERBOSE | _TABLE_FLAGS)


@cache
def _overall_re() -> regex.Pattern[str]:
    return regex.compile(_OVERALL, _TABLE_FLAGS)


@cache
def _domain_row_re() -> regex.Pattern[str]:
    return regex.compile(_DOMAIN_ROW, _TABLE_FLAGS)


@cache
def _list_line_re() -> regex.Pattern[str]:
    return regex.compile(_LIST_LINE, regex.VERBOSE | _TABLE_FLAGS)


_BULLETS = frozenset("•*·-")
_LIST_SEPARATORS = (":", "–", "—", "-", "|")


def _row_starts(text: str) -> tuple[list[int], list[int], list[int]]:
    """Offsets of the lines that can begin a standard row, an "Overall rating" row and a
    judgement-list line: a necessary first character (or word) and, for a list line, a
    separator on the line."""
    standard: list[int] = []
    overall: list[int] = []
    listed: list[int] = []
    pos = 0
    for line in text.split("\n"):
        if line:
            first = line[0]
            if first in "PRpr" or first.isdigit():
                standard.append(pos)
            if line[:7].lower() == "overall":
                overall.append(pos)
            if (first in _BULLETS or first.isalpha()) and (
                any(c in line for c in _LIST_SEPARATORS) or "..." in line or "…" in line or "?" in line
            ):
                listed.append(pos)
        pos += len(line) + 1
    return standard, overall, listed


def _rows(pattern: regex.Pattern[str], text: str, starts: list[int]) -> list[regex.Match[str]]:
    """``pattern.finditer(text)`` for a line-anchored pattern, tried only at ``starts``."""
    return list(matches_at(pattern, text, starts))


# The four-point scale or a tally: three or more different ratings in one sentence.
# A count of ratings: "‘Good’ in 10", "‘Inadequate’ ratings for nine out of 12".
_TALLY_AFTER = regex.compile(rf"^[’'”\"]?\s*(?:in|ratings?[ ]for)\s+(?:{_NUM_WORDS})\b", regex.IGNORECASE)
# "‘Requires improvement’ in one – planning": the tally names the standard.
_TALLY_NAMED = regex.compile(r"^[’'”\"]?\s*in\s+one\s*[–—-]\s*(?P<aspect>[a-z][\w -]{2,40}?)[.;,]")
# A counted or quantified subject: "three of those PDUs were rated", "None was rated",
# "one of only three PDUs to be rated", "the other two ‘Requires improvement’", "two good".
# "more than half were rated ‘Good’", "70 per cent of the 33 services": a share, not a unit.
_QUANTITY_PHRASES = (
    "half", "a third", "a quarter", "two-thirds", "three-quarters", "most", "many", "several", "majority", "all",
    "some", "few",
)  # fmt: skip
_QUANTITIES = "|".join(q.replace(" ", "[ ]") for q in _QUANTITY_PHRASES) + r"|\d+[ ]?(?:%|per[ ]cent)"
_TALLY_VERB = r"(?:rated|ranked|judged|assessed|graded|found[ ]to[ ]be)"
_NO_BODY = regex.compile(r"\b(?:no|none|not[ ]a[ ]single|not[ ]one|neither)\b[^.;]*$", regex.IGNORECASE)
# The mark that may open a quoted rating, ending the words before it: an opening mark, or
# a closing one typed in its place ("upgraded to ’good’").
_OPENING_MARK = "[‘'\"“’”]?"
_TALLY_END = r"[ ]*(?:as[ ])?" + _OPENING_MARK + "$"
_TALLY_BEFORE = regex.compile(
    rf"""
    (?:^|[\s,(])(?:(?:{_NUM_WORDS}|{_QUANTITIES})(?:[ ](?!and\b|but\b)\w+)?
                  [ ](?:were|was|to[ ]be|are|is|ha(?:ve|s)[ ]been)[ ]{_TALLY_VERB}
      |(?:with|further)[ ](?:{_NUM_WORDS})[ ]{_TALLY_VERB}         # "with 19 judged as", "a further 17 found to be"
      |the[ ]other[ ](?:{_NUM_WORDS})(?:[ ]\w+[ ](?:were|are)[ ](?:rated|judged))?  # "The other four areas were judged"
      |(?:^|,[ ]|and[ ])(?:{_NUM_WORDS})(?:[ ]rated)?)
    {_TALLY_END}
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,  # anchored at the end: see _CUE_BEFORE
)
# "three of those PDUs were rated", "most of the 12 areas are rated": a count, "of", then a
# gap to the verb. Apart from `_TALLY_BEFORE`, searched only where " of" is: the lazy gap
# is the costly part.
_TALLY_OF_BEFORE = regex.compile(
    rf"""
    (?:^|[\s,(])(?:{_NUM_WORDS}|{_QUANTITIES})[ ]of\b[^.;,]*?
                  [ ](?:(?:were|was|to[ ]be|are|is|ha(?:ve|s)[ ]been)[ ](?:now[ ])?|now[ ]){_TALLY_VERB}
    {_TALLY_END}
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# "no PDU was rated", "each of the areas judged": a quantifier, then a gap to the verb.
# Apart from `_TALLY_BEFORE`, searched only after its words (`_tally_before`): the gap is
# the costly part. (One word character after the space, the rest in the gap: the same
# strings as a word run, without a word run backtracking inside a lazy gap.)
_QUANTIFIERS = ("every", "each", "any", "no")  # (and "not a single", "not one")
_TALLY_QUANTIFIED_BEFORE = regex.compile(
    rf"""
    (?:^|[\s,(])(?:every|each|any|no|not[ ]a[ ]single|not[ ]one)[ ]\w[^.;]*?{_TALLY_VERB}
    {_TALLY_END}
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_CONDITIONAL = regex.compile(r"\b(?:if|between|below|above|or more|or less)\b", regex.IGNORECASE)
_SCALE_GAP = regex.compile(r"[’'”\"]?[\s,/]*(?:(?:and|or|to|through|then)[\s,]+)?[‘'\"“]?", regex.IGNORECASE)
_HYPOTHETICAL_AFTER = regex.compile(r"^[’'”\"]?\s*or\s+(?:better|worse|above|below)\b", regex.IGNORECASE)
# "rated ‘Good’ or ‘Outstanding’ in each area": a range of ratings, neither of them given.
# (plain forms: the split-tolerant pattern costs tens of milliseconds to compile)
_ALL_PLAIN_FORMS = [f for table in (RATING_FORMS, EXTRA_RATING_FORMS) for forms in table.values() for f in forms]
_ANY_RATING = "|".join(r"[ ]".join(f.split()) for f in sorted(_ALL_PLAIN_FORMS, key=len, reverse=True))
_OR_RATING_AFTER = regex.compile(rf"^[’'”\"]?,?\s*or\s+[‘'\"“]?(?:{_ANY_RATING})\b", regex.IGNORECASE)
_OR_RATING_BEFORE = regex.compile(rf"\b(?:{_ANY_RATING})[’'”\"]?,?\s*or\s+[‘'\"“]?$", regex.IGNORECASE)

# A rating construction just before the rating word, for ratings without quote marks.
_CUE_BEFORE = regex.compile(
    r"""
    (?:\b(?:rated|judged|graded|assessed|found|rating|grade|judgement)
       (?:[ ]as|[ ]of|[ ]to[ ]be|[ ]being)?
     |\bfrom(?:[ ]the)?
     |\b(?:downgraded|downgrades|upgraded|raised|fell|falls|dropped|lowered)\b[^.;]{0,80}?\bto
     |\bfrom[ ][^.;]{3,30}?[ ]to
     |\bwith[ ]a[ ]rating[ ]of
     |\b(?:rate[sd]?|judged|graded|assessed)[ ][^.;]{1,80}?[ ]as  # "has rated Orchard Lane Surgery as"
     |\b(?:judged|rated|found|graded|deemed)[ ]it(?:[ ]to[ ]be|[ ]as)?  # "inspectors judged it"
     |\b(?:found|judged|deemed)[ ]to                   # "found to require improvement"
     |\bawarded(?:[ ]a[ ]rating[ ]of)?
     |\bsingled[ ]out[ ]as
     |\bdescribed[ ]as
     # "was found by inspectors to be good", "rated by the CQC as good"
     |\b(?:found|judged|rated|assessed|graded|deemed)[ ]by[ ][^.;]{1,40}?[ ](?:to[ ]be|as)
     # "The overall rating of the service was Good", "the overall rating is"
     |\b(?:rating|grade|judgement)(?:[ ](?:of|for)[ ][^.;]{1,40}?)?[ ](?:was|is|remains|remained)
     # "the overall judgement was that CYJS was good"
     |\b(?:rating|grade|judgement|verdict)[ ](?:was|is)[ ]that[ ][^.;,]{1,60}?[ ](?:was|is|were|are)
    )[ ]*"""
    + _OPENING_MARK
    + r"""(?:overall[ ]+)?$                    # "rated as “overall outstanding”"
    """,
    # Searched backwards from the end it is anchored to: one attempt instead of one per
    # offset of the text before the rating. Only whether it matches is used.
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# The rating verb, its object a name, then the rating unquoted: "The CQC rated Boundary House
# medical centre and Wigton medical practice outstanding".
_RATED_NAME_BEFORE = regex.compile(
    r"""\b(?:rated|rates|judged|graded|deemed)[ ]
        (?-i:(?:[A-Z][\w’'&-]*[ ]){1,6}(?:[a-z]+[ ]){0,2}
             (?:(?:and|&)[ ](?:[A-Z][\w’'&-]*[ ]){1,6}(?:[a-z]+[ ]){0,2})?)
        (?:as[ ])?$""",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# The words `_CUE_BEFORE` and `_TALLY_BEFORE` can end with: a rating word after any other
# last word is not searched with them (both are slow: lazy gaps searched backwards).
_CUE_LAST_WORDS = (
    "rated", "judged", "graded", "assessed", "found", "rating", "grade", "judgement", "as", "of",
    "be", "being", "from", "the", "to", "it", "awarded", "overall", "was", "is", "remains", "remained",
)  # fmt: skip
_TALLY_LAST_WORDS = ("rated", "judged", "ranked", "assessed", "graded", "be", *_NUMBER_WORDS)
# "a ‘Good’ rating", "an outstanding Ofsted report", "a good CQC rating": a rating word before
# the noun of a verdict ("report" only after an inspectorate's name: "a good report" is praise).
_RATING_NOUN_AFTER = regex.compile(
    r"^[’'”\"]?\s+(?:rating|judgement|(?:ofsted|cqc|hmicfrs|inspection)[ ](?:rating|judgement|report|grade))s?\b",
    regex.IGNORECASE,
)
_RATING_NOUN_LEADS = ("rating", "judgemen", "ofsted ", "cqc ", "hmicfrs ", "inspecti")
# (not "ratings ranged from ‘Outstanding’ for ... to ‘Inadequate’ for ...": a spread, not a change)
_FROM_BEFORE = regex.compile(
    r"(?<!\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|away|far)[ ])\bfrom(?:[ ](?:the|a|an|its|their))?"
    # "from a previous rating of", "from the assessment of"
    r"(?:(?:[ ](?:previous|earlier|former|prior|last|overall|inspection))*"
    r"[ ](?:rating|grade|judgement|assessment)[ ]of)?"
    r"[ ]*" + _OPENING_MARK + "$",
    regex.IGNORECASE,
)
# "raised ... to ‘Good’" gives the new rating; "found to ‘require improvement’" does not.
_TO_BEFORE = regex.compile(r"(?<!\b(?:found|judged|deemed|said)[ ])\bto[ ]*" + _OPENING_MARK + "$", regex.IGNORECASE)
_PREVIOUS_BEFORE = regex.compile(
    r"\b(?:(?:(?:previously|had|having)[ ](?:previously[ ])?been(?:[ ]last)?|previously)[ ](?:rated|judged|graded)"
    # "its previous rating of", "the previous overall grade was"
    r"|(?:previous|earlier|former|prior)(?:[ ](?:overall|inspection))*[ ](?:rating|grade|judgement)[ ](?:of|was))"
    r"[ ]*(?:as[ ])?" + _OPENING_MARK + "$",
    regex.IGNORECASE,
)
# "retained its ‘Good’ rating", "kept its rating of good": the same rating then and now.
_RETAIN_BEFORE = regex.compile(
    r"\b(?:(?:retain(?:s|ed)?|kept|keeps|maintain(?:s|ed)?)[ ]its(?:[ ](?:rating|grade)[ ]of)?"
    # "again assessed as poor", "a second consecutive overall ‘requires improvement’ rating"
    r"|again[ ](?:rated|judged|assessed|graded|found[ ]to[ ]be)(?:[ ]as)?"
    # "once again the school has been judged to be"
    r"|\bonce[ ]again\b[^.;]{0,60}?[ ](?:rated|judged|assessed|graded)(?:[ ]as|[ ]to[ ]be)?"
    r"|(?:second|third)[ ]consecutive(?:[ ]overall)?)"
    r"[ ]*" + _OPENING_MARK + "$",
    regex.IGNORECASE,
)
# The same rating as last time: "rated “inadequate” for the second time", "... ‘Good’ again".
_AGAIN_AFTER = regex.compile(
    r"^[’'”\"]?(?:[ ](?:rating|grade))?,?[ ]"
    r"(?:for[ ](?:the|a)[ ](?:second|third|fourth|fifth)(?:[ ]consecutive)?[ ]time|(?:once[ ])?again)\b",
    regex.IGNORECASE,
)
# An earlier rating told by its time or by a change from it: "since the service was rated",
# "two years after inspectors judged it", "an improvement on the ‘X’ grade", "up from".
_EARLIER_BEFORE = regex.compile(
    r"""(?:\bsince\b[^,;.]{0,60}
        |\b(?:since|in)[ ](?:19|20)\d\d,[ ]when\b[^,;.]{0,80}    # "since 2019, when it was rated"
        |\b(?:years?|months?)[ ](?:after|since)\b[^,;.]{0,60}
        |\b(?:improvement|deterioration)[ ]on(?:[ ]the|[ ]its)?[ ]*
        |\b(?:up|down)[ ]from(?:[ ]the|[ ]its)?[ ]*
        |\b(?:has|had|have)[ ]always[ ]been[ ]            # "The home has always been ‘good’"
        |\bback[ ]in\b[^;.]{0,80}                          # "Back in March 2012 ... was graded"
        )"""
    + _OPENING_MARK
    + "$",
    regex.VERBOSE | regex.IGNORECASE,
)
# "In 2022 we rated it ‘Requires improvement’": a sentence that opens with an earlier year.
# Not "which we inspected separately in 2018 and which was rated ‘Good’": another unit's
# own latest rating (a CRC report on its NPS division).
_YEAR_BEFORE = regex.compile(r"^In[ ](?P<year>(?:19|20)\d\d),?[ ][^.;,]{0,50}$")
# A rating dated by a year right after it: "was rated ‘Good’ in 2019", "the ‘Requires
# improvement’ grade the college received in 2022". Earlier than the document's latest year,
# it is a previous rating.
_YEAR_AFTER = regex.compile(
    r"^[’'”\"]?(?:[ ](?:grade|rating)s?)?(?:[ ](?:the|it|that)(?:[ ]\w+)?[ ](?:received|had|was[ ]given|got))?"
    r"[ ](?:in|back[ ]in)[ ](?P<year>(?:19|20)\d\d)\b",
    regex.IGNORECASE,
)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# "given a ‘requires improvement’ rating in June last year": an earlier rating by its date.
_LAST_YEAR_AFTER = regex.compile(
    r"^[’'”\"]?(?:[ ](?:grade|rating)s?)?[ ](?:in[ ]\w+[ ])?(?:last[ ]year|the[ ]previous[ ]year|\w+[ ]years?[ ]ago)\b",
    regex.IGNORECASE,
)
# "Probation services in Stourvale require improvement": the rating as the verb.
_TYPE_ACRONYMS = ("PDU ", "YJS ", "YOT ", "YOS ", "CRC ")
_RATING_VERB = regex.compile(r"(?i)^requir(?:es?|ed)\s+improvement$")
# "rated inadequate for being well-led, requires improvement for being safe" (CQC): each
# rating names the key questions it is given for.
_FOR_BEING_AFTER = regex.compile(r"^[’'”\"]?\s+for\s+being\b", regex.IGNORECASE)
_NEAR_MISS_BEFORE = regex.compile(r"\b(?:away[ ]from|short[ ]of|shy[ ]of)[ ]*" + _OPENING_MARK + "$", regex.IGNORECASE)
_AFTER_LAST = regex.compile(r"\b(?:after|since)[ ](?:its|the|their)[ ]$", regex.IGNORECASE)
# A turn to the latest inspection after an earlier rating: ", but after its most recent
# inspection", ", but now", ", but this time".
_LATER_TURN = regex.compile(
    r",[ ]but\b[^.;]*?\b(?:most[ ]recent|latest|now|this[ ]time|re-?inspect\w*|new[ ]inspection)\b", regex.IGNORECASE
)
# The sentence is about an earlier inspection.
_LAST_INSPECTION = regex.compile(
    r"\blast[ ](?:full[ ])?(?:inspect|visit)\w*|\bprevious[ ]inspection|\bwhen[ ]we[ ]last\b|\byears[ ]ago\b",
    regex.IGNORECASE,
)
# "since it was last inspected": a change since the last inspection ends in the current rating.
_SINCE_BEFORE = regex.compile(r"\bsince\b", regex.IGNORECASE)
# Ofsted's "requires improvement to be good" is one rating, not two.
_TO_BE_GOOD = regex.compile(r"^[’'”\"]?\s*to be good\b", regex.IGNORECASE)
_GOOD_AFTER_TO_BE = regex.compile(r"improvement\s+to\s+be\s+$", regex.IGNORECASE)


# The same few spellings of the four ratings come back in every document.
_normalise = lru_cache(maxsize=256)(normalise_rating)


@lru_cache(maxsize=4)
def _latest_year(text: str) -> int:
    """The latest year the document names: the year of its own inspection or later."""
    return max((int(y) for y in _YEAR.findall(text)), default=0)


@dataclass(frozen=True)
class Cues:
    """An inspectorate's own rating constructions: words before a rating ("outcomes were
    poor" in a prisons report) and the parts it rates after one ("Requires improvement for
    efficiency", "‘good’ at investigating crime")."""

    before: regex.Pattern[str] | None = None
    after: regex.Pattern[str] | None = None
    #: its rating words beyond the four-point scale
    extra: tuple[str, ...] = ()
    #: the top and the bottom of its scale, for "the highest rating", "the lowest possible grade"
    top: str = "Outstanding"
    bottom: str = "Inadequate"

    def superlative(self, raw: str) -> str | None:
        m = SUPERLATIVE_RE.fullmatch(raw)
        if m is None:
            return None
        return self.top if m.group("end").lower() in ("highest", "top", "best") else self.bottom

    def cued(self, before: str, after: str) -> bool:
        # the after pattern only where its first word stands ("for", "at", "with regard to")
        lead = after[1:6] if after[:1] in "’'”\"" else after[:5]
        return bool(
            (self.before is not None and search_end(self.before, before[-80:]))
            or (self.after is not None and lead.startswith(_AFTER_LEADS) and self.after.match(after))
        )


_AFTER_LEADS = (" for ", " at ", " with", " in t", " on w")


# Not frozen: built tens of times per document, and a frozen dataclass is four times
# slower to build. Nothing mutates or hashes it.
@dataclass(slots=True)
class RatingPhrase:
    """A rating word in a rating construction: its value, where it is, and which rating it gives."""

    value: str
    span: Span
    kind: Kind
    #: Set when the phrase is a tally that names the standard ("in one – planning").
    tally_aspect: str | None = None


@dataclass(slots=True)
class TableRating:
    id: str | None
    aspect: str | None  # None for the overall rating row
    value: str | None  # None when the standard is "not rated"
    span: Span
    #: An overall row of the rating before this inspection ("Previous inspection: Good 2").
    previous: bool = False


def table_ratings(
    text: str, word_starts: list[int] | None = None, words: list[tuple[int, int, str]] | None = None
) -> list[TableRating]:
    """Ratings read from the rows of a ratings table or a judgement list.

    Standards ("1.1 Leadership Good") keep their id; the "Overall rating" row has
    aspect None. A list of "Name – rating" lines counts only when two or more lines
    in a row have that form, so a lone headline "X – ‘Good’" is not read as a table.
    ``word_starts`` may give the starts of the ``rating_words`` of the text, sorted, and
    ``words`` the words themselves: with them, rows that hold no separator are read too
    (see `_bare_rows`).
    """
    out: list[TableRating] = []
    standard, overall, listed = _row_starts(text)
    if word_starts is not None:
        # A judgement-list line holds its rating word, after a separator (so on a word
        # boundary, where `rating_words` finds it): the slow pattern is not tried on the
        # many lines of prose with a dash and no rating word.
        listed = [s for s in listed if _word_on_line(text, s, word_starts)]
    for m in _rows(_standard_re(), text, standard) if standard else ():
        value = normalise_rating(m.group("rating")) if m.group("rating") else None
        out.append(TableRating(m.group("id"), " ".join(m.group("aspect").split()), value, m.span()))
    if standard and not out:
        out.extend(_domain_rows(text, standard))
    for m in _rows(_overall_re(), text, overall) if overall else ():
        out.append(TableRating(None, None, normalise_rating(m.group("rating")), m.span("rating")))
    lines = _rows(_list_line_re(), text, listed) if listed else []
    for i, m in enumerate(lines):
        aspect = (m.group("aspect") or m.group("question")).strip()
        # "Resettlement policy and provision (standard 4.1): Requires improvement": a line
        # that numbers its standard is a row even alone under its heading (a report summary).
        sid = _STANDARD_ID.search(aspect) if "(" in aspect else None
        near = [n for n in (lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None) if n]
        if not sid and not any(
            _adjacent(a, b, text) for a, b in ((n, m) if n.start() < m.start() else (m, n) for n in near)
        ):
            continue
        if regex.match(r"(?i)overall\b", aspect):
            out.append(TableRating(None, None, normalise_rating(m.group("rating")), m.span("rating")))
        elif sid:
            name = aspect[: sid.start()].rstrip()
            out.append(TableRating(sid.group("id"), name, normalise_rating(m.group("rating")), m.span()))
        else:
            out.append(TableRating(None, aspect, normalise_rating(m.group("rating")), m.span()))
    if words:
        taken = [row.span for row in out]
        out.extend(row for row in _bare_rows(text, words) if not any(overlaps(row.span, t) for t in taken))
    return out


# Ofsted's grades: a rating with its number ("Requires improvement 3"), in a grade table
# flattened to one line by a PDF's text layer.
_GRADE = {"Outstanding": "1", "Good": "2", "Requires improvement": "3", "Inadequate": "4"}
_GRADE_AFTER = regex.compile(r"(?:[ ]to[ ]be[ ]good)?[ ](?P<grade>[1-4])(?![\w.%/])", regex.IGNORECASE)
_ROW_ASPECT = regex.compile(r"[A-Z][A-Za-z’'-]*(?:[ ](?:[A-Za-z’'-]+|16[ ]to[ ]19)){0,11}")
# Words of prose, never of a row's label: "Inspectors found the school Good".
_PROSE_WORDS = regex.compile(
    r"(?i)\b(?:is|was|were|are|been|be|being|rated|judged|graded|found|remains|remained|has|have|had|as|it)\b"
)
_ROW_REACH = 200  # the longest stretch of a line read around a row's rating
_PREVIOUS_LABEL = regex.compile(r"(?i)(?:previous|last)[ ]inspection:?$")
_THIS_LABEL = regex.compile(r"(?i)this[ ]inspection:?$")
_OVERALL_LABEL = regex.compile(r"(?i)overall(?:[ ](?:effectiveness|rating|judgement))?:?$")


def _bare_rows(text: str, words: list[tuple[int, int, str]]) -> list[TableRating]:
    """Rows of a ratings table that hold no separator between a label and its rating:
    "The experiences and progress of children in care Good" (a line of a judgement
    table), or Ofsted's graded rows run together on one line ("Leadership and management
    Requires improvement 3 Quality of teaching Requires improvement 3"), where each
    rating's grade number must be its own. Two or more rows in a run count, so that a
    line of prose ending in a rating is not read as a table."""
    runs: list[list[TableRating]] = []
    last_end = -1
    for start, end, word in words:
        value = normalise_rating(word)
        if value is None:
            continue
        # Only the line's stretch near the word is read: a row is short, and a text with no
        # line breaks must not be scanned end to end for each word.
        line_start = text.rfind("\n", max(0, start - _ROW_REACH), start) + 1 or max(0, start - _ROW_REACH)
        line_end = text.find("\n", end, end + _ROW_REACH)
        line_end = min(len(text), end + _ROW_REACH) if line_end < 0 else line_end
        graded = _GRADE_AFTER.match(text, end, line_end)
        if graded and graded.group("grade") == _GRADE.get(value):
            row_end = graded.end()
        elif start > line_start and line_end - end < 16 and text[end:line_end].strip().lower() in ("", "to be good"):
            row_end = line_end
        else:
            continue
        # The label: from the row before on the same line, else from the line's start.
        label_start = last_end if line_start <= last_end <= start else line_start
        raw = text[label_start:start]
        label = raw.strip()
        label_start += len(raw) - len(raw.lstrip())
        if _PREVIOUS_LABEL.search(label) or _THIS_LABEL.search(label) or _OVERALL_LABEL.fullmatch(label):
            previous = bool(_PREVIOUS_LABEL.search(label))
            row = TableRating(None, None, value, (start, row_end), previous=previous)
        elif _ROW_ASPECT.fullmatch(label) and not _PROSE_WORDS.search(label):
            row = TableRating(None, label, value, (label_start, row_end))
        else:
            continue
        if runs and not text[runs[-1][-1].span[1] : label_start].strip():
            runs[-1].append(row)
        else:
            runs.append([row])
        last_end = row_end
    return [row for run in runs if len(run) >= 2 for row in run]


def _word_on_line(text: str, start: int, word_starts: list[int]) -> bool:
    """True when one of ``word_starts`` is on the line that begins at ``start``."""
    i = bisect_left(word_starts, start)
    if i == len(word_starts):
        return False
    end = text.find("\n", start)
    return end < 0 or word_starts[i] < end


def _domain_rows(text: str, starts: list[int]) -> list[TableRating]:
    """Unnumbered rows under numbered domain headings, numbered by their place; two or
    more rows in a block, so that a numbered paragraph followed by a line of prose is not
    read as a table. ``starts`` are the lines that begin with a digit (or P/R)."""
    out: list[TableRating] = []
    for head in _rows(_DOMAIN_HEAD, text, starts):
        block: list[TableRating] = []
        pos = head.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            m = _domain_row_re().match(text, pos, end)
            if not m or not m.group("aspect")[:1].isupper():
                break
            value = normalise_rating(m.group("rating"))
            block.append(TableRating(f"{head.group('n')}.{len(block) + 1}", m.group("aspect").strip(), value, m.span()))
            pos = end + 1
        if len(block) >= 2:
            out.extend(block)
    return out


def _adjacent(a: regex.Match[str], b: regex.Match[str], text: str) -> bool:
    return text[a.end() : b.start()].strip() == ""


# The first four letters of every rating form ("requires", "requiring", ... all begin
# "requ"). A rating word can only begin where these four letters stand, perhaps split by
# the spaces, line breaks and line-end hyphens `RATING_RE` tolerates.
_RATING_HEADS = ("requ", "outs", "inad", "good")
# Characters that `RATING_RE` (case-insensitive) reads as one of those letters but
# ``str.lower`` does not turn into it.
_ODD_CASE = ("\u0130", "\u017f")  # İ, ſ


#: "the highest rating", "the lowest possible performance rating", "its top grade": the top or
#: the bottom of the inspectorate's scale (not "the second-highest rating").
SUPERLATIVE_RE = regex.compile(
    r"""(?<!second[ -]|third[ -])\b(?P<end>highest|top|best|lowest|worst|bottom)
        (?:[ -](?:possible|available|category|overall|performance|inspection))*[ ]
        (?:rating|grade|judgement|marks|standard)(?:[ ]possible)?\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


_GIVEN_BEFORE = regex.compile(
    r"\b(?:receiv\w*|given|gave|giving|award\w*|achiev\w*|earn\w*|hand\w*|got|gets|secur\w*|rated|judged|graded"
    r"|branded|scored"
    # "has sunk to the bottom standard", "fell to the lowest grade"
    r"|(?:sunk|sank|dropped|fell|fallen|slipped|slumped|plummeted|plunged|risen|rose|climbed)[ ]to)"
    r"\b[^.;:–—‘’'\"“”]{0,30}$",
    regex.IGNORECASE,
)


def superlative_words(text: str) -> list[tuple[int, int, str]]:
    """Every `SUPERLATIVE_RE` phrase in ``text`` as (start, end, text), for `rating_phrases`."""
    low = text.lower()
    out: list[tuple[int, int, str]] = []
    for word in ("highest", "lowest", "top ", "best ", "worst", "bottom "):
        i = low.find(word)
        while i >= 0:
            m = SUPERLATIVE_RE.match(text, i)
            if m:
                out.append((m.start(), m.end(), m.group()))
            i = low.find(word, i + 1)
    return sorted(out)


def rating_words(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Every ``RATING_RE`` match in ``text`` as (start, end, matched text): the same list as
    ``RATING_RE.finditer(text)``, several times faster.

    ``extra`` names ratings beyond the four-point scale that the document's inspectorate
    uses ("Reasonably good", "Poor"): their forms are found too, as whole words, and a
    longer one wins over the rating word inside it ("not sufficiently good").

    The split-tolerant pattern is slow to try at every offset. It is tried only where the
    lower-cased text holds the first four letters of a rating word; and where the text
    with its spaces, line breaks and hyphens taken out holds more of them than the text
    itself, at those too, so that a word split inside those letters ("Inad equate",
    "G-\nood") is found. Text with other white space, or with letters that fold to these
    only under regex case rules, is searched the slow way.
    """
    found = _core_rating_words(text)
    if extra:
        found = _with_extra_words(text, found, extra)
    return found


def _with_extra_words(
    text: str, found: list[tuple[int, int, str]], extra: tuple[str, ...]
) -> list[tuple[int, int, str]]:
    low = text.lower().replace("\n", " ")  # "not\nsufficiently good" wrapped at a line end
    more: list[tuple[int, int, str]] = []
    for value in extra:
        for form in EXTRA_RATING_FORMS.get(value, ()):
            i = low.find(form)
            while i >= 0:
                end = i + len(form)
                if (i == 0 or not low[i - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                    more.append((i, end, text[i:end]))
                i = low.find(form, i + 1)
    if not more:
        return found
    out: list[tuple[int, int, str]] = []
    for m in sorted([*more, *found], key=lambda w: (w[0], -w[1])):
        if out and m[0] < out[-1][1]:
            continue
        out.append(m)
    return out


def _core_rating_words(text: str) -> list[tuple[int, int, str]]:
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _ODD_CASE):
        return [(m.start(), m.end(), m.group()) for m in RATING_RE.finditer(text)]
    squeezed = low.replace(" ", "").replace("\n", "").replace("-", "")
    if not squeezed.isprintable():  # a tab, a no-break space ...: any other `\s` in regex
        return [(m.start(), m.end(), m.group()) for m in RATING_RE.finditer(text)]
    candidates: list[int] = []
    split = False
    for head in _RATING_HEADS:
        n = len(candidates)
        i = low.find(head)
        while i >= 0:
            candidates.append(i)
            i = low.find(head, i + 4)  # no head overlaps itself
        split = split or squeezed.count(head) != len(candidates) - n
    if split:
        candidates = _squeezed_heads(low)
    candidates.sort()
    out: list[tuple[int, int, str]] = []
    last_end = 0
    for c in candidates:
        if c < last_end:
            continue
        plain = _plain_rating(text, low, c)
        if plain is None:
            m = RATING_RE.match(text, c)
            plain = (m.start(), m.end(), m.group()) if m else False
        if plain:
            out.append(plain)
            last_end = plain[1]
    return out


def _squeezed_heads(low: str) -> list[int]:
    """The offsets in ``low`` where a rating word's first four letters begin, with spaces,
    line breaks and hyphens allowed between them."""
    chunks = low.replace("\n", " ").replace("-", " ").split(" ")
    squeezed = "".join(chunks)
    # chunk i starts at squeezed offset starts[i] and at text offset starts[i] + i.
    starts = [0, *accumulate(map(len, chunks))]
    out: list[int] = []
    for head in _RATING_HEADS:
        i = squeezed.find(head)
        while i >= 0:
            out.append(i + bisect_right(starts, i) - 1)
            i = squeezed.find(head, i + 4)
    return out


# Every form `RATING_RE` reads, unsplit, in the order it tries them.
_PLAIN_FORMS = tuple(f for forms in RATING_FORMS.values() for f in forms)
# Characters that are surely not word characters (`\b` stands beside them): the common ones.
_NOT_WORD = frozenset(" \n.,;:!?'\"()[]‘’“”–—-/…*•|")


def _plain_rating(text: str, low: str, c: int) -> tuple[int, int, str] | Literal[False] | None:
    """What ``RATING_RE.match(text, c)`` gives when a rating word stands at ``c`` unsplit
    between two plain characters: the match, False for none, None when it cannot be told
    this way (a split word, an unusual character beside it)."""
    if c:
        before = text[c - 1]
        if before not in _NOT_WORD:
            return False if before.isascii() and (before.isalnum() or before == "_") else None
    for form in _PLAIN_FORMS:
        if low.startswith(form, c):
            end = c + len(form)
            after = text[end : end + 1]
            if after == "" or after in _NOT_WORD:
                return (c, end, text[c:end])
            if not (after.isascii() and (after.isalnum() or after == "_")):
                return None
    return None


_CLOSING_QUOTES = ("’", "'", "”", '"')


def _last_words(before: str) -> tuple[str, str]:
    """The last word before a rating and the word before that, lower-cased, without the
    opening quote mark and the spaces between them and the rating: a cheap test of what
    a pattern anchored at the end of ``before`` could match."""
    t = before[:-1] if before[-1:] in ("‘", "'", '"', "“") else before
    t = t.rstrip(" ")
    cut = t.rfind(" ")
    last = t[cut + 1 :].lower()
    rest = t[:cut].rstrip(" ") if cut >= 0 else ""
    return last, rest[rest.rfind(" ") + 1 :].lower()


def _tally_before(before: str) -> bool:
    """Whether a tally's count or quantifier comes before the rating (`_TALLY_BEFORE`)."""
    if _counted_near_end(before) and search_end(_TALLY_BEFORE, before):
        return True
    low = before.lower()
    if " of" in low and search_end(_TALLY_OF_BEFORE, before):
        return True
    return any(q in low for q in _QUANTIFIERS) and search_end(_TALLY_QUANTIFIED_BEFORE, before)


# The words `_TALLY_BEFORE` counts with, besides a number in figures and a percentage
# ("cent"); every match holds one among its last `_TALLY_REACH` words.
_TALLY_COUNT_WORDS = frozenset([*_NUMBER_WORDS, *(q.split()[-1] for q in _QUANTITY_PHRASES), "cent"])
_TALLY_REACH = 7
_COUNT_IN_WORD = regex.compile(r"\d|%")


def _counted_near_end(before: str) -> bool:
    """False when `_TALLY_BEFORE` cannot match ``before``: none of its last words is a
    number or a word of quantity (a text holding a character that case-insensitive
    matching equates with an ASCII letter may match whatever it holds)."""
    if folds_apart(before):
        return True
    for word in before.rsplit(None, _TALLY_REACH)[-_TALLY_REACH:]:
        if word.isalpha():
            if word.lower() in _TALLY_COUNT_WORDS:
                return True
        elif _COUNT_IN_WORD.search(word) or word.strip("(,‘'\"“").lower() in _TALLY_COUNT_WORDS:
            return True
    return False


def _may_tally_before(before: str) -> bool:
    """False when `_tally_before` cannot hold for ``before``: it ends with "rated", "judged" or
    a number, perhaps followed by "as"."""
    last, previous = _last_words(before)
    return any(
        w.endswith(_TALLY_LAST_WORDS) or w[-1:].isdigit() for w in ((last, previous) if last == "as" else (last,))
    )


def _ends_quoted(before: str) -> bool:
    """Whether an opening quote mark ends the text (or its last line), or a closing one
    typed in its place after a space ("upgraded to ’good’")."""
    if before.endswith("\n"):
        before = before[:-1]
    last = before[-1:]
    return last in ("‘", "'", '"', "“") or (last in ("’", "”") and before[-2:-1] in (" ", "(", ""))


def rating_phrases(
    text: str,
    sentence: Span,
    skip: Spans,
    found: list[tuple[int, int, str]] | None = None,
    *,
    cues: Cues | None = None,
) -> list[RatingPhrase]:
    """The unit-or-aspect ratings in one sentence, each classed current or previous.

    Scale lists, tallies, hypotheticals and adjectives are left out. ``found`` may give the
    rating words of the sentence (start, end, text) from one search of the whole text, when
    none of that search's matches crosses the sentence's edges; else they are searched here.
    ``cues`` adds the document's inspectorate's own rating constructions.
    """
    s0, s1 = sentence
    sent = text[s0:s1]
    # Cheap tests for the words the patterns below need: a pattern whose literal is not in
    # the sentence cannot match, and most sentences have none of them.
    low = sent.lower()
    may_to_be_good = "mprovement" in low
    may_previous = (
        "been rated" in low or "previous" in low or "been last rated" in low or "earlier" in low
        or "former" in low or "prior" in low
    )
    may_retain = (
        "reta" in low or "kep" in low or "keep" in low or "maint" in low or "again" in low or "consecutive" in low
    )
    may_from = "from" in low
    may_to = "to" in low
    may_year = "in 19" in low or "in 20" in low
    may_for_being = "for being" in low
    may_turn = ", but " in low
    turns: list[int] | None = None  # where the turns to the latest inspection begin
    turned = 0  # the phrases before this one have been read against the turns
    may_near = "away from" in low or "short of" in low or "shy of" in low
    may_since = "since" in low or "after" in low
    if found is None:
        found = rating_words(sent, cues.extra if cues is not None else ())
    else:
        found = [(a - s0, b - s0, raw) for a, b, raw in found]
    matches = [
        m
        for m in found
        if not skip.holds(s0 + m[0])
        and not (may_to_be_good and _GOOD_AFTER_TO_BE.search(sent, 0, m[0]))
    ]
    # The scale, or a tally of all the grades, unless the tally names a standard. The scale
    # joins its words with bare commas and "and"/"or"/"to"; a list of aspects puts a name
    # between them ("Leadership was rated ‘Good’; staff ‘Requires improvement’; ...").
    distinct = len({_normalise(m[2]) for m in matches} - {None})
    scale = distinct >= 3 and (
        any(
            _SCALE_GAP.fullmatch(sent, a[1], b[0])
            # "moved from ‘poor’ to ‘reasonably good’" is a change, not the scale
            and not (" to" in sent[a[1] : b[0]] and _FROM_BEFORE.search(sent, 0, a[0]))
            for a, b in zip(matches, matches[1:], strict=False)
        )
        # "if it is between 65% and 79%, it is ‘Good’; between 50% and 64%, ...": how a
        # score maps to the scale
        or _CONDITIONAL.search(sent) is not None
    )
    may_last = "last" in low or "previous" in low or "years ago" in low
    has_last = _LAST_INSPECTION.search(sent) if may_last else None
    out: list[RatingPhrase] = []
    for start, end, raw in matches:
        before, after = sent[:start], sent[end:]
        value = _normalise(raw)
        superlative = value is None and cues is not None and cues.superlative(raw)
        if superlative:
            # given it ("received the lowest possible rating"), not a comparison ("this is
            # the highest rating a PDU has achieved")
            if not _GIVEN_BEFORE.search(before[-50:]):
                continue
            value = superlative
        # The first word after the rating (past a closing quote mark): the patterns read
        # after the rating each need one word there, and most ratings have none of them.
        lead = (after[1:] if after[:1] in _CLOSING_QUOTES else after).lstrip()[:8].lower()
        if value is None or (lead.startswith("or") and _HYPOTHETICAL_AFTER.match(after)):
            continue
        if (lead.startswith("or") and _OR_RATING_AFTER.match(after)) or (
            before.rstrip(" ‘'\"“").endswith(" or") and _OR_RATING_BEFORE.search(before[-40:])
        ):
            continue
        if may_near and _NEAR_MISS_BEFORE.search(before[-30:]):
            continue  # "a fraction away from Outstanding", "just short of good": not given
        quoted = _ends_quoted(before)
        for_being = _FOR_BEING_AFTER.match(after) if may_for_being else None
        cue = (
            superlative
            or (_last_words(before)[0].endswith(_CUE_LAST_WORDS) and search_end(_CUE_BEFORE, before[-120:]))
            # (not "rated Tarnby PDU good at engaging people": a part of it is rated)
            or (
                any(v in before[-100:] for v in ("rate", "judged", "graded", "deemed"))
                and not lead.startswith(("at ", "in ", "for ", "on "))
                and search_end(_RATED_NAME_BEFORE, before[-100:])
            )
            or (cues is not None and cues.cued(before, after))
            or (lead.startswith(_RATING_NOUN_LEADS) and _RATING_NOUN_AFTER.match(after))
            or for_being
            # after a lower-case word: "services in Stourvale require improvement"
            # or after a type acronym: "said that Ellbridge YJS requires improvement"
            or (
                raw[:1] in "rR"
                and before[-1:] == " "
                and (before[-2:-1].islower() or before.endswith(_TYPE_ACRONYMS))
                and _RATING_VERB.match(raw)
            )
        )
        previous = may_previous and _PREVIOUS_BEFORE.search(before)
        if not (quoted or cue or previous):
            continue  # an adjective: "good practice", "not good enough"
        if value in EXTRA_RATING_FORMS and not (cue or previous or after[:1] in _CLOSING_QUOTES):
            continue  # "‘poor leadership’": a quoted phrase that opens with the word
        named = _TALLY_NAMED.match(after) if lead.startswith("in") else None
        if named:
            out.append(RatingPhrase(value, (s0 + start, s0 + end), "current", named.group("aspect")))
            continue
        if scale and not for_being:
            continue
        counted_after = lead.startswith(("in", "rating")) and _TALLY_AFTER.match(after)
        if counted_after or (_may_tally_before(before) and _tally_before(before[-80:])):
            if not _NO_BODY.search(before[-80:]):  # "Not a single force was rated ..." rates nothing
                # "eight were rated as “requires improvement” for safety": a count of bodies
                # rates no aspect of one body; "‘Good’ in ten", "nine of the 13 areas were
                # rated": a count of parts
                parts = counted_after or _COUNTED_PARTS.search(before[-80:])
                out.append(RatingPhrase(value, (s0 + start, s0 + end), "tally" if parts else "bodies"))
            continue
        kind: Kind = "current"
        year = (_YEAR_AFTER.match(after) or _YEAR_BEFORE.search(before)) if may_year else None
        may_earlier = (
            may_since or may_from or "on" in before[-40:] or "back in" in low or "always" in low or "when" in low
        )
        if (may_retain and _RETAIN_BEFORE.search(before)) or (
            ("second" in low or "again" in low or "third" in low or "fourth" in low or "fifth" in low)
            and _AGAIN_AFTER.match(after)
        ):
            kind = "both"
        elif (
            (may_from and _FROM_BEFORE.search(before))
            or previous
            or (may_earlier and _EARLIER_BEFORE.search(before[-90:]))
            or (year and int(year.group("year")) < _latest_year(text))
            or (("last" in low or "ago" in low or "previous" in low) and _LAST_YEAR_AFTER.match(after))
        ):
            kind = "previous"
        elif (
            has_last
            and has_last.start() < start
            and out
            and out[-1].kind == "previous"
            and may_to
            and _TO_BEFORE.search(before)
            and not _SINCE_BEFORE.search(sent, max(0, has_last.start() - 30), has_last.start())
        ):
            # "were last inspected in 2019 and upgraded from inadequate to ‘requires
            # improvement’": the last inspection's rating is where that change ended; where it
            # started is older still
            out.pop()
            kind = "previous"
        elif has_last and not (may_to and _TO_BEFORE.search(before)):
            # "was last inspected in 2018, when it was rated ‘Good’": the cue comes first,
            # or sits in the same comma-free stretch after the rating -- not "rated as
            # Outstanding following a short inspection - four years after its last inspection"
            if has_last.start() < start or (
                "," not in sent[end : has_last.start()] and not _AFTER_LAST.search(sent, end, has_last.start())
            ):
                kind = "previous"
        if kind == "current" and may_turn and out:
            # "was graded ‘inadequate’ after an inspection in 2013, but after its most recent
            # inspection ... graded it ‘good’": the ratings before the turn were earlier ones
            # (each phrase looked at once: a sentence may hold many)
            if turns is None:
                turns = [m.start() for m in _LATER_TURN.finditer(sent)]
            k = bisect_left(turns, start)
            while k and turned < len(out) and out[turned].span[1] - s0 <= turns[k - 1]:
                ph = out[turned]
                if ph.kind == "current" and ph.value != value:
                    ph.kind = "previous"
                turned += 1
        out.append(RatingPhrase(value, (s0 + start, s0 + end), kind))
    return out
