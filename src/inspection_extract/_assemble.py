"""The record: runs every field extractor and does the cross-field reasoning.

This is the one place where fields meet: recommendation split against total, scores
against their maximum, and the page (and box) of every span for PDF input.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, TypeVar

from inspection_extract._document import Document
from inspection_extract._options import NO_DEADLINE, Deadline
from inspection_extract.extract import contacts, counts, dates, meta, quotes, recommendations, units
from inspection_extract.record import (
    AspectRating,
    Dates,
    RecommendationItem,
    Recommendations,
    Record,
    Unit,
)

T = TypeVar("T")


#: The warning on a record that holds no inspection content at all, so that a pipeline can
#: tell an empty result (a recipe, a path given as text) from a document it could not read.
NOTHING_FOUND = (
    "nothing found to extract: no inspectorate, inspected body, rating or recommendation "
    "was found in this document"
)


def build_record(doc: Document, *, deadline: Deadline = NO_DEADLINE) -> Record:
    """Extract every field of ``doc`` and assemble its `Record`.

    ``deadline`` is checked after each field's extractor (`TimeBudgetExceededError`).
    """
    inspectorate = meta.inspectorate(doc)
    found = units.units(doc, inspectorate=inspectorate.value if inspectorate else None)
    deadline.check("units and ratings")
    recs = recommendations.recommendations(doc)
    deadline.check("recommendations")
    found_quotes = tuple(quotes.quotes(doc))
    deadline.check("quotes")
    found_counts = tuple(counts.counts(doc))
    found_percentages = tuple(counts.percentages(doc))
    deadline.check("counts")
    found_dates = dates.dates(doc)
    found_contacts = tuple(contacts.contacts(doc))
    document_type, title = meta.document_type(doc), meta.title(doc)
    deadline.check("dates, contacts and title")
    empty = not (inspectorate or found.units or found.overall_rating or found.aspect_ratings or recs)
    record = Record(
        source=doc.source,
        text=doc.text,
        document_type=document_type,
        inspectorate=inspectorate,
        title=title,
        units=found.units,
        overall_rating=found.overall_rating,
        region=found.region,
        aspect_ratings=found.aspect_ratings,
        quotes=found_quotes,
        counts=found_counts,
        percentages=found_percentages,
        recommendations=recs,
        dates=found_dates,
        contacts=found_contacts,
        warnings=tuple(
            dict.fromkeys(
                [
                    *found.warnings,
                    *_cross_checks(found.units, recs),
                    *_score_checks(found.units, found.aspect_ratings),
                    *([NOTHING_FOUND] if empty else []),
                ]
            )
        ),
    )
    if doc.page_starts:
        record = _with_pages(record, doc)
    return record


def _cross_checks(unit_list: tuple[Unit, ...], recs: Recommendations | None) -> list[str]:
    warnings: list[str] = []
    for unit in unit_list:
        if unit.score and unit.score.points > unit.score.out_of:
            warnings.append(
                f"score of {unit.name}: {unit.score.points} points is more than its maximum {unit.score.out_of}"
            )
    if recs is not None:
        split_sum = sum(s.count for s in recs.split)
        if recs.total is not None and recs.split and split_sum != recs.total:
            parts = " + ".join(str(s.count) for s in recs.split)
            warnings.append(
                f"recommendations: the split ({parts + ' = ' if len(recs.split) > 1 else ''}{split_sum}) "
                f"does not add up to the total of {recs.total}"
            )
        if recs.total is not None and recs.items and len(recs.items) != recs.total:
            warnings.append(
                f"recommendations: {len(recs.items)} items listed but the total stated is {recs.total}"
            )
    return warnings


#: Points a standard's rating carries towards a unit's score (HM Inspectorate of Probation
#: scores each standard from zero to three and adds them up).
STANDARD_POINTS = {"Outstanding": 3, "Good": 2, "Requires improvement": 1, "Inadequate": 0}


def _score_checks(unit_list: tuple[Unit, ...], aspects: tuple[AspectRating, ...]) -> list[str]:
    """The main unit's score against the ratings of its standards (those with an id).

    Checked only where the standards account for the whole maximum (3 points each): a
    youth justice report rates a resettlement standard that its score leaves out.
    """
    standards = [a for a in aspects if a.id]
    if not unit_list or unit_list[0].score is None or 3 * len(standards) != unit_list[0].score.out_of:
        return []
    unit, score = unit_list[0], unit_list[0].score
    points = sum(STANDARD_POINTS[a.rating] for a in standards)
    if points == score.points:
        return []
    return [
        f"score of {unit.name}: {score.points} points, but its {len(standards)} standards' ratings "
        f"add up to {points} (0-3 points each)"
    ]


@cache
def _fields_of(cls: type) -> tuple[tuple[str, ...], bool]:
    """The field names of a record dataclass, and whether it has a page."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    return names, "page" in names


def _with_pages(record: Record, doc: Document) -> Record:
    """Give every span-bearing value of a PDF's record its page (and box where known)."""

    def paged(value: T) -> T:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        changes: dict[str, Any] = {}
        names, has_page = _fields_of(type(value))
        for name in names:
            v = getattr(value, name)
            if isinstance(v, tuple) and v and dataclasses.is_dataclass(v[0]):
                changes[name] = tuple(paged(x) for x in v)
            elif dataclasses.is_dataclass(v):
                changes[name] = paged(v)
        span = getattr(value, "span", None)
        if span is not None and has_page:
            changes["page"] = doc.page_of(span[0])
            if isinstance(value, AspectRating | RecommendationItem) and value.box is None:
                changes["box"] = doc.box_of(span)
        return dataclasses.replace(value, **changes) if changes else value  # type: ignore[type-var]

    return dataclasses.replace(
        record,
        inspectorate=paged(record.inspectorate),
        title=paged(record.title),
        units=tuple(paged(u) for u in record.units),
        overall_rating=paged(record.overall_rating),
        region=paged(record.region),
        aspect_ratings=tuple(paged(a) for a in record.aspect_ratings),
        quotes=tuple(paged(q) for q in record.quotes),
        counts=tuple(paged(c) for c in record.counts),
        percentages=tuple(paged(p) for p in record.percentages),
        recommendations=paged(record.recommendations),
        dates=Dates(
            published=paged(record.dates.published),
            embargo=paged(record.dates.embargo),
            fieldwork=paged(record.dates.fieldwork),
        ),
        contacts=tuple(paged(c) for c in record.contacts),
    )
