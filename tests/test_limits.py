"""Limits (`ExtractOptions`), str paths refused, and the warning on a record with nothing in it."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from inspection_extract import ExtractOptions, extract, extract_many
from inspection_extract._assemble import NOTHING_FOUND
from inspection_extract._options import Deadline
from inspection_extract.cli import run
from inspection_extract.errors import (
    InputError,
    LimitExceededError,
    TimeBudgetExceededError,
    TooLargeError,
    TooLongError,
    TooManyPagesError,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt"
REPORT = ROOT / "examples" / "report-pdu-calderbrook-2023.pdf"


# --- a str that is a path --------------------------------------------------------------------


@pytest.mark.parametrize("path", [REPORT, SEED], ids=["pdf", "txt"])
def test_a_str_naming_an_existing_file_is_refused_with_the_way_to_pass_it(path: Path) -> None:
    with pytest.raises(InputError, match=r"is the path of an existing file.*pathlib\.Path") as info:
        extract(str(path))
    assert str(path) in str(info.value)


def test_a_relative_str_path_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(InputError, match="'examples/report-pdu-calderbrook-2023.pdf' is the path of an existing"):
        extract("examples/report-pdu-calderbrook-2023.pdf")


def test_a_str_shaped_like_a_missing_file_is_refused() -> None:
    with pytest.raises(InputError, match="looks like a file path \\(no such file exists\\)"):
        extract("reports/2023/missing-report.PDF")


def test_a_directory_given_as_str_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is the path of a directory"):
        extract(str(tmp_path))


@pytest.mark.parametrize(
    "text",
    [
        "Kirklees PDU was rated ‘Good’. See report.pdf",  # a sentence, not a path
        "https://example.org/report.pdf",  # a URL is text
        "report.pdf\nKirklees PDU was rated ‘Good’.",  # more than one line
    ],
)
def test_text_that_mentions_a_file_is_still_text(text: str) -> None:
    assert extract(text).text


def test_the_same_text_as_bytes_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    rec = extract(str(tmp_path / "notes.txt").encode())
    assert rec.text == str(tmp_path / "notes.txt")


def test_str_paths_in_a_batch_become_error_lines_in_place() -> None:
    results = list(extract_many([str(SEED), SEED]))
    assert isinstance(results[0].error, InputError) and results[1].record is not None


# --- nothing found ---------------------------------------------------------------------------


def test_a_record_with_no_inspection_content_says_so() -> None:
    rec = extract("Whisk two eggs with 100 g of sugar for 3 minutes, then fold in the flour.")
    assert rec.warnings == (NOTHING_FOUND,)
    assert not rec.units and rec.overall_rating is None and rec.inspectorate is None


def test_a_record_with_content_has_no_such_warning() -> None:
    assert NOTHING_FOUND not in extract(SEED).warnings


# --- limits ----------------------------------------------------------------------------------


def test_defaults_are_documented_values() -> None:
    o = ExtractOptions()
    assert (o.max_bytes, o.max_pages, o.max_chars, o.time_budget) == (100_000_000, 1000, 2_000_000, 60.0)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_bytes": 0}, {"max_pages": -1}, {"max_chars": 1.5}, {"time_budget": "10"}, {"max_bytes": True}],
)
def test_bad_options_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError, match=f"{next(iter(kwargs))} must be"):
        ExtractOptions(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "source, kwargs, error, limit",
    [
        (b"x" * 2000, {"max_bytes": 1000}, TooLargeError, "max_bytes=1,000"),
        ("x" * 2000, {"max_bytes": 1000}, TooLargeError, "max_bytes=1,000"),
        ("é" * 600, {"max_bytes": 1000}, TooLargeError, "1,200 bytes"),  # UTF-8 bytes, not characters
        (SEED, {"max_bytes": 1000}, TooLargeError, "max_bytes=1,000"),
        (io.BytesIO(b"x" * 2000), {"max_bytes": 1000}, TooLargeError, "more than the limit of max_bytes=1,000"),
        (SEED, {"max_chars": 500}, TooLongError, "max_chars=500"),
        (REPORT, {"max_pages": 3}, TooManyPagesError, "19 pages, more than the limit of max_pages=3"),
        (REPORT, {"max_chars": 5000}, TooLongError, "at least .* characters, more than the limit of max_chars=5,000"),
    ],
    ids=["bytes", "str", "str-utf8", "path", "file", "chars", "pages", "pdf-chars"],
)
def test_each_limit_names_itself(source, kwargs, error, limit) -> None:
    with pytest.raises(error, match=limit) as info:
        extract(source, **kwargs)
    assert isinstance(info.value, LimitExceededError)
    assert info.value.limit == next(iter(kwargs))
    assert "raise " + info.value.limit in str(info.value)


def test_options_object_and_keywords_agree() -> None:
    with pytest.raises(TooLongError):
        extract(SEED, options=ExtractOptions(max_chars=500))
    # a keyword overrides the options object
    assert extract(SEED, options=ExtractOptions(max_chars=500), max_chars=100_000).units


def test_a_limit_can_be_turned_off() -> None:
    assert extract(REPORT, options=ExtractOptions(max_pages=None, max_chars=None, max_bytes=None)).units


def test_a_file_past_max_bytes_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 2 GB on paper, nothing on disk
        f.truncate(2_000_000_000)
    with pytest.raises(TooLargeError, match="2,000,000,000 bytes"):
        extract(big)


def test_the_time_budget_is_checked_between_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspection_extract._options as options

    clock = iter(range(0, 1000, 10))  # every look at the clock: ten seconds later
    monkeypatch.setattr(options.time, "monotonic", lambda: float(next(clock)))
    with pytest.raises(TimeBudgetExceededError, match="time budget of 25 s \\(at: ") as info:
        extract(SEED, time_budget=25)
    assert info.value.limit == "time_budget"


def test_a_pdf_past_its_time_budget_stops_at_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspection_extract._options as options

    clock = iter(range(0, 1000, 1))
    monkeypatch.setattr(options.time, "monotonic", lambda: float(next(clock)))
    with pytest.raises(TimeBudgetExceededError, match=r"at: page \d+ of 19"):
        extract(REPORT, time_budget=4)


def test_deadline_without_budget_never_fires() -> None:
    Deadline(None).check("anything")


def test_batch_applies_limits_to_each_document_and_goes_on() -> None:
    results = list(extract_many([b"x" * 3000, "short text"], max_bytes=2500, max_chars=10_000))
    assert isinstance(results[0].error, TooLargeError)
    assert results[1].record is not None


def test_cli_limit_flags(tmp_path: Path) -> None:
    out = io.StringIO()
    status = run(["--format", "jsonl", "--max-chars", "500", str(SEED), str(REPORT), "--max-pages", "none"], out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert status == 1
    assert lines[0]["error"]["type"] == "TooLongError" and "max_chars=500" in lines[0]["error"]["message"]
    assert lines[1]["error"]["type"] == "TooLongError"  # the report is longer than 500 characters too
    out = io.StringIO()
    assert run(["--format", "jsonl", "--max-bytes", "100", "--time-budget", "30", str(SEED)], out) == 1
    assert json.loads(out.getvalue())["error"]["type"] == "TooLargeError"


def test_cli_refuses_a_bad_limit() -> None:
    with pytest.raises(SystemExit) as info:
        run(["--max-pages", "0", os.devnull])
    assert info.value.code == 2
