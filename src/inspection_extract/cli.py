"""Command line: ``inspection-extract [--format json|jsonl|csv|summary] FILE...``.

Exit status: 0 when every input was read, 1 when at least one input failed (its
error is reported in the output, in its place), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from inspection_extract._api import BatchResult, extract_many
from inspection_extract._commands import SUBCOMMANDS
from inspection_extract._load import MEDIA_TYPES
from inspection_extract._options import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_PAGES,
    DEFAULT_TIME_BUDGET,
    ExtractOptions,
)

CSV_COLUMNS = (
    "source", "error", "document_type", "inspectorate", "title", "unit", "unit_type", "overall_rating",
    "previous_rating", "score", "region", "units", "aspect_ratings", "quotes", "recommendations",
    "published", "embargo", "fieldwork_start", "fieldwork_end", "contacts", "warnings",
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="inspection-extract",
        description="Turn inspection press releases, news pages and reports into source-grounded records.",
        epilog="Exit status: 0 all inputs read; 1 some input failed (reported in its place); 2 usage error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="documents to read (text, HTML or PDF); - reads stdin")
    p.add_argument(
        "--format", choices=("json", "jsonl", "csv", "summary"), default="json",
        help="json: one record (an array for several files); jsonl: one line per input, in input order; "
        "csv: one row per input; summary: a readable digest",
    )
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


def _csv_row(result: BatchResult) -> dict[str, Any]:
    if result.record is None:
        return {"source": result.source, "error": f"{type(result.error).__name__}: {result.error}"}
    d = result.record.to_dict()
    main = d["units"][0] if d["units"] else {}
    val = lambda f: f["value"] if f else None  # noqa: E731
    fw = d["dates"]["fieldwork"] or {}
    score = main.get("score")
    return {
        "source": d["source"]["name"] or result.source,
        "document_type": d["document_type"],
        "inspectorate": val(d["inspectorate"]),
        "title": val(d["title"]),
        "unit": main.get("name"),
        "unit_type": main.get("type"),
        "overall_rating": val(d["overall_rating"]),
        "previous_rating": main.get("previous_rating"),
        "score": f"{score['points']}/{score['out_of']}" if score else None,
        "region": val(d["region"]),
        "units": "; ".join(f"{u['name']} ({u['type']}): {u['rating'] or '-'}" for u in d["units"]),
        "aspect_ratings": "; ".join(f"{a['aspect']}: {a['rating']}" for a in d["aspect_ratings"]),
        "quotes": len(d["quotes"]),
        "recommendations": (d["recommendations"] or {}).get("total"),
        "published": val(d["dates"]["published"]),
        "embargo": val(d["dates"]["embargo"]),
        "fieldwork_start": fw.get("start"),
        "fieldwork_end": fw.get("end"),
        "contacts": "; ".join(c["email"] for c in d["contacts"]),
        "warnings": "; ".join(d["warnings"]),
    }


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
    out = stdout or sys.stdout
    if argv and argv[0] in SUBCOMMANDS:  # `show` and `eval`; a file of that name is read as `./show`
        return SUBCOMMANDS[argv[0]](argv[1:], out)
    args = _parser().parse_args(argv)
    options = _limits(args)
    results = _named(extract_many(_sources(args.files), media_type=args.media_type, options=options), args.files)
    failed = 0
    if args.format == "jsonl":
        for r in results:
            failed += r.error is not None
            out.write(json.dumps(_as_dict(r, args.no_text), ensure_ascii=False) + "\n")
            out.flush()
    elif args.format == "json":
        records = []
        for r in results:
            failed += r.error is not None
            records.append(_as_dict(r, args.no_text))
        doc: Any = records[0] if len(args.files) == 1 else records
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in results:
            failed += r.error is not None
            writer.writerow(_csv_row(r))
        out.write(buf.getvalue())
    else:
        for r in results:
            failed += r.error is not None
            out.write(summary(r) + "\n")
    return 1 if failed else 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


if __name__ == "__main__":
    main()
