"""Parallel batches: `extract_many(..., workers=N)` keeps order, loses nothing, survives bad workers."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import inspection_extract._batch as batch
from inspection_extract import extract_many
from inspection_extract.errors import InputError, WorkerError, WorkerTimeoutError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))


class Crashing(os.PathLike):  # type: ignore[type-arg]
    """A path whose reading kills the process reading it (as a crash in a native library would)."""

    def __fspath__(self) -> str:
        os.kill(os.getpid(), signal.SIGKILL)
        return ""  # not reached

    def __str__(self) -> str:
        return "crashing.txt"


class Hanging(os.PathLike):  # type: ignore[type-arg]
    """A path whose reading never returns (as a read from a stalled network mount would)."""

    def __fspath__(self) -> str:
        time.sleep(3600)
        return ""

    def __str__(self) -> str:
        return "hanging.txt"


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let batches of a few inputs use the workers (the real threshold is measured for speed)."""
    monkeypatch.setattr(batch, "PARALLEL_MIN_BATCH", 4)
    monkeypatch.setattr(batch, "CHUNK_SIZE", 3)


def _dicts(results) -> list[dict]:
    return [r.to_dict() for r in results]


@pytest.mark.usefixtures("small_batches")
def test_workers_give_the_serial_records_in_input_order(tmp_path: Path) -> None:
    sources = [*CORPUS[:12], tmp_path / "missing.txt", *CORPUS[12:20]]
    serial = list(extract_many(sources))
    parallel = list(extract_many(sources, workers=2))
    assert [r.index for r in parallel] == list(range(len(sources)))
    assert _dicts(parallel) == _dicts(serial)
    assert isinstance(parallel[12].error, InputError)


@pytest.mark.usefixtures("small_batches")
def test_a_worker_that_dies_fails_only_its_input() -> None:
    sources = [*CORPUS[:6], Crashing(), *CORPUS[6:14]]
    results = list(extract_many(sources, workers=2))
    assert [r.index for r in results] == list(range(len(sources)))
    assert [r.index for r in results if r.error] == [6]
    assert isinstance(results[6].error, WorkerError)
    assert "killed by signal 9" in str(results[6].error)
    assert results[6].source == "crashing.txt"
    assert _dicts(results[7:]) == _dicts(extract_many(CORPUS[6:14]))


@pytest.mark.usefixtures("small_batches")
def test_a_hung_input_times_out_and_the_batch_goes_on() -> None:
    sources = [*CORPUS[:5], Hanging(), *CORPUS[5:10]]
    t0 = time.monotonic()
    results = list(extract_many(sources, workers=2, timeout=2))
    assert time.monotonic() - t0 < 60
    assert [r.index for r in results if r.error] == [5]
    assert isinstance(results[5].error, WorkerTimeoutError)
    assert "longer than 2 s" in str(results[5].error)
    assert all(r.record is not None for r in results if r.index != 5)


@pytest.mark.usefixtures("small_batches")
def test_sources_are_read_lazily_so_memory_is_bounded() -> None:
    pulled = 0

    def sources() -> Iterator[Path]:
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield CORPUS[i % len(CORPUS)]

    window = 2 * batch.CHUNK_SIZE * batch._WINDOW_CHUNKS
    seen = 0
    for result in extract_many(sources(), workers=2):
        assert result.index == seen
        seen += 1
        # never more than the window ahead of what has been yielded, plus one chunk being read
        assert pulled - seen <= window + batch.CHUNK_SIZE
    assert seen == 400


def test_a_small_batch_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*args, **kwargs):
        raise AssertionError("a batch below PARALLEL_MIN_BATCH must not start workers")

    monkeypatch.setattr(batch, "_Worker", no_workers)
    results = list(extract_many(CORPUS[:5], workers=2))
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert all(r.record is not None for r in results)


@pytest.mark.usefixtures("small_batches")
def test_file_objects_keep_their_names_in_workers() -> None:
    handles = [p.open("rb") for p in CORPUS[:6]]
    try:
        results = list(extract_many(handles, workers=2))
    finally:
        for h in handles:
            h.close()
    assert [r.record.source.name for r in results if r.record] == [p.name for p in CORPUS[:6]]


class Unpicklable:
    """An input that cannot be sent to another process (it holds a lock)."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()


@pytest.mark.usefixtures("small_batches")
def test_an_input_that_cannot_be_sent_fails_in_place() -> None:
    sources = [*CORPUS[:5], Unpicklable(), *CORPUS[5:9]]
    results = list(extract_many(sources, workers=2))  # type: ignore[list-item]
    assert [r.index for r in results] == list(range(len(sources)))
    assert [r.index for r in results if r.error] == [5]
    assert isinstance(results[5].error, InputError)


def test_a_timeout_protects_a_small_batch_in_one_worker() -> None:
    sources = [CORPUS[0], Hanging(), CORPUS[1]]
    results = list(extract_many(sources, timeout=2))  # type: ignore[list-item]
    assert [r.index for r in results if r.error] == [1]
    assert isinstance(results[1].error, WorkerTimeoutError)
    assert results[0].record is not None and results[2].record is not None


@pytest.mark.usefixtures("small_batches")
def test_stopping_early_ends_the_workers() -> None:
    import multiprocessing

    results = extract_many(CORPUS * 3, workers=2)
    first = [next(results) for _ in range(3)]
    results.close()  # the consumer stops reading: the generator's cleanup ends the workers
    assert [r.index for r in first] == [0, 1, 2]
    assert multiprocessing.active_children() == []
