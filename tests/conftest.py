"""Shared fixtures: every document under fixtures/ and its record, computed once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from inspection_extract import BatchResult, extract_many

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOC_SUFFIXES = (".txt", ".html", ".pdf")
# Generated only for the benchmark: too large to keep a golden record of.
SKIP_PREFIXES = ("bench-",)


def fixture_documents() -> list[Path]:
    """Every fixture document (text, HTML, PDF) in a stable order."""
    docs = [
        p for p in FIXTURES.rglob("*")
        if p.suffix in DOC_SUFFIXES and p.is_file() and not p.name.startswith(SKIP_PREFIXES)
    ]
    return sorted(docs)


def fixture_id(path: Path) -> str:
    return str(path.relative_to(FIXTURES))


@cache
def result_for(path: Path) -> BatchResult:
    """The batch result (record or error) for one fixture, computed once per session."""
    return next(extract_many([path]))


@pytest.fixture(params=fixture_documents(), ids=fixture_id)
def fixture_doc(request: pytest.FixtureRequest) -> Path:
    return request.param
