"""Plain text: decoding and the normalisation every loader shares.

The normal form is NFC; every kind of space (no-break, thin, tab) folded to one
ASCII space; soft hyphens and zero-width characters removed; lines trimmed; a blank
line between paragraphs and never two.
"""

from __future__ import annotations

import unicodedata

import regex

from inspection_extract.errors import InputError

# Characters 0x80-0x9F decoded as Latin-1 instead of Windows-1252: smart quotes,
# dashes and ellipses from Word documents arrive this way.
_C1 = regex.compile(r"[\x80-\x9f]")
# Soft hyphens, zero-width characters and the control characters no text holds (a stray NUL).
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f]")
# Typographic ligatures (PDF-extracted text keeps them): "ﬁndings" -> "findings".
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_LIGATURE = regex.compile("[\ufb00-\ufb04]")


# Any of the three above: most text holds none, and one scan tells.
_ODD = regex.compile(r"[\x80-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f\ufb00-\ufb04]")


def _spell_ligatures(s: str) -> str:
    # str.translate with a dict costs a lookup per character: search first.
    return _LIGATURE.sub(lambda m: _LIGATURES[m.group()], s) if _LIGATURE.search(s) else s


def _repair_characters(s: str) -> str:
    """C1 characters as Windows-1252, invisible characters dropped, ligatures spelt out."""
    if _ODD.search(s) is None:
        return s
    s = _C1.sub(_c1_to_cp1252, s)
    return _spell_ligatures(_INVISIBLE.sub("", s))


_BLANK_LINES = regex.compile(r"\n{3,}")


# Formats that arrive under a document's name (a .docx saved as .pdf, a scan's PNG as .txt):
# refused by name rather than decoded into garbage.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx, .odt or .zip file?)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97-2003 file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters no text document holds (not the ones Python counts as whitespace:
# tab, line and form feeds, carriage return, the vertical tab Word writes for a line
# break, the separators 0x1c-0x1f). Stray ones are dropped from text; many of them
# mean binary data (random bytes hold about 9%).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 28), 127])
_BINARY_SHARE = 0.05
_HEAD = 4096


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is if it is binary rather than text: "a PNG image", "binary data"; None for text.

    Known formats are named by their magic bytes; anything else with more than 5% control
    bytes in its first 4 KB (text has none; random bytes about 9%) is "binary data".
    UTF-16 and UTF-32 text (with or without a byte order mark) is text.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:_HEAD]
    if not head or _utf16_order(head) or any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return "binary data" if controls > _BINARY_SHARE * len(head) else None


def _utf16_order(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte order mark, else None.

    Text in the Latin alphabet has a zero byte in every pair, always on the same side.
    """
    n = len(head) // 2 * 2
    if n < 8:
        return None
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    half = n // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode bytes: by their byte order mark, as UTF-16 if they look it, else UTF-8, else Windows-1252."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _utf16_order(data[:_HEAD])
    if encoding and encoding != "utf-8-sig":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode the input as {encoding.upper()} (byte {exc.start}); re-encode the file as UTF-8"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode the input as UTF-8 or Windows-1252 (byte {exc.start}); "
            "pass text (str) or re-encode the file as UTF-8"
        ) from None


def _c1_to_cp1252(m: regex.Match[str]) -> str:
    try:
        return bytes([ord(m.group())]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


def clean_inline(s: str) -> str:
    """Normalise a run of text that holds no line structure: one line, spaces folded."""
    s = _repair_characters(unicodedata.normalize("NFC", s))
    return " ".join(s.split())


def normalise(raw: str) -> str:
    """The normal form of a plain-text document: lines kept, paragraphs one blank line apart."""
    s = _repair_characters(unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")))
    s = s.replace("\f", "\n\n")
    lines = [" ".join(line.split()) for line in s.split("\n")]
    s = "\n".join(lines)
    s = _BLANK_LINES.sub("\n\n", s)
    return s.strip()
