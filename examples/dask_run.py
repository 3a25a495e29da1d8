"""Extraction on Dask: a local cluster of two worker processes, or a real cluster's scheduler.

    python examples/dask_run.py FOLDER [--scheduler tcp://HOST:8786]

Without ``--scheduler`` it starts a ``LocalCluster`` of two processes on this machine;
with it, the same code runs on that cluster (the files must be readable by its workers).
Prints how many records and errors came back, and the ratings found.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dask.distributed import Client, LocalCluster

from inspection_extract.dask import extract_paths

SUFFIXES = {".txt", ".html", ".htm", ".pdf"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--scheduler", help="a running cluster's scheduler address, e.g. tcp://10.0.0.5:8786")
    args = ap.parse_args()
    paths = sorted(p for p in Path(args.folder).rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None))
    with client:
        records = extract_paths(paths, npartitions=8).compute()
    errors = [r for r in records if "error" in r and "schema_version" not in r]
    ratings = Counter(r["overall_rating"]["value"] for r in records if r.get("overall_rating"))
    print(f"{len(records)} documents, {len(errors)} failed; overall ratings: {dict(sorted(ratings.items()))}")


if __name__ == "__main__":  # needed: the cluster's worker processes import this file
    main()
