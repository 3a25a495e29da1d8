"""`inspection_extract.evaluate` and `inspection-extract eval`: the figures against gold facts."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inspection_extract.cli import run
from inspection_extract.errors import InputError
from inspection_extract.evaluate import FIELDS, evaluate, load_gold, score_record

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score"
SEED = "seed-birmingham-nes-2022"


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return run(args, stdout=out), out.getvalue()


def _f1(gold: dict[str, Any], rec: dict[str, Any], fld: str) -> tuple[float, float, float]:
    t = score_record(gold, rec)[0][fld]
    return t.precision, t.recall, t.f1


# --- the matching rules, one example each --------------------------------------------------

@pytest.mark.parametrize(("gold_name", "rec_name", "same"), [
    ("Kirklees PDU", "Kirklees", True),                              # type words are not the name
    ("Birmingham North, East and Solihull", "Birmingham North, East and Solihull PDU", True),
    ("Oldham Youth Justice Service", "Oldham", True),
    ("Hull", "North and North East Lincolnshire", False),
    ("Cherry Tree House", "Cherry Tree", True),                       # one name's words within the other's
    ("Swansea, Neath Port Talbot", "Swansea", True),
    ("The Mount", "Mount", True),
])
def test_unit_names_match_on_their_content_words(gold_name: str, rec_name: str, same: bool) -> None:
    p, r, _ = _f1({"units": [{"name": gold_name}]}, {"units": [{"name": rec_name}]}, "unit names")
    assert (p, r) == ((1.0, 1.0) if same else (0.0, 0.0))


def test_ratings_compare_after_normalising_their_form() -> None:
    gold = {"units": [{"name": "Kirklees", "rating": "requiring improvement"}]}
    assert _f1(gold, {"units": [{"name": "Kirklees", "rating": "Requires improvement"}]}, "unit ratings")[2] == 1.0
    assert _f1(gold, {"units": [{"name": "Kirklees", "rating": "Good"}]}, "unit ratings")[2] == 0.0


def test_overall_rating_is_scored_only_where_the_gold_rates_one_unit_or_none() -> None:
    two = {"units": [{"name": "Hull", "rating": "Good"}, {"name": "Grimsby", "rating": "Inadequate"}]}
    assert "overall rating" not in score_record(two, {"overall_rating": {"value": "Good"}})[0]
    none: dict[str, Any] = {"units": []}
    assert _f1(none, {"overall_rating": {"value": "Good", "span": [0, 4]}}, "overall rating")[0] == 0.0


def test_a_quote_matches_on_its_first_words_and_its_speaker_on_a_shared_word() -> None:
    gold = {"quotes": [{"speaker": "Justin Russell", "first_words": "It is at the heart of", "paragraphs": 2}]}
    rec = {"quotes": [{"text": "It is at the heart of the work", "speaker": "Mr Russell", "paragraphs": 1}]}
    tallies, misses = score_record(gold, rec)
    assert tallies["quotes"].f1 == tallies["speakers"].f1 == 1.0
    assert tallies["quote extent"].f1 == 0.0
    assert misses == ["quote extent: 'It is at the heart of' gold 2 paragraphs got 1"]


def test_a_count_matches_on_its_value_and_where_the_gold_words_stand() -> None:
    text = "We read 40 cases. Later, 40 cases more."
    gold = {"counts": [{"value": 40, "text": "40 cases more"}]}
    at_first = {"text": text, "counts": [{"value": 40, "text": "40 cases", "span": [8, 16]}]}
    at_second = {"text": text, "counts": [{"value": 40, "text": "40 cases", "span": [25, 33]}]}
    assert _f1(gold, at_first, "counts")[2] == 0.0
    assert _f1(gold, at_second, "counts")[2] == 1.0


def test_dates_compare_to_the_gold_precision() -> None:
    rec = {"dates": {"published": {"value": "2022-08-18"}, "embargo": {"value": "2022-08-18T00:01:00+01:00"},
                     "fieldwork": {"start": "2022-06", "end": "2022-07"}}}
    gold = {"published": "2022-08", "embargo": "2022-08-18T00:01", "fieldwork": "2022-06/2022-07"}
    tallies, misses = score_record(gold, rec)
    assert [tallies[k].f1 for k in ("published", "embargo", "fieldwork")] == [1.0, 1.0, 1.0]
    assert misses == []


def test_precision_and_recall_count_extras_and_misses() -> None:
    gold = {"aspect_ratings": [{"aspect": "sentence management", "rating": "Inadequate"},
                               {"aspect": "court work", "rating": "Good"}]}
    rec = {"aspect_ratings": [{"aspect": "Sentence management", "rating": "Inadequate"},
                              {"aspect": "leadership", "rating": "Good"}, {"aspect": "staff", "rating": "Poor"}]}
    p, r, f = _f1(gold, rec, "aspect ratings")
    assert (p, r) == (1 / 3, 1 / 2)
    assert f == pytest.approx(0.4)


# --- a folder --------------------------------------------------------------------------------

@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """The seed press release with its gold facts, three of them made wrong on purpose."""
    shutil.copy(CORPUS / f"{SEED}.txt", tmp_path)
    gold = json.loads((CORPUS / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    gold["units"][0]["rating"] = "Good"                     # a rating the record cannot have
    gold["counts"].append({"value": 12, "qualifier": None, "noun": "staff", "text": "12 staff"})
    gold["contact_email"] = None                             # so the record's contact is an extra
    (tmp_path / f"{SEED}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_evaluate_a_folder_gives_every_field_and_its_misses(seed_dir: Path) -> None:
    result = evaluate(seed_dir)
    figures = {f.name: f for f in result.fields}
    assert (result.documents, result.failed) == (1, 0)
    assert list(figures) == [f for f in FIELDS if f in figures]
    assert figures["unit names"].f1 == 1.0
    assert (figures["unit ratings"].precision, figures["unit ratings"].recall) == (0.0, 0.0)
    assert (figures["counts"].gold, figures["counts"].pred, figures["counts"].recall) == (6, 5, 5 / 6)
    assert (figures["contacts"].gold, figures["contacts"].pred, figures["contacts"].precision) == (0, 1, 0.0)
    assert result.misses == (
        f"{SEED}: unit ratings: 'Birmingham North, East and Solihull' gold Good got Inadequate",
        f"{SEED}: overall rating: gold Good got Inadequate",
        f"{SEED}: counts: missed '12 staff'",
        f"{SEED}: contacts: gold None got ['media@hmiprobation.gov.uk']",
    )
    assert result.mean_f1 == pytest.approx(sum(f.f1 for f in result.fields) / len(result.fields))


def test_a_document_that_fails_counts_as_missed_and_the_rest_go_on(seed_dir: Path) -> None:
    (seed_dir / "empty.txt").write_bytes(b"")
    (seed_dir / "empty.gold.json").write_text(json.dumps({"published": "2024-01-02"}), encoding="utf-8")
    result = evaluate(seed_dir)
    assert (result.documents, result.failed) == (2, 1)
    assert result.misses[0].startswith("empty: FAILED: InputError")
    published = next(f for f in result.fields if f.name == "published")
    assert (published.gold, published.pred, published.recall) == (2, 1, 0.5)


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "is not a JSON file of gold facts"),
    ("[]", "gold facts must be a JSON object, not list"),
    ('{"units": {"name": "Hull"}}', "'units' must be list or null, not dict"),
    ('{"quotes": [{"speaker": "A"}]}', "quotes[0] must be an object with 'first_words'"),
    ('{"recommendations": {"split": [{"to": "HMPPS"}]}}', "needs a 'count'"),
    ('{"units": [{"name": "Hull", "score": "3/27"}]}', "units[0].score must be an object"),
])
def test_malformed_gold_facts_are_refused_with_the_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_gold(path)


# --- the command line -------------------------------------------------------------------------

def test_eval_prints_the_table_and_the_misses_with_v(seed_dir: Path) -> None:
    status, out = _run(["eval", str(seed_dir)])
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["field", "gold", "pred", "P", "R", "F1"]
    assert "unit ratings                 1     1  0.000  0.000  0.000" in lines
    assert lines[-1].startswith("mean F1 ") and lines[-1].endswith("; 1 documents, 0 failed")
    status, verbose = _run(["eval", "-v", str(seed_dir)])
    first_miss = f"  {SEED}: unit ratings: 'Birmingham North, East and Solihull' gold Good got Inadequate\n"
    assert verbose.startswith(first_miss)
    assert verbose.endswith(out)


def test_eval_writes_json(seed_dir: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "figures.json"
    status, _ = _run(["eval", str(seed_dir), "--json", str(out_path)])
    written = json.loads(out_path.read_text(encoding="utf-8"))
    status2, printed = _run(["eval", str(seed_dir), "--json", "-"])
    assert status == status2 == 0
    assert json.loads(printed) == written
    assert written["fields"]["counts"] == {"gold": 6, "pred": 5, "precision": 1.0, "recall": 5 / 6,
                                           "f1": pytest.approx(10 / 11)}
    assert (written["documents"], written["failed"], len(written["misses"])) == (1, 0, 4)


def test_eval_usage_errors_exit_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["eval", str(tmp_path / "nowhere")])[0] == 2
    assert "no such folder" in capsys.readouterr().err
    assert _run(["eval", str(tmp_path)])[0] == 2
    assert "no NAME.gold.json with a document" in capsys.readouterr().err


def test_the_batch_command_line_is_unchanged_by_the_subcommands(tmp_path: Path) -> None:
    # a file named like a subcommand is still read, as ./eval or after --
    doc = tmp_path / "eval"
    doc.write_text("Kirklees PDU has been rated ‘Inadequate’.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "inspection_extract.cli", "--format", "jsonl", "--", "eval"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["overall_rating"]["value"] == "Inadequate"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason=f"no shared scorer beside this project ({SHARED_SCORER})")
def test_eval_prints_what_the_shared_scorer_prints() -> None:
    # Both read the same records of the same corpus: the tables and the misses are identical.
    cmd = f"{sys.executable} -m inspection_extract.cli --format jsonl"
    theirs = subprocess.run([sys.executable, str(SHARED_SCORER), str(CORPUS), "-v", "--cmd", cmd],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    status, ours = _run(["eval", "-v", str(CORPUS)])
    assert status == 0
    assert ours == theirs


@pytest.mark.parametrize("module", ["inspection_extract.evaluate", "inspection_extract.render"])
def test_the_examples_in_the_docstrings_hold(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
