"""Spans sorted once, asked many times whether they hold an offset."""

from __future__ import annotations

import bisect
from itertools import accumulate

Span = tuple[int, int]


class Spans:
    """Spans sorted by start, for asking many times whether an offset is inside one of them
    (a bisection, where a scan of every span would make the asking quadratic)."""

    def __init__(self, spans: list[Span]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        # the furthest end of the spans up to each one: spans may overlap
        self.reach = list(accumulate((b for _, b in spans), max))

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos

    def meets(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``start:end`` (or, empty, stands inside it):
        ``any(a < end and start < b for a, b in spans)``."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a[0] < b[1] and b[0] < a[1]
