"""Tables for analysts: records flattened into rows, for CSV, Parquet and pandas.

``units`` has one row per unit (a document that names none still gets one row, an input
that failed one row with its ``error``), the document's columns repeated on each; the
other tables have one row per item of a record's list (``quotes``, ``counts``,
``percentages``, ``aspects``, ``recommendations``), led by the columns that say which
input it came from. Every table's columns are fixed (`TABLES`), so a batch's CSV or
Parquet file has the same header whatever its documents hold. Spans are two integer
columns, ``start`` and ``end``, into the record's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from inspection_extract._api import BatchResult
from inspection_extract.errors import InspectionExtractError
from inspection_extract.record import Field, Record

if TYPE_CHECKING:
    import pandas

#: Which input a row came from; first on every table.
KEY_COLUMNS: tuple[str, ...] = ("input", "source", "sha256")
#: A document's own columns, repeated on each of its unit rows.
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "error", "document_type", "inspectorate", "title", "overall_rating", "region", "published", "embargo",
    "fieldwork_start", "fieldwork_end", "quotes", "recommendations", "contacts", "warnings",
)
TABLES: dict[str, tuple[str, ...]] = {
    "units": KEY_COLUMNS + DOCUMENT_COLUMNS + (
        "unit_index", "unit", "unit_type", "unit_rating", "previous_rating", "score_points", "score_out_of",
        "unit_start", "unit_end",
    ),
    "aspects": KEY_COLUMNS + ("error", "unit", "aspect", "id", "rating", "start", "end", "page"),
    "quotes": KEY_COLUMNS + ("error", "text", "speaker", "role", "paragraphs", "start", "end", "page"),
    "counts": KEY_COLUMNS + ("error", "value", "qualifier", "noun", "text", "start", "end", "page"),
    "percentages": KEY_COLUMNS + ("error", "value", "text", "start", "end", "page"),
    "recommendations": KEY_COLUMNS + ("error", "total", "kind", "count", "recipient", "text", "start", "end", "page"),
}
#: Columns holding numbers (the rest are text), for typed Parquet and DataFrame columns.
NUMERIC_COLUMNS = frozenset({
    "quotes", "recommendations", "unit_index", "score_points", "score_out_of", "unit_start", "unit_end",
    "start", "end", "page", "paragraphs", "value", "total", "count",
})
FLOAT_COLUMNS = frozenset({"value"})


def _val(f: Field | None) -> str | None:
    return f.value if f else None


def _key(result: BatchResult) -> dict[str, Any]:
    rec = result.record
    return {
        "input": result.source,
        "source": rec.source.name if rec else result.source,
        "sha256": rec.source.sha256 if rec else None,
    }


def _error(result: BatchResult) -> str | None:
    return f"{type(result.error).__name__}: {result.error}" if result.error is not None else None


def _document(rec: Record) -> dict[str, Any]:
    fw = rec.dates.fieldwork
    return {
        "document_type": rec.document_type,
        "inspectorate": _val(rec.inspectorate),
        "title": _val(rec.title),
        "overall_rating": _val(rec.overall_rating),
        "region": _val(rec.region),
        "published": _val(rec.dates.published),
        "embargo": _val(rec.dates.embargo),
        "fieldwork_start": fw.start if fw else None,
        "fieldwork_end": fw.end if fw else None,
        "quotes": len(rec.quotes),
        "recommendations": rec.recommendations.total if rec.recommendations else None,
        "contacts": "; ".join(c.email for c in rec.contacts),
        "warnings": "; ".join(rec.warnings),
    }


def rows(table: str, result: BatchResult) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` for one input, each a dict over all of the table's columns."""
    if table not in TABLES:
        raise InspectionExtractError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    columns = TABLES[table]
    for row in _rows(table, result):
        yield {c: row.get(c) for c in columns}


def _rows(table: str, result: BatchResult) -> Iterator[dict[str, Any]]:
    key = _key(result)
    rec = result.record
    if rec is None:
        yield {**key, "error": _error(result)}
        return
    if table == "units":
        doc = {**key, **_document(rec)}
        if not rec.units:
            yield doc
        for i, u in enumerate(rec.units):
            yield {
                **doc, "unit_index": i, "unit": u.name, "unit_type": u.type, "unit_rating": u.rating,
                "previous_rating": u.previous_rating, "score_points": u.score.points if u.score else None,
                "score_out_of": u.score.out_of if u.score else None, "unit_start": u.span[0], "unit_end": u.span[1],
            }
    elif table == "aspects":
        main = rec.units[0].name if rec.units else None
        for a in rec.aspect_ratings:
            yield {**key, "unit": main, "aspect": a.aspect, "id": a.id, "rating": a.rating,
                   "start": a.span[0], "end": a.span[1], "page": a.page}
    elif table == "quotes":
        for q in rec.quotes:
            yield {**key, "text": q.text, "speaker": q.speaker, "role": q.role, "paragraphs": q.paragraphs,
                   "start": q.span[0], "end": q.span[1], "page": q.page}
    elif table == "counts":
        for c in rec.counts:
            yield {**key, "value": float(c.value), "qualifier": c.qualifier, "noun": c.noun, "text": c.text,
                   "start": c.span[0], "end": c.span[1], "page": c.page}
    elif table == "percentages":
        for p in rec.percentages:
            yield {**key, "value": p.value, "text": p.text, "start": p.span[0], "end": p.span[1], "page": p.page}
    elif table == "recommendations":
        recs = rec.recommendations
        if recs is None:
            return
        total = {**key, "total": recs.total}
        for s in recs.split:
            yield {**total, "kind": "split", "count": s.count, "recipient": s.recipient,
                   "start": s.span[0], "end": s.span[1], "page": s.page}
        for item in recs.items:
            yield {**total, "kind": "item", "recipient": item.recipient, "text": item.text,
                   "start": item.span[0], "end": item.span[1], "page": item.page}
        if not recs.split and not recs.items:
            yield {**total, "kind": "total", "start": recs.span[0] if recs.span else None,
                   "end": recs.span[1] if recs.span else None, "page": recs.page}


def _as_results(items: Iterable[Record | BatchResult]) -> Iterator[BatchResult]:
    for i, item in enumerate(items):
        yield item if isinstance(item, BatchResult) else BatchResult(i, item.source.name, record=item)


def records_to_frames(items: Iterable[Record | BatchResult]) -> dict[str, pandas.DataFrame]:
    """One pandas DataFrame per table (`TABLES`: units, aspects, quotes, counts, ...).

    ``items`` are `Record` objects or the `BatchResult` objects of `extract_many`
    (whose failed inputs then appear as rows with ``error`` set). Needs pandas: install
    the ``pandas`` extra (``pip install 'inspection-extract[pandas]'``).

    >>> frames = records_to_frames(extract_many(paths))          # doctest: +SKIP
    >>> frames["units"].groupby("unit_rating").size()            # doctest: +SKIP
    """
    try:
        import pandas
    except ImportError:
        raise InspectionExtractError(
            "records_to_frames needs pandas: pip install 'inspection-extract[pandas]'"
        ) from None
    collected: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for result in _as_results(items):
        for table in TABLES:
            collected[table].extend(rows(table, result))
    frames = {}
    for table, columns in TABLES.items():
        frame = pandas.DataFrame(collected[table], columns=list(columns))
        for c in columns:
            if c in FLOAT_COLUMNS:
                frame[c] = frame[c].astype("Float64")
            elif c in NUMERIC_COLUMNS:
                frame[c] = frame[c].astype("Int64")
            else:
                frame[c] = frame[c].astype("string")
        frames[table] = frame
    return frames


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of ``table``: integers, floats and strings, all nullable."""
    import pyarrow

    def kind(c: str) -> Any:
        if c in FLOAT_COLUMNS:
            return pyarrow.float64()
        return pyarrow.int64() if c in NUMERIC_COLUMNS else pyarrow.string()

    return pyarrow.schema([(c, kind(c)) for c in TABLES[table]])
