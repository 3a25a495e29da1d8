"""Reading a PDF page with pdfium: its visual lines, their boxes, and the ratings-table rows.

pdfium gives the page's text in reading order (it reads the two-column chapters of the
inspectorate's LibreOffice reports column by column), with ``\\r\\n`` between lines and
U+FFFE where it judged a line-end hyphen soft; it joins the two halves of such a line,
so the loader splits there again to get the lines as printed. Geometry is asked only
for the first and last character of each line and, on a line printed as more than one
run of text, for the characters around spaces pdfium generated itself (a real gap or a
split word), never for every character: that keeps a page at well under a millisecond.
"""

from __future__ import annotations

import ctypes
import io
import math
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from inspection_extract._load.repair import rejoin_split_words
from inspection_extract.record import Box

# A generated space narrower than this (in ems) sits inside a word: "Requires i mprovement"
# in a PDF whose rating cell was set with wide letter spacing. Real word gaps are >= 0.22 em
# even in tightly justified text.
SPLIT_GAP_EM = 0.2


def _pdfium_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the runs of characters between pdfium's line breaks (CR LF)."""
    pos = 0
    for part in text.replace("\r", "\n").split("\n"):
        if part:
            yield pos, pos + len(part)
        pos += len(part) + 1


# A single space between two letters: the only place a split word can hide.
_SPACE_IN_WORDS = regex.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")
_SOFT_MARKS = "\ufffe\x02"  # pdfium's soft-hyphen mark; older builds emit \x02


@dataclass(slots=True)
class VLine:
    """One line as printed: its raw pdfium text, box (top-left origin) and font size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    #: the line's first and last characters are bold (a heading or label).
    bold: bool = False
    #: offsets in ``text`` of generated spaces that split a word (to drop).
    split_spaces: tuple[int, ...] = ()


@dataclass(slots=True)
class Row:
    """One row of a table read by pdfplumber: the text and box of each non-empty cell."""

    cells: list[tuple[str, Box]]
    top: float
    bottom: float


@dataclass(slots=True)
class PageText:
    """What the loader keeps of one page."""

    index: int
    width: float
    height: float
    lines: list[VLine] = field(default_factory=list)
    #: rows of a ratings table, with the index in ``lines`` where they go.
    rows: list[Row] = field(default_factory=list)
    rows_at: int = -1
    #: the band (top, bottom) holding a ratings table.
    table_band: tuple[float, float] | None = None
    #: ids of the lines of a ratings table that pdfplumber found no rules for.
    table_lines: set[int] = field(default_factory=set)


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageText:
    """The visual lines of page ``index`` (0-based); the page and its text page are closed."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        out = PageText(index, width, height)
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            if n > 0:
                text = textpage.get_text_range()
                out.lines = _visual_lines(textpage.raw, text, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return out


def _visual_lines(tp: pdfium_c.FPDF_TEXTPAGE, text: str, height: float) -> list[VLine]:
    rect = pdfium_c.FS_RECTF()
    prect = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    weight = pdfium_c.FPDFText_GetFontWeight
    count_runs = pdfium_c.FPDFText_CountRects
    marks = any(mark in text for mark in _SOFT_MARKS)
    lines: list[VLine] = []
    for start, end in _pdfium_lines(text):
        seg = start
        while seg < end:
            cut = end
            if marks:
                for mark in _SOFT_MARKS:
                    k = text.find(mark, seg, end)
                    if k >= 0:
                        cut = min(cut, k + 1)
            a, b = seg, cut
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                get_box(tp, a, prect)
                x0 = rect.left
                get_box(tp, b - 1, prect)
                top, x1, bottom = height - rect.top, rect.right, height - rect.bottom
                size = font_size(tp, b - 1) or 10.0
                spaces: tuple[int, ...] = ()
                # pdfium generates a space only between two runs of text (text objects) or at
                # a wide kerning step: a line printed as one run has no split word to find.
                if " " in text[a:b] and count_runs(tp, a, b - a) > 1:
                    spaces = _split_spaces(tp, text, a, b, height)
                bold = weight(tp, a) >= 600 and weight(tp, b - 1) >= 600
                lines.append(VLine(text[a:b], x0, top, x1, bottom, size, bold, spaces))
            seg = cut
    return lines


def _split_spaces(tp: pdfium_c.FPDF_TEXTPAGE, text: str, a: int, b: int, height: float) -> tuple[int, ...]:
    """Offsets (from ``a``) of the spaces pdfium generated inside a word of ``text[a:b]``.

    Such a space has no real gap on the page under it: "Requires i mprovement".
    """
    rect = pdfium_c.FS_RECTF()
    prect = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    out: list[int] = []
    for m in _SPACE_IN_WORDS.finditer(text, a, b):
        k = m.start()
        if pdfium_c.FPDFText_IsGenerated(tp, k) == 1:
            get_box(tp, k - 1, prect)
            left = rect.right
            get_box(tp, k + 1, prect)
            size = pdfium_c.FPDFText_GetFontSize(tp, k - 1) or 10.0
            if rect.left - left < SPLIT_GAP_EM * size:
                out.append(k - a)
    return tuple(out)


# --- ratings tables -------------------------------------------------------------------------

# A line ending in a rating word, or in the first/second half of a wrapped or split one,
# maybe followed by the standard's score (a "Standard | Rating | Score" table: "Good 2").
RATING_END = regex.compile(
    r"""(?:Outstanding | Good | Inadeq\ ?uate | Requires | i\ ?mprovement
        | Requires\ improvement | Not\ rated)
        (?:\s+(?:\d{1,2}|[–-]))?     # the score column: a number, or a dash for "not scored"
        \s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)
OVERALL = regex.compile(r"^\s*Overall\s+rating\b", regex.IGNORECASE)
_OVERALL_ANYWHERE = regex.compile(r"^\s*Overall\s+rating\b", regex.IGNORECASE | regex.MULTILINE)
# A table's row that ends in a score ("Ashdown Vale PDU Score 12/27", "Total score .... 15/36").
SCORE_END = regex.compile(r"\b\d{1,2}\s*/\s*\d{1,2}\s*$")
# Only a line's end can hold a rating: the patterns look at its last characters.
_TAIL = 40


def is_table_row(text: str) -> bool:
    """Whether a line reads as a row of a ratings table (a rating or a score at its end)."""
    tail = text[-_TAIL:]
    return bool(RATING_END.search(tail) or SCORE_END.search(tail) or OVERALL.search(text))


def ratings_region(lines: list[VLine], *, continued: bool) -> tuple[int, int] | None:
    """Indices ``[first, last]`` of the lines that hold a ratings table, if the page has one.

    A ratings page has an "Overall rating" line and at least three lines ending in rating
    words; a page continuing a ratings table that broke across the page (``continued``)
    starts with such a line. The region starts a few lines above "Overall rating" to take
    the table's header row (unit, fieldwork, score).
    """
    if not continued and not _OVERALL_ANYWHERE.search("\n".join(ln.text for ln in lines)):
        return None  # most pages: one search of the page instead of two a line
    ends = [i for i, ln in enumerate(lines) if RATING_END.search(ln.text[-_TAIL:])]
    overall = next((i for i, ln in enumerate(lines) if OVERALL.search(ln.text)), None)
    if overall is not None and len(ends) >= 3:
        return max(0, overall - 3), max(ends[-1] + 1, overall)
    if continued and ends and ends[0] <= 2:
        # The rows at the head of the page (after a running header) continue the table.
        last = ends[0]
        for i in ends[1:]:
            if i > last + 2:
                break
            last = i
        return 0, last + 1
    return None


def table_band(lines: list[VLine], region: tuple[int, int]) -> tuple[float, float]:
    """The band of the page (top, bottom) that holds the lines of ``region``, padded.

    The padding is more than a row's height: a table's rules sit well outside its text.
    """
    first, last = region
    chosen = lines[first : min(last, len(lines) - 1) + 1]
    pad = 4 + 1.5 * max(ln.size for ln in chosen)
    return max(0.0, min(ln.top for ln in chosen) - pad), max(ln.bottom for ln in chosen) + pad


def clip_page(pdf: pdfium.PdfDocument, index: int) -> bytes:
    """A one-page PDF of page ``index`` with its text taken out: only the drawing is left.

    pdfminer (under pdfplumber) parses a page's content stream in Python, around a tenth
    of a millisecond per character; the table's rules are all pdfplumber needs to find
    the cells, and pdfium reads the cells' text far faster.
    """
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(pdf, [index])
        page = out[0]
        try:
            texts = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=1))
            for obj in texts:
                page.remove_obj(obj)
                obj.close()
            page.gen_content()
        finally:
            page.close()
        buf = io.BytesIO()
        out.save(buf)
        return buf.getvalue()
    finally:
        out.close()


# --- the rules of a page, read from pdfium ----------------------------------------------------
#
# pdfplumber, given the page that `clip_page` writes, parses its content stream with pdfminer
# (some 20 ms for a ruled table) to get the rectangles, lines and curves it finds the cells
# from. `page_rules` gets the same objects, number for number, without the parse: it takes
# each path object from pdfium and writes down the operations pdfium would write for it
# (its float32 coordinates as the shortest decimals that read back as them, its matrix as
# the CTM, "x y w h re" where pdfium's own test `_is_rect` finds a rectangle, else each
# point, a Bezier's three as one "c", "h" after a point closing a figure), and hands them
# to pdfminer's own path painter, which sorts them into rectangles, lines and curves as it
# does reading the page. A page holding anything else in its drawing (a form, a shading, a
# path pdfium may first normalise into a rectangle), a rotated page or one whose media box
# is not at the origin returns None, and pdfplumber reads the page itself.

_Obj = dict[str, Any]


def _float32(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


@lru_cache(maxsize=4096)
def _written(value: float) -> float:
    """A float32 as pdfium writes it and pdfminer reads it back: the shortest decimal that is
    the same float32."""
    value = _float32(value)
    for digits in range(1, 10):
        text = f"{value:.{digits}g}"
        if _float32(float(text)) == value:
            return float(text)
    return value


def _is_rect(points: list[tuple[float, float]]) -> bool:
    """pdfium's test of a path written as a rectangle: 4 or 5 points (the fifth back at the
    first), the opposite corners apart, each step along one axis."""
    if len(points) == 5 and points[4] != points[0]:
        return False
    if len(points) not in (4, 5) or points[0] == points[2] or points[1] == points[3]:
        return False
    ring = [*points[:4], points[0]]
    return all(a[0] == b[0] or a[1] == b[1] for a, b in zip(ring, ring[1:], strict=False))


def _plumber_object(item: Any, height: float) -> _Obj:
    """A pdfminer rectangle, line or curve with the keys pdfplumber gives it (top-left origin)."""
    top = height - item.y1
    return {
        "object_type": type(item).__name__[2:].lower(),  # LTRect -> "rect"
        "x0": item.x0,
        "x1": item.x1,
        "y0": item.y0,
        "y1": item.y1,
        "width": item.width,
        "height": item.height,
        "top": top,
        "bottom": height - item.y0,
        "doctop": top,
        "pts": [(x, height - y) for x, y in item.pts],
    }


def _media_box(pdf: pdfium.PdfDocument, index: int, page: pdfium.PdfPage) -> tuple[float, ...] | None:
    """The page's media box as its dictionary or the page tree gives it (pdfium's box getters
    read only the page's own dictionary; a copy of the page holds what it inherits)."""
    box = page.get_mediabox(fallback_ok=False)
    if box is not None:
        return tuple(box)
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(pdf, [index])
        copy = out[0]
        try:
            box = copy.get_mediabox(fallback_ok=False)
        finally:
            copy.close()
    finally:
        out.close()
    return None if box is None else tuple(box)


def _path_ops(raw: Any, x: ctypes.c_float, y: ctypes.c_float) -> list[tuple[Any, ...]] | None:
    """The path operations pdfminer reads for a path object as pdfium writes it: "re" where
    pdfium's own test finds a rectangle, else each point ("m", "l", a Bezier's three points
    as one "c") with "h" after a point that closes a figure. None where the writer's form
    is not followed here (a path it may first normalise into a rectangle, a broken curve)."""
    types: list[int] = []
    closes: list[bool] = []
    points: list[tuple[float, float]] = []
    for k in range(pdfium_c.FPDFPath_CountSegments(raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, k)
        types.append(pdfium_c.FPDFPathSegment_GetType(segment))
        closes.append(bool(pdfium_c.FPDFPathSegment_GetClose(segment)))
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        points.append((x.value, y.value))
    n = len(points)
    if not n or types[0] != pdfium_c.FPDF_SEGMENT_MOVETO or (n > 5 and points[0] == points[-1]):
        return None
    if not all(math.isfinite(v) for point in points for v in point):
        return None  # (how pdfium writes an infinite or undefined number is not followed here)
    line = pdfium_c.FPDF_SEGMENT_LINETO
    if n in (4, 5) and all(t == line for t in types[1:]) and _is_rect(points):
        (x0, y0), (x2, y2) = points[0], points[2]
        px, py = _written(x0), _written(y0)
        w, h = _written(_float32(x2 - x0)), _written(_float32(y2 - y0))
        return [("m", px, py), ("l", px + w, py), ("l", px + w, py + h), ("l", px, py + h), ("h",)]
    ops: list[tuple[Any, ...]] = []
    curve = pdfium_c.FPDF_SEGMENT_BEZIERTO
    i = 0
    while i < n:
        kind = types[i]
        if kind == curve:
            if i + 2 >= n or types[i + 1] != curve or types[i + 2] != curve or closes[i] or closes[i + 1]:
                return None
            ops.append(("c", *(_written(v) for k in range(i, i + 3) for v in points[k])))
            i += 2
        elif kind in (pdfium_c.FPDF_SEGMENT_MOVETO, line):
            ops.append(("l" if kind == line else "m", _written(points[i][0]), _written(points[i][1])))
        else:
            return None
        if closes[i]:
            ops.append(("h",))
        i += 1
    return ops


_Rules = tuple[float, float, list[_Obj], list[_Obj], list[_Obj]]


def page_rules(pdf: pdfium.PdfDocument, index: int, page: pdfium.PdfPage) -> _Rules | None:
    """The page's width, height, rectangles, lines and curves as pdfplumber reads them from
    the page `clip_page` writes; None where the page holds a drawing this does not read."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTContainer
    from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
    from pdfminer.utils import mult_matrix

    box = _media_box(pdf, index, page)
    if box is None or box[0] != 0 or box[1] != 0 or page.get_rotation() != 0:
        return None
    if not all(math.isfinite(v) for v in box):
        return None
    width, height = _written(box[2]), _written(box[3])
    # pdfminer's own path painter sorts each path into rectangles, lines and curves.
    painter = PDFLayoutAnalyzer(PDFResourceManager())
    painted: LTContainer[Any] = LTContainer((0, 0, width, height))
    painter.cur_item = painted  # type: ignore[assignment]
    state = PDFGraphicState()
    matrix = pdfium_c.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    raw_page = page.raw
    for k in range(pdfium_c.FPDFPage_CountObjects(raw_page)):  # (the page's own objects, no wrappers)
        raw = pdfium_c.FPDFPage_GetObject(raw_page, k)
        kind = pdfium_c.FPDFPageObj_GetType(raw)
        if kind in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            continue  # (text is taken out; an image has no edges)
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            return None
        if not pdfium_c.FPDFPath_GetDrawMode(raw, fill, stroke):
            return None
        if not fill.value and not stroke.value:
            continue  # a path neither filled nor stroked ("n") leaves no object
        ops = _path_ops(raw, x, y)
        if ops is None:
            return None
        # The path's matrix, written before it ("a b c d e f cm"), is the CTM its points go
        # through (the page's own is the identity: its media box is at the origin).
        pdfium_c.FPDFPageObj_GetMatrix(raw, matrix)
        values = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        if not all(math.isfinite(v) for v in values):
            return None
        written = tuple(_written(v) for v in values)
        painter.ctm = mult_matrix(written, (1, 0, 0, 1, 0, 0))  # type: ignore[arg-type]
        painter.paint_path(state, bool(stroke.value), bool(fill.value), fill.value == 1, ops)  # type: ignore[arg-type]
    found: dict[str, list[_Obj]] = {"rect": [], "line": [], "curve": []}
    for item in painted:
        made = _plumber_object(item, height)
        found[made["object_type"]].append(made)
    return width, height, found["rect"], found["line"], found["curve"]


def _grid(tables: list[Any]) -> list[list[Box]]:
    """The boxes of the cells of pdfplumber's ``tables``, row by row (empty cells left out)."""
    return [[cell for cell in row.cells if cell is not None] for t in tables for row in t.rows]


@dataclass(slots=True)
class _Ruled:
    """What pdfplumber's table finder asks of a page when tables are found by their lines."""

    edges: list[_Obj]


def _cells_from_rules(rules: _Rules, band: tuple[float, float]) -> list[list[Box]]:
    """The cells (by row) of the tables pdfplumber finds from ``rules`` in ``band``: the same
    crop, edges and table finder as its ``page.crop(...).find_tables()``."""
    from pdfplumber import utils
    from pdfplumber.table import TableFinder, TableSettings

    width, height, rects, lines, curves = rules
    if not rects and not lines and not curves:
        return []
    bbox = (0, band[0], width, min(height, band[1]))
    edges = [utils.line_to_edge(ln) for ln in utils.crop_to_bbox(lines, bbox)]
    edges += [e for r in utils.crop_to_bbox(rects, bbox) for e in utils.rect_to_edges(r)]
    edges += [e for c in utils.crop_to_bbox(curves, bbox) for e in utils.curve_to_edges(c)]
    return _grid(TableFinder(_Ruled(edges), TableSettings.resolve(None)).tables)  # type: ignore[arg-type]


def _cells_by_plumber(pdf: pdfium.PdfDocument, index: int, band: tuple[float, float]) -> list[list[Box]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(clip_page(pdf, index))) as plumber:
        ppage = plumber.pages[0]
        top, bottom = band[0], min(float(ppage.height), band[1])
        cropped = ppage.crop((0, top, ppage.width, bottom), strict=False)
        return _grid(cropped.find_tables())


def read_table(pdf: pdfium.PdfDocument, index: int, band: tuple[float, float]) -> list[Row]:
    """The rows of the ruled table(s) in ``band`` (top, bottom) of page ``index``.

    pdfplumber finds the cells from the table's rules (read from pdfium where `page_rules`
    can, else from the page with its text taken out); pdfium reads the text inside each
    cell. A cell whose letters were set apart ("Requires i mprovement") is closed up by the
    rating vocabulary. [] when pdfplumber finds no ruled table there (the caller keeps
    pdfium's lines).
    """
    page = pdf[index]
    try:
        rules = page_rules(pdf, index, page)
        grid = _cells_from_rules(rules, band) if rules is not None else _cells_by_plumber(pdf, index, band)
        if not grid:
            return []
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            rows: list[Row] = []
            for bboxes in grid:
                cells: list[tuple[str, Box]] = []
                for x0, t, x1, b in bboxes:
                    raw = textpage.get_text_bounded(left=x0, bottom=height - b, right=x1, top=height - t)
                    text = rejoin_split_words(" ".join(raw.split()), Counter())
                    if text:
                        cells.append((text, (float(x0), float(t), float(x1), float(b))))
                if cells:
                    rows.append(Row(cells, min(c[1][1] for c in cells), max(c[1][3] for c in cells)))
            return rows
        finally:
            textpage.close()
    finally:
        page.close()


__all__ = [
    "VLine",
    "Row",
    "PageText",
    "read_page",
    "ratings_region",
    "is_table_row",
    "table_band",
    "clip_page",
    "page_rules",
    "read_table",
]
