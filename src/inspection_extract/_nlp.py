"""Sentence segmentation: one rule, and the spaCy pipeline that applies it.

`sentence_starts` is the rule. `Document.sentences` calls it directly; the spaCy
component ``inspection_sentences`` (in ``spacy.blank("en")``, from `get_nlp`) applies
the same rule to a spaCy ``Doc``, for token-level work and for users who bring the
library's segmentation into their own pipelines. The extractors do not build a spaCy
``Doc`` per document: tokenising a press release costs about 1.5 ms here, more than
half the time budget of a whole extraction, and importing spaCy about 1.2 s.
The pipeline is built once per process on first use; nothing is downloaded.

The ``inspection_sentences`` component sets sentence starts from the layout and the
punctuation of inspection documents, which spaCy's generic sentencizer gets wrong:
- a blank line (a paragraph break) always ends a sentence;
- a line break ends one unless the next line starts in lower case or the line before
  stops on a comma or a word no sentence ends with (a wrapped line, as in text taken from
  a PDF) — headlines and list items have no full stop;
- ``.``, ``!`` or ``?``, possibly followed by closing quote marks or a bracket, ends a
  sentence when the next word starts with a capital, a digit or an opening quote, and
  the word before is not a title or an initial ("Mr. Jones", "J. Russell").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where a new sentence starts: the offset of group "start". A match begins at a line break
# or at end punctuation; one pattern for each of those characters, led by it, lets the
# regex engine scan for that literal (an alternation led by lookbehinds is tried at every
# offset, several times slower).
_LINE_START = r"""
    \n(?:
      [^\S\n]*\n\s*(?P<start>\S)                      # a blank line
    # a new line not starting in lower case, unless the line before stops mid-sentence: on a
    # comma or a word that cannot end one ("moved from ‘poor’ to\n‘reasonably good’",
    # "Charlie Taylor,\nChief Inspector of Prisons, said:" in text wrapped at a fixed width)
    | (?<!(?:,|\b(?:the|a|an|to|of|in|on|at|by|for|from|with|and|or|that|which|its|their))[^\S\n]*\n)
      [^\S\n]*(?P<start>[^\s\p{Ll}])
    )
"""
_STOP_START = r"""
    {stop}                                            # end punctuation,
    (?<!\b(?:Mr|Mrs|Ms|Dr|Prof|Cllr|St|No|[A-Z])[.!?])   # not after a title or an initial,
    (?<!(?:^|\n)[^\S\n]*(?:\d{{1,3}}|[a-z]|[ivx]{{1,4}})[.!?])  # nor a list number ("2. The report")
    [’”"')\]]*[^\S\n]+                               # closing marks, a space
    (?P<start>[“‘"'(]?[\p{{Lu}}\d])                   # a capital, digit or opening quote
"""
_STARTERS = tuple(
    regex.compile(pattern, regex.VERBOSE)
    for pattern in (_LINE_START, *(_STOP_START.format(stop=regex.escape(c)) for c in ".!?"))
)
_SHORT_TEXT = 1000
# The same rule as one pattern: what `_STARTERS` find, merged, unless their matches overlap.
_BOUNDARY = regex.compile("|".join(f"(?:{p.pattern})" for p in _STARTERS), regex.VERBOSE)


def _boundaries(text: str) -> list[regex.Match[str]]:
    """``_BOUNDARY.finditer(text)``, found with the literal-led patterns (a short text is
    read at once: four scans cost more than one there)."""
    if len(text) < _SHORT_TEXT:
        return list(_BOUNDARY.finditer(text))
    found = sorted((m for p in _STARTERS for m in p.finditer(text)), key=lambda m: m.start())
    if any(a.end() > b.start() for a, b in zip(found, found[1:], strict=False)):
        return list(_BOUNDARY.finditer(text))  # overlapping matches: one pass decides
    return found


#: The longest stretch read as one sentence. Real sentences run to a few hundred characters
#: (536 the longest in the development documents); a run with no sentence end (unclosed
#: quotes, a scraped list, token soup) is cut into pieces of at most this length, so that
#: work done per sentence stays bounded and the whole extraction linear in the text.
MAX_SENTENCE = 1000
_LAST_SPACE = regex.compile(r"\s(?=\S)", regex.REVERSE)


def sentence_starts(text: str) -> list[int]:
    """Offsets in ``text`` at which a sentence starts (besides offset 0)."""
    starts = [m.start("start") for m in _boundaries(text)]
    bounds = [0, *starts, len(text)]
    if all(b - a <= MAX_SENTENCE for a, b in zip(bounds, bounds[1:], strict=False)):
        return starts
    out: list[int] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a:
            out.append(a)
        while b - a > MAX_SENTENCE:
            # the last space before the limit (a word is never cut), else the limit itself
            space = _LAST_SPACE.search(text, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            a = space.end() if space else a + MAX_SENTENCE
            out.append(a)
    return out


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """``spacy.blank("en")`` with the ``inspection_sentences`` rule component."""
    import numpy
    import spacy
    from spacy.attrs import IDX, SENT_START
    from spacy.language import Language

    if "inspection_sentences" not in Language.factories:

        @Language.component("inspection_sentences", assigns=["token.is_sent_start"])
        def inspection_sentences(doc: Doc) -> Doc:
            """Set every token's sentence start from `sentence_starts` in one array write."""
            if not len(doc):
                return doc
            # SENT_START is stored as uint64: -1 ("not a start") wraps to the maximum.
            starts = numpy.full(len(doc), numpy.iinfo(numpy.uint64).max, dtype=numpy.uint64)
            starts[0] = 1
            token_starts = doc.to_array(IDX)
            offsets = numpy.array(sentence_starts(doc.text), dtype=token_starts.dtype)
            where = numpy.searchsorted(token_starts, offsets)
            hit = where < len(doc)
            where, offsets = where[hit], offsets[hit]
            starts[where[token_starts[where] == offsets]] = 1  # only offsets that begin a token
            doc.from_array([SENT_START], starts.reshape(-1, 1))  # type: ignore[arg-type]
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("inspection_sentences")
    return nlp
