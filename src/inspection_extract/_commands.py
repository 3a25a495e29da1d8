"""The subcommands beside the batch command line: ``show`` (the review page) and ``eval``.

``inspection-extract show FILE... [-o PAGE.html | --out-dir DIR]`` and
``inspection-extract eval GOLD_DIR [-v] [--json OUT]``. Each returns its exit status:
0 every input read, 1 some input failed (reported in its place), 2 a usage error or an
output that cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from inspection_extract._api import BatchResult, extract_many
from inspection_extract._load import DEFAULT_MAX_PAGES, MEDIA_TYPES
from inspection_extract.errors import InspectionExtractError


def _show_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="inspection-extract show",
        description="Write an HTML review page: the document's text with every extracted value highlighted "
        "in its field's colour, and the record beside it.",
        epilog="Exit status: 0 all inputs read; 1 some input failed (shown on the page); 2 usage error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="documents to read (text, HTML or PDF); - reads stdin")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, help="write one page here (a list of the documents at its top "
                       "when there are several); without -o or --out-dir the page goes to stdout")
    where.add_argument("--out-dir", type=Path, help="write one page per document here, named after it (NAME.html)")
    p.add_argument("--media-type", choices=MEDIA_TYPES, default=None, help="skip sniffing the input type")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, help="refuse PDFs with more pages")
    return p


def _write(path: Path, page: str) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"inspection-extract show: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def show(argv: Sequence[str], stdout: IO[str]) -> int:
    """``inspection-extract show``: one review page, or one page per document with ``--out-dir``."""
    from inspection_extract.render import render_documents, render_html

    args = _show_parser().parse_args(argv)
    sources = [sys.stdin.buffer.read() if f == "-" else Path(f) for f in args.files]
    results = [
        r if r.source is not None else BatchResult(r.index, args.files[r.index], r.record, r.error)
        for r in extract_many(sources, media_type=args.media_type, max_pages=args.max_pages)
    ]
    failed = sum(r.error is not None for r in results)
    if args.out_dir is not None:
        used: set[str] = set()
        for r in results:
            stem = Path(r.source or "stdin").name if r.source != "-" else "stdin"
            name = stem + ".html"
            n = 2
            while name in used:  # two inputs of the same name from different folders
                name, n = f"{stem}-{n}.html", n + 1
            used.add(name)
            page = render_html(r.record) if r.record is not None else render_documents([r], title=r.source or "")
            if not _write(args.out_dir / name, page):
                return 2
            stdout.write(f"{args.out_dir / name}\n")
        return 1 if failed else 0
    if len(results) == 1 and results[0].record is not None:
        page = render_html(results[0].record)
    else:
        page = render_documents(results)
    if args.output is None:
        stdout.write(page)
    elif not _write(args.output, page):
        return 2
    for r in results:
        if r.error is not None:
            print(f"inspection-extract show: {r.source}: {type(r.error).__name__}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def _eval_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="inspection-extract eval",
        description="Per-field precision, recall and F1 of the records against gold facts: GOLD_DIR holds "
        "NAME.txt, NAME.html or NAME.pdf documents with NAME.gold.json beside each (format in the README).",
        epilog="Exit status: 0 every document read; 1 some document failed (its facts count as missed); "
        "2 usage error or malformed gold facts.",
    )
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss before the figures")
    p.add_argument("--json", type=Path, metavar="OUT", help="write the figures and misses as JSON here (- for stdout)")
    p.add_argument("--only", metavar="GLOB", help="score only documents whose NAME matches this glob")
    p.add_argument("--ext", default="txt,html,pdf", help="document kinds to score, in order of preference "
                   "(default txt,html,pdf)")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, help="refuse PDFs with more pages")
    return p


def evaluate(argv: Sequence[str], stdout: IO[str]) -> int:
    """``inspection-extract eval``: the figures table (misses first with ``-v``), JSON with ``--json``."""
    from inspection_extract.evaluate import evaluate as run_evaluation

    args = _eval_parser().parse_args(argv)
    try:
        result = run_evaluation(args.gold_dir, only=args.only, suffixes=args.ext.split(","), max_pages=args.max_pages)
    except InspectionExtractError as exc:
        print(f"inspection-extract eval: {exc}", file=sys.stderr)
        return 2
    figures = json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if args.json is not None and str(args.json) == "-":
        stdout.write(figures)
        return 1 if result.failed else 0
    if args.verbose:
        stdout.write("".join(f"  {m}\n" for m in result.misses) + "\n")
    stdout.write(result.table())
    if args.json is not None:
        try:
            args.json.write_text(figures, encoding="utf-8")
        except OSError as exc:
            print(f"inspection-extract eval: cannot write {args.json}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    return 1 if result.failed else 0


#: The subcommands by name; the first argument selects one, anything else is the batch command line.
SUBCOMMANDS: dict[str, Callable[[Sequence[str], IO[str]], int]] = {"show": show, "eval": evaluate}
