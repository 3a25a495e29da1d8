"""PDF input (not yet built)."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.errors import UnsupportedMediaTypeError


def load_pdf(data: bytes, *, name: str | None, sha256: str, max_pages: int) -> Document:
    raise UnsupportedMediaTypeError("PDF input is not supported yet")
