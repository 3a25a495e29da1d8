"""Quotations with their speaker and role."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Quote


def quotes(doc: Document) -> list[Quote]:
    """Every quotation of speech, in order; a quote re-opened over paragraphs is one quote."""
    return []
