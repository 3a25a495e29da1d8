"""What each inspectorate rates, and how documents name it: one profile per inspectorate.

A profile is data (``NAME.json`` beside this module), read by the generic extractors:

- ``names``: patterns a document names the inspectorate by (``{majesty}`` stands for
  "His Majesty's", "HM" and their variants);
- ``scale``: the rating words it uses; the four-point scale is read in every document,
  the others ("Adequate", "Reasonably good", "Not sufficiently good", "Poor") only in the
  documents of an inspectorate whose scale has them, where they are not everyday adjectives;
- ``unit_types``: for each kind of body it inspects, the type words written ``after`` a name
  ("Kirklees Probation Delivery Unit (PDU)", "Chester Care Home"), ``before`` it ("HMP
  Bedford", "children's services in Bedford"), the head words ``within`` a name that only
  its inspectorate's documents treat as the type ("Cherry Tree House"), the ``anaphors``
  that refer back to it ("the home", "the trust"), and whether naming such a body in the
  inspectorate's own documents makes it an inspected unit (``always``) or only its rating
  does (a council is named as a partner far more often than it is rated);
- ``aspects``: the parts it rates (CQC's five key questions, Ofsted's judgements, the healthy
  prison tests, PEEL areas, probation standards), each with the ways documents write it;
  ``weak_aspects`` are forms that count only beside another aspect ("care" in "safety,
  effectiveness, care and well-led");
- ``rating_cues``: what stands before a rating in its documents only ("outcomes were poor"
  in a prisons report, "branded the force ‘inadequate’").

A phrase is written as the document writes it; a trailing acronym in brackets is optional
("Probation Delivery Unit (PDU)" also reads "Probation Delivery Unit"). Adding an
inspectorate is a new file with its fixtures, not new code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from inspection_extract.record import CORE_RATINGS, RATINGS, UNIT_TYPES


@dataclass(frozen=True)
class UnitType:
    type: str
    always: bool = False
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    within_own: tuple[str, ...] = ()
    anaphors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    inspectorate: str
    names: tuple[str, ...]
    keywords: tuple[str, ...]
    scale: tuple[str, ...]
    unit_types: tuple[UnitType, ...]
    #: canonical aspect -> the ways documents write it
    aspects: tuple[tuple[str, tuple[str, ...]], ...]
    weak_aspects: frozenset[str] = frozenset()
    #: patterns that stand right before a rating in its documents only ("outcomes were")
    rating_cues: tuple[str, ...] = ()

    @property
    def extra_scale(self) -> tuple[str, ...]:
        """Its rating words beyond the four-point scale."""
        return tuple(r for r in self.scale if r not in CORE_RATINGS)

    @property
    def always_types(self) -> frozenset[str]:
        return frozenset(u.type for u in self.unit_types if u.always)


class ProfileError(ValueError):
    """A profile file names a rating or unit type the record does not know."""


def _load(name: str, raw: dict) -> Profile:  # type: ignore[type-arg]
    for r in raw["scale"]:
        if r not in RATINGS:
            raise ProfileError(f"profile {name}: unknown rating {r!r}; known: {', '.join(RATINGS)}")
    types = []
    for t, spec in raw.get("unit_types", {}).items():
        if t not in UNIT_TYPES:
            raise ProfileError(f"profile {name}: unknown unit type {t!r}; known: {', '.join(UNIT_TYPES)}")
        types.append(
            UnitType(
                type=t,
                always=bool(spec.get("always", False)),
                after=tuple(spec.get("after", ())),
                before=tuple(spec.get("before", ())),
                within=tuple(spec.get("within", ())),
                within_own=tuple(spec.get("within_own", ())),
                anaphors=tuple(spec.get("anaphors", ())),
            )
        )
    return Profile(
        inspectorate=raw["inspectorate"],
        names=tuple(raw["names"]),
        keywords=tuple(raw.get("keywords", ())),
        scale=tuple(raw["scale"]),
        unit_types=tuple(types),
        aspects=tuple((k, tuple(v)) for k, v in raw.get("aspects", {}).items()),
        weak_aspects=frozenset(raw.get("weak_aspects", ())),
        rating_cues=tuple(raw.get("rating_cues", ())),
    )


# Probation first: where a document names no inspectorate, its forms are the default.
_ORDER = ("probation", "cqc", "ofsted", "hmicfrs", "prisons", "estyn", "ciw")


@cache
def profiles() -> tuple[Profile, ...]:
    """Every inspectorate's profile, HM Inspectorate of Probation first."""
    folder = files(__name__)
    out = []
    for name in _ORDER:
        out.append(_load(name, json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))))
    return tuple(out)


@cache
def profile(inspectorate: str | None) -> Profile:
    """The profile of an inspectorate by its normalised name (probation's for None)."""
    for p in profiles():
        if p.inspectorate == inspectorate:
            return p
    return profiles()[0]


def unit_types() -> tuple[UnitType, ...]:
    """Every profile's unit types, in profile order (a type may appear in several)."""
    return tuple(u for p in profiles() for u in p.unit_types)


__all__ = ["Profile", "ProfileError", "UnitType", "profile", "profiles", "unit_types"]
