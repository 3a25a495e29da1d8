"""Units, ratings, scores, region and aspect ratings: a table of forms, by where they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract import Record, extract
from inspection_extract._load import load
from inspection_extract.extract.units import units
from inspection_extract.record import Score


def _units(text: str) -> list[tuple[str, str, str | None, str | None]]:
    found = units(load(text))
    for u in found.units:
        assert u.name in found_text(text, u.span)
    return [(u.name, u.type, u.rating, u.previous_rating) for u in found.units]


def found_text(text: str, span: tuple[int, int]) -> str:
    return load(text).text[span[0] : span[1]]


DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"


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
        # CQC and Ofsted: an active "rated X as Y"; a college or surgery named with its type word
        (
            "The Care Quality Commission has rated Orchard Vale Surgery in Brindle as requires "
            "improvement overall, down from the good rating it received at its previous inspection.",
            [("Orchard Vale Surgery", "GP practice", "Requires improvement", "Good")],
        ),
        (
            "Ofsted has judged Westcombe Academy as outstanding.",
            [("Westcombe Academy", "school", "Outstanding", None)],
        ),
        (
            "Redhill College has been found to be good by Ofsted, an improvement on the ‘Requires "
            "improvement’ grade the college received in 2021. Published 2 May 2024.",
            [("Redhill College", "college", "Good", "Requires improvement")],
        ),
        (
            "Fernside Surgery has been graded ‘Inadequate’ by the regulator.",
            [("Fernside Surgery", "GP practice", "Inadequate", None)],
        ),
        # the rating verbs and their siblings
        ("Tarnbury PDU was assessed as ‘Good’.", [("Tarnbury", "PDU", "Good", None)]),
        ("Tarnbury PDU has been given a rating of ‘Good’.", [("Tarnbury", "PDU", "Good", None)]),
        ("Tarnbury PDU was awarded a rating of ‘Outstanding’.", [("Tarnbury", "PDU", "Outstanding", None)]),
        ("Tarnbury PDU has retained its ‘Good’ rating.", [("Tarnbury", "PDU", "Good", "Good")]),
        ("Tarnbury PDU has kept its rating of ‘Good’.", [("Tarnbury", "PDU", "Good", "Good")]),
        # the rating as a verb; "Probation services in X" names the unit X
        (
            "Probation services in Kestrel Bay require improvement, according to a report. "
            "The Kestrel Bay PDU supervises 2,000 people.",
            [("Kestrel Bay", "PDU", "Requires improvement", None)],
        ),
        (
            "Probation services in Ashby have been rated ‘Inadequate’. Ashby PDU has 40 staff.",
            [("Ashby", "PDU", "Inadequate", None)],
        ),
        # a second unit in a "while" clause
        (
            "Ashby CRC has been rated ‘Requires improvement’, while the National Probation Service "
            "(NPS) South division has been rated ‘Good’.",
            [("Ashby", "CRC", "Requires improvement", None), ("South", "NPS division", "Good", None)],
        ),
        # previous ratings told by time: a past year, "last inspected", "since", "N years after"
        (
            "Published 3 May 2024. Tarnbury Youth Justice Service has been rated ‘Good’. "
            "The service was rated inadequate in 2019.",
            [("Tarnbury", "YJS", "Good", "Inadequate")],
        ),
        (
            "Tarnbury YJS has been rated ‘Inadequate’, a fall of two grades since the service was "
            "rated ‘Good’ in 2019. Published 3 May 2024.",
            [("Tarnbury", "YJS", "Inadequate", "Good")],
        ),
        (
            "Tarnbury PDU has moved up one grade to ‘Requires improvement’, two years after "
            "inspectors judged it ‘Inadequate’.",
            [("Tarnbury", "PDU", "Requires improvement", "Inadequate")],
        ),
        (
            "Tarnbury PDU has been rated ‘Good’. When the service was last inspected, in 2021, it "
            "was found to ‘require improvement’.",
            [("Tarnbury", "PDU", "Good", "Requires improvement")],
        ),
        (
            "Tarnbury PDU has been rated ‘Good’. Tarnbury PDU was last inspected in 2021, when it "
            "received a score of 3 out of 27 and was rated ‘Inadequate’.",
            [("Tarnbury", "PDU", "Good", "Inadequate")],
        ),
        (
            "Tarnbury PDU was previously rated ‘Inadequate’. It has now been rated ‘Good’.",
            [("Tarnbury", "PDU", "Good", "Inadequate")],
        ),
        # names sharing one plural type word; "Both"; "respectively"
        (
            "The Ashby and Coalford youth justice services were inspected in May. "
            "Both services were rated ‘Good’.",
            [("Ashby", "YJS", "Good", None), ("Coalford", "YJS", "Good", None)],
        ),
        (
            "Reports cover two of the county’s PDUs, Ashby and Coalford, which were rated ‘Good’ "
            "and ‘Inadequate’ respectively.",
            [("Ashby", "PDU", "Good", None), ("Coalford", "PDU", "Inadequate", None)],
        ),
        # holdout2 forms, in our own words
        (
            "A new inspection of Dunmere's Youth Justice Service has found it to be ‘good’.",
            [("Dunmere", "YJS", "Good", None)],
        ),
        (
            "Hollow Vale PDU was inspected in May. Inspectors deemed it ‘inadequate’.",
            [("Hollow Vale", "PDU", "Inadequate", None)],
        ),
        (
            "The inspectorate concluded that the Wrexford Probation Delivery Unit requires improvement.",
            [("Wrexford", "PDU", "Requires improvement", None)],
        ),
        (
            "A report said that Ellbridge YJS requires improvement.",
            [("Ellbridge", "YJS", "Requires improvement", None)],
        ),
        (
            "Published 3 March 2025\n\nMorden Youth Justice Service, which was judged to require improvement in 2020, "
            "has been rated inadequate.",
            [("Morden", "YJS", "Inadequate", "Requires improvement")],
        ),
        (
            "Published 3 March 2025\n\nTarn PDU, which was rated ‘Good’ in 2019, has now been rated ‘Outstanding’.",
            [("Tarn", "PDU", "Outstanding", "Good")],
        ),
        (
            "Each PDU is scored out of 27.\n\n• Ashmoor PDU – ‘Good’ (20 points)\n"
            "• Brent Vale PDU – ‘Inadequate’ (5 points)\n",
            [("Ashmoor", "PDU", "Good", None), ("Brent Vale", "PDU", "Inadequate", None)],
        ),
        (
            "Kelby Youth Justice Service has been judged ‘Good’, its first inspection since 2018, "
            "when it was rated ‘Inadequate’.",
            [("Kelby", "YJS", "Good", "Inadequate")],
        ),
        (
            "The report on Selby Vale PDU is out. “Selby Vale was rated ‘Good’ when we last visited,” "
            "the chief inspector said.",
            [("Selby Vale", "PDU", None, "Good")],
        ),
        (
            "Ormsby Healthcare NHS Foundation Trust was inspected. The trust’s overall rating has "
            "fallen from good to requires improvement.",
            [("Ormsby Healthcare", "trust", "Requires improvement", "Good")],
        ),
        (
            "Ormsby Community NHS Trust was inspected in May. Its overall rating is now good, says the trust’s "
            "chief executive.",
            [],
        ),
        # an explicit type in the name beats a headline's description
        (
            "Bryn Mawr youth justice team judged ‘Good’\n\n"
            "Bryn Mawr Youth Offending Team (YOT) has been judged ‘Good’.",
            [("Bryn Mawr", "YOT", "Good", None)],
        ),
        (
            "Cwm Dulas youth justice service rated ‘Good’\n\nCwm Dulas YOS has been rated ‘Good’.",
            [("Cwm Dulas", "YOS", "Good", None)],
        ),
        # a number word before a name is a count, not part of the name
        ("One Wold PDU rated ‘Good’, its neighbour ‘Inadequate’", []),
        # "them" for the body just named, as the object of the rating verb
        (
            "Ofsted inspected Tarnby College again in May and gave them a second consecutive "
            "‘requires improvement’ rating.",
            [("Tarnby College", "college", "Requires improvement", "Requires improvement")],
        ),
        # "Youth Justice" alone ends a service's name; the Youth Justice Board is another body
        (
            "Penrow Youth Justice has been rated ‘Good’ by HM Inspectorate of Probation.\n\n"
            "The Youth Justice Board welcomed the report.",
            [("Penrow", "YJS", "Good", None)],
        ),
        # a report's rows of this and the previous inspection, with no separator
        (
            "Kelmarsh School\n\nPrevious inspection: Good 2\nThis inspection: Requires improvement 3\n\n"
            "The school was inspected in May.",
            [("Kelmarsh School", "school", "Requires improvement", "Good")],
        ),
        # the bracketed acronym types the words it abbreviates, however misspelt
        (
            "Tarnby and Wold Prison Delivery Unit (PDU) received the lowest rating possible.",
            [("Tarnby and Wold", "PDU", "Inadequate", None)],
        ),
        # the body's own overall rating as the object of a change
        (
            "Tarnby CRC was inspected. We have raised the CRC’s overall rating from ‘Requires improvement’ "
            "to ‘Good’.",
            [("Tarnby", "CRC", "Good", "Requires improvement")],
        ),
        # a headline in title case: a rating word is never part of a name
        ("Inspectors Rate Inadequate Tarnby PDU", [("Tarnby", "PDU", None, None)]),
        ("Outstanding Wold YOS Praised By Inspectors", [("Wold", "YOS", None, None)]),
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
        # holdout forms, in our own words
        ("Kinford Youth Justice Service scored 27 out of a maximum 36.", 27, 36),
        ("Kinford YOS has been rated ‘Good’, scoring 30 points from a maximum of 36.", 30, 36),
        # holdout2 forms, in our own words
        ("Dorrow PDU achieved a total of 5 points (out of a maximum of 27).", 5, 27),
        ("Dorrow PDU was inspected. Inspectors gave the unit an overall score of 14 (out of 27).", 14, 27),
        ("Dorrow YJS was rated ‘Good’ in most standards, giving it a total of 30 out of a maximum 36.", 30, 36),
        ("The report gives Dorrow YJS 19 points on a 36-point scale.", 19, 36),
        (
            "Dorrow PDU, which sits within the Probation Service – North West region, "
            "achieved 6 points (out of 27).",
            6,
            27,
        ),
        ("The Kinford PDU scored 8 points in total, out of a possible 27.", 8, 27),
        ("Kinford YJS was rated ‘Good’ with 24 out of a possible of 36 points.", 24, 36),
        (
            "Kinford CRC has been rated ‘Good’, while the NPS South division has been rated ‘Good’. "
            "The CRC, which is owned by a company, supervises 5,000 people. It scored 12 out of 30.",
            12,
            30,
        ),
    ],
)
def test_score(text: str, points: int, out_of: int) -> None:
    u = units(load(text)).units[0]
    assert u.score is not None and (u.score.points, u.score.out_of) == (points, out_of)


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        (
            "Inspectors visited the Brackley and Dunholm probation delivery units (PDUs). Both were "
            "rated ‘Inadequate’, scoring three and five points respectively out of a possible 27.",
            [("Brackley", 3), ("Dunholm", 5)],
        ),
        (
            "Ashby PDU and Coalford PDU were inspected. Ashby scored 10 points and Coalford 4, "
            "each out of a possible 27.",
            [("Ashby", 10), ("Coalford", 4)],
        ),
        (
            "Harwick PDU received zero out of a total of 27 inspection points. Both Ashby PDU and "
            "Coal and Wold PDU each scored just three points.",
            [("Harwick", 0), ("Ashby", 3), ("Coal and Wold", 3)],
        ),
    ],
)
def test_scores_sharing_a_maximum(text: str, scores: list[tuple[str, int]]) -> None:
    found = units(load(text))
    assert [(u.name, u.score and u.score.points) for u in found.units] == scores


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
        # holdout forms, in our own words: CQC key questions, several to a rating
        (
            "The practice was rated inadequate for being well-led, requires improvement for being "
            "safe and responsive, and good for being effective.",
            [
                (None, "well-led", "Inadequate"),
                (None, "safe", "Requires improvement"),
                (None, "responsive", "Requires improvement"),
                (None, "effective", "Good"),
            ],
        ),
        # the verb given once for a semicolon list
        (
            "Leadership was rated ‘Good’; staff ‘Requires improvement’; and information and "
            "facilities ‘Inadequate’.",
            [
                (None, "Leadership", "Good"),
                (None, "staff", "Requires improvement"),
                (None, "information and facilities", "Inadequate"),
            ],
        ),
        # a long subject; "singled out as"; "the way the service handles X"
        (
            "Work to help children resettle in the community after leaving custody was judged "
            "‘Requires improvement’, while the way the service handles out-of-court disposals was "
            "singled out as ‘Outstanding’.",
            [
                (None, "Work to help children resettle in the community after leaving custody", "Requires improvement"),
                (None, "out-of-court disposals", "Outstanding"),
            ],
        ),
        # the aspect after "for its"; the unit's own rating is not an aspect
        (
            "Pelham NPS division has been inspected. The NPS division, which supervises high-risk "
            "people, was rated ‘Outstanding’ for its court work.",
            [(None, "court work", "Outstanding")],
        ),
        (
            "Ashby YJS has been rated ‘Inadequate’ by HM Inspectorate of Probation, a fall of two "
            "grades since the service was rated ‘Good’ in 2019. Published 2 June 2023.",
            [],
        ),
        # an Ofsted grade table with dot leaders; its "Overall effectiveness" row is no aspect
        (
            "Overall effectiveness ........ Good\nThe quality of education ...... Good\n"
            "Apprenticeships ........ Requires improvement\n",
            [(None, "The quality of education", "Good"), (None, "Apprenticeships", "Requires improvement")],
        ),
        # report tables: a score column; dot leaders; unnumbered rows under numbered domains
        (
            "1.1 Governance and leadership | Outstanding | 3\n1.2 Staff Good 2\n4.1 Resettlement Not rated –\n",
            [("1.1", "Governance and leadership", "Outstanding"), ("1.2", "Staff", "Good")],
        ),
        (
            "1.1 Governance and leadership ........ Requires improvement\n1.2 Staff ........ Good\n",
            [("1.1", "Governance and leadership", "Requires improvement"), ("1.2", "Staff", "Good")],
        ),
        (
            "Ratings\n1. Organisational delivery\nLeadership Requires improvement\nStaff Good\n"
            "2. Case supervision\nAssessment Inadequate\nPlanning Good\n",
            [
                ("1.1", "Leadership", "Requires improvement"),
                ("1.2", "Staff", "Good"),
                ("2.1", "Assessment", "Inadequate"),
                ("2.2", "Planning", "Good"),
            ],
        ),
        # holdout2 forms, in our own words
        (
            "Its ratings are:\n\n- Are services safe? Good (previously inadequate)\n"
            "- Are services well-led? Requires improvement (no change)\n",
            [(None, "safe", "Good"), (None, "well-led", "Requires improvement")],
        ),
        (
            "Grade | Judgement\nThe quality of education | Good\nPersonal development | Outstanding\n",
            [(None, "The quality of education", "Good"), (None, "Personal development", "Outstanding")],
        ),
        (
            "Resettlement\nResettlement policy and provision (standard 4.1): Good\n",
            [("4.1", "Resettlement policy and provision", "Good")],
        ),
        (
            "Inspectors rated seven of the 12 areas as ‘good’, among them ‘staff’ and ‘planning and "
            "review’. The other five areas were judged ‘outstanding’.",
            [(None, "staff", "Good"), (None, "planning and review", "Good")],
        ),
        (
            "Kelby YJS scored 25 out of 36 and was rated good. Inspectors rated its victim work “Outstanding”.",
            [(None, "victim work", "Outstanding")],
        ),
        (
            "But the quality of work with children on court orders was judged to require improvement.",
            [(None, "quality of work with children on court orders", "Requires improvement")],
        ),
        (
            "Its resettlement policy and provision, which is rated separately, was also judged ‘Good’.",
            [(None, "resettlement policy and provision", "Good")],
        ),
        (
            "Its assessment and planning, which were rated separately, were judged ‘Good’.",
            [(None, "assessment", "Good"), (None, "planning", "Good")],
        ),
        # rows with no separator: a judgement table's lines, and Ofsted's graded rows run
        # together on one line by a PDF's text layer (each grade must be its rating's own)
        (
            "Judgements\nThe impact of leaders on social work practice Good\n"
            "The experiences and progress of children in care Outstanding\n",
            [
                (None, "The impact of leaders on social work practice", "Good"),
                (None, "The experiences and progress of children in care", "Outstanding"),
            ],
        ),
        (
            "Overall effectiveness Requires improvement 3 The quality of education Requires improvement 3 "
            "Behaviour and attitudes Good 2 Personal development Good 2\n",
            [
                (None, "The quality of education", "Requires improvement"),
                (None, "Behaviour and attitudes", "Good"),
                (None, "Personal development", "Good"),
            ],
        ),
        ("Behaviour and attitudes Good 3 Personal development Good 4\n", []),
        # a line of prose ending in a rating is no row
        ("Inspectors found the school Good\nThe nursery has always been Good\n", []),
        # a rating verb whose subject and auxiliary are left out after "and"
        (
            "Tarnby YJS was inspected. The quality of its resettlement work was also inspected, and separately "
            "rated as ‘Outstanding’.",
            [(None, "quality of its resettlement work", "Outstanding")],
        ),
        # a spread of ratings is no change: each goes with its own aspect
        (
            "Tarnby CRC was inspected. Ratings ranged from ‘Outstanding’ for information and facilities to "
            "‘Inadequate’ for case reviews.",
            [(None, "information and facilities", "Outstanding"), (None, "case reviews", "Inadequate")],
        ),
        # a rule of the rating scheme is no aspect
        (
            "Where the lowest score is 80% or more, the standard is rated ‘Outstanding’; between 65% "
            "and 79%, ‘Good’; and below 50%, ‘Inadequate’.",
            [],
        ),
    ],
)
def test_aspects(text: str, aspects: list[tuple[str | None, str, str]]) -> None:
    found = units(load(text))
    assert [(a.id, a.aspect, a.rating) for a in found.aspect_ratings] == aspects


def test_dot_leader_total_score() -> None:
    found = units(
        load(
            "Corran Vale YJS\n\nOverall rating ........ Requires improvement\n"
            "Total score ......................... 15/36\n"
        )
    )
    assert found.units[0].score is not None and (found.units[0].score.points, found.units[0].score.out_of) == (15, 36)
    assert found.overall_rating is not None and found.overall_rating.value == "Requires improvement"


def test_report_year_before_rating_is_previous() -> None:
    found = units(
        load(
            "Tollford PDU was inspected in March 2025.\n\nThis is our second inspection of the PDU. "
            "In 2022 we rated it ‘Requires improvement’. We have now rated the PDU ‘Inadequate’."
        )
    )
    assert [(u.rating, u.previous_rating) for u in found.units] == [("Inadequate", "Requires improvement")]


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
        ("The Probation Service East of England region should recruit more staff.", "East of England"),
        # a headline that opens with the region; a region named mid-sentence without "the" is not
        ("Wessex region probation reviews find early signs of progress\n\nTwo areas were inspected.",
         "Wessex region"),
        ("Staff in every Wessex region office were interviewed.", None),
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


@pytest.mark.parametrize(
    ("name", "expected", "overall"),
    [
        (
            "units-active-rated-as-and-key-questions.txt",
            [("Hollin Road Surgery", "GP practice", "Inadequate", "Requires improvement")],
            "Inadequate",
        ),
        (
            "units-ofsted-dot-leader-grades.txt",
            [("Ashgrove College", "college", "Requires improvement", "Good")],
            "Requires improvement",
        ),
        (
            "units-shared-plural-type-word.txt",
            [
                ("Brackley", "PDU", "Requires improvement", None),
                ("Dunholm", "PDU", "Requires improvement", None),
                ("Elmstead", "PDU", "Good", None),
                ("Farnley", "PDU", "Inadequate", None),
            ],
            "Requires improvement",
        ),
        (
            "units-previous-rating-by-time.txt",
            [("Garnet Vale", "YJS", "Good", "Inadequate")],
            "Good",
        ),
        (
            "units-rating-as-verb-and-while-clause.txt",
            [
                ("Kestrel Bay", "PDU", "Requires improvement", None),
                ("Linwood", "PDU", "Good", None),
                ("Westmarch", "CRC", None, None),
            ],
            "Requires improvement",
        ),
    ],
)
def test_documents(name: str, expected: list[tuple[str, str, str | None, str | None]], overall: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    assert _units(text) == expected
    found = units(load(text)).overall_rating
    assert found is not None and found.value == overall


def _record(name: str) -> Record:
    return extract(DOCS / name)


# Real published forms, each in a fixture written in our own words (see the fixture's text):
# the record's units, the overall rating and the aspects, read with the document's profile.
@pytest.mark.parametrize(
    ("name", "units_expected", "overall", "aspects"),
    [
        (  # CQC news: the home named as the object of "gave", an earlier rating "last year"
            "units-cqc-care-home-named-object.txt",
            [("Larchmere House", "other", "Good", "Inadequate")],
            "Good",
            [("safety", "Good"), ("effectiveness", "Good"), ("care", "Good"), ("responsive", "Good"),
             ("well-led", "Good")],
        ),
        (  # "A care home has been rated ...": the home named in the next sentence; "as were"
            "units-cqc-indefinite-subject.txt",
            [("Hollies Care Home", "other", "Inadequate", "Good")],
            "Inadequate",
            [("safe", "Inadequate"), ("well led", "Inadequate"), ("effective", "Requires improvement"),
             ("caring", "Requires improvement"), ("responsive", "Requires improvement")],
        ),
        (  # prisons: named prisons are units without a grade; healthy prison tests are aspects
            "units-prisons-healthy-prison-tests.txt",
            [("Kestrel Moor", "prison", None, None), ("Fenwick", "young offender institution", None, None)],
            None,
            [("safety", "Poor"), ("purposeful activity", "Poor"), ("safety", "Reasonably good"),
             ("respect", "Reasonably good"), ("resettlement", "Reasonably good")],
        ),
        (  # HMICFRS: "branded the force", PEEL pillars "Inadequate for its effectiveness"
            "units-hmicfrs-peel-grades.txt",
            [("Wexmoor Police", "police force", "Inadequate", None),
             ("Ormsby Constabulary", "police force", None, None)],
            "Inadequate",
            [("effectiveness", "Inadequate"), ("efficiency", "Requires improvement"), ("legitimacy", "Good"),
             ("effectively reducing crime and keeping people safe", "Good"),
             ("operating efficiently and providing sustainable services to the public", "Outstanding")],
        ),
        (  # round-ups: a bracketed list, a list with its count, a rating heading
            "units-roundup-lists.txt",
            [("Ashfield", "YOS", "Outstanding", None), ("Bramley", "YOS", "Good", None),
             ("Colby and Dunmore", "YOS", "Good", None), ("Eastcote", "YOS", "Good", None),
             ("Fairholme", "YOS", "Good", None), ("Glenbrook", "YOS", "Requires improvement", None),
             ("Harwood", "YOS", "Requires improvement", None), ("Ivybridge", "YOS", "Requires improvement", None),
             ("Jarrow", "YOS", "Requires improvement", None), ("Kettleby", "YOS", "Inadequate", None)],
            "Outstanding",
            [],
        ),
        (  # Ofsted children's services: judgements "for" each area, an old "adequate" grade
            "units-ofsted-ilacs-judgements.txt",
            [("Marlbury", "council", "Good", "Adequate"),
             ("Marlbury Safeguarding Children Partnership", "other", "Good", None)],
            "Good",
            [("the impact of leaders on social work practice with children and families", "Outstanding"),
             ("children who need help and protection", "Good"),
             ("the experiences and progress of children in care", "Good")],
        ),
        (  # "the lowest possible rating"; a range of ratings is no rating; a comparison is none
            "units-superlatives-and-ranges.txt",
            [("Harnley", "PDU", "Inadequate", None), ("Oakvale", "PDU", "Good", None),
             ("Pennick", "PDU", "Good", None)],
            "Inadequate",
            [],
        ),
        (  # a service page that never names its inspectorate: read with the care home's profile
            "units-service-page-no-inspectorate.txt",
            [("Bramble Court Care Home", "other", "Requires improvement", None)],
            "Requires improvement",
            [],
        ),
    ],
)
def test_documents_of_every_inspectorate(
    name: str,
    units_expected: list[tuple[str, str, str | None, str | None]],
    overall: str | None,
    aspects: list[tuple[str, str]],
) -> None:
    rec = _record(name)
    assert [(u.name, u.type, u.rating, u.previous_rating) for u in rec.units] == units_expected
    assert (rec.overall_rating.value if rec.overall_rating else None) == overall
    assert [(a.aspect, a.rating) for a in rec.aspect_ratings] == aspects
    assert not rec.warnings


def test_service_page_date_is_the_inspection_not_the_publication() -> None:
    rec = _record("units-service-page-no-inspectorate.txt")
    assert rec.dates.published is None
    assert rec.dates.fieldwork is not None and rec.dates.fieldwork.start == "2024-03-12"


def test_council_named_with_what_it_owns() -> None:
    text = "Harwick City Council’s children’s services have been judged ‘good’ by Ofsted."
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.type, u.rating) for u in found.units] == [("Harwick", "council", "Good")]
    assert found_text(text, found.units[0].span) == "Harwick City Council’s children’s services"


def test_ratings_received_for_a_list_of_judgements() -> None:
    text = (
        "Tarnby Council was inspected by Ofsted. Good ratings were received for the impact of leaders on "
        "social work practice with children and families and the experiences and progress of children who "
        "need help and protection; and an Outstanding rating for the experiences and progress of children in care."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [
        ("the impact of leaders on social work practice with children and families", "Good"),
        ("the experiences and progress of children who need help and protection", "Good"),
        ("the experiences and progress of children in care", "Outstanding"),
    ]


def test_overall_effectiveness_in_a_list_of_judgements_rates_the_unit() -> None:
    text = (
        "Tarnby Council was inspected by Ofsted. Good ratings were received for the impact of leaders on "
        "social work practice with children and families, the experiences and progress of children who "
        "need help and protection and overall effectiveness; and an Outstanding rating for the experiences "
        "and progress of children in care."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.rating) for u in found.units] == [("Tarnby", "Good")]
    assert found.overall_rating is not None and found_text(text, found.overall_rating.span) == "Good"
    assert "overall effectiveness" not in [a.aspect for a in found.aspect_ratings]
    # without it, the list rates the aspects alone
    alone = units(load(text.replace(" and overall effectiveness", "")), inspectorate="Ofsted")
    assert [(u.name, u.rating) for u in alone.units] == [("Tarnby", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials for the whole name, met after it
        (
            "Tarnby Wold Valley CRC has been rated ‘Good’. Staff were proud to work for TWV CRC.",
            [("Tarnby Wold Valley", "CRC", "Good", None)],
        ),
        # initials for part of the name (small word included), met first: the full name is shown
        (
            "Inspectors rate Fenwick & IOW CRC as good.\n\nFenwick and Isle of Wight Community "
            "Rehabilitation Company (CRC) has been given an overall ‘Good’ rating.",
            [("Fenwick and Isle of Wight", "CRC", "Good", None)],
        ),
        # a county's customary short form
        (
            "Beds Police has been rated inadequate. Bedfordshire Police said it would act.",
            [("Bedfordshire Police", "police force", "Inadequate", None)],
        ),
        # a comma before the last "and" of a name written without one elsewhere
        (
            "Ashby, Coalford and Wold PDU was rated ‘Good’. Its head said: “Ashby, Coalford, and Wold PDU "
            "has worked hard.”",
            [("Ashby, Coalford and Wold", "PDU", "Good", None)],
        ),
        # initials that abbreviate nothing named are a body of their own
        (
            "Tarnby Wold PDU was rated ‘Good’. TWX PDU was rated ‘Inadequate’.",
            [("Tarnby Wold", "PDU", "Good", None), ("TWX", "PDU", "Inadequate", None)],
        ),
    ],
)
def test_one_body_named_two_ways_is_one_unit(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _units(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors are concerned about four forces: the Wexmoor Police, Ormsby, Tarn and Fell, and Wold.",
        "The work of four forces – the Wexmoor Police, Ormsby, Tarn and Fell, and Wold – is of concern.",
        "The work of four forces — the Wexmoor Police, Ormsby, Tarn and Fell, and Wold — is of concern.",
    ],
)
def test_bodies_listed_after_their_plural_type(text: str) -> None:
    assert _units(text) == [
        ("Wexmoor Police", "police force", None, None),
        ("Ormsby", "police force", None, None),
        ("Tarn and Fell", "police force", None, None),
        ("Wold", "police force", None, None),
    ]


def test_a_dash_after_a_plural_sets_off_no_list_of_clauses() -> None:
    text = "Two forces – both in the north – were inspected, and Wexmoor Police was rated ‘Good’."
    assert _units(text) == [("Wexmoor Police", "police force", "Good", None)]


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        # a web page's grade table copied one cell a line: this inspection's column first
        ("Ofsted has inspected Tarnby City Council’s children’s services.\n\n2024 Grade\n\n2019 Grade\n\n"
         "Overall effectiveness\n\nRequires Improvement to be Good\n\nInadequate\n", "Requires improvement"),
        ("Ofsted has inspected Tarnby City Council’s children’s services.\n\nOverall rating:\nGood\n", "Good"),
        # a line of prose under the label is no rating
        ("Ofsted has inspected Tarnby City Council’s children’s services.\n\nOverall\n\nGood progress was made.\n",
         None),
    ],
)
def test_overall_label_over_its_rating(text: str, rating: str | None) -> None:
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.rating) for u in found.units] == [("Tarnby", rating)]


def test_with_and_a_participle_rates_its_subject() -> None:
    text = "This showed in our ratings, with Tarnby PDU achieving a ‘Good’ overall rating."
    assert _units(text) == [("Tarnby", "PDU", "Good", None)]


def test_a_change_at_the_last_inspection_ends_in_the_previous_rating() -> None:
    text = (
        "Tarnby Council’s children’s services have been judged ‘good’ by Ofsted. Tarnby Council’s children’s "
        "services were last inspected in 2019 and upgraded from inadequate to ‘requires improvement to be good’."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.rating, u.previous_rating) for u in found.units] == [("Good", "Requires improvement")]
    # a change since the last inspection ends in the current rating
    since = "Tarnby PDU was inspected. Since it was last inspected in 2019, it has gone from ‘Good’ to ‘Inadequate’."
    assert [(u.rating, u.previous_rating) for u in units(load(since)).units] == [("Inadequate", "Good")]


def test_past_tense_rating_as_the_verb_is_the_previous_rating() -> None:
    text = (
        "Tarnby High School has been rated inadequate by Ofsted. Its previous inspection in 2019 "
        "found the school required improvement."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.rating, u.previous_rating) for u in found.units] == [("Inadequate", "Requires improvement")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rating verb with a name as its object and the rating unquoted
        ("The regulator rated Tarnby Surgery outstanding.", [("Tarnby Surgery", "GP practice", "Outstanding")]),
        # two of a kind coordinated; a lower-case type phrase after a name
        (
            "The regulator rated Tarnby Surgery and Wold Surgery ‘good’.",
            [("Tarnby Surgery", "GP practice", "Good"), ("Wold Surgery", "GP practice", "Good")],
        ),
        (
            "The regulator rated Ash House medical centre and Wold medical practice outstanding.",
            [("Ash House", "GP practice", "Outstanding"), ("Wold", "GP practice", "Outstanding")],
        ),
        ("Tarnby and Wold NHS FT was rated inadequate.", [("Tarnby and Wold", "trust", "Inadequate")]),
        # a place before a generic type is a description, and "good at" rates a part
        ("Kent GP practice rated good by the regulator", []),
        ("Inspectors rated Tarnby Surgery good at listening to patients.", [("Tarnby Surgery", "GP practice", None)]),
    ],
)
def test_care_quality_commission_forms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = units(load(text), inspectorate="Care Quality Commission")
    assert [(u.name, u.type, u.rating) for u in found.units] == expected


def test_a_proper_noun_subject_is_no_aspect() -> None:
    text = "Services in Ashby, Coalford and Wold were described as ‘inadequate’."
    assert units(load(text)).aspect_ratings == ()


def test_many_names_are_found_as_a_few_are(monkeypatch: pytest.MonkeyPatch) -> None:
    """With many names in a long text, the text is read token by token instead of once
    per name: the references found are the same."""
    from inspection_extract.extract import _refs

    names = sorted({f"Wold{i} North" for i in range(60)} | {"Wold1", "Ash Vale"}, key=len, reverse=True)
    text = " ".join(f"Wold{i} North’s staff, Wold{i}s and (Ash Vale)." for i in range(0, 70, 3)) + " Wold1 was rated."
    monkeypatch.setattr(_refs, "_FIND_BUDGET", 1000)
    assert len(names) * len(text) > _refs._FIND_BUDGET
    by_words = _refs._bare_names(text, names)
    monkeypatch.setattr(_refs, "_FIND_BUDGET", 10**12)
    by_find = _refs._bare_names(text, names)
    # 20 "WoldN North" (N < 60), 24 "Ash Vale", the one "Wold1"
    assert by_words == by_find and len(by_words) == 45


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a previous rating named as such: "from a previous rating of", "its previous grade was"
        (
            "Tarnby Academy has sunk to the bottom standard from a previous rating of ‘good’.",
            [("Tarnby Academy", "school", "Inadequate", "Good")],
        ),
        (
            "Tarnby Academy has been rated ‘good’. Its previous overall grade was ‘inadequate’.",
            [("Tarnby Academy", "school", "Good", "Inadequate")],
        ),
        (
            "Tarnby Academy has been rated ‘good’. Tarnby Academy’s previous rating was ‘inadequate’.",
            [("Tarnby Academy", "school", "Good", "Inadequate")],
        ),
        # "from the assessment of X it gave it": an earlier verdict; a closing mark typed for an
        # opening one after a space still quotes the rating
        (
            "Ofsted has upgraded Wold Borough Council to ’good’ from the assessment of ‘requires improvement’ "
            "it gave it in 2014.",
            [("Wold Borough", "council", "Good", "Requires improvement")],
        ),
        # a rating before the noun of a verdict, the unit inside the subject ("staff at ...")
        (
            "Staff at Tarnby Day Nursery are celebrating an outstanding Ofsted report.",
            [("Tarnby Day Nursery", "nursery", "Outstanding", None)],
        ),
        # "a good report" alone is praise, not a rating
        (
            "Staff at Tarnby Day Nursery are celebrating a good report from parents.",
            [("Tarnby Day Nursery", "nursery", None, None)],
        ),
    ],
)
def test_ofsted_news_forms(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.type, u.rating, u.previous_rating) for u in found.units] == expected


def test_ofsted_judgements_named_in_a_news_sentence() -> None:
    text = (
        "Tarnby Academy was rated ‘inadequate’. Early years provision was rated ‘good’ and the sixth form "
        "‘requires improvement’, but quality of education, behaviour and leadership were all judged to be "
        "‘inadequate’. The report rates three of its provision types – courses for apprentices, adult "
        "learners and learners with high needs – as ‘good’."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [
        ("Early years provision", "Good"),
        ("sixth form", "Requires improvement"),
        ("quality of education", "Inadequate"),
        ("behaviour", "Inadequate"),
        ("leadership", "Inadequate"),
        ("courses for apprentices", "Good"),
        ("adult learners", "Good"),
        ("learners with high needs", "Good"),
    ]
    # a weak form alone is read by the clause rules, not from the vocabulary
    alone = units(load("Tarnby Academy was inspected. Behaviour in the dining hall was good."), inspectorate="Ofsted")
    assert alone.aspect_ratings == ()


def test_trust_named_after_a_capitalised_description() -> None:
    text = (
        "THE NHS trust with 900 beds in Tarnby has been rated as “requiring improvement” for the fourth time. "
        "Inspectors said Tarnby and Wold NHS Trust, which runs Tarnby General Hospital, needed to improve. "
        "More than three-quarters of services at its hospitals are now rated as good. "
        "Of the two, TGH was judged as requiring improvement."
    )
    found = units(load(text), inspectorate="Care Quality Commission")
    # "for the fourth time": the same rating as before; a share of services rated is a tally
    assert [(u.name, u.rating, u.previous_rating) for u in found.units] == [
        ("Tarnby and Wold", "Requires improvement", "Requires improvement")
    ]
    # "Of the two" is no aspect
    assert found.aspect_ratings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Tarnby PDU was rated ‘Inadequate’, with inspections of Ash PDU and Wold and Vale PDU both rated as "
        "‘Requires improvement’.",
        "Tarnby PDU was rated ‘Inadequate’. They join Ash PDU and Wold and Vale PDU – which were all rated "
        "‘Requires improvement’ in reports published in May – in completing the series.",
    ],
)
def test_subjects_of_absolute_and_dashed_relative_clauses(text: str) -> None:
    assert _units(text) == [
        ("Tarnby", "PDU", "Inadequate", None),
        ("Ash", "PDU", "Requires improvement", None),
        ("Wold and Vale", "PDU", "Requires improvement", None),
    ]


def test_a_body_named_after_its_owner_is_one_unit() -> None:
    text = (
        "Ashcorp’s Tarnby Community Rehabilitation Company requires improvement, inspectors said. "
        "Tarnby Community Rehabilitation Company supervises 8,000 people."
    )
    assert _units(text) == [("Tarnby", "CRC", "Requires improvement", None)]
    # a place's own possessive stays in its name when no shorter name is given
    assert [u[0] for u in _units("King’s Wold PDU was rated ‘Good’.")] == ["King’s Wold"]


def test_a_byline_run_on_to_a_name_is_cut_off() -> None:
    text = "By Sam RidingTarnby Youth Justice Service has been rated ‘Good’."
    assert _units(text) == [("Tarnby", "YJS", "Good", None)]
    # a name's own inner capital stays
    assert [u[0] for u in _units("McDonald Vale PDU was rated ‘Good’.")] == ["McDonald Vale"]


def test_ratings_given_for_aspects_without_an_auxiliary() -> None:
    text = (
        "Tarnby YJS was inspected. ‘Inadequate’ ratings given for assessment and planning in out-of-court "
        "disposals had dragged the overall rating down."
    )
    found = units(load(text))
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [
        ("assessment", "Inadequate"),
        ("planning", "Inadequate"),
        ("out-of-court disposals", "Inadequate"),
    ]


def test_a_stop_word_run_on_to_a_caption_is_no_name() -> None:
    text = "Tarnby PDU was rated ‘Inadequate’. Image: Gazette archiveThe probation service responsible was praised."
    assert _units(text) == [("Tarnby", "PDU", "Inadequate", None)]


def test_a_rating_and_the_names_it_rates_on_one_line() -> None:
    text = (
        "Of the 16 youth offending services inspected, eight required improvement.\n\n"
        "- One service ‘Outstanding’ - Ashby\n\n"
        "- Three services ‘Good’ - Coalford, Wold and Vale, and Tarnby.\n\n"
        "Requires improvement: Ellbridge, Mossley"
    )
    assert [(u.name, u.rating) for u in units(load(text)).units] == [
        ("Ashby", "Outstanding"),
        ("Coalford", "Good"),
        ("Wold and Vale", "Good"),
        ("Tarnby", "Good"),
        ("Ellbridge", "Requires improvement"),
        ("Mossley", "Requires improvement"),
    ]


def test_a_turn_to_the_latest_inspection_makes_the_earlier_rating_previous() -> None:
    text = (
        "Tarnby Primary School was graded ‘inadequate’ after an inspection in December 2013, but after its most "
        "recent inspection inspectors graded it ‘good’."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.rating, u.previous_rating) for u in found.units] == [("Good", "Inadequate")]
    # a near miss is no rating
    near = "Tarnby Primary School has been rated ‘good’, “a fraction away from Outstanding”, the head said."
    found = units(load(near), inspectorate="Ofsted")
    assert [(u.rating, u.previous_rating) for u in found.units] == [("Good", None)]


def test_an_anaphor_with_a_modifier() -> None:
    text = (
        "The probation service in the south east has been struggling. The regional division has been given an "
        "overall rating of “requires improvement”. The Tarnby and Wold division oversees 16,000 people."
    )
    assert _units(text) == [("Tarnby and Wold", "NPS division", "Requires improvement", None)]


def test_a_body_named_by_the_acronym_given_after_its_full_name() -> None:
    text = (
        "The Board considered an inspection of the Tarnby Youth Justice Service (TYJS). In summary, the overall "
        "judgement was that TYJS was good. TYJS works with Wold PDU."
    )
    found = units(load(text))
    assert [(u.name, u.type, u.rating) for u in found.units] == [("Tarnby", "YJS", "Good"), ("Wold", "PDU", None)]
    # the unit's evidence is its full naming
    assert text[found.units[0].span[0] : found.units[0].span[1]] == "Tarnby Youth Justice Service"
    # letters that are not its initials name something else
    other = "Tarnby Youth Justice Service (YJB) was inspected. YJB was rated good."
    assert [(u.name, u.rating) for u in units(load(other)).units] == [("Tarnby", None)]


def test_two_bodies_set_off_by_dashes_after_services_share_a_score() -> None:
    text = (
        "We have rated four probation services ‘Inadequate’. Two of the services – West Tarnby and Wold North – "
        "scored just one point out of a possible 27."
    )
    found = units(load(text))
    assert [(u.name, u.type, u.score) for u in found.units] == [
        ("West Tarnby", "PDU", Score(1, 27)),
        ("Wold North", "PDU", Score(1, 27)),
    ]


def test_a_school_named_with_a_lower_case_type_and_rated_once_again() -> None:
    text = (
        "Pupils at Tarnby Primary school are celebrating the news that once again the school has been judged "
        "to be outstanding by inspectors."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.type, u.rating, u.previous_rating) for u in found.units] == [
        ("Tarnby Primary school", "school", "Outstanding", "Outstanding")
    ]


def test_bodies_listed_after_are_at_the_end_of_a_sentence_about_their_kind() -> None:
    text = (
        "HMP Tarnby was inspected. The other prisons that have so far been told of a visit are Ashby, The Wold "
        "and Coalford."
    )
    found = units(load(text), inspectorate="HM Inspectorate of Prisons")
    assert [(u.name, u.type) for u in found.units] == [
        ("Tarnby", "prison"), ("Ashby", "prison"), ("The Wold", "prison"), ("Coalford", "prison")
    ]
    # a list after "are" in a sentence that names no kind of body is no list of bodies
    plain = "HMP Tarnby was inspected. The inspectors are Ashby, Wold and Coalford."
    assert [u.name for u in units(load(plain), inspectorate="HM Inspectorate of Prisons").units] == ["Tarnby"]


def test_offices_and_governing_bodies_are_not_units() -> None:
    # an inspector's office names no body; a person's title before a body is no part of its name
    text = (
        "England’s Chief Inspector of General Practice has rated Tarnby Medical Centre as Inadequate.\n"
        "Cllr Sam Wold, Chair of Tarnby Fire and Rescue Authority said: “We accept the findings.”"
    )
    found = units(load(text), inspectorate="Care Quality Commission")
    assert [(u.name, u.type, u.rating) for u in found.units] == [("Tarnby Medical Centre", "GP practice", "Inadequate")]
    fire = "Tarnby Fire and Rescue Service was rated adequate. Tarnby Fire and Rescue Authority oversees it."
    found = units(load(fire), inspectorate="HM Inspectorate of Constabulary and Fire & Rescue Services")
    assert [u.name for u in found.units] == ["Tarnby Fire and Rescue Service"]


def test_a_count_of_bodies_rates_no_aspect_and_a_document_with_no_unit_rates_no_part() -> None:
    text = (
        "Of the acute trusts inspected this spring, eight were rated as “requires improvement” for safety. "
        "Fewer hospitals were rated as good for safety than for effectiveness, caring or well-led."
    )
    found = units(load(text), inspectorate="Care Quality Commission")
    assert found.units == () and found.aspect_ratings == ()
    # a count of parts does rate them
    parts = "Tarnby YJS was rated ‘Good’ in nine of the 12 areas, including ‘resettlement’ and victim work."
    assert ("victim work", "Good") in [(a.aspect, a.rating) for a in units(load(parts)).aspect_ratings]


def test_ratings_overall_as_well_as_in_listed_aspects() -> None:
    text = "Tarnby PDU was inspected. It was rated ‘inadequate’ overall as well as in leadership, staffing and "
    text += "planning."
    found = units(load(text))
    assert [u.rating for u in found.units] == ["Inadequate"]
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [
        ("leadership", "Inadequate"), ("staffing", "Inadequate"), ("planning", "Inadequate")
    ]


@pytest.mark.parametrize(
    "first",
    [
        "A service has been rated as “requires improvement”.",
        "Inspectors have rated a service dealing with young offenders as “requires improvement”.",
    ],
)
def test_an_indefinite_service_is_the_unit_the_document_names(first: str) -> None:
    text = first + "\nHM Inspectorate of Probation inspected Tarnby Youth Justice Service (YJS) in April."
    assert _units(text) == [("Tarnby", "YJS", "Requires improvement", None)]


def test_a_rating_given_after_the_last_inspection_is_current() -> None:
    text = (
        "Ofsted has rated Tarnby Nursery School in Mill Close, Wold as Outstanding following a short inspection "
        "in February - four years after its last inspection."
    )
    found = units(load(text), inspectorate="Ofsted")
    assert [(u.name, u.rating, u.previous_rating) for u in found.units] == [
        ("Tarnby Nursery School", "Outstanding", None)
    ]
    # a rating at the last inspection is still the previous one
    last = "Tarnby Nursery School was rated Good at its last inspection."
    found = units(load(last), inspectorate="Ofsted")
    assert [(u.rating, u.previous_rating) for u in found.units] == [(None, "Good")]


def test_key_questions_side_by_side_are_two_and_a_practice_page_reads_as_cqc() -> None:
    text = (
        "Inspectors rated Tarnby NHS Trust ‘good’ in four (safe, effective responsive and well-led) of the five "
        "key areas, the fifth (caring) was rated outstanding."
    )
    found = units(load(text), inspectorate="Care Quality Commission")
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [
        ("safe", "Good"), ("effective", "Good"), ("responsive", "Good"), ("well-led", "Good"), ("caring", "Outstanding")
    ]
    # a practice's page that never names its regulator is read with the regulator's words
    page = "Tarnby Green Surgery\n\nOverall the practice remains rated as good and Safe is now rated good."
    found = units(load(page))
    assert [(u.name, u.type) for u in found.units] == [("Tarnby Green Surgery", "GP practice")]
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == [("Safe", "Good")]


@pytest.mark.parametrize(
    ("text", "inspectorate", "expected"),
    [
        (  # CQC's key questions as the services a practice provides
            "Inspectors rated Tarnby Surgery as Inadequate for providing services that were safe, responsive "
            "to people’s needs and well-led, Requires Improvement for providing effective services, and Good for "
            "caring services.",
            "Care Quality Commission",
            [("safe", "Inadequate"), ("responsive", "Inadequate"), ("well-led", "Inadequate"),
             ("effective", "Requires improvement"), ("caring", "Good")],
        ),
        (  # quoted, introduced by "for being", and after a dash and "whether services are"
            "Tarnby Surgery was rated ‘inadequate overall’ after an inspection found that it was inadequate for "
            "‘safe’ and ‘well-led’ and required improvements for being ‘effective’. The practice was deemed 'good' "
            "for how caring its services are, but was categorised as 'inadequate' for the remaining ratings - "
            "whether services are responsive to people's needs.",
            "Care Quality Commission",
            [("safe", "Inadequate"), ("well-led", "Inadequate"), ("effective", "Requires improvement"),
             ("caring", "Good"), ("responsive", "Inadequate")],
        ),
        (  # ILACS 2018-2023: children in care and care leavers are one judgement
            "Wold Council’s children’s services were judged ‘good’, with an Outstanding rating for the "
            "experiences and progress of children in care and care leavers.",
            "Ofsted",
            [("the experiences and progress of children in care and care leavers", "Outstanding")],
        ),
    ],
)
def test_aspects_of_an_inspectorate(text: str, inspectorate: str, expected: list[tuple[str, str]]) -> None:
    found = units(load(text), inspectorate=inspectorate)
    assert [(a.aspect, a.rating) for a in found.aspect_ratings] == expected
