"""The spaCy component ``inspection_extract``: the record of a ``Doc``'s text, and its evidence as spans.

A thin layer over `extract`: the component runs the same extractors on ``doc.text``, so
``doc._.inspection`` is exactly the `Record` that ``extract(doc.text)`` returns. Each
value's evidence becomes a ``Span`` in ``doc.spans["inspection"]`` labelled by the field
it supports (``unit``, ``overall_rating``, ``quote``, ...), which displaCy's span view
draws::

    import spacy
    nlp = spacy.blank("en")                  # or any English pipeline, trained or not
    nlp.add_pipe("inspection_extract")       # found through the spacy_factories entry point
    doc = nlp(text)
    doc._.inspection.overall_rating.value    # 'Inadequate'
    spacy.displacy.render(doc, style="span", options={"spans_key": "inspection"})

The record's offsets index its normalised text (whitespace folded, NFC); where
``doc.text`` is not already normalised the spans are placed by aligning the two texts
character by character, skipping whitespace. A ``Doc`` with no text gets ``None``;
a text the library cannot read raises its `InspectionExtractError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from inspection_extract import render
from inspection_extract._api import extract
from inspection_extract.record import Record
from inspection_extract.record import Span as Offsets

#: The labels of the evidence spans, one per kind of value.
LABELS = (
    "inspectorate", "title", "unit", "overall_rating", "region", "aspect_rating", "quote", "speaker",
    "count", "percentage", "recommendations", "recommendation", "published", "embargo", "fieldwork", "contact",
)


@Language.factory(
    "inspection_extract",
    default_config={"spans_key": "inspection", "attr": "inspection"},
    assigns=["doc._.inspection", "doc.spans"],
)
def make_inspection_extract(nlp: Language, name: str, spans_key: str, attr: str) -> InspectionExtract:
    """Build the component (spaCy calls this for ``nlp.add_pipe("inspection_extract")``)."""
    return InspectionExtract(name=name, spans_key=spans_key, attr=attr)


class InspectionExtract:
    """Sets ``doc._.<attr>`` to the document's `Record` and ``doc.spans[spans_key]`` to its evidence."""

    def __init__(self, *, name: str = "inspection_extract", spans_key: str = "inspection",
                 attr: str = "inspection") -> None:
        self.name = name
        self.spans_key = spans_key
        self.attr = attr
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            doc._.set(self.attr, None)
            doc.spans[self.spans_key] = []
            return doc
        record = extract(doc.text)
        doc._.set(self.attr, record)
        doc.spans[self.spans_key] = list(self.spans(doc, record))
        return doc

    def spans(self, doc: Doc, record: Record) -> Iterator[Span]:
        """The record's evidence as spans of ``doc``, in text order, one per value."""
        place = _aligner(record.text, doc.text)
        found = []
        for label, (start, end) in evidence(record):
            where = place(start, end)
            if where is None:
                continue
            span = doc.char_span(where[0], where[1], label=label, alignment_mode="expand")
            if span is not None:
                found.append(span)
        found.sort(key=lambda s: (s.start_char, -s.end_char))
        return iter(found)


# The review page's kinds of value, as the span labels name them; a split of the
# recommendations is not labelled (its words are the total's or an item's).
_LABEL_OF = {"aspect": "aspect_rating"}
_UNLABELLED = frozenset({"recommendation_split"})


def evidence(record: Record) -> Iterator[tuple[str, Offsets]]:
    """Every value's ``(label, span)`` in the record: the evidence displaCy shows (the
    review page's values, `render.evidence`, under the labels of `LABELS`)."""
    for e in render.evidence(record):
        if e.kind not in _UNLABELLED:
            yield _LABEL_OF.get(e.kind, e.kind), e.span


def _aligner(norm: str, raw: str) -> Any:
    """A function from a span of ``norm`` (the record's text) to the same words' span in ``raw``.

    The two texts differ in whitespace (folded, trimmed) and in the few characters the
    loader repairs (NFC, ligatures, hyphens and spaces inside words split by a PDF's text
    layer). Their non-space characters are walked together; where they part, the walk
    looks a few characters ahead on either side for the next run they share.
    """
    if norm == raw:
        return lambda start, end: (start, end)
    n_at = [i for i, ch in enumerate(norm) if not ch.isspace()]
    r_at = [j for j, ch in enumerate(raw) if not ch.isspace()]
    a = "".join(norm[i] for i in n_at)
    b = "".join(raw[j] for j in r_at)
    where = [0] * len(a)  # index in b of each character of a
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            where[i] = j
            i += 1
            j += 1
            continue
        run = a[i : i + _RESYNC]
        skip_b = next((k for k in range(1, _LOOKAHEAD) if b[j + k : j + k + _RESYNC] == run), None)
        if skip_b is not None:  # characters only in raw (a hyphen the loader removed)
            j += skip_b
            continue
        skip_a = next((k for k in range(1, _LOOKAHEAD) if a[i + k : i + k + _RESYNC] == b[j : j + _RESYNC]), None)
        for _ in range(skip_a or 1):  # characters only in norm (a ligature spelt out), or one replaced
            where[i] = j
            i += 1
        j += 0 if skip_a else 1
    for k in range(i, len(a)):
        where[k] = len(b) - 1
    norm_to_a = [0] * (len(norm) + 1)  # for each offset of norm, the next non-space character's index in a
    k = len(a)
    for off in range(len(norm), -1, -1):
        if off < len(norm) and not norm[off].isspace():
            k -= 1
        norm_to_a[off] = k

    def place(start: int, end: int) -> tuple[int, int] | None:
        first, last = norm_to_a[start], norm_to_a[end] - 1
        if not (0 <= first <= last < len(a)):
            return None
        return r_at[where[first]], r_at[where[last]] + 1

    return place


_RESYNC = 4  # characters that must agree to take up the walk again
_LOOKAHEAD = 6  # how far either side may run ahead


__all__ = ["InspectionExtract", "make_inspection_extract", "evidence", "LABELS"]
