"""Linear time on long ordinary documents (run: python benchmarks/bench_scaling.py).

Hostile families (bench_adversarial.py) repeat a few words; a long document repeats whole
paragraphs, lists and tables, and a rule that compares each item with every other one, or
reads the rest of the text at each hit, shows there first. Each document of
fixtures/corpus (press releases, news, council and regulator pages, reports) is read,
its text repeated to 0.25 MB and to 1 MB, and the record extracted from each, pinned to
one core, limits lifted. Printed: seconds per MB at both sizes and their ratio; results
go to benchmarks/results-scaling.json.

Target: every ratio at most 1.3 (a constant time per MB, within run-to-run noise; a
quadratic step shows as about 4).
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
SIZES = (250_000, 1_000_000)
LIMIT = 1.3


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from inspection_extract import ExtractOptions, extract
    from inspection_extract._load import load

    unlimited = ExtractOptions(max_chars=None, time_budget=None)
    extract("Warm-up: Kirklees PDU has been rated ‘Good’.")
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    rows = []
    for path in paths:
        base = load(path).text + "\n\n"
        per_mb = []
        for size in SIZES:
            text = (base * (size // len(base) + 1))[:size]
            start = time.perf_counter()
            extract(text, options=unlimited)
            per_mb.append((time.perf_counter() - start) / (size / 1_000_000))
        ratio = per_mb[1] / per_mb[0]
        rows.append({"document": path.name, "s_per_mb": [round(x, 2) for x in per_mb], "ratio": round(ratio, 2)})
        print(f"{path.name[:60]:60} {per_mb[0]:6.2f} {per_mb[1]:6.2f} s/MB  ratio {ratio:4.2f}", flush=True)
    worst = max(rows, key=lambda r: r["ratio"])
    print(f"worst ratio {worst['ratio']} ({worst['document']}); target <= {LIMIT}")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one core"
    (ROOT / "benchmarks" / "results-scaling.json").write_text(
        json.dumps({"machine": machine, "sizes": SIZES, "documents": rows}, indent=1) + "\n"
    )
    return 0 if worst["ratio"] <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
