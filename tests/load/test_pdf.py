"""PDF input: every repair rule, page numbers and boxes, and the errors for bad PDFs.

Generated fixtures (fixtures/pdf/, written by fixtures/pdf/make_pdfs.py) test one layout
rule each; the corpus reports (fixtures/corpus/report-*.pdf) test the same rules on
LibreOffice output, whose traps are described in their gold.json notes.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from inspection_extract._document import Document
from inspection_extract._load import _pdf_read, load
from inspection_extract._load.repair import join_hyphenated, repair_extracted_text, vocabulary
from inspection_extract.errors import EncryptedPdfError, NoTextLayerError, PdfError, TooManyPagesError

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "fixtures" / "pdf"
CORPUS = ROOT / "fixtures" / "corpus"
HOLDOUT = ROOT / "fixtures" / "pdf-holdout"
CORPUS_PDFS = sorted(p.name for p in CORPUS.glob("report-*.pdf"))


@cache
def doc(name: str) -> Document:
    path = PDFS / name if (PDFS / name).exists() else CORPUS / name
    return load(path)


def line_of(d: Document, needle: str) -> str:
    """The whole line of ``d.text`` holding ``needle`` (fails when absent)."""
    i = d.text.index(needle)
    start = d.text.rfind("\n", 0, i) + 1
    end = d.text.find("\n", i)
    return d.text[start : end if end >= 0 else len(d.text)]


# --- ratings tables: one row a line, cells apart with " | " ----------------------------------


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "ruled-table.pdf",
            [
                "Brackenmoor PDU | Score 11/27",
                "Overall rating | Requires improvement",
                "2.5 Reviewing | Outstanding",
            ],
        ),
        (
            "shaded-cells.pdf",
            ["Overall rating | Requires improvement", "1.4 Information and facilities | Inadequate"],
        ),
        (
            "table-across-pages.pdf",
            ["2.4 Implementation and delivery | Requires improvement", "2.5 Reviewing | Outstanding"],
        ),
        (
            "report-pdu-calderbrook-2023.pdf",
            [
                "Calderbrook PDU | Score 3/27",
                "Overall rating | Inadequate",
                "1.1 Leadership | Requires improvement",
            ],
        ),
        (
            "report-pdu-harwick-stoneleigh-2022.pdf",
            [
                "Overall rating | Good",
                "1.2 Staff | Requires improvement",
                "Harwick and Stoneleigh PDU – Fieldwork started: June 2022 | Score: 17/27",
            ],
        ),
        # split across a page break without a repeated header: rows go on after the furniture
        (
            "report-crc-mercia-welland-2019.pdf",
            [
                "1.4 Information and facilities | Requires improvement",
                "2.1 Assessment | Requires improvement",
                "4.2 Through the Gate | Requires improvement",
            ],
        ),
        (
            "report-yjs-ravensford-2024.pdf",
            [
                "Overall rating | Outstanding",
                "1.3 Partnerships and services | Outstanding",
                "4.1 Resettlement policy and provision | Good",
            ],
        ),
    ],
)
def test_ratings_rows_are_lines(name: str, rows: list[str]) -> None:
    lines = doc(name).text.split("\n")
    for row in rows:
        assert row in lines


def test_unruled_table_keeps_pdfium_rows_in_one_block() -> None:
    d = doc("unruled-table.pdf")
    block = d.paragraph_at(d.text.index("Overall rating"))
    assert block is not None
    para = d.text[block[0] : block[1]]
    assert "Overall rating Requires improvement" in para.split("\n")
    assert "2.5 Reviewing Outstanding" in para.split("\n")


def test_domain_pages_keep_the_plain_form() -> None:
    # the small rating boxes in chapters are not ratings tables: pdfium's wrapped form stays
    d = doc("report-pdu-calderbrook-2023.pdf")
    assert "1.1 Leadership Requires\nimprovement" in d.text


# --- words split by extraction ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("split-words.pdf", "Overall rating Requires improvement"),
        ("split-words.pdf", "1.1 Leadership Inadequate"),
        ("split-words.pdf", "1.3 Partnerships and services Good"),
        ("report-pdu-harwick-stoneleigh-2022.pdf", "1.2 Staff | Requires improvement"),
    ],
)
def test_split_words_joined(name: str, word: str) -> None:
    assert word in doc(name).text


def test_close_words_stay_apart() -> None:
    assert "Two words printed close together stay apart" in doc("split-words.pdf").text


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_no_split_rating_words_in_corpus(name: str) -> None:
    text = doc(name).text
    for broken in ("i mprovement", "Inadeq uate", "Partners hips"):
        assert broken not in text


# --- hyphenation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "present", "absent"),
    [
        ("hyphenation.pdf", "inspections of Brackenmoor PDU", "inspec-"),
        ("hyphenation.pdf", "well-established engagement forum", "wellestablished"),
        ("hyphenation.pdf", "post-sentence team", "postsentence"),
        ("report-pdu-calderbrook-2023.pdf", "inspection programme", "in-spection"),
        ("report-pdu-calderbrook-2023.pdf", "well-established", "wellestablished"),
        ("report-pdu-calderbrook-2023.pdf", "post-sentence supervision", "postsentence"),
        ("report-pdu-calderbrook-2023.pdf", "Probation Service – North West", "\ufffe"),
        ("report-pdu-calderbrook-2023.pdf", "weaknesses in risk management", "weak-nesses"),
    ],
)
def test_hyphenation(name: str, present: str, absent: str) -> None:
    text = doc(name).text
    assert present in text
    assert absent not in text.replace(present, "")


def test_rejoined_word_is_on_one_line() -> None:
    # the whole word moves to the next line, so no span crosses a line break mid-word
    assert line_of(doc("hyphenation.pdf"), "inspections").startswith("inspections of")


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("inspec", "tions", True),
        ("high", "quality", False),
        ("post", "sentence", False),
        ("ex", "perienced", True),
    ],
)
def test_join_hyphenated(left: str, right: str, joined: bool) -> None:
    vocab = vocabulary(["inspection high quality of the sentence plan, experienced staff"])
    assert join_hyphenated(left, right, vocab) is joined


# --- characters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_characters_normalised(name: str) -> None:
    text = doc(name).text
    for bad in ("\r", "\ufffe", "\uf0b7", "\ufb01", "\ufb02", "\x02"):
        assert bad not in text
    assert "\n\n\n" not in text


def test_ligatures_spelt_out() -> None:
    text = doc("report-yjs-ravensford-2024.pdf").text
    assert "findings" in text
    assert "ﬁ" not in text


def test_bullets_become_bullet_character() -> None:
    assert "\n• " in doc("report-pdu-calderbrook-2023.pdf").text


# --- headers, footers, page numbers --------------------------------------------------------------


def test_running_header_and_page_of_footer_removed() -> None:
    text = doc("headers-footers.pdf").text
    assert "Inspection of probation services: Brackenmoor PDU" not in text
    assert "Page 3 of 5" not in text
    assert "This is the end of the background." in text  # body lines that end a page stay


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("report-pdu-calderbrook-2023.pdf", "An inspection of probation services in: Calderbrook PDU"),
        (
            "report-pdu-harwick-stoneleigh-2022.pdf",
            "Inspection of probation services: Harwick and Stoneleigh PDU",
        ),
        ("report-crc-mercia-welland-2019.pdf", "Inspection of probation services: Mercia and Welland CRC"),
        ("report-yjs-ravensford-2024.pdf", "Inspection of youth justice services: Ravensford"),
    ],
)
def test_corpus_headers_and_page_numbers_removed(name: str, header: str) -> None:
    d = doc(name)
    assert header not in d.text.split("\n")
    for number in ("7", "12", "Page 7 of 22"):
        assert number not in d.text.split("\n")


# --- paragraphs, columns, pages -------------------------------------------------------------------


def test_paragraphs_and_wrapped_lines() -> None:
    d = doc("headers-footers.pdf")
    para = d.paragraph_at(d.text.index("Leaders had a clear view"))
    assert para is not None
    text = d.text[para[0] : para[1]]
    assert text.startswith("Leaders had a clear view") and text.endswith("since the last contact.")
    assert text.count("\n") == 2  # three printed lines, one paragraph


def test_two_columns_read_column_by_column() -> None:
    # pdfium orders the columns itself; the paragraph that breaks across the columns stays whole
    text = doc("two-columns.pdf").text
    assert text.index("circumstances.") < text.index("Staff told us")
    para = text[text.index("The quality of assessment") :].split("\n\n")[0]
    assert para.endswith("circumstances.")


def test_corpus_two_column_paragraph_continues_across_columns() -> None:
    d = doc("report-pdu-calderbrook-2023.pdf")
    span = d.paragraph_at(d.text.index("Lessons from serious case reviews had been"))
    assert span is not None
    assert "they had changed practice" in d.text[span[0] : span[1]]


def test_pages_separated_by_blank_line() -> None:
    d = doc("headers-footers.pdf")
    for start in d.page_starts[1:]:
        # a page starts a paragraph unless it goes on with the last page's (lower case)
        assert d.text[start - 2 : start] == "\n\n" or d.text[start].islower()


def test_item_cut_by_the_page_foot_is_one_paragraph() -> None:
    d = doc("item-across-pages.pdf")
    start = d.text.index("1. ensure that people")
    para = d.paragraph_at(start)
    assert para is not None
    assert d.text[slice(*para)].endswith("the hours available for training")
    assert d.page_of(d.text.index("cancelled at short notice")) == 3
    assert "\n\n2. give managers" in d.text  # the next item still starts its own paragraph


def test_title_over_page_of_footer_removed() -> None:
    # the running title and "Page N of M" on two lines at the foot go together
    text = doc("title-footer.pdf").text
    assert "Inspection of probation services" not in text
    assert "of 4" not in text
    assert "This is the end of the leadership." in text


@pytest.mark.parametrize(
    ("name", "footer"),
    [
        ("report-pdu-ashdown-vale-2024.pdf", "Inspection of probation services: Ashdown Vale PDU"),
    ],
)
def test_holdout_footers_removed(name: str, footer: str) -> None:
    text = load(HOLDOUT / name).text
    assert footer not in text
    assert "Page 5 of 13" not in text


def test_heading_after_signature_starts_a_paragraph() -> None:
    # YJS foreword: signature, "Ratings" and an unruled leader table follow with no gap
    text = doc("leader-table.pdf").text
    assert "\n\nEleanor Pryce\n\nHM Chief Inspector of Probation\n\nRatings\n\nOverall rating ." in text
    table = text[text.index("Overall rating") :].split("\n\n")[0].split("\n")
    assert len(table) == 6  # one row a line, the domain heading with them
    assert table[1].startswith("Total score ....") and table[1].endswith("..15/36")  # leader kept whole
    assert text.endswith("\n\nResettlement is rated but does not count towards the total score.")


def test_standard_rating_score_table_read_as_rows() -> None:
    text = load(HOLDOUT / "report-yjs-kestrelford-2024.pdf").text
    assert "1.2 Staff | Good | 2\n1.3 Partnerships and services | Outstanding | 3" in text


# --- title, source, pages of spans, boxes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("ruled-table.pdf", "An inspection of probation services in:\nBrackenmoor PDU"),
        ("report-pdu-calderbrook-2023.pdf", "An inspection of probation services in:\nCalderbrook PDU"),
        (
            "report-yjs-ravensford-2024.pdf",
            "An inspection of youth justice services in\nRavensford\nYouth Justice Service",
        ),
    ],
)
def test_title_span(name: str, title: str) -> None:
    d = doc(name)
    assert d.title_span is not None
    assert d.text[d.title_span[0] : d.title_span[1]] == title


def test_source() -> None:
    d = doc("report-pdu-calderbrook-2023.pdf")
    assert d.source.media_type == "application/pdf"
    assert d.source.pages == 19
    assert len(d.page_starts) == 19 and d.page_starts[0] == 0


@pytest.mark.parametrize(
    ("name", "needle", "page"),
    [
        ("report-pdu-calderbrook-2023.pdf", "Overall rating | Inadequate", 5),
        ("report-pdu-calderbrook-2023.pdf", "This report makes 11 recommendations", 4),
        ("report-crc-mercia-welland-2019.pdf", "4.2 Through the Gate | Requires improvement", 6),
        ("report-pdu-harwick-stoneleigh-2022.pdf", "Overall rating | Good", 5),
        ("table-across-pages.pdf", "2.5 Reviewing | Outstanding", 3),
        ("headers-footers.pdf", "This is the end of the leadership.", 4),
    ],
)
def test_page_of_span(name: str, needle: str, page: int) -> None:
    d = doc(name)
    assert d.page_of(d.text.index(needle)) == page


@pytest.mark.parametrize(
    "needle",
    [
        "Overall rating | Inadequate",
        "1.2 Staff | Inadequate",
        "This report makes 11 recommendations",
        "Calderbrook PDU",
    ],
)
def test_boxes_inside_the_page(needle: str) -> None:
    d = doc("report-pdu-calderbrook-2023.pdf")
    i = d.text.index(needle)
    box = d.box_of((i, i + len(needle)))
    assert box is not None
    x0, top, x1, bottom = box
    assert 0 <= x0 < x1 <= 596 and 0 <= top < bottom <= 842


def test_box_of_a_table_cell_is_the_cell() -> None:
    d = doc("ruled-table.pdf")
    i = d.text.index("Overall rating | Requires improvement")
    label = d.box_of((i, i + len("Overall rating")))
    rating = d.box_of((i + len("Overall rating | "), i + len("Overall rating | Requires improvement")))
    assert label is not None and rating is not None
    assert label[2] <= rating[0] + 1  # the rating cell lies right of the label cell
    assert abs(label[1] - rating[1]) < 2  # on the same row


def test_box_of_a_line_is_where_it_is_printed() -> None:
    d = doc("hyphenation.pdf")
    i = d.text.index("Foreword")
    box = d.box_of((i, i + len("Foreword")))
    assert box is not None
    assert 55 < box[0] < 70 and 55 < box[1] < 110  # top-left of the page, under the margin


# --- bad PDFs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("encrypted.pdf", EncryptedPdfError, "encrypted; a password is needed"),
        ("truncated.pdf", PdfError, "truncated"),
        ("zero-pages.pdf", PdfError, "no pages"),
        ("image-only.pdf", NoTextLayerError, "no text layer"),
    ],
)
def test_bad_pdfs(name: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words) as info:
        load(PDFS / name)
    assert info.value.__cause__ is None  # no pdfium / pdfminer traceback chained on


def test_too_many_pages() -> None:
    with pytest.raises(TooManyPagesError, match="19 pages, more than the limit of max_pages=10"):
        load(CORPUS / "report-pdu-calderbrook-2023.pdf", max_pages=10)


def test_garbage_after_pdf_magic() -> None:
    with pytest.raises(PdfError):
        load(b"%PDF-1.7\n this is not a PDF at all")


# --- the same repairs on plain text ----------------------------------------------------------------


def test_repair_extracted_text_on_swindon_extract() -> None:
    raw = (CORPUS / "report-yjs-swindon-pdf-extract-split-words.txt").read_text(encoding="utf-8")
    fixed = repair_extracted_text(raw)
    for good in (
        "Requires improvement",
        "Inadequate",
        "Partnerships and services",
        "disposal policy",
        "inspections",
        "accommodation",
        "findings",
        "five recommendations",
        "out-of-court",
    ):
        assert good in fixed
    for bad in ("i mprovement", "Inadeq uate", "Partners hips", "dis posal", "inspec-", "ﬁ"):
        assert bad not in fixed
    assert "in to" not in repair_extracted_text("He went in to the office. It ran into trouble.").replace(
        "went in to", ""
    )


@pytest.mark.parametrize(
    "name, quote",
    [
        # quotations are set in a narrower box: their short lines are not paragraph ends
        ("report-pdu-calderbrook-2023.pdf", "“We're doing our best, but when"),
        ("report-yjs-ravensford-2024.pdf", "“The board asks the right questions"),
    ],
)
def test_lines_starting_in_lower_case_continue_the_paragraph(name: str, quote: str) -> None:
    d = doc(name)
    start = d.text.index(quote)
    para = d.paragraph_at(start)
    assert para is not None
    assert d.text[slice(*para)].rstrip().endswith("”"), d.text[slice(*para)]


# --- table rules read from pdfium: the objects pdfplumber reads, number for number -------------


def _distinct_pdfs() -> list[Path]:
    seen: dict[bytes, Path] = {}
    for path in sorted((ROOT / "fixtures").rglob("*.pdf")) + sorted((ROOT / "examples").glob("*.pdf")):
        seen.setdefault(path.read_bytes(), path)
    return list(seen.values())


def _geometry(obj: dict[str, object]) -> tuple[object, ...]:
    keys = ("x0", "x1", "y0", "y1", "top", "bottom", "width", "height", "doctop")
    return (obj["object_type"], *(obj[k] for k in keys), [tuple(p) for p in obj["pts"]])  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", _distinct_pdfs(), ids=lambda p: p.name)
def test_rules_read_from_pdfium_are_the_ones_pdfplumber_reads(path: Path) -> None:
    """Every page `page_rules` reads gives the page size, rectangles, lines and curves
    pdfplumber reads from its text-less copy, and the same table cells over the whole page
    and a band of it."""
    try:
        pdf = pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        pytest.skip("not a readable PDF (a bad-input fixture)")
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            rules = _pdf_read.page_rules(pdf, index, page)
        finally:
            page.close()
        assert rules is not None, f"page {index + 1} of a fixture falls back to pdfplumber"
        _assert_pdfplumbers(pdf, index, rules)
        height = rules[1]
        if any(rules[2:]):
            for band in ((0.0, height), (height / 3, 2 * height / 3)):
                cells = _pdf_read._cells_from_rules(rules, band)
                assert cells == _pdf_read._cells_by_plumber(pdf, index, band), (index, band)


def _assert_pdfplumbers(pdf: object, index: int, rules: tuple[object, ...]) -> None:
    """``rules`` are the page size, rectangles, lines and curves pdfplumber reads from the
    text-less copy of page ``index``, number for number."""
    width, height, rects, lines, curves = rules
    with pdfplumber.open(io.BytesIO(_pdf_read.clip_page(pdf, index))) as plumber:  # type: ignore[arg-type]
        theirs = plumber.pages[0]
        assert (width, height) == (theirs.width, theirs.height)
        for mine, their in ((rects, theirs.rects), (lines, theirs.lines), (curves, theirs.curves)):
            assert [_geometry(o) for o in mine] == [_geometry(o) for o in their]  # type: ignore[attr-defined]


def _drawn_page(draw: str, matrix: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> tuple[object, object]:
    """A one-page PDF holding one stroked path, drawn through ``matrix``: "line", "curve",
    "parts" (two rectangles and an open polyline in one path) or "polygon" (closed, six
    points)."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    path = pdfium_c.FPDFPageObj_CreateNewPath(100, 100)
    if draw == "line":
        pdfium_c.FPDFPath_LineTo(path, 300.3, 100)
    elif draw == "curve":
        pdfium_c.FPDFPath_BezierTo(path, 150, 150, 200, 150, 250, 100)
        pdfium_c.FPDFPath_LineTo(path, 250, 300.7)
    elif draw == "parts":
        for x, y, w, h in ((100, 100, 200.2, 20.1), (100, 120.1, 200.2, 20.1)):
            pdfium_c.FPDFPath_MoveTo(path, x, y)
            for px, py in ((x + w, y), (x + w, y + h), (x, y + h), (x, y)):
                pdfium_c.FPDFPath_LineTo(path, px, py)
            pdfium_c.FPDFPath_Close(path)
        pdfium_c.FPDFPath_MoveTo(path, 100, 300)
        pdfium_c.FPDFPath_LineTo(path, 300.5, 300)
        pdfium_c.FPDFPath_LineTo(path, 300.5, 400)
    else:  # polygon
        for px, py in ((200, 100), (250, 150), (200, 200), (100, 200), (50, 150), (100, 100)):
            pdfium_c.FPDFPath_LineTo(path, px, py)
    pdfium_c.FPDFPageObj_Transform(path, *matrix)
    pdfium_c.FPDFPath_SetDrawMode(path, 0, 1)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)
    page.gen_content()
    return pdf, page


@pytest.mark.parametrize(
    ("draw", "matrix"),
    [
        ("line", (1, 0, 0, 1, 0, 0)),
        ("line", (0, 1, -1, 0, 500, 20)),  # turned a quarter
        ("line", (0.8, 0.6, -0.6, 0.8, 40, 10)),  # turned part-way: a slanting line
        ("curve", (1, 0, 0, 1, 0, 0)),
        ("parts", (1, 0, 0, 1, 0, 0)),
        ("parts", (1, 0, 0, -1, 0, 842)),
    ],
)
def test_rules_of_any_path_shape_are_the_ones_pdfplumber_reads(draw: str, matrix: tuple[float, ...]) -> None:
    pdf, page = _drawn_page(draw, matrix)
    rules = _pdf_read.page_rules(pdf, 0, page)  # type: ignore[arg-type]
    assert rules is not None
    assert any(rules[2:])
    _assert_pdfplumbers(pdf, 0, rules)


def test_a_path_pdfium_may_normalise_falls_back_to_pdfplumber() -> None:
    pdf, page = _drawn_page("polygon")
    assert _pdf_read.page_rules(pdf, 0, page) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "matrix",
    [
        (1, 0, 0, 1, 10.3, 20.7),
        (0.75, 0, 0, 0.75, 0, 0),
        (1, 0, 0, -1, 0, 842),
        (0.1, 0, 0, 0.1, 3.3, 0),
        (-1, 0, 0, 1, 595, 0),
    ],
)
def test_rules_of_a_moved_or_scaled_drawing_are_the_ones_pdfplumber_reads(matrix: tuple[float, ...]) -> None:
    """A ruled grid drawn through a matrix (the CTM a producer sets before its paths): the
    objects and cells read from pdfium are pdfplumber's, number for number."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595.28, 841.89)
    unit = 10.0 if matrix[0] == 0.1 else 1.0
    for row in range(6):
        for col in range(3):
            x, y, w, h = (60 + 150.3 * col) * unit, (700 - 21.7 * row) * unit, 150.3 * unit, 21.7 * unit
            rect = pdfium_c.FPDFPageObj_CreateNewRect(x, y, w, h)
            pdfium_c.FPDFPath_SetDrawMode(rect, 0, 1)
            pdfium_c.FPDFPageObj_Transform(rect, *matrix)
            pdfium_c.FPDFPage_InsertObject(page.raw, rect)
    for y in (600.05, 590.35):
        line = pdfium_c.FPDFPageObj_CreateNewPath(60 * unit, y * unit)
        pdfium_c.FPDFPath_LineTo(line, 511.1 * unit, y * unit)
        pdfium_c.FPDFPath_SetDrawMode(line, 0, 1)
        pdfium_c.FPDFPageObj_Transform(line, *matrix)
        pdfium_c.FPDFPage_InsertObject(page.raw, line)
    page.gen_content()
    rules = _pdf_read.page_rules(pdf, 0, page)
    assert rules is not None
    assert (len(rules[2]), len(rules[3]), len(rules[4])) == (18, 2, 0)
    _assert_pdfplumbers(pdf, 0, rules)
    height = rules[1]
    cells = _pdf_read._cells_from_rules(rules, (0.0, height))
    assert len(cells) >= 6
    assert cells == _pdf_read._cells_by_plumber(pdf, 0, (0.0, height))
