"""The public functions: `extract` for one document, `extract_many` for a batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from inspection_extract._assemble import build_record
from inspection_extract._load import Input, load
from inspection_extract._options import Deadline, ExtractOptions
from inspection_extract.errors import InspectionExtractError
from inspection_extract.record import Record


def _options(
    options: ExtractOptions | None,
    max_bytes: int | None,
    max_pages: int | None,
    max_chars: int | None,
    time_budget: float | None,
) -> ExtractOptions:
    return (options or ExtractOptions()).with_limits(
        max_bytes=max_bytes, max_pages=max_pages, max_chars=max_chars, time_budget=time_budget
    )


def extract(
    source: Input,
    *,
    media_type: str | None = None,
    options: ExtractOptions | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    max_chars: int | None = None,
    time_budget: float | None = None,
) -> Record:
    """Read one inspection document and return its `Record`.

    ``source`` is a ``str`` of text (or HTML), ``bytes``, a path (``pathlib.Path``) or
    a binary file object; a ``str`` that is a file's path is refused (`InputError`)
    rather than read as a one-line document. ``media_type`` ("text/plain",
    "text/html", "application/pdf") is sniffed from the content when not given.

    The limits (`ExtractOptions`: ``max_bytes``, ``max_pages``, ``max_chars``,
    ``time_budget``) come from ``options``, each overridden by its keyword when given.

    Raises `InspectionExtractError` (or a subclass) for input that cannot be read, and
    `LimitExceededError` (naming the limit) for input past a limit.

    >>> record = extract("Kirklees PDU has been rated ‘Inadequate’.")
    >>> record.overall_rating.value
    'Inadequate'
    """
    opts = _options(options, max_bytes, max_pages, max_chars, time_budget)
    deadline = Deadline(opts.time_budget, source_name(source) or "the input")
    doc = load(source, media_type=media_type, options=opts, deadline=deadline)
    return build_record(doc, deadline=deadline)


@dataclass(frozen=True)
class BatchResult:
    """One input's outcome in a batch: its record, or the error that stopped it."""

    index: int
    source: str | None
    record: Record | None = None
    error: InspectionExtractError | None = None

    def to_dict(self) -> dict[str, object]:
        """The record's JSON, or an error line ``{"source", "error": {"type", "message"}}``."""
        if self.record is not None:
            return self.record.to_dict()
        assert self.error is not None
        return {
            "source": self.source,
            "error": {"type": type(self.error).__name__, "message": str(self.error)},
        }


def source_name(source: object) -> str | None:
    """How a batch names an input in its error lines: a path as given, a file object's name."""
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        return name if isinstance(name, str) else None
    return None if isinstance(source, str | bytes | bytearray) else str(source)


def extract_one(index: int, source: Input, **options: Any) -> BatchResult:
    """`extract` for one input of a batch: a `BatchResult` whatever happens, never an exception.

    Errors that are not the library's own (a bug) are wrapped in `InspectionExtractError`.
    """
    name = source_name(source)
    try:
        return BatchResult(index, name, record=extract(source, **options))
    except InspectionExtractError as exc:
        return BatchResult(index, name, error=exc)
    except Exception as exc:  # noqa: BLE001 - a batch must never lose an input
        return BatchResult(index, name, error=InspectionExtractError(f"internal error ({type(exc).__name__}): {exc}"))


def extract_many(
    sources: Iterable[Input],
    *,
    media_type: str | None = None,
    options: ExtractOptions | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    max_chars: int | None = None,
    time_budget: float | None = None,
    workers: int | None = None,
    timeout: float | None = None,
) -> Iterator[BatchResult]:
    """Extract each source, yielding one `BatchResult` per input, in input order.

    The limits apply to each document on its own (the time budget is per document).
    An input that fails yields a result with ``error`` set; the batch goes on. Errors
    that are not the library's own (a bug) are wrapped in `InspectionExtractError` so
    that no input is ever lost.

    ``workers`` (default one: this process) spreads the batch over that many worker
    processes. Results still stream in input order, and memory stays bounded whatever
    the batch size: at most a few chunks per worker are in flight. A batch too small to
    pay for starting the processes (fewer than `PARALLEL_MIN_BATCH` inputs) is read in
    this process all the same, unless ``timeout`` is given. In worker processes an input
    that takes longer than ``timeout`` seconds (default `DEFAULT_TIMEOUT`), or whose
    worker dies, becomes a `WorkerError` result and the rest of the batch goes on in a
    fresh worker. Giving ``timeout`` asks for that protection: the batch then runs in
    worker processes (one unless ``workers`` says more) whatever its size, since one
    process cannot interrupt itself.
    """
    opts = _options(options, max_bytes, max_pages, max_chars, time_budget)
    per_input: dict[str, Any] = {"media_type": media_type, "options": opts}
    if timeout is None and (workers is None or workers <= 1):
        for i, source in enumerate(sources):
            yield extract_one(i, source, **per_input)
        return
    from inspection_extract._batch import run_parallel

    yield from run_parallel(sources, per_input, workers=max(workers or 1, 1), timeout=timeout)
