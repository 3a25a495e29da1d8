"""Scores: "2 points out of 27", "17/27", "scored just three", "three and five points
respectively out of a possible 27", each given to the unit it is stated for."""

from __future__ import annotations

import bisect

import regex

from inspection_extract._vocab import parse_number
from inspection_extract.extract._refs import (
    PROBATION_UNITS,
    Candidate,
    Ref,
    coordinated_run,
    unit_keys,
)
from inspection_extract.record import Score, Span

# Scores: "2 points out of 27", "score of 17/27", "(score 1/27)", "10 of the 27 available
# points", "zero out of a total of 36 points", "a total of 12 points, out of a possible 27".
_NUM = (
    r"(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|[a-z]+teen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?)"
)

_SCORE_RE = regex.compile(
    rf"""
      \b(?P<pts>{_NUM})
      (?:
          \s*/\s*(?P<of1>\d{{2}})\b                                   # 17/27
        | (?P<points3>\s+points?)\s+on\s+an?\s+(?P<of3>\d{{2}})-point\s+scale\b  # "17 points on a 36-point scale"
        | (?P<points>\s+(?:inspection\s+)?points?)?(?:\s+in\s+total)?,?\s+   # "8 points in total, out of"
          (?:\(\s*(?=out\b))?                           # "3 points (out of a maximum of 27)"
          (?:out\s+)?(?:of\s+|from\s+)?                       # "34 points from a maximum of 36"
          (?:a\s+(?:possible(?:\s+of)?|maximum(?:\s+of)?|total\s+of)\s+|the\s+)?
          (?P<of2>\d{{2}})\b(?!\s*(?:cases|per|%|years|staff))
          (?P<points2>\s+(?:available\s+|inspection\s+)?points)?
      )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "North and North East Lincolnshire PDU scored just three": the maximum is in a sentence before.
_SCORE_CUE = regex.compile(r"\b(?:[Ss]cor\w*|awarded|gave|given|giving|achiev\w*|total)\b[^.;]{0,40}$")

_SCORE_WORD = regex.compile(r"(?i)score")

# "Total score ......... 15/36": a score row of a table with dot leaders.
_SCORE_LEADER = regex.compile(r"(?i)score[ ]*\.{3,}[ ]*$")

# The maximum of a score: exactly two digits after a space or a slash ("out of 27", "17/27").
_SCORE_MAXIMUM = regex.compile(r"[\s/]\d\d\b")

# What a maximum in `_SCORE_RE` stands right after: the score ("17/27", "2 27"), "points",
# "in total", a comma, "out", "of", "from", "a possible", "a maximum", "the". A two-digit
# number after anything else ("On 12 March") cannot end a score: its sentence is not searched.
_SCORE_LEAD = regex.compile(
    rf"(?:\b{_NUM}|\b(?:points?|total|out|of|from|possible|maximum|the)|,)[\s/]*$",
    regex.IGNORECASE | regex.REVERSE,  # anchored at the end: see _ratings._CUE_BEFORE
)

# The maximum for several units at once: "scoring three and five points respectively out of
# a possible 27"; "Tynebridge scored 10 points and Wearmouth 4, each out of a possible 27".
_OUT_OF = r"(?:out\s+of|from)\s+(?:a\s+(?:possible(?:\s+of)?|maximum(?:\s+of)?|total\s+of)\s+|the\s+)?(?P<of>\d\d)\b"

_RESPECTIVE_SCORES = regex.compile(
    rf"\b(?P<a>{_NUM})(?:\s+points?)?\s+and\s+(?P<b>{_NUM})(?:\s+points?)?,?\s+respectively,?\s+{_OUT_OF}",
    regex.IGNORECASE,
)

_EACH_OUT_OF = regex.compile(rf",?\s+each\s+{_OUT_OF}", regex.IGNORECASE)

_POINTS_AFTER_NAME = regex.compile(rf"\s+(?:scored\s+)?(?P<pts>{_NUM})(?:\s+points?)?\b", regex.IGNORECASE)

_BARE_SCORE_RE = regex.compile(
    rf"\bscored\s+(?:just\s+|only\s+)?(?P<pts>{_NUM})\b(?!\s*(?:points?\s+)?(?:out|of|/))"
)


def give_scores(
    text: str,
    sentences: list[Span],
    refs: list[Ref],
    cands: dict[str, Candidate],
    main_key: str | None,
    always: frozenset[str],
) -> None:
    """Give each unit the first score stated for it."""
    last_out_of: int | None = None
    # Every score names its maximum in two digits ("out of 27", "/36"): only the sentences
    # that hold such a number are searched for one (most hold only dates, or no number);
    # a bare score needs "scored". Only those sentences are visited, in order.
    pairs = _score_maxima(text)
    starts = [s for s, _ in sentences]
    ref_starts = [r.start for r in refs]  # (refs are sorted by start)
    wanted: set[int] = set()
    for q in pairs:
        k = bisect.bisect_right(starts, q) - 1
        if k >= 0 and q < sentences[k][1]:
            wanted.add(k)
    i = text.find("scored")
    while i >= 0:
        # the sentences that hold the whole word's letters (`str.find` within the sentence)
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i + 6 <= sentences[k][1]:
            wanted.add(k)
        i = text.find("scored", i + 1)
    for sent in (sentences[k] for k in sorted(wanted)):
        s0, s1 = sent
        i = bisect.bisect_left(pairs, s0)
        while i < len(pairs) and pairs[i] < s1 and not _score_lead(text, s0, pairs[i]):
            i += 1
        has_pair = i < len(pairs) and pairs[i] < s1
        if has_pair and ("respectively" in text[s0:s1] or "each" in text[s0:s1]):
            in_sentence = refs[bisect.bisect_left(ref_starts, s0) : bisect.bisect_left(ref_starts, s1)]
            _shared_scores(text, sent, in_sentence, cands)
        for m in _SCORE_RE.finditer(text, s0, s1) if has_pair else ():
            has_points = bool(m.group("points") or m.group("points2") or m.group("points3"))
            cue = _SCORE_CUE.search(text, max(s0, m.start() - 60), m.start())
            near_score = m.group("of1") and (
                _SCORE_WORD.search(text, max(s0, m.start() - 20), m.start())
                # the line, not the sentence: a dot leader ends a "sentence" before the score
                or _SCORE_LEADER.search(text, max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200), m.start())
            )
            if not (cue or has_points or near_score):
                continue
            pts = parse_number(m.group("pts"))
            out_of = int(m.group("of1") or m.group("of2") or m.group("of3"))
            if not isinstance(pts, int) or pts > out_of:
                continue
            last_out_of = out_of
            _give_score(text, sent, m.start("pts"), Score(pts, out_of), refs, ref_starts, cands, main_key, always)
        if text.find("scored", s0, s1) < 0:
            continue
        for m in _BARE_SCORE_RE.finditer(text, s0, s1):
            pts = parse_number(m.group("pts"))
            if last_out_of and isinstance(pts, int) and pts <= last_out_of:
                if _EACH_BEFORE.search(text, max(s0, m.start() - 12), m.start()):
                    # "Both Lambeth PDU and Ealing PDU each scored just three points"
                    lo, hi = bisect.bisect_left(ref_starts, s0), bisect.bisect_left(ref_starts, m.start())
                    run = coordinated_run(text, [r for r in refs[lo:hi] if r.key and not r.anaphor])
                    for r in run:
                        if r.key in cands and cands[r.key].score is None:
                            cands[r.key].score = Score(pts, last_out_of)
                    if run:
                        continue
                _give_score(text, sent, m.start(), Score(pts, last_out_of), refs, ref_starts, cands, main_key, always)

_EACH_BEFORE = regex.compile(r"\b(?:each|both)[ ]$", regex.IGNORECASE)

# Two digits that begin a run of digits and end it (not the "20" of "2024"): a maximum
# stands after a space or a slash, never after a digit, and no ASCII digit follows it.
_TWO_DIGITS = regex.compile(r"(?<!\d)\d\d(?![0-9])")


def _score_maxima(text: str) -> list[int]:
    """The offsets of the numbers that may be a score's maximum: every ``_SCORE_MAXIMUM``
    match (and perhaps a few more, such as the "20" of " 2024"). A scan for two digits is
    cheaper than one for the pattern; each hit is then checked by hand."""
    out: list[int] = []
    for m in _TWO_DIGITS.finditer(text):
        p = m.start()
        if p and (text[p - 1] == "/" or text[p - 1].isspace()):
            out.append(p)
    return out


def _score_lead(text: str, s0: int, q: int) -> bool:
    """``_SCORE_LEAD.search(text, s0, q)``, searched only from the start of the word before
    the spaces and slashes before ``q`` (a search back over the whole sentence is slow)."""
    k = q
    while k > s0 and (text[k - 1].isspace() or text[k - 1] == "/"):
        k -= 1
    while k > s0 and (text[k - 1].isalnum() or text[k - 1] in "-,_"):
        k -= 1
    # "17 points on a 36-point scale": the maximum is a compound before "point".
    return _SCORE_LEAD.search(text, k, q) is not None or text.startswith("-point", q + 2)


def _shared_scores(text: str, sent: Span, refs: list[Ref], cands: dict[str, Candidate]) -> None:
    """Scores that share one maximum: "three and five points respectively out of 27" (the
    units the sentence's subject names, in order), "A scored 10 points and B 4, each out of
    a possible 27" (the number after each name). ``refs`` are those that start in the
    sentence."""
    s0, s1 = sent
    in_sentence = [r for r in refs if r.key and not r.possessive]
    m = _RESPECTIVE_SCORES.search(text, s0, s1)
    if m:
        before = [r for r in in_sentence if r.end <= m.start()]
        keys = unit_keys(before[-1:]) if before and before[-1].group else None
        if keys is None:
            run = coordinated_run(text, before)
            keys = unit_keys(run) if run else None
        if keys and len(keys) == 2:
            out_of = int(m.group("of"))
            for k, raw in zip(keys, (m.group("a"), m.group("b")), strict=True):
                pts = parse_number(raw)
                if isinstance(pts, int) and pts <= out_of and cands[k].score is None:
                    cands[k].score = Score(pts, out_of)
        return
    each = _EACH_OUT_OF.search(text, s0, s1)
    if each:
        out_of = int(each.group("of"))
        for r in in_sentence:
            if r.end >= each.start() or r.group or r.anaphor:
                continue
            n = _POINTS_AFTER_NAME.match(text, r.end, each.start())
            pts = parse_number(n.group("pts")) if n else None
            if r.key and isinstance(pts, int) and pts <= out_of and cands[r.key].score is None:
                cands[r.key].score = Score(pts, out_of)


def _give_score(
    text: str,
    sent: Span,
    at: int,
    score: Score,
    refs: list[Ref],
    ref_starts: list[int],
    cands: dict[str, Candidate],
    main_key: str | None,
    always: frozenset[str],
) -> None:
    hi = bisect.bisect_left(ref_starts, at)
    lo = bisect.bisect_left(ref_starts, sent[0], 0, hi)
    before = [r for r in refs[lo:hi] if r.key and not r.possessive]
    # "Fernmoor PDU, which sits within the North West region, achieved 3 points": the
    # inspected unit, not a body named in a clause about it.
    units_before = [r for r in before if r.key in cands and cands[r.key].type in PROBATION_UNITS]
    if units_before:
        before = units_before
    if not before:
        # none in the sentence: the inspected unit named last before it
        last = next(
            (r for r in reversed(refs[:hi]) if r.key and r.anaphor is None and cands[r.key].type in always), None
        )
        before = [last] if last else []
    run = coordinated_run(text, before) if len(before) >= 2 else []
    if run and run[-1] is before[-1] and not _DIGIT.search(text, run[-1].end, at):
        # "Two of the services – West Kent and Essex North – scored just one point out of a
        # possible 27": the score of each
        for r in run:
            if r.key in cands and cands[r.key].score is None:
                cands[r.key].score = score
        return
    k = before[-1].key if before else main_key
    if k and k in cands and cands[k].score is None:
        cands[k].score = score


_DIGIT = regex.compile(r"\d")
