"""A folder of documents to one CSV row per inspected unit, in parallel.

    python examples/folder_to_csv.py FOLDER OUT.csv [--workers N]

The same as ``inspection-extract --format csv --jobs N --output OUT.csv FOLDER``, written
out with the Python API: `extract_many` streams results in input order (one per file,
failures included), and `table_rows` flattens each into the ``units`` table's rows.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from inspection_extract import TABLES, extract_many, table_rows

SUFFIXES = {".txt", ".html", ".htm", ".pdf"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    paths = sorted(p for p in Path(args.folder).rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    failed = 0
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=TABLES["units"])
        writer.writeheader()
        for result in extract_many(paths, workers=args.workers):
            failed += result.error is not None
            writer.writerows(table_rows("units", result))
    print(f"{len(paths)} documents, {failed} failed -> {args.out}")


if __name__ == "__main__":  # needed with workers: each worker process imports this file
    main()
