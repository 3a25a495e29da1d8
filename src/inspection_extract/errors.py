"""The library's exceptions. Every error it raises is an `InspectionExtractError`."""

from __future__ import annotations


class InspectionExtractError(Exception):
    """Base class of every error raised by inspection-extract."""


class InputError(InspectionExtractError, ValueError):
    """The input cannot be read as a document: wrong type, unreadable file, empty, undecodable."""


class UnsupportedMediaTypeError(InputError):
    """The media type given or sniffed is not one the library reads."""


class PdfError(InputError):
    """A PDF that cannot be read: corrupt, truncated, or with no pages."""


class EncryptedPdfError(PdfError):
    """The PDF is encrypted and needs a password."""


class NoTextLayerError(PdfError):
    """The PDF has pages but no text layer (a scan); the library does no OCR."""





class LimitExceededError(InputError):
    """The input goes past one of the limits of `ExtractOptions`.

    ``limit`` names the option (``max_bytes``, ``max_pages``, ``max_chars``,
    ``time_budget``), ``value`` its setting; the message says how to raise it.
    """

    def __init__(self, message: str, *, limit: str, value: float) -> None:
        super().__init__(message)
        self.limit = limit
        self.value = value


class TooLargeError(LimitExceededError):
    """The input has more bytes than ``max_bytes``."""


class TooLongError(LimitExceededError):
    """The document's text has more characters than ``max_chars``."""


class TimeBudgetExceededError(LimitExceededError):
    """Reading the document took longer than ``time_budget`` seconds."""


class TooManyPagesError(PdfError, LimitExceededError):
    """The PDF has more pages than ``max_pages``."""


class WorkerError(InspectionExtractError):
    """A worker process of a parallel batch died while reading this input (a crash, or killed)."""


class WorkerTimeoutError(WorkerError):
    """This input took longer than the batch's per-input timeout; its worker process was ended."""
