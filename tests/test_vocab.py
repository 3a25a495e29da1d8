"""Shared vocabularies: rating words and numbers, as documents write them."""

from __future__ import annotations

import pytest

from inspection_extract._vocab import NUMBER_RE, normalise_rating, parse_number


@pytest.mark.parametrize(
    "raw, rating",
    [
        # press releases
        ("‘Requires improvement’", "Requires improvement"),
        ("‘Requiring improvement.’", "Requires improvement"),
        ("‘Outstanding’", "Outstanding"),
        # news style: lower case, other inflections
        ("rated inadequate", "Inadequate"),
        ("require improvement", "Requires improvement"),
        ("good", "Good"),
        # PDF extraction splits words
        ("Inadeq uate", "Inadequate"),
        ("Requires i mprovement", "Requires improvement"),
        ("Requires\nimprovement", "Requires improvement"),
        # other inspectorates' scales (read only in their documents: see test_ratings)
        ("adequate", "Adequate"),
        ("Reasonably  good", "Reasonably good"),
        ("not sufficiently good", "Not sufficiently good"),
        ("poor", "Poor"),
        # not ratings
        ("goodwill", None),
        ("improvement", None),
        ("inadequately", None),
    ],
)
def test_normalise_rating(raw: str, rating: str | None) -> None:
    assert normalise_rating(raw) == rating


@pytest.mark.parametrize(
    "raw, value",
    [
        ("4,000", 4000), ("60", 60), ("29.4", 29.4), ("eight", 8), ("Thirty-two", 32),
        ("twenty one", 21), ("two hundred", 200), ("zero", 0), ("nineteen", 19),
        ("many", None), ("", None), ("7" * 5000, None),
    ],
)
def test_parse_number(raw: str, value: float | None) -> None:
    assert parse_number(raw) == value


def test_number_re_finds_whole_numbers_only() -> None:
    found = [m.group() for m in NUMBER_RE.finditer("over 4,000 cases, 60 staff, Thirty-two per cent, someone")]
    assert found == ["4,000", "60", "Thirty-two"]
