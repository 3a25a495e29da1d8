"""The spaCy component: the same record as `extract`, its evidence as labelled spans."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import spacy

from inspection_extract import extract
from inspection_extract.spacy_component import LABELS, evidence

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")  # another component before it: any English pipeline
    nlp.add_pipe("inspection_extract")
    return nlp


def _words(s: str) -> str:
    # without whitespace, ligatures spelt out: the loader repairs a PDF's text layer ("i mprovement", "ﬁve")
    return "".join(unicodedata.normalize("NFKC", s).split())


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_record_is_extracts_and_spans_hold_its_evidence(nlp, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    record = extract(text)
    assert doc._.inspection.to_dict() == record.to_dict()
    expected = sorted((a, -b, label, record.text[a:b]) for label, (a, b) in evidence(record))
    got = sorted((s.start_char, -s.end_char, s.label_, s.text) for s in doc.spans["inspection"])
    assert [e[2] for e in got] == [e[2] for e in expected]
    for g, e in zip(got, expected, strict=True):
        # a span covers whole tokens: the evidence, or the token it is part of ("TimesHM Inspectorate")
        assert _words(e[3]) in _words(g[3]), (g, e)
    assert {s.label_ for s in doc.spans["inspection"]} <= set(LABELS)


def test_spans_are_placed_in_text_that_is_not_normalised(nlp) -> None:
    text = "\n  Kirklees   PDU has been  rated ‘Inadequate’   by HM Inspectorate of Probation.  \n\n\n"
    doc = nlp(text)
    labels = {s.label_: s.text for s in doc.spans["inspection"]}
    assert labels["overall_rating"] == "Inadequate"
    assert labels["unit"].startswith("Kirklees")


def test_an_empty_doc_has_no_record(nlp) -> None:
    doc = nlp("   ")
    assert doc._.inspection is None
    assert list(doc.spans["inspection"]) == []


def test_displacy_renders_the_spans(nlp) -> None:
    doc = nlp(TEXTS[0].read_text(encoding="utf-8"))
    html = spacy.displacy.render(doc, style="span", options={"spans_key": "inspection"})
    assert "overall_rating" in html or "unit" in html


def test_the_factory_is_found_through_its_entry_point() -> None:
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('inspection_extract')\n"
        "doc = nlp('Kirklees PDU has been rated ‘Inadequate’.')\n"
        "print(doc._.inspection.overall_rating.value)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "Inadequate"
