"""Golden records: each fixture document's output is compared exactly with the
``NAME.expected.json`` beside it. A change in output is a visible diff; after
reviewing it, ``make bless`` rewrites the expected files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import result_for

BLESS = os.environ.get("INSPECTION_EXTRACT_BLESS") == "1"


def expected_path(doc: Path) -> Path:
    return doc.with_name(doc.name + ".expected.json")


def _normalised(data: dict) -> dict:
    # Round-trip through JSON so tuples and lists compare equal.
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_golden_record(fixture_doc: Path) -> None:
    got = _normalised(result_for(fixture_doc).to_dict())
    if "error" in got:
        # an error line names the input as given (an absolute path here): keep its file name
        got["source"] = Path(got["source"]).name
    path = expected_path(fixture_doc)
    if BLESS:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert path.exists(), f"no golden record for {fixture_doc.name}: run `make bless` and review it"
    expected = json.loads(path.read_text(encoding="utf-8"))
    # Compare field by field so a failure names the field that changed.
    for key in sorted(set(expected) | set(got)):
        assert got.get(key) == expected.get(key), f"{fixture_doc.name}: field {key!r} changed"
