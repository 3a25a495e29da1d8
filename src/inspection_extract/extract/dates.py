"""Publication, embargo and fieldwork dates.

Every date the text writes out is found once, by one precompiled pattern (day-month-year,
US month-day-year, month-year, ISO, and day or month ranges); each is then read in the
light of the words around it. ``dateparser`` is not used: it is slow to import and costs
hundreds of microseconds a call, it guesses a missing year or day (our rule is that a date
without a year is null and a month-only date stays "YYYY-MM"), and it does not give the
span of what it read. Inspectorate dates are few and regular enough for one regex.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

import regex

from inspection_extract._document import Document
from inspection_extract._vocab import cued_finditer, first_char_led
from inspection_extract.record import Dates, Field, Fieldwork, Span

LONDON = ZoneInfo("Europe/London")

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_TO = r"\s*(?:and|to|until|till|[-–—])\s*"
#: A part of a month: "in late July and early August 2024" reads as July to August.
_PART_OF_MONTH = r"(?:(?:early|mid|late)[-\s]+)?"
#: A numeric UK date, day first: "03/10/2024", "23.07.2024" (never month first).
_NUMERIC = (
    r"(?P<nd>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<nm>0?[1-9]|1[0-2])(?P=sep)(?P<ny>(?:19|20)\d\d)(?!\d)"
)
#: A numeric range, both ends in full: a report's "Fieldwork dates: 07/10/2024 – 18/10/2024",
#: a release's "ran from 13/01/2025 to 24/01/2025".
_NUMERIC_RANGE = (
    r"(?P<rd1>0?[1-9]|[12]\d|3[01])(?P<rs>[/.])(?P<rm1>0?[1-9]|1[0-2])(?P=rs)(?P<ry1>(?:19|20)\d\d)"
    + _TO
    + r"(?P<rd2>0?[1-9]|[12]\d|3[01])(?P=rs)(?P<rm2>0?[1-9]|1[0-2])(?P=rs)(?P<ry2>(?:19|20)\d\d)(?!\d)"
)

#: Any written date, with its weekday when one leads. Ranges come first so that
#: "9 and 20 January 2023" is one range, not the lone "20 January 2023".
DATE_PLAIN_RE = regex.compile(
    rf"""
    (?<![\w])                                              # never from inside a word or a number
    (?:{_WEEKDAY},?\s+)?                                    # "Thursday 8 December", "THURSDAY,"
    (?:
        (?P<d1>{_DAY})(?:\s+(?:of\s+)?(?P<m1>{_MONTH}))?(?:,?\s+(?P<y1>{_YEAR}))?
        {_TO}(?:{_WEEKDAY},?\s+)?
        (?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})   # "9 and 20 January 2023"
      | (?P<ma>{_MONTH})(?:\s+(?P<ya>{_YEAR}))?{_TO}{_PART_OF_MONTH}
        (?P<mb>{_MONTH})\s+(?P<yb>{_YEAR})                  # "June and July 2022", "late July and early August 2024"
      | (?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?   # "18 August 2022", "5 March"
      | (?P<mu>{_MONTH})\s+(?P<du>{_DAY}),?\s+(?P<yu>{_YEAR})   # US news style: "July 20, 2023"
      | (?P<mm>{_MONTH})\s+(?P<ym>{_YEAR})                  # "June 2022", a report cover's "OCTOBER 2022"
      | (?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?!\d)   # metadata "2025-09-25"
      | {_NUMERIC_RANGE}                                    # "07/10/2024 – 18/10/2024"
      | {_NUMERIC}                                          # UK numeric: "Published: 03/10/2024"
    )
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: The same, led by its first characters (`first_char_led`): a third less time per scan.
DATE_RE = first_char_led(DATE_PLAIN_RE)

#: Every date holds a month name or is ISO: these anchors are found first (a fast scan), and
#: DATE_RE is tried only around them. Scanning the whole text with DATE_RE costs ~7 ms.
ANCHOR_RE = regex.compile(rf"\b{_MONTH}|\b{_YEAR}-[01]\d-[0-3]\d\b", regex.IGNORECASE)
#: Numeric dates ("EMBARGO: 00:01 21/11/2024") have no month name: a second, cheap scan
#: (folded into ANCHOR_RE it doubles the cost of the scan every document pays).
NUMERIC_ANCHOR_RE = regex.compile(r"\d[/.]\d{1,2}[/.][12]\d\d\d")
#: Where a month name may begin, in the lower-cased text: its first three letters.
MONTH_PREFIXES = tuple(sorted({name[:3] for name in MONTHS}))
#: Where DATE_RE may begin, in the lower-cased text: an ASCII digit, a weekday or a month.
#: (Not after a letter or digit, where DATE_RE's ``(?<![\w])`` fails.)
DATE_START_RE = regex.compile(
    r"(?<![0-9a-z])(?:[0-9]|mon|tue|wed|thu|fri|sat|sun|" + "|".join(MONTH_PREFIXES) + ")"
)
#: Every date holds an ASCII digit (a day or a year): a window without one holds none.
ASCII_DIGIT_RE = regex.compile(r"[0-9]")
#: How far before its month a date can start ("Wednesday, 9 and Friday 20 January").
ANCHOR_REACH = 60

#: A clock time: "00:01", "00.01hrs", "12:01 am", and "0001 hours" (no separator only
#: before "hrs"/"hours", so that a year or a count is never read as a time).
_TIME = (
    r"(?P<hh>[01]?\d|2[0-3])(?:[:.]|(?=[0-5]\d\s*h(?:rs|ours)\b))(?P<mi>[0-5]\d)"
    r"\s*(?P<ap>hrs|hours|a\.?m\.?|p\.?m\.?)?"
)
#: A time-zone word after the clock time: "Embargoed: 00:01 BST, Thursday 19 September 2024".
#: The moment is still read as London time (the zone word only names it).
_ZONE = r"(?:\s*(?:\(?(?:GMT|BST|UK\s+time)\)?))?"
#: A clock time just before a date: "00:01 THURSDAY ...", "00.01hrs, Thursday", "00:01 on".
TIME_BEFORE_RE = regex.compile(rf"\b{_TIME}{_ZONE},?\s*(?:on\s+)?$", regex.IGNORECASE)
#: A clock time just after a date: "18 August 2022 00.01", "20 July 2023 from 00:01".
TIME_AFTER_RE = regex.compile(rf",?\s*(?:at\s+|from\s+)?\b{_TIME}(?!\d){_ZONE}", regex.IGNORECASE)

#: Words that make a date the moment of publication: the notes-to-editors line ("The report
#: will be published ... on", "available ... from 00.01 on"), "published today (12 March 2019)",
#: embargo lines ("Not for publication before", "For release: 00:01, 12 November 2024").
PUBLISH_CUE_RE = regex.compile(
    r"\b(?:publish(?:ed)?|publication|available|embargo(?:ed)?|today|for\s+release)\b", regex.IGNORECASE
)
#: A date in brackets before the verb of publication: "The inspectorate yesterday (29 April
#: 2025) published its report".
PUBLISH_AFTER_RE = regex.compile(r"\)[^\S\n]*(?:published|publishes|released|releases)\b", regex.IGNORECASE)
#: An earlier report or another event: "published in October 2022", "published between ...".
PUBLISH_OTHER_RE = regex.compile(
    r"\b(?:previous|earlier|last|before\s+that|since)\b|\b(?:in|between|during)\s*$", regex.IGNORECASE
)
#: Words that put a release under embargo at a clock time. "published" counts in a sentence
#: ("will be published on 27 April 2023 at 00:01") but not as a news page's label at the
#: head of a line, where the time is when the story went up ("Published: 14:32, 22 May 2024").
EMBARGO_CUE_RE = regex.compile(
    r"""\b(?:
        embargo(?:ed)?|not\s+for\s+(?:publication|release)|publication|available
      | for\s+release                                      # "For release: 00:01, 12 November 2024"
      | (?<!(?:^|\n)[^\S\n]*)publish(?:ed)?                # not the label "Published: 14:32"
    )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
#: A line at the head of a page that is only a date: a news dateline ("Thursday 9 November
#: 2023 5:00am"), a byline ("By Martha Quayle, 10 October 2024"), a place-dateline ("NEWPORT,
#: Thursday 13 March 2025 —"), a label ("Published: 22 August 2024", "date 2025-09-25"), a
#: title prefix ("30 March 2023 - County Durham ..."), a report cover's "OCTOBER 2022", a
#: regulator's header ("News release – 8 August 2025"), or an item of a page's list of facts
#: ("• 1 July 2020").
DATELINE_PREFIX_RE = regex.compile(
    rf"""
    (?:
        (?:published|posted(?:\s+on)?|date|(?:for\s+)?released?|issued)\s*:?\s*   # a label
      | by\s+[^\n,|·•]{{1,60}}[,|·•]\s*                   # a byline: "By Priya Sandhu | ", "By Anjali Rao · "
      | (?:(?:news|press|media)\s+)?(?:release|statement|notice|update)s?\s+[-–—]\s*   # a header: "News release – "
      | \p{{L}}[\p{{L}}\s&-]{{0,30}}\|\s*                                # a section: "News | 17 March 2025"
      | (?-i:\p{{Lu}}[\p{{Ll}}'’]+(?:[ ]\p{{Lu}}[\p{{Ll}}'’-]+){{1,2}})[ ][-–—][ ]  # "Ann Lee - 15 May 2019"
      | [•·▪*]\s*                                         # a bullet of a page's list of facts
      | \p{{Lu}}[\p{{Lu}}\s'.-]{{1,40}},\s*                                # "NEWPORT, "
    )?
    (?:{_TIME},?\s*)?                                        # a news page's "06:00, 12 SEP 2024"
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
DATELINE_REST_RE = regex.compile(
    rf"""
    (?:,?\s*(?:at\s+)?{_TIME})?                             # "5:00am", ", 12:01 am"
    (?:
        [^\S\n]*(?:(?=\n)|\Z|[-–—]\s)                       # the end of the line, or a dash before the text
      | [^\S\n]*\|[^\n]{{0,60}}(?=\n|\Z)                        # a pipe and the rest of a byline: "| 4 min read"
      | [^\S\n]+(?:by[^\S\n]+)?                              # or a byline after the date:
        (?-i:\p{{Lu}}[\p{{L}}'’.-]*(?:[^\S\n]+\p{{Lu}}[\p{{L}}'’.-]*)+)   #   "16 January 2025 Daniel Oyelaran,
        (?:,[^\n.!?]{{0,80}})?(?=\n|\Z)                        #   Northern Daily, Yorkshire"
    )
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: A label that states the publication date wherever it stands ("Published: 26 May 2022",
#: a news page's "Published: 14:32, 22 May 2024 | Updated: ...").
PUBLISHED_LABEL_RE = regex.compile(
    rf"(?:^|\n)[^\S\n]*(?:published|date)[^\S\n]*:?[^\S\n]*(?:{_TIME},?[^\S\n]*)?\Z", regex.IGNORECASE
)
#: How far into a document a bare dateline still counts as the page's own date.
DATELINE_WINDOW = 1500

#: Words that make a sentence about the inspection visit. "fieldwork" is certain; the
#: others (CQC "carried out unannounced inspections", Ofsted "on site", "visited") are
#: read only near the date and only when no sentence names the fieldwork.
FIELDWORK_CUE_RE = regex.compile(r"\bfield\s?work\b", regex.IGNORECASE)
VISIT_CUE_RE = regex.compile(
    r"\b(?:visited|visits?|on\s+site|inspected|inspections?|inspectors?\s+(?:were|went|spent)"
    r"|carried\s+out|took\s+place|(?:found|identified|seen|observed)\s+by\s+(?:the\s+)?inspectors)\b",
    regex.IGNORECASE,
)
#: The literals every `VISIT_CUE_RE` match begins with.
VISIT_CUES = ("visit", "on", "inspect", "carried", "took", "found", "identified", "seen", "observed")
#: Another event near visit words: an earlier inspection, a publication, unification.
VISIT_OTHER_RE = regex.compile(
    r"\b(?:last|previous(?:ly)?|earlier|published|publication|unification|unified|merged|created"
    r"|since|before\s+that|framework|programme|regime)\b",
    regex.IGNORECASE,
)
VISIT_WINDOW = 150
#: How far before its visit word another-event word still speaks of it ("was last inspected").
VISIT_OTHER_REACH = 20
#: Where the clause after a date ends: words past it speak of something else.
CLAUSE_END_RE = regex.compile(r"[,;:.!?]")
#: Visit words in the clause after a date that opens its sentence.
VISIT_AFTER_DATE_RE = regex.compile(
    r"[^.;:]{0,100}?\b(?:(?:was|were|been)[ ](?:\w+[ ])?inspected|inspection[ ]of\b|inspectors[ ]visited|visited"
    r"|spent[ ](?:\w+[ ]){1,2}(?:assessing|inspecting|visiting|examining))\b",
    regex.IGNORECASE,
)
#: A service page's inspection line: "23 February 2022" above "During an inspection ...".
VISIT_AFTER_RE = regex.compile(r"\s*(?:During|Inspection\s+carried\s+out|Date\s+of)\b", regex.IGNORECASE)
#: A month without its year after visit words ("carried out inspections in November",
#: "between 30 July and 13 September"): its year is the document's own, the latest that
#: month had on or before the publication date.
YEARLESS_RE = regex.compile(
    rf"""\b(?:in|during|between|on|from|over)[ ]+(?:(?P<d1>{_DAY})[ ]+)?(?P<m1>{_MONTH})
        (?:{_TO}(?:(?P<d2>{_DAY})[ ]+)?(?P<m2>{_MONTH}))?(?![ ,]*(?:\d|of\b))""",
    regex.IGNORECASE | regex.VERBOSE,
)



class _Date(NamedTuple):
    """One written date: its span, start and end values ("YYYY-MM[-DD]"), and whether
    it is a single day with a year (the only kind a publication or embargo can be).
    A named tuple: a few are made per document, and a frozen dataclass costs more to make."""

    span: Span
    start: str | None
    end: str | None
    day: tuple[int, int, int] | None


def _month(raw: str | None) -> int | None:
    return MONTHS.get(raw.lower().rstrip(".")) if raw else None


def _value(y: int | None, m: int | None, d: int | None = None) -> str | None:
    if y is None or m is None:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        datetime(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


_NOT_DIGIT = regex.compile(r"\D")


def _int(raw: str | None) -> int | None:
    if not raw:
        return None
    return int(raw) if raw.isascii() and raw.isdigit() else int(_NOT_DIGIT.sub("", raw))


def _read(m: regex.Match[str]) -> _Date:
    """The values of one DATE_RE match (None where the text gives no year)."""
    span = (m.start(), m.end())
    # One call for the groups that tell the kind of date: each ``group`` call costs.
    d2, mb, rd1, *days = m.group("d2", "mb", "rd1", "d", "du", "id", "nd")
    if rd1:
        rm1, ry1, rd2, rm2, ry2 = (_int(raw) for raw in m.group("rm1", "ry1", "rd2", "rm2", "ry2"))
        return _Date(span, _value(ry1, rm1, _int(rd1)), _value(ry2, rm2, rd2), None)
    if d2:
        d1, m1, y1_raw, m2, y2_raw = m.group("d1", "m1", "y1", "m2", "y2")
        y2, mo2 = _int(y2_raw), _month(m2)
        y1 = _int(y1_raw) or y2
        mo1 = _month(m1) or mo2
        return _Date(span, _value(y1, mo1, _int(d1)), _value(y2, mo2, _int(d2)), None)
    if mb:
        ya, ma, yb_raw = m.group("ya", "ma", "yb")
        yb = _int(yb_raw)
        return _Date(span, _value(_int(ya) or yb, _month(ma)), _value(yb, _month(mb)), None)
    for raw_day, (mo, y) in zip(days, (("m", "y"), ("mu", "yu"), ("im", "iy"), ("nm", "ny")), strict=True):
        if raw_day:
            raw_month, raw_year = m.group(mo, y)
            year, month, day = _int(raw_year), _month(raw_month) or _int(raw_month), _int(raw_day)
            value = _value(year, month, day)
            full = (year, month, day) if value and year and month and day else None
            return _Date(span, value, value, full)
    ym, mm = m.group("ym", "mm")
    value = _value(_int(ym), _month(mm))
    return _Date(span, value, value, None)


def _anchors(text: str, low: str | None) -> list[regex.Match[str]]:
    """The ANCHOR_RE and NUMERIC_ANCHOR_RE matches of ``text``, in order.

    ANCHOR_RE is tried only where a month's first three letters stand in the lower-cased
    ``low`` (every month name begins so) or "19"/"20" stands four characters before a
    hyphen (an ISO date), not at every character; what is found is what its ``finditer``
    finds. Without ``low`` (see ``_lowered``) the pattern scans the whole text."""
    if low is None:
        anchors = list(ANCHOR_RE.finditer(text))
    else:
        starts = []
        for prefix in MONTH_PREFIXES:
            i = low.find(prefix)
            while i >= 0:
                if not (i and (low[i - 1].isalpha() or low[i - 1].isdecimal())):  # else no \b
                    starts.append(i)
                i = low.find(prefix, i + 1)
        i = text.find("-", 4)
        while i >= 0:
            if text[i - 4 : i - 2] in ("19", "20"):
                starts.append(i - 4)
            i = text.find("-", i + 1)
        anchors, end = [], 0
        for i in sorted(starts):
            if i >= end and (m := ANCHOR_RE.match(text, i)):
                anchors.append(m)
                end = m.end()
    numeric = list(NUMERIC_ANCHOR_RE.finditer(text)) if "/" in text or "." in text else []
    if numeric:
        anchors = sorted(anchors + numeric, key=lambda anchor: anchor.start())
    return anchors


def _lowered(text: str) -> str | None:
    """``text`` lower-cased where that keeps every offset (a dotted "İ" lower-cases to
    two characters) and where a case-insensitive pattern could match no more than the
    lower-cased text shows (a long s, "ſ", reads as "s"); None otherwise."""
    low = text.lower()
    return low if len(low) == len(text) and "\u017f" not in text else None


def _date_around(text: str, low: str | None, lo: int, a: int, hi: int) -> regex.Match[str] | None:
    """The date that ``DATE_RE.finditer(text, lo, hi)`` reads across ``a``, or None.

    DATE_RE begins with an ASCII digit, a weekday or a month: with ``low`` it is tried
    only where ``DATE_START_RE`` finds one of those in the lower-cased window (rather
    than at every character), going on after each date it reads as ``finditer`` does; a
    date that starts after ``a`` cannot hold it, so the look ends there."""
    if low is None:
        for m in DATE_RE.finditer(text, lo, hi):
            if m.start() <= a < m.end():
                return m
        return None
    if ASCII_DIGIT_RE.search(text, lo, hi) is None:
        return None
    pos = lo
    for c in DATE_START_RE.finditer(low, lo, min(hi, a + 3)):
        p = c.start()
        if p > a:
            break
        if p < pos:
            continue
        m = DATE_RE.match(text, p, hi)
        if m is None:
            continue
        if m.start() <= a < m.end():
            return m
        pos = m.end()
    return None


def _find_dates(text: str) -> list[_Date]:
    """Every date in ``text``, in order, each read once (ranges whole)."""
    found: list[_Date] = []
    covered = 0
    low = _lowered(text)
    for anchor in _anchors(text, low):
        a = anchor.start()
        if a < covered:
            continue
        m = _date_around(text, low, max(covered, a - ANCHOR_REACH), a, anchor.end() + ANCHOR_REACH)
        if m is not None:
            found.append(_read(m))
            covered = m.end()
    return found


#: The sentence bounds of each date already asked for, for the document being read:
#: embargo, publication and fieldwork each ask about the same few dates.
_SentenceCache = dict[tuple[int, int], tuple[int, int]]


def _sentence(doc: Document, start: int, end: int, cache: _SentenceCache | None = None) -> tuple[int, int]:
    """The bounds of the sentence around ``doc.text[start:end]`` (the shared spaCy
    sentences; a date between sentences stands in a line of its own)."""
    if cache is not None:
        bounds = cache.get((start, end))
        if bounds is None:
            bounds = cache[(start, end)] = _sentence(doc, start, end)
        return bounds
    first = doc.sentence_at(start)
    last = doc.sentence_at(max(start, end - 1))
    line = _line(doc.text, start, end)
    return (first[0] if first else line[0], last[1] if last else line[1])


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def _embargo(doc: Document, date: _Date, cache: _SentenceCache | None = None) -> Field | None:
    """An embargo read from ``date`` when a clock time stands beside it and the sentence
    speaks of embargo, publication or availability (notes to editors, header lines)."""
    if date.day is None:
        return None
    text = doc.text
    s, e = date.span
    before = TIME_BEFORE_RE.search(text, max(0, s - 30), s)
    after = None if before else TIME_AFTER_RE.match(text, e)
    clock = before or after
    if clock is None:
        return None
    left, right = _sentence(doc, s, e, cache)
    if not EMBARGO_CUE_RE.search(text, left, right):
        return None
    hour, minute = int(clock.group("hh")), int(clock.group("mi"))
    ap = (clock.group("ap") or "").lower()
    if ap.startswith("p") and hour < 12:
        hour += 12
    elif ap.startswith("a") and hour == 12:
        hour = 0
    y, mo, d = date.day
    moment = datetime(y, mo, d, hour, minute, tzinfo=LONDON)
    start = clock.start("hh") if before else s
    end = e if before else clock.end()
    return Field(moment.isoformat(), (start, end))


def _dateline(text: str, date: _Date) -> bool:
    """True when ``date`` stands alone on its line near the top (see DATELINE_PREFIX_RE)."""
    s, e = date.span
    if s > DATELINE_WINDOW:
        return False
    left, _ = _line(text, s, e)
    prefix = text[left:s]
    if prefix.strip() and not DATELINE_PREFIX_RE.fullmatch(prefix):
        return False
    return DATELINE_REST_RE.match(text, e) is not None


def _published(
    doc: Document, found: list[_Date], embargo: Field | None, cache: _SentenceCache | None = None
) -> Field | None:
    """The publication date, by the strength of what states it: a label or dateline
    first, then a publication sentence, then the embargo (the moment a release is
    published), and a month-only cover line last."""
    text = doc.text
    cover: Field | None = None
    for date in found:
        if date.start is None or date.start != date.end:
            continue
        s = date.span[0]
        labelled = PUBLISHED_LABEL_RE.search(text, max(0, s - 30), s) is not None
        if not (labelled or _dateline(text, date)) or VISIT_AFTER_RE.match(text, date.span[1]):
            continue
        if date.day:
            return Field(date.start, date.span)
        if cover is None:
            cover = Field(date.start, date.span)
    for date in found:
        if date.day is None or date.start is None:
            continue
        s, e = date.span
        left, _ = _sentence(doc, s, e, cache)
        window = text[left:s]
        cues = list(PUBLISH_CUE_RE.finditer(window))
        # Only the words after the last cue can make it another event ("published in").
        if cues and PUBLISH_OTHER_RE.search(window, cues[-1].end()):
            continue
        if not cues and not PUBLISH_AFTER_RE.match(text, e):
            continue
        return Field(date.start, date.span)
    if embargo is not None:
        return Field(embargo.value[:10], embargo.span)
    return cover


def _fieldwork(
    doc: Document, found: list[_Date], published: Field | None, cache: _SentenceCache | None = None
) -> Fieldwork | None:
    """The fieldwork period: a dated sentence naming the fieldwork, else a date just after
    visit words ("Inspectors were on site between 13 and 24 January 2025")."""
    text = doc.text
    for date in found:
        if date.start is None or date.end is None:
            continue
        left, right = _sentence(doc, *date.span, cache)
        if FIELDWORK_CUE_RE.search(text, left, right) or (
            date.start == date.end and VISIT_AFTER_RE.match(text, date.span[1]) and _dateline(text, date)
        ):
            return _visit(text, date.span, date.start, date.end, single=date.day is not None)
    for date in found:
        if date.start is None or date.end is None:
            continue
        s, e = date.span
        left, right = _sentence(doc, s, e, cache)
        near = max(left, s - VISIT_WINDOW)
        cues = list(VISIT_CUE_RE.finditer(text, near, s))
        if not cues:
            continue
        # Another event is named between the visit words and the date ("inspections ...,
        # published between"), just before them ("last inspected"), or in the date's own
        # clause; a CQC release's "has published a report ..., following unannounced
        # inspections ... in February and March 2025" speaks of publication elsewhere.
        clause = CLAUSE_END_RE.search(text, e, right)
        stretch_end = clause.start() if clause else right
        if not VISIT_OTHER_RE.search(text, max(left, cues[-1].start() - VISIT_OTHER_REACH), stretch_end):
            return _visit(text, date.span, date.start, date.end, single=date.day is not None)
    for date in found:
        # the date first: "In April 2024 the council's children's services ... were
        # inspected", "between 10 and 21 October 2022 a full inspection of ... was completed"
        if date.start is None or date.end is None:
            continue
        s, e = date.span
        left, right = _sentence(doc, s, e, cache)
        if s - left > 40 or _dateline(text, date) or (published is not None and published.span == date.span):
            continue  # not at the start of its sentence, or the page's own date
        visit = VISIT_AFTER_DATE_RE.match(text, e, min(right, e + VISIT_WINDOW))
        if visit and not VISIT_OTHER_RE.search(text, left, visit.end()):
            return _visit(text, date.span, date.start, date.end, single=date.day is not None)
    return _yearless(doc, published, cache)


# Words that date a visit's last day, not its first: "within days of finishing the
# inspection on 9 November 2023", "the inspection concluded on".
_END_OF_VISIT = regex.compile(
    r"\b(?:finish(?:ed|ing)?|end(?:ed|ing)|conclud(?:ed|ing)|complet(?:ed|ing))\b[^.;:]{0,40}?[ ]on[ ](?:the[ ])?$",
    regex.IGNORECASE,
)


def _visit(text: str, span: Span, start: str, end: str, *, single: bool) -> Fieldwork:
    """The fieldwork a date gives; a single day named as the visit's end gives only its
    month (the first day is not known, and a fieldwork day is read as the first)."""
    if single and _END_OF_VISIT.search(text, max(0, span[0] - 80), span[0]):
        return Fieldwork(start[:7], end[:7], span)
    return Fieldwork(start, end, span)


def _yearless(doc: Document, published: Field | None, cache: _SentenceCache | None) -> Fieldwork | None:
    """A visit month given without its year, dated by the document's publication date."""
    if published is None or len(published.value) < 7:
        return None
    text = doc.text
    py, pm = int(published.value[:4]), int(published.value[5:7])
    for cue in cued_finditer(VISIT_CUE_RE, text, VISIT_CUES):
        left, right = _sentence(doc, cue.start(), cue.end(), cache)
        m = YEARLESS_RE.search(text, cue.end(), min(right, cue.end() + VISIT_WINDOW))
        if (
            m is None
            or VISIT_OTHER_RE.search(text, max(left, cue.start() - VISIT_OTHER_REACH), m.start())
            or VISIT_OTHER_RE.match(text, m.end() + 1)  # "in June last year"
        ):
            continue
        m1, m2 = _month(m.group("m1")), _month(m.group("m2")) or _month(m.group("m1"))
        if m1 is None or m2 is None:
            continue
        end_year = py if m2 <= pm else py - 1
        start_year = end_year if m1 <= m2 else end_year - 1
        d2 = m.group("d2") or (m.group("d1") if not m.group("m2") else None)
        start = _value(start_year, m1, _int(m.group("d1")))
        end = _value(end_year, m2, _int(d2))
        if start and end:
            at = m.start("d1") if m.group("d1") else m.start("m1")
            last = m.end("m2") if m.group("m2") else m.end("m1")
            return Fieldwork(start, end, (at, last - text[at:last].endswith(".")), year_inferred=True)
    return None


def dates(doc: Document) -> Dates:
    """The dates the document gives for its publication, embargo and fieldwork.

    A date the text gives without a year is not read (null), and a month-only date stays
    "YYYY-MM". Embargo times are Europe/London local times with their UTC offset:
    "00:01 THURSDAY 18 AUGUST 2022" -> "2022-08-18T00:01:00+01:00".
    """
    text = doc.text
    found = _find_dates(text)
    cache: _SentenceCache = {}
    embargo = None
    for date in found:
        embargo = _embargo(doc, date, cache)
        if embargo is not None:
            break
    published = _published(doc, found, embargo, cache)
    return Dates(published=published, embargo=embargo, fieldwork=_fieldwork(doc, found, published, cache))
