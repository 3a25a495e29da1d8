"""Document-level facts: inspectorate, title and document type."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from inspection_extract._document import Document
from inspection_extract._vocab import cued_finditer, find_all, first_char_led
from inspection_extract.profiles import profiles
from inspection_extract.record import Field

_MAJESTY = r"(?:H(?:is|er)\s+Majesty[’']?s?|HM|HMI)"
#: Each inspectorate's normalised name and the ways documents name it, from its profile. A
#: Chief Inspector's title names the inspectorate too: a report extract may be signed only
#: "HM Chief Inspector of Probation".
INSPECTORATES: dict[str, str] = {
    p.inspectorate: " | ".join(n.replace("{majesty}", _MAJESTY) for n in p.names) for p in profiles()
}
# Every name begins a word, or a capital glued to a word in scraped text ("City TimesHM
# Inspectorate"): the guard lets the engine pass over the inside of words at once (three
# times faster over text crowded with the keywords).
_INSPECTORATE_PLAIN_RE = regex.compile(
    r"(?:(?<![\w])|(?-i:(?<=\p{Ll})(?=\p{Lu})))(?:"
    + "|".join(f"(?P<i{n}>{pattern})" for n, pattern in enumerate(INSPECTORATES.values()))
    + ")",
    regex.IGNORECASE | regex.VERBOSE,
)
# The same, led by its first characters (`first_char_led`): 40% less time per scan.
_INSPECTORATE_RE = first_char_led(_INSPECTORATE_PLAIN_RE)
#: Every way of naming an inspectorate holds one of these (lower case).
INSPECTORATE_KEYWORDS = tuple(dict.fromkeys(k for p in profiles() for k in p.keywords))
KEYWORD_REACH = 60
_INSPECTORATE_BY_GROUP = {f"i{n}": name for n, name in enumerate(INSPECTORATES)}
_OPEN_QUOTE, _CLOSE_QUOTE = "“", "”"
#: "led by" just before a name makes it the lead of a joint inspection.
_LED_BY = regex.compile(r"\b(?:led|conducted|carried\s+out)\s+by\s+(?:the\s+)?\Z", regex.IGNORECASE)
_ANY_LED_BY = regex.compile(r"\b(?:led|conducted|carried\s+out)\s+by\s", regex.IGNORECASE)
_LED_BY_CUES = ("led", "conducted", "carried")

#: Cues of each kind of document, counted over the text. Notes to editors and embargo
#: lines mark a press release; contents, foreword and the ratings table a report; bylines,
#: "READ MORE" links and paywall furniture a news article; "Posted by" and comment counts a
#: blog (which the record calls "other": it is commentary, neither news nor release).
#: Each cue is (a word it cannot match without; its pattern): the pattern runs only on texts
#: holding the word, which keeps this pass cheap. The word is looked for as written where
#: the pattern is case-sensitive (most cues: "ENDS", "By", "Contents"), in the lower-cased
#: text where it is not (written in lower case, for the ``(?i:...)`` cues).
TYPE_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "press_release": (
        ("ENDS", r"^\W*ENDS\W*$"),
        ("editor", r"(?i:\bnotes?\s+(?:to|for)\s+editors?\b)"),
        ("embargo", r"(?i:\bembargo(?:ed)?\b)"),
        ("publication", r"(?i:\bnot\s+for\s+publication\b)"),
        ("media", r"(?i:\bmedia\s+(?:enquiries|contact)\b)"),
        ("press", r"(?i:\bpress\s+(?:office|release|team)\b)"),
        ("Published:", r"^Published:"),
    ),
    "report": (
        ("Contents", r"^Contents$"),
        ("Foreword", r"^Foreword$"),
        ("Ratings", r"^Ratings$"),
        ("inspection", r"\bAn\s+inspection\s+of\s+[\w\s]{0,40}services\s+in\b"),
        ("Inspection", r"^Inspection\s+of\s+[\w\s]{0,40}services:"),
        ("Fieldwork", r"\bFieldwork\s+started\b"),
        ("Crown", r"\bCrown\s+copyright\b"),
        ("Annex", r"^Annex\s+\d"),
        ("Overall", r"^Overall\s+rating\b"),
        ("Score", r"\bScore\s+\d+/\d+"),
    ),
    "news_article": (
        ("By", r"^By\s+\p{Lu}"),
        ("READ", r"\bREAD\s+MORE\b"),
        ("Advertisement", r"^Advertisement$"),
        ("Democracy", r"\bLocal\s+Democracy\s+Report(?:er|ing)\b"),
        ("Reporter", r"\b(?:Crime|Court|Political|Health)\s+Reporter\b"),
        ("Comments", r"^Comments\s*\(\d+\)"),
        ("inspectorate", r"\bsaid\s+the\s+inspectorate\b"),
        ("reserved", r"\bAll\s+rights\s+reserved\b"),
        ("article", r"\bfree\s+articles?\b"),
        ("register", r"\bSign\s+in\s+or\s+register\b"),
        ("day", r"^\p{Lu}{3,}(?:\s+\p{Lu}+)*,\s+\p{Lu}\p{Ll}+day\b"),
        ("Image:", r"\bImage:"),
    ),
    "blog": (
        ("Posted", r"^Posted\s+by\b"),
        ("comment", r"^\d+\s+comments?:?$"),
        ("Label", r"^Labels?:"),
        ("said...", r"\bsaid\.\.\.$"),
        (".blog", r"\.blog\b"),
    ),
}
#: Weaker signs of the inspectorate's own release, for a text cut off before its notes:
#: its formal name and its Chief Inspector introduced with "said:". Each counts half.
WEAK_PRESS_CUES: tuple[tuple[str, str], ...] = (
    ("Majesty", r"(?:His|Her)\s+Majesty[’']s\s+Inspectorate"),
    ("said:", r"Chief\s+Inspector\s+of\s+\w+(?:\s+\p{Lu}\w+){0,3},?\s+said:"),
)
_TYPE_RES = {
    kind: tuple((word, regex.compile(p, regex.MULTILINE)) for word, p in cues) for kind, cues in TYPE_CUES.items()
}
_WEAK_PRESS_RES = tuple((word, regex.compile(p)) for word, p in WEAK_PRESS_CUES)
#: What each kind of document is called in the record.
RECORD_TYPE = {
    "press_release": "press_release", "report": "report", "news_article": "news_article", "blog": "other",
}

#: Page furniture at the head of a text: skip links, menus, cookie banners, licence strips,
#: links, breadcrumbs, section labels. A paragraph that opens with one is all furniture.
_FURNITURE = regex.compile(
    r"""
    ^(?:skip\s+to|menu$|home$|search$|accept\b|reject\b|share\b|print\b)       # site furniture
    | cookies? | \blicen[cs]e\b | https?:// | www\. | @                          # banners, licence, links
    | \s[>|]\s                                                                   # breadcrumbs
    | [–-]\s*(?:news|press\s+releases?|blog)$                                     # "Council – Press release"
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: Literals one of which (lower-cased) a line holds where `_FURNITURE` matches it past its
#: start: a line without them is tested at its start only (`_furniture`). Case-insensitive
#: matching also takes "ı" and "ſ" for "i" and "s": a line holding one is searched whole.
_FURNITURE_KEYS = ("cookie", "licen", "http", "www.", "@", ">", "|", "news", "press", "blog", "ı", "ſ")
#: Lines before a headline that are not it: labels, bylines, embargo lines, datelines.
_LABEL = regex.compile(
    r"""
    ^(?:by|posted\s+by)\s | ^(?:published|updated|date)\b                         # bylines and labels
    | \bembargo | ^not\s+for\s+publication
    | ^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}\s+\p{L}+\s+\d{4}   # a dateline
    | ^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\p{L}+\s+\d{1,2},\s+\d{4}
    | ^\p{L}+\s+\d{4}$                                                           # a cover month
    | ^(?-i:\p{Lu}{3,}[\p{Lu}\s]*),\s                                             # "NEWPORT, Thursday ..."
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: A masthead or section label: a short line with no lower-case letter ("BRISTOL CITY
#: TIMES", "CRIME"). Its whole paragraph is furniture (a blog's masthead carries its strap).
_MASTHEAD = regex.compile(r"^[^\p{Ll}]{2,60}$")
#: A line that is only an inspectorate's name: a site's masthead, not a headline.
_NAME_ONLY = regex.compile(rf"^(?:{'|'.join(INSPECTORATES.values())})$", regex.IGNORECASE | regex.VERBOSE)
#: A report's cover: "An inspection of probation services in:" and the unit's name below.
_COVER = regex.compile(r"^(?:An\s+)?inspection\s+of\b[^\n]{0,80}(?:\n[^\n]+){0,3}", regex.IGNORECASE)
_COVER_END = regex.compile(r"\n(?:HM|His|Her)\s+[^\n]*Inspectorate|\s+\d{1,3}$")
#: "30 March 2023 - " before a headline: the page's date, not part of the title.
_DATE_PREFIX = regex.compile(r"^\d{1,2}\s+\p{L}+\s+\d{4}\s*[-–—]\s+")
_SENTENCE_BREAK = regex.compile(r"[.!?]\s+\p{Lu}")
_SPACES = regex.compile(r"\s+")
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 30
#: A paragraph this long that is not furniture is body text: the title, if any, was above it.
BODY_MIN_CHARS = 300
BODY_MIN_WORDS = 16
HEAD_PARAGRAPHS = 40


def _inside_quote(doc: Document, offset: int) -> bool:
    """True when ``offset`` falls in quoted speech: a block quote, or after an unclosed
    curly opening mark in its paragraph."""
    if any(s <= offset < e for s, e in doc.quote_blocks):
        return True
    para = doc.paragraph_at(offset)
    if para is None:
        return False
    before = doc.text[para[0] : offset]
    return before.count(_OPEN_QUOTE) > before.count(_CLOSE_QUOTE)


def _inspectorate_mentions(text: str) -> Iterator[regex.Match[str]]:
    """Every mention of an inspectorate, in order. The big pattern is tried only around
    its keywords (found with ``str.find``), which is some twenty times faster than
    running it over the whole text."""
    low = text.lower()
    hits = sorted(i for word in INSPECTORATE_KEYWORDS for i in find_all(low, word))
    # The keywords' windows, overlapping ones merged: each stretch of text is read once,
    # however many keywords crowd it. A window is read only if a keyword in it goes on as
    # in a name ("inspector" in "Chief Inspector of", not in "the chief inspector said"):
    # a name holds such a keyword, so the others' windows hold none.
    windows: list[list[int]] = []
    for hit in hits:
        lo, hi = max(0, hit - KEYWORD_REACH), hit + KEYWORD_REACH
        named = int(_as_in_a_name(low, hit))
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
            windows[-1][2] |= named
        else:
            windows.append([lo, hi, named])
    for lo, hi, named in windows:
        if named:
            yield from _INSPECTORATE_RE.finditer(text, lo, hi)


#: How a keyword goes on in every name that holds it, where it does not end a name
#: ("inspector": "Inspectorate of", "Chief Inspector of Probation").
KEYWORD_GOES_ON = {"inspector": regex.compile(r"inspector(?:ate|\s+of\b)")}


def _as_in_a_name(low: str, hit: int) -> bool:
    """Whether the keyword at ``hit`` of the lower-cased text goes on as in a name."""
    for word, goes_on in KEYWORD_GOES_ON.items():
        if low.startswith(word, hit):
            return goes_on.match(low, hit) is not None
    return True


def inspectorate(doc: Document) -> Field | None:
    """The inspectorate that published or carried out the inspection, normalised.

    The lead inspectorate where the text says so ("a joint thematic inspection led by HM
    Inspectorate of Probation with HMICFRS"), else the first one named outside quoted
    speech (a partner inspectorate's inspector may be quoted, and named as often). The
    span is where it is named.
    """
    first: Field | None = None
    # Without a "led by" anywhere, the first mention outside quoted speech is the answer.
    may_lead = next(cued_finditer(_ANY_LED_BY, doc.text, _LED_BY_CUES), None) is not None
    for m in _inspectorate_mentions(doc.text):
        if _inside_quote(doc, m.start()):
            continue
        name = next(_INSPECTORATE_BY_GROUP[g] for g, v in m.groupdict().items() if v is not None)
        if may_lead and _LED_BY.search(doc.text, max(0, m.start() - 20), m.start()):
            return Field(name, m.span())
        if first is None:
            first = Field(name, m.span())
            if not may_lead:
                break
    return first


def _field(text: str, start: int, end: int) -> Field:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Field(_SPACES.sub(" ", text[start:end]), (start, end))


def _furniture(line: str) -> bool:
    """``_FURNITURE.search(line)``: searched through only where one of its literals is."""
    low = line.lower()
    if any(key in low for key in _FURNITURE_KEYS):
        return _FURNITURE.search(line) is not None
    return _FURNITURE.match(line) is not None  # (its alternatives anchored at the start)


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= TITLE_MAX_WORDS
        and len(line) <= TITLE_MAX_CHARS
        and not line.rstrip().endswith(":")
        and (line[0].isupper() or line[0].isdigit() or line[0] in "‘“'\"")
        and not _SENTENCE_BREAK.search(line)
    )


def _is_body(para: str) -> bool:
    """True for a paragraph of running text: long, or a full sentence of many words."""
    words = len(para.split())
    return len(para) >= BODY_MIN_CHARS or (words >= BODY_MIN_WORDS and para.rstrip()[-1:] in ".!?\"”")


def title(doc: Document) -> Field | None:
    """The document's own title: the HTML ``<h1>``, a report's cover, a release's headline.

    Without markup the headline is the first line at the head of the text that is not
    page furniture (skip links, cookie banners, licence strips, breadcrumbs, mastheads),
    a label, a byline, an embargo line or a dateline. ``None`` once running text begins
    (a news page whose headline was not kept starts with its dateline and standfirst).
    """
    text = doc.text
    if doc.title_span is not None:
        return _field(text, *doc.title_span)
    for p_start, p_end in doc.paragraphs[:HEAD_PARAGRAPHS]:
        cover = _COVER.match(text, p_start, p_end)
        if cover:
            end = _COVER_END.search(text, cover.start(), cover.end())
            return _field(text, cover.start(), end.start() if end else cover.end())
        para = text[p_start:p_end]
        first_line = para.split("\n", 1)[0]
        if _MASTHEAD.match(first_line) or _furniture(first_line):
            continue
        if _is_body(para):
            return None
        offset = p_start
        for line in para.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            prefix = _DATE_PREFIX.match(text, start, end)
            if prefix:
                start = prefix.end()
            line = text[start:end]
            if _LABEL.search(line) or _MASTHEAD.match(line) or _NAME_ONLY.match(line.strip()):
                continue
            if _headline_like(line):
                return _field(text, start, end)
            break
    return None


_LAST_WORD_CHAR = regex.compile(r"\w", regex.REVERSE)


def _search_from(text: str, word: str, pattern: regex.Pattern[str]) -> int:
    """Where a cue's pattern may first match: 0, but for a line of only its word ("ENDS",
    found near a release's end) the end of the last word character before the word's first
    occurrence, as nothing but non-word characters can come between the line start and it.
    """
    if not pattern.pattern.startswith(r"^\W*" + word):
        return 0
    before = _LAST_WORD_CHAR.search(text, 0, text.find(word))
    return before.end() if before else 0


def document_type(doc: Document) -> str:
    """"press_release", "report", "news_article" or "other".

    Counts each kind's cues (TYPE_CUES) and takes the kind with most; a PDF with pages is
    a report unless release cues outnumber its report cues. No cue at all gives "other".
    """
    text, low = doc.text, doc.text.lower()

    def count(cues: tuple[tuple[str, regex.Pattern[str]], ...]) -> int:
        return sum(
            len(pattern.findall(text, _search_from(text, word, pattern)))
            for word, pattern in cues
            if word in (low if pattern.pattern.startswith("(?i:") else text)
        )

    scores = {kind: float(count(cues)) for kind, cues in _TYPE_RES.items()}
    scores["press_release"] += 0.5 * count(_WEAK_PRESS_RES)
    if doc.page_starts:
        scores["report"] += 2
    kind = max(scores, key=lambda k: scores[k])
    return RECORD_TYPE[kind] if scores[kind] else "other"
