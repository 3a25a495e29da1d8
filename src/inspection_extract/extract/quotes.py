"""Quotations with their speaker and role.

Three steps, each a plain function:

1. `_candidates` pairs quote marks paragraph by paragraph. A quote left open at the end
   of a paragraph and re-opened at the start of the next is one quote over several
   paragraphs (news and press-release style); a quote closed at the end of its paragraph
   is finished, so a following paragraph that opens with a mark is a new quote (the seed
   press release). ``<blockquote>`` paragraphs are quotations with or without marks.
2. `_is_speech` keeps speech and drops quoted fragments: scare quotes (“serious
   concerns”), ratings (‘Inadequate’) and titles are lower case, have no closing
   punctuation of their own, or are not introduced by a speech verb or colon.
3. `_lead_in`, `_after` and the paragraph readers find who spoke from the words around
   the quote (before it, interrupting it as in "The report, she added, “shows ...”", after
   it, a dash line below it, the paragraph before it, a bracketed description after it),
   and `quotes` resolves pronouns, surnames and "the chief inspector" / "the inspector" to
   the person named earlier with that role.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from inspection_extract._document import Document
from inspection_extract._spans import Spans, overlaps
from inspection_extract._vocab import RATING_RE, find_all
from inspection_extract.extract._speakers import (
    HONORIFICS,
    NOT_NAME_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    VERB_PATTERN,
    Ref,
    parse_subject,
)
from inspection_extract.record import Quote, Span

# A double quote mark; straight marks are told apart by what surrounds them.
_MARK = regex.compile(r"[“”\"]")
_MARKS = ("“", "”", '"')  # the same marks, for ``str.find``
# Characters after which a straight mark opens a quote.
_OPENS_AFTER = set(" \t\n([{—–-/:")
# The end of a sentence inside a paragraph, optionally after a closing mark.
_SENTENCE_END = regex.compile(r"[.!?][”\"’']?(?=\s|$)")
# Punctuation that ends spoken words inside the marks: a sentence, or a clause handed to an
# attribution ("..., ” said Mr Russell").
_SPEECH_END = set(".!?,;:…—–-")
_DASHES = "—–-"

# "X said:" / "Mr Russell added " / "X said, adding:" / "X put it more politely than I would:"
_LEAD_VERB = regex.compile(
    rf"""^(?P<subj>.*?\S)\s+                 # who speaks
        (?P<verb>{VERB_PATTERN})\b           # the speech verb
        (?P<rest>[^“”"]*)$                   # "", ":", ",", or words ending in ":"
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
)
# "Chief Inspector of Probation Dame Glenys Stacey:" (no verb)
_LEAD_COLON = regex.compile(r"^(?P<subj>[^:“”\"]+):$")
# "According to Justin Russell, “...”" before, or "..., ” according to Mr Russell." after
_ACCORDING = regex.compile(r"^according\s+to\s+(?P<subj>[^“”\"]+?)[,:]?$", regex.IGNORECASE)
# After the quote, inverted: ", said Justin Russell, Chief Inspector of Probation."
_AFTER_INVERTED = regex.compile(
    rf"^(?P<verb>{VERB_PATTERN})\s+(?P<subj>.+)$", regex.IGNORECASE | regex.DOTALL
)
# After the quote: ", Mr Russell said." / ", he added." / ", Chief Inspector ... said, adding:"
_AFTER_SUBJECT_FIRST = regex.compile(
    rf"^(?P<subj>[^“”\"]+?)\s+(?P<verb>{VERB_PATTERN})\b(?P<rest>.*)$", regex.IGNORECASE | regex.DOTALL
)
# Reports: a bracketed description of the speaker after the quote, "(Probation officer)".
_BRACKETED = regex.compile(r"\s*\((?P<desc>[^\W\d][^()\d\n]{1,60})\)")
# A following paragraph that names the speaker of an unattributed block quote:
# "That was the response of Cllr Owen Trask, ..."
_FOLLOWING = regex.compile(
    r"""(?:That|This|Those|These)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\w+\s+)?
        (?:response|words|verdict|view|reaction|message|comment|statement|assessment)s?
        \s+(?:of|from)\s+(?P<subj>[^.]+)""",
    regex.VERBOSE,
)
# A dash credit under a block quote that names a document rather than a person:
# "— Kestrel Downs inspection report", "– Ofsted letter to the school".
_CREDIT_SOURCE = regex.compile(
    r"\b(?:report|review|letter|statement|survey|summary|findings|evaluation|briefing|bulletin)s?\b",
    regex.IGNORECASE,
)
_ANY_VERB = regex.compile(rf"\b{VERB_PATTERN}\b")  # mid-sentence verbs are lower case
# "According to Martin Jones, HM Chief Inspector of Probation, the difference ..." outside
# quotes: who is credited, up to the end of the clause.
_ACCORDING_MENTION = regex.compile(r"[Aa]ccording\s+to\s+(?P<subj>[^.;:“”\"\n]{3,200})")
# An undashed credit line under a set-apart quote (reports): at most this many words, not
# ending like a sentence or a lead-in, with no colon or digit (headings: "Standard 1.3: Staff").
_CREDIT_WORDS = 8
_CREDIT_NOT_END = set(".:;!?,”\"")
_CREDIT_NOT = regex.compile(r"[:\d“”\"]")


def _verb_keys(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """Plain-text prefixes that every speech verb starts with, one per group of verbs sharing
    their first three letters ("add" for added/adds/adding): fewer substring sweeps."""
    groups: dict[str, list[str]] = {}
    for verb in verbs:
        word = verb.split()[0]
        groups.setdefault(word[:3], []).append(word)
    return tuple(os.path.commonprefix(words) for words in groups.values())


# Prefixes of the speech verbs, for a quick substring test before the verb pattern runs.
_VERB_KEYS = _verb_keys(SPEECH_VERBS)
# Words of a role that do not tell one role from another ("HM Chief Inspector" is "the
# Chief Inspector").
_WORD = regex.compile(r"[\p{L}]+(?:['’]s)?")
_ROLE_FILLER = frozenset("the a an of hm his her majesty majesty's majesty’s our".split())
# An unattributed quote inherits the last speaker mentioned at most this many paragraphs back.
_INHERIT_PARAGRAPHS = 3
_NON_SPACE = regex.compile(r"\S")


@dataclass
class _Candidate:
    """Quoted words: one piece per paragraph (or re-opened line), marks excluded."""

    pieces: list[Span]
    open_at: int  # offset of the opening mark (or of the first word of an unmarked block)
    close_at: int | None  # offset of the closing mark, None when unclosed or unmarked
    block: bool
    final: str = ""  # the last character inside the marks ("," hands over to an attribution)
    joined: int = 0  # pieces that continue a sentence on the same line, not a new paragraph

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class _Speaker:
    name: str
    span: Span
    role: str | None
    at: int  # where it was mentioned (for recency)
    #: a mention by title and one name, to resolve against the speakers known where it stands
    pending: Ref | None = None


def _is_open(text: str, pos: int) -> bool | None:
    """True for an opening mark, False for a closing one, None when it cannot be told."""
    ch = text[pos]
    if ch == "“":
        return True
    if ch == "”":
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before in _OPENS_AFTER and not after.isspace():
        return True
    if not before.isspace():
        return False
    return None


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _in_blocks(doc: Document, para: Span) -> bool:
    return any(b[0] <= para[0] < b[1] or para[0] <= b[0] < para[1] for b in doc.quote_blocks)


def _mark_positions(text: str) -> list[int]:
    """The offsets of the double quote marks (``_MARK``) in ``text``, in order."""
    found: list[int] = []
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _candidates(doc: Document) -> list[_Candidate]:
    """Every stretch of quoted words, in order (see the module docstring for the rules)."""
    text = doc.text
    out: list[_Candidate] = []
    cur: _Candidate | None = None
    piece_start = 0
    last_unmarked_para = -2
    # The marks of the whole text, found once (a few ``str.find`` sweeps), then dealt out
    # to the paragraphs: most paragraphs hold none and need no work.
    every_mark = _mark_positions(text)
    mi = 0
    for pi, (ps, pe) in enumerate(doc.paragraphs):
        block = bool(doc.quote_blocks) and _in_blocks(doc, (ps, pe))
        while mi < len(every_mark) and every_mark[mi] < ps:
            mi += 1
        mj = mi
        while mj < len(every_mark) and every_mark[mj] < pe:
            mj += 1
        if mj == mi and cur is None and not block:
            continue  # no mark, no quote going on, no block: nothing to read
        marks = [(pos, opening) for pos in every_mark[mi:mj] if (opening := _is_open(text, pos)) is not None]
        mi = mj
        if block and cur is None and not (marks and marks[0][1] and text[ps:marks[0][0]].strip() == ""):
            # An unmarked <blockquote> paragraph: the whole paragraph is quoted, and
            # consecutive ones are one quote (HTML press releases).
            span = _strip(text, ps, pe)
            if span is None:
                continue
            if last_unmarked_para == pi - 1 and out and out[-1].block and out[-1].close_at is None:
                out[-1].pieces.append(span)
            else:
                out.append(_Candidate([span], span[0], None, True))
            last_unmarked_para = pi
            continue
        for pos, opening in marks:
            if opening:
                if cur is None:
                    cur = _Candidate([], pos, None, block)
                    piece_start = pos + 1
                elif pos == ps or text[pos - 1] == "\n":
                    # Re-opened at the start of a paragraph or line: the same quote goes on.
                    piece = _strip(text, piece_start, pos)
                    if piece:
                        cur.pieces.append(piece)
                    piece_start = pos + 1
                    cur.block = cur.block or block
            elif cur is not None:
                piece = _strip(text, piece_start, pos)
                if piece:
                    cur.pieces.append(piece)
                if cur.pieces:
                    cur.close_at = pos
                    out.append(cur)
                cur = None
        if cur is not None:
            piece = _strip(text, piece_start, pe)
            if piece:
                cur.pieces.append(piece)
                piece_start = pe
            nxt = doc.paragraphs[pi + 1] if pi + 1 < len(doc.paragraphs) else None
            reopened = nxt is not None and text[nxt[0]] in "“\"" and _is_open(text, nxt[0])
            if not reopened:
                if cur.pieces:
                    out.append(cur)
                cur = None
    for cand in out:
        last = cand.final = text[cand.end - 1]
        if last in ",;" and cand.end - 1 > cand.pieces[-1][0]:
            # the comma hands over to the attribution; it is not part of the words
            cand.pieces[-1] = (cand.pieces[-1][0], cand.end - 1)
    return out


# Speech in single marks, the house style of many British papers: "Rob Allman, manager,
# said: ‘We are delighted ...’". A single mark is also an apostrophe and the mark of a
# rating (‘outstanding’), so it opens speech only after a colon or a speech verb, and
# closes it only after the speech's own punctuation.
_SINGLE_OPEN = regex.compile(rf"(?:\b{VERB_PATTERN}\b,?|:)[ \t]*‘(?=\S)", regex.IGNORECASE)
_SINGLE_CLOSE = regex.compile(r"(?<=[.!?,…”])’(?=\s|$|[)\]])")
# The last words of the speech verbs: a mark after any other word opens no speech.
_VERB_LAST_WORDS = frozenset(v.split()[-1] for v in SPEECH_VERBS)


def _single_quoted(doc: Document) -> list[_Candidate]:
    """Speech in single marks (see ``_SINGLE_OPEN``), over paragraphs re-opened with ‘."""
    text = doc.text
    if "‘" not in text:
        return []
    out: list[_Candidate] = []
    starts = doc._paragraph_starts
    i = text.find("‘")
    while i >= 0:
        before = text[max(0, i - 24) : i].rstrip(" \t,")
        last = before[before.rfind(" ") + 1 :].lower()
        # (the pattern is tried only after a colon or a speech verb's last word)
        lead = (
            _SINGLE_OPEN.search(text, max(0, i - 60), i + 2)
            if before.endswith(":") or last in _VERB_LAST_WORDS
            else None
        )
        if lead is None or lead.end() != i + 1:
            i = text.find("‘", i + 1)
            continue
        pi = max(0, bisect.bisect_right(starts, i) - 1)
        cand = _Candidate([], i, None, False)
        start = i + 1
        while True:
            pe = doc.paragraphs[pi][1]
            close = _SINGLE_CLOSE.search(text, start, pe)
            piece = _strip(text, start, close.start() if close else pe)
            if piece:
                cand.pieces.append(piece)
            if close:
                cand.close_at = close.start()
                break
            nxt = doc.paragraphs[pi + 1] if pi + 1 < len(doc.paragraphs) else None
            if nxt is None or text[nxt[0]] != "‘":
                break
            pi, start = pi + 1, nxt[0] + 1
        # Never closed: marks of ratings or titles after a colon ("a four-point scale:
        # ‘Outstanding’, ‘Good’, ..."), not speech.
        if cand.pieces and cand.close_at is not None:
            out.append(cand)
        i = text.find("‘", cand.end if cand.pieces else i + 1)
    return out


def _merge_single(double: list[_Candidate], single: list[_Candidate]) -> list[_Candidate]:
    """Both kinds in order; words in double marks inside single-quoted speech are part of
    it ("They say they are “amazed”"), not a quote of their own."""
    if not single:
        return double
    spans = [(c.open_at, c.close_at + 1 if c.close_at is not None else c.end) for c in single]
    kept = [c for c in double if not any(a <= c.open_at < b for a, b in spans)]
    taken = [(c.open_at, c.close_at + 1 if c.close_at is not None else c.end) for c in kept]
    kept += [c for c, span in zip(single, spans, strict=True) if not any(overlaps(span, t) for t in taken)]
    return sorted(kept, key=lambda c: c.open_at)


def _quote_text(text: str, cand: _Candidate) -> str:
    """The words of the quote: the text of its span without the re-opening marks."""
    parts = [text[cand.pieces[0][0] : cand.pieces[0][1]]]
    for (_, prev_end), (start, end) in zip(cand.pieces, cand.pieces[1:], strict=False):
        gap = text[prev_end:start]
        parts.append(_MARK.sub("", gap).replace("‘", "").replace("’", ""))
        parts.append(text[start:end])
    return "".join(parts)


@dataclass(frozen=True)
class _View:
    """The document with its paragraph starts listed once, for offset -> paragraph lookups."""

    doc: Document
    starts: list[int]

    def index(self, offset: int) -> int:
        """The index of the paragraph holding (or last starting before) ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def _lead_in(view: _View, cand: _Candidate, floor: int) -> tuple[Ref | None, bool, bool]:
    """The speaker named before the quote in its own sentence ("X said:"); whether the
    words before it introduce speech at all (a speech verb or a colon); and whether the
    quote may start in lower case: it resumes a sentence interrupted by its attribution
    (“We found cases,” he said, “where ...”), or a speech verb hands straight over to it
    ("The inspectorate, she added, “found ...”"), unlike a fragment quoted inside reported
    speech ("She said the findings were “deeply concerning”")."""
    doc = view.doc
    text = doc.text
    para = doc.paragraphs[view.index(cand.open_at)]
    start = max(para[0], floor)
    for m in _SENTENCE_END.finditer(text, start, cand.open_at):
        start = m.end()
    lead = text[start : cand.open_at]
    offset = start + len(lead) - len(lead.lstrip(" ,;.”\"\n"))
    lead = lead.lstrip(" ,;.”\"\n").rstrip()
    if not lead:
        return None, False, False
    resumed = start == floor and floor > para[0] and lead.endswith(",")
    m = _LEAD_VERB.match(lead)
    if m:
        rest = m.group("rest").strip()
        if rest in ("", ":", ",", ";") or rest.endswith(":"):  # (";" a slip for ":")
            handed_over = rest != ""
            return parse_subject(m.group("subj"), offset), True, resumed or handed_over
    m = _ACCORDING.match(lead)
    if m:
        # "According to Mr Reyes, “the service has ...”" hands over like "he said,"; in
        # "According to X, the partnership has “turned a corner”" reported speech comes
        # between, and a lower-case fragment quoted in it is not speech.
        handed_over = lead.endswith((",", ":"))
        subj = m.group("subj")
        if not handed_over and "," in subj:
            subj = subj[: subj.rfind(",")]  # who, without the reported clause after them
        return parse_subject(subj, offset + m.start("subj")), True, handed_over
    m = _LEAD_COLON.match(lead)
    if m:
        ref = parse_subject(m.group("subj"), offset)
        if ref is not None and ref.kind != "pronoun":
            return ref, True, False
    return None, False, False


def _after(view: _View, cand: _Candidate, next_open: int) -> Ref | None:
    """The speaker named after the quote: ", said Justin Russell, Chief Inspector of
    Probation." / ", Mr Russell said." / ", he added."; or "(Probation officer)" in reports."""
    doc = view.doc
    # An unmarked <blockquote> ends with its paragraph: only a dash credit below can follow.
    close = cand.close_at if cand.close_at is not None else cand.end - 1 if cand.block else None
    if close is None:
        return None
    text = doc.text
    start = close + 1
    # (bounded: the engine would look for the required "(" to the end of the text first)
    m = _BRACKETED.match(text, start, start + 80) if cand.close_at is not None else None
    if m:
        return parse_subject(m.group("desc"), m.start("desc")) or Ref(
            "description", m.group("desc"), m.span("desc")
        )
    pi = view.index(close)
    para = doc.paragraphs[pi]
    if not text[start : para[1]].strip() and pi + 1 < len(doc.paragraphs):
        # The quote ends its paragraph: a next paragraph that opens with a dash names who
        # spoke ("“...”\n\n– Martin Jones, HM Chief Inspector of Probation").
        nxt = doc.paragraphs[pi + 1]
        if text[nxt[0]] in _DASHES:
            start, para = nxt[0], nxt
        elif text[para[0] : cand.open_at].strip() == "":
            credit = _credit_line(text, nxt)
            if credit is not None:
                return credit
    end = min(next_open, para[1])
    after = text[start:end]
    # The dash may also open the next line of the same paragraph (press-release layout).
    lead = len(after) - len(after.lstrip(" \n,.;—–-"))
    dashed = any(ch in _DASHES for ch in after[:lead])
    after = after[lead:]
    offset = start + lead
    stop = _SENTENCE_END.search(after)
    clause = after[: stop.start()] if stop else after
    if not clause.strip():
        return None
    m = _AFTER_INVERTED.match(clause) or _ACCORDING.match(clause)
    if m:
        return parse_subject(m.group("subj"), offset + m.start("subj"))
    m = _AFTER_SUBJECT_FIRST.match(clause)
    if m and len(m.group("subj").split()) <= 12:
        rest = m.group("rest").strip()
        # "..., he said." or "..., X said, adding:"; a new sentence of reported speech
        # ("He said the board ...") after a quote that ended with a full stop is not.
        if cand.final in ",?!—–-" or not rest or rest.startswith(","):
            return parse_subject(m.group("subj"), offset)
    if dashed and not _ANY_VERB.search(clause) and ":" not in clause:
        # "” – Jane Smith, director of children's services" (a dash, then who spoke); a
        # dashed list item ("– Leadership: Good") is not a speaker. A role on the line
        # below the name is read like one after a comma (same length: offsets hold).
        ref = parse_subject(clause.replace("\n", ","), offset)
        if ref is None and cand.block and _CREDIT_SOURCE.search(clause):
            # "— Kestrel Downs inspection report" under a <blockquote> (news sites): the
            # credit names a document or body, which is the speaker's description.
            span = _strip(text, offset, offset + len(clause.rstrip(" .")))
            if span is not None:
                return Ref("description", text[span[0] : span[1]], span)
        return ref
    return None


def _interrupted(view: _View, first: _Candidate, second: _Candidate) -> bool:
    """Whether ``second`` resumes the sentence of ``first`` after an attribution set in
    its middle: “The PDU,” said X, “has good leaders”: the first half hands over with a
    comma, the attribution ends with a comma, and the second half starts in lower case
    in the same paragraph."""
    if first.final != "," or first.close_at is None:
        return False
    text = view.doc.text
    between = text[first.close_at + 1 : second.open_at]
    words = next((ch for ch in text[second.start : second.end] if ch.isalpha()), "")
    return (
        "\n" not in between
        and between.rstrip().endswith(",")
        and words.islower()
        and _ANY_VERB.search(between) is not None
    )


def _credit_line(text: str, para: Span) -> Ref | None:
    """The speaker named by a short undashed line set under a quote that fills its own
    paragraph: reports credit a quote "Probation officer, Wrexley office" or "Senior
    probation officer" on the line below. Only a description with a role noun counts, on
    one line with no sentence end, colon, digit or speech verb (not a heading or prose)."""
    line = text[para[0] : para[1]]
    if (
        "\n" in line
        or len(line.split()) > _CREDIT_WORDS
        or not line[:1].isupper()
        or line.rstrip()[-1:] in _CREDIT_NOT_END
        or _CREDIT_NOT.search(line)
        or _ANY_VERB.search(line)
        or not ROLE_NOUNS.search(line)
    ):
        return None
    ref = parse_subject(line, para[0])
    return ref if ref is not None and ref.kind in ("name", "description") else None


def _previous_paragraph(view: _View, cand: _Candidate) -> Ref | None:
    """The speaker of a quote whose paragraph follows one ending "said:" ("He continued:")."""
    doc = view.doc
    pi = view.index(cand.open_at)
    para = doc.paragraphs[pi]
    if pi == 0 or doc.text[para[0] : cand.open_at].strip():
        return None
    ps, pe = doc.paragraphs[pi - 1]
    prev = doc.text[ps:pe].rstrip()
    if not prev.endswith(":"):
        return None
    start = ps
    for m in _SENTENCE_END.finditer(doc.text, ps, ps + len(prev) - 1):
        start = m.end()
    lead = doc.text[start : ps + len(prev)]
    offset = start + len(lead) - len(lead.lstrip())
    lead = lead.strip()
    m = _LEAD_VERB.match(lead)
    if m:
        return parse_subject(m.group("subj"), offset)
    m = _LEAD_COLON.match(lead)
    ref = parse_subject(m.group("subj"), offset) if m else None
    # A paragraph ending in a colon without a speech verb introduces a quote only when it
    # names someone ("Chief Inspector of Probation Dame Glenys Stacey:"), not when it is a
    # heading or a phrase ("Inspectors' main findings:").
    return ref if ref is not None and ref.kind in ("name", "surname") else None


def _following_paragraph(view: _View, cand: _Candidate) -> Ref | None:
    """The speaker of a block quote named after it: "That was the response of X"."""
    doc = view.doc
    pi = view.index(cand.end - 1)
    if pi + 1 >= len(doc.paragraphs):
        return None
    ps, pe = doc.paragraphs[pi + 1]
    m = _FOLLOWING.match(doc.text, ps, pe)
    return parse_subject(m.group("subj"), m.start("subj")) if m else None


# A description of one person by their post, a few words long ("the probation service
# spokesperson", "a council director"): not a document, a group or a clause.
_ONE_PERSON = regex.compile(
    r"^(?:\S+[ ]){0,4}(?:spokes(?:person|man|woman)|representative|director|manager|leader|chair(?:man|woman|person)?"
    r"|chief[ ]executive|head|commissioner|councillor|officer|governor|inspector)$",
    regex.IGNORECASE,
)


def _verb_positions(text: str) -> list[int]:
    """Offsets of the speech verbs in ``text``, in order. A plain substring sweep per verb
    finds the few candidates; the verb pattern confirms each (word boundaries)."""
    found: list[int] = []
    for key in _VERB_KEYS:  # no key is a prefix of another: each offset is found once
        at = text.find(key)
        while at >= 0:
            # A letter or digit before it is a word going on ("concerns", "footnote"):
            # the pattern's \b fails there, so it is not tried.
            prev = text[at - 1 : at]
            if not (prev.isalpha() or prev.isdecimal()) and _ANY_VERB.match(text, at):
                found.append(at)
            at = text.find(key, at + 1)
    found.sort()
    return found


def _mentions(view: _View, quoted: list[Span], people: _People) -> list[_Speaker]:
    """People named as the subject of a speech verb outside quotes, in reported speech too
    ("Cllr Rhian Pritchard, ..., said the council accepted"): a later "she said" means them."""
    doc = view.doc
    text = doc.text
    starts = [q[0] for q in quoted]
    verbs = _verb_positions(text)
    out: list[_Speaker] = []
    for vi, at in enumerate(verbs):
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and quoted[i][0] <= at < quoted[i][1]:
            continue
        para = doc.paragraphs[view.index(at)]
        start = max(para[0], quoted[i][1] + 1 if i >= 0 else 0)
        for s in _SENTENCE_END.finditer(text, start, at):
            start = s.end()
        # "said X, adding that ...": the subject of "adding" is not "said X"
        if vi > 0 and verbs[vi - 1] >= start:
            start = verbs[vi - 1] + len(text[verbs[vi - 1] : at].split(None, 1)[0])
        ref = parse_subject(text[start:at], start)
        if ref is not None and ref.kind == "name":
            out.append(_Speaker(ref.value, ref.span, ref.role, at))
        elif ref is not None and ref.kind == "bare" and (full := _full_name(ref, people, at)):
            out.append(_Speaker(full.name, full.span, full.role, at))  # "Williams said the ..."
        elif ref is not None and ref.kind == "surname":
            # "Dame Glenys said staff ...": resolved where it is met (`quotes`), against the
            # speakers of the quotes before it too
            out.append(_Speaker(ref.value, ref.span, None, at, pending=ref))
        elif (
            ref is not None
            and ref.kind in ("definite", "description")
            and _ONE_PERSON.search(ref.value)
            and (described := _resolve(ref, out, at)) is not None
        ):
            # "the probation service spokesperson said steps were being taken. They added:
            # ...": who a later pronoun means, unless "the chief inspector" is someone named
            # before with that role
            out.append(described)
    # "According to Martin Jones, HM Chief Inspector of Probation, the difference comes
    # down to staffing. “...,” he said.": the person credited is who "he" means.
    at = text.find("ccording to ")
    while at > 0:
        m = _ACCORDING_MENTION.match(text, at - 1)
        i = bisect.bisect_right(starts, at) - 1
        if m is not None and not (i >= 0 and quoted[i][0] <= at < quoted[i][1]):
            ref = parse_subject(m.group("subj"), m.start("subj"))
            if ref is not None and ref.kind == "name":
                out.append(_Speaker(ref.value, ref.span, ref.role, at))
        at = text.find("ccording to ", at + 1)
    out.sort(key=lambda k: k.at)
    return out


# A person named in full as the subject of a sentence or an apposition, outside quotes:
# "Lowell Williams is in the final days of ...". Read only to tell who a later bare surname
# ("Williams said") or, with no speaker named yet, a pronoun means.
_NAME_PART = r"\p{Lu}\p{Ll}+(?:[-’']?\p{Lu}\p{Ll}+)?"  # "Lowell", "MacNaughton", "O'Neill"
_PERSON_VERBS = ("is", "was", "has", "had", "will", "became", "joined", "who")
_PERSON = regex.compile(
    rf"(?<![\p{{L}}’'-])(?P<name>{_NAME_PART}(?:[ ]{_NAME_PART}){{1,3}})"
    rf"(?=[ ](?:{'|'.join(_PERSON_VERBS)})\b)"
)
# The same, read back from the verb after the name: the name ends right before " is"
# (no name word is lower case), so only the verbs' places need trying, one attempt each.
_PERSON_BEFORE = regex.compile(_PERSON.pattern, regex.REVERSE)


def _persons(text: str) -> Iterator[regex.Match[str]]:
    """``_PERSON.finditer(text)``, tried only before the verbs that may follow a name: each
    stretch between two of them is read once."""
    ends = sorted((i, len(verb)) for verb in _PERSON_VERBS for i in find_all(text, f" {verb}"))
    lo = 0
    for end, size in ends:
        # up to the character after the verb, where the lookahead's word boundary looks
        m = _PERSON_BEFORE.search(text, lo, end + size + 2)
        if m is not None and m.end() == end:
            yield m
        lo = end + 1  # a name holds no lower-case word: none runs over this verb


class _People:
    """Every person named in full outside quotes (see ``_PERSON``), in order: read on first
    use only, as most documents never need them."""

    def __init__(self, text: str, quoted: list[Span]) -> None:
        self.text, self.quoted = text, quoted

    @cached_property
    def _in_quote(self) -> Spans:
        return Spans(self.quoted)

    @cached_property
    def found(self) -> list[_Speaker]:
        text = self.text
        out: list[_Speaker] = []
        for m in _persons(text):
            # the name is the run of words after any role or title words ("Principal Ian
            # MacNaughton has ...", "Dame Glenys Stacey has ...")
            start = m.start("name")
            for w in regex.finditer(r"\S+", m.group("name")):
                if w.group() not in NOT_NAME_WORDS and w.group() not in HONORIFICS:
                    break
                start = m.start("name") + w.end() + 1
            words = text[start : m.end("name")].split()
            if len(words) < 2 or not _all_name_words(words) or self._in_quote.holds(m.start()):
                continue
            out.append(_Speaker(" ".join(words), (start, m.end("name")), None, m.start()))
        return out

    @cached_property
    def pairs(self) -> dict[str, tuple[list[int], list[_Speaker]]]:
        """Every two capitalised words outside quotes that may be a first name and a
        surname ("Glenys Stacey"), under each of the two words, in order, with their
        offsets (to bisect)."""
        out: dict[str, tuple[list[int], list[_Speaker]]] = {}
        for m in _TWO_NAMES.finditer(self.text, overlapped=True):
            words = m.group().split()
            if not _all_name_words(words) or self._in_quote.holds(m.start()):
                continue
            pair = _Speaker(m.group(), m.span(), None, m.start())
            for w in words:
                at, found = out.setdefault(w, ([], []))
                at.append(m.start())
                found.append(pair)
        return out

    def named_with(self, word: str, at: int) -> _Speaker | None:
        """The last two-word name before ``at`` that ``word`` begins or ends: "Dame Glenys
        Stacey, HM Chief Inspector" for a later "Dame Glenys said"."""
        offsets, found = self.pairs.get(word, ([], []))
        i = bisect.bisect_left(offsets, at)
        return found[i - 1] if i else None


def _all_name_words(words: list[str]) -> bool:
    """Whether no word is a title or a word that names no person ("Dame", "Inspector")."""
    return not any(w in NOT_NAME_WORDS or w in HONORIFICS for w in words)


_TWO_NAMES = regex.compile(rf"(?<![\p{{L}}’'-]){_NAME_PART}[ ]{_NAME_PART}(?![\p{{L}}’'-])")


def _full_name(ref: Ref, people: _People, at: int) -> _Speaker | None:
    """The person named in full before ``at`` that ``ref`` (a name alone) calls."""
    for k in reversed(people.found):
        if k.at < at and _called(k.name, ref.value):
            return k
    return None


def _called(name: str, word: str) -> bool:
    """Whether a person of that full name is called ``word`` alone: by the surname
    ("Williams said"), or by the first name, as local papers write ("says Helen")."""
    words = name.split()
    return word in (words[0], words[-1])


def _role_words(role: str) -> set[str]:
    """The content words of a role, lower case, without "HM" / "His Majesty's"."""
    return {w for w in _WORD.findall(role.lower()) if w not in _ROLE_FILLER}


# How many of the speakers mentioned last a name, a surname or a role is looked up among:
# a document names a few, and a text of thousands must not be read back in full each time.
_RECALL = 200


def _recent(known: list[_Speaker]) -> Iterator[_Speaker]:
    """The last `_RECALL` speakers mentioned, the latest first."""
    return reversed(known[-_RECALL:])


def _resolve(ref: Ref, known: list[_Speaker], at: int, people: _People | None = None) -> _Speaker | None:
    """The person ``ref`` means, given the speakers mentioned before ``at`` (and the people
    named in full before it, for a bare surname or a pronoun with no speaker before it)."""
    if ref.kind == "name":
        role = ref.role or next((k.role for k in _recent(known) if k.name == ref.value and k.role), None)
        return _Speaker(ref.value, ref.span, role, at)
    if ref.kind == "bare":
        for k in _recent(known):
            if _called(k.name, ref.value):
                return k
        return (_full_name(ref, people, at) or people.named_with(ref.value, at)) if people else None
    if ref.kind == "pronoun":
        if known:
            return known[-1]
        before = [k for k in people.found if k.at < at] if people else []
        return before[-1] if before else None
    if ref.kind == "surname":
        for k in _recent(known):
            if k.name.split()[-1] == ref.value:
                return k
        full = people.named_with(ref.value, at) if people else None
        return full or _Speaker(ref.value, ref.span, ref.role, at)
    if ref.kind == "definite":
        # "the Chief Inspector" / "the inspector" / "HM Chief Inspector": the last person
        # whose role has all of those words ("Justin Russell, Chief Inspector of Probation").
        wanted = _role_words(ref.value)
        for k in _recent(known):
            if k.role and wanted and wanted <= _role_words(k.role):
                return k
    return _Speaker(ref.value, ref.span, None, at)


def quotes(doc: Document) -> list[Quote]:
    """Every quotation of speech, in order; a quote re-opened over paragraphs is one quote.

    Each carries the speaker's name (or, unnamed, their description) and role as the
    document writes them, with "he said" / "Mr Russell" resolved to the name given earlier.
    """
    text = doc.text
    cands = _merge_single(_candidates(doc), _single_quoted(doc))
    if not cands:
        return []
    view = _View(doc, [p[0] for p in doc.paragraphs])
    spans = [(c.open_at, (c.close_at + 1) if c.close_at is not None else c.end) for c in cands]
    people = _People(text, spans)
    mentions = _mentions(view, spans, people)
    known: list[_Speaker] = []
    out: list[Quote] = []
    m_i = 0
    prev_end = 0
    skip = -1
    for ci, cand in enumerate(cands):
        if ci == skip:
            continue
        while m_i < len(mentions) and mentions[m_i].at < cand.open_at:
            mention = mentions[m_i]
            if mention.pending is not None and (called := _resolve(mention.pending, known, mention.at, people)):
                mention = _Speaker(called.name, called.span, called.role, mention.at)
            known.append(mention)
            m_i += 1
        next_open = cands[ci + 1].open_at if ci + 1 < len(cands) else len(text)
        words = _quote_text(text, cand)
        ref, introduced, resumed = _lead_in(view, cand, prev_end)
        prev_end = spans[ci][1]
        after = _after(view, cand, next_open)
        second = cands[ci + 1] if after is not None and ci + 1 < len(cands) else None
        if second is not None and _interrupted(view, cand, second):
            # “The PDU,” said X, “has good leaders ...”: one sentence, one quote, its
            # span running over the attribution like a quote over paragraphs.
            words = words + " " + _quote_text(text, second)
            cand = _Candidate(
                pieces=cand.pieces + second.pieces, open_at=cand.open_at, close_at=second.close_at,
                block=cand.block, final=second.final, joined=1,
            )
            prev_end = spans[ci + 1][1]
            skip = ci + 1
        # a quote cut off by the end of the text ("Mr Russell said: “Der"): speech, however short
        cut_off = cand.close_at is None and _NON_SPACE.search(text, cand.end) is None
        if not _is_speech(cand, words, introduced or after is not None, resumed, cut_off=cut_off):
            if ref is not None and ref.kind == "name":
                # "According to Martin Jones, the partnership has “turned a corner”. He
                # said: ...": the fragment is not speech, but its lead-in names who "he" is.
                known.append(_Speaker(ref.value, ref.span, ref.role, cand.end))
            continue
        ref = ref or after or _previous_paragraph(view, cand)
        if ref is None and cand.block:
            ref = _following_paragraph(view, cand)
        speaker: _Speaker | None
        if ref is not None:
            speaker = _resolve(ref, known, cand.end, people)
        else:
            # No attribution of its own: the words go on from the last person mentioned
            # ("The Chief Inspector's second paragraph is a separate quote").
            recent = known[-1] if known else None
            here = view.index(cand.open_at)
            if recent is not None and here - view.index(recent.at) <= _INHERIT_PARAGRAPHS:
                speaker = recent
            else:
                speaker = None
        if speaker is not None:
            known.append(_Speaker(speaker.name, speaker.span, speaker.role, cand.end))
        out.append(
            Quote(
                text=words,
                span=(cand.start, cand.end),
                speaker=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                paragraphs=len(cand.pieces) - cand.joined,
                speaker_span=speaker.span if speaker else None,
            )
        )
    return out


def _is_speech(
    cand: _Candidate, words: str, attributed: bool, resumed: bool = False, *, cut_off: bool = False
) -> bool:
    """Whether quoted words are speech rather than a quoted fragment.

    Block quotes and quotes over several paragraphs are speech. Otherwise the words must
    start like a sentence (capital letter or digit; or resume one after "he said,"), run
    to three words or more, not be a
    rating (‘Requires improvement’), and either end with punctuation of their own
    (“... strain,” / “... quickly.”) or be introduced by a speech verb or colon. Words
    introduced so and ``cut_off`` by the end of the text ("said: “The governme") are
    speech at any length.
    """
    if cand.block or len(cand.pieces) > 1:
        return True
    core = words.strip(" .,;:!?'‘’")
    if RATING_RE.fullmatch(core):
        return False
    first = next((ch for ch in words if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit() or resumed):
        return False
    if cut_off and attributed:
        return True
    if len(words.split()) < 3:
        return False
    return cand.final in _SPEECH_END or attributed
