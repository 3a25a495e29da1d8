"""Speed and memory of text and HTML extraction, pinned to one core.

Prints: import time, import + first extract (cold, in a fresh process), median and
90th-percentile milliseconds per document over the text and HTML fixtures (after one
warm-up pass), the press releases' median beside ``spacy.blank("en")`` tokenising the
same texts in the same run (their ratio holds from machine to machine), and peak RSS.
Run with ``make bench`` or ``python benchmarks/bench_text.py``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
REPEATS = 20

COLD = """
import time
t0 = time.perf_counter()
import inspection_extract
t1 = time.perf_counter()
inspection_extract.extract(open({path!r}, encoding="utf-8").read())
t2 = time.perf_counter()
print(t1 - t0, t2 - t0)
"""


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned"


def _cold_start(path: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", COLD.format(path=str(path))], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def _per_doc_ms(fn: Callable[[Any], object], inputs: list[Any]) -> list[float]:
    """The median milliseconds of ``fn`` on each input over REPEATS runs, after a warm-up
    pass (which builds the spaCy pipeline and fills caches)."""
    for x in inputs:
        fn(x)
    per_doc: list[float] = []
    for x in inputs:
        times = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            fn(x)
            times.append(time.perf_counter() - t0)
        per_doc.append(statistics.median(times) * 1000)
    return per_doc


def _time_docs(paths: list[Path]) -> list[float]:
    from inspection_extract import extract

    return _per_doc_ms(extract, [p.read_bytes() for p in paths])


def _time_tokeniser(paths: list[Path]) -> list[float]:
    """Milliseconds per document for ``spacy.blank("en")`` to tokenise the same texts: the
    yardstick that holds from machine to machine."""
    import spacy

    return _per_doc_ms(spacy.blank("en"), [p.read_text(encoding="utf-8") for p in paths])


def main() -> None:
    pinned = _pin_one_core()
    seed = FIXTURES / "corpus" / "seed-birmingham-nes-2022.txt"
    imports, firsts = zip(*(_cold_start(seed) for _ in range(3)), strict=True)
    texts = sorted(p for p in FIXTURES.rglob("*.txt") if p.is_file())
    htmls = sorted(p for p in FIXTURES.rglob("*.html") if p.is_file())
    text_ms = _time_docs(texts)
    html_ms = _time_docs(htmls)
    releases = [p for p in texts if p.name.startswith("pr-")]
    release_ms = _time_docs(releases)
    tokenise_ms = _time_tokeniser(releases)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform(terse=True)}; {pinned}",
        "import_s": round(statistics.median(imports), 3),
        "import_and_first_extract_s": round(statistics.median(firsts), 3),
        "text_documents": len(texts),
        "text_median_ms": round(statistics.median(text_ms), 2),
        "text_p90_ms": round(sorted(text_ms)[int(0.9 * (len(text_ms) - 1))], 2),
        "press_releases": len(releases),
        "press_release_median_ms": round(statistics.median(release_ms), 2),
        "spacy_blank_tokenise_median_ms": round(statistics.median(tokenise_ms), 2),
        "ratio_to_tokenising": round(statistics.median(release_ms) / statistics.median(tokenise_ms), 1),
        "html_documents": len(htmls),
        "html_median_ms": round(statistics.median(html_ms), 2),
        "peak_rss_mb": round(rss_mb, 1),
    }
    for k, v in figures.items():
        print(f"{k:28} {v}")
    (ROOT / "benchmarks" / "results-text.json").write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
