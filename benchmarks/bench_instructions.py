"""Instructions per document, counted by valgrind's callgrind (run: python benchmarks/bench_instructions.py).

Timings on a shared machine vary by 10% from one run to the next, and more under load;
an instruction count does not. For each workload a child process extracts every
document once to warm up (imports, compiled patterns, the spaCy-free pipeline), then
``PASSES`` more times; the same child with no extra pass is counted too, and the
difference divided by the documents read is the cost of one document:

- press releases: the 39 ``pr-*.txt`` fixtures (mean instructions per release);
- PDF reports: the four corpus reports (fixtures/corpus/*.pdf, 86 pages) and the 60-page
  benchmark report, whole record (instructions per page).

Needs valgrind (Debian: ``apt-get install valgrind``); takes about four minutes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSES = 2

CHILD = """
import sys
from pathlib import Path
from inspection_extract import extract
paths = [Path(p) for p in sys.argv[2:]]
data = [p.read_bytes() for p in paths]
for _ in range(1 + int(sys.argv[1])):
    for d in data:
        extract(d)
"""


def _instructions(passes: int, paths: list[Path]) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", CHILD, str(passes)]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def per_document(paths: list[Path]) -> float:
    """Instructions to extract one of ``paths``, averaged over them."""
    return (_instructions(PASSES, paths) - _instructions(0, paths)) / (PASSES * len(paths))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind): no instruction counts", file=sys.stderr)
        return 2
    from inspection_extract._load import load

    releases = sorted((ROOT / "fixtures").rglob("pr-*.txt"))
    print(f"press release:            {per_document(releases) / 1e6:6.2f} M instructions (mean of {len(releases)})")
    for label, pdfs in (
        ("corpus report PDFs", sorted((ROOT / "fixtures" / "corpus").glob("*.pdf"))),
        ("60-page benchmark report", [ROOT / "fixtures" / "pdf" / "bench-report-60.pdf"]),
    ):
        pages = sum(load(p).source.pages or 0 for p in pdfs)
        per_page = per_document(pdfs) * len(pdfs) / pages
        print(f"{label + ', per page:':26s}{per_page / 1e6:6.2f} M instructions ({pages} pages, whole record)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
