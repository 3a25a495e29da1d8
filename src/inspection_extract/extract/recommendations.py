"""Recommendations: the total, its split by recipient, and each item of a report."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Recommendations


def recommendations(doc: Document) -> Recommendations | None:
    """The document's recommendations, or None if it makes none that it states."""
    return None
