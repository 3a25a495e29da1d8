"""Parallel batches: `extract_many(..., workers=N)` over a small pool of worker processes.

The pool is written here rather than taken from ``concurrent.futures``: a
``ProcessPoolExecutor`` whose worker dies breaks every pending future (the whole batch
is lost), and it cannot end a worker that hangs on one input. Here each worker has its
own pipe and is sent a chunk of inputs at a time; it answers one result per input, so
the parent always knows which input a worker is reading. When a worker dies or
overruns the timeout, that one input becomes a `WorkerError` result, the worker is
replaced and the rest of its chunk goes to the new one.

Results come back in any order and are yielded in input order from a reorder buffer.
The parent reads the sources lazily and keeps at most `_WINDOW_CHUNKS` chunks per
worker between the next result to yield and the last input sent, so memory does not
grow with the batch.

Workers are started with ``spawn`` (a fresh interpreter that imports the library):
forking a parent that may hold threads (a progress bar's, an application's) is unsafe,
and the start-up cost (about half a second, paid once per worker, in parallel) is
what makes small batches faster in one process (`PARALLEL_MIN_BATCH`).
"""

from __future__ import annotations

import io
import multiprocessing
import pickle
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.connection import Connection, wait
from pathlib import PurePath
from typing import Any

from inspection_extract._api import BatchResult, extract_one, source_name
from inspection_extract.errors import InspectionExtractError, WorkerError, WorkerTimeoutError

#: Below this many inputs a batch is read in this process even when workers are asked
#: for: starting them costs more than they save. Measured with benchmarks/bench_batch.py
#: on 2 idle cores: two workers take about 0.8 s to start (each imports the library and
#: compiles its patterns on its first document), then read a press release every 2.9 ms
#: against 5.0 ms in one process; they overtake one process at 400 documents (2.00 s
#: against 1.99 s). Where other work holds the cores they overtake it later, or never.
PARALLEL_MIN_BATCH = 400
#: Seconds one input may take in a worker process before it is ended (a hung read, a
#: pathological document); generous, since a 1,000-page PDF takes a few seconds.
DEFAULT_TIMEOUT = 300.0
#: Inputs sent to a worker at a time: enough to keep pipes busy, small enough that the
#: inputs re-sent after a worker dies are few.
CHUNK_SIZE = 8
#: Chunks per worker allowed between the next result to yield and the last input sent:
#: the memory bound. Wide enough that one slow input (a long PDF) at the head of the
#: line does not soon leave the other workers idle.
_WINDOW_CHUNKS = 16
_START_METHOD = "spawn"
_READY = "ready"
_START_LIMIT = 120.0


def _worker_main(conn: Connection, options: dict[str, Any]) -> None:
    """A worker process: read chunks of ``(index, source)`` and answer one result per input."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn.send(_READY)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for index, source in chunk:
            result = extract_one(index, source, **options)
            try:
                try:
                    conn.send(result)
                except OSError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled is still a result
                    error = InspectionExtractError(f"internal error (cannot return the result): {exc}")
                    conn.send(BatchResult(index, result.source, error=error))
            except OSError:  # the parent has gone (killed, or stopped reading): so do we
                return


class _Worker:
    """One worker process, its pipe, and the inputs it has been sent but not answered."""

    def __init__(self, ctx: Any, options: dict[str, Any]) -> None:
        self._ctx = ctx
        self._options = options
        self.pending: deque[tuple[int, Any]] = deque()
        self.started = 0.0  # when the input at the head of `pending` began
        self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        self.proc = self._ctx.Process(target=_worker_main, args=(child, self._options), daemon=True)
        self.proc.start()
        child.close()
        self.conn: Connection = parent
        self.ready = False
        self.spawned = time.monotonic()

    def send(self, chunk: list[tuple[int, Any]]) -> None:
        if not self.pending:
            self.started = time.monotonic()
        self.pending.extend(chunk)
        try:
            self.conn.send(chunk)
        except OSError:  # the process died while idle: none of this chunk was read
            self.replace()

    def replace(self) -> None:
        """End this process (if still running) and start a fresh one with the inputs left."""
        self.stop(force=True)
        rest = list(self.pending)
        self.pending.clear()
        self._start()
        if rest:
            self.send(rest)

    def stop(self, force: bool = False) -> None:
        if not force:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


def _portable(source: Any) -> Any:
    """A source a worker process can receive: a file object is read here, keeping its name.

    Returns `_UNPICKLABLE` for a source that cannot be sent at all (it is then read here).
    """
    if isinstance(source, str | bytes | bytearray | PurePath | io.BytesIO):
        return source
    if hasattr(source, "read"):
        try:
            data = source.read()
        except Exception:  # noqa: BLE001 - extract() in this process reports it
            return _UNPICKLABLE
        copy = io.BytesIO(data.encode("utf-8") if isinstance(data, str) else data)
        copy.name = source_name(source)  # type: ignore[attr-defined]
        return copy
    try:
        pickle.dumps(source)
    except Exception:  # noqa: BLE001 - any object can fail to pickle in its own way
        return _UNPICKLABLE
    return source


_UNPICKLABLE = object()


def run_parallel(
    sources: Iterable[Any], options: dict[str, Any], *, workers: int, timeout: float | None = None
) -> Iterator[BatchResult]:
    """`extract_many`'s parallel path: results in input order, bounded memory, nothing lost."""
    items = enumerate(sources)
    head = list(islice(items, PARALLEL_MIN_BATCH))
    if timeout is None and len(head) < PARALLEL_MIN_BATCH:  # too small to pay for the processes
        for i, source in head:
            yield extract_one(i, source, **options)
        return
    limit = DEFAULT_TIMEOUT if timeout is None else timeout
    todo = _chain(head, items)
    ctx = multiprocessing.get_context(_START_METHOD)
    pool = [_Worker(ctx, options) for _ in range(workers)]
    window = workers * CHUNK_SIZE * _WINDOW_CHUNKS
    done: dict[int, BatchResult] = {}
    next_out = 0  # index of the next result to yield
    next_in = 0  # index of the next input to send
    exhausted = False
    try:
        while True:
            for w in pool:  # keep every worker fed, within the window
                while not exhausted and len(w.pending) < 2 * CHUNK_SIZE and next_in - next_out < window:
                    taken = list(islice(todo, CHUNK_SIZE))
                    if not taken:
                        exhausted = True
                        break
                    next_in = taken[-1][0] + 1
                    chunk = []
                    for i, source in taken:
                        portable = _portable(source)
                        if portable is _UNPICKLABLE:  # read here: its error (or record) stays in place
                            done[i] = extract_one(i, source, **options)
                        else:
                            chunk.append((i, portable))
                    if chunk:
                        w.send(chunk)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in pool if w.pending]
            if not busy:
                if exhausted:
                    return
                continue
            for w in busy:
                if not w.ready and time.monotonic() - w.spawned > _START_LIMIT:
                    raise InspectionExtractError(f"a worker process did not start within {_START_LIMIT:g} s")
            now = time.monotonic()
            deadline = min((w.started for w in busy if w.ready), default=now) + limit
            ready = wait(
                [w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=min(max(0.0, deadline - now), 1.0)
            )
            for w in busy:
                if w.conn in ready or w.proc.sentinel in ready:
                    _collect(w, done)
                if w.pending and w.ready and time.monotonic() - w.started > limit:
                    index, source = w.pending.popleft()
                    error = WorkerTimeoutError(f"reading this input took longer than {limit:g} s; it was stopped")
                    done[index] = BatchResult(index, source_name(source), error=error)
                    w.replace()
    finally:
        for w in pool:
            w.stop(force=bool(w.pending))


def _chain(head: list[tuple[int, Any]], rest: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    yield from head
    yield from rest


def _collect(w: _Worker, done: dict[int, BatchResult]) -> None:
    """Take every result ``w`` has sent; if its process died, its current input fails."""
    closed = False
    try:
        while w.pending and w.conn.poll():
            result: BatchResult | str = w.conn.recv()
            if isinstance(result, str):  # started: the clock of its first input starts now
                w.ready = True
                w.started = time.monotonic()
                continue
            done[result.index] = result
            w.pending.popleft()
            w.started = time.monotonic()
    except (EOFError, OSError):
        closed = True  # the pipe closed: the process is exiting
    if closed:
        w.proc.join(timeout=5)
    if w.pending and not w.proc.is_alive():
        w.proc.join()
        code = w.proc.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if not w.ready:  # no document to blame: the process could not start at all
            raise InspectionExtractError(
                f"a worker process failed to start ({how}); a script that uses workers must start its "
                "batch under `if __name__ == \"__main__\":`, since each worker imports the script afresh"
            )
        index, source = w.pending.popleft()
        error = WorkerError(f"the worker process reading this input died ({how}); the batch went on without it")
        done[index] = BatchResult(index, source_name(source), error=error)
        w.replace()
