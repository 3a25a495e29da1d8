"""The command line's batch machinery: which files to read, what to skip on resume, progress.

- `expand_inputs`: files, directories (recursively, documents by extension) and globs,
  in a stable order, so that a rerun sees the same inputs in the same order.
- `ResumeState`: what an existing JSON Lines output already holds, keyed by input and
  content hash, so that ``--resume`` skips exactly those inputs.
- `Progress`: a tqdm bar with documents per second on a terminal, nothing when piped,
  and the one-line summary at the end.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any

from inspection_extract._api import BatchResult
from inspection_extract.errors import InputError

#: The files a directory contributes: the media types the library reads.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"})
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(args: list[str]) -> list[str]:
    """The inputs named by ``args``: each file as given, each directory's documents, each glob's matches.

    Directories are walked recursively and contribute files whose extension is one the
    library reads (`DOCUMENT_SUFFIXES`), sorted by path; a glob's matches are sorted too.
    A path that does not exist, or a directory that holds no document, stays an input (it
    fails in its place); a glob that matches nothing is an `InputError`, since nothing
    names what is missing.
    """
    out: list[str] = []
    for arg in args:
        if arg == "-" or (not _GLOB_CHARS & set(arg) and not os.path.isdir(arg)):
            out.append(arg)
        elif os.path.isdir(arg):
            # a directory with no document in it stays an input, to fail in its place:
            # nothing named on the command line is dropped without a line
            out.extend(_walk(arg) or [arg])
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError(f"no file matches {arg!r}")
            for m in matches:
                out.extend(_walk(m) if os.path.isdir(m) else [m])
    return out


def _walk(directory: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, f) for f in files if Path(f).suffix.lower() in DOCUMENT_SUFFIXES)
    return sorted(found)


def _file_hash(path: str) -> str | None:
    if not os.path.isfile(path):  # missing, a directory, a pipe: nothing to hash (reading a pipe would block)
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class ResumeState:
    """The inputs an earlier, interrupted run already wrote to a JSON Lines output.

    A record line counts as the input it names (``input``) with the content hash it
    was read from (``source.sha256``); an error line as its input whatever the content
    (an input that failed is reported, not retried: delete its line to retry it). Keys
    are counted, so an input given twice is skipped only as often as it was written.
    A last line cut short by the interruption is removed from the file.
    """

    def __init__(self, path: Path) -> None:
        self.done: Counter[tuple[str | None, str | None]] = Counter()
        self.skipped = 0
        self.failed = 0  # error lines already in the output
        if not path.exists():
            return
        data = path.read_bytes()
        keep = 0  # bytes of complete, readable lines
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if "schema_version" not in obj:  # an error line: its "source" is the input as given
                self.done[(obj.get("source"), None)] += 1
                self.failed += 1
            else:
                self.done[(obj.get("input"), obj["source"]["sha256"])] += 1
            keep += len(line)
        if keep < len(data):
            with path.open("r+b") as f:
                f.truncate(keep)

    def should_skip(self, arg: str) -> bool:
        """True (once per line written) if ``arg`` with its current content is already in the output."""
        digest = _file_hash(arg)
        for key in ((arg, digest), (arg, None)) if digest else ((arg, None),):
            if self.done[key] > 0:
                self.done[key] -= 1
                self.skipped += 1
                return True
        return False


class Progress:
    """A progress bar on a terminal (tqdm, documents per second), and the run's summary line."""

    def __init__(self, total: int, stream: IO[str] | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.read = self.failed = self.warned = 0
        self.t0 = time.perf_counter()
        show = self.stream.isatty() if enabled is None else enabled
        self.bar: Any = None
        if show and total > 1:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True, smoothing=0.1)

    def update(self, result: BatchResult) -> None:
        if result.error is not None:
            self.failed += 1
        else:
            self.read += 1
            self.warned += bool(result.record and result.record.warnings)
        if self.bar is not None:
            self.bar.update(1)

    def summary(self, skipped: int = 0) -> str:
        if self.bar is not None:
            self.bar.close()
        seconds = time.perf_counter() - self.t0
        done = self.read + self.failed
        rate = f", {done / seconds:.0f} docs/s" if seconds > 0 and done else ""
        resumed = f", {skipped} already in the output" if skipped else ""
        return (
            f"{done} input{'' if done == 1 else 's'}: {self.read} read, {self.failed} failed, "
            f"{self.warned} with warnings{resumed} ({seconds:.1f} s{rate})"
        )
