"""The scripts in examples/ run and do what they say."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "fixtures" / "corpus"


def _run(*args: str) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_folder_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "units.csv"
    printed = _run(str(EXAMPLES / "folder_to_csv.py"), str(EXAMPLES), str(out), "--workers", "2")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert printed.startswith("4 documents, 0 failed")
    assert {r["source"] for r in rows} == {
        p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf")
    }


def test_spacy_pipeline(tmp_path: Path) -> None:
    html = tmp_path / "spans.html"
    printed = _run(str(EXAMPLES / "spacy_pipeline.py"), str(EXAMPLES / "seed-birmingham-nes-2022.txt"), str(html))
    assert "overall rating: Inadequate" in printed
    assert "overall_rating  Inadequate" in printed
    assert "Inadequate" in html.read_text(encoding="utf-8")


def test_dask_run() -> None:
    pytest.importorskip("dask.distributed")
    printed = _run(str(EXAMPLES / "dask_run.py"), str(CORPUS))
    n = len([p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".pdf")])
    assert printed.startswith(f"{n} documents, 0 failed")
