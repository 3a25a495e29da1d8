"""Publication, embargo and fieldwork dates."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Dates


def dates(doc: Document) -> Dates:
    """The dates the document gives for its publication, embargo and fieldwork."""
    return Dates()
