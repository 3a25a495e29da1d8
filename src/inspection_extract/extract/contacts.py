"""Press contacts."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Contact


def contacts(doc: Document) -> list[Contact]:
    """Press contact e-mail addresses; never licence or copyright boilerplate."""
    return []
