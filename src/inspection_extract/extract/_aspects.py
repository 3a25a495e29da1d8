"""Ratings of the parts an inspectorate rates, read with its profile's aspect vocabulary.

CQC rates five key questions, Ofsted its judgements, HM Inspectorate of Prisons its
healthy prison tests, HMICFRS its PEEL areas; news and releases name them in running
text, often several to one rating:

- after the rating: "the ‘good’ rating in all five categories, which includes safety,
  effectiveness, care, being responsive and well-led"; "‘outstanding’ for leadership,
  management and governance"; "graded adequate at investigating crime";
- before it: "the service's safety management and responsiveness “requires improvement”";
  "The ratings for being effective, caring and responsive dropped from good to requires
  improvement" (the rating after "to" is the one they now have);
- after an ellipsis: "... reduced from good to inadequate, as were the ratings for being
  safe and well led".

A vocabulary form counts only where it names an aspect in a rating sentence; a ``weak``
form ("care") only beside another aspect. The same vocabulary tells the free-text aspects
the unit extractor reads from clause subjects ("court work was rated ...") from subjects
that are bodies, people or pronouns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from inspection_extract._spans import Spans
from inspection_extract.extract._ratings import Cues, RatingPhrase
from inspection_extract.profiles import Profile, profile
from inspection_extract.record import AspectRating, Span


@dataclass(frozen=True)
class _Vocab:
    #: the forms (lower case) as one alternation, for lower-cased text
    pattern: re.Pattern[str] | None
    #: the first word of every form: a sentence holding none of them names no aspect
    first_words: tuple[str, ...]
    #: each form (lower case) with its aspect: forms of one aspect side by side name it once
    forms: dict[str, str]
    weak: frozenset[str]

    def mentions(self, text: str, start: int, end: int) -> list[_Mention]:
        """The forms named in ``text[start:end]``, whole words, longest first, in order.

        The sentence is lower-cased and tested for the forms' first words (a substring test
        each, in C) before the alternation runs; the standard library's ``re`` runs a plain
        alternation of literals several times faster than ``regex`` with IGNORECASE."""
        if self.pattern is None:
            return []
        low = text[start:end].lower()
        if len(low) != end - start or not any(w in low for w in self.first_words):
            return []
        return [
            _Mention(start + m.start(), start + m.end(), text[start + m.start() : start + m.end()])
            for m in self.pattern.finditer(low)
        ]


@dataclass(frozen=True)
class _Mention:
    """A form named in the text: the parts of a match `listed_aspects` reads."""

    at: int
    stop: int
    text: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.text

    def span(self) -> Span:
        return (self.at, self.stop)




@cache
def _vocab(inspectorate: str | None) -> _Vocab:
    """The aspect forms of the document's inspectorate (and probation's, whose standards
    every youth justice release uses), compiled once per inspectorate."""
    profs: list[Profile] = [profile(inspectorate)]
    if profs[0] is not profile(None):
        profs.append(profile(None))
    forms: dict[str, str] = {}
    weak: set[str] = set()
    for p in profs:
        for aspect, written in p.aspects:
            for f in written:
                forms.setdefault(f.lower(), aspect)
        weak |= {w.lower() for w in p.weak_aspects}
    if not forms:
        return _Vocab(None, (), {}, frozenset())
    alternation = "|".join(
        r"[ ]".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    first_words = tuple(sorted({f.split(" ")[0] for f in forms}))
    return _Vocab(pattern, first_words, forms, frozenset(weak))


# CQC's phrasing of its key questions: "‘Inadequate’ with regard to whether services were safe",
# "Inadequate for providing services that were safe", "Requires Improvement for providing
# effective services".
_WHETHER = (
    r"(?:(?:for|with[ ]regard[ ]to|in[ ]terms[ ]of|on)[ ]whether[ ](?:the[ ])?(?:services?|it|they)"
    r"|for[ ]providing[ ]services[ ]that"
    # "for the remaining four ratings - whether services are"
    r"|for[ ][^.;:]{0,40}?[ ][–—-][ ]whether[ ](?:the[ ])?(?:services?|it|they))"
    r"[ ](?:were|was|is|are)\b"
)


@cache
def rating_cues(inspectorate: str | None) -> Cues:
    """The rating constructions of the document's inspectorate: its profile's cues before a
    rating, and a rating given "for" or "at" one of its aspects ("Requires Improvement for
    efficiency", "‘good’ at investigating crime")."""
    prof = profile(inspectorate)
    before = (
        regex.compile(rf"(?:{'|'.join(prof.rating_cues)})[‘'\"“]?$", regex.IGNORECASE | regex.REVERSE)
        if prof.rating_cues
        else None
    )
    strong = [f.lower() for _, forms in prof.aspects for f in forms if f.lower() not in prof.weak_aspects]
    after = None
    if strong:
        alternation = "|".join(
            r"[ ]".join(regex.escape(w) for w in f.split()) for f in sorted(set(strong), key=len, reverse=True)
        )
        after = regex.compile(
            rf"^[’'”\"]?[ ](?:{_WHETHER}[ ]|for[ ](?:providing[ ])?|at[ ])(?:its[ ]|their[ ]|the[ ]|being[ ])?"
            rf"[‘'\"“]?(?:{alternation})(?![\w-])",
            regex.IGNORECASE,
        )
    return Cues(before, after, prof.extra_scale, prof.scale[0], prof.scale[-1])


# Between a rating and the aspects it is given for: "for", "in", "at", "across", "in all
# five categories, which includes", "as were the ratings for being", "Good ratings were
# received for"; no other verb.
_LINK_AFTER = regex.compile(
    rf"""^[’'”"]?(?:[ ](?:rating|grade|judgement)s?)?(?:[ ]overall)?(?:,?[ ]as[ ]well[ ]as)?  # "overall as well as in"
        (?:[ ](?:(?:were|was|(?:have|has)[ ]been)[ ])?(?:received|given|awarded|achieved))?,?[ ]  # "(were) given for"
        (?:{_WHETHER}                                  # "with regard to whether services were"
          |(?:for|in|at|across|including)\b
          |as[ ](?:were|was|did)\b)""",
    regex.VERBOSE | regex.IGNORECASE,
)
_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|found|told|but|while|whereas)\b|,[ ]and\b|;", regex.IGNORECASE
)
# Between aspects listed before their rating and the rating: the rest of the list and a
# verb group ("dropped from good to", "were rated", "“requires improvement”").
_BREAK_BEFORE = regex.compile(
    r"[;:]|,[ ]and\b|\b(?:but|while|whereas|although|despite|stood|said|says|found)\b", regex.IGNORECASE
)
_MAX_REACH = 160
# An aspect's own verb group right after it: ") was rated", " were both judged to be".
_PREDICATE = regex.compile(
    r"""\)?[ ]+(?:(?:has|have|had)[ ]been|was|were|is|are|remains?)[ ]
        (?:\w+ly[ ]|also[ ]|both[ ]|all[ ]|now[ ]|still[ ])*
        (?:rated|judged|graded|assessed|found[ ]to[ ]be)[ ](?:as[ ])?[‘'"“]?""",
    regex.VERBOSE | regex.IGNORECASE,
)


def listed_aspects(
    text: str,
    sentence: Span,
    phrases: list[RatingPhrase],
    inspectorate: str | None,
    bodies: list[Span],
    references: list[Span] = (),  # type: ignore[assignment]
) -> list[tuple[AspectRating, RatingPhrase]]:
    """The aspects a sentence names from the vocabulary, each with the rating phrase that
    gives it its rating (that phrase rates the aspect, not the unit)."""
    vocab = _vocab(inspectorate)
    if not vocab.forms or not phrases:
        return []
    s0, s1 = sentence
    bodies = [b for b in bodies if s0 <= b[0] < s1]
    taken = Spans([ph.span for ph in phrases] + bodies + list(references))
    mentions = [m for m in vocab.mentions(text, s0, s1) if not taken.meets(m.start(), m.end())]
    if not any(m.group().lower() not in vocab.weak for m in mentions) and not _listed(text, mentions):
        # "staff" or "leadership" alone is read by the unit extractor's clause rules; a list
        # of them ("leadership, staff, planning and ...") names aspects
        return []
    out: list[tuple[AspectRating, RatingPhrase]] = []
    for start, end in _noun_phrases(text, mentions, vocab.forms):
        ph = _rating_for(text, start, end, phrases)
        if ph is not None and not any(end <= b[0] < ph.span[0] or ph.span[1] <= b[0] < start for b in bodies):
            span = (min(start, ph.span[0]), max(end, ph.span[1]))
            name = _BEING.sub("", text[start:end])
            out.append((AspectRating(aspect=name, rating=ph.value, span=span), ph))
    return out


_BEING = regex.compile(r"^(?i:being)[ ]")
_LIST_GAP = regex.compile(r",[ ](?:and[ ])?|[ ]and[ ]")


def _listed(text: str, mentions: list[_Mention]) -> bool:
    """True when three or more mentions stand in one list ("leadership, staff, planning")."""
    run = 1
    for a, b in zip(mentions, mentions[1:], strict=False):
        run = run + 1 if _LIST_GAP.fullmatch(text, a.end(), b.start()) else 1
        if run >= 3:
            return True
    return False


def _noun_phrases(text: str, mentions: list[_Mention], aspect_of: dict[str, str]) -> list[Span]:
    """Mentions of one aspect side by side make one ("Through the Gate resettlement
    services"); of two, two, a comma left out between them ("safe, effective responsive
    and well-led")."""
    out: list[Span] = []
    last = ""
    for m in mentions:
        aspect = aspect_of.get(m.group().lower(), "")
        if out and aspect == last and text[out[-1][1] : m.start()].isspace():
            out[-1] = (out[-1][0], m.end())
        else:
            out.append(m.span())
        last = aspect
    return out


def _rating_for(text: str, start: int, end: int, phrases: list[RatingPhrase]) -> RatingPhrase | None:
    """The rating an aspect mention is given: the one before it that it is given "for" (a
    list may follow the link), else the first after it in the same stretch of the sentence."""
    after = [ph for ph in phrases if ph.span[0] >= end and ph.kind != "tally"]
    if after and _PREDICATE.fullmatch(text, end, after[0].span[0]):
        return after[0]  # "the fifth (caring) was rated outstanding": its own verb group
    before = [ph for ph in phrases if ph.span[1] <= start]
    if before:
        ph = before[-1]
        gap = text[ph.span[1] : start]
        link = _LINK_AFTER.match(gap)
        if link and len(gap) <= _MAX_REACH and ph.kind != "previous" and not _VERB.search(gap, link.end()):
            return ph
    after = [ph for ph in phrases if ph.span[0] >= end and ph.kind != "tally"]
    if not after:
        return None
    gap = text[end : after[0].span[0]]
    if len(gap) > _MAX_REACH or _BREAK_BEFORE.search(gap):
        return None
    # "from good to requires improvement": the rating after "to" is the current one
    for ph in after:
        if ph.kind != "previous":
            between = text[end : ph.span[0]]
            return ph if len(between) <= _MAX_REACH and not _BREAK_BEFORE.search(between) else None
    return None


# (or a preposition: "Of the two, HRI was judged ...", the part left of a body's acronym)
_PRONOUN_START = regex.compile(
    r"(?i)^(?:i|we|our|my|they|he|she|it|you|this|that|of|in|at|from|among|amongst|by|on|\d)\b|^\d"
)
# Words that make a clause subject a body, not a part of one.
_BODY_WORDS = regex.compile(
    r"(?i)\b(?:service|home|trust|council|authority|team|unit|college|school|academy|nursery|prison"
    r"|jail|force|constabulary|centre|practice|surgery|hospital|organisation|provider|company|division"
    r"|region|board|partnership|inspectors?|inspectorate|inspection|report|rating|PDU|YJS|YOS|YOT|CRC|NPS)\b"
)
# A place after a preposition: "probation services in Leicester" names a body.
# a number or a person in it: "Across the 108 services we", "the children they"
_NOT_A_PART = regex.compile(r"\d|\b(?:we|they|he|she|I|you)\b")
_PLACE = regex.compile(r"\b(?:in|for|at|across)[ ]\p{Lu}\p{Ll}+")


def plausible_aspect(name: str, inspectorate: str | None) -> bool:
    """True when a clause subject read as an aspect names a part of a service: a form of the
    inspectorate's vocabulary, or a short common noun phrase that names no body, person or
    place ("court work", "work to support victims"), not "A care home" or "I am delighted"."""
    low = name.lower()
    vocab = _vocab(inspectorate)
    if low in vocab.forms:
        return True
    if _PRONOUN_START.match(name) or _BODY_WORDS.search(name) or _PLACE.search(name) or _NOT_A_PART.search(name):
        return False
    # Proper nouns only ("Rutland", left of "Leicester, Leicestershire and Rutland were
    # described as ..."): a place or a body, not a part of a service's work.
    return not all(w[:1].isupper() for w in name.split())
