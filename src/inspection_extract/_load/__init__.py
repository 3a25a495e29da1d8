"""Loading: any accepted input becomes one `Document` (normalised text + structure)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

import regex

from inspection_extract._document import Document
from inspection_extract._load.text import binary_kind, decode, normalise
from inspection_extract._options import DEFAULT_MAX_PAGES, NO_DEADLINE, Deadline, ExtractOptions, too_long
from inspection_extract.errors import InputError, InspectionExtractError, TooLargeError, UnsupportedMediaTypeError
from inspection_extract.record import Source

Input = str | bytes | bytearray | os.PathLike[str] | IO[bytes]

MEDIA_TYPES = ("text/plain", "text/html", "application/pdf")

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


# A str of one line, with no space, ending in a document's file suffix: a path by its shape.
_PATH_SHAPED = regex.compile(r"^[^\s]+\.(?:pdf|txt|text|html?|xhtml)$", regex.IGNORECASE)
_MAX_PATH_CHARS = 4096


def _path_mistake(s: str) -> str | None:
    """Why the str ``s`` reads as a file's path rather than a document's text, or None.

    A str is always the document's text; a path given as a str would otherwise be read
    as a one-line document and give an empty record without a word.
    """
    if len(s) > _MAX_PATH_CHARS or "\n" in s or "\r" in s:
        return None
    candidate = s.strip()
    if not candidate:
        return None
    try:
        exists = os.path.exists(candidate)  # False for a NUL byte or a name too long
    except (OSError, ValueError):
        exists = False
    if exists:
        kind = "a directory" if os.path.isdir(candidate) else "an existing file"
        return f"the str {_short(candidate)} is the path of {kind}, not a document's text"
    if _PATH_SHAPED.match(candidate) and "://" not in candidate:
        return f"the str {_short(candidate)} looks like a file path (no such file exists), not a document's text"
    return None


def _short(s: str, n: int = 80) -> str:
    return repr(s if len(s) <= n else s[: n - 1] + "…")


def _too_large(label: str, size: int, max_bytes: int) -> TooLargeError:
    return TooLargeError(
        f"{label} is {size:,} bytes, more than the limit of max_bytes={max_bytes:,}; raise max_bytes to read it",
        limit="max_bytes",
        value=max_bytes,
    )


def _read_bounded(read: Callable[[int], bytes | str], label: str, max_bytes: int | None) -> bytes | str:
    """Read at most ``max_bytes`` (and one more, to tell that there is more)."""
    data = read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and isinstance(data, bytes | bytearray) and len(data) > max_bytes:
        raise TooLargeError(
            f"{label} is more than the limit of max_bytes={max_bytes:,} bytes; raise max_bytes to read it",
            limit="max_bytes",
            value=max_bytes,
        )
    return data


def _checked_text(s: str, max_bytes: int | None) -> str:
    """``s``, once known to be valid Unicode within ``max_bytes`` as UTF-8."""
    try:
        size = len(s.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InputError(
            f"the text holds a lone surrogate (U+{ord(s[exc.start]):04X} at {exc.start}): it is not "
            "valid Unicode; decode the input with errors='replace' or pass its bytes"
        ) from None
    if max_bytes is not None and size > max_bytes:
        raise _too_large("the text", size, max_bytes)
    return s


def read_input(source: Input, *, max_bytes: int | None = None) -> tuple[bytes | str, str | None]:
    """The raw content of ``source`` and its file name (None for in-memory input).

    Raises `InputError` for a str that is a path (pass a ``pathlib.Path``), a file that
    cannot be read, or an object that is no input, and `TooLargeError` past ``max_bytes``.
    """
    if isinstance(source, str):
        mistake = _path_mistake(source)
        if mistake:
            raise InputError(
                f"{mistake}: a str is read as the document's text; to read a file pass a path "
                "(pathlib.Path(...)), and to read this text as a document pass it as bytes"
            )
        return _checked_text(source, max_bytes), None
    if isinstance(source, bytes | bytearray):
        if max_bytes is not None and len(source) > max_bytes:
            raise _too_large("the input", len(source), max_bytes)
        return bytes(source), None
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            with path.open("rb") as f:
                size = os.fstat(f.fileno()).st_size
                if max_bytes is not None and size > max_bytes:
                    raise _too_large(str(path), size, max_bytes)
                data = _read_bounded(f.read, str(path), max_bytes)
            assert isinstance(data, bytes)
            return data, path.name
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a directory, not a document") from None
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        try:
            data = _read_bounded(source.read, "the file object", max_bytes)
        except InspectionExtractError:
            raise
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the file object: {exc}") from None
        if isinstance(data, str):
            return _checked_text(data, max_bytes), Path(str(name)).name if name else None
        if not isinstance(data, bytes | bytearray):
            raise InputError(f"the file object's read() returned {type(data).__name__}, not bytes")
        return bytes(data), Path(str(name)).name if isinstance(name, str) else None
    raise InputError(
        f"cannot read a {type(source).__name__}: pass a str of text, bytes, a path "
        "(pathlib.Path) or a binary file object"
    )


def load(
    source: Input,
    *,
    media_type: str | None = None,
    max_pages: int | None = None,
    options: ExtractOptions | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> Document:
    """Read ``source`` and prepare its `Document`, within the limits of ``options``."""
    opts = (options or ExtractOptions()).with_limits(max_pages=max_pages)
    data, name = read_input(source, max_bytes=opts.max_bytes)
    label = name or "the input"
    deadline.check("reading the input")
    if media_type is not None and media_type not in MEDIA_TYPES:
        raise UnsupportedMediaTypeError(
            f"unsupported media type {media_type!r}; use one of {', '.join(MEDIA_TYPES)} or None to sniff"
        )
    raw = data.encode("utf-8") if isinstance(data, str) else data
    sha = hashlib.sha256(raw).hexdigest()
    if isinstance(data, bytes) and (media_type or sniff(data)) != "application/pdf":
        kind = binary_kind(data)
        if kind:
            raise UnsupportedMediaTypeError(
                f"{label} is {kind}, not a document: the library reads text, HTML and PDF"
            )
        data = decode(data)  # before sniffing: UTF-16 HTML shows its markup only once decoded
    if media_type is None:
        media_type = sniff(data)
    if media_type == "application/pdf":
        from inspection_extract._load.pdf import load_pdf

        if isinstance(data, str):
            raise InputError("a PDF must be given as bytes, a path or a binary file, not a str")
        doc = load_pdf(
            data, name=name, sha256=sha, max_pages=opts.max_pages, max_chars=opts.max_chars, deadline=deadline
        )
    else:
        text_in = data if isinstance(data, str) else decode(data)
        if media_type == "text/plain" and opts.max_chars is not None and len(text_in) > opts.max_chars:
            raise too_long(label, len(text_in), opts.max_chars)  # before the work of normalising it
        deadline.check("decoding the text")
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
    if opts.max_chars is not None and len(doc.text) > opts.max_chars:
        raise too_long(label, len(doc.text), opts.max_chars)
    deadline.check("loading the document")
    return doc


__all__ = ["Input", "load", "sniff", "read_input", "MEDIA_TYPES", "DEFAULT_MAX_PAGES"]
