"""Recommendations: examples grouped by the kind of document the form came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract._load import load
from inspection_extract.extract.recommendations import recommendations
from inspection_extract.record import Recommendations

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"


def _recs(text: str, media_type: str | None = None) -> Recommendations | None:
    doc = load(text, media_type=media_type)
    found = recommendations(doc)
    if found is not None:
        # Every value is grounded: its span is the evidence.
        for item in found.items:
            assert doc.text[item.span[0] : item.span[1]] == item.text
        for part in found.split:
            assert part.span[1] > part.span[0]
    return found


def _summary(found: Recommendations | None) -> tuple[int | None, list[int]] | None:
    if found is None:
        return None
    return found.total, sorted(s.count for s in found.split)


Expected = tuple[int | None, list[int]] | None

# (text, (total, sorted split counts)) for prose.
PROSE: dict[str, list[tuple[str, Expected]]] = {
    "press release": [
        ("The report makes nine recommendations: six for the Head of Service at Sefton YJS, "
         "and three for the management board.", (9, [3, 6])),
        # "a total of" is the total, not a part of another; the split runs on after it
        ("The report makes a total of four recommendations. Two recommendations are for "
         "Harbeck YJS, including to review its plans.", (4, [2])),
        ("Inspectors made 12 recommendations, eight for the YJS management board and four "
         "for the chief executive of the council.", (12, [4, 8])),
        ("The report makes five recommendations, all for the NPS North East division.", (5, [5])),
        ("The report makes two recommendations, both for the YJS management board.", (2, [2])),
        ("All six of the report’s recommendations are for the regional probation director.", (6, [6])),
        ("The report makes ten recommendations, five of which are aimed at changes at a local "
         "level within the PDU.", (10, [5])),
        ("The three reports make 19 recommendations in total, including four aimed at the "
         "London regional probation director.", (19, [4])),
        ("HM Inspectorate of Probation have made eight recommendations as a result of this "
         "inspection. Five of the recommendations were aimed at changes at a local level, calling "
         "on Northmoor to improve its work. The remaining three recommendations were for the "
         "Probation Service – North East region and HMPPS.", (8, [3, 5])),
        ("Inspectors made seven recommendations. Four of these are aimed at the PDU itself, "
         "and the remaining", (7, [4])),
        ("The reports contain 13 recommendations between them: six for Hull PDU and seven for "
         "North and North East Lincolnshire PDU.", (13, [6, 7])),
    ],
    "split without a total": [
        # Only the parts are stated: no total is invented.
        ("The report made five recommendations to the PDU and two to the East of England region.",
         (None, [2, 5])),
    ],
    "single recipient": [
        ("The report made six recommendations to the PDU, including reducing workloads, "
         "checking domestic abuse records, and improving oversight.", (6, [6])),
    ],
    "news and blogs": [
        ("The report makes seven recommendations, most of them for the service's management board.",
         (7, [])),
        ("There are ten recommendations in the report. Five are for the PDU itself; the rest are "
         "not assigned.", (10, [5])),
        ("“The inspectors have made two recommendations and we'll be working on both of them.”",
         (2, [])),
        ("The council will publish an action plan on the four areas for improvement identified "
         "by Ofsted.", (4, [])),
    ],
    "fact boxes and totals placed elsewhere": [
        # A fact box line gives the total; the split stands in a sentence of its own.
        ("At a glance\nRating: Good\nRecommendations: 6\n\nThe service was rated Good.", (6, [])),
        ("At a glance\nPrevious rating: not previously inspected\nRecommendations: 6\n\nOf the six "
         "recommendations, four are for the board and two for the council.", (6, [2, 4])),
        # "Of the N recommendations, ..." opens on the total.
        ("Of the nine recommendations, six are for the PDU and three for the region.", (9, [3, 6])),
        # The total after its split.
        ("The report makes four recommendations to the board and two to the council, six in total.",
         (6, [2, 4])),
        ("It makes three recommendations to the PDU and one to HMPPS, a total of four.", (4, [1, 3])),
        # The total inside the first part: the part is 3, the total 10.
        ("Three of the report’s ten recommendations are for the region; the other seven are for the PDU.",
         (10, [3, 7])),
        ("Two of the eight recommendations are aimed at HMPPS, and the remaining six are for the PDU.",
         (8, [2, 6])),
        # The second part leaves out its verb after "the remaining".
        ("The report makes seven recommendations. Five are directed at the PDU, and the remaining two "
         "at the region.", (7, [2, 5])),
    ],
    "news: one body told what it should do": [
        ("Inspectors made one recommendation: that the board should meet more often.", (1, [1])),
        ("Inspectors made two recommendations: that the board should meet more often and "
         "that the council should fund two posts.", (2, [])),
    ],
    "news: several units, each its own count": [
        # No document-wide total: each unit's count is a part and the total is null.
        ("<h1>Two services inspected</h1><h2>Northgate: Good</h2><p>Northgate scored well. "
         "Inspectors made two recommendations.</p><h2>Southgate: Inadequate</h2>"
         "<p>Southgate scored badly.</p><p>Southgate received nine recommendations.</p>",
         (None, [2, 9])),
        # The same total said twice (story and notes) is still the total.
        ("<h1>Northgate rated good</h1><p>Inspectors made two recommendations.</p>"
         "<h2>Notes to editors</h2><p>The report makes two recommendations.</p>", (2, [])),
    ],
    "Ofsted": [
        ("The report identifies one area where the school could improve further: reading.", (1, [])),
        ("Inspectors found two areas in which the college needs to improve.", (2, [])),
    ],
    "CQC: 'should improve' is an advisory action, not a recommendation": [
        ("Inspectors found one area where the surgery should improve, on record keeping.", None),
    ],
    "parts that leave out the verb": [
        ("The report makes nine recommendations. Six are aimed at the PDU, two at the region, and one "
         "at HMPPS.", (9, [1, 2, 6])),
        ("The report makes nine recommendations. Six are aimed at the PDU, two at the region and one "
         "at HMPPS.", (9, [1, 2, 6])),
        # A list after a colon: each bullet its own count and recipient.
        ("The report makes five recommendations:\n• three for the head of the PDU\n• two for HMPPS\n\nENDS",
         (5, [2, 3])),
        # The recipient first: a split with no stated total leaves the total null.
        ("Northgate PDU receives four recommendations and Southgate PDU two.", (None, [2, 4])),
        ("The board gets three recommendations, the council two and the police one.", (None, [1, 2, 3])),
    ],
    "traps": [
        # One recipient named first: the count is the total too.
        ("Northgate PDU receives four recommendations.", (4, [4])),
        # "N of the M recommendations" of an earlier inspection: not this report's total.
        ("Five of the nine recommendations from our last inspection were for the PDU.", None),
        # "a total of" something else is not the total of the split.
        ("It makes three recommendations to the PDU and one to HMPPS, after reading a total of 46 cases.",
         (None, [1, 3])),
        # Follow-up counts of an earlier inspection are not this report's.
        ("Inspectors found that nine of the 12 recommendations from our previous report had been "
         "fully met. The remaining three had been partly achieved. Four new recommendations are "
         "made in the report: three for the head of the PDU and one for the region.", (4, [1, 3])),
        ("Only three of the seven recommendations we made then had been fully implemented. "
         "This report makes 11 recommendations.", (11, [])),
        ("The PDU had implemented four of the six recommendations from our last inspection.", None),
        ("The report makes a number of recommendations, aimed at reducing waiting times.", None),
        # A list of bodies receives all of them: not a split.
        ("The joint report makes 15 recommendations to government departments, the Youth Justice "
         "Board, police forces and local partnerships.", (15, [])),
        # What the recommendations are for is not who they are for.
        ("The report makes 11 recommendations to improve the quality of work.", (11, [])),
        # Another body's recommendations.
        ("The Lammy Review made 35 recommendations. This report makes four recommendations.",
         (4, [])),
        ("The report makes no recommendations.", (0, [])),
        # A contents page: "5" ends the line before "Recommendations".
        ("Contents\nRatings .......... 5\nRecommendations .......... 6", None),
        ("The trust has been told it must make 21 improvements and should make a further 14.", None),
    ],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, id=f"{group}-{i}") for group, rows in PROSE.items() for i, (t, e) in enumerate(rows)],
)
def test_prose(text: str, expected: Expected) -> None:
    assert _summary(_recs(text)) == expected


REPORT_LIST = """Recommendations

As a result of our inspection findings, we have made five recommendations.

Northmoor PDU should:
1. improve the quality of risk assessments, making sure that information from the police
is obtained before the first appointment
2. reduce the workloads of newly qualified officers.

The Probation Service – North East region should:
1. develop a recruitment plan for the PDU
2. make sure that programmes are available.

HMPPS should:
3. review the national guidance on case allocation.

Contextual facts
1. Organisational delivery"""


# (text, media type, [(count, recipient)]): who each part is for, as written.
RECIPIENTS = [
    ("Inspectors made eight recommendations. Five are aimed at the PDU, two at the Probation "
     "Service – South Central region, and one at HM Prison and Probation Service.", None,
     [(5, "PDU"), (2, "Probation Service – South Central region"), (1, "HM Prison and Probation Service")]),
    ("Eastfield PDU receives three recommendations and Westfield PDU five.", None,
     [(3, "Eastfield PDU"), (5, "Westfield PDU")]),
    ("The report makes nine recommendations:\n• six for the Regional Probation Director\n• three for HMPPS",
     None, [(6, "Regional Probation Director"), (3, "HMPPS")]),
    # An HTML list: each <li> becomes a paragraph of its own after the colon.
    ("<p>The report makes nine recommendations:</p><ul><li>six for the director</li>"
     "<li>three for HMPPS</li></ul><p>ENDS</p>", "text/html", [(6, "director"), (3, "HMPPS")]),
    ("Seven of the report’s 11 recommendations are for the YJS management board; the other four "
     "are addressed to the council.", None, [(7, "YJS management board"), (4, "council")]),
]


@pytest.mark.parametrize(("text", "media_type", "expected"), RECIPIENTS)
def test_split_recipients(text: str, media_type: str | None, expected: list[tuple[int, str]]) -> None:
    found = _recs(text, media_type=media_type)
    assert found is not None
    assert [(s.count, s.recipient) for s in found.split] == expected


def test_fact_box_total_span_is_the_line() -> None:
    doc = load("At a glance\nRecommendations: 7\n\nOf the seven recommendations, five are for the PDU.")
    found = recommendations(doc)
    assert found is not None and found.total == 7 and found.span is not None
    assert doc.text[found.span[0] : found.span[1]] == "Recommendations: 7"


def test_report_list() -> None:
    found = _recs(REPORT_LIST)
    assert found is not None
    assert found.total == 5
    assert [(s.recipient, s.count) for s in found.split] == [
        ("Northmoor PDU", 2), ("Probation Service – North East region", 2), ("HMPPS", 1),
    ]
    assert [i.text[:20] for i in found.items] == [
        "improve the quality ", "reduce the workloads", "develop a recruitmen",
        "make sure that progr", "review the national ",
    ]
    # A wrapped item keeps its line break: text is exactly the span's text.
    assert found.items[0].text.endswith("from the police\nis obtained before the first appointment")


# Report summaries head each recipient's items with "For X" / "To X:", not "X should:".
FOR_HEADINGS = [
    ("Recommendations\n\nWe make three recommendations.\n\nFor the PDU:\n1. Cut workloads.\n"
     "2. Train staff.\n\nFor HMPPS:\n3. Review guidance.", [("PDU", 2), ("HMPPS", 1)]),
    ("Recommendations\n\nFor the head of service\n1. Cut workloads.\n\nFor Northgate Council\n"
     "2. Fund two posts.", [("head of service", 1), ("Northgate Council", 1)]),
    ("Our recommendations\n\nTo the Probation Service – North region:\n• audit risk plans.\n"
     "• publish data.", [("Probation Service – North region", 2)]),
    ("Recommendations for the board\n1. Meet monthly.\n2. Hear from children.", [("board", 2)]),
]


@pytest.mark.parametrize(("text", "expected"), FOR_HEADINGS)
def test_for_headings(text: str, expected: list[tuple[str, int]]) -> None:
    found = _recs(text)
    assert found is not None
    assert [(s.recipient, s.count) for s in found.split] == expected
    assert found.total == sum(n for _, n in expected)


# PDU reports label each item with its recipient in a bracket (pdf-holdout2); PDF text may
# lose the blank line between two items.
LABELLED = (
    "Recommendations\n\nRecommendation 1 (for the head of the PDU): Cut caseloads for new\nofficers.\n\n"
    "Recommendation 2 (for the head of the PDU): Train staff in risk.\n"
    "Recommendation 3 (for HMPPS): Review the workload tool.\n\nBackground\n\nText."
)


def test_labelled_items() -> None:
    found = _recs(LABELLED)
    assert found is not None
    assert [(s.recipient, s.count) for s in found.split] == [("head of the PDU", 2), ("HMPPS", 1)]
    assert [(i.recipient, i.text) for i in found.items] == [
        ("head of the PDU", "Cut caseloads for new\nofficers."),
        ("head of the PDU", "Train staff in risk."),
        ("HMPPS", "Review the workload tool."),
    ]
    assert found.total == 3


def test_labelled_items_must_be_numbered_from_one() -> None:
    # A cross-reference to one recommendation is not the list.
    assert _recs("See Recommendation 4 (for HMPPS): review the tool.\n\nRecommendation 4 (for HMPPS): x") is None


def test_for_heading_needs_talk_of_recommendations() -> None:
    # "For ..." over a numbered list that is not about recommendations is not a heading.
    assert _recs("Notes to editors\n\nFor the avoidance of doubt\n1. The PDU covers two towns.") is None


def test_report_list_without_stated_total() -> None:
    found = _recs("HMPPS should:\n1. review guidance.\n2. publish data.")
    assert found is not None
    assert (found.total, found.span) == (2, None)


def test_html_list_without_numbers() -> None:
    html = (
        "<h2>Recommendations</h2><p>The PDU should:</p><ol><li>improve the quality of work</li>"
        "<li>reduce workloads.</li></ol><p>HMPPS should:</p><ul><li>review guidance.</li></ul>"
        "<h2>Background</h2><p>the PDU covers two towns.</p>"
    )
    found = _recs(html, media_type="text/html")
    assert found is not None
    assert [(i.recipient, i.text) for i in found.items] == [
        ("PDU", "improve the quality of work"), ("PDU", "reduce workloads."), ("HMPPS", "review guidance."),
    ]


# (fixture document, total, split counts in order, number of items)
FIXTURES = [
    ("recommendations-item-across-page-break.txt", 5, [2, 2, 1], 5),
    ("recommendations-follow-up-not-new.txt", 8, [5, 3], 0),
    ("recommendations-none-made.txt", 0, [], 0),
    ("recommendations-recipient-list.txt", 12, [], 0),
]


@pytest.mark.parametrize(("name", "total", "split", "n_items"), FIXTURES)
def test_fixture_documents(name: str, total: int, split: list[int], n_items: int) -> None:
    found = _recs((DOCS / name).read_text(encoding="utf-8"))
    assert found is not None
    assert found.total == total
    assert [s.count for s in found.split] == split
    assert len(found.items) == n_items


def test_item_broken_by_page_furniture_stops_before_it() -> None:
    found = _recs((DOCS / "recommendations-item-across-page-break.txt").read_text(encoding="utf-8"))
    assert found is not None
    first = found.items[0].text
    assert first.startswith("agree with the police") and "An inspection of" not in first
    # The rest of the broken item is not read as a new item, and the list ends at "Background".
    assert found.items[1].text == "give newly qualified officers protected time for training."
    assert found.items[-1].text == "publish guidance on home visits."


def test_nothing_stated() -> None:
    assert _recs("The PDU was rated Good. Staff were positive about their managers.") is None


def test_bulleted_recipient_headings_over_bulleted_items() -> None:
    """Council minutes bullet the recipients' headings as they bullet the items, indented,
    with lines holding a single space between them."""
    text = (
        "The report made the following three recommendations:\n \n"
        "  • The Tarnby Youth Justice Service manager should:\n \n"
        "  • ensure that assessments considered the safety of others.\n"
        "  • ensure that plans were reviewed.\n \n"
        "  • The Tarnby Youth Justice Management Board should:\n \n"
        "  • ensure that the service was resourced.\n"
    )
    found = recommendations(load(text))
    assert found is not None and found.total == 3
    assert [(s.count, s.recipient) for s in found.split] == [
        (2, "Tarnby Youth Justice Service manager"),
        (1, "Tarnby Youth Justice Management Board"),
    ]
    assert [i.text for i in found.items][0] == "ensure that assessments considered the safety of others."
