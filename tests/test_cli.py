"""The command line, as RECORD.md specifies it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from inspection_extract.cli import CSV_COLUMNS, run

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt")
HTML = str(ROOT / "fixtures" / "corpus" / "pr-three-london-pdus-2024.html")


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return run(args, stdout=out), out.getvalue()


def test_one_file_gives_one_json_record() -> None:
    status, out = _run([SEED])
    assert status == 0
    rec = json.loads(out)
    assert rec["schema_version"] == "1"
    assert rec["source"]["name"] == "seed-birmingham-nes-2022.txt"


def test_jsonl_keeps_input_order_and_reports_failures_in_place(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    status, out = _run(["--format", "jsonl", HTML, missing, SEED])
    lines = [json.loads(x) for x in out.splitlines()]
    assert status == 1
    assert len(lines) == 3
    assert lines[0]["source"]["name"] == "pr-three-london-pdus-2024.html"
    assert lines[1] == {"source": missing, "error": {"type": "InputError", "message": f"no such file: {missing}"}}
    assert lines[2]["source"]["name"] == "seed-birmingham-nes-2022.txt"


def test_csv_has_a_row_per_unit_with_the_document_columns_repeated() -> None:
    status, out = _run(["--format", "csv", SEED, HTML])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert list(rows[0]) == list(CSV_COLUMNS)
    # the seed release rates one PDU, the London release three
    assert [r["source"] for r in rows] == ["seed-birmingham-nes-2022.txt"] + ["pr-three-london-pdus-2024.html"] * 3
    assert [r["unit_index"] for r in rows] == ["0", "0", "1", "2"]
    assert len({r["title"] for r in rows[1:]}) == 1
    assert rows[0]["unit"] == "Birmingham North, East and Solihull"
    assert rows[0]["unit_rating"] == "Inadequate"


def test_stdin_is_read_with_a_dash() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "inspection_extract.cli", "--format", "jsonl", "-"],
        input=Path(SEED).read_bytes(), capture_output=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["source"]["name"] is None
    assert rec["text"].startswith("Birmingham North, East and Solihull")


def test_usage_error_exits_2() -> None:
    proc = subprocess.run([sys.executable, "-m", "inspection_extract.cli"], capture_output=True, check=False)
    assert proc.returncode == 2


def test_summary_is_readable() -> None:
    status, out = _run(["--format", "summary", SEED])
    assert status == 0
    assert out.startswith("seed-birmingham-nes-2022.txt")
