"""PDF input: the reading text of a report, with its pages and the boxes of its lines.

pdfium (pypdfium2) reads every page; pdfplumber reads only the pages that hold a
ratings table, because the table's rows must come out one per line with their cells
apart ("1.1 Leadership | Requires improvement") and pdfium's text run cells together or
wraps a rating onto the next line. On the way the text is repaired:

- running headers, footers and page numbers go, found by repetition across pages (the
  same lines, digits aside, in the block set apart at the top or foot of many pages: a
  running title over "Page N of M" goes whole), never by a fixed string;
- a word hyphenated at a line end is rejoined (pdfium marks soft hyphens U+FFFE), unless
  the document spells it with a hyphen ("well-established"); the whole word moves to
  the next line so its span never crosses a line break;
- a word split by wide letter spacing ("Requires i mprovement") is closed up where the
  page shows no real gap;
- ligatures are spelt out, Symbol-font bullets become "•";
- a blank line separates paragraphs (a vertical gap wider than the line spacing, a line
  ending short of its column's right edge, a bullet, a change of font size or weight, a
  table) and pages, unless a paragraph cut by the page foot goes on in lower case.

The cover's title block (the largest type on page 1, with the lines set close to it) is
the document's ``title_span``.
"""

from __future__ import annotations

from collections import Counter

import pypdfium2 as pdfium
import regex

from inspection_extract._document import Document
from inspection_extract._load._pdf_layout import PdfLayout
from inspection_extract._load._pdf_read import (
    PageText,
    Row,
    VLine,
    is_table_row,
    ratings_region,
    read_page,
    read_table,
    table_band,
)
from inspection_extract._load.repair import fix_bullets, fix_ligatures, join_hyphenated, vocabulary
from inspection_extract._load.text import clean_inline
from inspection_extract._options import NO_DEADLINE, Deadline, too_long
from inspection_extract.errors import EncryptedPdfError, NoTextLayerError, PdfError, TooManyPagesError
from inspection_extract.record import Box, Source, Span

# A header or footer line recurs at the top or bottom of at least this share of the pages.
FURNITURE_SHARE = 0.4
# A running header or footer block has at most this many lines (title over "Page N of M").
FURNITURE_LINES = 2
# A vertical step this much wider than the document's usual line spacing starts a paragraph.
PARAGRAPH_GAP = 1.3

_NO_PAGES = regex.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")
_A_PAGE = regex.compile(rb"/Type\s*/Page(?!s)\b")
_DIGITS = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")
_PAGE_NUMBER = regex.compile(r"^\s*(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", regex.IGNORECASE)
_BULLET_START = regex.compile(r"^[•\uf0b7\uf0a7\u25aa\u25cf\u2013\u2022]\s")
_NUMBERED_START = regex.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")
_SENTENCE_END = regex.compile(r"[.:;!?)\u201d\u2019]\s*$")
_STOP_END = regex.compile(r"[.!?][\u201d\u2019)]?\s*$")
_BULLETS = "•\uf0b7\uf0a7\u25aa\u25cf\u2013\u2022"
# Lines made only of these need no repair beyond folding spaces (the common case).
_PLAIN_LINE = regex.compile(r"^[\x20-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u00a3\u00a9]*$")
_FIRST_WORD = regex.compile(r"^\S+")
_HYPHEN_TAIL = regex.compile(r"(?<!\S)(\S*?)([^\W\d_]+(?:-[^\W\d_]+)*)[\ufffe\x02]$")
_LOWER_HEAD = regex.compile(r"^[a-z][^\W\d_]*")


def load_pdf(
    data: bytes,
    *,
    name: str | None,
    sha256: str,
    max_pages: int | None = None,
    max_chars: int | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> Document:
    """Read a PDF into a `Document` (see the module docstring for what is repaired).

    Raises `EncryptedPdfError`, `PdfError` (corrupt, truncated, no pages),
    `TooManyPagesError` (more than ``max_pages``), `TooLongError` (the pages read so
    far hold more than ``max_chars``), `TimeBudgetExceededError` (checked after each
    page) and `NoTextLayerError` (a scan).
    """
    label = name or "the PDF"
    pages = _read_pages(data, label, max_pages, max_chars, deadline)
    if not any(p.lines for p in pages):
        raise NoTextLayerError(
            f"{label} has {len(pages)} page(s) but no text layer (a scanned document?); "
            "the library does no OCR: run OCR first (e.g. ocrmypdf) and pass the result"
        )
    _refuse_garbled(pages, label)
    _drop_furniture(pages)
    for p in pages:
        if p.rows:
            _place_rows(p, p.rows)
    text, page_starts, title_span, layout = _Writer(pages).write()
    return Document(
        text=text,
        source=Source(name, "application/pdf", sha256, pages=len(pages)),
        title_span=title_span,
        page_starts=page_starts,
        layout=layout,
    )


# A text layer with fewer letters than this among its printed characters is glyph codes,
# not text: fonts embedded without a map to Unicode give "!\"#$%&" or control codes.
MIN_LETTER_SHARE = 0.2
_MIN_CHARS_TO_JUDGE = 100
_SAMPLE_CHARS = 20_000


def _refuse_garbled(pages: list[PageText], label: str) -> None:
    """Raise `NoTextLayerError` when the text layer is not readable text (see MIN_LETTER_SHARE)."""
    printed = letters = 0
    for ln in (ln for p in pages for ln in p.lines):  # the first lines are sample enough
        printed += len(ln.text) - ln.text.count(" ")
        letters += sum(map(str.isalpha, ln.text))  # letters: Unicode's category L
        if printed > _SAMPLE_CHARS:
            break
    if printed >= _MIN_CHARS_TO_JUDGE and letters < MIN_LETTER_SHARE * printed:
        raise NoTextLayerError(
            f"{label} has a text layer, but it is not readable text (only {100 * letters // printed}% of its "
            "characters are letters: its fonts map glyphs to no characters); the library does no OCR: "
            "run OCR first (e.g. ocrmypdf --force-ocr) and pass the result"
        )


def _read_pages(
    data: bytes, label: str, max_pages: int | None, max_chars: int | None, deadline: Deadline
) -> list[PageText]:
    """Every page's lines; the document is closed before this returns."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if _NO_PAGES.search(data) and not _A_PAGE.search(data):
            # pdfium refuses a page tree with no pages without setting an error code of its
            # own: the code is the previous failure's (an encrypted file read just before)
            raise PdfError(f"{label} has no pages") from None
        encrypted = b"/Encrypt" in data
        if code == pdfium.raw.FPDF_ERR_PASSWORD and encrypted:
            raise EncryptedPdfError(f"{label} is encrypted; a password is needed") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY and encrypted:
            raise EncryptedPdfError(f"{label} uses an unsupported security handler") from None
        # pdfium's error code (in the exception's text) is the last one it set, which a
        # damaged file does not always reset: it could name the previous input's error.
        raise PdfError(f"{label} cannot be read: it is corrupt or truncated") from None
    try:
        n = len(pdf)
        if n == 0:
            raise PdfError(f"{label} has no pages")
        if max_pages is not None and n > max_pages:
            raise TooManyPagesError(
                f"{label} has {n} pages, more than the limit of max_pages={max_pages}; raise max_pages to read it",
                limit="max_pages",
                value=max_pages,
            )
        pages: list[PageText] = []
        chars = 0
        continued = False  # the previous page's ratings table ran to its foot
        for i in range(n):
            try:
                page = read_page(pdf, i)
                region = ratings_region(page.lines, continued=continued) if page.lines else None
                continued = region is not None and region[1] >= len(page.lines) - 2
                if region is not None:
                    page.table_band = table_band(page.lines, region)
                    _read_ratings_table(pdf, page, region)
                pages.append(page)
            except pdfium.PdfiumError:
                raise PdfError(
                    f"page {i + 1} of {label} cannot be read: the PDF is damaged or truncated"
                ) from None
            chars += sum(len(ln.text) + 1 for ln in page.lines)
            if max_chars is not None and chars > max_chars:
                raise too_long(label, chars, max_chars, at_least=i + 1 < n)
            deadline.check(f"page {i + 1} of {n}")
        return pages
    finally:
        pdf.close()


def _furniture_key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text)).strip().lower()


def _drop_furniture(pages: list[PageText]) -> None:
    """Remove running headers, footers and page numbers, recognised by repetition.

    The furniture of a page is looked for in its edge blocks: the lines at its top and at
    its foot that are set close together (at most `FURNITURE_LINES` of them) and apart
    from the body by a gap. A block goes when every line of it is furniture: the same
    line (digits aside) is in an edge block of at least `FURNITURE_SHARE` of the pages with
    text (at the top on some and at the foot on others counts too), or it is a lone
    number (or "Page N of M") in the margin that equals the page's own number. A footer
    of two lines, the running title over "Page N of 13", goes whole; a body line that
    happens to repeat stays with the block it belongs to. Two rounds, for furniture set
    in two blocks.
    """
    with_text = [p for p in pages if p.lines]
    need = max(2, FURNITURE_SHARE * len(with_text))
    for _ in range(2):
        blocks = {id(p): (_edge_block(p.lines, 0), _edge_block(p.lines, -1)) for p in with_text}
        seen: Counter[str] = Counter()
        keys: dict[int, dict[int, str]] = {}
        for p in with_text:
            top, foot = blocks[id(p)]
            page_keys = {i: _furniture_key(p.lines[i].text) for i in (*top, *foot)}
            keys[id(p)] = page_keys
            seen.update(set(page_keys.values()))
        changed = False
        for p in with_text:
            drop: set[int] = set()
            for block, at_top in zip(blocks[id(p)], (True, False), strict=True):
                if block and all(_is_furniture(p, i, keys[id(p)][i], seen, need, at_top) for i in block):
                    drop.update(block)
            if drop:
                p.lines = [ln for i, ln in enumerate(p.lines) if i not in drop]
                changed = True
        if not changed:
            break


def _is_furniture(p: PageText, i: int, key: str, seen: Counter[str], need: float, at_top: bool) -> bool:
    """Whether line ``i`` of an edge block of ``p`` repeats across pages or is the page's number."""
    if seen[key] >= need:
        return True
    line = p.lines[i]
    number = _PAGE_NUMBER.match(line.text)
    if number is None or int(number.group(1)) != p.index + 1:
        return False
    return line.top < 0.15 * p.height if at_top else line.bottom > 0.85 * p.height


def _edge_block(lines: list[VLine], end: int) -> list[int]:
    """Indices of the lines at the top (``end`` 0) or foot (-1) set apart from the body.

    Running headers and footers sit in the page margins, further from the text than its
    line spacing; a body line that happens to repeat (a refrain) does not. The block is
    the lines closer to each other than that, counted from the edge; [] when more than
    `FURNITURE_LINES` lines run on without a gap (the body reaches the edge).
    """
    order = range(len(lines) - 1, -1, -1) if end == -1 else range(len(lines))
    block: list[int] = []
    for i in order:
        if block:
            j = block[-1]
            above, below = (lines[i], lines[j]) if end == -1 else (lines[j], lines[i])
            if below.top - above.bottom > 0.8 * max(above.size, below.size):
                return block
            if len(block) == FURNITURE_LINES:
                return []
        block.append(i)
    return block


def _read_ratings_table(pdf: pdfium.PdfDocument, p: PageText, region: tuple[int, int]) -> None:
    """Read the ruled ratings table that page ``p``'s pdfium text shows in ``region`` (its
    cells found by pdfplumber's table finder, see `read_table`)."""
    assert p.table_band is not None
    try:
        rows = read_table(pdf, p.index, p.table_band)
    except Exception:  # pdfminer and pdfplumber fail in many ways on odd files; pdfium's lines stand
        rows = []
    if rows:
        p.rows = rows
        return
    # No ruled table found: keep pdfium's lines, one row a line, as one block from the
    # first row to the last. The region starts above the table to catch its header row,
    # and so may hold the heading and the foreword's signature before it ("Eleanor Pryce" /
    # "Ratings" in a YJS report): those are not rows and keep their own paragraphs.
    first, last = region
    rows_at = [i for i in range(first, min(last, len(p.lines) - 1) + 1) if is_table_row(p.lines[i].text)]
    if rows_at:
        p.table_lines = {id(ln) for ln in p.lines[rows_at[0] : rows_at[-1] + 1]}


def _place_rows(p: PageText, rows: list[Row]) -> None:
    """Put ``rows`` in place of the pdfium lines that lie inside the table's box."""
    top = min(r.top for r in rows) - 1
    bottom = max(r.bottom for r in rows) + 1
    x0 = min(c[1][0] for r in rows for c in r.cells) - 1
    x1 = max(c[1][2] for r in rows for c in r.cells) + 1
    keep: list[VLine] = []
    at = -1
    for ln in p.lines:
        middle = (ln.top + ln.bottom) / 2
        if top <= middle <= bottom and ln.x0 >= x0 and ln.x1 <= x1:
            if at < 0:
                at = len(keep)
            continue
        keep.append(ln)
    if at < 0:
        p.rows = []
        return
    p.lines = keep
    p.rows = rows
    p.rows_at = at


# --- writing the text ------------------------------------------------------------------------


class _Writer:
    """Joins the pages' lines into the reading text, recording page starts and boxes."""

    def __init__(self, pages: list[PageText]) -> None:
        self.pages = pages
        self.parts: list[str] = []
        self.offset = 0
        self.layout = PdfLayout()
        self._vocab: Counter[str] | None = None
        self.pitch = _usual_pitches(pages)
        # A hyphenated fragment waiting for the next line: (text, page, box).
        self.carry: tuple[str, int, Box] | None = None
        # The last line written and its column's right edge, when a page ended in body text.
        self.tail: tuple[VLine, float] | None = None

    @property
    def vocab(self) -> Counter[str]:
        """The document's words, counted only when a hyphen needs judging."""
        if self._vocab is None:
            self._vocab = vocabulary("\n".join(ln.text for ln in p.lines) for p in self.pages)
        return self._vocab

    def put(self, s: str, page: int | None = None, box: Box | None = None) -> None:
        if not s:
            return
        if page is not None and box is not None:
            self.layout.add(self.offset, self.offset + len(s), page, box)
        self.parts.append(s)
        self.offset += len(s)

    def write(self) -> tuple[str, tuple[int, ...], Span | None, PdfLayout]:
        page_starts: list[int] = []
        title_span: Span | None = None
        blank = 0  # pages with no text wait for the start of the next page that has some
        for p in self.pages:
            if not (p.lines or p.rows):
                blank += 1
                continue
            if self.offset:
                self.put("\n" if self._continues(p) else "\n\n")
            page_starts.extend([self.offset] * (blank + 1))
            blank = 0
            title = _title_lines(p) if p.index == 0 else set()
            span = self._write_page(p, title)
            if title and span is not None:
                title_span = span
        page_starts.extend([self.offset] * blank)
        if self.carry is not None:  # a hyphen on the very last line
            text, page, box = self.carry
            self.put(text.rstrip("-"), page, box)
            self.carry = None
        return "".join(self.parts), tuple(page_starts), title_span, self.layout

    def _write_page(self, p: PageText, title: set[int]) -> Span | None:
        """Write one page; returns the span of its title lines (page 1) if any."""
        edges = _right_edges(p)
        in_table = {i for i, ln in enumerate(p.lines) if id(ln) in p.table_lines}
        title_start = title_end = -1
        prev: VLine | None = None
        wrote = False
        for i, ln in enumerate(p.lines):
            if i == p.rows_at:
                self._write_rows(p, after_text=wrote)
                wrote, prev = True, None
            if wrote:
                if prev is None:
                    sep = "\n\n"  # after a table
                elif i in title or (i - 1) in title:
                    sep = "\n" if i in title and (i - 1) in title else "\n\n"
                elif i - 1 in in_table and i in in_table:
                    sep = "\n"  # rows of a table pdfplumber could not rule: one block
                elif i - 1 in in_table or i in in_table:
                    sep = "\n\n"  # the table is a paragraph of its own
                else:
                    sep = "\n\n" if self._breaks(prev, ln, edges[i - 1], edges[i]) else "\n"
                self.put(sep)
            start = self.offset
            self._write_line(p, ln, p.lines[i + 1] if i + 1 < len(p.lines) else None)
            if i in title:
                title_start = start if title_start < 0 else title_start
                title_end = self.offset
            wrote, prev = True, ln
        if p.rows and p.rows_at >= len(p.lines):
            self._write_rows(p, after_text=wrote)
            prev = None
        last = len(p.lines) - 1
        self.tail = (prev, edges[last]) if prev is not None and last not in in_table else None
        return (title_start, title_end) if title_start >= 0 else None

    def _continues(self, p: PageText) -> bool:
        """Whether the paragraph that ended the last page goes on at the top of page ``p``.

        A recommendation or bullet cut by the page foot ("... sessions are not" / "cancelled
        at short notice") is one paragraph: the last line fills its column, stops short of
        a sentence's end, and the next page's first line, in the same type, starts in lower
        case. Anything else (a heading, a table, a finished sentence) starts a paragraph.
        """
        if self.tail is None or not p.lines or p.rows_at == 0 or id(p.lines[0]) in p.table_lines:
            return False
        prev, edge = self.tail
        nxt = p.lines[0]
        if not nxt.text[0].islower() or _SENTENCE_END.search(prev.text):
            return False
        if abs(nxt.size - prev.size) > 0.9 or nxt.bold != prev.bold:
            return False
        first = _FIRST_WORD.match(nxt.text)
        per_char = (nxt.x1 - nxt.x0) / max(len(nxt.text), 1)
        word = per_char * (len(first.group()) + 1 if first else 1)
        return edge - prev.x1 <= word + 0.5 * prev.size

    def _write_rows(self, p: PageText, *, after_text: bool) -> None:
        """A table as one paragraph, one row a line, cells apart with " | "."""
        if after_text:
            self.put("\n\n")
        for r, row in enumerate(p.rows):
            if r:
                self.put("\n")
            for c, (cell, box) in enumerate(row.cells):
                if c:
                    self.put(" | ")
                self.put(clean_inline(fix_ligatures(cell)), p.index, box)

    def _write_line(self, p: PageText, ln: VLine, nxt: VLine | None) -> None:
        raw = ln.text
        if ln.split_spaces:
            drop = set(ln.split_spaces)
            raw = "".join(ch for k, ch in enumerate(raw) if k not in drop)
        box: Box = (ln.x0, ln.top, ln.x1, ln.bottom)
        if self.carry is not None:
            text, page, cbox = self.carry
            self.carry = None
            if _LOWER_HEAD.match(raw):
                self.put(text, page, cbox)
            else:  # not a word's second half after all: keep the hyphen it had
                self.put(text if text.endswith("-") else text + "-", page, cbox)
                self.put(" ")
        tail = _HYPHEN_TAIL.search(raw) if raw and raw[-1] in "\ufffe\x02" else None
        if tail is not None:
            lead, left = tail.group(1), tail.group(2)
            after = _LOWER_HEAD.match(nxt.text) if nxt is not None else None
            if nxt is None or after is not None:
                right = after.group() if after is not None else ""
                joined = not right or join_hyphenated(left, right, self.vocab)
                body = raw[: tail.start()].rstrip()
                cut = ln.x0 + (ln.x1 - ln.x0) * len(body) / max(len(raw), 1)
                moved = lead + (left if joined else left + "-")
                self.carry = (moved, p.index, (cut, ln.top, ln.x1, ln.bottom))
                box = (ln.x0, ln.top, cut, ln.bottom)
                raw = body
            else:
                raw = raw[:-1] + "-"
        if (raw.isascii() and raw.isprintable()) or _PLAIN_LINE.match(raw):  # (the first test is the quick one)
            text = " ".join(raw.split())
        else:
            text = clean_inline(fix_bullets(fix_ligatures(raw)))
        self.put(text, p.index, box)

    def _breaks(self, prev: VLine, nxt: VLine, prev_edge: float, next_edge: float) -> bool:
        """Whether a paragraph ends between ``prev`` and ``nxt`` (consecutive lines of a page)."""
        if nxt.text[0] in _BULLETS and _BULLET_START.match(nxt.text):
            return True
        if abs(nxt.size - prev.size) > 0.9 or nxt.bold != prev.bold:
            return True  # a heading, or the body after one
        step = nxt.bottom - prev.bottom
        usual = self.pitch.get(round(prev.size * 2) / 2, 1.25 * prev.size)
        if step > PARAGRAPH_GAP * usual:
            return True
        # A line that starts in lower case continues its sentence, however short the line
        # before: quotations and practice examples are set in narrower boxes.
        if nxt.text[0].islower():
            return False
        # A line that stops short of its column's right edge, when the next line's first
        # word would have fitted in the room left, ends its paragraph.
        room = prev_edge - prev.x1
        first = _FIRST_WORD.match(nxt.text)
        per_char = (nxt.x1 - nxt.x0) / max(len(nxt.text), 1)
        word = per_char * (len(first.group()) + 1 if first else 1)
        if room > word + 0.5 * prev.size:
            return True
        # A short label line after a finished sentence ("Areas for improvement:").
        if nxt.text[-1] == ":" and _STOP_END.search(prev.text) and nxt.x1 < next_edge - word:
            return True
        # A numbered item after a finished one ("1. ... addressed." / "2. ensure ...").
        numbered = nxt.text[0] in "(0123456789" and _NUMBERED_START.match(nxt.text)
        return bool(numbered and _SENTENCE_END.search(prev.text))


def _usual_pitches(pages: list[PageText]) -> dict[float, float]:
    """The commonest baseline-to-baseline step for each font size: the line spacing."""
    steps: Counter[tuple[float, float]] = Counter()
    for p in pages:
        lines = p.lines
        for k in range(1, len(lines)):
            a, b = lines[k - 1], lines[k]
            step = b.bottom - a.bottom
            if 0 < step < 2.5 * a.size and abs(a.size - b.size) < 0.3:
                steps[round(a.size * 2) / 2, round(step * 2) / 2] += 1
    usual: dict[float, float] = {}
    for (size, step), _ in steps.most_common():
        usual.setdefault(size, step)
    return usual


def _right_edges(p: PageText) -> list[float]:
    """The right edge of the column each line of ``p`` sits in, in line order.

    A page is two-column when several lines start right of the middle and several end left
    of it; each column's edge is its widest line. Otherwise the edge is the widest line of
    some length on the page (a short line cannot show where the margin is).
    """
    lines = p.lines
    if not lines:
        return []
    mid, slack = p.width / 2, 0.02 * p.width
    long_lines = [ln for ln in lines if len(ln.text) >= 15] or lines
    full = max(ln.x1 for ln in long_lines)
    in_right = [ln.x0 >= mid - slack for ln in lines]
    in_left = [ln.x1 <= mid + slack and ln.x0 < mid - slack for ln in lines]
    right = [ln for ln, r in zip(lines, in_right, strict=True) if r]
    left = [ln for ln, lf in zip(lines, in_left, strict=True) if lf]
    if len(right) >= 4 and len(left) >= 4 and max(ln.x1 - ln.x0 for ln in right) > 0.3 * p.width:
        right_edge = max(ln.x1 for ln in right)
        left_edge = max(ln.x1 for ln in left)
        return [
            right_edge if r else left_edge if lf else full for r, lf in zip(in_right, in_left, strict=True)
        ]
    return [full] * len(lines)


def _title_lines(p: PageText) -> set[int]:
    """Indices of the cover's title block: the largest type and the lines set close to it."""
    lines = p.lines
    if not lines:
        return set()
    big = max(range(len(lines)), key=lambda i: lines[i].size)
    size = lines[big].size
    block = {big}
    for step in (-1, 1):
        i = big
        while 0 <= i + step < len(lines):
            a, b = (lines[i + step], lines[i]) if step < 0 else (lines[i], lines[i + step])
            gap = b.top - a.bottom
            if gap > 1.5 * max(a.size, b.size) or gap < -1 or lines[i + step].size < 0.4 * size:
                break
            i += step
            block.add(i)
    return block


__all__ = ["load_pdf"]
