"""Counts of things ("over 4,000 cases") and percentages ("33 per cent")."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Count, Percentage


def counts(doc: Document) -> list[Count]:
    """Numbers of things counted, with qualifier and noun; never years, dates, ages or money."""
    return []


def percentages(doc: Document) -> list[Percentage]:
    """Percentages in figures or words."""
    return []
