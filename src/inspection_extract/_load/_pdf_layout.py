"""Where the text of a PDF lies on its pages: the `Layout` the PDF loader hands the Document.

Boxes are kept per run of output text (one visual line, a fragment of one, or a table
cell), not per character: a span inside a run gets the run's box narrowed in proportion to
its characters, which is exact for whole lines and cells and close for words in a line.
Boxes use pdfplumber's convention: points, origin at the page's top-left,
``(x0, top, x1, bottom)``.
"""

from __future__ import annotations

import bisect
from array import array

from inspection_extract.record import Box, Span


class PdfLayout:
    """Runs of the text with the page and box each came from; answers `box_of`."""

    __slots__ = ("_starts", "_ends", "_pages", "_x0", "_top", "_x1", "_bottom")

    def __init__(self) -> None:
        self._starts = array("l")
        self._ends = array("l")
        self._pages = array("l")
        self._x0 = array("f")
        self._top = array("f")
        self._x1 = array("f")
        self._bottom = array("f")

    def add(self, start: int, end: int, page: int, box: Box) -> None:
        """Record that ``text[start:end]`` lies in ``box`` on ``page`` (0-based); runs come in order."""
        if end <= start:
            return
        self._starts.append(start)
        self._ends.append(end)
        self._pages.append(page)
        x0, top, x1, bottom = box
        self._x0.append(x0)
        self._top.append(top)
        self._x1.append(x1)
        self._bottom.append(bottom)

    def __len__(self) -> int:
        return len(self._starts)

    def page_of_run(self, offset: int) -> int | None:
        """The 0-based page of the run holding ``offset``, or None between runs."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._pages[i]
        return None

    def box_of(self, span: Span) -> Box | None:
        """The union of the boxes of ``span``'s runs on the page where the span starts.

        A span that crosses a page break is boxed on its first page only (a box is one
        rectangle on one page). None when no run of the span has a box (the blank lines
        between paragraphs, an empty span).
        """
        start, end = span
        if end <= start:
            return None
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        page = -1
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        n = len(self._starts)
        while i < n and self._starts[i] < end:
            rs, re_ = self._starts[i], self._ends[i]
            if re_ <= start:
                i += 1
                continue
            if page == -1:
                page = self._pages[i]
            elif self._pages[i] != page:
                break
            # Narrow the run's box to the part of it the span covers.
            a, b = max(start, rs), min(end, re_)
            width = self._x1[i] - self._x0[i]
            lo = self._x0[i] + width * (a - rs) / (re_ - rs)
            hi = self._x0[i] + width * (b - rs) / (re_ - rs)
            x0, x1 = min(x0, lo), max(x1, hi)
            top, bottom = min(top, self._top[i]), max(bottom, self._bottom[i])
            i += 1
        if page == -1:
            return None
        return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


__all__ = ["PdfLayout"]
