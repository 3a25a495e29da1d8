"""The command line in batch mode: directories and globs, --jobs, --output, --resume, tables."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspection_extract._cli_batch import ResumeState, expand_inputs
from inspection_extract._tables import TABLES
from inspection_extract.cli import run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
SEED = CORPUS / "seed-birmingham-nes-2022.txt"
HTML = CORPUS / "pr-three-london-pdus-2024.html"


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return run(args, stdout=out), out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of documents: two at the top, one nested, and files that are not documents."""
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "2-seed.txt")
    shutil.copy(HTML, tmp_path / "1-london.html")
    shutil.copy(CORPUS / "news-kirklees-pdu-inadequate.txt", tmp_path / "b" / "kirklees.txt")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden").mkdir()
    shutil.copy(SEED, tmp_path / ".hidden" / "seed.txt")
    return tmp_path


def test_a_directory_gives_its_documents_recursively_in_path_order(folder: Path) -> None:
    assert expand_inputs([str(folder)]) == [
        str(folder / "1-london.html"), str(folder / "2-seed.txt"), str(folder / "b" / "kirklees.txt")
    ]


def test_a_glob_gives_its_matches_in_order(folder: Path) -> None:
    assert expand_inputs([str(folder / "*.txt"), str(folder / "**" / "k*.txt")]) == [
        str(folder / "2-seed.txt"), str(folder / "b" / "kirklees.txt")
    ]


def test_a_glob_that_matches_nothing_is_a_usage_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run([str(folder / "*.pdf")], stdout=io.StringIO())
    assert exc.value.code == 2
    assert "no file matches" in capsys.readouterr().err


def test_output_file_summary_line_and_exit_status(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "out.jsonl"
    status, printed = _run(["--format", "jsonl", "--output", str(out), str(folder), str(folder / "missing.txt")])
    assert status == 1
    assert printed == ""
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    expected = [*expand_inputs([str(folder)]), str(folder / "missing.txt")]
    assert [x.get("input") or x["source"] for x in lines] == expected
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1  # no progress bar when stderr is not a terminal
    assert err[0].startswith("4 inputs: 3 read, 1 failed, ")


def test_all_inputs_read_exits_0(folder: Path) -> None:
    status, out = _run(["--quiet", "--format", "jsonl", str(folder)])
    assert status == 0
    assert len(out.splitlines()) == 3


def test_resume_skips_what_is_written_and_drops_a_cut_line(folder: Path) -> None:
    out = folder / "out.jsonl"
    inputs = expand_inputs([str(folder)])
    status, _ = _run(["-q", "--format", "jsonl", "--output", str(out), inputs[0]])
    assert status == 0
    first = out.read_text()
    with out.open("a") as f:  # a run killed in the middle of its second line
        f.write(first[: len(first) // 2])
    status, _ = _run(["-q", "--format", "jsonl", "--resume", "--output", str(out), str(folder)])
    assert status == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["input"] for x in lines] == inputs
    assert out.read_text().startswith(first)


def test_resume_rereads_an_input_whose_content_changed(folder: Path) -> None:
    out = folder / "out.jsonl"
    _run(["-q", "--format", "jsonl", "--output", str(out), str(folder)])
    state = ResumeState(out)
    assert not state.should_skip(str(folder / "elsewhere.txt"))
    (folder / "2-seed.txt").write_text("Kirklees PDU was rated ‘Good’.", encoding="utf-8")
    assert not ResumeState(out).should_skip(str(folder / "2-seed.txt"))
    assert ResumeState(out).should_skip(str(folder / "1-london.html"))


def test_resume_needs_an_output_file(folder: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["--resume", "--format", "jsonl", str(folder)], stdout=io.StringIO())
    assert exc.value.code == 2


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_has_its_documented_header(table: str) -> None:
    status, out = _run(["-q", "--format", "csv", "--table", table, str(SEED), str(HTML)])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(csv.reader(io.StringIO(out)).__next__()) == TABLES[table]
    if table != "percentages":
        assert rows, table


def test_quotes_table_has_a_row_per_quote_with_its_evidence() -> None:
    from inspection_extract import extract

    status, out = _run(["-q", "--format", "csv", "--table", "quotes", str(SEED)])
    rec = extract(SEED)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(rec.quotes) > 0
    for row, q in zip(rows, rec.quotes, strict=True):
        assert row["speaker"] == (q.speaker or "")
        assert rec.text[int(row["start"]) : int(row["end"])] == rec.text[q.span[0] : q.span[1]]


def test_an_error_is_a_row_in_place(tmp_path: Path) -> None:
    status, out = _run(["-q", "--format", "csv", str(SEED), str(tmp_path / "nope.txt")])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 1
    assert rows[-1]["error"].startswith("InputError: no such file")


def test_parquet_holds_the_csv_table(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "units.parquet"
    status, _ = _run(["-q", "--format", "parquet", "--output", str(out), str(SEED), str(HTML)])
    assert status == 0
    table = pq.read_table(out)
    assert table.column_names == list(TABLES["units"])
    assert table.column("unit").to_pylist() == [
        "Birmingham North, East and Solihull", *[r["unit"] for r in _units_csv(HTML)]
    ]


def _units_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_run(["-q", "--format", "csv", str(path)])[1])))


def test_batch_guarantees_hold_end_to_end() -> None:
    """benchmarks/batch_check.py at a small scale: serial, --jobs 2, killed and resumed.

    480 inputs: above PARALLEL_MIN_BATCH (400), so --jobs 2 really uses two worker processes.
    """
    from inspection_extract._batch import PARALLEL_MIN_BATCH

    assert PARALLEL_MIN_BATCH < 480
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "batch_check.py"), "--n", "480", "--corrupt", "8"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK: 480 inputs, 8 corrupt" in proc.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_shows_documents_per_second() -> None:
    from inspection_extract import extract_many
    from inspection_extract._cli_batch import Progress

    stream = _Terminal()
    progress = Progress(2, stream=stream)
    for r in extract_many([SEED, HTML]):
        progress.update(r)
    line = progress.summary()
    assert "doc/s" in stream.getvalue() or "s/doc" in stream.getvalue()
    assert "2/2" in stream.getvalue()
    assert line.startswith("2 inputs: 2 read, 0 failed, ")


def test_no_progress_bar_when_piped() -> None:
    from inspection_extract._cli_batch import Progress

    stream = io.StringIO()
    Progress(10, stream=stream).summary()
    assert stream.getvalue() == ""


def test_an_input_that_never_ends_times_out_in_its_place(tmp_path: Path) -> None:
    import os

    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # a named pipe nobody writes to: reading it waits forever
    out = tmp_path / "out.jsonl"
    args = ["-q", "--format", "jsonl", "--timeout", "3", "--output", str(out), str(SEED), str(stuck), str(HTML)]
    status, _ = _run(args)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert status == 1
    assert [x.get("input") or x["source"] for x in lines] == [str(SEED), str(stuck), str(HTML)]
    assert lines[1]["error"]["type"] == "WorkerTimeoutError"
    status, _ = _run(["-q", "--format", "jsonl", "--resume", "--output", str(out), str(SEED), str(stuck), str(HTML)])
    assert status == 1  # the failure is still in the output
    assert len(out.read_text().splitlines()) == 3
