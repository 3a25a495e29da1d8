"""Bad input, kind by kind: each gets its record or a clear library error, alone and in a batch.

The table below is the list the README quotes. Every input is built here (none is kept
as a fixture but the small PDFs under fixtures/pdf/); big ones are generated. All of
them go through `extract_many` as one batch, and the file-based ones through the
command line as one run: each must come back in its place, and the batch goes on.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from inspection_extract import BatchResult, Record, extract_many
from inspection_extract._assemble import NOTHING_FOUND
from inspection_extract.cli import run
from inspection_extract.errors import (
    EncryptedPdfError,
    InputError,
    InspectionExtractError,
    NoTextLayerError,
    PdfError,
    TooLongError,
    TooManyPagesError,
    UnsupportedMediaTypeError,
)

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "fixtures" / "pdf"
RELEASE = "Kirklees PDU has been rated ‘Inadequate’ by HM Inspectorate of Probation."
SENTENCE = "Inspectors found that Kirklees PDU required improvement."

# --- builders: each returns the input, written under ``tmp`` when it is a file ---------------


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(8).randbytes(300)


def _zip() -> bytes:  # a .docx is a ZIP archive
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document>{RELEASE}</w:document>")
    return buf.getvalue()


def _file(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data() if callable(data) else data)
        return path

    return make


def _text_pdf(text: str, *, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    if owner_password:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _blank_pages_pdf(n: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    try:
        for _ in range(n):
            pdf.new_page(595, 842).close()
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()
    finally:
        pdf.close()


def _minimal_pdf(stream: bytes, font: bytes) -> bytes:
    """A one-page PDF written object by object, with its cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _garbage_glyphs_pdf() -> bytes:
    """A text layer of glyph codes that map to no letters (a subset font without its Unicode map)."""
    rnd = random.Random(3)
    usable = [c for c in range(1, 48) if c not in b"\\()\r\n"]
    lines = [b"(" + bytes(rnd.choice(usable) for _ in range(60)) + b") Tj 0 -14 Td " for _ in range(40)]
    names = " ".join(f"/g{i}" for i in range(1, 127)).encode()
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [1 " + names + b"] >> >>"
    return _minimal_pdf(b"BT /F1 10 Tf 50 800 Td " + b"".join(lines) + b"ET", font)


def _deep_html(levels: int) -> str:
    return f"<html><body>{'<div>' * levels}<p>{RELEASE}</p>{'</div>' * levels}</body></html>"


def _many_tags_html(n: int) -> str:
    cells = "".join(f"<span class='c{i % 7}'>cell {i}</span> " for i in range(n))
    return f"<html><body><p>{RELEASE}</p><div>{cells}</div></body></html>"


BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">\n' for i in range(1, 10))
    + f"]>\n<html><body><p>&lol9;</p><p>{RELEASE}</p></body></html>"
)

WELSH = """Gwasanaeth prawf Abertawe yn gwella

Mae Arolygiaeth Prawf EF wedi cyhoeddi adroddiad heddiw ar y gwasanaeth prawf yn Abertawe,
Castell-nedd a Phort Talbot. Dywedodd yr arolygwyr fod y staff yn gweithio'n galed a bod
y gwaith gyda phobl ar brawf wedi gwella ers yr arolygiad diwethaf, er bod angen gwella
rhagor ar asesu risg.

"Rwy'n falch o weld y cynnydd hwn," meddai'r Prif Arolygydd.

Gwnaeth yr arolygwyr bum argymhelliad.
"""

RECIPE = """Lemon drizzle cake

Heat the oven to 180C. Beat 225g of softened butter with 225g of caster sugar until pale,
then add four eggs one at a time. Fold in 225g of self-raising flour and the zest of one lemon.

Bake for 45 minutes. While the cake is warm, pour over the juice of one and a half lemons
mixed with 85g of icing sugar. It is rated one of the best cakes for a village fete: good
for twelve people, and outstanding with tea.
"""


def _unreadable(tmp: Path) -> Path:
    path = tmp / "locked.txt"
    path.write_text(RELEASE, encoding="utf-8")
    path.chmod(0)
    return path


def _symlink_loop(tmp: Path) -> Path:
    a, b = tmp / "loop-a.txt", tmp / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _directory(tmp: Path) -> Path:
    d = tmp / "reports.pdf"
    d.mkdir()
    return d


# --- expected outcomes -----------------------------------------------------------------------


def _is_empty(rec: Record) -> bool:
    """Nothing invented: no unit, no rating, and the warning that nothing was found."""
    return (
        not rec.units
        and rec.overall_rating is None
        and not rec.aspect_ratings
        and NOTHING_FOUND in rec.warnings
    )


def _rated_inadequate(rec: Record) -> bool:
    return rec.overall_rating is not None and rec.overall_rating.value == "Inadequate" and "\x00" not in rec.text


@dataclass(frozen=True)
class Case:
    kind: str
    make: Callable[[Path], Any]
    #: the library error expected, or None for a record
    error: type[InspectionExtractError] | None
    #: a pattern its message matches, or what the record must show
    expect: str | Callable[[Record], bool]
    #: a file the command line can be given (not an in-memory str)
    on_disk: bool = True


def _b(data: bytes | str) -> Callable[[Path], Any]:
    return lambda tmp: data


CASES = [
    Case("empty bytes", _b(b""), InputError, "holds no text"),
    Case("whitespace only", _b(b" \t\r\n\n  \n"), InputError, "holds no text"),
    Case("random binary", _b(random.Random(1).randbytes(4096)), UnsupportedMediaTypeError, "is binary data"),
    Case("PNG named .pdf", _file("scan.pdf", _png()), UnsupportedMediaTypeError, "scan.pdf is a PNG image"),
    Case("PNG named .txt", _file("scan.txt", _png()), UnsupportedMediaTypeError, "scan.txt is a PNG image"),
    Case("PNG named .html", _file("scan.html", _png()), UnsupportedMediaTypeError, "scan.html is a PNG image"),
    Case("ZIP named .pdf", _file("report.pdf", _zip()), UnsupportedMediaTypeError, r"is a ZIP archive \(a \.docx"),
    Case("ZIP named .txt", _file("report.txt", _zip()), UnsupportedMediaTypeError, "report.txt is a ZIP archive"),
    Case("ZIP named .html", _file("report.html", _zip()), UnsupportedMediaTypeError, "report.html is a ZIP archive"),
    Case("UTF-16 with BOM", _b(RELEASE.encode("utf-16")), None, _rated_inadequate),
    Case("UTF-16 LE without BOM", _b(RELEASE.encode("utf-16-le")), None, _rated_inadequate),
    Case("UTF-16 BE without BOM", _b(RELEASE.encode("utf-16-be")), None, _rated_inadequate),
    Case("UTF-16 HTML", _b(f"<html><body><p>{RELEASE}</p></body></html>".encode("utf-16")), None,
         lambda r: r.source.media_type == "text/html" and _rated_inadequate(r)),
    Case("UTF-32 with BOM", _b(RELEASE.encode("utf-32")), None, _rated_inadequate),
    Case("UTF-8 with BOM", _b(b"\xef\xbb\xbf" + RELEASE.encode()), None,
         lambda r: r.text == RELEASE and _rated_inadequate(r)),
    Case("Latin-1", _b("Inspectors visited the café at Ysbyty Gwynedd in Bangor.".encode("latin-1")), None,
         lambda r: "café" in r.text),
    Case("cp1252 smart quotes", _b("“We are proud of our staff,” said Jane Doe.\n\n".encode("cp1252")), None,
         lambda r: r.text.startswith("“We are proud") and [q.text for q in r.quotes] == ["We are proud of our staff"]),
    Case("mixed line endings", _b(b"Kirklees PDU\r\nhas been rated\rInadequate.\n\r\nNext paragraph."), None,
         lambda r: r.text == "Kirklees PDU\nhas been rated\nInadequate.\n\nNext paragraph."),
    Case("NUL bytes in text", _b(RELEASE.replace(" ", " \x00", 3).encode()), None, _rated_inadequate),
    Case("lone surrogate in a str", _b("Kirklees PDU \ud800 rated"), InputError, r"lone surrogate \(U\+D800",
         on_disk=False),
    Case("50 MB of text", _file("huge.txt", lambda: (SENTENCE + "\n\n").encode() * (50_000_000 // (len(SENTENCE) + 2))),
         TooLongError, "more than the limit of max_chars=2,000,000"),
    Case("a 5-million-character line", lambda tmp: "word " * 1_000_000, TooLongError,
         "has 5,000,000 characters, more than the limit of max_chars=2,000,000"),
    Case("HTML nested 10,000 deep", lambda tmp: _deep_html(10_000), None, _rated_inadequate),
    Case("HTML with 100,000 tags", lambda tmp: _many_tags_html(100_000), None,
         lambda r: _rated_inadequate(r) and "cell 99999" in r.text),
    Case("malformed HTML", _b(f"<html><body><div><p>{RELEASE.replace('PDU', '<b>PDU')}<p>More</div></i></td>"
                              "<a href=x>link<p>end"), None, _rated_inadequate),
    Case("XML entity-expansion bomb", _b(BOMB), None,
         lambda r: "lollol" not in r.text and len(r.text) < 200 and _rated_inadequate(r)),
    Case("svg, script and style only", _b("<html><head><style>p{color:red}</style></head><body><svg><text>"
                                          "Good</text></svg><script>var rating='Good';</script></body></html>"),
         InputError, "holds no text"),
    Case("truncated PDF", lambda tmp: PDFS / "truncated.pdf", PdfError, "corrupt or truncated"),
    Case("encrypted PDF with a user password", lambda tmp: PDFS / "encrypted.pdf", EncryptedPdfError,
         "encrypted; a password is needed"),
    Case("encrypted PDF without a user password",
         _b(_text_pdf(RELEASE.replace("‘", "'").replace("’", "'"), owner_password="owner-only")), None,
         _rated_inadequate),
    Case("zero-page PDF", lambda tmp: PDFS / "zero-pages.pdf", PdfError, "has no pages"),
    Case("image-only PDF", lambda tmp: PDFS / "image-only.pdf", NoTextLayerError, "no text layer.*OCR"),
    Case("PDF over the page limit", lambda tmp: _blank_pages_pdf(1001), TooManyPagesError,
         "1001 pages, more than the limit of max_pages=1000"),
    Case("PDF text layer of garbage glyph codes", _b(_garbage_glyphs_pdf()), NoTextLayerError,
         "not readable text .*letters"),
    Case("directory", _directory, InputError, "reports.pdf is a directory"),
    Case("missing file", lambda tmp: tmp / "missing.pdf", InputError, "no such file: .*missing.pdf"),
    Case("unreadable file", _unreadable, InputError, "cannot read .*locked.txt: Permission denied"),
    Case("symlink loop", _symlink_loop, InputError, "cannot read .*loop-a.txt: Too many levels of symbolic links"),
    Case("a str that is a file's path", lambda tmp: str(PDFS / "encrypted.pdf"), InputError,
         r"is the path of an existing file.*pathlib\.Path", on_disk=False),
    Case("a PDF given as a str", _b("%PDF-1.7\n1 0 obj << >> endobj"), InputError, "a PDF must be given as bytes",
         on_disk=False),
    Case("not a document object", _b(3.14), InputError, "cannot read a float", on_disk=False),
    Case("Welsh-language release", _b(WELSH), None,
         lambda r: _is_empty(r) and [q.text for q in r.quotes] == ["Rwy'n falch o weld y cynnydd hwn"]),
    Case("a recipe (not an inspection)", _b(RECIPE), None, _is_empty),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[BatchResult]]:
    """Every case's input, and the batch results of reading them all in one `extract_many`."""
    tmp = tmp_path_factory.mktemp("bad")
    sources = [case.make(tmp) for case in CASES]
    with _unreadable_for_root():
        results = list(extract_many(sources))
    return sources, results


class _unreadable_for_root:
    """As root, chmod 0 does not stop a read: there, opening ``locked.txt`` fails as it would for a user."""

    def __enter__(self) -> None:
        self.mp = pytest.MonkeyPatch()
        if os.geteuid() == 0:
            real_open = Path.open

            def guarded(path: Path, *args: Any, **kwargs: Any) -> Any:
                if path.name == "locked.txt":
                    raise PermissionError(13, "Permission denied", str(path))
                return real_open(path, *args, **kwargs)

            self.mp.setattr(Path, "open", guarded)

    def __exit__(self, *exc: object) -> None:
        self.mp.undo()


def test_at_least_thirty_kinds() -> None:
    assert len({c.kind for c in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c.kind for c in CASES])
def test_each_kind_gets_its_record_or_a_clear_error(batch: tuple[list[Any], list[BatchResult]], i: int) -> None:
    case = CASES[i]
    result = batch[1][i]
    assert result.index == i
    if case.error is None:
        assert result.error is None, f"{case.kind}: {type(result.error).__name__}: {result.error}"
        assert result.record is not None
        assert callable(case.expect) and case.expect(result.record), f"{case.kind}: {result.record.to_dict()}"
    else:
        assert type(result.error) is case.error, f"{case.kind}: {type(result.error).__name__}: {result.error}"
        assert isinstance(case.expect, str)
        assert re.search(case.expect, str(result.error)), f"{case.kind}: {result.error}"
        assert "internal error" not in str(result.error)


def _cli_files(sources: list[Any], tmp: Path) -> Iterator[str]:
    for i, (case, source) in enumerate(zip(CASES, sources, strict=True)):
        if not case.on_disk:
            continue
        if isinstance(source, Path):
            yield str(source)
        else:
            path = tmp / f"{i:02d}.in"
            path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
            yield str(path)


def test_command_line_reports_every_input_in_its_place(
    batch: tuple[list[Any], list[BatchResult]], tmp_path: Path
) -> None:
    files = list(_cli_files(batch[0], tmp_path))
    cases = [c for c in CASES if c.on_disk]
    out = io.StringIO()
    with _unreadable_for_root():
        status = run(["--format", "jsonl", "--no-text", *files], stdout=out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert status == 1
    assert len(lines) == len(files) == len(cases)
    for case, line in zip(cases, lines, strict=True):
        if case.error is None:
            assert "error" not in line, (case.kind, line)
        else:
            assert line["error"]["type"] == case.error.__name__, (case.kind, line)


@pytest.mark.parametrize("before", ["encrypted.pdf", "truncated.pdf", "image-only.pdf"])
def test_a_pdf_error_does_not_depend_on_the_input_before_it(before: str) -> None:
    # pdfium reports no error code of its own for an empty page tree: the last failure's stayed
    _, zero = extract_many([PDFS / before, PDFS / "zero-pages.pdf"])
    assert type(zero.error) is PdfError and "has no pages" in str(zero.error)


def test_a_5_million_character_line_is_read_when_the_limit_allows() -> None:
    (result,) = extract_many(["word " * 1_000_000], max_chars=5_000_000)
    assert result.record is not None and len(result.record.text) == 4_999_999
    assert NOTHING_FOUND in result.record.warnings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_release_in_another_unicode_encoding_gives_the_same_record(encoding: str) -> None:
    text = (ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt").read_text(encoding="utf-8")
    (utf8, other) = extract_many([text.encode("utf-8"), text.encode(encoding)])
    assert utf8.record is not None and other.record is not None
    strip = lambda r: {k: v for k, v in r.to_dict().items() if k != "source"}  # noqa: E731
    assert strip(other.record) == strip(utf8.record)


def test_a_damaged_pdf_after_an_encrypted_one_is_not_called_encrypted() -> None:
    data = (PDFS / "ruled-table.pdf").read_bytes().replace(b"/Pages 1 0 R", b"/PPages 1 0 R", 1)
    alone = next(extract_many([data])).error
    _, after = extract_many([PDFS / "encrypted.pdf", data])
    assert type(alone) is type(after.error) is PdfError
    assert str(alone) == str(after.error) == "the PDF cannot be read: it is corrupt or truncated"


def test_text_with_word_line_breaks_is_text_not_binary() -> None:
    # Word writes a manual line break as a vertical tab; a short letter can be full of them
    (result,) = extract_many([("Kirklees PDU\x0bHuddersfield\x0b" * 100).encode()])
    assert result.record is not None and "Kirklees PDU Huddersfield" in result.record.text
