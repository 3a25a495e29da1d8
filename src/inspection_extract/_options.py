"""The limits on what one document may cost: `ExtractOptions`, and the deadline it sets.

A pipeline reads whatever it is handed; these bound the input's size (bytes, PDF
pages, characters of text) and the time spent on it, each with a clear error
(`LimitExceededError` and its subclasses) that names the limit and how to raise it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields, replace

from inspection_extract.errors import InputError, TimeBudgetExceededError, TooLongError

DEFAULT_MAX_BYTES = 100_000_000
DEFAULT_MAX_PAGES = 1000
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_TIME_BUDGET = 60.0


@dataclass(frozen=True)
class ExtractOptions:
    """Limits on one document; ``None`` turns a limit off.

    - ``max_bytes``: size of the input (a file, bytes, or a str's UTF-8). 100 MB by
      default: far more than any release or report with its photographs. A file is
      refused from its size before it is read.
    - ``max_pages``: pages of a PDF (1000), checked before any page is read.
    - ``max_chars``: characters of the document's text (2 million, about 600 pages of a
      report; the longest inspection reports hold under half a million). Plain text is
      measured as decoded, before its whitespace is folded; HTML and PDF by the text
      read from them, a PDF page by page, stopping at the page that passes the limit.
    - ``time_budget``: seconds of wall-clock time for the whole document (60). It is
      checked between steps (after reading, after decoding, after each PDF page and
      after each field's extractor), not inside one: a document can run over by the
      time of one step, which ``max_chars`` bounds (the longest steps, units and counts,
      take about 3.5 s for 2 million characters on the benchmark machine).

    >>> ExtractOptions(max_pages=50).max_pages
    50
    """

    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_pages: int | None = DEFAULT_MAX_PAGES
    max_chars: int | None = DEFAULT_MAX_CHARS
    time_budget: float | None = DEFAULT_TIME_BUDGET

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, int | float) or v <= 0:
                raise InputError(f"{f.name} must be a positive number or None (no limit), not {v!r}")
            if f.name != "time_budget" and not isinstance(v, int):
                raise InputError(f"{f.name} must be a whole number, not {v!r}")

    def with_limits(self, **limits: float | None) -> ExtractOptions:
        """A copy with the limits given; a keyword left at ``None`` is not given.

        (To turn a limit off, build the options with it set to ``None``.)
        """
        given = {k: v for k, v in limits.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise InputError(f"unknown limit(s) {sorted(unknown)}; the limits are {[f.name for f in fields(self)]}")
        return replace(self, **given) if given else self  # type: ignore[arg-type]


class Deadline:
    """The time a document's budget runs out; `check` raises once it has."""

    def __init__(self, budget: float | None, label: str = "the input") -> None:
        self.budget = budget
        self.label = label
        self._end = None if budget is None else time.monotonic() + budget

    def check(self, step: str) -> None:
        """Raise `TimeBudgetExceededError` if the budget is spent (``step``: what just ran)."""
        if self._end is not None and time.monotonic() > self._end:
            raise TimeBudgetExceededError(
                f"{self.label} took more than its time budget of {self.budget:g} s (at: {step}); "
                "raise time_budget (or pass None) to read it",
                limit="time_budget",
                value=float(self.budget or 0),
            )


NO_DEADLINE = Deadline(None)


def too_long(label: str, n: int, max_chars: int, *, at_least: bool = False) -> TooLongError:
    """The error for a text of ``n`` characters (or more) past ``max_chars``."""
    return TooLongError(
        f"the text of {label} has {'at least ' if at_least else ''}{n:,} characters, more than the limit of "
        f"max_chars={max_chars:,}; raise max_chars to read it",
        limit="max_chars",
        value=max_chars,
    )


__all__ = [
    "ExtractOptions",
    "Deadline",
    "too_long",
    "NO_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TIME_BUDGET",
]
