"""The prepared document every field extractor reads.

A loader (``_load``) turns text, HTML or PDF input into one normalised ``text`` and
the structure it saw on the way (paragraphs, block quotes, the title, pages). Field
modules read only this object, never the input, so a rule written for a press release
works unchanged on the text of a PDF report.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

import regex

from inspection_extract.record import Box, Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Layout(Protocol):
    """Where a span of the text lies on the page (PDF input only)."""

    def box_of(self, span: Span) -> Box | None: ...


_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")
_LINE = regex.compile(r"[^\n]+")


@dataclass(frozen=True, eq=False)
class Document:
    """Normalised text plus what the loader knew about its structure.

    ``text`` is NFC, with whitespace runs folded to one space, lines kept (``\\n``) and
    paragraphs separated by one blank line (``\\n\\n``). All spans index into it.
    """

    text: str
    source: Source
    #: Spans of text the markup presented as quotations (HTML ``<blockquote>``).
    quote_blocks: tuple[Span, ...] = ()
    #: The span of the document's own title (HTML ``<h1>``, a report's cover title).
    title_span: Span | None = None
    #: Offset in ``text`` at which each page begins (PDF input; page 1 starts at 0).
    page_starts: tuple[int, ...] = ()
    layout: Layout | None = field(default=None, repr=False)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Spans of the blank-line separated paragraphs, in order."""
        spans: list[Span] = []
        start = 0
        for m in _PARAGRAPH_BREAK.finditer(self.text):
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return tuple(spans)

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Spans of the non-empty lines, in order."""
        return tuple((m.start(), m.end()) for m in _LINE.finditer(self.text))

    @cached_property
    def line_counts(self) -> Counter[str]:
        """How many lines have each text (a running header or footer repeats on every page)."""
        return Counter(self.text[s:e] for s, e in self.lines)

    @cached_property
    def nlp(self) -> Doc:
        """The spaCy ``Doc`` of the text: tokens and sentences from rule components."""
        from inspection_extract._nlp import get_nlp

        return get_nlp()(self.text)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Character spans of the sentences, never crossing a paragraph break.

        The rule is the one the spaCy component ``inspection_sentences`` applies in a
        pipeline (`inspection_extract._nlp`); called directly, it spares every document
        the spaCy tokenizer, which would cost more than the rest of extraction.
        """
        from inspection_extract._nlp import sentence_starts

        text = self.text
        out: list[Span] = []
        bounds = [0, *sentence_starts(text), len(text)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
        return tuple(out)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p[0] for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s[0] for s in self.sentences]

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph holding ``offset``, or None if it falls between paragraphs."""
        paras = self.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and paras[i][0] <= offset < paras[i][1]:
            return paras[i]
        return None

    def sentences_in(self, span: Span) -> list[Span]:
        """The sentences that lie inside ``span`` (a paragraph, say), in order."""
        sents = self.sentences
        i = bisect.bisect_left(self._sentence_starts, span[0])
        out: list[Span] = []
        while i < len(sents) and sents[i][1] <= span[1]:
            out.append(sents[i])
            i += 1
        return out

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding ``offset``, or None."""
        sents = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and sents[i][0] <= offset < sents[i][1]:
            return sents[i]
        return None

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` (PDF input), else None."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def box_of(self, span: Span) -> Box | None:
        """The bounding box of ``span`` on its page, where the layout knows it."""
        return self.layout.box_of(span) if self.layout is not None else None
