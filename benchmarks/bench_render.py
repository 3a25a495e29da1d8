"""Review page and evaluation speed (run: python benchmarks/bench_render.py).

1. `render_html` per document, median over the text and HTML fixtures of fixtures/corpus,
   and for the 60-page report fixtures/pdf/bench-report-60.pdf; the page's size.
2. `evaluate` over fixtures/corpus (extraction included), against extraction alone.

Each figure is the best of a few runs (the least disturbed by other load).
"""

from __future__ import annotations

import statistics
from pathlib import Path

from bench_pdf import best_of  # (benchmarks/ is the script's own folder: on sys.path)

from inspection_extract import extract, extract_many
from inspection_extract.evaluate import evaluate, find_documents
from inspection_extract.render import render_html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
REPORT_60 = ROOT / "fixtures" / "pdf" / "bench-report-60.pdf"


def main() -> None:
    records = [extract(p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".html")]
    per_doc = [best_of(lambda r=r: render_html(r), 5) for r in records]
    sizes = [len(render_html(r).encode()) for r in records]
    print(f"render_html, {len(records)} text/HTML documents: median {statistics.median(per_doc) * 1000:.2f} ms, "
          f"max {max(per_doc) * 1000:.2f} ms; page median {statistics.median(sizes) // 1024} KB")
    report = extract(REPORT_60)
    t = best_of(lambda: render_html(report), 5)
    print(f"render_html, 60-page report ({len(report.text):,} characters): {t * 1000:.1f} ms, "
          f"{len(render_html(report).encode()) // 1024} KB")
    docs = [d for _, d, _ in find_documents(CORPUS)]
    t_eval = best_of(lambda: evaluate(CORPUS), 3)
    t_extract = best_of(lambda: list(extract_many(docs)), 3)
    print(f"evaluate fixtures/corpus ({len(docs)} documents): {t_eval:.2f} s; extraction alone {t_extract:.2f} s")


if __name__ == "__main__":
    main()
