"""Shared vocabularies: rating words and numbers, compiled once at import.

Every field module that reads a rating or a number uses these, so that "Requires
i mprovement" (a word split by PDF extraction) or "Thirty-two" is understood the same
way everywhere.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator

import regex

from inspection_extract.record import CORE_RATINGS, RATINGS


def _split_tolerant(word: str) -> str:
    """A pattern for ``word`` that also matches it broken by one stray space or a
    line-end hyphen, as PDF text extraction leaves it ("Inadeq uate", "Inad-\\nequate")."""
    letters = [regex.escape(c) for c in word]
    return "".join(c + r"(?:-?\n|\s)?" for c in letters[:-1]) + letters[-1]


# Each rating of the four-point scale with the inflections documents use. Order: longest first.
RATING_FORMS: dict[str, tuple[str, ...]] = {
    "Requires improvement": (
        "requires improvement", "requiring improvement", "require improvement",
        "required improvement", "requires improvements", "required improvements", "requiring improvements",
    ),
    "Outstanding": ("outstanding",),
    "Inadequate": ("inadequate",),
    "Good": ("good",),
}
#: The ratings of one inspectorate's scale only (see `inspection_extract.profiles`): read only
#: in its documents, and only unsplit, since they are everyday words elsewhere.
EXTRA_RATING_FORMS: dict[str, tuple[str, ...]] = {
    "Not sufficiently good": ("not sufficiently good",),
    "Reasonably good": ("reasonably good",),
    "Adequate": ("adequate",),
    "Poor": ("poor",),
}
_FORM_VALUE = {
    f: value for table in (RATING_FORMS, EXTRA_RATING_FORMS) for value, forms in table.items() for f in forms
}


def _rating_form(form: str) -> str:
    return r"\s+".join(_split_tolerant(w) for w in form.split())


RATING_PATTERN = "|".join(
    f"(?P<r{i}>{'|'.join(_rating_form(f) for f in forms)})"
    for i, forms in enumerate(RATING_FORMS.values())
)
#: Matches any rating word (case-insensitive), including forms split by PDF extraction.
#: ``normalise_rating`` turns a match into one of the four values.
RATING_RE = regex.compile(rf"\b(?:{RATING_PATTERN})\b", regex.IGNORECASE)
_RATING_BY_GROUP = {f"r{i}": value for i, value in enumerate(RATING_FORMS)}


def normalise_rating(raw: str) -> str | None:
    """The canonical rating for a rating phrase, or None.

    >>> normalise_rating("Requiring improvement.")
    'Requires improvement'
    >>> normalise_rating("Inadeq uate")
    'Inadequate'
    >>> normalise_rating("reasonably good")
    'Reasonably good'
    """
    exact = _FORM_VALUE.get(" ".join(raw.lower().split()))
    if exact:
        return exact
    m = RATING_RE.search(raw)
    if not m:
        return None
    for group, value in _RATING_BY_GROUP.items():
        if m.group(group):
            return value
    return None  # pragma: no cover - one group always matches


assert set(RATING_FORMS) == set(CORE_RATINGS) and set(RATING_FORMS) | set(EXTRA_RATING_FORMS) == set(RATINGS)

# Numbers written as words, as press releases spell them.
UNITS_WORDS = {
    "zero": 0, "nil": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_UNIT_ALT = "|".join(sorted((w for w in UNITS_WORDS if w not in ("nil", "none")), key=len, reverse=True))
_TENS_ALT = "|".join(TENS_WORDS)
#: A number written in words: "eight", "Thirty-two", "twenty one", "two hundred".
WORD_NUMBER = (
    rf"(?:(?:{_TENS_ALT})(?:[-\s](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
    rf"(?:\s+(?:hundred|thousand|million))?"
)
#: A number in digits: "4,000", "29.4", "7500".
DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_RE = regex.compile(rf"(?<![\w.,])(?:{DIGIT_NUMBER}|\b(?:{WORD_NUMBER})\b)(?![\w])", regex.IGNORECASE)


_INTEGER = regex.compile(r"\d+")
_DECIMAL = regex.compile(r"\d+\.\d+")
_MAX_NUMBER_CHARS = 40  # "nine hundred and ninety-nine thousand" fits; 4,300 digits would not parse
_WORD_SEP = regex.compile(r"[-\s]+")


def parse_number(raw: str) -> int | float | None:
    """The value of a number in digits or words, or None.

    >>> parse_number("4,000"), parse_number("Thirty-two"), parse_number("29.4")
    (4000, 32, 29.4)

    A run of digits longer than any quantity a document states (a phone number run on, a
    serial, a scraped blob) is no number: None.
    """
    if len(raw) > _MAX_NUMBER_CHARS:
        return None
    if raw.isdecimal():
        return int(raw)
    s = raw.strip().lower().replace(",", "").replace("\ufb01", "fi")
    if not s:
        return None
    if _INTEGER.fullmatch(s):
        return int(s)
    if _DECIMAL.fullmatch(s):
        return float(s)
    total = 0
    current = 0
    seen = False
    for word in _WORD_SEP.split(s):
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word in SCALE_WORDS:
            current = max(current, 1) * SCALE_WORDS[word]
            if SCALE_WORDS[word] >= 1000:
                total += current
                current = 0
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


class _CueIndex:
    """The cue index of one text: the offsets of every literal looked for in its
    lower-cased form, each found once.

    The extractors look for the same cue words in one document more than once (the
    literals that begin a whole-text pattern): each is searched for once per text. The
    index of the text read last is kept (`_index`); reading another text replaces it, and a
    caller still holding the old index reads it for its own text only, so threads reading
    different texts at once stay correct (they only search more)."""

    __slots__ = ("text", "low_hits", "low", "lowered")

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.low_hits: dict[str, list[int]] = {}
        self.low: str | None = None
        self.lowered = False

    def lower(self, text: str) -> str | None:
        """``text.lower()``, or None where lower-casing would move offsets (or fold a
        character the way case-insensitive matching does not: "İ", "ſ", the Kelvin sign)."""
        if not self.lowered:
            low = text.lower()
            moved = len(low) != len(text) or folds_apart(text)
            self.low, self.lowered = (None if moved else low), True
        return self.low


# Characters that case-insensitive matching equates with an ASCII letter although
# lower-casing does not turn them into it (or turns them into two characters): where a
# text holds one, ASCII cues are not looked for in its lower-cased form.
_FOLD_APART = "\u0130\u0131\u017f\u212a"
_LAST_INDEX = _CueIndex(None)


def _index(text: str) -> _CueIndex:
    """The cue index of ``text``: the one kept, if it is that text's, else a new one."""
    global _LAST_INDEX
    index = _LAST_INDEX
    if index.text is not text:
        index = _LAST_INDEX = _CueIndex(text)
    return index


def folds_apart(text: str) -> bool:
    """Whether ``text`` holds a character that case-insensitive matching equates with an
    ASCII letter although lower-casing does not ("İ", "ı", "ſ", the Kelvin sign): a
    case-insensitive pattern may then match where no ASCII cue is seen."""
    return not text.isascii() and any(c in text for c in _FOLD_APART)


def search_end(pattern: regex.Pattern[str], text: str) -> bool:
    """``pattern.search(text) is not None`` for a pattern compiled with ``regex.REVERSE``
    whose every match ends at "$": tried where a match can end (the text's end, or before
    a "\n" ending it), where a search would try every offset of the text."""
    if pattern.match(text) is not None:
        return True
    return text.endswith("\n") and pattern.match(text, 0, len(text) - 1) is not None


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False when a case-insensitive pattern that needs one of ``words`` (lower-case ASCII
    literals) cannot match ``text``: none is in the lower-cased text. A text holding a
    character that case-insensitive matching equates with an ASCII letter although
    lower-casing does not ("ſ", "ı", "İ") may match whatever it holds."""
    if folds_apart(text):
        return True
    low = text.lower()
    return any(w in low for w in words)


def find_all(text: str, word: str) -> list[int]:
    """Every offset at which ``word`` occurs in ``text`` (overlapping ones too), in order."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def find_all_lower(text: str, word: str) -> list[int] | None:
    """Every offset at which ``word`` (lower case) occurs in ``text`` in any case, kept
    with the text's cue index (`_CueIndex`): read the list, never change it. None where
    lower-casing ``text`` would move its offsets."""
    index = _index(text)
    out = index.low_hits.get(word)
    if out is None:
        low = index.lower(text)
        if low is None:
            return None
        out = index.low_hits[word] = find_all(low, word)
    return out


#: The most text a cued pattern's match may span (`cued_finditer`): its patterns are a few
#: words long, and a sentence is cut at 1,000 characters.
CUE_REACH = 1_000


def cued_finditer(pattern: regex.Pattern[str], text: str, cues: Iterable[str]) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which begins with one of the
    literal ``cues`` (lower-case ASCII; found in any case, which for a case-sensitive
    pattern only adds places where it is tried and fails).

    The regex engine scans fast for one literal but slowly for an alternation, a
    case-insensitive word list or a pattern that opens with a lookbehind: the cues are
    found with ``str.find`` (once per text, see `find_all_lower`) and the pattern is tried
    only there, over at most `CUE_REACH` characters."""
    starts: set[int] = set()
    for cue in cues:
        hits = find_all_lower(text, cue)
        if hits is None:
            return pattern.finditer(text)
        starts.update(hits)
    return matches_at(pattern, text, sorted(starts), reach=CUE_REACH)


# The characters a pattern's first character is looked for among (`first_char_led`): the
# printable ASCII ones, typographic marks, the non-ASCII letters that case-insensitive
# matching equates with ASCII ones, and a few other letters that, matched, show that any
# letter may begin a match (where no lookahead is added).
_PROBE = string.printable + "‘’“”–—£€©\u00a0\u0130\u0131\u017f\u212a\u212b"
_OTHER_LETTERS = "éÉäÄłŁωΩжЖ"


def first_char_led(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """``pattern`` with a lookahead for the characters its matches can begin with, found by
    trying each as the start of a partial match: the regex engine then rejects most offsets
    of the text at once instead of trying each branch of a long alternation there. Matches
    are unchanged. For patterns that open with a lookbehind and a case-insensitive
    alternation of literals (a lookbehind is probed with nothing before it; where any
    letter may begin a match, ``pattern`` is returned as it is). The engine scans faster
    for a pattern it can find by its first literal itself: measure before adding one."""
    first = [c for c in _PROBE + _OTHER_LETTERS if pattern.match(c, partial=True)]
    if not first or any(c in first for c in _OTHER_LETTERS):
        return pattern
    lookahead = "(?=[" + "".join(regex.escape(c, special_only=False) for c in first) + "])"
    return regex.compile(lookahead + pattern.pattern, pattern.flags)


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], *, reach: int | None = None
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match at one of ``starts``
    (ascending): the cheap way to run a heavy pattern at the hits of a literal search.

    ``reach`` bounds the text each attempt may read, for a pattern whose matches are
    shorter than it: the regex engine may look for a literal the pattern needs through
    all the rest of the text before it tries a match ("led by" after "led": a millisecond
    a megabyte, at every hit), which would make the scan quadratic in the text's length."""
    last_end = 0
    size = len(text)
    for s in starts:
        if s < last_end:
            continue
        m = pattern.match(text, s) if reach is None else pattern.match(text, s, min(size, s + reach))
        if m:
            last_end = m.end()
            yield m
