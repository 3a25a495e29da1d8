"""Counts of things ("over 4,000 cases") and percentages ("33 per cent").

A count is a number of things a careful reader would quote from the document: cases
inspected, staff, people on probation, recommendations, points scored. The hard part is
what is *not* a count: years, dates, times, ages, money, durations ("more than two
years"), ratios ("one in five"), ranges ("zero to three"), scores with no noun ("16 out
of 27"), list and section numbers, page numbers, phone numbers and page furniture. Those
are ruled out first, by the words around the number; what remains is a count when

* a noun phrase follows it ("60 staff", "24 children’s cases", "more than 2,300 people
  on probation"), directly or after "of the" ("Five of the recommendations") or a
  denominator ("11 out of 27 inspection points", "four of a possible 36 points"), or
  after a second number that shares it ("three and five points");
* its noun is elided but clear from the clause before ("The report makes seven
  recommendations: five for the regional probation director and two for HMPPS",
  "The remaining three had been partly achieved", "scored just three", "44 cases in
  Eastwold and 41 in Westwold", "Tynebridge scored 10 points and Wearmouth 4", "found
  that 28 had not", "eight in total");
* it is a tally of ratings ("rated ‘Good’ in 10", "one rated outstanding, two good");
* it closes a table row whose label names what is counted ("court disposals 14",
  "Caseload (people on probation) 3,415", as reports lay out their facts), or a fact
  box's "Label: value" line ("Cases inspected: 46").

In "Seven of the report’s 11 recommendations" only the part is a count: the whole is
read as the noun's context, as eight of the eleven "N of the M" forms in the corpus and
held-out golds have it (three golds also count the whole).

Everything is regular expressions and closed word lists over ``doc.text``: there is no
part-of-speech tagger (the spaCy pipeline is blank), and the lists below are the grammar.

Speed (a press release in well under a millisecond): numbers in words are looked for only
where a number word begins (``_numbers``), and each pattern that reads the words around a
number is tried only where the word or character it must end or begin with is there
(``_tail``, ``_head`` and the ``*_END_WORDS`` lists). These checks only skip patterns that
could not match, so what is found is what the patterns alone find.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from inspection_extract._document import Document
from inspection_extract._spans import Spans
from inspection_extract._vocab import RATING_RE, TENS_WORDS, UNITS_WORDS, cued_finditer, parse_number
from inspection_extract.record import Count, Percentage, Span

# --------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------


def _ligature_tolerant(word: str) -> str:
    """``word`` as a pattern that also accepts the "ﬁ" ligature PDF text keeps ("ﬁve")."""
    return regex.escape(word).replace("fi", "(?:fi|\ufb01)")


_UNIT_ALT = "|".join(
    _ligature_tolerant(w) for w in sorted(set(UNITS_WORDS) - {"nil", "none"}, key=len, reverse=True)
)
_TENS_ALT = "|".join(_ligature_tolerant(w) for w in TENS_WORDS)
#: A number in words: "eight", "Thirty-two", "twenty one", "two hundred", "ﬁve".
_WORD_NUMBER = (
    rf"(?:(?:{_TENS_ALT})(?:[-\s](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
    rf"(?:\s+(?:hundred|thousand|million))?"
)
#: A number in digits: "4,000", "29.4", "7500" (never "1" of "1.3m", nor "12" of "12:01").
_DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.:,]\d)"

#: A number in digits, not part of a code, a time or money. (Written to begin with its
#: first digit, the character-before test just after it, which the regex module scans
#: for faster; it reads what ``(?<![\w.,£$€/:\-])(?:{_DIGIT_NUMBER})(?![\w])`` reads.)
DIGIT_NUMBER_RE = regex.compile(
    r"\d(?<![\w.,£$€/:\-]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?![.:,]\d)(?![\w])"
)
assert _DIGIT_NUMBER == r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.:,]\d)"  # the same number
#: A number in words, not part of a longer word.
WORD_NUMBER_RE = regex.compile(rf"(?<![\w\-])(?:{_WORD_NUMBER})(?![\w])", regex.IGNORECASE)

#: Where a number in words may begin, in the lower-cased text: the shortest number words,
#: which begin all the others ("seven" begins "seventeen" and "seventy").
_FIRST_WORDS = {
    v
    for w in {*UNITS_WORDS, *TENS_WORDS} - {"nil", "none"}
    for v in (w, w.replace("fi", "\ufb01"))
}
NUMBER_WORD_STARTS = tuple(
    sorted(w for w in _FIRST_WORDS if not any(v != w and w.startswith(v) for v in _FIRST_WORDS))
)

#: The same, without the ligature, and with the words that share their first letters
#: looked for once ("tw" for "two", "twelve", "twenty"): each is a sweep of the text,
#: and few other words begin so.
_SHARED_STARTS = {"tw": ("two", "twelve", "twenty"), "fif": ("fifteen", "fifty"), "thir": ("thirteen", "thirty")}
ASCII_NUMBER_WORD_STARTS = tuple(
    sorted(
        {next((k for k, ws in _SHARED_STARTS.items() if w in ws), w) for w in NUMBER_WORD_STARTS if w.isascii()}
    )
)


def _numbers(text: str) -> list[regex.Match[str]]:
    """The numbers of ``text``, in digits or words, in order.

    A number in words is looked for only where one of ``NUMBER_WORD_STARTS`` begins a
    word (``str.find`` in the lower-cased text), rather than by trying the case-insensitive
    word pattern at every character; what is found is what ``WORD_NUMBER_RE.finditer``
    finds. Where lower-casing would not keep the offsets, or the text holds a long s ("ſ",
    which the pattern reads as "s"), the pattern is run over the whole text instead.
    """
    found = list(DIGIT_NUMBER_RE.finditer(text))
    low = text.lower()
    if len(low) != len(text) or "\u017f" in text:
        found += WORD_NUMBER_RE.finditer(text)
    else:
        starts = []
        for word in NUMBER_WORD_STARTS if "\ufb01" in text else ASCII_NUMBER_WORD_STARTS:
            i = low.find(word)
            while i >= 0:
                prev = text[i - 1 : i]
                if not (prev.isalpha() or prev.isdecimal() or prev in ("-", "_")):
                    starts.append(i)
                i = low.find(word, i + 1)
        end = 0
        for i in sorted(starts):
            if i >= end and (m := WORD_NUMBER_RE.match(text, i)):
                found.append(m)
                end = m.end()
    # Numbers in digits and in words never overlap: their order is that of their starts.
    return sorted(found, key=lambda m: m.start())


# --------------------------------------------------------------------------------------
# Percentages
# --------------------------------------------------------------------------------------

#: Lines of page furniture whose numbers belong to another story or to the web page:
#: news sites' "READ MORE" links and paywall text, comment counters, blog footers.
FURNITURE_LINE_RE = regex.compile(
    r"""
    [ \t]*(?:
        READ[ ]MORE\b | Read[ ]more: | Related: | Advertisement
      | You[ ]have[ ]read\b | Subscribe\b | Want[ ]to[ ]read[ ]more
      | Comments?[ ]*\(\d+\) | \d+[ ]comments?:?[ \t]*$
      | Copyright\b | ©
    ).*$
    """,
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
)
#: Web-page furniture found anywhere in a line, whatever it begins with: a cookie banner
#: ("set 3 optional analytics cookies"), a download link's file details ("(PDF, 1.4 MB,
#: 52 pages)") and the licence notice ("Open Government Licence v3.0") of GOV.UK-style
#: pages copied as plain text (pr-web press releases).
FURNITURE_ANYWHERE_RE = regex.compile(
    r"""
    \bcookies?\b                                              # a cookie banner or its buttons
  | \([ \t]*(?:PDF|HTML|ODT|ODS|DOCX?|XLSX?|CSV|ZIP)[ \t]*,[^()\n]*\d[^()\n]*\)  # "(PDF, 1.4 MB, 52 pages)"
  | \bGovernment[ ]Licence\b                                  # "Open Government Licence v3.0"
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: Substrings one of which a line must hold for ``FURNITURE_ANYWHERE_RE`` to match it
#: (without their first letter, so that no lower-casing is needed; a plain ``in`` test
#: skips the pattern on ordinary lines).
FURNITURE_ANYWHERE_KEYS = ("ookie", "(", "icence", "OOKIE", "ICENCE")
#: A line holding such furniture is furniture when it is at most this long; a longer one
#: is a paragraph of prose ("... our letter to the region (PDF, 334 kB) ... at least 59 per
#: cent ..."), and only the furniture's own characters are left out.
FURNITURE_LINE_CHARS = 200
#: How a furniture line's first word begins ("Read more", "Advertisement", "You have
#: read", "Subscribe", "Want to read", "Comments"), where it does not begin with a digit
#: or "©".
FURNITURE_OPENINGS = frozenset("re ad yo su wa co".split())
#: Where to look for a percentage: its sign or words; the number is then read backwards.
PERCENT_SIGN_RE = regex.compile(r"%|\bper[ ]?cent\b|\bpercent\b|(?<=\d)pc\b", regex.IGNORECASE)  # newspapers' "15pc"
#: The number before it, in digits (``_number_before`` reads one in words).
#: A hyphen may stand before it only as the dash of a range ("50-64%").
PERCENT_DIGITS_BEFORE_RE = regex.compile(r"(?:(?<![\w.,£$€/:\-])|(?<=\d-))\d+(?:\.\d+)?\s*$")
TRAILING_SPACE_RE = regex.compile(r"\s*$")
#: The first number of a range that shares the second's sign: "65–79%", "50-64%", "40 to
#: 60 per cent" (score bands in reports' annexes): it is a percentage too.
PERCENT_RANGE_FIRST_RE = regex.compile(
    r"(?<![\w.,£$€/:\-–])(?P<n>\d+(?:\.\d+)?)[ \t]*(?:–|-|—|[ \t]to)[ \t]*$", regex.IGNORECASE
)
#: What may stand before a number in words, besides a letter, digit or hyphen.
NOT_BEFORE_NUMBER_CHARS = frozenset(".,£$€/:")
#: The letters a number word may begin with ("ſ" reads as "s", "ﬁ" is "fi").
NUMBER_FIRST_LETTERS = frozenset("zotfesnZOTFESN\u017f\ufb01")

_PERCENT_AFTER = r"\s*(?:%|per[ ]?cent\b|percent\b)"
_YEAR_RE = regex.compile(r"(?:19|20)\d\d")
#: " and ", before a second number in a split ("seven for the CRC and nine for ...").
_AND_RE = regex.compile(r"[ \t]+and[ \t]+", regex.IGNORECASE)
_LABEL_SPLIT_RE = regex.compile(r"[\s(]+")
_PAREN_RE = regex.compile(r"\(([^()]+)\)")

#: Contents-page lines: dot leaders (or an ellipsis run) before a page number.
CONTENTS_LEADER_RE = regex.compile(r"\.{4,}|…{2,}|(?:\. ){3,}")

# --------------------------------------------------------------------------------------
# What a number is not: the words around it
# --------------------------------------------------------------------------------------

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH_ALT = "|".join(MONTHS)

#: Nouns of time, distance and money: "more than two years", "20 miles", "12 hours" are
#: durations and measures, not things counted.
MEASURE_NOUNS = frozenset(
    """year years month months week weeks day days hour hours minute minutes second seconds
    decade decades century centuries fortnight fortnights night nights
    mile miles metre metres meter meters kilometre kilometres km yards feet
    pound pounds pence million billion times per percent""".split()
)
#: Steps on a scale and idioms, not things counted: "a fall of two grades" (a change of
#: rating), "pulling in two directions" (a headline's idiom).
SCALE_STEP_NOUNS = frozenset("grade grades notch notches direction directions minds".split())
#: What the last word of a noun phrase must not be for the number to be a count.
NOT_COUNTED_NOUNS = MEASURE_NOUNS | SCALE_STEP_NOUNS

#: Words before a number that make it a reference, a label or an age, not a count:
#: "Annex 1", "standard 4.1", "page 3", "note 5", "Covid 19", "aged 15", "day one".
REFERENCE_BEFORE_RE = regex.compile(
    r"""
    \b(?:annexe?|appendix|figure|fig\.|table|chapter|section|standards?|domains?|page|pages
      | notes?|paragraph|para|version|no\.|number|item|question|phase|level|step|stage|tier
      | part|covid|aged|age[ ]of|ages|day|year|floor|score:?|score[ ]of|rank|grade|box
      | every|any|no)
    [ \t]*$
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: "points" after a number: "a score of 24 points".
POINTS_AFTER_RE = regex.compile(r"[ \t]+points\b", regex.IGNORECASE)
#: A denominator: "out of a possible 27", "out 27", "a maximum of 30", "out of a total of 36".
DENOMINATOR_BEFORE_RE = regex.compile(
    r"""
    (?:\bout(?:[ ]of)?(?:[ ]a)?(?:[ ]total[ ]of|[ ]possible(?:[ ]of)?|[ ]maximum(?:[ ]total)?(?:[ ]of)?)?
      | \bpossible | \bmaximum(?:[ ]total)?(?:[ ]of)?
      | \b\d+[ ]of                                      # "Page 3 of 40", "10 of 27."
    )[ \t]*$
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: A range, a pair or a ratio around the number: "zero to three", "16 and 17-year-olds",
#: "between 9 and 20 January", "one in five", "1/27" (a score written as a fraction).
#: After: a connector and a number in digits, or (group ``range``) a connector, after which
#: ``_number_word_after`` looks for a number in words.
RANGE_AFTER = r"^(?:[ \t]*(?:to|and|or|in|–|-|—)[ \t]*\d|/\d|[ \t]+\d|(?P<range>[ \t]*(?:to|and|or|in|–|-|—)[ \t]*))"
#: Before: "1/", "16 " or a number and a connector ("zero to ", "9 and "), read by
#: ``_range_before``: the connector with this pattern, the number before it in code.
RANGE_CONNECTOR_END_RE = regex.compile(r"(?:to|and|or|in|–|-|—)\Z", regex.IGNORECASE)
RANGE_DIGITS = frozenset("0123456789,.")
#: Dates and times: "18 August 2022", "July 20", "12th", "5:00am", "00.01hrs".
DATE_AFTER = rf"^(?:(?:st|nd|rd|th)\b|[ \t]*(?:{_MONTH_ALT})\b|[ \t]*(?:am|pm|hrs?)\b|(?:am|pm|hrs?)\b)"
DATE_BEFORE_RE = regex.compile(rf"\b(?:{_MONTH_ALT})[ \t]+$", regex.IGNORECASE)
#: Money: "£1.2m", "1.3 million pounds".
MONEY_BEFORE_RE = regex.compile(r"[£$€][ \t]*$")
#: What may follow a number that is not a count: a percent sign, a date or time, the rest
#: of a range (matched once for all three, as only whether any matches is asked).
NOT_A_COUNT_AFTER_RE = regex.compile(
    "|".join(f"(?:{p})" for p in (_PERCENT_AFTER, DATE_AFTER, RANGE_AFTER)), regex.IGNORECASE
)

#: What ``NOT_A_COUNT_AFTER_RE`` may begin with after spaces and tabs (or a digit, a
#: character outside ASCII, or another white space character).
NOT_A_COUNT_AFTER_FIRST_CHARS = frozenset("%pstnrjfmaodhi-/")


def _cannot_follow(first: str) -> bool:
    """True where ``NOT_A_COUNT_AFTER_RE`` cannot match text whose first character after
    spaces and tabs is ``first``: a printable ASCII character none of its branches begins
    with (most numbers are followed by a noun: "cases", "children")."""
    return (
        first.isascii()
        and first.isprintable()
        and first != ""
        and not first.isdigit()
        and first.lower() not in NOT_A_COUNT_AFTER_FIRST_CHARS
    )


#: How the words that ``NOT_A_COUNT_AFTER_RE`` may read after a number begin, lower-cased:
#: "per cent", a month, a time's "am"/"pm"/"hrs", an ordinal's suffix, a range's "to",
#: "and", "or", "in".
NOT_A_COUNT_AFTER_PREFIXES = (
    *sorted({m[:3] for m in MONTHS}),
    *"per am pm hr st nd rd th to and or in".split(),
)


def _may_follow(rest: str) -> bool:
    """False where ``NOT_A_COUNT_AFTER_RE`` cannot match the text after a number that
    reads ``rest`` after its spaces and tabs, as ``rest`` begins with an ASCII letter and
    none of the words the pattern reads begins so ("cases", "recommendations",
    "children"): a string test instead of the pattern for most counts. (The pattern reads
    "ſ" as "s" and "İ" as "i", but only as a word's first letter, which is not ASCII.)"""
    first = rest[:1]
    if not (first.isalpha() and first.isascii()):
        return True
    return rest[:3].lower().startswith(NOT_A_COUNT_AFTER_PREFIXES)


#: How each pattern above that reads the text before a number must end (after spaces and
#: tabs): its last word, lower-cased, or its last character. ``_tail`` tells these at the
#: cost of a string method, so the pattern is searched only where it can match (one
#: number in five or fewer), never changing what it finds.
MONTH_WORDS = frozenset(MONTHS)
MONEY_END_CHARS = frozenset("£$€")
RANGE_END_WORDS = frozenset("to and or in".split())
RANGE_END_CHARS = frozenset("–-—/")  # and any digit
REFERENCE_END_WORDS = frozenset(
    """annex annexe appendix figure table chapter section standard standards domain domains
    page pages note notes paragraph para version number item question phase level step stage
    tier part covid aged of ages day year floor score rank grade box every any no""".split()
)
REFERENCE_END_CHARS = frozenset(".:")  # "fig.", "no.", "score:"
DENOMINATOR_END_WORDS = frozenset("out of a possible maximum total".split())
#: A list or note number at the start of a line ("1. The report ...", "2) ...") or a
#: standard's id heading a ratings-table row ("1.1 Leadership", "P 1.3 Partnerships").
LIST_NUMBER_RE = regex.compile(r"^[ \t]*(?:[A-Z][ \t]+)?$")
LIST_AFTER_RE = regex.compile(r"^[.)](?:\s|$)")
SECTION_AFTER_RE = regex.compile(r"^[ \t]+\p{Lu}")

# --------------------------------------------------------------------------------------
# The noun phrase after a number: a closed-class grammar
# --------------------------------------------------------------------------------------

#: Words that can never be inside the noun phrase counted: determiners, pronouns,
#: prepositions, conjunctions, auxiliaries and common verbs, adverbs. A phrase ends at
#: the first of them ("58 cases [and] found", "60 staff [after] the ...").
STOP_WORDS = frozenset(
    """a an the this that these those their his her its our your my them they we you it he she
    who whom which what whose there here
    of in on at for to from with by into onto over under about across after before during
    within without between among amongst against through throughout towards toward per via
    upon than as like since until while whilst where when whereas because although though if
    and or but nor so yet also both either neither not no nor only just even still already
    is are was were be been being am has have had do does did will would shall should can
    could may might must need needs
    said says found find finds made make makes met held took take gave give told spoke saw
    looked look visited examined reviewed interviewed inspected rated scored received
    supervise supervises supervised manage managed work worked works remain remained
    very more most less least much many few several some all each every any others
    such same own then now today yesterday ago again always never often sometimes""".split()
)
#: Nouns whose plural does not end in "s", and mass nouns that are counted ("60 staff").
IRREGULAR_PLURALS = frozenset("people children staff women men police personnel".split())
#: Words ending in "s" that are not plural nouns.
NOT_PLURAL = frozenset(
    """was has is its this thus us as always perhaps across towards afterwards besides unless
    whereas yes his hers ours theirs yours news series means species status focus various
    previous serious numerous""".split()
)
#: Verbs in the third person that end like plural nouns: "three counties and operates ...".
VERBS_3SG = frozenset(
    """operates employs supervises manages works covers serves includes provides delivers runs
    makes needs shows remains requires means uses holds sits receives contains leads
    covers spans""".split()
)
#: Singular nouns that "one" can count ("one PDU", "one recommendation"). Not a person:
#: "One person told us", "one man had been held" open an anecdote with the indefinite
#: article. An area only as one to improve (`ONE_AREA_COUNTED_RE`): "in one area we found".
SINGULAR_COUNT_NOUNS = frozenset(
    """case cases recommendation pdu unit service officer practitioner child
    region area standard point report member post""".split()
)
ONE_AREA_COUNTED_RE = regex.compile(
    r"[ ](?:for[ ](?:improvement|development)|of[ ](?:concern|weakness)|(?:where|that|which|in[ ]which)\b)",
    regex.IGNORECASE,
)
#: "one PDU ... the other" later in the sentence: "one" picks out one of two, not a count.
ONE_THE_OTHER_RE = regex.compile(r"[^.!?\n]*?\bthe[ \t]+other\b", regex.IGNORECASE)
#: Prepositional phrases that belong to the noun ("people on probation", "children in
#: care", "areas for improvement", "heads of service").
NOUN_ATTACHMENTS_RE = regex.compile(
    r"[ \t]+(?:on[ ]probation|in[ ]care|for[ ]improvement|of[ ]service|on[ ]licence)\b",
    regex.IGNORECASE,
)
#: How the words after a noun begin where NOUN_ATTACHMENTS_RE can match them.
ATTACHMENT_HEADS = frozenset("on in fo of".split())
#: One word of text, as a noun phrase is built from them: letters with inner hyphens and
#: apostrophes ("out-of-court", "children’s", "PDUs"); a line break is crossed only where
#: the next line goes on in lower case (text wrapped in a PDF column).
WORD_AFTER = r"(?:[ \t]+|[ \t]*\n(?=\p{Ll}))(?P<w>\p{L}(?:[\p{L}\p{M}’'\-]*\p{L})?(?:[’']s|(?<=s)[’'](?!\p{L}))?)"
#: One such word (``_Words`` reads up to eight in a row, one match each).
WORD_AFTER_RE = regex.compile(WORD_AFTER)
POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")

# --------------------------------------------------------------------------------------
# Context that gives an elided noun or qualifies the number
# --------------------------------------------------------------------------------------

#: Qualifiers, as written before the number, longest first.
QUALIFIERS = (
    "just over",
    "just under",
    "well over",
    "a little over",
    "a little under",
    "more than",
    "fewer than",
    "less than",
    "up to",
    "close to",
    "at least",
    "at most",
    "a further",
    "an estimated",
    "nearly",
    "almost",
    "around",
    "about",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "only",
    "just",
)
QUALIFIER_BEFORE_RE = regex.compile(
    r"\b(?P<q>" + "|".join(q.replace(" ", "[ \t]+") for q in QUALIFIERS) + r")[ \t]+$",
    regex.IGNORECASE,
)
#: "over 24 sessions" runs across them: "over" qualifies no number of these.
OVER_MEANS_ACROSS = frozenset("sessions meetings weeks days visits".split())
#: Qualifiers written after the number: "12 or more practitioners".
POST_QUALIFIER_RE = regex.compile(r"[ \t]+(?P<q>or[ \t]+(?:more|fewer|less|over))\b", regex.IGNORECASE)
#: Words that stand before a number whose noun is elided ("The remaining three").
LEADER_BEFORE_RE = regex.compile(
    r"\b(?P<l>the[ \t]+remaining|remaining|the[ \t]+other|another|a[ \t]+further)[ \t]+$",
    regex.IGNORECASE,
)
#: A split or a share of an earlier count: "seven for the CRC", "nine to HM Prison and
#: Probation Service", "four aimed at the London regional probation director".
SPLIT_AFTER_RE = regex.compile(
    r"""[ \t]+(?:
        (?:for|to|at)[ \t]+(?=the\b|a\b|an\b|his\b|her\b|its\b|their\b|\p{Lu})   # "two at the region"
      | in[ \t]+(?=\p{Lu})                              # "44 cases in Eastwold and 41 in Westwold"
      | (?:are|were|was|is)[ \t]+(?:aimed|directed|addressed|for|to)\b
      | (?:aimed|directed|addressed)[ \t]+(?:at|to)\b
    )[^\n,;.:()]*(?<![ \t])""",  # to the end of the clause or an aside in brackets
    regex.VERBOSE,
)
#: "and" or "or" between two numbers that share one noun ("three and five points").
COORDINATED_AFTER_RE = regex.compile(r"[ \t]+(?:and|or)[ \t]+", regex.IGNORECASE)
BETWEEN_BEFORE_RE = regex.compile(r"\bbetween[ \t]+$", regex.IGNORECASE)
#: A total after its parts: "five ... and three ..., eight in total".
TOTAL_AFTER_RE = regex.compile(r"[ \t]+(?:in[ \t]+total|in[ \t]+all|altogether)\b", regex.IGNORECASE)
#: Words that open a clause whose subject may be a bare number ("found that 28 had not").
CLAUSE_OPENERS = frozenset("that and but while whilst whereas although though".split())
#: Gapping: "Tynebridge scored 10 points and Wearmouth 4", "Eastwold PDU receives three
#: recommendations and Westwold PDU five": "and", a name, then the number, its verb and
#: noun left out (the name's words are capitalised; group ``l`` is the name).
GAPPED_BEFORE_RE = regex.compile(
    r"(?P<and>[ \t]+and[ \t]+)(?P<l>\p{Lu}[\p{L}’'\-]*(?:[ \t]+\p{Lu}[\p{L}’'\-]*){0,3})[ \t]+$"
)
#: A number after "caseloads of" counts cases ("caseloads of more than 80").
CASELOAD_BEFORE_RE = regex.compile(r"\bcaseloads?[ \t]+of[ \t]+$", regex.IGNORECASE)
#: A share named by a pronoun: "five of which", "Four of these", "95 of them".
PRONOUN_OF_RE = regex.compile(r"[ \t]+of[ \t]+(?:them|which|these|those|whom)\b", regex.IGNORECASE)
#: A verb straight after the number: its subject is the count ("Five are for the PDU").
VERB_AFTER_RE = regex.compile(
    r"(?:[ \t]+\([^()\n]{1,20}\))?"  # a bracketed aside first: "29 (62%) are rated"
    r"[ \t]+(?:are|were|was|is|had|have|has|will|would|remain|remained|went|go|being)\b",
    regex.IGNORECASE,
)
#: A whole counted by what was done to it, its noun left out: "of the 47 inspected so far".
PARTICIPLE_AFTER_RE = regex.compile(
    r"[ \t]+(?:inspected|visited|assessed|reviewed|examined|rated|graded|judged)\b", regex.IGNORECASE
)
THE_BEFORE_RE = regex.compile(r"\bthe[ \t]+$", regex.IGNORECASE)
#: A share of a whole just named: "1,730 people, of whom 410 are serving", "of which 12 were".
OF_WHOLE_PRONOUN_BEFORE_RE = regex.compile(r"\bof[ \t]+(?:whom|which)[ \t]*,?[ \t]*$", regex.IGNORECASE)
#: A whole opening its clause: "Of the 52 cases inspectors examined, 19 had gone".
OF_THE_BEFORE_RE = regex.compile(r"\b(?:of|across|among|amongst)[ \t]+(?:the|those|these)[ \t]+$", regex.IGNORECASE)
#: A number after a group written before it: "a staff team of 26", "a workforce of
#: about 40". Group ``m`` is what the group is made of, where written ("staff").
GROUP_OF_BEFORE_RE = regex.compile(
    r"""\b(?P<a>an?)[ \t]+(?P<m>(?:[\p{L}\-]+[ \t]+){0,2}?)  # "a staff "
        (?P<g>team|workforce|cohort|caseload)[ \t]+of[ \t]+$  # "team of "
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: What a group's members are called when its name does not say.
GROUP_MEMBERS = {"team": "staff", "workforce": "staff", "cohort": "people", "caseload": "cases"}
#: The clause ends right after the number ("some 2,400, many ...", "scored just three.").
CLAUSE_END_AFTER_RE = regex.compile(r"[ \t]*(?:[,.;:)]|$)", regex.MULTILINE)
#: "one of eight in the region": the number after "one of" counts the group.
ONE_OF_BEFORE_RE = regex.compile(r"\bone[ \t]+of[ \t]+(?:only[ \t]+)?$", regex.IGNORECASE)
#: Tallies of ratings: "‘Good’ in 10", "one rated outstanding", "two good", "the other
#: two ‘Requires improvement’". The rating itself is read by the shared ``RATING_RE``
#: (its pattern, spelt out for words broken by PDF extraction, is slow to compile);
#: these patterns read what stands between it and the number (see ``_tally_before`` and
#: ``_tally_after``).
TALLY_IN_RE = regex.compile(r"[’'\"”]?[ \t]+in[ \t]+$", regex.IGNORECASE)  # "’ in " before
# " rated ‘", " as ‘" ("55 have been rated as ‘Good’ and 12 as ‘Outstanding’")
TALLY_LEAD_RE = regex.compile(r"[ \t]+(?:rated[ \t]+(?:as[ \t]+)?|as[ \t]+)?[‘'\"“]?", regex.IGNORECASE)
OPENING_QUOTES = frozenset("‘'\"“")
CLOSING_QUOTES = frozenset("’'\"”")
RATING_FIRST_LETTERS = frozenset("rRoOiIgG\u0130")  # "İ" reads as "i"
_WORD_CHAR_RE = regex.compile(r"\w")
#: The last words of the patterns above that read the text before a number (see ``_tail``).
QUALIFIER_END_WORDS = frozenset(q.split()[-1] for q in QUALIFIERS)
LEADER_END_WORDS = frozenset("remaining other another further".split())
ONE_OF_END_WORDS = frozenset("of only".split())
TALLY_END_WORDS = frozenset(["in"])
#: "of the", "of those", "of the region’s", "of a possible", "of the 27 available": what may
#: stand between "N of" and the noun of the whole it is part of.
OF_DETERMINERS_RE = regex.compile(
    r"""[ \t]+of
        (?:[ \t]+(?:the|those|these|our|its|their|his|her|all|a[ \t]+possible|a[ \t]+total[ \t]+of
                  |a[ \t]+maximum[ \t]+of|\p{L}[\p{L}\-]*[’']s))*
    """,  # then, maybe, the whole: ``_whole_after``
    regex.IGNORECASE | regex.VERBOSE,
)
#: "11 out of 27", "nine out of 12 of our", "zero out of a total of 36".
OUT_OF_RE = regex.compile(
    r"""[ \t]+out(?:[ \t]+of)?
        (?:[ \t]+a)?(?:[ \t]+(?:possible|total[ \t]+of|maximum[ \t]+of))?
    """,  # then the whole (``_whole_after``), then maybe OUT_OF_END_RE
    regex.IGNORECASE | regex.VERBOSE,
)
OUT_OF_END_RE = regex.compile(r"[ \t]+of[ \t]+(?:the|our|its|their|those|these)", regex.IGNORECASE)
#: The digits of a whole ("of the 1,200").
WHOLE_DIGITS_RE = regex.compile(r"\d[\d,]*")
#: A sentence boundary, for how far back an elided noun's antecedent may be.
SENTENCE_END_RE = regex.compile(r"[.!?][’”\"')]*\s+|\n")
_ANTECEDENT_REACH = 2  # the sentence of the number and the one before it

# --------------------------------------------------------------------------------------
# Table rows with the label first: "court disposals 14", "Caseload (people on probation) 3,415"
# --------------------------------------------------------------------------------------

#: Head words of table labels that name something counted.
LABEL_NOUNS = frozenset(
    """caseload cases case staff officers practitioners managers people children women men
    disposals users reports posts sentences licences orders referrals volunteers vacancies
    interviews meetings""".split()
)
#: Head words of a fact box's "Label: value" lines, where the colon tells a fact from a
#: contents entry ("Recommendations 6" is a page number).
FACT_BOX_NOUNS = LABEL_NOUNS | frozenset("recommendations standards services units pdus".split())
#: An age range inside a label ("Children aged 10 to 17 in Kestrelford 21,300"): its
#: numbers are the label's, not another number the row could be about.
LABEL_AGES_RE = regex.compile(r"\baged[ \t]+\d+(?:[ \t]*(?:to|–|-)[ \t]*\d+)?", regex.IGNORECASE)
ROW_END_AFTER_RE = regex.compile(r"[ \t]*(?:$|[),|])", regex.MULTILINE)
#: What may follow the number of a row, where ROW_END_AFTER_RE can match.
ROW_END_FIRST_CHARS = frozenset(["", "\n", " ", "\t", ")", ",", "|"])


@dataclass(frozen=True)
class _Phrase:
    noun: str
    start: int
    end: int


class _Lines:
    """Which lines of a text are page furniture or contents entries, asked line by line
    (only lines that hold a number are ever looked at)."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: per line (see `verdict`), keyed by its start (negated, less one, without contents)
        self.cache: dict[int, bool | list[Span]] = {}

    def excluded(self, pos: int, *, contents: bool = True) -> bool:
        """Whether the number at ``pos`` stands in page furniture or a contents entry."""
        return _holds(self.verdict(pos, contents=contents), pos)

    def verdict(self, pos: int, *, contents: bool = True) -> bool | list[Span]:
        """For the line holding ``pos``: whether it is furniture (or a contents entry), or,
        for a paragraph of prose with a download link's details in it, their spans."""
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        key = start if contents else -start - 1
        if key not in self.cache:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[start:end]
            # The patterns are tried only where they can match: a furniture line begins
            # with one of FURNITURE_OPENINGS, a digit or "©"; a contents line holds a run
            # of dots.
            first = line.lstrip(" \t")[:2].lower()
            whole = (
                (
                    first in FURNITURE_OPENINGS
                    or not first.isascii()
                    # after a digit only the comment counter's "12 comments" can follow
                    or (first[:1].isdigit() and "comment" in line.lower())
                )
                and bool(FURNITURE_LINE_RE.match(text, start, end))
            ) or (
                contents
                and ("...." in line or "……" in line or ". . . " in line)
                and bool(CONTENTS_LEADER_RE.search(text, start, end))
            )
            found = (
                [(start + m.start(), start + m.end()) for m in FURNITURE_ANYWHERE_RE.finditer(line)]
                if not whole and any(k in line for k in FURNITURE_ANYWHERE_KEYS)
                else []
            )
            # a banner, a licence line or a link's line is furniture whole; a paragraph, only
            # the furniture in it
            self.cache[key] = found if found and len(line) > FURNITURE_LINE_CHARS else whole or bool(found)
        return self.cache[key]


def _holds(verdict: bool | list[Span], pos: int) -> bool:
    """Whether a line's `_Lines.verdict` excludes the number at ``pos``."""
    if isinstance(verdict, bool):
        return verdict
    return any(a <= pos < b for a, b in verdict)


#: See ``_tail``.
_Tail = tuple[str, str | None, bool]


def _tail(before: str) -> _Tail:
    """The last character of ``before`` that is not a space or tab, and the word it ends,
    lower-cased: what a pattern anchored at the end of ``before`` has to end with. The word
    is "" where that character is not a letter, and None where the word is not plain ASCII
    (the case-insensitive patterns read "ſ" as "s" and "K" as "k": only they can tell).
    A final line break is passed over as ``$`` passes over it ("around \\n1,950").
    The flag is True where something comes before that word in ``before``: the same text
    with more before it then has the same tail."""
    t = (before[:-1] if before.endswith("\n") else before).rstrip(" \t")
    last = t[-1:]
    if not last.isalpha():
        return last, "", last != ""
    word = t.rsplit(None, 1)[-1]
    if not word.isalpha():  # "(over", "‘Good’ in": the letters at the end
        i = len(word)
        while word[i - 1].isalpha():
            i -= 1
        word = word[i:]
    return last, word.lower() if word.isascii() else None, len(word) < len(t)


def _head(text: str, pos: int) -> str:
    """The three characters after the spaces and tabs at ``pos``, lower-cased; "" where
    no space or tab comes first. The patterns read after a number that begin with
    ``[ \\t]+of``, ``[ \\t]+or`` or ``[ \\t]+out`` are tried only where this begins so."""
    i = pos
    while text[i : i + 1] in (" ", "\t"):
        i += 1
    return text[i : i + 3].lower() if i > pos else ""


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    if low in NOT_PLURAL or low in STOP_WORDS or low in VERBS_3SG or word.endswith(POSSESSIVE_ENDINGS):
        return False
    if word.isupper():  # "YJS" is one service ...
        return False
    if word[:-1].isupper() and word.endswith("s"):  # ... "PDUs" and "CRCs" are several
        return True
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


class _Words:
    """The words (with their spans) that follow a position one after another, at most
    ``limit`` (8 at most), read one at a time as they are asked for: a noun phrase is
    mostly told from its first two or three words. ``get(i)`` is what
    ``WORDS_AFTER_RE``'s i-th repetition reads (the repetitions read each word in turn,
    and nothing after them makes them read otherwise), or None past the last."""

    __slots__ = ("text", "pos", "limit", "items", "done")

    def __init__(self, text: str, pos: int, limit: int = 8) -> None:
        self.text = text
        self.pos = pos
        self.limit = min(limit, 8)
        self.items: list[tuple[str, int, int]] = []
        self.done = False

    def get(self, i: int) -> tuple[str, int, int] | None:
        items = self.items
        while len(items) <= i and not self.done:
            m = WORD_AFTER_RE.match(self.text, self.pos) if len(items) < self.limit else None
            if m is None:
                self.done = True
                break
            s, e = m.span("w")
            items.append((self.text[s:e], s, e))
            self.pos = m.end()
        return items[i] if i < len(items) else None


def _words(text: str, pos: int, limit: int = 8) -> _Words:
    """The words that follow ``pos`` (see ``_Words``)."""
    return _Words(text, pos, limit)


def _noun_phrase(text: str, pos: int, *, singular: bool = False, words: _Words | None = None) -> _Phrase | None:
    """The noun phrase starting right after ``pos``: modifiers, then a plural head
    ("24 children’s cases", "four police forces", "trainee probation officers"), with the
    prepositional phrases and coordinations that belong to it ("people on probation",
    "staff and volunteers", "children and their families"). None if no head comes before
    a word that cannot be inside a noun phrase. ``words`` are ``_words(text, pos)`` where
    the caller has them already."""
    if words is None:
        words = _words(text, pos)
    head = -1
    i = -1
    while (item := words.get(i + 1)) is not None:
        i += 1
        w = item[0]
        low = w.lower()
        if head >= 0:
            # a compound goes on with another plural ("police forces"), nothing else
            if _is_plural(w) and low not in STOP_WORDS:
                head = i
                continue
            break
        if low in ("and", "or") and 0 < i and words.get(i + 1) is not None:
            continue  # "low and medium-risk offenders"
        if low in STOP_WORDS:
            return None
        if singular:
            if low in SINGULAR_COUNT_NOUNS:
                first = words.items[0][0]
                if i and first[:1].isupper() and not first.isupper():
                    return None  # "One Wold PDU": "one" before a name picks it out
                head = i
                break
            if i >= 1:
                return None
            continue
        if not singular and _is_plural(w):
            head = i
        elif not singular and low in VERBS_3SG and (nxt := words.get(i + 1)) is not None and nxt[0] == "of":
            # "more than 300 uses of restraint": a noun like a verb, known by its "of"
            # (CQC reports), which takes the thing it is of along
            obj = words.get(i + 2)
            if obj is None or obj[0].lower() in STOP_WORDS:
                return None
            return _Phrase(text[words.items[0][1] : obj[2]], words.items[0][1], obj[2])
        elif i >= 4:
            return None
    if head < 0:
        return None
    start, end = words.items[0][1], words.items[head][2]
    att = NOUN_ATTACHMENTS_RE.match(text, end) if _head(text, end)[:2] in ATTACHMENT_HEADS else None
    if att:
        end = att.end()
    # a coordinated plural: "staff and volunteers", "police and crime commissioners"
    follows = text[end : end + 16].lstrip(" \t\n")[:3].lower()  # only "and"/"or" go on
    rest = _words(text, end, 4) if not follows or follows == "and" or follows[:2] == "or" else None
    first_rest = rest.get(0) if rest is not None else None
    if (
        first_rest is not None
        and first_rest[0].lower() in ("and", "or")
        and text[end : first_rest[1]].strip() == ""
    ):
        assert rest is not None  # first_rest is its first word
        j = 0
        while (item := rest.get(j + 1)) is not None:
            j += 1
            w, _, e = item
            low = w.lower()
            if j == 1 and low in ("their", "other"):
                continue
            if WORD_NUMBER_RE.fullmatch(w):
                break  # "four police forces and five police ...": a new count
            if _is_plural(w) and low not in STOP_WORDS:
                end = e
                break
            if low in STOP_WORDS or low.endswith(("ed", "ing")) or j >= 3:
                break
    return _Phrase(text[start:end], start, end)


def _of_phrase(text: str, pos: int) -> tuple[_Phrase, int | None] | None:
    """After "N": "of the recommendations", "of the home’s care staff", "of the 12
    recommendations", "of a possible 36 points". The noun, and where a whole ("12") ends."""
    m = OF_DETERMINERS_RE.match(text, pos)
    if not m:
        return None
    whole = _whole_after(text, m.end())
    end = m.end() if whole is None else whole
    if text[pos:end].split() == ["of"]:
        return None
    phrase = _noun_phrase(text, end)
    if phrase is None:
        return None
    return _Phrase(phrase.noun, pos, phrase.end), whole


def _out_of(text: str, pos: int) -> int | None:
    """Where "out of 27", "out of a possible 36 of the", "out of twelve" after ``pos``
    ends, or None: the words before the whole are read greedily, as none of them could
    be the whole."""
    m = OUT_OF_RE.match(text, pos)
    whole = _whole_after(text, m.end()) if m else None
    if whole is None:
        return None
    end = OUT_OF_END_RE.match(text, whole)
    return end.end() if end else whole


def _whole_after(text: str, pos: int) -> int | None:
    """Where a number after the spaces and tabs at ``pos`` ends ("the 27", "of twelve"),
    in digits (commas kept) or words; None if no space, tab or number comes."""
    i = pos
    while text[i : i + 1] in (" ", "\t"):
        i += 1
    if i == pos:
        return None
    m = WHOLE_DIGITS_RE.match(text, i) or WORD_NUMBER_RE.match(text, i)
    return m.end() if m else None


def _number_word_after(text: str, pos: int) -> bool:
    """Whether a number in words begins at ``pos`` (and a word does not go on before
    it): "zero to three", "16 and seventeen", "four-five"."""
    prev = text[pos - 1 : pos]
    if prev == "-":  # WORD_NUMBER_RE would not read a number after a hyphen
        return bool(WORD_NUMBER_RE.match(" " + text[pos:], 1))
    return not _WORD_CHAR_RE.match(prev) and bool(WORD_NUMBER_RE.match(text, pos))


def _and_number(text: str) -> int | None:
    """Where the first " and " followed by a number in ``text`` begins, or None."""
    i = 0
    while (m := _AND_RE.search(text, i)) is not None:
        if text[m.end() : m.end() + 1].isdecimal() or WORD_NUMBER_RE.match(text, m.end()):
            return m.start()
        i = m.start() + 1
    return None


class _Scanner:
    """Walks the numbers of one document left to right, keeping the counts found so far
    (an elided noun is taken from the last of them)."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.lines = _Lines(doc.text)
        self.candidates = _numbers(doc.text)
        self.found: list[Count] = []
        self.consumed = 0  # numbers before this offset were part of a count already
        #: "three and five points": the first number's count and the start of the second
        #: (which is read as a count of its own although "and" comes before it).
        self.shared: tuple[int, _Phrase] | None = None
        self.shared_from = -1
        #: the starts and ends of the text's sentence ends (`SENTENCE_END_RE`), once asked for
        self.ends: tuple[list[int], list[int]] | None = None

    def run(self) -> list[Count]:
        text = self.text
        # the line of the last number, and whether it is furniture (or the furniture in it)
        line_end = -1
        verdict: bool | list[Span] = False
        for m in self.candidates:
            start, end = m.span()
            if start < self.consumed and start != self.shared_from:
                continue
            if start > line_end:
                verdict = self.lines.verdict(start)
                line_end = text.find("\n", start)
                line_end = len(text) if line_end < 0 else line_end
            if _holds(verdict, start):
                continue
            raw = m.group()
            if len(raw) == 4 and raw[:2] in ("19", "20") and raw[2:].isdecimal():
                # A year: never a count (``_not_a_count``), and the end of a pair.
                if self.shared is not None:
                    self.shared, self.shared_from = None, -1
                continue
            value = parse_number(raw)
            if value is None:
                continue
            count = self._count_at(start, end, value)
            if count is not None:
                self.found.append(count)
                self.consumed = count.span[1]
        return self.found

    # -- the number in context ---------------------------------------------------------

    def _not_a_count(self, start: int, end: int, raw: str, before: str, tail: _Tail) -> bool:
        """True where the words around the number make it a date, time, year, age,
        range, ratio, reference, list number, money or percentage. ``before`` is the 40
        characters before it, ``tail`` their ``_tail``."""
        text = self.text
        after = text[end : end + 40]
        if (after[:1] == "-" and after[1:2].isalnum()) or after[:1] == "/" or before.endswith(("-", "/")):
            return True  # "four-point scale", "17-year-olds", "Covid-19", "17/27"
        if raw[:1] == "0" and raw[1:2].isdigit():
            return True  # "00:01", "020 7946 0412"
        if len(raw) == 4 and raw[:2] in ("19", "20") and raw[2:].isdecimal():  # _YEAR_RE
            return True  # a year
        if (
            raw[:1].isdigit()
            and (
                (after[:1] in (".", ")") and LIST_AFTER_RE.match(after))
                or ("." in raw and SECTION_AFTER_RE.match(after))
            )
            and LIST_NUMBER_RE.match(text[text.rfind("\n", 0, start) + 1 : start])
        ):
            return True  # "1. The report", "1.1 Leadership Good"
        rest = after.lstrip(" \t")
        first = rest[:1]
        not_count = None if _cannot_follow(first) or not _may_follow(rest) else NOT_A_COUNT_AFTER_RE.match(after)
        if (
            not_count
            and (not not_count.group("range") or _number_word_after(after, not_count.end()))
            and not (first in ("a", "o", "A", "O") and self._coordinated(start, end, before))
        ):
            return True  # "33 per cent", "18 August", "12th", "zero to three", "1/27"
        last, word, _ = tail
        if last in MONEY_END_CHARS and MONEY_BEFORE_RE.search(before):
            return True
        if (word is None or word in MONTH_WORDS) and DATE_BEFORE_RE.search(before):
            return True
        if (
            (word is None or word in RANGE_END_WORDS or last in RANGE_END_CHARS or last.isdigit())
            and start != self.shared_from
            and _range_before(before)
        ):
            return True
        if (word is None or word in REFERENCE_END_WORDS or last in REFERENCE_END_CHARS) and (
            ref := REFERENCE_BEFORE_RE.search(before, max(0, len(before.rstrip(" \t\n")) - 12))
        ):
            # "a score of 24 points out of a possible 36" counts points; "a score of 32" is
            # a unit's score, not a count.
            if not (ref.group()[:5].lower() == "score" and POINTS_AFTER_RE.match(after)):
                return True
        if (word is None or word in DENOMINATOR_END_WORDS) and DENOMINATOR_BEFORE_RE.search(before):
            return True
        if before.endswith("(") and after.startswith(")"):
            return True  # "Comments (4)"
        return False

    def _coordinated(self, start: int, end: int, before: str) -> bool:
        """Whether the number at ``start:end`` shares the noun of a second number after
        "and" or "or" ("three and five points", "2 or 3 cases"); if so it is kept in
        ``self.shared``. Not after "between": "between 9 and 20 cases" is a range."""
        text = self.text
        m = COORDINATED_AFTER_RE.match(text, end)
        if m is None or BETWEEN_BEFORE_RE.search(before):
            return False
        second = DIGIT_NUMBER_RE.match(text, m.end()) or WORD_NUMBER_RE.match(text, m.end())
        if second is None or text[second.end() : second.end() + 1] in ("-", "/"):
            return False
        phrase = _noun_phrase(text, second.end())
        if phrase is None or any(w in NOT_COUNTED_NOUNS for w in phrase.noun.lower().split()):
            return False
        self.shared = (start, phrase)
        self.shared_from = second.start()
        return True

    def _count_at(self, start: int, end: int, value: int | float) -> Count | None:
        text, raw = self.text, self.text[start:end]
        before = text[max(0, start - 40) : start]
        tail = _tail(before)
        if self._not_a_count(start, end, raw, before, tail):
            if self.shared is not None:  # "aged 16 and 17 children": neither is a count
                self.shared, self.shared_from = None, -1
            return None
        before = text[max(0, start - 60) : start]
        _, word, whole = tail
        if not whole:  # the 40 characters end in a word that may begin further back
            _, word, _ = _tail(before)
        q = QUALIFIER_BEFORE_RE.search(before) if word is None or word in QUALIFIER_END_WORDS else None
        qualifier = q.group("q").lower() if q else None
        qstart = start - len(before) + q.start("q") if q else start
        if self.shared is not None and self.shared[0] == start:  # "three and five points"
            shared = self.shared[1]
            self.shared = None
            return self._make(value, qualifier, shared.noun, qstart, shared.end)
        pos = end
        head = _head(text, pos)
        pq = POST_QUALIFIER_RE.match(text, pos) if head[:2] == "or" else None
        if pq:
            qualifier = qualifier or pq.group("q").lower()
            pos = pq.end()
            head = _head(text, pos)
        is_one = value == 1

        # "11 out of 27 inspection points" / "16 out of 27" (a score with no noun: none)
        out = _out_of(text, pos) if head == "out" else None
        if out is not None:
            phrase = _noun_phrase(text, out)
            if phrase is None or phrase.noun.lower().split()[-1] in NOT_COUNTED_NOUNS:
                self.consumed = out
                return None
            return self._make(value, qualifier, phrase.noun, qstart, phrase.end)

        # "Five of the recommendations", "nine of the 12 recommendations"
        if not is_one and head[:2] == "of":
            of = _of_phrase(text, pos)
            if of is not None:
                phrase, _ = of
                noun = _strip_determiners(phrase.noun)
                return self._make(value, qualifier, noun, qstart, phrase.end)

        # "over 4,000 cases", "60 staff", "one PDU"
        words = _words(text, pos)
        phrase = _noun_phrase(text, pos, singular=is_one, words=words)
        if phrase is not None:
            last = phrase.noun.lower().split()[-1]
            if last in NOT_COUNTED_NOUNS:
                return None  # "more than two years", "20 miles", "two grades"
            if is_one and ONE_THE_OTHER_RE.match(text, phrase.end):
                return None  # "the strengths of one PDU to support the other": a contrast
            if is_one and last == "area" and not ONE_AREA_COUNTED_RE.match(text, phrase.end):
                return None  # "In one area we found ...": a place, not a count
            if qualifier == "over" and last in OVER_MEANS_ACROSS:
                qualifier, qstart = None, start  # "runs over 24 sessions"
            return self._make(value, qualifier, phrase.noun, qstart, phrase.end)
        first = words.get(0)
        if first is not None and first[0].lower() in MEASURE_NOUNS:
            return None
        return self._elided(start, end, pos, value, qualifier, qstart, word)

    def _elided(
        self,
        start: int,
        end: int,
        pos: int,
        value: int | float,
        qualifier: str | None,
        qstart: int,
        word: str | None,
    ) -> Count | None:
        """A count whose noun is not written after it: a split, a tally, a share.
        ``word`` is the ``_tail`` word of the 60 characters before the number."""
        text = self.text
        before = text[max(0, start - 60) : start]
        leader = LEADER_BEFORE_RE.search(before) if word is None or word in LEADER_END_WORDS else None
        lstart = start - len(before) + leader.start("l") if leader else qstart
        antecedent = self._antecedent(start)
        noun = antecedent.noun if antecedent else None

        tally = _tally_before(before) if word is None or word in TALLY_END_WORDS else None
        if tally is not None:  # "‘Good’ in 10"
            return self._make(value, qualifier, noun, start - len(before) + tally, end)
        tally_end = _tally_after(text, pos)
        if tally_end is not None:  # "one rated outstanding", "two good"
            return self._make(value, qualifier, noun, lstart, tally_end)
        pron = PRONOUN_OF_RE.match(text, pos) if _head(text, pos)[:2] == "of" else None
        if pron and value != 1:  # "five of which", "95 of them"
            return self._make(value, qualifier, noun, lstart, pron.end())
        one_of = value != 1 and (word is None or word in ONE_OF_END_WORDS) and ONE_OF_BEFORE_RE.search(before)
        if one_of:  # "one of eight in the region"
            return self._make(value, qualifier, noun, lstart, end)
        if qstart >= 3 and text[qstart - 3 : qstart] == "of " and CASELOAD_BEFORE_RE.search(
            text, max(0, qstart - 20), qstart
        ):
            return self._make(value, qualifier, "cases", qstart, end)  # "caseloads of more than 80"
        group = (
            GROUP_OF_BEFORE_RE.search(text, max(0, qstart - 40), qstart)
            if qstart >= 3 and text[qstart - 3 : qstart] == "of "
            else None
        )
        if group and value != 1:  # "a staff team of 26"
            members = group.group("m").split()
            noun = members[-1] if members and _is_plural(members[-1]) else GROUP_MEMBERS[group.group("g").lower()]
            return self._make(value, qualifier, noun, group.start("a"), end)
        if antecedent is None:
            return None
        total = TOTAL_AFTER_RE.match(text, pos) if _head(text, pos)[:1] in ("i", "a") else None
        if total:  # "eight in total"
            return self._make(value, qualifier, noun, lstart, total.end())
        done = PARTICIPLE_AFTER_RE.match(text, pos) if THE_BEFORE_RE.search(before) else None
        if done and value != 1:  # "of the 47 inspected so far"
            return self._make(value, qualifier, noun, lstart, done.end())
        split = SPLIT_AFTER_RE.match(text, pos)
        if split:  # "seven for the CRC", "four aimed at the regional probation director"
            stop = _and_number(split.group())
            stop_at = pos + stop if stop is not None else split.end()
            return self._make(value, qualifier, noun, lstart, stop_at)
        if value == 1:
            return None  # "One described how ...": a pronoun, not a count
        if VERB_AFTER_RE.match(text, pos) and (
            leader
            or qualifier
            or text[start].isupper()
            or word in CLAUSE_OPENERS
            or self._after_whole(start, before, antecedent)
        ):
            return self._make(value, qualifier, noun, lstart, end)  # "The remaining three had"
        if CLAUSE_END_AFTER_RE.match(text, pos):
            if leader or qualifier:
                return self._make(value, qualifier, noun, lstart, end)  # "some 2,400,", "just three."
            gapped = self._gapped(start, before, antecedent)
            if gapped is not None:  # "and Wearmouth 4,"
                return self._make(value, qualifier, noun, gapped, end)
        return None

    def _after_whole(self, start: int, before: str, antecedent: Count) -> bool:
        """Whether the number is a share of the whole counted just before it, its noun
        left out: "of whom 410 are serving" or, after a clause that opens with the whole,
        "Of the 52 cases inspectors examined, 19 had gone" (press releases)."""
        if before.endswith(("whom ", "which ", "whom, ", "which, ")) and OF_WHOLE_PRONOUN_BEFORE_RE.search(before):
            return True
        if not before.rstrip(" \t").endswith(","):
            return False
        a_start, a_end = antecedent.span
        between = self.text[a_end:start]
        return (
            OF_THE_BEFORE_RE.search(self.text, max(0, a_start - 12), a_start) is not None
            and not SENTENCE_END_RE.search(between)
            and between.count(",") == 1
        )

    def _gapped(self, start: int, before: str, antecedent: Count) -> int | None:
        """Where the name of a gapped clause begins ("... scored 10 points and Wearmouth
        4"), or None. The count before must end right before its "and" (only a comma
        between), as the two clauses are parallel."""
        stripped = before.rstrip(" \t")
        last = stripped.rsplit(None, 1)[-1] if stripped else ""
        if not last[:1].isupper():
            return None
        m = GAPPED_BEFORE_RE.search(before)
        if m is None:
            return None
        offset = start - len(before)
        if self.text[antecedent.span[1] : offset + m.start("and")].strip(" \t,"):
            return None
        return offset + m.start("l")

    def _antecedent(self, start: int) -> Count | None:
        """The last count with a noun in this sentence or the one before it."""
        if not self.found:
            return None
        limit = self._reach_limit(start)
        for count in reversed(self.found):
            if count.span[1] < limit:
                return None
            if count.noun:
                return count
        return None

    def _reach_limit(self, start: int) -> int:
        """Where the sentence before the one of ``start`` begins, as far as the 500 characters
        before ``start`` tell: the end of the last sentence end but one among them (their
        start where there are fewer). The sentence ends of the whole text are found once;
        those inside the window are the window's own unless one reaches over an edge of it,
        when the window is searched as it is."""
        w0 = max(0, start - 500)
        if self.ends is None:
            found = [m.span() for m in SENTENCE_END_RE.finditer(self.text)]
            self.ends = ([a for a, _ in found], [b for _, b in found])
        starts, ends = self.ends
        i = bisect.bisect_left(starts, w0)
        j = bisect.bisect_left(starts, start)
        inside = j - i
        edge = (i > 0 and ends[i - 1] > w0) or (j > 0 and ends[j - 1] > start)
        if not edge:
            return ends[j - _ANTECEDENT_REACH] if inside >= _ANTECEDENT_REACH else w0
        window = self.text[w0:start]
        window_ends = [m.end() for m in SENTENCE_END_RE.finditer(window)]
        reach = window_ends[-_ANTECEDENT_REACH] if len(window_ends) >= _ANTECEDENT_REACH else 0
        return w0 + reach

    def _make(
        self, value: int | float, qualifier: str | None, noun: str | None, start: int, end: int
    ) -> Count:
        return Count(
            value=value, qualifier=qualifier, noun=noun, text=self.text[start:end], span=(start, end)
        )


def _tally_before(before: str) -> int | None:
    """Where in ``before`` a rating followed by "in" begins, as ``before`` ends ("‘Good’ in
    ", "Requires improvement in "): the offset of the rating or of its opening quote.

    The rating must end where "’ in " begins, and may begin anywhere before (even inside
    a word): the first place from which ``RATING_RE`` reads exactly up to there."""
    tail = TALLY_IN_RE.search(before)
    if tail is None:
        return None
    end = tail.start()
    for i in range(end):
        # A space before it, so that RATING_RE's \b does not ask for a word to begin.
        if before[i] in RATING_FIRST_LETTERS and RATING_RE.fullmatch(" " + before[i:end], 1):
            return i - 1 if i and before[i - 1] in OPENING_QUOTES else i
    return None


def _tally_after(text: str, pos: int) -> int | None:
    """Where a rating after ``pos`` ends, with its closing quote ("one rated outstanding",
    "two ‘good’"), or None. What comes before the rating is read greedily: a rating
    cannot begin with a space, a quote, "rated" or "as", so nothing else could be."""
    lead = TALLY_LEAD_RE.match(text, pos)
    rating = RATING_RE.match(text, lead.end()) if lead else None
    if rating is None:
        return None
    end = rating.end()
    if text[end : end + 1] in CLOSING_QUOTES and not _WORD_CHAR_RE.match(text, end + 1):
        end += 1
    return end


def _strip_determiners(noun: str) -> str:
    """ "the home’s care staff" -> "care staff", "the\nseven recommendations" ->
    "recommendations": the whole's determiners and size are not its noun."""
    words = noun.split()
    while words and (
        words[0].lower() in STOP_WORDS
        or words[0].endswith(POSSESSIVE_ENDINGS)
        or WORD_NUMBER_RE.fullmatch(words[0])
    ):
        words.pop(0)
    return " ".join(words) or noun


def _label_rows(scanner: _Scanner) -> list[Count]:
    """Table rows whose label comes first and the number last: "court disposals 14",
    "Agency staff in post 12", "Caseload (people on probation) 3,415" (reports' contextual
    facts and organisational data tables; PDF text may separate the cells with " | ")."""
    text = scanner.text
    out: list[Count] = []
    spans = Spans([c.span for c in scanner.found])
    for m in scanner.candidates:
        start, end = m.span()
        if text[end : end + 1] not in ROW_END_FIRST_CHARS or not m.group()[:1].isdigit():
            continue
        j = end  # ROW_END_AFTER_RE, told by the character after spaces and tabs first
        while text[j : j + 1] in (" ", "\t"):
            j += 1
        if text[j : j + 1] not in ROW_END_FIRST_CHARS or not ROW_END_AFTER_RE.match(text, end):
            continue
        if spans.holds(start) or scanner.lines.excluded(start):
            continue
        value = parse_number(m.group())
        if value is None or (len(m.group()) == 4 and _YEAR_RE.fullmatch(m.group())):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        label = text[line_start:start].rstrip(" \t|")
        # A fact box's "Label: value" line ("Cases inspected: 46", "Recommendations: 7").
        fact_box = label.endswith(":")
        label = label[:-1] if fact_box else label
        cut = max(label.rfind(","), label.rfind("|"), label.rfind(";"))
        if label.count("(") > label.count(")"):
            cut = max(cut, label.rfind("("))
        label_start = line_start + cut + 1
        label = text[label_start : line_start + len(label)].strip()
        label_start = text.find(label, label_start) if label else start
        if not label or ":" in label or len(label.split()) > 12:
            continue
        if any(c.isdigit() for c in label) and (
            "aged" not in label or any(c.isdigit() for c in LABEL_AGES_RE.sub("", label))
        ):
            continue
        first = _LABEL_SPLIT_RE.split(label)
        nouns = FACT_BOX_NOUNS if fact_box else LABEL_NOUNS
        head = next((w for w in first[:4] if w.lower() in nouns), None)
        if head is None or any(w.lower() in STOP_WORDS for w in first[: first.index(head)]):
            continue
        paren = _PAREN_RE.search(label)
        if head.lower() == "caseload" and paren:
            noun = paren.group(1)
        else:
            noun = " ".join(first[: first.index(head) + 1])
        out.append(
            Count(value=value, qualifier=None, noun=noun, text=text[label_start:end], span=(label_start, end))
        )
    return out


def counts(doc: Document) -> list[Count]:
    """Numbers of things counted, with qualifier and noun; never years, dates, ages or money.

    In document order. ``text`` is the evidence (``doc.text[span]``): the number with its
    qualifier and noun ("over 4,000 cases"), the share it is part of ("Five of the
    recommendations"), or, for an elided noun, the words that carry it ("seven for the CRC").

    >>> from inspection_extract._load import load
    >>> [(c.value, c.qualifier, c.noun) for c in counts(load("It supervises over 4,000 cases."))]
    [(4000, 'over', 'cases')]
    """
    scanner = _Scanner(doc)
    found = scanner.run()
    rows = _label_rows(scanner)
    return sorted(found + rows, key=lambda c: c.span)


def _range_before(before: str) -> bool:
    """Whether ``before`` ends (spaces, tabs and one line break aside) with the first half
    of a range, a pair or a fraction: "zero to ", "16 and ", "between 9 and ", "1/", "16 "."""
    t = before[:-1] if before.endswith("\n") else before
    if t.endswith("/") and t[-2:-1].isdecimal():
        return True  # "1/27"
    u = t.rstrip(" \t")
    if len(u) < len(t) and u[-1:].isdecimal():
        return True  # "16 17-year-olds"
    connector = RANGE_CONNECTOR_END_RE.search(u, max(0, len(u) - 3))  # at most 3 characters long
    if connector is None:
        return False
    v = u[: connector.start()].rstrip(" \t")
    run = len(v)
    while run and (v[run - 1] in RANGE_DIGITS or v[run - 1].isdecimal()):
        run -= 1
    if any(c.isdecimal() for c in v[run:]):
        return True  # "9 and ", "1,000 to "
    if not v[-1:].isalpha() or (len(v) == connector.start() and connector.group()[0].isalpha()):
        return False  # a word runs on into "to", "and", "or", "in"
    # A number in words spans three words at most ("twenty one thousand"): it begins
    # among the last few, so the letters before them are not tried.
    tokens = v.rsplit(None, 4)
    lo = len(tokens[0]) if len(tokens) == 5 else 0
    return any(
        v[i] in NUMBER_FIRST_LETTERS
        and not (i and _WORD_CHAR_RE.match(v, i - 1))
        and WORD_NUMBER_RE.fullmatch(" " + v[i:], 1)
        for i in range(lo, len(v))
    )


def _number_before(text: str, lo: int, hi: int) -> int | None:
    """Where the number that ends ``text[lo:hi]`` (white space aside) begins, or None: the
    first place from which digits ("9.8") or number words ("Thirty-two") read exactly up
    to the white space, not after a letter, digit, hyphen, point, comma, colon, slash or
    currency sign."""
    end = TRAILING_SPACE_RE.search(text, lo, hi)
    assert end is not None  # the pattern matches the empty string
    last = text[end.start() - 1 : end.start()] if end.start() > lo else ""
    if last.isdecimal():
        digits = PERCENT_DIGITS_BEFORE_RE.search(text, lo, hi)
        return digits.start() if digits else None
    if not last.isalpha():
        return None
    for i in range(lo, end.start()):
        if (
            text[i] in NUMBER_FIRST_LETTERS
            and text[i - 1 : i] not in NOT_BEFORE_NUMBER_CHARS
            and WORD_NUMBER_RE.fullmatch(text, i, end.start())
        ):
            return i
    return None


def percentages(doc: Document) -> list[Percentage]:
    """Percentages in figures or words ("33%", "9.8 per cent", "Thirty-two per cent"),
    except those of page furniture (a news site's "READ MORE" link to another story)."""
    text = doc.text
    lines = _Lines(text)
    out: list[Percentage] = []
    for sign in cued_finditer(PERCENT_SIGN_RE, text, ("%", "per", "pc")):
        start = _number_before(text, max(0, sign.start() - 30), sign.start())
        if start is None or lines.excluded(start, contents=False):
            continue
        value = parse_number(text[start : sign.start()].strip())
        if value is None:
            continue
        first = PERCENT_RANGE_FIRST_RE.search(text, max(0, start - 12), start) if start else None
        if first and not float(first.group("n")) <= value <= 100:
            first = None
        if first is None and text[start - 1 : start] == "-":
            continue  # "2019-45%": a hyphen after digits that are no range's first number
        if first:
            s = first.start("n")
            out.append(Percentage(value=float(first.group("n")), text=text[s : sign.end()], span=(s, sign.end())))
        out.append(Percentage(value=float(value), text=text[start : sign.end()], span=(start, sign.end())))
    return out
