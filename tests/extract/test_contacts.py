"""Press contacts: a table of examples grouped by where the form came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract._load import load
from inspection_extract.extract.contacts import contacts

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"


def _emails(text: str) -> list[str]:
    doc = load(text)
    found = contacts(doc)
    for c in found:
        assert doc.text[c.span[0] : c.span[1]] == c.email
    return [c.email for c in found]


CONTACTS = [
    # Notes to editors of inspectorate releases.
    ("7. For media enquiries, please contact media@hmiprobation.gov.uk (E-mail address)",
     ["media@hmiprobation.gov.uk"]),
    ("6. Media enquiries: media@hmiprobation.gov.uk", ["media@hmiprobation.gov.uk"]),
    ("6. Please contact media@hmiprobation.gov.uk for further information.", ["media@hmiprobation.gov.uk"]),
    ("6. For further information please contact the press office: media@hmiprobation.gov.uk",
     ["media@hmiprobation.gov.uk"]),
    ("6. Contact media@hmiprobation.gov.uk for interviews and further information.",
     ["media@hmiprobation.gov.uk"]),
    ("6. Media contact: HMIProbation.Media@justiceinspectorates.gov.uk",
     ["HMIProbation.Media@justiceinspectorates.gov.uk"]),
    ("Journalists can contact our press team at media@hmiprobation.gov.uk.", ["media@hmiprobation.gov.uk"]),
    # A "Contact:" label straight before the address.
    ("4. Contact: media@hmiprobation.gov.uk", ["media@hmiprobation.gov.uk"]),
    ("Contact: press@example.ac.uk", ["press@example.ac.uk"]),
    # CQC and council press pages: a person's phone first, the address on its own line.
    ("Please contact A Person on 020 7946 0961, or the CQC press office by email at press.office@cqc.org.uk.",
     ["press.office@cqc.org.uk"]),
    ("Media contact:\npress.office@example.gov.uk", ["press.office@example.gov.uk"]),
    # Web pages: the address under a heading line of its own.
    ("Media enquiries\nEmail media@hmiprobation.gov.uk. Out of hours, call 07000 000 000.",
     ["media@hmiprobation.gov.uk"]),
    ("Press office\n\nEmail press@example.gov.uk", ["press@example.gov.uk"]),
    # ... but a heading for the public is not one.
    ("Further information\nEmail info@example.gov.uk", []),
    ("Make a complaint to the press office\nEmail help@example.gov.uk", []),
    # Each address once.
    ("Media enquiries: media@hmiprobation.gov.uk\n\nMedia enquiries: media@hmiprobation.gov.uk",
     ["media@hmiprobation.gov.uk"]),
    # Never licence boilerplate, newspaper furniture or a writer's own inbox.
    ("To view this licence, write to the Information Policy Team, The National Archives, Kew, London "
     "TW9 4DU, or email: psi@nationalarchives.gov.uk.", []),
    ("For further information, or email: psi@nationalarchives.gov.uk.", []),
    ("Contact: newsdesk@northernpaper.co.uk", []),
    ("Got a story? Contact the newsdesk on news@yorkcourier.co.uk or call 01904 555 010.", []),
    ("Youth Justice Weekly is published by Example Press Ltd. Editorial enquiries: editor@yjweekly.co.uk",
     []),
    ("If you work in the PDU, my inbox is open: writer@example.blog (confidentiality guaranteed).", []),
]


@pytest.mark.parametrize(("text", "expected"), CONTACTS)
def test_contacts(text: str, expected: list[str]) -> None:
    assert _emails(text) == expected


def test_fixture_newsdesk_is_not_a_press_contact() -> None:
    assert contacts(load(DOCS / "contacts-newsdesk-not-press.txt")) == []


def test_fixture_release_contact() -> None:
    found = contacts(load(DOCS / "dates-embargo-winter-hours.txt"))
    assert [c.email for c in found] == ["media@hmiprobation.gov.uk"]
