"""Counts of things ("over 4,000 cases") and percentages ("33 per cent").

A count is a number of things a careful reader would quote from the document: cases
inspected, staff, people on probation, recommendations, points scored. The hard part is
what is *not* a count: years, dates, times, ages, money, durations ("more than two
years"), ratios ("one in five"), ranges ("zero to three"), scores with no noun ("16 out
of 27"), list and section numbers, page numbers, phone numbers and page furniture. Those
are ruled out first, by the words around the number; what remains is a count when

* a noun phrase follows it ("60 staff", "24 children’s cases", "more than 2,300 people
  on probation"), directly or after "of the" ("Five of the recommendations") or a
  denominator ("11 out of 27 inspection points", "four of a possible 36 points");
* its noun is elided but clear from the clause before ("The report makes seven
  recommendations: five for the regional probation director and two for HMPPS",
  "The remaining three had been partly achieved", "scored just three");
* it is a tally of ratings ("rated ‘Good’ in 10", "one rated outstanding, two good");
* it closes a table row whose label names what is counted ("court disposals 14",
  "Caseload (people on probation) 3,415", as reports lay out their facts).

Everything is regular expressions and closed word lists over ``doc.text``: there is no
part-of-speech tagger (the spaCy pipeline is blank), and the lists below are the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from inspection_extract._document import Document
from inspection_extract._vocab import RATING_PATTERN, SCALE_WORDS, TENS_WORDS, UNITS_WORDS
from inspection_extract.record import Count, Percentage

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

NUMBER_RE = regex.compile(
    rf"""
    (?<![\w.,£$€/:\-])(?:{_DIGIT_NUMBER})(?![\w])   # digits, not part of a code, a time or money
    | (?<![\w\-])(?:{_WORD_NUMBER})(?![\w])         # words
    """,
    regex.IGNORECASE | regex.VERBOSE,
)


def _value(raw: str) -> int | float | None:
    """The value of a number in digits or words ("4,000" -> 4000, "Thirty-two" -> 32)."""
    s = raw.lower().replace(",", "").replace("\ufb01", "fi").strip()
    if s[:1].isdigit():
        return float(s) if "." in s else int(s)
    total = current = 0
    for word in s.replace("-", " ").split():
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word in SCALE_WORDS:
            current = max(current, 1) * SCALE_WORDS[word]
            if SCALE_WORDS[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


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
#: Where to look for a percentage: its sign or words; the number is then read backwards.
PERCENT_SIGN_RE = regex.compile(r"%|\bper[ ]?cent\b|\bpercent\b", regex.IGNORECASE)
PERCENT_NUMBER_BEFORE_RE = regex.compile(
    rf"(?<![\w.,£$€/:\-])(?:\d+(?:\.\d+)?|\b(?:{_WORD_NUMBER}))\s*$", regex.IGNORECASE
)

_PERCENT_AFTER_RE = regex.compile(r"\s*(?:%|per[ ]?cent\b|percent\b)", regex.IGNORECASE)
_YEAR_RE = regex.compile(r"(?:19|20)\d\d")
_AND_NUMBER_RE = regex.compile(rf"[ \t]+and[ \t]+(?:\d|\b(?:{_WORD_NUMBER})\b)", regex.IGNORECASE)
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
#: A denominator: "out of a possible 27", "out 27", "a maximum of 30", "out of a total of 36".
DENOMINATOR_BEFORE_RE = regex.compile(
    r"""
    (?:\bout(?:[ ]of)?(?:[ ]a)?(?:[ ]total[ ]of|[ ]possible|[ ]maximum(?:[ ]total)?(?:[ ]of)?)?
      | \bpossible | \bmaximum(?:[ ]total)?(?:[ ]of)?
      | \b\d+[ ]of                                      # "Page 3 of 40", "10 of 27."
    )[ \t]*$
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: A range, a pair or a ratio around the number: "zero to three", "16 and 17-year-olds",
#: "between 9 and 20 January", "one in five", "1/27" (a score written as a fraction).
_NUM = rf"(?:\d[\d,.]*|\b(?:{_WORD_NUMBER})\b)"
RANGE_AFTER_RE = regex.compile(
    rf"^(?:[ \t]*(?:to|and|or|in|–|-|—)[ \t]*{_NUM}|/\d|[ \t]+\d)", regex.IGNORECASE
)
RANGE_BEFORE_RE = regex.compile(
    rf"(?:{_NUM}[ \t]*(?:to|and|or|in|–|-|—)[ \t]*|\d/|\d[ \t]+)$", regex.IGNORECASE
)
#: Dates and times: "18 August 2022", "July 20", "12th", "5:00am", "00.01hrs".
DATE_AFTER_RE = regex.compile(
    rf"^(?:(?:st|nd|rd|th)\b|[ \t]*(?:{_MONTH_ALT})\b|[ \t]*(?:am|pm|hrs?)\b|(?:am|pm|hrs?)\b)",
    regex.IGNORECASE,
)
DATE_BEFORE_RE = regex.compile(rf"\b(?:{_MONTH_ALT})[ \t]+$", regex.IGNORECASE)
#: Money: "£1.2m", "1.3 million pounds".
MONEY_BEFORE_RE = regex.compile(r"[£$€][ \t]*$")
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
#: Singular nouns that "one" can count ("one PDU", "one recommendation").
SINGULAR_COUNT_NOUNS = frozenset(
    """case cases recommendation pdu unit service officer practitioner person child woman man
    region area standard point report member post""".split()
)
#: Prepositional phrases that belong to the noun ("people on probation", "children in
#: care", "areas for improvement", "heads of service").
NOUN_ATTACHMENTS_RE = regex.compile(
    r"[ \t]+(?:on[ ]probation|in[ ]care|for[ ]improvement|of[ ]service|on[ ]licence)\b",
    regex.IGNORECASE,
)
#: One word of text, as a noun phrase is built from them: letters with inner hyphens and
#: apostrophes ("out-of-court", "children’s", "PDUs"); a line break is crossed only where
#: the next line goes on in lower case (text wrapped in a PDF column).
WORD_AFTER_RE = regex.compile(
    r"(?:[ \t]+|[ \t]*\n(?=\p{Ll}))(?P<w>\p{L}(?:[\p{L}\p{M}’'\-]*\p{L})?(?:[’']s|(?<=s)[’'](?!\p{L}))?)"
)
_POSSESSIVE = regex.compile(r"[’']s$|s[’']$")

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
        (?:for|to)[ \t]+(?=the\b|a\b|an\b|his\b|her\b|its\b|their\b|\p{Lu})
      | (?:are|were|was|is)[ \t]+(?:aimed|directed|addressed|for|to)\b
      | (?:aimed|directed|addressed)[ \t]+(?:at|to)\b
    )[^\n,;.:)]*""",
    regex.VERBOSE,
)
#: A share named by a pronoun: "five of which", "Four of these", "95 of them".
PRONOUN_OF_RE = regex.compile(r"[ \t]+of[ \t]+(?:them|which|these|those|whom)\b", regex.IGNORECASE)
#: A verb straight after the number: its subject is the count ("Five are for the PDU").
VERB_AFTER_RE = regex.compile(
    r"[ \t]+(?:are|were|was|is|had|have|has|will|would|remain|remained|went|go|being)\b",
    regex.IGNORECASE,
)
#: The clause ends right after the number ("some 2,400, many ...", "scored just three.").
CLAUSE_END_AFTER_RE = regex.compile(r"[ \t]*(?:[,.;:)]|$)", regex.MULTILINE)
#: "one of eight in the region": the number after "one of" counts the group.
ONE_OF_BEFORE_RE = regex.compile(r"\bone[ \t]+of[ \t]+(?:only[ \t]+)?$", regex.IGNORECASE)
#: Tallies of ratings: "‘Good’ in 10", "one rated outstanding", "two good", "the other
#: two ‘Requires improvement’".
TALLY_BEFORE_RE = regex.compile(rf"[‘'\"“]?(?:{RATING_PATTERN})[’'\"”]?[ \t]+in[ \t]+$", regex.IGNORECASE)
TALLY_AFTER_RE = regex.compile(
    r"[ \t]+(?:rated[ \t]+(?:as[ \t]+)?)?[‘'\"“]?(?:" + RATING_PATTERN + r")[’'\"”]?(?!\w)",
    regex.IGNORECASE,
)
#: "of the", "of those", "of the region’s", "of a possible", "of the 27 available": what may
#: stand between "N of" and the noun of the whole it is part of.
OF_DETERMINERS_RE = regex.compile(
    r"""[ \t]+of
        (?:[ \t]+(?:the|those|these|our|its|their|his|her|all|a[ \t]+possible|a[ \t]+total[ \t]+of
                  |a[ \t]+maximum[ \t]+of|\p{L}[\p{L}\-]*[’']s))*
        (?:[ \t]+(?P<whole>\d[\d,]*|\b(?:WORD)\b))?
    """.replace("WORD", _WORD_NUMBER),
    regex.IGNORECASE | regex.VERBOSE,
)
#: "11 out of 27", "nine out of 12 of our", "zero out of a total of 36".
OUT_OF_RE = regex.compile(
    rf"""[ \t]+out(?:[ \t]+of)?
        (?:[ \t]+a)?(?:[ \t]+(?:possible|total[ \t]+of|maximum[ \t]+of))?
        [ \t]+(?P<whole>\d[\d,]*|\b(?:{_WORD_NUMBER})\b)
        (?:[ \t]+of[ \t]+(?:the|our|its|their|those|these))?
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
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
ROW_END_AFTER_RE = regex.compile(r"[ \t]*(?:$|[),|])", regex.MULTILINE)


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
        self.cache: dict[int, bool] = {}

    def excluded(self, pos: int, *, contents: bool = True) -> bool:
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        key = start if contents else -start - 1
        if key not in self.cache:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            self.cache[key] = bool(FURNITURE_LINE_RE.match(text, start, end)) or (
                contents and bool(CONTENTS_LEADER_RE.search(text, start, end))
            )
        return self.cache[key]


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    if low in NOT_PLURAL or low in STOP_WORDS or low in VERBS_3SG or _POSSESSIVE.search(word):
        return False
    if word.isupper():  # "YJS" is one service ...
        return False
    if word[:-1].isupper() and word.endswith("s"):  # ... "PDUs" and "CRCs" are several
        return True
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _words(text: str, pos: int, limit: int = 8) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    while len(out) < limit:
        m = WORD_AFTER_RE.match(text, pos)
        if not m:
            break
        out.append((m.group("w"), m.start("w"), m.end("w")))
        pos = m.end()
    return out


def _noun_phrase(text: str, pos: int, *, singular: bool = False) -> _Phrase | None:
    """The noun phrase starting right after ``pos``: modifiers, then a plural head
    ("24 children’s cases", "four police forces", "trainee probation officers"), with the
    prepositional phrases and coordinations that belong to it ("people on probation",
    "staff and volunteers", "children and their families"). None if no head comes before
    a word that cannot be inside a noun phrase."""
    words = _words(text, pos)
    head = -1
    for i, (w, _, _) in enumerate(words):
        low = w.lower()
        if head >= 0:
            # a compound goes on with another plural ("police forces"), nothing else
            if _is_plural(w) and low not in STOP_WORDS:
                head = i
                continue
            break
        if low in ("and", "or") and 0 < i < len(words) - 1:
            continue  # "low and medium-risk offenders"
        if low in STOP_WORDS:
            return None
        if singular:
            if low in SINGULAR_COUNT_NOUNS:
                head = i
                break
            if i >= 1:
                return None
            continue
        if not singular and _is_plural(w):
            head = i
        elif i >= 4:
            return None
    if head < 0:
        return None
    start, end = words[0][1], words[head][2]
    att = NOUN_ATTACHMENTS_RE.match(text, end)
    if att:
        end = att.end()
    # a coordinated plural: "staff and volunteers", "police and crime commissioners"
    rest = _words(text, end, 4)
    if rest and rest[0][0].lower() in ("and", "or") and text[end : rest[0][1]].strip() == "":
        for j, (w, _, e) in enumerate(rest[1:], start=1):
            low = w.lower()
            if j == 1 and low in ("their", "other"):
                continue
            if NUMBER_RE.fullmatch(w):
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
    if not m or m.group().split() == ["of"]:
        return None
    phrase = _noun_phrase(text, m.end())
    if phrase is None:
        return None
    return _Phrase(phrase.noun, pos, phrase.end), m.end("whole") if m.group("whole") else None


class _Scanner:
    """Walks the numbers of one document left to right, keeping the counts found so far
    (an elided noun is taken from the last of them)."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.lines = _Lines(doc.text)
        self.candidates = list(NUMBER_RE.finditer(doc.text))
        self.found: list[Count] = []
        self.consumed = 0  # numbers before this offset were part of a count already

    def run(self) -> list[Count]:
        for m in self.candidates:
            if m.start() < self.consumed or self.lines.excluded(m.start()):
                continue
            value = _value(m.group())
            if value is None:
                continue
            count = self._count_at(m.start(), m.end(), value)
            if count is not None:
                self.found.append(count)
                self.consumed = count.span[1]
        return self.found

    # -- the number in context ---------------------------------------------------------

    def _not_a_count(self, start: int, end: int, raw: str) -> bool:
        """True where the words around the number make it a date, time, year, age,
        range, ratio, reference, list number, money or percentage."""
        text = self.text
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        if _PERCENT_AFTER_RE.match(after):
            return True
        if (after[:1] == "-" and after[1:2].isalnum()) or after[:1] == "/" or before.endswith(("-", "/")):
            return True  # "four-point scale", "17-year-olds", "Covid-19", "17/27"
        if raw[:1] == "0" and raw[1:2].isdigit():
            return True  # "00:01", "020 7946 0412"
        if _YEAR_RE.fullmatch(raw):
            return True  # a year
        if DATE_AFTER_RE.match(after) or DATE_BEFORE_RE.search(before) or MONEY_BEFORE_RE.search(before):
            return True
        if RANGE_AFTER_RE.match(after) or RANGE_BEFORE_RE.search(before):
            return True
        if REFERENCE_BEFORE_RE.search(before) or DENOMINATOR_BEFORE_RE.search(before):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if (
            LIST_NUMBER_RE.match(text[line_start:start])
            and raw[:1].isdigit()
            and (LIST_AFTER_RE.match(after) or ("." in raw and SECTION_AFTER_RE.match(after)))
        ):
            return True  # "1. The report", "1.1 Leadership Good"
        if before.endswith("(") and after.startswith(")"):
            return True  # "Comments (4)"
        return False

    def _count_at(self, start: int, end: int, value: int | float) -> Count | None:
        text, raw = self.text, self.text[start:end]
        if self._not_a_count(start, end, raw):
            return None
        before = text[max(0, start - 60) : start]
        q = QUALIFIER_BEFORE_RE.search(before)
        qualifier = q.group("q").lower() if q else None
        qstart = start - len(before) + q.start("q") if q else start
        pos = end
        pq = POST_QUALIFIER_RE.match(text, pos)
        if pq:
            qualifier = qualifier or pq.group("q").lower()
            pos = pq.end()
        is_one = value == 1

        # "11 out of 27 inspection points" / "16 out of 27" (a score with no noun: none)
        out = OUT_OF_RE.match(text, pos)
        if out:
            phrase = _noun_phrase(text, out.end())
            if phrase is None or phrase.noun.lower().split()[-1] in MEASURE_NOUNS:
                self.consumed = out.end()
                return None
            return self._make(value, qualifier, phrase.noun, qstart, phrase.end)

        # "Five of the recommendations", "nine of the 12 recommendations"
        if not is_one:
            of = _of_phrase(text, pos)
            if of is not None:
                phrase, _ = of
                noun = _strip_determiners(phrase.noun)
                return self._make(value, qualifier, noun, qstart, phrase.end)

        # "over 4,000 cases", "60 staff", "one PDU"
        phrase = _noun_phrase(text, pos, singular=is_one)
        if phrase is not None:
            last = phrase.noun.lower().split()[-1]
            if last in MEASURE_NOUNS:
                return None  # "more than two years", "20 miles"
            if qualifier == "over" and last in OVER_MEANS_ACROSS:
                qualifier, qstart = None, start  # "runs over 24 sessions"
            return self._make(value, qualifier, phrase.noun, qstart, phrase.end)
        if _words(text, pos, 1) and _words(text, pos, 1)[0][0].lower() in MEASURE_NOUNS:
            return None
        return self._elided(start, end, pos, value, qualifier, qstart)

    def _elided(
        self, start: int, end: int, pos: int, value: int | float, qualifier: str | None, qstart: int
    ) -> Count | None:
        """A count whose noun is not written after it: a split, a tally, a share."""
        text = self.text
        before = text[max(0, start - 60) : start]
        leader = LEADER_BEFORE_RE.search(before)
        lstart = start - len(before) + leader.start("l") if leader else qstart
        antecedent = self._antecedent(start)
        noun = antecedent.noun if antecedent else None

        tally = TALLY_BEFORE_RE.search(before)
        if tally:  # "‘Good’ in 10"
            return self._make(value, qualifier, noun, start - len(before) + tally.start(), end)
        tally_after = TALLY_AFTER_RE.match(text, pos)
        if tally_after:  # "one rated outstanding", "two good"
            return self._make(value, qualifier, noun, lstart, tally_after.end())
        pron = PRONOUN_OF_RE.match(text, pos)
        if pron and value != 1:  # "five of which", "95 of them"
            return self._make(value, qualifier, noun, lstart, pron.end())
        if ONE_OF_BEFORE_RE.search(before) and value != 1:  # "one of eight in the region"
            return self._make(value, qualifier, noun, lstart, end)
        if antecedent is None:
            return None
        split = SPLIT_AFTER_RE.match(text, pos)
        if split:  # "seven for the CRC", "four aimed at the regional probation director"
            stop = _AND_NUMBER_RE.search(split.group())
            stop_at = pos + stop.start() if stop else split.end()
            return self._make(value, qualifier, noun, lstart, stop_at)
        if value == 1:
            return None  # "One described how ...": a pronoun, not a count
        if VERB_AFTER_RE.match(text, pos) and (leader or qualifier or text[start].isupper()):
            return self._make(value, qualifier, noun, lstart, end)  # "The remaining three had"
        if CLAUSE_END_AFTER_RE.match(text, pos) and (leader or qualifier):
            return self._make(value, qualifier, noun, lstart, end)  # "some 2,400,", "just three."
        return None

    def _antecedent(self, start: int) -> Count | None:
        """The last count with a noun in this sentence or the one before it."""
        if not self.found:
            return None
        window = self.text[max(0, start - 500) : start]
        ends = [m.end() for m in SENTENCE_END_RE.finditer(window)]
        reach = ends[-_ANTECEDENT_REACH] if len(ends) >= _ANTECEDENT_REACH else 0
        limit = start - len(window) + reach
        for count in reversed(self.found):
            if count.span[1] < limit:
                return None
            if count.noun:
                return count
        return None

    def _make(
        self, value: int | float, qualifier: str | None, noun: str | None, start: int, end: int
    ) -> Count:
        return Count(
            value=value, qualifier=qualifier, noun=noun, text=self.text[start:end], span=(start, end)
        )


def _strip_determiners(noun: str) -> str:
    """ "the home’s care staff" -> "care staff": the whole's determiners are not its noun."""
    words = noun.split()
    while words and (words[0].lower() in STOP_WORDS or _POSSESSIVE.search(words[0])):
        words.pop(0)
    return " ".join(words) or noun


def _label_rows(scanner: _Scanner) -> list[Count]:
    """Table rows whose label comes first and the number last: "court disposals 14",
    "Agency staff in post 12", "Caseload (people on probation) 3,415" (reports' contextual
    facts and organisational data tables; PDF text may separate the cells with " | ")."""
    text = scanner.text
    out: list[Count] = []
    spans = [c.span for c in scanner.found]
    for m in scanner.candidates:
        start, end = m.span()
        if not m.group()[:1].isdigit() or not ROW_END_AFTER_RE.match(text, end):
            continue
        if any(s <= start < e for s, e in spans) or scanner.lines.excluded(start):
            continue
        value = _value(m.group())
        if value is None or _YEAR_RE.fullmatch(m.group()):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        label = text[line_start:start].rstrip(" \t|")
        cut = max(label.rfind(","), label.rfind("|"), label.rfind(";"))
        if label.count("(") > label.count(")"):
            cut = max(cut, label.rfind("("))
        label_start = line_start + cut + 1
        label = text[label_start : line_start + len(label)].strip()
        label_start = text.find(label, label_start) if label else start
        if not label or ":" in label or any(c.isdigit() for c in label) or len(label.split()) > 12:
            continue
        first = _LABEL_SPLIT_RE.split(label)
        head = next((w for w in first[:4] if w.lower() in LABEL_NOUNS), None)
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


def percentages(doc: Document) -> list[Percentage]:
    """Percentages in figures or words ("33%", "9.8 per cent", "Thirty-two per cent"),
    except those of page furniture (a news site's "READ MORE" link to another story)."""
    text = doc.text
    lines = _Lines(text)
    out: list[Percentage] = []
    for sign in PERCENT_SIGN_RE.finditer(text):
        num = PERCENT_NUMBER_BEFORE_RE.search(text, max(0, sign.start() - 30), sign.start())
        if num is None or lines.excluded(num.start(), contents=False):
            continue
        value = _value(num.group().strip())
        if value is None:
            continue
        start = num.start()
        out.append(Percentage(value=float(value), text=text[start : sign.end()], span=(start, sign.end())))
    return out
