"""Every value in every fixture's record is grounded: ``text[span]`` is its evidence."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
from conftest import result_for

from inspection_extract import Record, json_schema
from inspection_extract._vocab import EXTRA_RATING_FORMS, normalise_rating
from inspection_extract.extract._ratings import SUPERLATIVE_RE, rating_words

SCHEMA = json_schema()


def _folded(s: str) -> str:
    """Whitespace folded and quote marks dropped, for comparing a value with its evidence."""
    s = re.sub(r"[\u2018\u2019\u201c\u201d\"'‘’]", "", s)
    return " ".join(s.split()).casefold()


def _ratings_in(evidence: str) -> set[str | None]:
    """Every rating a stretch of text names, on any inspectorate's scale."""
    return {normalise_rating(raw) for _, _, raw in rating_words(evidence, tuple(EXTRA_RATING_FORMS))}


def _record(doc: Path) -> Record:
    result = result_for(doc)
    if result.record is None:
        pytest.skip(f"{doc.name} is a bad-input fixture ({type(result.error).__name__})")
    return result.record


def _check_span(text: str, span: tuple[int, int] | list[int], what: str) -> str:
    start, end = span
    assert 0 <= start < end <= len(text), f"{what}: span {span} outside the text"
    evidence = text[start:end]
    assert evidence.strip(), f"{what}: span {span} holds only whitespace"
    assert evidence == evidence.strip(), f"{what}: span {span} has whitespace at its edges: {evidence!r}"
    return evidence


def test_record_matches_schema(fixture_doc: Path) -> None:
    jsonschema.validate(_record(fixture_doc).to_dict(), SCHEMA)


def test_every_span_holds_its_evidence(fixture_doc: Path) -> None:
    rec = _record(fixture_doc)
    text = rec.text
    for unit in rec.units:
        ev = _check_span(text, unit.span, f"unit {unit.name}")
        assert _folded(unit.name) in _folded(ev), f"unit name {unit.name!r} not in its evidence {ev!r}"
    if rec.overall_rating:
        ev = _check_span(text, rec.overall_rating.span, "overall rating")
        # the rating word, or the top or bottom of the scale ("the lowest grade")
        assert normalise_rating(ev) == rec.overall_rating.value or SUPERLATIVE_RE.fullmatch(ev), ev
    for a in rec.aspect_ratings:
        ev = _check_span(text, a.span, f"aspect {a.aspect}")
        assert a.rating in _ratings_in(ev), f"aspect rating {a.rating!r} not in its evidence {ev!r}"
    for field in (rec.inspectorate, rec.title, rec.region):
        if field is not None:
            _check_span(text, field.span, "field")
    if rec.title:
        assert _folded(rec.title.value) == _folded(text[slice(*rec.title.span)])
    for q in rec.quotes:
        ev = _check_span(text, q.span, "quote")
        if q.paragraphs == 1 and ev != q.text:
            # a quote interrupted by its attribution ("The PDU," said X, "has ...") is
            # one quote: its span runs from its first word to its last, over the attribution
            words = _folded(q.text).split()
            folded = _folded(ev)
            assert folded.startswith(words[0]) and folded.endswith(words[-1]), (q.text, ev)
            assert all(w in folded for w in words), (q.text, ev)
        elif q.paragraphs == 1:
            assert ev == q.text, "a one-paragraph quote's text is its span"
        else:
            # the text is the span without the marks that re-open each paragraph
            assert _folded(q.text) == _folded(ev)
        if q.speaker_span is not None:
            sp = _check_span(text, q.speaker_span, "speaker")
            assert q.speaker is not None and (
                _folded(q.speaker) in _folded(sp) or _folded(sp) in _folded(q.speaker)
            ), f"speaker {q.speaker!r} not grounded in {sp!r}"
    for c in rec.counts:
        assert _check_span(text, c.span, "count") == c.text
    for p in rec.percentages:
        assert _check_span(text, p.span, "percentage") == p.text
    recs = rec.recommendations
    if recs is not None:
        if recs.span is not None:
            _check_span(text, recs.span, "recommendations total")
        for s in recs.split:
            _check_span(text, s.span, "recommendation split")
        for item in recs.items:
            assert _check_span(text, item.span, "recommendation item") == item.text
    for key in ("published", "embargo"):
        f = getattr(rec.dates, key)
        if f is not None:
            ev = _check_span(text, f.span, key)
            assert re.search(r"\d", ev), f"{key} evidence holds no number: {ev!r}"
    if rec.dates.fieldwork is not None:
        _check_span(text, rec.dates.fieldwork.span, "fieldwork")
    for c in rec.contacts:
        assert _check_span(text, c.span, "contact").lower() == c.email.lower()


def test_pdf_values_name_their_page(fixture_doc: Path) -> None:
    rec = _record(fixture_doc)
    if rec.source.media_type != "application/pdf":
        pytest.skip("not a PDF")
    d = rec.to_dict()
    n = rec.source.pages
    assert n

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "span" in node and node["span"] is not None:
                assert "page" in node and 1 <= node["page"] <= n, f"no page on {node}"
            for k, v in node.items():
                if k != "text":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk({k: v for k, v in d.items() if k not in ("text", "source")})
