"""Extraction on a real Dask cluster (two worker processes) gives the serial records."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract import extract_many

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted(p for p in (ROOT / "fixtures" / "corpus").iterdir() if p.suffix in (".txt", ".html"))


def test_a_local_cluster_gives_the_serial_records(tmp_path: Path) -> None:
    import dask.bag as db

    from inspection_extract.dask import extract_bag

    sources = [*(DOCS * 8)[:210], tmp_path / "missing.txt", "Kirklees PDU has been rated ‘Inadequate’."]
    serial = [r.to_dict() for r in extract_many(sources)]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        bag = db.from_sequence(sources, npartitions=8)
        records = extract_bag(bag).compute()
    assert len(records) == len(sources) >= 200
    assert records == serial
    assert records[-2]["error"]["type"] == "InputError"
    assert records[-1]["overall_rating"]["value"] == "Inadequate"


def test_extract_paths_reads_files_by_name() -> None:
    from inspection_extract.dask import extract_paths

    names = [str(p) for p in DOCS[:3]]
    records = extract_paths(names).compute(scheduler="sync")
    assert [r["source"]["name"] for r in records] == [p.name for p in DOCS[:3]]
