"""Loading: any accepted input becomes one `Document` (normalised text + structure)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO

import regex

from inspection_extract._document import Document
from inspection_extract._load.text import decode, normalise
from inspection_extract.errors import InputError, UnsupportedMediaTypeError
from inspection_extract.record import Source

Input = str | bytes | bytearray | os.PathLike[str] | IO[bytes]

MEDIA_TYPES = ("text/plain", "text/html", "application/pdf")
DEFAULT_MAX_PAGES = 1000

_HTML_SNIFF = regex.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b"
    r"|<(?:p|div|article|h1|br|span|a\s)\b[^>]*>",
    regex.IGNORECASE | regex.DOTALL,
)


def sniff(data: bytes | str) -> str:
    """Guess the media type from content: PDF magic bytes, then HTML markup, else text."""
    head = data[:1024]
    if isinstance(head, bytes):
        if head.lstrip()[:5] == b"%PDF-":
            return "application/pdf"
        head_text = head.decode("latin-1")
    else:
        if head.lstrip().startswith("%PDF-"):
            return "application/pdf"
        head_text = head
    return "text/html" if "<" in head_text and _HTML_SNIFF.search(head_text) else "text/plain"


def read_input(source: Input) -> tuple[bytes | str, str | None]:
    """The raw content of ``source`` and its file name (None for in-memory input)."""
    if isinstance(source, str):
        return source, None
    if isinstance(source, bytes | bytearray):
        return bytes(source), None
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            return path.read_bytes(), path.name
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a directory, not a document") from None
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if hasattr(source, "read"):
        try:
            data = source.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the file object: {exc}") from None
        if isinstance(data, str):
            return data, getattr(source, "name", None) and Path(str(source.name)).name
        if not isinstance(data, bytes | bytearray):
            raise InputError(f"the file object's read() returned {type(data).__name__}, not bytes")
        name = getattr(source, "name", None)
        return bytes(data), Path(str(name)).name if isinstance(name, str) else None
    raise InputError(
        f"cannot read a {type(source).__name__}: pass a str of text, bytes, a path "
        "(pathlib.Path) or a binary file object"
    )


def load(source: Input, *, media_type: str | None = None, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Read ``source`` and prepare its `Document`."""
    data, name = read_input(source)
    if media_type is None:
        media_type = sniff(data)
    elif media_type not in MEDIA_TYPES:
        raise UnsupportedMediaTypeError(
            f"unsupported media type {media_type!r}; use one of {', '.join(MEDIA_TYPES)} or None to sniff"
        )
    raw = data.encode("utf-8") if isinstance(data, str) else data
    sha = hashlib.sha256(raw).hexdigest()
    if media_type == "application/pdf":
        from inspection_extract._load.pdf import load_pdf

        if isinstance(data, str):
            raise InputError("a PDF must be given as bytes, a path or a binary file, not a str")
        return load_pdf(data, name=name, sha256=sha, max_pages=max_pages)
    text_in = data if isinstance(data, str) else decode(data)
    if media_type == "text/html":
        from inspection_extract._load.html import html_to_text

        page = html_to_text(text_in)
        doc = Document(
            text=page.text,
            source=Source(name, media_type, sha),
            quote_blocks=page.quote_blocks,
            title_span=page.title_span,
        )
    else:
        from inspection_extract._load.repair import looks_extracted, repair_extracted_text

        if looks_extracted(text_in):  # text pasted from a PDF: join its broken words first
            text_in = repair_extracted_text(text_in)
        doc = Document(text=normalise(text_in), source=Source(name, media_type, sha))
    if not doc.text.strip():
        raise InputError(f"{name or 'the input'} holds no text")
    return doc


__all__ = ["Input", "load", "sniff", "read_input", "MEDIA_TYPES", "DEFAULT_MAX_PAGES"]
