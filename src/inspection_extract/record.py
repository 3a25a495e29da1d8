"""The record: frozen dataclasses for everything `extract()` returns.

The shape is the product contract in RECORD.md: ``Record.to_dict()`` gives exactly
that JSON. Every value carries a ``span``, a ``(start, end)`` pair of Python string
indices into ``Record.text``, so ``record.text[start:end]`` is the evidence for it.
Values that came from a PDF also carry the 1-based ``page`` they were read on, and
ratings and recommendation items a ``box`` (x0, top, x1, bottom in PDF points) where
the layout gives one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

Span = tuple[int, int]
Box = tuple[float, float, float, float]

Rating = Literal[
    "Outstanding", "Good", "Requires improvement", "Inadequate",  # probation, CQC, Ofsted, HMICFRS
    "Adequate",  # HMICFRS PEEL grades since 2021 (and Ofsted's scale before 2013)
    "Reasonably good", "Not sufficiently good", "Poor",  # HM Inspectorate of Prisons' healthy prison tests
]
RATINGS: tuple[str, ...] = (
    "Outstanding", "Good", "Requires improvement", "Inadequate",
    "Adequate", "Reasonably good", "Not sufficiently good", "Poor",
)
#: The four-point scale every inspectorate here uses; the others belong to one inspectorate's
#: scale each and are read only in its documents (see `inspection_extract.profiles`).
CORE_RATINGS: tuple[str, ...] = RATINGS[:4]

UnitType = Literal[
    "PDU", "YJS", "YOS", "YOT", "CRC", "NPS division", "region", "national",  # probation, youth justice
    "care home", "trust", "ambulance service", "GP practice", "hospital",  # CQC
    "school", "college", "nursery", "council",  # Ofsted
    "prison", "young offender institution", "immigration removal centre",  # HM Inspectorate of Prisons
    "police force", "fire and rescue service",  # HMICFRS
    "other",
]
UNIT_TYPES: tuple[str, ...] = (
    "PDU", "YJS", "YOS", "YOT", "CRC", "NPS division", "region", "national",
    "care home", "trust", "ambulance service", "GP practice", "hospital",
    "school", "college", "nursery", "council",
    "prison", "young offender institution", "immigration removal centre",
    "police force", "fire and rescue service",
    "other",
)
DocumentType = Literal["press_release", "report", "news_article", "other"]
MediaType = Literal["text/plain", "text/html", "application/pdf"]


@dataclass(frozen=True)
class Field:
    """A single grounded value: ``text[span]`` is where ``value`` was read."""

    value: str
    span: Span
    page: int | None = None


@dataclass(frozen=True)
class Score:
    points: int
    out_of: int


@dataclass(frozen=True)
class Unit:
    """An inspected body: a PDU, a youth justice service, a region, a care home, ..."""

    name: str
    type: str
    span: Span
    rating: str | None = None
    previous_rating: str | None = None
    score: Score | None = None
    page: int | None = None


@dataclass(frozen=True)
class AspectRating:
    """The rating of a part of a service: a standard ("1.1 Leadership") or an area of work."""

    aspect: str
    rating: str
    span: Span
    id: str | None = None
    page: int | None = None
    box: Box | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    span: Span
    speaker: str | None = None
    role: str | None = None
    paragraphs: int = 1
    speaker_span: Span | None = None
    page: int | None = None


@dataclass(frozen=True)
class Count:
    value: int | float
    text: str
    span: Span
    qualifier: str | None = None
    noun: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class Percentage:
    value: float
    text: str
    span: Span
    page: int | None = None


@dataclass(frozen=True)
class RecommendationSplit:
    count: int
    recipient: str
    span: Span
    page: int | None = None


@dataclass(frozen=True)
class RecommendationItem:
    text: str
    span: Span
    recipient: str | None = None
    page: int | None = None
    box: Box | None = None


@dataclass(frozen=True)
class Recommendations:
    total: int | None = None
    span: Span | None = None
    split: tuple[RecommendationSplit, ...] = ()
    items: tuple[RecommendationItem, ...] = ()
    page: int | None = None


@dataclass(frozen=True)
class Fieldwork:
    start: str
    end: str
    span: Span
    page: int | None = None
    #: True when the text gives the month without its year ("inspectors visited in
    #: November"): the year is the latest that month had on or before the document's own
    #: publication date.
    year_inferred: bool = False


@dataclass(frozen=True)
class Dates:
    published: Field | None = None
    embargo: Field | None = None
    fieldwork: Fieldwork | None = None


@dataclass(frozen=True)
class Contact:
    email: str
    span: Span
    page: int | None = None


@dataclass(frozen=True)
class Source:
    name: str | None
    media_type: str
    sha256: str
    pages: int | None = None


@dataclass(frozen=True)
class Record:
    """Everything read from one document. ``to_dict()`` is the JSON of RECORD.md."""

    source: Source
    text: str
    document_type: str = "other"
    inspectorate: Field | None = None
    title: Field | None = None
    units: tuple[Unit, ...] = ()
    overall_rating: Field | None = None
    region: Field | None = None
    aspect_ratings: tuple[AspectRating, ...] = ()
    quotes: tuple[Quote, ...] = ()
    counts: tuple[Count, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    recommendations: Recommendations | None = None
    dates: Dates = field(default_factory=Dates)
    contacts: tuple[Contact, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data, keys in RECORD.md order.

        ``page`` and ``box`` appear only where they are known (PDF input).
        """
        out: dict[str, Any] = {"schema_version": self.schema_version}
        for f in dataclasses.fields(self):
            if f.name != "schema_version":
                out[f.name] = _plain(getattr(self, f.name))
        return out


_OPTIONAL_KEYS = frozenset({"page", "box"})


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not (f.name in _OPTIONAL_KEYS and getattr(value, f.name) is None)
        }
    if isinstance(value, tuple | list):
        # Spans and boxes are tuples of numbers: JSON arrays.
        return [_plain(v) for v in value]
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Record.to_dict()`` satisfies."""
    import json
    from importlib.resources import files

    return json.loads(files("inspection_extract").joinpath("schema.json").read_text(encoding="utf-8"))
