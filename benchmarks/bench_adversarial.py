"""Linear time on hostile input (run: python benchmarks/bench_adversarial.py [MB ...]).

Each family is text built to defeat a rule-based extractor: patterns that restart at every
candidate, lists scanned once per item, sentences that never end. For each family and size
(1, 4 and 10 MB unless sizes are given) the whole record is extracted once, in a fresh
process pinned to one core, and the seconds and seconds per MB are printed beside ordinary
text of the same size (the seed press release repeated). Results go to
benchmarks/results-adversarial.json.

Targets: every family under 5 s at 1 MB, seconds per MB roughly constant from 1 to 10 MB,
and no family more than 3 times slower per MB than ordinary text. The limits are lifted
(``max_chars`` would refuse the larger sizes); with the defaults, an input past 2 million
characters is refused at once and a document past its time budget ends in an error.
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt"

# The domain's own words, for token soup.
_SOUP = (
    "rated Good Inadequate Outstanding Requires improvement PDU YJS Probation Service region ‘ ’ “ ” "
    "said over 4,000 cases – North East West London Wales . \n\n Chief Inspector of 27 points"
).split(" ")


def ordinary(n: int) -> str:
    base = SEED.read_text(encoding="utf-8") + "\n\n"
    return (base * (n // len(base) + 1))[:n]


def names(n: int) -> str:
    """A comma-separated run of unit-like names ending in "rated Good"."""
    out, size, i = [], 0, 0
    while size < n:
        item = f"Northwold{i} PDU"
        out.append(item)
        size += len(item) + 2
        i += 1
    return ", ".join(out) + " were rated ‘Good’."


def coordinations(n: int) -> str:
    run = "North, East, West and South "
    return run * (n // len(run)) + "PDU was rated ‘Inadequate’."


def soup(n: int) -> str:
    rng = random.Random(7)
    out, size = [], 0
    while size < n:
        word = rng.choice(_SOUP)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def unclosed_quotes(n: int) -> str:
    run = "“The chief inspector said the PDU was rated ‘Good’ and its 40 staff "
    return run * (n // len(run))


def digits(n: int) -> str:
    return "7" * n


def rated(n: int) -> str:
    return "rated " * (n // 6)


FAMILIES = {
    "ordinary text": ordinary,
    "list of unit names": names,
    "capitalised coordinations": coordinations,
    "token soup": soup,
    "unclosed quotes": unclosed_quotes,
    "digits": digits,
    '"rated " repeated': rated,
}

_CHILD = """
import os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
sys.path.insert(0, sys.argv[1])
import bench_adversarial as b
from inspection_extract import ExtractOptions, extract
unlimited = ExtractOptions(max_chars=None, time_budget=None)  # the sizes here pass max_chars
extract("Warm-up: Kirklees PDU has been rated ‘Good’.")
text = b.FAMILIES[sys.argv[2]](int(float(sys.argv[3]) * 1_000_000))
t = time.perf_counter()
try:
    extract(text, options=unlimited)
    outcome = "record"
except Exception as e:
    outcome = type(e).__name__
print(time.perf_counter() - t, outcome)
"""


def run(family: str, mb: float) -> tuple[float, str]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT / "benchmarks"), family, str(mb)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return float(out[0]), out[1]


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [1.0, 4.0, 10.0]
    rows = []
    print(f"{'family':28}" + "".join(f"{f'{mb:g} MB s (s/MB)':>20}" for mb in sizes) + "  outcome")
    for family in FAMILIES:
        cells, outcome = [], ""
        for mb in sizes:
            seconds, outcome = run(family, mb)
            cells.append({"mb": mb, "seconds": round(seconds, 2), "s_per_mb": round(seconds / mb, 2)})
        rows.append({"family": family, "runs": cells, "outcome": outcome})
        print(
            f"{family:28}"
            + "".join(f"{c['seconds']:>11.2f} ({c['s_per_mb']:5.2f})" for c in cells)
            + f"  {outcome}",
            flush=True,
        )
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one core"
    (ROOT / "benchmarks" / "results-adversarial.json").write_text(
        json.dumps({"machine": machine, "families": rows}, indent=1) + "\n"
    )


if __name__ == "__main__":
    main()
