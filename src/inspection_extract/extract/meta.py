"""Document-level facts: inspectorate, title and document type."""

from __future__ import annotations

from inspection_extract._document import Document
from inspection_extract.record import Field


def inspectorate(doc: Document) -> Field | None:
    """The inspectorate that published or carried out the inspection, normalised."""
    return None


def title(doc: Document) -> Field | None:
    """The document's own title: the HTML ``<h1>``, a report's cover, a release's headline."""
    return None


def document_type(doc: Document) -> str:
    """"press_release", "report", "news_article" or "other"."""
    return "other"
