"""Inspected units with their type, rating, previous rating and score; the region;
ratings of aspects and standards."""

from __future__ import annotations

from dataclasses import dataclass

from inspection_extract._document import Document
from inspection_extract.record import AspectRating, Field, Unit


@dataclass(frozen=True)
class UnitFindings:
    units: tuple[Unit, ...] = ()
    #: The main unit's rating with the span of the phrase that gives it.
    overall_rating: Field | None = None
    region: Field | None = None
    aspect_ratings: tuple[AspectRating, ...] = ()
    #: Things a careful reader should check, e.g. two different ratings for one unit.
    warnings: tuple[str, ...] = ()


def units(doc: Document) -> UnitFindings:
    """Every inspected body the document names, main one first, and the ratings of its parts."""
    return UnitFindings()
