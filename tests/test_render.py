"""`render_html` and `inspection-extract show`: the review page, read back as HTML (no browser)."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import FIXTURES, fixture_documents, fixture_id, result_for

from inspection_extract import extract
from inspection_extract._api import BatchResult
from inspection_extract.cli import run
from inspection_extract.errors import InputError
from inspection_extract.record import Count, Dates, Field, Fieldwork, Quote, Recommendations, Record, Source
from inspection_extract.render import FIELD_KINDS, render_documents, render_html

SEED = FIXTURES / "corpus" / "seed-birmingham-nes-2022.txt"
# A document is untrusted input: markup in its text must reach the reader as text.
HOSTILE = (
    "Hostile Town PDU rated ‘Inadequate’ <script>window.__pwned = 1</script>\n\n"
    "Chief Inspector of Probation Ann Example said: “We read 40 cases \"><img src=x onerror=\"window.__pwned=2\"> "
    "and <b onmouseover=alert(1)>more</b>.”\n\n"
    "Contact: press@example.org</textarea></title><!--"
)


def spans_of(data: Any) -> list[tuple[int, int]]:
    """Every span in a record's JSON, found by walking it (independently of the renderer)."""
    found: list[tuple[int, int]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("span", "speaker_span") and value is not None:
                found.append((value[0], value[1]))
            else:
                found += spans_of(value)
    elif isinstance(data, list):
        for value in data:
            found += spans_of(value)
    return found


def evidence(page: str) -> dict[str, tuple[tuple[int, int], str]]:
    """Each value's span (from its first mark) and the text of its marks joined in document order."""
    spans: dict[str, tuple[int, int]] = {}
    texts: dict[str, str] = {}
    for mark in lxml.html.fromstring(page).iter("mark"):
        key = mark.get("data-ev")
        if mark.get("id") == key:
            start, end = mark.get("data-span").split()
            spans[key] = (int(start), int(end))
        # text_content() holds the text of marks nested in this one too: the value's own evidence
        texts[key] = texts.get(key, "") + mark.text_content()
    assert set(spans) == set(texts)
    return {key: (spans[key], texts[key]) for key in spans}


def check_page(record: Record, page: str) -> None:
    """The text pane is the record's text, and every span of the record is marked over its evidence."""
    pane = lxml.html.fromstring(page).find_class("text")[0]
    assert pane.text_content() == record.text
    found = evidence(page)
    assert sorted(span for span, _ in found.values()) == sorted(spans_of(record.to_dict()))
    for key, ((start, end), text) in found.items():
        assert text == record.text[start:end], key


@pytest.fixture(params=[p for p in fixture_documents() if result_for(p).record is not None], ids=fixture_id)
def fixture_record(request: pytest.FixtureRequest) -> Record:
    record = result_for(request.param).record
    assert record is not None
    return record


def test_every_value_of_every_fixture_is_marked_over_its_evidence(fixture_record: Record) -> None:
    check_page(fixture_record, render_html(fixture_record))


def test_a_hostile_document_is_shown_as_text() -> None:
    record = extract(HOSTILE, media_type="text/plain")
    page = render_html(record)
    tree = lxml.html.fromstring(page)
    assert tree.find_class("text")[0].text_content() == record.text
    scripts = tree.findall(".//script")
    assert len(scripts) == 1 and "__pwned" not in (scripts[0].text or "")
    assert tree.findall(".//img") == [] and tree.findall(".//b") == [] and tree.findall(".//textarea") == []
    handlers = [(el.tag, a) for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    assert handlers == []
    assert record.quotes and "onerror" in record.quotes[0].text  # the attack reached a value, and the panel
    check_page(record, page)


def test_the_page_is_self_contained_and_allows_only_its_own_style_and_script() -> None:
    page = render_html(extract(SEED))
    tree = lxml.html.fromstring(page)
    assert not re.search(r"(?:src|href)\s*=\s*\"(?!#)", page)
    assert {el.tag for el in tree.iter() if isinstance(el.tag, str)} & {"link", "img", "iframe", "object"} == set()
    csp = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in csp

    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    assert f"style-src {digest(tree.find('.//style').text)}" in csp
    assert f"script-src {digest(tree.find('.//script').text)}" in csp


def test_spans_that_cross_are_split_into_marks_that_hold_the_evidence_together() -> None:
    text = "He said: “We saw 40 cases” and 12 more cases."
    quote = Quote(text="We saw 40 cases", span=(10, 25), speaker="He", speaker_span=(0, 2))
    crossing = Count(value=40, text="40 cases” and 12", span=(17, 33))
    inner = Count(value=12, text="12 more cases", span=(31, 44))
    record = Record(source=Source(None, "text/plain", "0" * 64), text=text, quotes=(quote,),
                    counts=(crossing, inner), title=Field("He said", (0, 7)))
    page = render_html(record)
    check_page(record, page)
    marks = lxml.html.fromstring(page).find_class("text")[0].findall(".//mark")
    assert len([m for m in marks if m.get("id")]) == 5  # one anchor per value
    assert len(marks) > 5  # and continuation marks where spans cross


def test_values_from_a_pdf_show_their_page() -> None:
    record = result_for(FIXTURES / "corpus" / "report-pdu-calderbrook-2023.pdf").record
    assert record is not None
    tree = lxml.html.fromstring(render_html(record))
    pages = [el.text_content() for el in tree.find_class("page")]
    assert record.overall_rating is not None and record.overall_rating.page is not None
    assert f"p.\xa0{record.overall_rating.page}" in pages
    titles = [m.get("title") for m in tree.iter("mark") if m.get("title", "").startswith("overall rating:")]
    assert titles == [f"overall rating: {record.overall_rating.value} (page {record.overall_rating.page})"]


def test_hovering_names_the_field() -> None:
    # the title names the mark's own field, and any other value read from the very same words
    tree = lxml.html.fromstring(render_html(extract(SEED)))
    titles = {}
    for mark in tree.iter("mark"):
        kind = mark.get("class").split()[1].removeprefix("k-")
        lines = mark.get("title").split("\n")
        assert any(line.startswith(FIELD_KINDS[kind][0] + ": ") for line in lines), (kind, lines)
        titles[mark.get("data-span")] = lines
    assert titles["2396 2417"] == ["count: eight recommendations", "recommendations: 8 recommendations"]


def test_several_documents_on_one_page_keep_failures_in_the_list() -> None:
    ok = BatchResult(0, str(SEED), record=extract(SEED))
    bad = BatchResult(1, "missing.txt", error=InputError("no such file: missing.txt"))
    tree = lxml.html.fromstring(render_documents([ok, bad]))
    entries = [li.text_content() for li in tree.find(".//nav").iter("li")]
    assert entries == ["seed-birmingham-nes-2022.txt — Inadequate", "missing.txt InputError: no such file: missing.txt"]
    ids = [m.get("id") for m in tree.iter("mark") if m.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith("d0-") for i in ids)


# --- the command line -------------------------------------------------------------------------

def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return run(args, stdout=out), out.getvalue()


def test_show_writes_one_page(tmp_path: Path) -> None:
    status, out = _run(["show", str(SEED), "-o", str(tmp_path / "seed.html")])
    assert (status, out) == (0, "")
    assert (tmp_path / "seed.html").read_text(encoding="utf-8") == render_html(extract(SEED))
    status, out = _run(["show", str(SEED)])
    assert status == 0 and out == render_html(extract(SEED))


def test_show_writes_one_page_per_document_or_one_with_a_list(tmp_path: Path) -> None:
    other = FIXTURES / "corpus" / "pr-three-london-pdus-2024.html"
    missing = tmp_path / "missing.txt"
    status, out = _run(["show", str(SEED), str(other), str(missing), "--out-dir", str(tmp_path / "pages")])
    assert status == 1
    names = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert names == ["missing.txt.html", "pr-three-london-pdus-2024.html.html", "seed-birmingham-nes-2022.txt.html"]
    assert "no such file" in (tmp_path / "pages" / "missing.txt.html").read_text(encoding="utf-8")
    status, _ = _run(["show", str(SEED), str(other), "-o", str(tmp_path / "both.html")])
    tree = lxml.html.parse(str(tmp_path / "both.html")).getroot()
    assert status == 0 and len(tree.find(".//nav").findall(".//li")) == 2


def test_show_reads_stdin_and_says_when_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "inspection_extract.cli", "show", "-"], input=SEED.read_bytes(),
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == render_html(extract(SEED.read_bytes()))
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert _run(["show", str(SEED), "-o", str(blocker / "page.html")])[0] == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_total_without_span_and_an_inferred_year_are_shown_in_the_panel() -> None:
    text = "Inspectors visited in November. They made four recommendations."
    record = Record(source=Source(None, "text/plain", "0" * 64), text=text,
                    recommendations=Recommendations(total=4),
                    dates=Dates(fieldwork=Fieldwork("2023-11", "2023-11", (22, 30), year_inferred=True)))
    panel = lxml.html.fromstring(render_html(record)).find_class("record")[0].text_content()
    assert "4 recommendations" in panel
    assert "fieldwork: 2023-11 (year inferred)" in panel
    assert "None" not in panel
