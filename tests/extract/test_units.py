"""Units, ratings, scores, region and aspect ratings: a table of forms, by where they came from."""

from __future__ import annotations

import pytest

from inspection_extract._load import load
from inspection_extract.extract.units import units


def _units(text: str) -> list[tuple[str, str, str | None, str | None]]:
    found = units(load(text))
    for u in found.units:
        assert u.name in found_text(text, u.span)
    return [(u.name, u.type, u.rating, u.previous_rating) for u in found.units]


def found_text(text: str, span: tuple[int, int]) -> str:
    return load(text).text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inspectorate press releases
        (
            "Birmingham North, East and Solihull Probation Delivery Unit (PDU)* has received an overall "
            "rating of ‘Inadequate’ following an inspection.",
            [("Birmingham North, East and Solihull", "PDU", "Inadequate", None)],
        ),
        (
            "Cambridgeshire and Peterborough Probation Delivery Unit (PDU) has been raised from "
            "‘Requires improvement’ to ‘Good’. A report on neighbouring Bedfordshire PDU (rated "
            "‘Requires improvement’) is published on the same day.",
            [
                ("Cambridgeshire and Peterborough", "PDU", "Good", "Requires improvement"),
                ("Bedfordshire", "PDU", "Requires improvement", None),
            ],
        ),
        (
            "Two Probation Delivery Units (PDUs) have been rated ‘Requires improvement’ and ‘Inadequate’, "
            "respectively, by the Inspectorate. "
            "The reports on Hull PDU and Selby and Goole PDU are published today.",
            [("Hull", "PDU", "Requires improvement", None), ("Selby and Goole", "PDU", "Inadequate", None)],
        ),
        (
            "Rochdale Youth Justice Service has been rated ‘Requires improvement’. "
            "Rochdale was last inspected in 2018, when it was rated ‘Good’.",
            [("Rochdale", "YJS", "Requires improvement", "Good")],
        ),
        (
            "The Probation Service – South West region has been rated ‘Requires improvement’ overall. "
            "Its work is delivered through three Probation Delivery Units (PDUs): "
            "Dorset; Somerset; and Devon.",
            [
                ("South West", "region", "Requires improvement", None),
                ("Dorset", "PDU", None, None),
                ("Somerset", "PDU", None, None),
                ("Devon", "PDU", None, None),
            ],
        ),
        # news style: lower case, no quote marks
        (
            "YORK'S youth justice service has been rated outstanding by the probation inspectorate. "
            "The service was last inspected in 2019, when it was rated good.",
            [("YORK", "YJS", "Outstanding", "Good")],
        ),
        # CQC and Ofsted
        (
            "CQC has downgraded the overall rating of Fenmoor Hospitals NHS Trust from requires "
            "improvement to inadequate.",
            [("Fenmoor Hospitals", "trust", "Inadequate", "Requires improvement")],
        ),
        # traps: a partner council, the scale, an adjective, a tally
        (
            "Newport's youth justice service, run by Newport City Council, is good at what it does. "
            "We rate services as outstanding, good, requires improvement or inadequate. "
            "Three of those services were rated ‘Inadequate’.",
            [("Newport", "YJS", None, None)],
        ),
    ],
)
def test_units(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _units(text) == expected


@pytest.mark.parametrize(
    ("text", "points", "out_of"),
    [
        ("Kirklees PDU has been rated as ‘Inadequate’, scoring only two points out a possible 27.", 2, 27),
        (
            "Southend-on-Sea Youth Justice Service was rated inadequate, "
            "scoring zero out of a total of 36 points.",
            0,
            36,
        ),
        ("Oakham PDU has been rated ‘Good’. It scored 10 of the 27 available points.", 10, 27),
        ("Lambeth PDU – rated ‘Inadequate’ (score 1/27)", 1, 27),
        ("Hull PDU scored eight points out of a possible 27. Goole PDU scored just three.", 8, 27),
    ],
)
def test_score(text: str, points: int, out_of: int) -> None:
    u = units(load(text)).units[0]
    assert u.score is not None and (u.score.points, u.score.out_of) == (points, out_of)


def test_score_out_of_from_sentence_before() -> None:
    found = units(load("Hull PDU scored eight points out of a possible 27. Goole PDU scored just three."))
    assert [(u.name, u.score and u.score.points) for u in found.units] == [("Hull", 8), ("Goole", 3)]


@pytest.mark.parametrize(
    ("text", "aspects"),
    [
        (
            "Essex Central PDU has been rated ‘Good’, "
            "and its court work was separately rated as ‘Outstanding’.",
            [(None, "court work", "Outstanding")],
        ),
        (
            "Ratings\nWakefield PDU\nScore 9/27\nOverall rating Requires improvement\n"
            "1.1 Leadership Requires \nimprovement\nP 1.2 Staff Inadeq uate\n1.3 Services | Good\n"
            "1.3 Services Good\n",
            [
                ("1.1", "Leadership", "Requires improvement"),
                ("1.2", "Staff", "Inadequate"),
                ("1.3", "Services", "Good"),
            ],
        ),
        (
            "• Leadership – ‘Requires improvement’\n• Staff – ‘Inadequate’",
            [(None, "Leadership", "Requires improvement"), (None, "Staff", "Inadequate")],
        ),
    ],
)
def test_aspects(text: str, aspects: list[tuple[str | None, str, str]]) -> None:
    found = units(load(text))
    assert [(a.id, a.aspect, a.rating) for a in found.aspect_ratings] == aspects


def test_report_table_gives_overall_rating_and_score() -> None:
    found = units(
        load(
            "Ratings\nCalderbrook PDU | Score 3/27\nOverall rating | Inadequate\n1.1 Leadership | Not rated\n"
        )
    )
    assert found.overall_rating is not None and found.overall_rating.value == "Inadequate"
    assert found.units[0].score is not None and found.units[0].score.points == 3
    assert found.warnings == ("standard 1.1 Leadership is not rated",)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "Cumbria PDU is part of the Probation Service – North West region.",
            "Probation Service – North West",
        ),
        (
            "Inspectors rated the Probation Service's South West region as 'requires improvement'.",
            "South West",
        ),
        ("The National Probation Service (NPS) North East division has been rated ‘Good’.", None),
    ],
)
def test_region(text: str, region: str | None) -> None:
    found = units(load(text)).region
    assert (found.value if found else None) == region


def test_thematic_has_no_unit_and_no_rating() -> None:
    found = units(
        load("Of the 24 PDUs inspected, unpaid work was rated ‘Good’ in 10. None was rated ‘Outstanding’.")
    )
    assert found.units == () and found.overall_rating is None and found.aspect_ratings == ()
