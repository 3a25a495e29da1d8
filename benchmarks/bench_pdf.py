"""PDF loading speed and memory (run: python benchmarks/bench_pdf.py).

1. Pages per second loading fixtures/pdf/bench-report-60.pdf (60 pages, a ruled ratings table
   read by pdfplumber), against a pdfplumber-only pipeline (extract_text on every page
   plus extract_tables) timed in the same run.
2. The same on the corpus report PDFs (fixtures/corpus/*.pdf: four inspection reports,
   86 pages, each with a ratings table): loading, and the whole record.
3. Peak RSS of a fresh process that imports the library and loads a 300-page report,
   generated here with fixtures/pdf/make_pdfs.py (not committed: it would be large).

Targets: >= 300 pages/s, >= 30x the pdfplumber-only pipeline, peak RSS <= 250 MB.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT_60 = ROOT / "fixtures" / "pdf" / "bench-report-60.pdf"
CORPUS_PDFS = sorted((ROOT / "fixtures" / "corpus").glob("*.pdf"))

# Peak RSS from /proc (VmHWM): getrusage's ru_maxrss survives exec on Linux, so a child
# forked from this (large, pdfplumber-filled) process would report the parent's peak.
_RSS_CHILD = """
import sys
from pathlib import Path
from inspection_extract._load import load
doc = load(Path(sys.argv[1]))
assert doc.source.pages == 300, doc.source.pages
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:")][0]
print(hwm.split()[1])  # KiB
"""


def best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """The fastest of ``repeat`` runs of ``fn``, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def ours(data: bytes) -> None:
    from inspection_extract._load.pdf import load_pdf

    doc = load_pdf(data, name=None, sha256="", max_pages=1000)
    assert "Overall rating | Requires improvement" in doc.text


def plumber_only(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def main() -> int:
    data = REPORT_60.read_bytes()
    ours(data)  # warm up: imports, pdfium init
    n = 60
    t_ours = best_of(lambda: ours(data), 5)
    t_plumber = best_of(lambda: plumber_only(data), 1)
    print(f"inspection-extract: {n / t_ours:8.0f} pages/s  ({t_ours * 1000:.0f} ms for {n} pages)")
    print(f"pdfplumber only:    {n / t_plumber:8.1f} pages/s  ({t_plumber * 1000:.0f} ms)")
    print(f"ratio:              {t_plumber / t_ours:8.1f}x")
    t_full = best_of(lambda: full_record(data), 3)
    print(f"whole record:       {n / t_full:8.0f} pages/s  ({t_full * 1000:.0f} ms: loading plus every field)")

    from inspection_extract._load import load

    corpus = [p.read_bytes() for p in CORPUS_PDFS]
    pages = sum(load(d).source.pages or 0 for d in corpus)
    t_load = best_of(lambda: [load(d) for d in corpus], 3)
    t_corpus = best_of(lambda: [full_record(d) for d in corpus], 3)
    print(
        f"corpus reports:     {pages / t_load:8.0f} pages/s loading, {pages / t_corpus:.0f} pages/s whole record "
        f"({len(corpus)} PDFs, {pages} pages)"
    )

    sys.path.insert(0, str(ROOT / "fixtures" / "pdf"))
    from make_pdfs import report

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report-300.pdf"
        path.write_bytes(bytes(report(300).output()))
        out = subprocess.run(
            [sys.executable, "-c", _RSS_CHILD, str(path)], capture_output=True, text=True, check=True
        )
        rss_mb = int(out.stdout.strip().splitlines()[-1]) / 1024
        t300 = best_of(lambda: ours_path(path), 1)
    print(f"300 pages:          {300 / t300:8.0f} pages/s, peak RSS {rss_mb:.0f} MB (fresh process)")
    return 0


def full_record(data: bytes) -> None:
    from inspection_extract import extract

    extract(data)


def ours_path(path: Path) -> None:
    from inspection_extract._load import load

    load(path)


if __name__ == "__main__":
    sys.exit(main())
