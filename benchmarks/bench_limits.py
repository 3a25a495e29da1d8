"""The largest inputs: time and peak memory of each, and the longest step between two
checks of the time budget (how far past its budget a document can run).

Each input is generated, then read in a fresh process pinned to one core. Run with
``make bench`` or ``python benchmarks/bench_limits.py``.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "fixtures" / "corpus" / "pr-pdu-cumbria-2023-good.txt"

# One input per case: how to build it (Python, in the child) and what to do with it.
CASES = {
    "press releases repeated to 1.99 million characters (max_chars is 2 million)": (
        f"base = open({str(RELEASE)!r}, encoding='utf-8').read() + '\\n\\n'\n"
        "src = (base * (1_990_000 // len(base) + 1))[:1_990_000]"
    ),
    "one line of 5 million characters (read with max_chars=5 million)": "src = 'word ' * 1_000_000",
    "50 MB of text (refused: max_chars)": "src = ('Inspectors visited the service.' + '\\n\\n').encode() * 1_515_152",
    "HTML with 100,000 tags": (
        "src = '<html><body><p>Kirklees PDU was rated Good.</p><div>' + "
        "''.join(f'<span>cell {i}</span> ' for i in range(100_000)) + '</div></body></html>'"
    ),
    "HTML nested 10,000 deep": "src = '<html><body>' + '<div>' * 10_000 + '<p>Rated Good.</p>' + '</div>' * 10_000",
}

CHILD = """
import json, os, resource, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {{sorted(os.sched_getaffinity(0))[0]}})
import inspection_extract._options as options
from inspection_extract import extract
from inspection_extract.errors import InspectionExtractError
{build}
steps, last = [], [None]
real_check = options.Deadline.check
def timed_check(self, step):
    now = time.perf_counter()
    if last[0] is not None:
        steps.append((now - last[0], step))
    last[0] = now
    real_check(self, step)
options.Deadline.check = timed_check
size = len(src)
t0 = time.perf_counter()
last[0] = t0
try:
    extract(src, max_chars=5_000_000 if "5 million" in {name!r} else None)
    outcome = "record"
except InspectionExtractError as exc:
    outcome = type(exc).__name__
seconds = time.perf_counter() - t0
longest = max(steps) if steps else (0.0, "")
print(json.dumps({{"size": size, "outcome": outcome, "seconds": seconds,
                  "longest_step": longest, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> int:
    print(f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    for name, build in CASES.items():
        proc = subprocess.run(
            [sys.executable, "-c", CHILD.format(build=build, name=name)], capture_output=True, text=True, check=True
        )
        r = json.loads(proc.stdout)
        step_s, step = r["longest_step"]
        print(
            f"{name}: {r['size']:,} {'bytes' if 'MB' in name else 'characters'} -> {r['outcome']} in "
            f"{r['seconds']:.2f} s, peak RSS {r['rss_mb']:.0f} MB; longest step {step_s:.2f} s (up to: {step})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
