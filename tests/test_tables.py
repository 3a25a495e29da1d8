"""Tables for analysts: rows per unit and per list item, and pandas DataFrames of them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inspection_extract import InspectionExtractError, extract, extract_many, records_to_frames
from inspection_extract._tables import TABLES, rows

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "corpus" / "seed-birmingham-nes-2022.txt"
HTML = ROOT / "fixtures" / "corpus" / "pr-three-london-pdus-2024.html"
THEMATIC = ROOT / "fixtures" / "corpus" / "joint-thematic-knife-crime-children-2022.txt"


def test_a_document_without_units_still_has_its_row() -> None:
    (result,) = extract_many([THEMATIC])
    assert result.record is not None and not result.record.units
    (row,) = rows("units", result)
    assert row["unit"] is None and row["document_type"] == result.record.document_type


def test_unknown_table_names_the_valid_ones() -> None:
    (result,) = extract_many([SEED])
    with pytest.raises(InspectionExtractError, match="units, aspects, quotes"):
        list(rows("people", result))


def test_frames_have_the_documented_columns_and_types(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    frames = records_to_frames(extract_many([SEED, HTML, tmp_path / "missing.txt"]))
    assert set(frames) == set(TABLES)
    for name, frame in frames.items():
        assert list(frame.columns) == list(TABLES[name])
    units = frames["units"]
    assert len(units) == 1 + 3 + 1
    assert units["unit_index"].dtype == "Int64"
    assert units["error"].notna().tolist() == [False, False, False, False, True]
    assert units.loc[0, "unit_rating"] == "Inadequate"
    rec = extract(SEED)
    quotes = frames["quotes"][frames["quotes"]["source"] == SEED.name]
    assert quotes["speaker"].tolist() == [q.speaker for q in rec.quotes]


def test_frames_from_plain_records() -> None:
    pytest.importorskip("pandas")
    frames = records_to_frames([extract(SEED)])
    assert frames["units"]["source"].tolist() == [SEED.name]


def test_frames_without_pandas_say_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(InspectionExtractError, match=r"inspection-extract\[pandas\]"):
        records_to_frames([extract(SEED)])
