"""Extraction on Dask: the same `extract` mapped over a ``dask.bag`` of paths or texts.

Needs the ``dask`` extra (``pip install 'inspection-extract[dask]'``). Each element of
the bag is an input `extract` accepts: as there, a ``Path`` is a file to read and a
``str`` is the document's text (`extract_paths` makes the bag from path names). Each
becomes the JSON of its `BatchResult`: the record, or an error line for an input that
failed, so no input is lost on a cluster either. Files must be readable where the
workers run (a shared file system); texts travel with the tasks.

    from dask.distributed import Client
    from inspection_extract.dask import extract_paths

    client = Client("tcp://scheduler:8786")                  # or Client(LocalCluster()) on one machine
    bag = extract_paths(sorted(glob.glob("/shared/reports/*.pdf")), npartitions=64)
    records = bag.compute()                                  # a list of dicts, in input order
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any

from inspection_extract._api import extract_one

try:
    import dask.bag
except ImportError as exc:  # pragma: no cover - the message is the point
    from inspection_extract.errors import InspectionExtractError

    raise InspectionExtractError(
        "inspection_extract.dask needs dask: pip install 'inspection-extract[dask]'"
    ) from exc


def _extract_dict(source: Any, options: dict[str, Any]) -> dict[str, Any]:
    return extract_one(0, source, **options).to_dict()


def extract_bag(bag: dask.bag.Bag, **options: Any) -> dask.bag.Bag:
    """A bag of record dicts (``BatchResult.to_dict()``), one per element of ``bag``, in its order.

    ``options`` are `extract`'s keywords (``media_type``, ``max_pages``).
    """
    return bag.map(_extract_dict, options)


def extract_paths(
    paths: Iterable[str | PathLike[str]], *, npartitions: int | None = None, **options: Any
) -> dask.bag.Bag:
    """`extract_bag` over the files named by ``paths`` (names of files, not texts)."""
    items = [Path(p) for p in paths]
    bag = dask.bag.from_sequence(items, npartitions=npartitions or min(max(1, len(items) // 50), 256))
    return extract_bag(bag, **options)


__all__ = ["extract_bag", "extract_paths"]
