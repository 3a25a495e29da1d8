"""The batch guarantee end to end: N inputs in, N lines out, in order, failures in place.

Builds N inputs in a scratch folder (the corpus's press releases copied round-robin
under numbered names, with CORRUPT of them broken: empty files, truncated PDFs,
dangling links), then runs the command line over them

1. serially, 2. with ``--jobs 2``, 3. with ``--jobs 2`` killed part-way and rerun
with ``--resume``,

and checks that each gives exactly N lines in input order, CORRUPT of them error
lines, the same records every time, and no duplicate or missing input after the
resume. Prints the time of each run. ``make bench`` runs it on 10,000 inputs;
``tests/test_cli_batch.py`` runs it on a few hundred.

    python benchmarks/batch_check.py --n 10000 --corrupt 100
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"


def make_inputs(folder: Path, n: int, corrupt: int) -> list[Path]:
    """N input paths in ``folder``, every (n // corrupt)-th one broken in one of three ways."""
    docs = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html") and not p.name.endswith(".json"))
    step = n // corrupt if corrupt else n + 1
    paths = []
    for i in range(n):
        if corrupt and i % step == step // 2 and i // step < corrupt:
            kind = (i // step) % 3
            if kind == 0:
                path = folder / f"{i:05d}-empty.txt"
                path.write_bytes(b"")
            elif kind == 1:
                path = folder / f"{i:05d}-truncated.pdf"
                path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj <<")
            else:
                path = folder / f"{i:05d}-dangling.txt"
                path.symlink_to(folder / "no-such-document.txt")
        else:
            src = docs[i % len(docs)]
            path = folder / f"{i:05d}-{src.name}"
            path.write_bytes(src.read_bytes())
        paths.append(path)
    return paths


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "inspection_extract.cli", "--quiet", "--no-text", "--format", "jsonl", *args]


def _read(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _check(lines: list[dict], paths: list[Path], corrupt: int, what: str) -> None:
    assert len(lines) == len(paths), f"{what}: {len(lines)} lines for {len(paths)} inputs"
    names = [line.get("input", line.get("source")) for line in lines]
    assert names == [str(p) for p in paths], f"{what}: lines out of input order"
    errors = sum("error" in line and "schema_version" not in line for line in lines)
    assert errors == corrupt, f"{what}: {errors} error lines, expected {corrupt}"


def run(n: int, corrupt: int, jobs: int = 2, kill_after: float = 0.4) -> dict[str, float]:
    """Run the three batches over fresh inputs; return each run's seconds. Raises on any broken guarantee."""
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_inputs(folder, n, corrupt)

        serial = Path(tmp) / "serial.jsonl"
        t0 = time.perf_counter()
        proc = subprocess.run(_cli("--output", str(serial), str(folder)), check=False)
        timings["serial"] = time.perf_counter() - t0
        assert proc.returncode == 1, f"serial: exit status {proc.returncode}, expected 1 (some inputs failed)"
        serial_lines = _read(serial)
        _check(serial_lines, paths, corrupt, "serial")

        parallel = Path(tmp) / "parallel.jsonl"
        t0 = time.perf_counter()
        proc = subprocess.run(_cli("--jobs", str(jobs), "--output", str(parallel), str(folder)), check=False)
        timings[f"jobs {jobs}"] = time.perf_counter() - t0
        assert proc.returncode == 1
        assert _read(parallel) == serial_lines, f"--jobs {jobs}: records differ from the serial run"

        resumed = Path(tmp) / "resumed.jsonl"
        killed = subprocess.Popen(_cli("--jobs", str(jobs), "--output", str(resumed), str(folder)))
        target = max(1, int(n * kill_after))
        while killed.poll() is None:
            time.sleep(0.05)
            if resumed.exists() and resumed.read_bytes().count(b"\n") >= target:
                killed.send_signal(signal.SIGKILL)
                break
        killed.wait()
        written = resumed.read_bytes().count(b"\n")
        assert written < n, "the run finished before it could be killed: use a larger n"
        t0 = time.perf_counter()
        proc = subprocess.run(
            _cli("--jobs", str(jobs), "--resume", "--output", str(resumed), str(folder)), check=False
        )
        timings["resume"] = time.perf_counter() - t0
        assert proc.returncode == 1
        assert _read(resumed) == serial_lines, "--resume: duplicates, gaps or different records"
        timings["killed after lines"] = written
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--corrupt", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    timings = run(args.n, args.corrupt, args.jobs)
    for what, value in timings.items():
        shown = f"{value:.0f}" if what.startswith("killed") else f"{value:.1f} s ({args.n / value:.0f} docs/s)"
        print(f"{what:>20}: {shown}")
    print(f"OK: {args.n} inputs, {args.corrupt} corrupt: every run gave {args.n} lines in order, the same records")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
