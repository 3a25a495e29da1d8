"""The Python API: accepted inputs, sniffing, the record's JSON and clear errors."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from inspection_extract import InspectionExtractError, extract, extract_many
from inspection_extract.errors import InputError, UnsupportedMediaTypeError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt"
HTML = ROOT / "fixtures" / "corpus" / "pr-three-london-pdus-2024.html"

RECORD_KEYS = [
    "schema_version", "source", "text", "document_type", "inspectorate", "title", "units",
    "overall_rating", "region", "aspect_ratings", "quotes", "counts", "percentages",
    "recommendations", "dates", "contacts", "warnings",
]


def test_record_keys_are_the_contract() -> None:
    d = extract(SEED).to_dict()
    assert list(d) == RECORD_KEYS
    assert set(d["dates"]) == {"published", "embargo", "fieldwork"}
    assert d["schema_version"] == "1"


@pytest.mark.parametrize(
    "make_source, name",
    [
        (lambda p: p, "seed-birmingham-nes-2022.txt"),
        (lambda p: p.read_bytes(), None),
        (lambda p: io.BytesIO(p.read_bytes()), None),
        (lambda p: p.open("rb"), "seed-birmingham-nes-2022.txt"),
    ],
    ids=["path", "bytes", "bytesio", "file"],
)
def test_every_input_form_gives_the_same_record(make_source, name) -> None:
    reference = extract(SEED.read_text(encoding="utf-8"))
    rec = extract(make_source(SEED))
    assert rec.source.name == name
    assert rec.text == reference.text
    assert rec.to_dict()["units"] == reference.to_dict()["units"]
    assert rec.source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_str_input_hashes_its_utf8() -> None:
    text = "Kirklees PDU rated ‘Inadequate’."
    rec = extract(text)
    assert rec.source == rec.source.__class__(None, "text/plain", hashlib.sha256(text.encode()).hexdigest(), None)


@pytest.mark.parametrize(
    "data, media_type",
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"),
        ("<p>Inspectors rated the service good.</p>", "text/html"),
        ("Plain text with a < sign and 3 > 2.", "text/plain"),
    ],
)
def test_sniffing(data, media_type) -> None:
    from inspection_extract._load import sniff

    assert sniff(data) == media_type


def test_html_input_is_sniffed_and_keeps_only_the_article() -> None:
    rec = extract(HTML)
    assert rec.source.media_type == "text/html"
    assert "cookies" not in rec.text
    assert "psi@nationalarchives.gov.uk" not in rec.text
    assert "document.getElementById" not in rec.text
    assert rec.text.startswith("Three south London probation services fall short")


def test_windows_1252_bytes_are_decoded() -> None:
    data = "Inspectors said: \u201cThe service is good.\u201d".encode("cp1252")
    rec = extract(data)
    assert "\u201cThe service is good.\u201d" in rec.text


def test_whitespace_is_normalised() -> None:
    rec = extract("Line\u00a0one   here\r\n\r\n\r\n\r\nSecond\tparagraph\u200b.")
    assert rec.text == "Line one here\n\nSecond paragraph."


@pytest.mark.parametrize(
    "source, error, message",
    [
        (12345, InputError, "cannot read a int"),
        (Path("/nonexistent/report.txt"), InputError, "no such file"),
        ("   \n\n ", InputError, "holds no text"),
        (b"\x00" * 0, InputError, "holds no text"),
    ],
)
def test_bad_input_raises_library_errors(source, error, message) -> None:
    with pytest.raises(error, match=message):
        extract(source)


def test_unknown_media_type_names_the_valid_ones() -> None:
    with pytest.raises(UnsupportedMediaTypeError, match="text/plain, text/html, application/pdf"):
        extract("text", media_type="application/msword")


def test_every_library_error_is_an_inspection_extract_error() -> None:
    assert issubclass(InputError, InspectionExtractError)
    assert issubclass(InputError, ValueError)


def test_batch_keeps_order_and_reports_failures_in_place(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    results = list(extract_many([SEED, missing, "Kirklees PDU was rated ‘Good’.", 42]))  # type: ignore[list-item]
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert results[0].record is not None and results[2].record is not None
    assert isinstance(results[1].error, InputError)
    assert isinstance(results[3].error, InputError)
    line = results[1].to_dict()
    assert line == {"source": str(missing), "error": {"type": "InputError", "message": f"no such file: {missing}"}}
    json.dumps([r.to_dict() for r in results])


def test_batch_wraps_internal_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspection_extract._api as api

    def boom(doc, **kwargs):  # a bug in an extractor must not lose the input
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(api, "build_record", boom)
    (result,) = list(extract_many(["some text"]))
    assert isinstance(result.error, InspectionExtractError)
    assert "RuntimeError" in str(result.error)


def _ratings_page(score: str) -> str:
    rows = ["Good", "Requires improvement", "Inadequate"] * 3  # 2 + 1 + 0 points, three times: 9
    return (
        f"Ratings\nBrookfield PDU | Score {score}\nOverall rating | Requires improvement\n"
        + "".join(f"{1 + i // 4}.{1 + i % 4} Standard {i} | {r}\n" for i, r in enumerate(rows))
    )


def test_score_is_checked_against_the_standards_ratings() -> None:
    rec = extract(_ratings_page("12/27"))
    assert rec.units[0].score is not None and rec.units[0].score.points == 12
    assert len(rec.aspect_ratings) == 9
    assert any("standards' ratings add up to 9" in w for w in rec.warnings), rec.warnings


def test_a_consistent_score_gives_no_warning() -> None:
    rec = extract(_ratings_page("9/27"))
    assert rec.units[0].score is not None and rec.units[0].score.points == 9
    assert not [w for w in rec.warnings if "score" in w]
