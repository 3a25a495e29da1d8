"""Measure the records against gold facts: per-field precision, recall and F1.

A gold folder holds documents (``NAME.txt``, ``NAME.html`` or ``NAME.pdf``) with the facts a
careful reader takes from each beside it in ``NAME.gold.json`` (the format is in the README,
"Measuring on your own documents"). `evaluate` reads every document, compares its record
with its facts field by field and returns the figures and every miss.

The matching rules are deliberately lenient about wording and strict about values, so that
a figure measures what a reader cares about:

- a unit matches when the content words of one name are a subset of the other's, once the
  words that only say what kind of body it is ("PDU", "youth justice service", "the") are
  dropped: "Birmingham North, East and Solihull PDU" is "Birmingham North, East and Solihull";
- ratings compare after normalising case and the "requiring improvement" form;
- a quote matches when its text begins with the gold's first words; its speaker when they
  share a word of three letters or more (an unnamed speaker is judged by its role);
- a count or percentage matches on its value, and where the gold's words are found in the
  text, on its span overlapping them;
- dates compare as strings, a published month against the record's month.

Every list is matched greedily, one gold fact to at most one record value, in order.

>>> from inspection_extract.evaluate import score_record
>>> tallies, misses = score_record({"units": [{"name": "Kirklees PDU", "rating": "Inadequate"}]},
...                                {"units": [{"name": "Kirklees", "rating": "Good"}],
...                                 "overall_rating": {"value": "Good"}})
>>> tallies["unit names"].f1, tallies["unit ratings"].f1, tallies["overall rating"].f1
(1.0, 0.0, 0.0)
>>> misses
["unit ratings: 'Kirklees PDU' gold Inadequate got Good", 'overall rating: gold Inadequate got Good']
"""

from __future__ import annotations

import fnmatch
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspection_extract._api import extract_many
from inspection_extract.errors import InputError

__all__ = [
    "FIELDS", "DOCUMENT_SUFFIXES", "Tally", "FieldScore", "Evaluation",
    "find_documents", "load_gold", "score_record", "evaluate",
]

#: The scored fields, in the order they are reported.
FIELDS: tuple[str, ...] = (
    "unit names", "unit ratings", "overall rating", "unit types", "score", "previous rating", "region",
    "aspect ratings", "quotes", "speakers", "quote extent", "counts", "percentages",
    "recommendations total", "recommendation split", "recommendation items",
    "published", "embargo", "fieldwork", "contacts",
)
#: Document kinds looked for beside a gold file, in order of preference.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".pdf")

_RATINGS = {
    "outstanding": "Outstanding", "good": "Good", "requires improvement": "Requires improvement",
    "requiring improvement": "Requires improvement", "inadequate": "Inadequate",
    "adequate": "Adequate", "reasonably good": "Reasonably good",
    "not sufficiently good": "Not sufficiently good", "poor": "Poor",
}
# Words that say what kind of body a unit is, not which one: left out when names are compared.
_TYPE_WORDS = frozenset("""
    pdu pdus probation delivery unit units service services youth justice yjs yos yot yots
    offending team teams crc community rehabilitation company npsdivision nps national division
    region regional the and of in for trust nhs foundation council county city borough limited ltd
    hmp prison police force fire rescue college partnership prevention
""".split())
_QUOTE_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_STRIP_QUOTES = re.compile(r"[\"'\u00ab\u00bb]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[a-z]+")


# --- comparing values ---------------------------------------------------------------------

def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTE_MARKS)
    return _SPACES.sub(" ", _STRIP_QUOTES.sub("", s)).strip().lower()


def _core_tokens(name: str) -> set[str]:
    return {t for t in _WORD.findall(_norm(name).replace("&", " and ")) if t not in _TYPE_WORDS}


def _same_name(a: str, b: str) -> bool:
    ca, cb = _core_tokens(a), _core_tokens(b)
    if not ca or not cb:
        return _norm(a) == _norm(b)
    return ca <= cb or cb <= ca


def _rating(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, dict):
        x = x.get("value")
    return _RATINGS.get(_norm(str(x)).rstrip("."), x)


def _value(x: Any) -> Any:
    return x.get("value") if isinstance(x, dict) else x


def _match(gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching in order; the matched (gold, predicted) pairs."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _in(x: Any, pairs: list[tuple[Any, Any]], side: int) -> bool:
    return any(x is pair[side] for pair in pairs)


def _tally_matched(
    field: str,
    gold: Sequence[Any],
    pred: Sequence[Any],
    same: Callable[[Any, Any], bool],
    t: dict[str, Tally],
    miss: Callable[[str, str], None],
    missed: Callable[[Any], str],
    extra: Callable[[Any], str],
) -> list[tuple[Any, Any]]:
    """Match a list field, count it in ``t[field]`` and report each miss and each extra
    (described by ``missed`` and ``extra``); the matched pairs."""
    pairs = _match(gold, pred, same)
    t[field].add(len(pairs), len(gold), len(pairs), len(pred))
    for g in gold:
        if not _in(g, pairs, 0):
            miss(field, f"missed {missed(g)}")
    for p in pred:
        if not _in(p, pairs, 1):
            miss(field, f"extra {extra(p)}")
    return pairs


# --- tallies --------------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts for one field: gold facts and record values, and how many of each matched.

    The two matched counts differ only where one record value may answer several gold
    facts or the other way round (a unit's score is counted on both sides separately).
    """

    tp_gold: int = 0
    gold: int = 0
    tp_pred: int = 0
    pred: int = 0

    def add(self, tp_gold: int, gold: int, tp_pred: int, pred: int) -> None:
        self.tp_gold += tp_gold
        self.gold += gold
        self.tp_pred += tp_pred
        self.pred += pred

    @property
    def precision(self) -> float:
        """Matched record values over record values; 1.0 when there are none and nothing was due."""
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        """Matched gold facts over gold facts; 1.0 when there are none and nothing was found."""
        return self.tp_gold / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_record(
    gold: Mapping[str, Any], record: Mapping[str, Any], *, name: str = ""
) -> tuple[dict[str, Tally], list[str]]:
    """Compare one record (``Record.to_dict()``, or ``{}`` for a failed document) with its gold facts.

    Returns the tallies by field and the misses, one line each, prefixed with ``name: ``
    when a name is given.
    """
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    text = record.get("text") or ""

    def miss(fld: str, what: str) -> None:
        misses.append(f"{name}: {fld}: {what}" if name else f"{fld}: {what}")

    _score_units(gold, record, tallies, miss)
    _score_region(gold, record, tallies, miss)
    _score_aspects(gold, record, tallies, miss)
    _score_quotes(gold, record, tallies, miss)
    _score_numbers(gold, record, text, tallies, miss)
    _score_recommendations(gold, record, tallies, miss)
    _score_dates(gold, record, tallies, miss)
    return dict(tallies), misses


_Miss = Callable[[str, str], None]


def _score_units(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    gu = [u for u in gold.get("units") or [] if u.get("name")]
    pu = [u for u in rec.get("units") or [] if u.get("name")]
    name = lambda u: repr(u["name"])  # noqa: E731
    pairs = _tally_matched(
        "unit names", gu, pu, lambda g, p: _same_name(g["name"], p["name"]), t, miss, name, name
    )

    gr = [u for u in gu if u.get("rating")]
    pr = [u for u in pu if u.get("rating")]
    rated = _match(gr, pr, lambda g, p: _same_name(g["name"], p["name"])
                   and _rating(g["rating"]) == _rating(p["rating"]))
    t["unit ratings"].add(len(rated), len(gr), len(rated), len(pr))
    for g in gr:
        if not _in(g, rated, 0):
            got = [_rating(p.get("rating")) for a, p in pairs if a is g]
            miss("unit ratings", f"{g['name']!r} gold {g['rating']} got {got[0] if got else 'no unit'}")

    typed = [(g, p) for g, p in pairs if (g.get("type") or "").lower() == (p.get("type") or "").lower()]
    t["unit types"].add(len(typed), len(gu), len(typed), len(pu))
    for g, p in pairs:
        if not _in(g, typed, 0):
            miss("unit types", f"{g['name']!r} gold {g.get('type')} got {p.get('type')}")

    for key, label in (("score", "score"), ("previous_rating", "previous rating")):
        hits = 0
        for g in gu:
            if not g.get(key):
                continue
            found = next((p.get(key) for a, p in pairs if a is g), None)
            if found and _same_unit_value(key, g[key], found):
                hits += 1
            else:
                miss(label, f"{g['name']!r} gold {g[key]} got {found}")
        t[label].add(hits, sum(1 for g in gu if g.get(key)), hits, sum(1 for p in pu if p.get(key)))

    # The document's overall rating is scored only where the gold rates one unit or none:
    # a round-up of several rated bodies has no single overall rating to compare.
    if len(gr) <= 1:
        gv = _rating(gr[0]["rating"]) if gr else None
        pv = _rating(rec.get("overall_rating"))
        hit = int(gv is not None and gv == pv)
        t["overall rating"].add(hit, int(gv is not None), int(pv is not None and gv == pv), int(pv is not None))
        if gv != pv:
            miss("overall rating", f"gold {gv} got {pv}")


def _same_unit_value(key: str, g: Any, p: Any) -> bool:
    if key == "score":
        return bool((g.get("points"), g.get("out_of")) == (p.get("points"), p.get("out_of")))
    return bool(_rating(g) == _rating(p))


def _score_region(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    g, p = gold.get("region"), _value(rec.get("region"))
    hit = bool(g and p and _same_name(g, p))
    t["region"].add(int(hit), int(bool(g)), int(hit), int(bool(p)))
    if bool(g) != bool(p) or (g and not hit):
        miss("region", f"gold {g!r} got {p!r}")


def _same_aspect(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    # the same rating, then the same id where both have one, else a shared content word
    if _rating(g.get("rating")) != _rating(p.get("rating")):
        return False
    if g.get("id") and p.get("id"):
        return str(g["id"]) == str(p["id"])
    ga, pa = _core_tokens(g.get("aspect", "")), _core_tokens(p.get("aspect", ""))
    if not ga or not pa:
        gn, pn = _norm(g.get("aspect", "")), _norm(p.get("aspect", ""))
        return gn in pn or pn in gn
    return bool(ga & pa)


def _score_aspects(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    ga = gold.get("aspect_ratings") or []
    pa = rec.get("aspect_ratings") or []
    aspect = lambda a: f"{a.get('id') or ''} {a.get('aspect')!r}={a.get('rating')}"  # noqa: E731
    _tally_matched("aspect ratings", ga, pa, _same_aspect, t, miss, aspect, aspect)


def _same_quote(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    # the record's quote begins with the gold's first words (the last two letters may differ)
    fw, pt = _norm(g.get("first_words", "")), _norm(p.get("text", ""))
    return bool(fw) and pt.startswith(fw[: max(12, len(fw) - 2)])


def _speaker_words(q: Mapping[str, Any]) -> set[str]:
    # an unnamed speaker ("a Probation Service spokesperson") is judged by its description
    return {w for w in _LETTERS.findall(_norm(q.get("speaker") or q.get("role") or "")) if len(w) > 2}


def _score_quotes(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    gq = gold.get("quotes") or []
    pq = rec.get("quotes") or []
    pairs = _tally_matched(
        "quotes", gq, pq, _same_quote, t, miss,
        lambda g: repr(g.get("first_words")), lambda p: repr(p.get("text", "")[:50]),
    )
    spoken = 0
    for g, p in pairs:
        gs, ps = _speaker_words(g), _speaker_words(p)
        if gs & ps or (not gs and not ps):
            spoken += 1
        else:
            miss("speakers", f"{g.get('first_words')!r} gold {g.get('speaker')!r} got {p.get('speaker')!r}")
    t["speakers"].add(spoken, len(gq), spoken, sum(1 for p in pq if p.get("speaker") or p.get("role")))
    counted = [(g, p) for g, p in pairs if g.get("paragraphs")]
    right = sum(1 for g, p in counted if g["paragraphs"] == p.get("paragraphs"))
    t["quote extent"].add(right, sum(1 for g in gq if g.get("paragraphs")), right, len(pq))
    for g, p in counted:
        if g["paragraphs"] != p.get("paragraphs"):
            miss("quote extent",
                 f"{g.get('first_words')!r} gold {g['paragraphs']} paragraphs got {p.get('paragraphs')}")


def _score_numbers(
    gold: Mapping[str, Any], rec: Mapping[str, Any], text: str, t: dict[str, Tally], miss: _Miss
) -> None:
    def same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        try:
            if abs(float(g["value"]) - float(p["value"])) > 1e-6:
                return False
        except (TypeError, ValueError, KeyError):
            return False
        words, span = g.get("text") or "", p.get("span")
        starts = [m.start() for m in re.finditer(re.escape(words), text)] if text and words else []
        if not starts or not span:
            return True
        # a report repeats its figures: the record's span may overlap any place the words stand
        return any(span[0] < at + len(words) and at < span[1] for at in starts)

    quoted = lambda x: repr(x.get("text"))  # noqa: E731
    for fld in ("counts", "percentages"):
        _tally_matched(fld, gold.get(fld) or [], rec.get(fld) or [], same, t, miss, quoted, quoted)


def _score_recommendations(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    grc, prc = gold.get("recommendations") or {}, rec.get("recommendations") or {}
    g, p = grc.get("total"), prc.get("total")
    t["recommendations total"].add(int(g is not None and g == p), int(g is not None),
                                   int(p is not None and g == p), int(p is not None))
    if g != p:
        miss("recommendations total", f"gold {g} got {p}")
    gs = sorted(s["count"] for s in grc.get("split") or [])
    ps = sorted(s.get("count") for s in prc.get("split") or [])
    pairs = _match(gs, ps, lambda a, b: a == b)
    t["recommendation split"].add(len(pairs), len(gs), len(pairs), len(ps))
    if gs != ps:
        miss("recommendation split", f"gold {gs} got {ps}")
    gi = grc.get("items") or []
    pi = prc.get("items") or []
    items = _match(gi, pi, lambda g, p: _norm(p.get("text", "")).startswith(_norm(g.get("first_words", ""))[:20]))
    t["recommendation items"].add(len(items), len(gi), len(items), len(pi))
    if len(items) < len(gi):
        miss("recommendation items", f"found {len(items)} of {len(gi)}")


def _score_dates(gold: Mapping[str, Any], rec: Mapping[str, Any], t: dict[str, Tally], miss: _Miss) -> None:
    dates = rec.get("dates") or {}
    # embargo times compare to the minute (the gold has no UTC offset); fieldwork as START/END
    for key, width in (("published", 10), ("embargo", 16), ("fieldwork", None)):
        g = gold.get(key)
        pv = dates.get(key)
        if key == "fieldwork" and isinstance(pv, dict):
            pv = pv.get("start") if pv.get("start") == pv.get("end") else f"{pv.get('start')}/{pv.get('end')}"
        else:
            pv = _value(pv)
        if key == "published" and g and len(g) == 7 and pv:
            pv = str(pv)[:7]
        if pv is not None and width:
            pv = str(pv)[:width]
        hit = g is not None and pv is not None and str(g) == str(pv)
        t[key].add(int(hit), int(g is not None), int(hit), int(pv is not None))
        if (g is not None or pv is not None) and not hit:
            miss(key, f"gold {g} got {pv}")
    ge = (gold.get("contact_email") or "").lower() or None
    pe = {c.get("email", "").lower() for c in rec.get("contacts") or []}
    t["contacts"].add(int(bool(ge) and ge in pe), int(bool(ge)), int(bool(ge) and ge in pe), len(pe))
    if (ge and ge not in pe) or (pe - {ge}):
        miss("contacts", f"gold {ge} got {sorted(pe)}")


# --- gold files -----------------------------------------------------------------------------

def find_documents(
    gold_dir: Path | str, *, only: str | None = None, suffixes: Iterable[str] = DOCUMENT_SUFFIXES
) -> list[tuple[str, Path, Path]]:
    """``(name, document, gold file)`` for each ``NAME.gold.json`` with a document beside it, by name.

    ``only`` is a glob on NAME; ``suffixes`` the document kinds looked for, in order of preference.
    Raises `InputError` when the folder does not exist.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"no such folder: {folder}")
    kinds = tuple("." + s.strip().lstrip(".") for s in suffixes)
    found = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        if only and not fnmatch.fnmatch(stem, only):
            continue
        doc = next((folder / (stem + k) for k in kinds if (folder / (stem + k)).exists()), None)
        if doc is not None:
            found.append((stem, doc, gold))
    return found


# key -> the JSON types a gold file may give it (None stands for null)
_GOLD_TYPES: dict[str, tuple[type, ...]] = {
    "units": (list,), "aspect_ratings": (list,), "quotes": (list,), "counts": (list,), "percentages": (list,),
    "recommendations": (dict,), "region": (str,), "published": (str,), "embargo": (str,),
    "fieldwork": (str,), "contact_email": (str,),
}
_GOLD_ITEMS = {"units": "name", "aspect_ratings": "rating", "quotes": "first_words", "counts": "value",
               "percentages": "value"}


def load_gold(path: Path | str) -> dict[str, Any]:
    """The gold facts in ``path``; raises `InputError` naming the file and key when they are malformed."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not a JSON file of gold facts: {exc}") from None
    if not isinstance(gold, dict):
        raise InputError(f"{path}: gold facts must be a JSON object, not {type(gold).__name__}")
    for key, types in _GOLD_TYPES.items():
        value = gold.get(key)
        if value is not None and not isinstance(value, types):
            raise InputError(f"{path}: {key!r} must be {' or '.join(t.__name__ for t in types)} or null, "
                             f"not {type(value).__name__}")
    for key, needed in _GOLD_ITEMS.items():
        for i, item in enumerate(gold.get(key) or []):
            if not isinstance(item, dict) or needed not in item:
                raise InputError(f"{path}: {key}[{i}] must be an object with {needed!r} (see the README's gold format)")
    for i, unit in enumerate(gold.get("units") or []):
        if unit.get("score") is not None and not isinstance(unit["score"], dict):
            raise InputError(f"{path}: units[{i}].score must be an object {{\"points\", \"out_of\"}} or null")
    rec = gold.get("recommendations") or {}
    for key in ("split", "items"):
        items = rec.get(key) or []
        if not isinstance(items, list) or not all(isinstance(s, dict) for s in items):
            raise InputError(f"{path}: recommendations.{key} must be a list of objects")
    if not all("count" in s for s in rec.get("split") or []):
        raise InputError(f"{path}: every recommendations.split entry needs a 'count'")
    return gold


# --- the whole folder -----------------------------------------------------------------------

@dataclass(frozen=True)
class FieldScore:
    """One field's figures over a folder."""

    name: str
    gold: int
    pred: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Evaluation:
    """Per-field figures over a folder of documents, and every miss (``"NAME: field: what"``)."""

    fields: tuple[FieldScore, ...]
    documents: int
    failed: int
    misses: tuple[str, ...] = field(default=())

    @property
    def mean_f1(self) -> float:
        """Mean F1 over the fields that had a gold fact or a record value."""
        return sum(f.f1 for f in self.fields) / max(1, len(self.fields))

    def to_dict(self) -> dict[str, Any]:
        """``{"fields": {name: {gold, pred, precision, recall, f1}}, "mean_f1", "documents", "failed", "misses"}``."""
        return {
            "fields": {f.name: {"gold": f.gold, "pred": f.pred, "precision": f.precision, "recall": f.recall,
                                "f1": f.f1} for f in self.fields},
            "mean_f1": self.mean_f1, "documents": self.documents, "failed": self.failed,
            "misses": list(self.misses),
        }

    def table(self) -> str:
        """The figures as a fixed-width table, one line per field, and the mean F1 last."""
        lines = [f"{'field':24} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        lines += [f"{f.name:24} {f.gold:5d} {f.pred:5d} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f}"
                  for f in self.fields]
        lines.append(f"mean F1 {self.mean_f1:.3f} over {len(self.fields)} fields; "
                     f"{self.documents} documents, {self.failed} failed")
        return "\n".join(lines) + "\n"


def evaluate(
    gold_dir: Path | str, *, only: str | None = None, suffixes: Iterable[str] = DOCUMENT_SUFFIXES,
    max_pages: int | None = None,
) -> Evaluation:
    """Read every document in ``gold_dir`` that has gold facts and score its record against them.

    A document that cannot be read counts as failed (its facts all missed) and the rest go
    on. Raises `InputError` when the folder holds no gold facts with a document beside
    them, or when a gold file is malformed.
    """
    docs = find_documents(gold_dir, only=only, suffixes=suffixes)
    if not docs:
        raise InputError(f"no NAME.gold.json with a document (NAME.txt, .html or .pdf) beside it in {gold_dir}")
    golds = [load_gold(g) for _, _, g in docs]
    kwargs: dict[str, Any] = {} if max_pages is None else {"max_pages": max_pages}
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    failed = 0
    for (stem, _, _), gold, result in zip(docs, golds, extract_many([d for _, d, _ in docs], **kwargs), strict=True):
        record: dict[str, Any] = {}
        if result.record is None:
            failed += 1
            misses.append(f"{stem}: FAILED: {type(result.error).__name__}: {result.error}")
        else:
            record = result.record.to_dict()
        found, missed = score_record(gold, record, name=stem)
        for key, t in found.items():
            tallies[key].add(t.tp_gold, t.gold, t.tp_pred, t.pred)
        misses += missed
    scores = tuple(
        FieldScore(name, t.gold, t.pred, t.precision, t.recall, t.f1)
        for name in FIELDS if (t := tallies[name]).gold or t.pred
    )
    return Evaluation(scores, len(docs), failed, tuple(misses))
