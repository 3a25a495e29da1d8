"""Property tests: for any text, and for random mutations of every fixture, `extract`

- raises nothing but the library's own errors,
- gives values whose spans hold their evidence (``text[span]``),
- gives the same record (or error) every time, whatever else is in the batch.

The default run tries a few hundred cases, the same ones every time (derandomised);
``make fuzz`` runs the ``fuzz``-marked tests with ``INSPECTION_EXTRACT_FUZZ=1``: at
least 10,000 random cases.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import fixture_documents, result_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_grounding import _folded, _ratings_in

from inspection_extract import extract, extract_many
from inspection_extract._vocab import normalise_rating
from inspection_extract.errors import InspectionExtractError
from inspection_extract.extract._ratings import SUPERLATIVE_RE

FUZZ = bool(os.environ.get("INSPECTION_EXTRACT_FUZZ"))
_COMMON = {
    "deadline": None,
    "database": None,  # nothing written to the work tree; a failure prints its reproduction blob
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("default-run", max_examples=150, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=5000, **_COMMON)
PROFILE = "fuzz" if FUZZ else "default-run"

pytestmark = pytest.mark.fuzz

# A short document read in the same batch before each case: its record must not leak.
OTHER = "Northfield PDU was rated ‘Good’ in 2023. “We are proud,” said Ann Lee, head of the service."

# --- the properties ---------------------------------------------------------------------------


def _spans(node: Any, path: str = "") -> list[tuple[str, list[int]]]:
    """Every span in a record's JSON, with where it was found."""
    found: list[tuple[str, list[int]]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("span", "speaker_span") and v is not None:
                found.append((f"{path}.{k}", v))
            elif k != "text" or isinstance(v, dict | list):
                found.extend(_spans(v, f"{path}.{k}"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found.extend(_spans(v, f"{path}[{i}]"))
    return found


def _check_grounded(d: dict[str, Any]) -> None:
    text = d["text"]
    for where, (start, end) in _spans({k: v for k, v in d.items() if k != "text"}):
        assert 0 <= start < end <= len(text), f"{where}: {start, end} outside the text ({len(text)})"
        assert text[start:end].strip(), f"{where}: {start, end} holds only whitespace"
    for u in d["units"]:
        evidence = text[slice(*u["span"])]
        assert _folded(u["name"]) in _folded(evidence), (u, evidence)
    if d["overall_rating"]:
        evidence = text[slice(*d["overall_rating"]["span"])]
        assert normalise_rating(evidence) == d["overall_rating"]["value"] or SUPERLATIVE_RE.fullmatch(evidence), (
            d["overall_rating"], evidence)
    for a in d["aspect_ratings"]:
        evidence = text[slice(*a["span"])]
        assert a["rating"] in _ratings_in(evidence), (a, evidence)
    for kind in ("counts", "percentages"):
        for f in d[kind]:
            assert text[slice(*f["span"])] == f["text"], (kind, f)
    for c in d["contacts"]:
        assert text[slice(*c["span"])].lower() == c["email"].lower(), c
    for item in (d["recommendations"] or {}).get("items", []):
        assert text[slice(*item["span"])] == item["text"], item


def _outcome(result: Any) -> Any:
    return result.record.to_dict() if result.record is not None else (type(result.error), str(result.error))


def check(source: str | bytes) -> None:
    """The three properties for one input."""
    try:
        alone = extract(source).to_dict()
    except InspectionExtractError as exc:
        alone_outcome: Any = (type(exc), str(exc))
    except Exception as exc:  # noqa: BLE001 - the property under test
        pytest.fail(f"{type(exc).__name__} escaped: {exc}")
    else:
        _check_grounded(alone)
        alone_outcome = alone
    # the same again, after another document in one batch: deterministic and independent
    _, again = extract_many([OTHER, source])
    assert "internal error" not in str(again.error or "")
    assert _outcome(again) == alone_outcome


# --- arbitrary text ---------------------------------------------------------------------------

_WORDS = (
    "Kirklees PDU YJS probation service HM Inspectorate of Probation CQC Ofsted rated "
    "Good Outstanding Inadequate Requires improvement overall inspectors found the of and "
    "recommendations made three 12 45% staff cases said Chief Inspector 1 March 2023 embargoed "
    "00:01 press@example.org Leadership 1.1 Score 12/27 previously prison council trust"
).split()
_PUNCT = [" ", " ", " ", ".", ",", ":", "\n", "\n\n", "‘", "’", "“", "”", '"', "'", "–", "(", ")", "|", "%"]
_vocab_text = st.lists(st.sampled_from(_WORDS + _PUNCT), max_size=300).map(" ".join)
_any_text = st.one_of(
    st.text(max_size=2000),
    _vocab_text,
    st.lists(st.one_of(_vocab_text, st.text(max_size=50)), max_size=8).map("".join),
)


@settings(settings.get_profile(PROFILE))
@given(_any_text)
def test_any_text(text: str) -> None:
    check(text)


@settings(settings.get_profile(PROFILE), max_examples=settings.get_profile(PROFILE).max_examples // 3)
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    check(data)


# --- mutations of every fixture ---------------------------------------------------------------

FIXTURES = fixture_documents()


@cache
def base_text(path: Path) -> str:
    """The fixture's own text (a PDF's: the text the loader read from it)."""
    if path.suffix == ".pdf":
        result = result_for(path)
        return result.record.text if result.record is not None else ""
    return path.read_text(encoding="utf-8")


_QUOTE_SWAPS = [("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("'", "’"), ('"', "“"), ("‘", "“"), ("’", "”")]
_CASES = [str.upper, str.lower, str.title, str.swapcase]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = base_text(draw(st.sampled_from(FIXTURES)))
    sep = "\n" if "<" in text[:200] else "\n\n"  # HTML by its lines, text by its paragraphs
    parts = text.split(sep)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "reorder", "quotes", "case", "split"]))
        i = draw(st.integers(0, max(0, len(parts) - 1)))
        if not parts:
            break
        if op == "delete" and len(parts) > 1:
            del parts[i]
        elif op == "duplicate":
            parts.insert(i, parts[i])
        elif op == "reorder":
            j = draw(st.integers(0, len(parts) - 1))
            parts[i], parts[j] = parts[j], parts[i]
        elif op == "quotes":
            old, new = draw(st.sampled_from(_QUOTE_SWAPS))
            parts = [p.replace(old, new) for p in parts]
        elif op == "case":
            parts[i] = draw(st.sampled_from(_CASES))(parts[i])
        elif op == "split":  # stray spaces inside words, as PDF text extraction leaves them
            p = parts[i]
            inner = [k for k in range(1, len(p)) if p[k - 1].isalpha() and p[k].isalpha()]
            if inner:
                cuts = sorted(draw(st.lists(st.sampled_from(inner), min_size=1, max_size=12, unique=True)))
                for k in reversed(cuts):
                    p = p[:k] + " " + p[k:]
                parts[i] = p
    return sep.join(parts)


@settings(settings.get_profile(PROFILE))
@given(mutated())
def test_mutated_fixtures(text: str) -> None:
    check(text)


def test_every_fixture_can_be_mutated() -> None:
    assert len(FIXTURES) > 50
    assert all(base_text(p) or result_for(p).error for p in FIXTURES)


# --- damaged PDFs -----------------------------------------------------------------------------

PDF_FIXTURES = [p for p in FIXTURES if p.suffix == ".pdf" and p.stat().st_size < 200_000]
# Read before each damaged PDF: a failed PDF leaves pdfium's last error code behind it.
ENCRYPTED = Path(__file__).resolve().parent.parent / "fixtures" / "pdf" / "encrypted.pdf"


@st.composite
def damaged_pdf(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(PDF_FIXTURES)).read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["truncate", "flip", "delete", "repeat"]))
        k = draw(st.integers(0, max(0, len(data) - 1)))
        n = draw(st.integers(1, 64))
        if op == "truncate":
            del data[k:]
        elif op == "flip":
            data[k : k + n] = bytes(draw(st.integers(0, 255)) for _ in data[k : k + n])
        elif op == "delete":
            del data[k : k + n]
        else:
            data[k:k] = data[k : k + n]
    return bytes(data)


@settings(settings.get_profile(PROFILE), max_examples=settings.get_profile(PROFILE).max_examples // 8)
@given(damaged_pdf())
def test_damaged_pdfs(data: bytes) -> None:
    try:
        alone: Any = extract(data).to_dict()
        _check_grounded(alone)
    except InspectionExtractError as exc:
        alone = (type(exc), str(exc))
    _, again = extract_many([ENCRYPTED, data])
    assert "internal error" not in str(again.error or "")
    assert _outcome(again) == alone
