"""Inspectorate, title and document type: tables of examples grouped by source."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract._load import load
from inspection_extract.extract.meta import document_type, inspectorate, title

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"


def _inspectorate(text: str) -> tuple[str, str] | None:
    doc = load(text)
    found = inspectorate(doc)
    return None if found is None else (found.value, doc.text[found.span[0] : found.span[1]])


INSPECTORATES = [
    ("X PDU was rated by Her Majesty’s Inspectorate of Probation.",
     ("HM Inspectorate of Probation", "Her Majesty’s Inspectorate of Probation")),
    ("X PDU was rated by His Majesty's Inspectorate of Probation.",
     ("HM Inspectorate of Probation", "His Majesty's Inspectorate of Probation")),
    ("A report from HMI Probation found this.", ("HM Inspectorate of Probation", "HMI Probation")),
    ("The service was visited by the probation inspectorate in May.",
     ("HM Inspectorate of Probation", "the probation inspectorate")),
    ("Justin Russell\nHM Chief Inspector of Probation",
     ("HM Inspectorate of Probation", "HM Chief Inspector of Probation")),
    ("The Care Quality Commission (CQC) has rated the home outstanding.",
     ("Care Quality Commission", "Care Quality Commission")),
    ("CQC downgrades the trust to inadequate.", ("Care Quality Commission", "CQC")),
    ("Children’s services have been judged to require improvement by Ofsted.", ("Ofsted", "Ofsted")),
    # A joint inspection: its lead, however often the partner is named.
    ("HMICFRS and HMICFRS again.\n\n1. This is a joint thematic inspection led by HM Inspectorate of "
     "Probation with HMICFRS.", ("HM Inspectorate of Probation", "HM Inspectorate of Probation")),
    # Not the inspectorate of a quoted body.
    ("The minister said: “Ofsted told us so.” The report by HM Inspectorate of Probation was clear.",
     ("HM Inspectorate of Probation", "HM Inspectorate of Probation")),
    ("The service was praised by inspectors.", None),
]


@pytest.mark.parametrize(("text", "expected"), INSPECTORATES)
def test_inspectorate(text: str, expected: tuple[str, str] | None) -> None:
    assert _inspectorate(text) == expected


def _title(text: str) -> str | None:
    doc = load(text)
    found = title(doc)
    if found is None:
        return None
    assert " ".join(doc.text[found.span[0] : found.span[1]].split()) == found.value
    return found.value


TITLES = [
    # HTML: the <h1>.
    ("<html><body><nav>Menu</nav><h1>Wiltshire  YJS\nrated ‘Outstanding’</h1><p>Body.</p></body></html>",
     "Wiltshire YJS rated ‘Outstanding’"),
    # Press releases: the headline under the embargo line.
    ("EMBARGOED UNTIL 00:01 THURSDAY 8 DECEMBER 2022\n\n"
     "Joint inspection: too many children not helped\n\nBody.",
     "Joint inspection: too many children not helped"),
    ("Sefton YJS ‘Requires improvement’\n\nSefton Youth Justice Service has been rated.",
     "Sefton YJS ‘Requires improvement’"),
    ("date 2025-09-25\nUnpaid work: long waits, inspectors find\n\nBody.",
     "Unpaid work: long waits, inspectors find"),
    ("30 March 2023 - County Durham probation service rated ‘Good’\n\nBody.",
     "County Durham probation service rated ‘Good’"),
    # Scraped pages: skip link, cookie banner, licence strip, breadcrumbs before the headline.
    ("Skip to content\n\nAre you OK with cookies?\n\nMenu\nHome\nAbout us\n\n"
     "Home > Media > Press releases\n\n"
     "Essex North probation service rated ‘Good’\n\nBody.", "Essex North probation service rated ‘Good’"),
    # News pages: masthead, section label and byline are not the headline.
    ("BRISTOL CITY TIMES\n\nThursday, July 20, 2023\n\nProbation watchdog finds staff shortages\n\n"
     "By A Reporter, Crime Reporter", "Probation watchdog finds staff shortages"),
    ("Gazette | News | Crime\n\nKirklees probation service rated inadequate\n\nBy Tom Ellery",
     "Kirklees probation service rated inadequate"),
    # A report's cover, without the running page number.
    ("Inspection of youth justice services: Swindon 4\n\nForeword",
     "Inspection of youth justice services: Swindon"),
    ("An inspection of probation services in:\nWakefield PDU\nHM Inspectorate of Probation\nOCTOBER 2022",
     "An inspection of probation services in: Wakefield PDU"),
    # No headline kept: a dateline and standfirst open the text.
    ("GWENT ARGUS\n\nNEWPORT, Thursday 13 March 2025 — Newport's youth justice service must improve its work "
     "with children leaving custody, inspectors have said.\n\nMore text.", None),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_title(text: str, expected: str | None) -> None:
    assert _title(text) == expected


# Every corpus document's genre; a blog is commentary, so the record calls it "other".
GENRES = {
    "press_release": "press_release", "report": "report", "news_article": "news_article",
    "blog": "other",
}
CORPUS_DOCS = sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".html"))


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_document_type_of_corpus(path: Path) -> None:
    import json

    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    assert document_type(load(path)) == GENRES[gold["genre"]]


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_inspectorate_of_corpus(path: Path) -> None:
    import json

    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    found = inspectorate(load(path))
    assert (found.value if found else None) == gold.get("inspectorate")


DOCUMENT_TYPES = [
    ("Headline\n\nBody.\n\nENDS\n\nNotes to editors\n\n1. Media enquiries: media@example.gov.uk",
     "press_release"),
    ("Contents\n\nForeword\n\nRatings\n\nOverall rating Good", "report"),
    ("Headline\n\nBy A Reporter\n\nBody.\n\nREAD MORE: Other story\n\nAdvertisement", "news_article"),
    ("Headline\n\nPosted by A Writer\n\nBody.\n\nLabels: inspections\n\n3 comments:", "other"),
    ("Nothing to go on.", "other"),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENT_TYPES)
def test_document_type(text: str, expected: str) -> None:
    assert document_type(load(text)) == expected


def test_fixture_newspaper_page_is_news() -> None:
    assert document_type(load(DOCS / "contacts-newsdesk-not-press.txt")) == "news_article"
