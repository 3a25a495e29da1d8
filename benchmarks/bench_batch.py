"""Batches: where workers start to pay, documents per second, and memory against batch size.

Prints, and writes to benchmarks/results-batch.json:

- the crossover: seconds for batches of 25 to 1,000 press releases in one process and
  with 2 workers (started for every size, threshold off), in a warm process;
- documents per second for 10,000 press releases, in one process and with 2 workers;
- peak RSS (the largest process: the parent, or a worker) for 1,000 and 10,000
  press releases, each in a fresh process, serially and with 2 workers.

Inputs are the press releases (``pr-*.txt``) of fixtures/, copied round-robin to
numbered files in a scratch folder. Run with ``make bench`` or
``python benchmarks/bench_batch.py [--n 10000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SIZES = (25, 50, 100, 200, 300, 400, 500, 600, 1000)

RSS = """
import resource, sys
from pathlib import Path
from inspection_extract import extract_many
paths = sorted(Path(sys.argv[1]).iterdir())[: int(sys.argv[2])]
workers = int(sys.argv[3])
n = sum(1 for r in extract_many(paths, workers=workers) if r.record is not None)
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(n, own, kids)
"""


def make_inputs(folder: Path, n: int) -> list[Path]:
    releases = sorted(p for p in FIXTURES.rglob("pr-*.txt") if p.is_file())
    paths = []
    for i in range(n):
        src = releases[i % len(releases)]
        path = folder / f"{i:05d}-{src.name}"
        path.write_bytes(src.read_bytes())
        paths.append(path)
    return paths


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(paths: list[Path], workers: int | None, cpu: dict[str, float] | None = None) -> float:
    """Wall seconds to extract ``paths``; ``cpu["s"]`` gets the CPU seconds of this process and its workers."""
    from inspection_extract import extract_many

    c0 = _cpu()
    t0 = time.perf_counter()
    for result in extract_many(paths, workers=workers):
        assert result.record is not None, result.error
    wall = time.perf_counter() - t0
    if cpu is not None:
        cpu["s"] = _cpu() - c0
    return wall


def crossover(paths: list[Path]) -> list[dict[str, float]]:
    import inspection_extract._batch as batch

    batch.PARALLEL_MIN_BATCH = 0  # measure the pool at every size
    _timed(paths[:40], None)  # warm-up: compiled patterns, caches
    rows = []
    for size in SIZES:
        serial = min(_timed(paths[:size], None) for _ in range(2))
        pooled = min(_timed(paths[:size], 2) for _ in range(2))
        rows.append({"documents": size, "serial_s": round(serial, 2), "workers_2_s": round(pooled, 2)})
        print(f"{size:>6} documents: one process {serial:6.2f} s, 2 workers {pooled:6.2f} s", flush=True)
    return rows


def peak_rss(folder: Path, n: int, workers: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", RSS, str(folder), str(n), str(workers)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) == n
    return max(int(out[1]), int(out[2])) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--only", choices=("crossover", "throughput", "rss"), help="run one part")
    args = ap.parse_args()
    parts = {args.only} if args.only else {"crossover", "throughput", "rss"}
    figures: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform(terse=True)}",
        "load_average_at_start": os.getloadavg()[0],
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_inputs(folder, args.n)
        if "crossover" in parts:
            figures["crossover"] = crossover(paths)
        for workers in (None, 2) if "throughput" in parts else ():
            cpu: dict[str, float] = {}
            seconds = _timed(paths, workers, cpu)
            key = "serial" if workers is None else "workers_2"
            figures[f"{key}_docs_per_s"] = round(len(paths) / seconds, 1)
            figures[f"{key}_cpu_ms_per_doc"] = round(cpu["s"] * 1000 / len(paths), 2)
            print(f"{len(paths)} press releases, {key}: {seconds:.1f} s, {len(paths) / seconds:.0f} docs/s, "
                  f"{cpu['s'] * 1000 / len(paths):.2f} ms CPU per document (all processes)", flush=True)
        for n in (1000, args.n) if "rss" in parts else ():
            for workers in (1, 2):
                mb = peak_rss(folder, n, workers)
                figures[f"peak_rss_mb_{n}_workers_{workers}"] = round(mb, 1)
                print(f"peak RSS, {n} documents, {workers} worker(s): {mb:.0f} MB", flush=True)
    figures["load_average_at_end"] = os.getloadavg()[0]
    name = f"results-batch-{args.only}.json" if args.only else "results-batch.json"
    (ROOT / "benchmarks" / name).write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
