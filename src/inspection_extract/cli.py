"""Command line: ``inspection-extract [--format json|jsonl|csv|parquet|summary] [options] INPUT...``.

INPUT is a file, a directory (its documents, recursively) or a glob. Exit status: 0
when every input was read, 1 when at least one input failed (its error is reported in
the output, in its place), 2 for a usage error. The batch machinery (inputs, resume,
progress) is in `_cli_batch`, the tables in `_tables`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from inspection_extract import _tables
from inspection_extract._api import BatchResult, extract_many
from inspection_extract._cli_batch import Progress, ResumeState, expand_inputs
from inspection_extract._commands import SUBCOMMANDS
from inspection_extract._load import MEDIA_TYPES
from inspection_extract._options import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_PAGES,
    DEFAULT_TIME_BUDGET,
    ExtractOptions,
)
from inspection_extract.errors import InputError

#: The columns of ``--format csv`` (the ``units`` table: one row per unit).
CSV_COLUMNS = _tables.TABLES["units"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="inspection-extract",
        description="Turn inspection press releases, news pages and reports into source-grounded records.",
        epilog="Exit status: 0 all inputs read; 1 some input failed (reported in its place); 2 usage error.",
    )
    p.add_argument(
        "files", nargs="+", metavar="INPUT",
        help="documents to read (text, HTML or PDF): files, directories (read recursively) or globs; - reads stdin",
    )
    p.add_argument(
        "--format", choices=("json", "jsonl", "csv", "parquet", "summary"), default="json",
        help="json: one record (an array for several files); jsonl: one line per input, in input order; "
        "csv: one row per unit (or per item of --table); parquet: the same table (needs pyarrow and --output); "
        "summary: a readable digest",
    )
    p.add_argument(
        "--table", choices=tuple(_tables.TABLES), default="units",
        help="for csv and parquet: which table to write (default units: one row per unit)",
    )
    p.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N",
        help="worker processes (default 1; 0: one per core); a batch under 400 inputs is read in one "
        "process, which is faster there",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--resume", action="store_true",
        help="with --output and --format jsonl: skip inputs already in FILE (by input and content hash) and append",
    )
    p.add_argument(
        "--timeout", type=float, default=None, metavar="S",
        help="seconds one input may take before it is stopped and reported as failed (default 300 with --jobs); "
        "inputs are then read in worker processes whatever their number",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary line on stderr")
    p.add_argument("--media-type", choices=MEDIA_TYPES, default=None, help="skip sniffing the input type")
    _add_limit_flags(p)
    p.add_argument("--no-text", action="store_true", help="leave the document text out of JSON output")
    return p


_LIMIT_FLAGS = (
    ("max_bytes", int, "refuse an input of more bytes", DEFAULT_MAX_BYTES),
    ("max_pages", int, "refuse a PDF of more pages", DEFAULT_MAX_PAGES),
    ("max_chars", int, "refuse a document whose text has more characters", DEFAULT_MAX_CHARS),
    ("time_budget", float, "give up on a document after this many seconds", DEFAULT_TIME_BUDGET),
)


def _add_limit_flags(p: argparse.ArgumentParser) -> None:
    """--max-bytes, --max-pages, --max-chars, --time-budget: `ExtractOptions`, per document."""
    g = p.add_argument_group("limits (per document; 'none' turns one off)")
    for name, kind, what, default in _LIMIT_FLAGS:

        def parse(v: str, kind: type = kind) -> object:
            if v.lower() == "none":
                return _NO_LIMIT
            n = kind(v)
            if n <= 0:
                raise argparse.ArgumentTypeError(f"must be a positive number or 'none', not {v}")
            return n

        parse.__name__ = kind.__name__  # argparse names it in "invalid int value"
        g.add_argument(f"--{name.replace('_', '-')}", type=parse, default=None, help=f"{what} (default {default:,})")


_NO_LIMIT = object()


def _limits(args: argparse.Namespace) -> ExtractOptions:
    given = {name: getattr(args, name) for name, *_ in _LIMIT_FLAGS if getattr(args, name) is not None}
    return replace(ExtractOptions(), **{k: None if v is _NO_LIMIT else v for k, v in given.items()})


def _sources(files: Sequence[str]) -> Iterator[Any]:
    for f in files:
        if f == "-":
            data = sys.stdin.buffer.read()
            yield data
        else:
            yield Path(f)


def _named(results: Iterator[BatchResult], files: Sequence[str]) -> Iterator[BatchResult]:
    # stdin has no name of its own; report it as "-"
    for r in results:
        yield r if r.source is not None else BatchResult(r.index, files[r.index], r.record, r.error)


def _as_dict(result: BatchResult, no_text: bool) -> dict[str, Any]:
    d = result.to_dict()
    if no_text and "text" in d:
        del d["text"]
    return d


def summary(result: BatchResult) -> str:
    """A few readable lines about one input's record (or its error)."""
    if result.record is None:
        return f"{result.source}: ERROR {type(result.error).__name__}: {result.error}\n"
    r = result.record
    lines = [f"{r.source.name or result.source or '<text>'}  [{r.document_type}]"]
    if r.title:
        lines.append(f"  title:     {' '.join(r.title.value.split())}")
    if r.inspectorate:
        lines.append(f"  by:        {r.inspectorate.value}")
    for u in r.units:
        score = f", score {u.score.points}/{u.score.out_of}" if u.score else ""
        prev = f" (was {u.previous_rating})" if u.previous_rating else ""
        lines.append(f"  unit:      {u.name} [{u.type}] {u.rating or 'not rated'}{prev}{score}")
    if r.region:
        lines.append(f"  region:    {r.region.value}")
    for a in r.aspect_ratings:
        lines.append(f"  aspect:    {(a.id + ' ') if a.id else ''}{a.aspect}: {a.rating}")
    for q in r.quotes:
        who = ", ".join(filter(None, (q.speaker, q.role))) or "unattributed"
        words = " ".join(q.text.split())
        lines.append(f"  quote:     {who}: “{words[:60]}{'…' if len(words) > 60 else ''}”")
    if r.recommendations:
        split = ", ".join(f"{s.count} for {s.recipient}" for s in r.recommendations.split)
        lines.append(f"  recs:      {r.recommendations.total} {('(' + split + ')') if split else ''}".rstrip())
    for key in ("published", "embargo"):
        f = getattr(r.dates, key)
        if f:
            lines.append(f"  {key + ':':10} {f.value}")
    if r.dates.fieldwork:
        fw = r.dates.fieldwork
        lines.append(f"  fieldwork: {fw.start}" + (f" to {fw.end}" if fw.end != fw.start else ""))
    lines.append(f"  counts:    {len(r.counts)}, percentages: {len(r.percentages)}")
    for w in r.warnings:
        lines.append(f"  WARNING:   {w}")
    return "\n".join(lines) + "\n"


def run(argv: Sequence[str] | None = None, stdout: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:  # `show` and `eval`; a file of that name is read as `./show`
        return SUBCOMMANDS[argv[0]](argv[1:], stdout or sys.stdout)
    parser = _parser()
    args = parser.parse_args(argv)
    options = _limits(args)
    if args.resume and (not args.output or args.format != "jsonl"):
        parser.error("--resume needs --output FILE and --format jsonl")
    if args.format == "parquet" and not args.output:
        parser.error("--format parquet needs --output FILE")
    try:
        inputs = expand_inputs(args.files)
    except InputError as exc:
        parser.error(str(exc))
    resume = ResumeState(Path(args.output)) if args.resume else None
    todo = [a for a in inputs if not (resume and resume.should_skip(a))]
    workers = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    progress = Progress(len(todo), enabled=False if args.quiet else None)
    results = _counted(
        _named(extract_many(_sources(todo), media_type=args.media_type, options=options,
                            workers=workers, timeout=args.timeout), todo),
        progress,
    )
    single = len(args.files) == 1 and inputs == args.files
    if args.format == "parquet":
        _write_parquet(results, args.output, args.table)
    else:
        out = (
            open(args.output, "a" if resume else "w", encoding="utf-8", newline="")
            if args.output else stdout or sys.stdout
        )
        try:
            _write(results, out, args, single)
        finally:
            if args.output:
                out.close()
    if not args.quiet:
        print(progress.summary(resume.skipped if resume else 0), file=sys.stderr)
    return 1 if progress.failed or (resume and resume.failed) else 0


def _counted(results: Iterator[BatchResult], progress: Progress) -> Iterator[BatchResult]:
    for r in results:
        progress.update(r)
        yield r


def _write(results: Iterator[BatchResult], out: IO[str], args: argparse.Namespace, single: bool) -> None:
    if args.format == "jsonl":
        for r in results:
            line = _as_dict(r, args.no_text)
            if r.record is not None:
                line["input"] = r.source  # the input as given: what --resume matches
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
    elif args.format == "json":
        records = [_as_dict(r, args.no_text) for r in results]
        doc: Any = records[0] if single and len(records) == 1 else records
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=_tables.TABLES[args.table], lineterminator="\n")
        writer.writeheader()
        for r in results:
            writer.writerows(_tables.rows(args.table, r))
    else:
        for r in results:
            out.write(summary(r) + "\n")


def _write_parquet(results: Iterator[BatchResult], path: str, table: str, batch: int = 2000) -> None:
    """Write ``table``'s rows to a Parquet file, a row group at a time (memory stays bounded)."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        print("inspection-extract: --format parquet needs pyarrow: pip install 'inspection-extract[pandas]'",
              file=sys.stderr)
        raise SystemExit(2) from None
    schema = _tables.arrow_schema(table)
    with pyarrow.parquet.ParquetWriter(path, schema) as writer:
        pending: list[dict[str, Any]] = []
        for r in results:
            pending.extend(_tables.rows(table, r))
            if len(pending) >= batch:
                writer.write_table(pyarrow.Table.from_pylist(pending, schema=schema))
                pending.clear()
        if pending:
            writer.write_table(pyarrow.Table.from_pylist(pending, schema=schema))


def main() -> None:
    """Console-script entry point."""
    try:
        sys.exit(run())
    except KeyboardInterrupt:  # what was written stays complete, line by line
        print("inspection-extract: interrupted; with --output and --resume a rerun continues", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
