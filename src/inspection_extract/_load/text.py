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
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Typographic ligatures (PDF-extracted text keeps them): "ﬁndings" -> "findings".
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_LIGATURE = regex.compile("[\ufb00-\ufb04]")


def _spell_ligatures(s: str) -> str:
    # str.translate with a dict costs a lookup per character: search first.
    return _LIGATURE.sub(lambda m: _LIGATURES[m.group()], s) if _LIGATURE.search(s) else s
_BLANK_LINES = regex.compile(r"\n{3,}")


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), falling back to Windows-1252."""
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
    s = unicodedata.normalize("NFC", s)
    s = _C1.sub(_c1_to_cp1252, s)
    s = _spell_ligatures(_INVISIBLE.sub("", s))
    return " ".join(s.split())


def normalise(raw: str) -> str:
    """The normal form of a plain-text document: lines kept, paragraphs one blank line apart."""
    s = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    s = _C1.sub(_c1_to_cp1252, s)
    s = _spell_ligatures(_INVISIBLE.sub("", s))
    s = s.replace("\f", "\n\n")
    lines = [" ".join(line.split()) for line in s.split("\n")]
    s = "\n".join(lines)
    s = _BLANK_LINES.sub("\n\n", s)
    return s.strip()
