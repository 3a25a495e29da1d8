"""The fast forms of the library's text scans find exactly what their plain forms find.

Each scan that is run in a quicker way than its pattern's ``finditer`` or ``search`` (tried
only at the hits of a literal search, read backwards from its anchor, split into patterns
led by one literal, led by a lookahead for its first characters) is checked against the
plain form: on every fixture text and on generated text made of the words and marks the
scan turns on.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
import regex
from conftest import fixture_documents
from hypothesis import given, settings
from hypothesis import strategies as st

from inspection_extract._load import load
from inspection_extract._spans import Spans
from inspection_extract._vocab import cued_finditer, first_char_led, may_hold, search_end
from inspection_extract.profiles import profiles

_nlp = importlib.import_module("inspection_extract._nlp")
_pdf_read = importlib.import_module("inspection_extract._load._pdf_read")
_text = importlib.import_module("inspection_extract._load.text")
aspects = importlib.import_module("inspection_extract.extract._aspects")
counts = importlib.import_module("inspection_extract.extract.counts")
dates = importlib.import_module("inspection_extract.extract.dates")
meta = importlib.import_module("inspection_extract.extract.meta")
quotes = importlib.import_module("inspection_extract.extract.quotes")
ratings = importlib.import_module("inspection_extract.extract._ratings")
refs = importlib.import_module("inspection_extract.extract._refs")
repair = importlib.import_module("inspection_extract._load.repair")
units = importlib.import_module("inspection_extract.extract.units")

settings.register_profile("scans", max_examples=100, derandomize=True, deadline=None, database=None)


def _fixture_texts() -> list[str]:
    texts = []
    for path in fixture_documents():
        try:
            texts.append(load(path).text)
        except Exception:  # the bad-input fixtures
            continue
    return texts


TEXTS = _fixture_texts()

# Words and marks the scans turn on, with the characters that case-insensitive matching
# equates with ASCII letters ("ſ", the Kelvin sign, dotted and dotless I).
_WORDS = (
    "rated judged found to be as was were is has have been had will became joined who "
    "every each any no not a single one two 12 40 4,000 the other of half all some and , . ; : ! ? "
    "most many several majority few third quarter two-thirds three-quarters 45% (three with further "
    "‘ ’ “ ” ( ) - – Mr. Dr A. 2. iv. The Ann Lee O'Neill MacNaughton Kent’s Kent's North East "
    "PDU HM Inspectorate of Probation Chief Inspector CQC Ofsted inspectors visited visits "
    "on site carried out took place led by conducted % per cent percent 18 August 2024 "
    "07/10/2024 Thursday island wasp whom also separately really well however "
    "ſ K İ ı ﬁ \u00ad \x93 \x00 \x1c \u2028 \u00a0"
).split(" ")
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "", "  \n"])


@st.composite
def domain_text(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=0, max_value=80))
    parts = [draw(st.sampled_from(_WORDS)) + draw(_SEPARATORS) for _ in range(n)]
    return "".join(parts)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def _check_all(check: object) -> None:
    for text in TEXTS:
        check(text)  # type: ignore[operator]


# --- the checks -------------------------------------------------------------------------------

CUED = [
    (meta._ANY_LED_BY, meta._LED_BY_CUES),
    (dates.VISIT_CUE_RE, dates.VISIT_CUES),
    (counts.PERCENT_SIGN_RE, ("%", "per")),
]


def check_cued(text: str) -> None:
    for pattern, cues in CUED:
        fast = _spans(cued_finditer(pattern, text, cues))
        assert fast == _spans(pattern.finditer(text)), pattern.pattern


def check_first_char_led(text: str) -> None:
    for plain, led in ((meta._INSPECTORATE_PLAIN_RE, meta._INSPECTORATE_RE), (dates.DATE_PLAIN_RE, dates.DATE_RE)):
        assert led is not plain  # the lookahead was added
        assert _spans(led.finditer(text)) == _spans(plain.finditer(text))


def check_sentence_boundaries(text: str) -> None:
    long_text = text if len(text) >= _nlp._SHORT_TEXT else (text + " ") * (_nlp._SHORT_TEXT // (len(text) + 1) + 1)
    for t in (text, long_text):
        assert [m.start("start") for m in _nlp._boundaries(t)] == [
            m.start("start") for m in _nlp._BOUNDARY.finditer(t)
        ]


def check_persons(text: str) -> None:
    assert [(m.span(), m.span("name")) for m in quotes._persons(text)] == [
        (m.span(), m.span("name")) for m in quotes._PERSON.finditer(text)
    ]


def check_passive_tail(text: str) -> None:
    for start in range(0, len(text), 97):
        clause = text[start : start + 120]
        forward, backward = units._PASSIVE_TAIL.search(clause), units._PASSIVE_TAIL_END.search(clause)
        assert (forward and forward.start()) == (backward and backward.start()), clause


# The tally pattern as one search, as it was written before its costly branches were
# split off: the quantifier branch with a word run inside its gap.
_NUM_WORDS = ratings._NUM_WORDS
_ONE_TALLY = regex.compile(
    rf"""
    (?:^|[\s,(])(?:(?:{_NUM_WORDS}|{ratings._QUANTITIES})(?:[ ]of\b[^.;,]*?|[ ](?!and\b|but\b)\w+)?
                  [ ](?:were|was|to[ ]be|are|is|ha(?:ve|s)[ ]been)[ ]{ratings._TALLY_VERB}
      |(?:with|further)[ ](?:{_NUM_WORDS})[ ]{ratings._TALLY_VERB}
      |(?:every|each|any|no|not[ ]a[ ]single|not[ ]one)[ ]\w+[^.;]*?{ratings._TALLY_VERB}
      |the[ ]other[ ](?:{_NUM_WORDS})(?:[ ]\w+[ ](?:were|are)[ ](?:rated|judged))?
      |(?:^|,[ ]|and[ ])(?:{_NUM_WORDS})(?:[ ]rated)?)
    [ ]*(?:as[ ])?[‘'"“]?$
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)


def check_tally(text: str) -> None:
    for end in range(0, len(text), 53):
        before = text[max(0, end - 80) : end]
        assert ratings._tally_before(before) == (_ONE_TALLY.search(before) is not None), before


_NAMES = sorted({"North East", "Kent", "Ann Lee", "PDU", "St. Helens", "Co.", "Kent’s Lee"}, key=len, reverse=True)
_POSSESSIVE_END = regex.compile(r"['’]s$")


def _token_hits_by_sets(text: str, names: list[str]) -> set[tuple[int, int, str]]:
    """The one-pass name search in its plain form: every run of up to ``most`` tokens, each
    with its three forms in a set, the possessive cut by a pattern."""
    rank_of = {name: rank for rank, name in enumerate(names)}
    most = max(len(n.split()) for n in names)
    firsts = {n.split()[0].rstrip(refs._TRAILING) for n in names if n.split()}
    tokens = [m.span() for m in regex.finditer(r"\S+", text)]
    hits = set()
    for i, (start, first_end) in enumerate(tokens):
        lead = refs._LEAD.match(text, start)
        at = lead.end() if lead else start
        first = text[at:first_end].rstrip(refs._TRAILING)
        if first not in firsts and _POSSESSIVE_END.sub("", first) not in firsts:
            continue
        for _, end in tokens[i : i + most]:
            run = text[at:end]
            for cand in {run, run.rstrip(refs._TRAILING), _POSSESSIVE_END.sub("", run.rstrip(refs._TRAILING))}:
                if cand in rank_of:
                    hits.add((at, rank_of[cand], cand))
    return hits


def check_token_hits(text: str) -> None:
    hits = refs._token_hits(text, _NAMES)
    assert len(hits) == len(set(hits))
    assert set(hits) == _token_hits_by_sets(text, _NAMES)


def check_pdfium_lines(text: str) -> None:
    raw = text.replace("\n", "\r\n")
    assert list(_pdf_read._pdfium_lines(raw)) == [m.span() for m in regex.finditer(r"[^\r\n]+", raw)]


def check_repair(text: str) -> None:
    plain = _text._spell_ligatures(_text._INVISIBLE.sub("", _text._C1.sub(_text._c1_to_cp1252, text)))
    assert _text._repair_characters(text) == plain


def _end_anchored() -> list[regex.Pattern[str]]:
    """Every pattern searched with ``search_end``: the tally and cue patterns before a
    rating, and each inspectorate's own cue pattern."""
    patterns = [
        ratings._TALLY_BEFORE,
        ratings._TALLY_OF_BEFORE,
        ratings._TALLY_QUANTIFIED_BEFORE,
        ratings._CUE_BEFORE,
        ratings._RATED_NAME_BEFORE,
    ]
    for prof in profiles():
        before = aspects.rating_cues(prof.inspectorate).before
        if before is not None:
            patterns.append(before)
    return patterns


END_ANCHORED = _end_anchored()


def check_search_end(text: str) -> None:
    for end in range(0, len(text) + 1, 29):
        for before in (text[max(0, end - 120) : end], text[max(0, end - 120) : end] + "\n"):
            for pattern in END_ANCHORED:
                assert search_end(pattern, before) == (pattern.search(before) is not None), (pattern.pattern, before)


def check_may_hold(text: str) -> None:
    for end in range(0, len(text) + 1, 31):
        part = text[max(0, end - 60) : end]
        assert units._names_units(part) == (units._UNIT_WORDS.search(part) is not None), part
        if units._TRAILING_ADVERB.search(part):
            assert may_hold(part[-8:], units._TRAILING_ADVERBS), part


def check_words_of(text: str) -> None:
    for sample in (text, text.lower()):
        assert repair.words_of(sample) == repair._WORD.findall(sample)


def check_reach_limit(text: str) -> None:
    scanner = counts._Scanner(SimpleNamespace(text=text))  # (it reads only the text)
    for start in range(0, len(text), 13):
        window = text[max(0, start - 500) : start]
        ends = [m.end() for m in counts.SENTENCE_END_RE.finditer(window)]
        reach = ends[-2] if len(ends) >= 2 else 0
        assert scanner._reach_limit(start) == start - len(window) + reach, start


CHECKS = [
    check_cued,
    check_first_char_led,
    check_sentence_boundaries,
    check_persons,
    check_passive_tail,
    check_tally,
    check_pdfium_lines,
    check_repair,
    check_token_hits,
    check_search_end,
    check_may_hold,
    check_reach_limit,
    check_words_of,
]


def test_the_plain_tally_pattern_is_the_one_search() -> None:
    # the reference really holds both searches: a quantified tally and a counted one
    for tally in ("no PDU was rated", "three were rated", "three of those PDUs were rated", "with 19 judged"):
        assert _ONE_TALLY.search(tally) and ratings._tally_before(tally), tally


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_fast_scan_matches_plain_on_fixtures(check: object) -> None:
    _check_all(check)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@settings(settings.get_profile("scans"))
@given(text=domain_text())
def test_fast_scan_matches_plain_on_generated_text(check: object, text: str) -> None:
    check(text)  # type: ignore[operator]


def test_first_char_led_leaves_an_any_letter_pattern_alone() -> None:
    pattern = regex.compile(r"\b\p{Lu}\w+")
    assert first_char_led(pattern) is pattern


def test_cued_scan_falls_back_where_lower_casing_moves_offsets() -> None:
    # "İ" lower-cases to two characters; the Kelvin sign matches "k" only case-insensitively
    for text in ("İİ led by X", "the review, \u212aed by, was led by us", "ınspectors visited"):
        for pattern, cues in CUED:
            assert _spans(cued_finditer(pattern, text, cues)) == _spans(pattern.finditer(text))


def check_furniture(text: str) -> None:
    for line in text.split("\n")[:60]:
        assert meta._furniture(line) == (meta._FURNITURE.search(line) is not None), line


@settings(settings.get_profile("scans"))
@given(
    line=st.lists(
        st.sampled_from(
            "Skip to content | Menu Home Search Accept all cookies Cookie licence Licence OGL "
            "https://x www.gov.uk @user > news Council – Press release – blog ı ſ LıCENCE "
            "CooKıe the report rated Good".split(" ")
        ),
        max_size=12,
    ).map(" ".join)
)
def test_furniture_test_matches_its_pattern(line: str) -> None:
    check_furniture(line)


def test_furniture_test_matches_its_pattern_on_fixtures() -> None:
    _check_all(check_furniture)


def _mentions_in_every_window(text: str) -> list[tuple[int, int]]:
    """The inspectorate names as read before windows were skipped: every keyword's window."""
    low = text.lower()
    hits = sorted(i for word in meta.INSPECTORATE_KEYWORDS for i in meta.find_all(low, word))
    windows: list[list[int]] = []
    for hit in hits:
        lo, hi = max(0, hit - meta.KEYWORD_REACH), hit + meta.KEYWORD_REACH
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [m.span() for lo, hi in windows for m in meta._INSPECTORATE_PLAIN_RE.finditer(text, lo, hi)]


def check_inspectorate_windows(text: str) -> None:
    assert [m.span() for m in meta._inspectorate_mentions(text)] == _mentions_in_every_window(text)


def test_a_keyword_goes_on_in_every_name_that_holds_it() -> None:
    # the windows skipped hold no name only if every name goes on past the keyword so
    for word, goes_on in meta.KEYWORD_GOES_ON.items():
        for names in meta.INSPECTORATES.values():
            for m in regex.finditer(word, names, regex.IGNORECASE):
                rest = names[m.start() :].lower()
                assert rest.startswith((f"{word}ate", f"{word}\\s+of")), names
        assert goes_on.match(f"{word} of") and not goes_on.match(f"{word} said")


def test_inspectorate_windows_on_fixtures() -> None:
    _check_all(check_inspectorate_windows)


@settings(settings.get_profile("scans"))
@given(text=domain_text())
def test_inspectorate_windows_on_generated_text(text: str) -> None:
    check_inspectorate_windows(text)


@settings(settings.get_profile("scans"))
@given(
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=12),
    start=st.integers(0, 50),
    length=st.integers(0, 10),
)
def test_spans_meets_is_any_overlap(spans: list[tuple[int, int]], start: int, length: int) -> None:
    spans = [(a, a + n) for a, n in spans]
    end = start + length
    assert Spans(spans).meets(start, end) == any(a < end and start < b for a, b in spans)


def test_end_anchored_patterns_end_at_the_text_end() -> None:
    # search_end is right only for patterns whose every match ends at "$"
    for pattern in END_ANCHORED:
        assert pattern.flags & regex.REVERSE, pattern.pattern
        assert regex.sub(r"\s+|#[^\n]*", "", pattern.pattern).endswith("$"), pattern.pattern
