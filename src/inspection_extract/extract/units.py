"""Inspected units with their type, rating, previous rating and score; the region;
ratings of aspects and standards."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from inspection_extract._document import Document
from inspection_extract._spans import Spans
from inspection_extract._vocab import RATING_PATTERN, find_all, matches_at, may_hold, normalise_rating
from inspection_extract.extract._aspects import listed_aspects, plausible_aspect, rating_cues
from inspection_extract.extract._ratings import (
    RatingPhrase,
    rating_phrases,
    rating_words,
    superlative_words,
    table_ratings,
)
from inspection_extract.extract._refs import (
    COORDINATION,
    PROBATION_UNITS,
    Candidate,
    Ref,
    build_refs,
    coordinated_run,
    first_pos,
    unit_keys,
)
from inspection_extract.extract._roundups import RoundupItem, listed_bodies, roundups
from inspection_extract.extract._scores import give_scores
from inspection_extract.extract._unit_names import UnitMention, find_mentions, find_region, key
from inspection_extract.profiles import Profile, profile, profiles, unit_types
from inspection_extract.record import AspectRating, Field, Score, Span, Unit


@dataclass(frozen=True)
class UnitFindings:
    units: tuple[Unit, ...] = ()
    #: The main unit's rating with the span of the phrase that gives it.
    overall_rating: Field | None = None
    region: Field | None = None
    aspect_ratings: tuple[AspectRating, ...] = ()
    #: Things a careful reader should check, e.g. two different ratings for one unit.
    warnings: tuple[str, ...] = ()

# Page furniture that names other stories: news "READ MORE:" links, a "Related content" list.
_FURNITURE_LINE = regex.compile(r"^(?:READ MORE\b|Advertisement$).*$", regex.MULTILINE)
_FURNITURE_TAIL = regex.compile(r"^(?:Related content|Related links|Back to top)\s*$", regex.MULTILINE)

# A sentence of running text ends in a stop (or a colon), perhaps inside closing marks.
_FULL_SENTENCE = regex.compile(r"[.!?:][’”'\")]*\s*$")
_TO_BETWEEN = regex.compile(r"[’'”\"]?\s*to\s*[‘'\"“]?")
_LETTERS = regex.compile(r"[a-z]+")
_CLAUSE_CUT = regex.compile(r";\s|,\s+and\s+(?!which)|:\s|,\s+(?=(?:while|whereas)\s)")
_AND_SPLIT = regex.compile(r"\s+and\s+")
_FIRST_VERB = regex.compile(r"\s(?:was|were|is|are|has|have|had)\b")
_TWO_LETTERS = regex.compile(r"[A-Za-z]{2}")
_BARE_CONJUNCTION = regex.compile(r"(?i)(?:and|but|which|who|it|that)")
_SERVICE_SUBJECT = regex.compile(r"(?i)\b(?:probation|youth justice) service\b|^(?:the|this) service\b")
_WERE = regex.compile(r"\bwere\b")
_LEAD_CONJUNCTION = regex.compile(r"(?i)^(?:and|but|while|whereas|there\s+was\s+praise\s+for)\s+")
# "the way the service handles out-of-court disposals" -> "out-of-court disposals".
_WAY_OF = regex.compile(
    r"(?i)^(?:the\s+)?(?:way|manner)\s+(?:in\s+which\s+)?(?:the\s+\w+|it|they)\s+\w+(?:\s+with)?\s+"
)
_NOT_ASPECT_START = regex.compile(r"(?i)^(?:by|from|with|according|where|if|when|unless|once)\b")
_LEAD_DETERMINER = regex.compile(r"(?i)^(?:the|its|their|this|our)\s+")
_LEAD_OWNER = regex.compile(r"^(?:(?:the\s+)?[\w-]+\s+)?[\w-]+['’]s\s+")
_TRAILING_ADVERBS = ("however", "also", "both")
_TRAILING_ADVERB = regex.compile(rf"(?i)\s+(?:{'|'.join(_TRAILING_ADVERBS)})$")
_LOWER = regex.compile(r"[a-z]")

# "The trust’s overall rating has fallen from ... to ...": the owner of "overall rating"
# is the unit rated (a CQC news release).
_OWN_RATING = regex.compile(
    r"\s*(?:(?:previous|earlier|former|prior|latest)\s+)?(?:overall\s+(?:rating|grade|judgement)"
    r"|(?<=previous\s+|earlier\s+|former\s+|prior\s+)(?:rating|grade|judgement))\b"
)
_CHANGE_VERB_BEFORE = regex.compile(
    r"\b(?:raised|lowered|upgraded|downgraded|improved|lifted|reduced|cut|changed|moved)[ ]$", regex.IGNORECASE
)

# The words between the start of a clause and the unit that is its subject: nothing, a
# determiner, or one introductory phrase ("Following an inspection by ..., ").
# A conjunction may follow the introductory phrase (", while the NPS division has been
# rated"), and a subordinate clause may hold the subject ("a fall of two grades since the
# service was rated"). "Probation services in Stourvale require improvement" names its unit
# after the service words.
_SUBJECT_PREFIX = regex.compile(
    r"""^\s*(?:date[ ]\d{4}-\d\d-\d\d[ ]+)?                 # a scraped page's date line
        (?:(?:[Bb]ack[ ])?[Ii]n[ ](?:\w+[ ])?(?:19|20)\d\d,?[ ]+)?    # "Back in March 2012 the council ..."
        [“"‘']?(?:(?:and|but|while|whereas|as)\s+)?    # a chief inspector's quote may open it
        (?:[^,;]*,\s*){0,2}
        # "concluded that the Ashgrove PDU requires improvement": the subject of a that-clause
        (?:(?:and|but|while|whereas|as|with)\s+|[^,;]*?\b(?:since|when|after|before|until|that)\s+)?
        # "Staff at Thatcham Day Nursery are celebrating an outstanding Ofsted report", "with
        # inspections of Newham PDU and Barking PDU both rated as"
        (?:[^,;]{0,40}?\b(?i:staff|pupils|children|students|residents|patients|families|parents|teachers|leaders
                          |inspections?|reports?)
           [ ](?:at|of|on|into)[ ])?
        (?:the\s+|The\s+|THE\s+|neighbouring\s+|joint\s+
          |(?i:probation|youth[ ]justice)[ ]services?[ ](?:in|for|across)[ ])*$""",
    regex.VERBOSE,
)
# An active rating verb before its object: "has rated Beech Lodge ... as", "gave the PDU".
_ACTIVE_VERB = regex.compile(
    r"\b(?:rated|rates|judged|graded|given|gave|give|downgraded|downgrades|upgraded|upgrades)\b"
    r"(?![ ]+(?:as|by|to)\b)"
    # "has found it to be ‘outstanding’": the object right after a verb of finding.
    r"|\b(?:found|deemed|considered)[ ]$"
)
# The passive verb group that ends an aspect's clause: "court work was separately rated as".
_PASSIVE_TAIL = regex.compile(
    r"""(?:,\s*(?:however|also)\s*,)?\s*
        (?:(?:has|have|had)\s+been|was|were|is|are)\s+
        (?:(?:also|both|itself|separately|\w+ly|well\s+\w+\s+and)\s+)*
        (?:rated|judged|assessed|graded|found\s+to\s+be|singled\s+out|deemed|branded|described|labelled)\s*
        (?:as\s+|to\s+be\s+|to\s+)?[‘'"“]?\s*$""",                  # "judged to require improvement"
    regex.VERBOSE | regex.IGNORECASE,
)
# The same, searched backwards from the end it is anchored to (one attempt, not one per
# offset): the start of the match is the same.
_PASSIVE_TAIL_END = regex.compile(_PASSIVE_TAIL.pattern, _PASSIVE_TAIL.flags | regex.REVERSE)
# A rating verb with its subject and auxiliary left out after "and": "The quality of its
# resettlement work was also inspected, and separately rated as ‘Outstanding’".
_ELLIPTIC_PASSIVE = regex.compile(
    r"(?:\w+ly[ ]|also[ ])*(?:rated|judged|graded|assessed)[ ](?:as[ ]|to[ ]be[ ])?[‘'\"“]?", regex.IGNORECASE
)
_DISCOURSE = regex.compile(
    r"^(?:However|As a result|In addition|Overall|Also|But|And|Yet)$", regex.IGNORECASE
)
_WHICH = regex.compile(r"(?:,|[ ][–—])\s*(?:and\s+)?which\b")
_BARE_WHICH = regex.compile(r"[ ]which\b")
# The overall judgement as the last item of a list of aspects: "..., and overall effectiveness".
_OVERALL_ITEM = regex.compile(r",?[ ](?:and|as[ ]well[ ]as)[ ](?:the[ ])?overall[ ]effectiveness\b", regex.IGNORECASE)
_OVERALL_AS_WELL = regex.compile(r"[’'”\"]?[ ]overall,?[ ]as[ ]well[ ]as\b", regex.IGNORECASE)
_ELLIPSIS = regex.compile(r"\bas[ ](?:were|was|did|is|are)\b")
# The end of a relative clause and the main verb after it: " in 2021, has been rated ".
_RELATIVE_CLOSED = regex.compile(
    r"[’'”\"]?[^,;.]{0,40},\s*(?:(?:has|have|had)\s+been|was|were|is|are)\s+(?:now\s+)?"
    r"(?:rated|judged|graded|assessed)\s*(?:as\s+)?[‘'\"“]?"
)
# A list of units, one a line: "• Tamsford PDU – ‘Requires improvement’ (10 points)" (a
# regional release on several PDUs). The maximum is stated once for all ("Each PDU is
# scored out of 27").
_UNIT_ROW = rf"""
    [•*·-][ ]*(?P<name>[^\n–—:]{{2,80}}?)[ ]*[–—:-][ ]*     # bullet, unit name, separator
    [‘'"“]?(?P<rating>{RATING_PATTERN})[’'"”]?               # its rating
    (?:[ ]*\((?P<pts>\d{{1,2}})[ ]+points?\))?                # perhaps its score
    [ ]*\.?[ ]*$
    """
_SHARED_MAXIMUM = regex.compile(
    r"(?i)\bscored\s+out\s+of\s+(?:a\s+(?:possible|maximum(?:\s+of)?)\s+)?(?P<of>\d\d)\b"
)


@cache
def _unit_row_re() -> regex.Pattern[str]:
    # compiled on first use: it holds the whole split-tolerant rating pattern
    return regex.compile(_UNIT_ROW, regex.VERBOSE | regex.IGNORECASE | regex.MULTILINE)

_ANTECEDENT_START = regex.compile(r".*\b(?:for|about|on|of)\s+", regex.IGNORECASE)
_BRACKET_RATED = regex.compile(r"\(\s*rated\s*(?:as\s*)?[‘'\"“]?$")
_RATINGS_FOR = regex.compile(r"^[’'”\"]?\s+ratings?\s+for\s+(?P<list>[^.;:]+)")
_FOR_BEING = regex.compile(r"^[’'”\"]?\s+for\s+being\s+(?P<list>[^.;:]+)")
# "was rated ‘Outstanding’ for its court work": the aspect after the rating.
# "rated nine of the 13 areas as ‘outstanding’, among them ‘staff’ and ‘...’": the
# aspects a tally names, each in quote marks.
_AMONG = regex.compile(r"^[’'”\"]?,?\s+(?:among\s+them|including)\s+(?P<list>[‘'\"“][^.;:]+)")
_QUOTED_ITEM = regex.compile(r"[‘'\"“](?P<item>[^‘’'\"“”]{2,80})[’'\"”]")
# "and rated its resettlement provision “Outstanding”": an aspect as an active object.
_RATED_ITS = regex.compile(
    r"^\s*(?:\w+\s+)?(?:rated|judged|graded)\s+(?:its|their)\s+(?P<aspect>[^,;‘'\"“]{3,60}?)\s*(?:as\s+)?[‘'\"“]?$"
)
_FOR_ITS = regex.compile(r"^[’'”\"]?\s+for\s+(?:its|their)\s+(?P<list>[^.;:,]+)")
# The next rating in a list of CQC key questions ends the list before it: "inadequate for
# being well-led, requires improvement for being safe".
_NEXT_RATING = regex.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)[‘'\"“]?(?:outstanding|good|requires?\s+improvement|inadequate)\b",
    regex.IGNORECASE,
)
# A clause that gives a rating without its verb, after a first clause that has it:
# "Leadership was rated ‘Good’; staff ‘Requires improvement’; and services ‘Good’".
_GAPPED = regex.compile(r"\s*(?:and\s+)?(?P<subject>[A-Za-z][\w -]{0,60}?)\s*[‘'\"“]?")
_LIST_SPLIT = regex.compile(r",\s*(?:and\s+)?(?:for\s+)?|\s+and\s+(?:for\s+)?")
_UNIT_PHRASES = ("probation delivery units", "youth justice services", "probation services")
_UNIT_WORDS = regex.compile(
    rf"\b(?:PDUs|YJSs|(?i:{'|'.join(p.replace(' ', '[ ]') for p in _UNIT_PHRASES)}))\b"
)


def _names_units(text: str) -> bool:
    """``_UNIT_WORDS.search(text)``, its literals looked for first."""
    return ("PDUs" in text or "YJSs" in text or may_hold(text, _UNIT_PHRASES)) and bool(_UNIT_WORDS.search(text))


_RESPECTIVELY = regex.compile(r"\brespectively\b")


def units(doc: Document, *, inspectorate: str | None = None) -> UnitFindings:
    """Every inspected body the document names, main one first, and the ratings of its parts.

    ``inspectorate`` is the document's (see `meta.inspectorate`): its profile says which
    bodies are inspected whenever named and which rating words beyond the four-point scale
    it uses."""
    text = doc.text
    prof = profile(inspectorate)
    mentions = find_mentions(text, inspectorate)
    if inspectorate is None:
        # A page that never names its inspectorate (a CQC service page, a listing of prison
        # reports) is read with the profile of the bodies it names.
        guess = _profile_of(mentions)
        if guess is not prof:
            prof = guess
            mentions = find_mentions(text, prof.inspectorate)
    always = PROBATION_UNITS | prof.always_types
    if not any(m.type in always for m in mentions):
        # no body its inspectorate always inspects: the others it inspects are the units
        # (a council in an Ofsted release on children's services, a GP practice's page)
        always |= {u.type for u in prof.unit_types}
    skip = _furniture(text)
    in_skip = Spans(skip)  # (bisected: a long text repeats its furniture many times)
    if skip:
        mentions = [m for m in mentions if not in_skip.holds(m.span[0])]
    if any(m.counted for m in mentions):
        # "One Wold PDU": a name only if the document names that unit without the count too.
        named = {key(m.name) for m in mentions if not m.counted}
        mentions = [m for m in mentions if not m.counted or key(m.name) in named]
    mentions = _with_rated_objects(text, mentions, prof)
    named_in_lists = listed_bodies(text)
    if named_in_lists:
        taken = [m.span for m in mentions]
        # "Two of the services – West Kent and Essex North –": bodies of the document's kind
        kind = _dominant_type(text, mentions, prof, always) if any(not b.type for b in named_in_lists) else ""
        mentions = sorted(
            [
                *mentions,
                *(
                    UnitMention(b.name, b.type or kind, b.span, b.span)
                    for b in named_in_lists
                    if not any(x < b.span[1] and b.span[0] < y for x, y in taken)
                ),
            ],
            key=lambda u: u.span[0],
        )
    listed_units = roundups(text)
    if listed_units:
        mentions = _with_roundup(text, mentions, listed_units, _dominant_type(text, mentions, prof, always))
    _merge_institutions(mentions)
    _merge_owned(mentions)
    short_forms = _merge_abbreviations(mentions)
    if " (" in text:
        aliases = _acronym_aliases(text, mentions)
        if aliases:
            short_forms |= {id(m) for m in aliases}
            mentions = sorted([*mentions, *aliases], key=lambda u: u.span[0])
    # a body first named by its initials ("Hampshire & IOW CRC") is shown where its full
    # name is, and ordered where it was first named
    in_full: dict[str, UnitMention] = {}
    if short_forms:
        for m in reversed(mentions):
            if id(m) not in short_forms:
                in_full[key(m.name)] = m
    cands: dict[str, Candidate] = {}
    for m in mentions:
        k = key(m.name)
        c = cands.get(k)
        if c is None:
            shown = in_full[k] if id(m) in short_forms else m
            cands[k] = Candidate(k, m.name, m.type, shown.span, m.span[0], _generic(text, shown))
        elif id(m) in short_forms:
            continue
        elif c.type not in always and m.type in always:
            # "Brinsford Borough Council" runs "Brinsford’s Youth Justice Service": the
            # unit is the one named with the inspected type, and that naming its evidence.
            c.type, c.typed_at, c.span, c.name = m.type, m.span[0], m.span, m.name
        elif c.generic and m.type != c.type and m.type in always and not _generic(text, m):
            # "Bro Talwyn youth justice team" (a headline's description), then "Bro Talwyn
            # Youth Offending Team (YOT)": the type the body's own name gives.
            c.type, c.generic = m.type, False
    by_span = {m.span: m for m in mentions}
    for item in listed_units:
        value = normalise_rating(item.rating_raw)
        mention = by_span.get(item.span)
        c = cands.get(key(mention.name if mention else item.name))
        if value and c is not None:
            c.current.append((value, item.rating_span, True))
    # A name wrapped over two lines of a PDF ("Harwick and\nStoneleigh PDU") is read as its
    # tail; it is the longer unit named on one line elsewhere.
    for m in list(mentions):
        k = key(m.name)
        if k not in cands or cands[k].typed_at != m.span[0]:
            continue
        window = text[max(0, m.name_span[0] - 60) : m.name_span[1]]
        if "\n" not in window:
            continue
        flat = key(" ".join(window.split()))
        # a unit's key longer than this one's that the window's text ends with (read at
        # the window's word starts: a key is whole words)
        longer = any(flat[i:] in cands for i in range(len(flat) - len(k)) if i == 0 or flat[i - 1] == " ")
        if longer:
            del cands[k]
            mentions = [x for x in mentions if key(x.name) != k]
    refs = build_refs(text, mentions, cands, skip, always)
    ref_starts = [r.start for r in refs]
    core_order = sorted((c for c in cands.values() if c.type in always), key=lambda c: c.typed_at)
    main_key = core_order[0].key if core_order else None

    warnings: list[str] = []
    aspects: list[AspectRating] = []
    seen_ids: set[str] = set()
    table_spans: list[Span] = []
    overall_rows: list[tuple[str, Span]] = []
    # One search for rating words over the whole text; each sentence takes its own.
    found_words = rating_words(text, prof.extra_scale)
    superlatives = superlative_words(text)
    if superlatives:
        found_words = sorted([*found_words, *superlatives])
    cues = rating_cues(prof.inspectorate)
    rating_starts = [w[0] for w in found_words]
    previous_rows: list[tuple[str, Span]] = []
    for row in table_ratings(text, rating_starts, found_words):
        if skip and in_skip.holds(row.span[0]):
            continue
        table_spans.append(row.span)
        if row.aspect is None:
            if row.value:
                (previous_rows if row.previous else overall_rows).append((row.value, row.span))
        elif row.value is None:
            warnings.append(f"standard {row.id} {row.aspect} is not rated")
        elif row.id is None or row.id not in seen_ids:
            if row.id:
                seen_ids.add(row.id)
            aspects.append(AspectRating(aspect=row.aspect, rating=row.value, span=row.span, id=row.id))

    if "\n•" in text or "\n* " in text or "\n- " in text:
        _unit_rows(text, refs, ref_starts, cands)
    prose_aspects: list[AspectRating] = []
    vocab_aspects: list[AspectRating] = []
    counts_bodies = False  # a rating given to a count of bodies ("eight were rated")
    sentences = [s for s in doc.sentences if not in_skip.holds(s[0])] if skip else list(doc.sentences)
    # the furniture and the ratings tables' rows: no rating in prose comes from them
    blocked = Spans([*skip, *table_spans])
    title = _title(doc)
    for sent in sentences:
        i = bisect.bisect_left(rating_starts, sent[0])
        if i == len(rating_starts) or rating_starts[i] >= sent[1]:
            continue  # no rating word in this sentence
        j = bisect.bisect_left(rating_starts, sent[1], i)
        # A match across the sentence's edge ("Requires\nImprovement" over a line break)
        # would not be found inside the sentence: search the sentence again then.
        crossing = (i and found_words[i - 1][1] > sent[0]) or found_words[j - 1][1] > sent[1]
        with_tallies = rating_phrases(
            text, sent, blocked, None if crossing else found_words[i:j], cues=cues
        )
        phrases = [ph for ph in with_tallies if ph.kind not in ("tally", "bodies")]  # a tally rates no unit
        counts_bodies = counts_bodies or any(ph.kind == "bodies" for ph in with_tallies)
        in_sentence = refs[bisect.bisect_left(ref_starts, sent[0]) : bisect.bisect_left(ref_starts, sent[1])]
        respectively = text.find("respectively", sent[0], sent[1]) >= 0
        if respectively and _respective_ratings(text, sent, phrases, in_sentence, cands):
            continue
        listed = listed_aspects(
            text,
            sent,
            [ph for ph in with_tallies if ph.kind != "bodies"],
            prof.inspectorate,
            # the inspected bodies: "staff at Swansea PDU, rated ..." rates the PDU
            [(r.start, r.end) for r in in_sentence if r.key and not r.anaphor and cands[r.key].type in always],
            # no aspect inside a reference to a body ("The care home received ...")
            [(r.start, r.end) for r in in_sentence if r.anaphor != "it"],
        )
        # a phrase that rates listed aspects rates no unit, and is what a gapped clause after
        # it continues ("Leadership was rated ‘Good’; partnerships ‘Good’")
        used: dict[int, list[str]] = {}
        # the phrases whose list of aspects also names the overall judgement ("Good ratings
        # were received for ..., ... and overall effectiveness"): they rate the unit too
        overall_too: set[int] = set()
        for a, ph in listed:
            vocab_aspects.append(a)
            if a.span[1] > ph.span[1] and (
                _OVERALL_ITEM.match(text, a.span[1], sent[1]) or _OVERALL_AS_WELL.match(text, ph.span[1], sent[1])
            ):
                overall_too.add(id(ph))  # "..., and overall effectiveness", "‘inadequate’ overall as well as in"
            if not _ELLIPSIS.search(text, ph.span[1], a.span[1]):
                # (after "as were" the rating is the subject's too: "The home's overall rating
                # was reduced to inadequate, as were the ratings for being safe and well led")
                used.setdefault(id(ph), []).append(a.aspect)
        for before, ph in zip(phrases, phrases[1:], strict=False):
            # "safety and respect moved from ‘poor’ to ‘reasonably good’": the earlier rating
            # is the aspects' too
            if id(ph) in used and before.kind == "previous" and _TO_BETWEEN.fullmatch(text, before.span[1], ph.span[0]):
                used.setdefault(id(before), used[id(ph)])
        pending: list[RatingPhrase] = []
        prev_end = sent[0]
        last_target: tuple[str, ...] | list[str] | None = None
        # A headline rating counts only when the body gives none (seed: "... Probation
        # Service rated as ‘Inadequate’." before the sentence that names the PDU).
        full = bool(phrases) and _full_sentence(text, sent) and not (title and title[0] <= sent[0] < title[1])
        for ph in phrases:
            if ph.tally_aspect:
                prose_aspects.append(AspectRating(aspect=ph.tally_aspect, rating=ph.value, span=ph.span))
                prev_end = ph.span[1]
                continue
            if id(ph) in used:
                prev_end, last_target = ph.span[1], used[id(ph)]
                if id(ph) in overall_too and main_key and ph.kind in ("current", "both"):
                    cands[main_key].current.append((ph.value, ph.span, full))
                continue
            target: tuple[str, ...] | list[str] | None
            if (
                isinstance(last_target, tuple)
                and _WHICH.search(text, sent[0], prev_end)
                and _RELATIVE_CLOSED.fullmatch(text, prev_end, ph.span[0])
            ):
                # "Pellham YJS, which was judged to require improvement in 2021, has been
                # rated inadequate": the main clause resumes the unit the relative clause rated.
                target = last_target
            elif last_target is not None and _TO_BETWEEN.fullmatch(text, prev_end, ph.span[0]):
                target = last_target  # "from requires improvement to inadequate": one subject
            else:
                target = _target(text, sent, prev_end, ph, in_sentence, main_key, last_target)
                if target is None and ph.kind == "previous" and isinstance(last_target, tuple):
                    # "..., down from the good rating it received": the unit rated before.
                    target = last_target
            prev_end = ph.span[1]
            last_target = target
            if isinstance(target, list):  # aspects
                if ph.kind != "previous":
                    prose_aspects.extend(
                        AspectRating(aspect=a, rating=ph.value, span=ph.span) for a in target
                    )
                continue
            if target is None:
                if ph.kind == "current" and _RESPECTIVELY.search(text, sent[0], sent[1]):
                    pending.append(ph)
                continue
            for k in target:
                c = cands[k]
                if ph.kind in ("current", "both"):
                    c.current.append((ph.value, ph.span, full))
                if ph.kind in ("previous", "both"):
                    c.previous.append((ph.value, ph.span))
        if len(pending) >= 2:
            # "have been rated ‘Requires improvement’ and ‘Inadequate’, respectively" names
            # its units after the ratings.
            order: list[str] = []  # the first distinct units named after the sentence's start
            at = bisect.bisect_right(ref_starts, sent[0])
            while at < len(refs) and len(order) < len(pending):
                r = refs[at]
                if r.key and not r.anaphor and cands[r.key].type in always and r.key not in order:
                    order.append(r.key)
                at += 1
            for ph, k in zip(pending, order, strict=False):
                cands[k].current.append((ph.value, ph.span, True))
    overall_key = main_key
    if overall_rows and not overall_key:
        # An Ofsted college or CQC service: the rated unit named first is the main one.
        rated = sorted(
            (c for c in cands.values() if any(f for _, _, f in c.current)), key=lambda c: first_pos(c, always)
        )
        overall_key = rated[0].key if rated else None
    if overall_rows and overall_key:
        for value, span in overall_rows:
            cands[overall_key].current.insert(0, (value, span, True))
        for value, span in previous_rows:
            cands[overall_key].previous.insert(0, (value, span))

    give_scores(text, sentences, refs, cands, main_key, always)

    # In order of first naming: the body a release opens with is its main unit.
    chosen = sorted(
        (c for c in cands.values() if c.type in always or any(full for _, _, full in c.current)),
        key=lambda c: first_pos(c, always),
    )
    out_units: list[Unit] = []
    overall: Field | None = None
    for i, c in enumerate(chosen):
        rating_value: str | None = None
        rating_span: Span | None = None
        body = [r for r in c.current if r[2]] or c.current
        if body:
            rating_value, rating_span = body[0][0], body[0][1]
            others = sorted({v for v, _, full in c.current if full and v != rating_value})
            if others:
                warnings.append(
                    f"{c.name}: two different ratings given ({rating_value}, {', '.join(others)})"
                )
        previous = c.previous[0][0] if c.previous else None
        out_units.append(
            Unit(
                name=c.name,
                type=c.type,
                span=c.span,
                rating=rating_value,
                previous_rating=previous,
                score=c.score,
            )
        )
        if i == 0 and rating_value and rating_span:
            overall = Field(value=rating_value, span=rating_span)

    region_mention = find_region(text)
    region = (
        Field(region_mention.value, region_mention.span)
        if region_mention and not in_skip.holds(region_mention.span[0])
        else None
    )
    # in the order the text gives them: a ratings table's first, then the prose's
    in_prose: list[AspectRating] = []
    kept = list(aspects)  # each aspect kept so far, once
    # (aspect, rating) pairs known to be kept or to repeat one kept: a long text names the
    # same aspects again and again, and each is compared with the kept ones only once
    decided = {(b.aspect.lower(), b.rating) for b in aspects}
    for a in [*vocab_aspects, *(p for p in prose_aspects if plausible_aspect(p.aspect, prof.inspectorate))]:
        pair = (a.aspect.lower(), a.rating)
        if pair in decided:
            continue
        decided.add(pair)
        if not any(_same_aspect(a, b) for b in kept):
            in_prose.append(a)
            kept.append(a)
    aspects.extend(sorted(in_prose, key=lambda a: a.span[0]))
    if in_prose and counts_bodies and not out_units and not overall:
        # An aspect is a part of an inspected body: a round-up that counts bodies by their
        # ratings and names and rates none ("eight were rated as “requires improvement” for
        # safety. Fewer hospitals were rated as good for safety than for effectiveness")
        # rates no body's parts in its prose.
        aspects = [a for a in aspects if a not in in_prose]
    return UnitFindings(
        units=tuple(out_units),
        overall_rating=overall,
        region=region,
        aspect_ratings=tuple(aspects),
        warnings=tuple(dict.fromkeys(warnings)),
    )

# "Ofsted also rated the Local Children’s Safeguarding Board as ‘good’": a body named by its
# own name as the object of a rating verb, with no type word the name finder knows.
_RATED_OBJECT = regex.compile(
    r"""\b(?:rated|judged|graded|assessed|gave|awarded|branded)[ ](?:the[ ])?
        (?P<name>\p{Lu}[\w’'-]+(?:[ ](?:of[ ]|and[ ]|for[ ]|&[ ])?\p{Lu}[\w’'-]+){1,6})
        (?=,?[ ](?:as|an?[ ](?:overall[ ])?)[ ]?[‘'"“]?(?i:outstanding|good|requires?[ ]improvement|inadequate))""",
    regex.VERBOSE,
)


def _with_rated_objects(text: str, mentions: list[UnitMention], prof: Profile) -> list[UnitMention]:
    """The mentions, and the bodies rated as the object of a verb that no mention names."""
    if not any(w in text for w in ("rated ", "judged ", "graded ", "assessed ", "gave ", "awarded ", "branded ")):
        return mentions
    taken = Spans([m.span for m in mentions])
    added: list[UnitMention] = []
    starts = sorted(
        i for verb in ("rated ", "judged ", "graded ", "assessed ", "gave ", "awarded ", "branded ")
        for i in find_all(text, verb)
    )
    for m in matches_at(_RATED_OBJECT, text, starts):
        span = m.span("name")
        name = m.group("name")
        if taken.meets(*span):
            continue
        if name.split()[0] in _NOT_OBJECT_START:
            continue
        added.append(UnitMention(name, "other", span, span))
    return sorted([*mentions, *added], key=lambda u: u.span[0]) if added else mentions

# Capitalised words that open a phrase naming no body: "rated Good", "rated The ..." as a headline.
_NOT_OBJECT_START = frozenset("The This It Its Their His Her Our Overall Good Outstanding Inadequate".split())


def _with_roundup(
    text: str, mentions: list[UnitMention], items: list[RoundupItem], unit_type: str
) -> list[UnitMention]:
    """The mentions, and the bodies a round-up list names (of the document's kind); a place
    that ends the name of a body already named is that body ("services in Leicestershire
    and Rutland" and "Leicester, Leicestershire and Rutland PDU")."""
    taken = Spans([m.span for m in mentions])
    named = {key(m.name): m.name for m in mentions if m.type == unit_type}
    added = []
    for item in items:
        if taken.meets(*item.span):
            continue
        k = key(item.name)
        longer = next((name for nk, name in named.items() if nk.endswith(" " + k)), None)
        added.append(UnitMention(longer or item.name, unit_type, item.span, item.span))
    return sorted([*mentions, *added], key=lambda u: u.span[0]) if added else mentions


def _dominant_type(text: str, mentions: list[UnitMention], prof: Profile, always: frozenset[str]) -> str:
    """The kind of body a document is about: the inspected type it names most, else the
    one whose type words it uses most ("YOS caseloads"), else its inspectorate's first."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type in always:
            counts[m.type] = counts.get(m.type, 0) + 1
    if not counts:
        for u in (*prof.unit_types, *profile(None).unit_types):
            if u.type in always:
                n = sum(text.count(w) for w in (*u.after, *u.within) if len(w) > 2)
                if n:
                    counts[u.type] = counts.get(u.type, 0) + n
    if counts:
        return max(counts, key=lambda t: counts[t])
    first = [u.type for u in prof.unit_types if u.always]
    return first[0] if first else "other"


def _merge_institutions(mentions: list[UnitMention]) -> None:
    """One body named longer and shorter ("Colchester Sixth Form College", "The Sixth Form
    College"): the mentions of a name that ends with another of the same type take the
    name met first."""
    by_type: dict[str, list[UnitMention]] = {}
    for m in mentions:
        # places are different bodies: "West Lincolnshire" is not "East and West Lincolnshire"
        if m.type not in PROBATION_UNITS and m.type not in ("region", "council"):
            by_type.setdefault(m.type, []).append(m)
    for group in by_type.values():
        names = list(dict.fromkeys(key(m.name) for m in group))
        if len(names) < 2:
            continue
        rename: dict[str, str] = {}
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                longer = len(a.split()) >= 2 and len(b.split()) >= 2 and (a.endswith(" " + b) or b.endswith(" " + a))
                # "HMP Bronzefield" and "Bronzefield Prison" too
                if longer or _without_head(a) == _without_head(b):
                    rename[b] = a
        if rename:
            first = {key(m.name): m.name for m in reversed(group)}
            for m in group:
                k = key(m.name)
                if k in rename:
                    m.name = first[rename[k]]


def _merge_owned(mentions: list[UnitMention]) -> None:
    """A body named once after its owner's possessive ("Interserve’s West Yorkshire
    Community Rehabilitation Company") and once without it ("West Yorkshire Community
    Rehabilitation Company"): one body, named without the owner. (Only where the shorter
    name is in the document too: "King’s Lynn" is a place's own name.)"""
    if not any("’s " in m.name or "'s " in m.name for m in mentions):
        return
    names = {(key(m.name), m.type): m.name for m in mentions}
    for m in mentions:
        owner = _LEAD_OWNER.match(m.name)
        if owner and m.name[owner.end() : owner.end() + 1].isupper():
            plain = names.get((key(m.name[owner.end() :]), m.type))
            if plain is not None:
                m.name = plain


_HEADS = tuple(
    sorted({f" {w.lower()}" for u in unit_types() for w in (*u.within, *u.within_own)}, key=len, reverse=True)
)


def _without_head(name_key: str) -> str:
    """A name's key without the institution word it ends with ("bronzefield prison")."""
    for head in _HEADS:
        if name_key.endswith(head):
            return name_key[: -len(head)]
    return name_key


# Words an initialism may pass over: "LLR" for "Leicester, Leicestershire and Rutland".
_SMALL_WORDS = frozenset({"and", "of", "the", "&"})
_INITIALISM = regex.compile(r"[A-Z](?:[A-Z]|o(?=[A-Z]))[A-Z]{0,4}")  # "DTV", "KSS", "IoW"
# The counties' customary short forms ("Beds Police", "Notts PDU", "Hants and IOW CRC").
_COUNTY_SHORT = {
    "bedfordshire": "beds", "berkshire": "berks", "buckinghamshire": "bucks", "cambridgeshire": "cambs",
    "derbyshire": "derbys", "gloucestershire": "glos", "hampshire": "hants", "hertfordshire": "herts",
    "lancashire": "lancs", "leicestershire": "leics", "lincolnshire": "lincs", "northamptonshire": "northants",
    "nottinghamshire": "notts", "oxfordshire": "oxon", "staffordshire": "staffs", "warwickshire": "warks",
    "wiltshire": "wilts", "worcestershire": "worcs", "yorkshire": "yorks",
}
_COUNTY_SHORTS = frozenset(_COUNTY_SHORT.values())


# A name's initialism is looked for over at most this many of its words.
_MAX_NAME_WORDS = 12


def _short_forms(full: str) -> set[str]:
    """The keys of ``full`` with one run of two or more of its words written as their
    initials ("Durham Tees Valley": "dtv"; "Hampshire and Isle of Wight": "hampshire and
    iow"), the run's small words kept or passed over ("LLR" for "Leicester, Leicestershire
    and Rutland"), or with a county's short form ("Beds Police")."""
    words = key(full).split()[:_MAX_NAME_WORDS]
    out: set[str] = set()
    for j, w in enumerate(words):
        if w in _COUNTY_SHORT:
            out.add(" ".join([*words[:j], _COUNTY_SHORT[w], *words[j + 1 :]]))
    for j in range(len(words)):
        if words[j] in _SMALL_WORDS:
            continue
        for k in range(j + 2, len(words) + 1):
            run = words[j:k]
            if run[-1] in _SMALL_WORDS:
                continue
            for letters in ("".join(w[0] for w in run), "".join(w[0] for w in run if w not in _SMALL_WORDS)):
                if len(letters) >= 2:
                    out.add(" ".join([*words[:j], letters, *words[k:]]))
    return out


def _is_short(name: str) -> bool:
    """Whether a name has a word that may abbreviate others: an initialism or a county's short form."""
    return any(_INITIALISM.fullmatch(w) or w.lower() in _COUNTY_SHORTS for w in name.replace(",", " ").split())


# "Cheshire Youth Justice Service (CYJS)": the acronym a body is named by from then on.
_OWN_ACRONYM = regex.compile(r"[ ]\((?P<acr>[A-Z][A-Za-z&]{1,7})\)")
_ACRONYM_WORD = regex.compile(r"(?<![\w&-])[A-Z][a-z&]*[A-Z][A-Za-z&]{0,6}(?![\w&-])")


def _acronym_aliases(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Later namings of a body by the acronym given in brackets after its full name, whose
    letters are the initials of the name's and type's words ("Cheshire Youth Justice
    Service (CYJS)" ... "CYJS was good"): each a mention under the full name."""
    given: dict[str, tuple[UnitMention, int]] = {}  # acronym: the body, where it was given
    for m in mentions:
        own = _OWN_ACRONYM.match(text, m.span[1])
        if own is None:
            continue
        acr = own.group("acr")
        words = [w for w in text[m.span[0] : m.span[1]].replace("&", " & ").split() if w not in _SMALL_WORDS]
        if len(acr) >= 3 and acr.upper() == "".join(w[0] for w in words).upper():
            given.setdefault(acr, (m, own.end()))
    out: list[UnitMention] = []
    if given:
        for a in _ACRONYM_WORD.finditer(text, min(end for _, end in given.values())):
            hit = given.get(a.group())
            if hit and a.start() >= hit[1]:
                out.append(UnitMention(hit[0].name, hit[0].type, a.span(), a.span()))
    return out


def _merge_abbreviations(mentions: list[UnitMention]) -> set[int]:
    """One body named in full and with some of its words as initials ("Durham Tees Valley
    CRC", "DTV CRC"): the short form's mentions take the full name. Returns the ids of the
    renamed mentions (their spans hold the short form)."""
    renamed: set[int] = set()
    by_type: dict[str, list[UnitMention]] = {}
    for m in mentions:
        by_type.setdefault(m.type, []).append(m)
    for group in by_type.values():
        names = {key(m.name): m.name for m in reversed(group)}  # the first naming of each
        if len(names) < 2 or not any(_is_short(name) for name in names.values()):
            continue
        full_of: dict[str, str] = {}
        for k, name in names.items():
            for short in _short_forms(name):
                if short != k:
                    full_of.setdefault(short, name)
        for m in group:
            full = full_of.get(key(m.name))
            if full is not None and _is_short(m.name):
                m.name = full
                renamed.add(id(m))
    return renamed


def _profile_of(mentions: list[UnitMention]) -> Profile:
    """The profile whose inspected bodies the mentions name most (probation's for none)."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.type] = counts.get(m.type, 0) + 1
    best, best_n = profile(None), sum(counts.get(t, 0) for t in PROBATION_UNITS)
    for p in profiles():
        n = sum(counts.get(u.type, 0) for u in p.unit_types if u.always)
        if n > best_n:
            best, best_n = p, n
    if best_n == 0:
        # none it always inspects: the bodies it inspects when it rates them ("Radbrook
        # Green Surgery", a GP practice, on the regulator's own page)
        for p in profiles():
            n = sum(counts.get(u.type, 0) for u in p.unit_types)
            if n > best_n:
                best, best_n = p, n
    return best


def _unit_rows(text: str, refs: list[Ref], ref_starts: list[int], cands: dict[str, Candidate]) -> None:
    """Ratings (and scores) from a bulleted list of units, one a line, each line's name
    being a unit named with its type: "• Kingsmere PDU – ‘Inadequate’ (4 points)"."""
    maximum = _SHARED_MAXIMUM.search(text)
    pos = 0
    while (pos := text.find("\n", pos) + 1) > 0:
        if text[pos : pos + 1] not in ("•", "*", "-"):
            continue
        m = _unit_row_re().match(text, pos)
        if not m:
            continue
        name_start, name_end = m.span("name")
        own = [
            r
            for r in refs[bisect.bisect_left(ref_starts, name_start) : bisect.bisect_right(ref_starts, name_end)]
            if r.end <= name_end and r.key and cands[r.key].type in PROBATION_UNITS
        ]
        value = normalise_rating(m.group("rating"))
        if len(own) != 1 or not value or text[own[0].end : name_end].strip():
            continue
        c = cands[own[0].key or ""]
        c.current.append((value, m.span("rating"), True))
        if m.group("pts") and maximum and c.score is None:
            pts = int(m.group("pts"))
            if pts <= int(maximum.group("of")):
                c.score = Score(pts, int(maximum.group("of")))


def _respective_ratings(
    text: str, sent: Span, phrases: list[RatingPhrase], refs: list[Ref], cands: dict[str, Candidate]
) -> bool:
    """True when the sentence's ratings went, in order, to the coordinated units before
    them: "Tynebridge and Wearmouth, which were rated ‘Requires improvement’ and
    ‘Inadequate’ respectively". ``refs`` are the references that start in the sentence."""
    current = [ph for ph in phrases if ph.kind == "current" and not ph.tally_aspect]
    if len(current) < 2 or len(current) != len(phrases):
        return False
    before = [r for r in refs if r.end <= current[0].span[0] and r.key]
    if before and before[-1].group:
        keys = unit_keys(before[-1:]) or ()
    else:
        keys = unit_keys(coordinated_run(text, [r for r in before if not r.possessive])) or ()
    if len(keys) != len(current):
        return False
    for ph, k in zip(current, keys, strict=True):
        cands[k].current.append((ph.value, ph.span, True))
    return True


def _generic(text: str, m: UnitMention) -> bool:
    """True when the type word after the name is a lower-case description."""
    return text[m.name_span[1] : m.span[1]].strip()[:1].islower()


def _same_aspect(a: AspectRating, b: AspectRating) -> bool:
    if a.rating != b.rating:
        return False
    if (a.span[0] == b.span[0]) != (a.span[1] == b.span[1]):
        # one edge shared: one rating given to the items of one list ("adult learners and
        # learners with high needs – as ‘good’"), each its own part
        return a.aspect.lower() == b.aspect.lower()
    ta = set(_LETTERS.findall(a.aspect.lower())) - _ASPECT_FILLER
    tb = set(_LETTERS.findall(b.aspect.lower())) - _ASPECT_FILLER
    # the same part named twice ("victim work", "Work with victims of crime"), not two parts
    # that share a word ("children who need help", "children looked after")
    return a.aspect.lower() == b.aspect.lower() or (bool(ta & tb) and len(ta & tb) * 2 >= min(len(ta), len(tb)))

_ASPECT_FILLER = frozenset({"and", "the", "of", "work", "with", "for", "to", "in", "children", "people", "services"})


def _furniture(text: str) -> list[Span]:
    spans: list[Span] = []
    if "READ MORE" in text or "Advertisement" in text:
        spans = [m.span() for m in _FURNITURE_LINE.finditer(text)]
    tail = None
    if "Related content" in text or "Related links" in text or "Back to top" in text:
        tail = _FURNITURE_TAIL.search(text)
    if tail:
        spans.append((tail.start(), len(text)))
    return spans


def _title(doc: Document) -> Span | None:
    """The headline: the loader's title, else a short first line."""
    if doc.title_span:
        return doc.title_span
    first = doc.lines[0] if doc.lines else None
    if (
        first
        and first[1] - first[0] < 200
        and first[1] < len(doc.text)
        and doc.text[first[1] : first[1] + 2] == "\n\n"
    ):
        return first
    return None


def _full_sentence(text: str, sent: Span) -> bool:
    """True for a sentence of running text, False for a headline or a table row."""
    return bool(_FULL_SENTENCE.search(text, sent[0], sent[1]))


def _target(
    text: str,
    sent: Span,
    prev_end: int,
    ph: RatingPhrase,
    refs: list[Ref],  # the references that start in the sentence
    main_key: str | None,
    last_target: tuple[str, ...] | list[str] | None = None,
) -> tuple[str, ...] | list[str] | None:
    """What a rating phrase rates: unit keys (a tuple), aspect names (a list), or None.

    ``last_target`` is what the phrase before it in the sentence rates."""
    start = ph.span[0]
    after = text[ph.span[1] : sent[1]]
    clause_start = max(prev_end, sent[0])
    # Clause boundaries: "; ", ", and " and ": " start a new subject.
    cut = list(_CLAUSE_CUT.finditer(text[clause_start:start]))
    if cut:
        clause_start += cut[-1].end()
    pre = text[clause_start:start]
    in_clause = [r for r in refs if clause_start <= r.start and r.end <= start and r.key]

    m = _RATINGS_FOR.match(after) or _FOR_BEING.match(after) or _FOR_ITS.match(after)
    if m:
        listed = m.group("list")
        nxt = _NEXT_RATING.search(listed)
        if nxt:
            listed = listed[: nxt.start()]
        return [a for a in (_clean_aspect(x) for x in _LIST_SPLIT.split(listed)) if a]
    among = _AMONG.match(after) if "among" in after or "including" in after else None
    if among:
        return [a for a in (_clean_aspect(x) for x in _QUOTED_ITEM.findall(among.group("list"))) if a] or None
    rated_its = _RATED_ITS.match(pre) if " its " in pre or " their " in pre else None
    if rated_its and not [r for r in in_clause if not r.possessive]:
        name = _clean_aspect(rated_its.group("aspect"))
        return [name] if name else None
    if cut and isinstance(last_target, list) and cut[-1].group().startswith(";"):
        gap = _GAPPED.fullmatch(pre)
        if gap and not _FIRST_VERB.search(pre):
            name = _clean_aspect(gap.group("subject"))
            return [name] if name else None
    if _BRACKET_RATED.search(pre):
        before = [r for r in in_clause if not r.possessive]
        return unit_keys(before[-1:])
    obj = _active_object(text, sent, start, refs)
    if obj is not None:
        return obj
    if _HAVING_BEEN.search(pre):
        # "This is the second inspection of this PDU ..., having previously been rated
        # ‘Inadequate’ in 2022": the body the sentence is about, named last before it
        named = [r for r in refs if sent[0] <= r.start < start and r.key and not r.possessive]
        return unit_keys(named[-1:]) if named else ((main_key,) if main_key else None)
    own = _OVERALL_OF.search(pre)
    if own:
        # "The overall rating of the service was Good", "The overall rating is ‘Requires
        # improvement’": the unit named in it, else the unit the document is about
        named = [r for r in in_clause if r.start >= clause_start + own.start() and not r.possessive]
        return unit_keys(named[-1:]) if named else ((main_key,) if main_key else None)
    whiches = list(_WHICH.finditer(pre))
    which = whiches[-1] if whiches else None
    if which is None and " which " in pre:
        # "Staff at Good Manors Day Nursery which has been judged outstanding": a restrictive
        # relative right after the unit it rates
        bare = _BARE_WHICH.search(pre)
        head = [r for r in in_clause if bare and r.end == clause_start + bare.start() and not r.possessive]
        if head and bare and _PASSIVE_TAIL_END.search(pre, bare.end()):
            return unit_keys(head)
    if which:
        head = [r for r in in_clause if r.end <= clause_start + which.start() and not r.possessive]
        if head and text[head[-1].end : clause_start + which.start()].strip(" ()*PDU") == "":
            # "A, B and C – which were all rated": a plural verb takes the whole coordination
            run = coordinated_run(text, head) if _WERE.search(pre, which.end()) else []
            return unit_keys(run if run and run[-1] is head[-1] else head[-1:])
        if _PASSIVE_TAIL_END.search(pre):
            ante = _ANTECEDENT_START.sub("", pre[: which.start()])
            # "Its resettlement policy and provision, which is rated separately, was": one
            # aspect; a plural verb makes a list ("X and Y, which were rated").
            parts = _AND_SPLIT.split(ante) if _WERE.search(pre, which.end()) else [ante]
            return [a for a in (_clean_aspect(x) for x in parts) if a] or None
        return None
    found = _clause_subject(text, clause_start, start, in_clause, main_key)
    if found is not None:
        return found
    for r in in_clause:
        if (
            r.possessive
            and _OWN_RATING.match(text, r.end)
            and (
                _SUBJECT_PREFIX.match(text[clause_start : r.start])
                # the object of a change: "we have raised the CRC’s overall rating from ... to"
                or _CHANGE_VERB_BEFORE.search(text, clause_start, r.start)
            )
            and not [o for o in in_clause if not o.possessive]
        ):
            return unit_keys([r])
    if not [r for r in in_clause if not r.possessive] and not _open_relative(text, sent[0], start):
        # No subject in the clause ("..., and was itself rated", ", having previously been
        # rated"): the rating belongs to the subject of the sentence -- unless a relative
        # clause holds it ("It was good news for Busy Bees, which jumped to ‘outstanding’").
        first = [r for r in refs if sent[0] <= r.start < start and r.key]
        verb = _FIRST_VERB.search(text[sent[0] : start])
        end = sent[0] + verb.start() if verb else start
        found = _clause_subject(
            text, sent[0], end, [r for r in first if r.end <= end], main_key, passive=False
        )
        if found is not None:
            return found
        # (", and separately rated as ‘Outstanding’": the subject and its verb left out)
        if verb and (_PASSIVE_TAIL_END.search(pre) or _ELLIPTIC_PASSIVE.fullmatch(pre)) and ph.kind != "previous":
            name = _clean_aspect(text[sent[0] : end])
            if name and not [r for r in first if r.end <= end and not r.possessive]:
                return [name]
    # A headline that puts the rating first: "‘Outstanding’ Wiltshire YJS praised ...".
    if not pre.strip(" ‘'\"“"):
        nxt = [r for r in refs if ph.span[1] <= r.start < sent[1] and r.key and not r.anaphor]
        if nxt and text[ph.span[1] : nxt[0].start].strip(" ’'\"”") == "":
            return unit_keys(nxt[:1])
    return None

# The object of an active rating verb, and what may stand between it and its rating: an
# apposition ("gave Cherry Tree House, on Creswell Road, Clowne, an overall ‘good’ rating"),
# "as", an article and "overall" -- but no verb of a clause of its own.
_OBJECT_VERB = regex.compile(
    r"\b(?:gave|given|give|gives|awarded|awards|rated|rates|judged|judges|graded|grades|assessed|deemed"
    r"|considered|found|named|branded)[ ](?:the[ ]|its[ ])?$",
    regex.IGNORECASE,
)
_AFTER_OBJECT = regex.compile(
    r"(?:(?:,[^,;:.]{1,60}){1,3},)?"
    # "rated a service dealing with young offenders as", "rated Gloucester Nursery School in
    # Camborne Close, Delapre as": a participle or a place before "as"
    r"(?:[ ](?:\w+ing|in|at|near)[ ][^;:.‘'\"“]{0,50}?(?=[ ]as[ ]))?"
    r"[ ]?(?:as[ ]|to[ ]be[ ])?(?:(?:an?|its|the|their)[ ])?"
    r"(?:(?:second|third|fourth|further|another)[ ])?(?:(?:consecutive|successive|straight)[ ])?"
    r"(?:overall[ ])?[‘'\"“]?",
    regex.IGNORECASE,
)
# "Ofsted inspected the college again and gave them a second ‘requires improvement’
# rating": a plural pronoun for the body just named, as the object of a rating verb.
_THEM_OBJECT = regex.compile(
    r"\b(?:gave|given|give|gives|awarded|rated|rates|judged|graded)[ ]them[ ]$", regex.IGNORECASE
)

_HAVING_BEEN = regex.compile(r"(?i),[ ]having[ ](?:previously[ ])?been[ ](?:rated|judged|graded)[ ](?:as[ ])?[‘'\"“]?$")
_OVERALL_OF = regex.compile(
    r"(?i)^(?:\W*date[ ]\S+[ ]+)?\W*(?:the|its|our)[ ]"
    r"(?:(?:previous|earlier|former|prior|last)[ ](?:overall[ ])?|overall[ ])(?:rating|grade|judgement)"
    r"(?:[ ](?:of|for)[ ][^.;,]{1,40}?)?"
    r"[ ](?:was|is|remains|remained)[ ](?:therefore[ ]|now[ ]|still[ ])?[‘'\"“]?$"
)


def _active_object(text: str, sent: Span, start: int, refs: list[Ref]) -> tuple[str, ...] | None:
    """The unit a rating is given to as the object of an active verb before it: "the CQC,
    which oversees ..., gave Cherry Tree House, on Creswell Road, an overall ‘good’ rating",
    "Inspectors assessed NPS Wales as ‘Good’"."""
    found: Ref | None = None
    for ref in reversed(refs):
        if ref.start < sent[0]:
            break
        if ref.end <= start and ref.key and not ref.possessive:
            found = ref
            break
    them = _them_object(text, sent, start)
    if them is not None:
        if found is None or found.end > them or found.group:
            return None
        return unit_keys([found])
    if found is None:
        return None
    r = found
    if not _OBJECT_VERB.search(text, max(sent[0], r.start - 30), r.start):
        return None
    if not _AFTER_OBJECT.fullmatch(text, r.end, start):
        return None
    return unit_keys([r])

def _them_object(text: str, sent: Span, start: int) -> int | None:
    """The offset of "them" as the object of a rating verb before the rating at ``start``
    ("gave them a second consecutive ‘requires improvement’ rating"), or None."""
    at = text.rfind(" them ", sent[0], start)
    if at < 0:
        return None
    verb = _THEM_OBJECT.search(text, max(sent[0], at - 12), at + 6)
    if verb is None or not _AFTER_OBJECT.fullmatch(text, at + 5, start):
        return None
    return at + 1


# a body inside a phrase of another subject: "two areas of the North East have been rated"
_IN_PHRASE = regex.compile(r"\b(?:of|in|at|for|from|across|within|by)[ ](?:the[ ])?$", regex.IGNORECASE)
_ACRONYM_AFTER = regex.compile(r"[ ]?\([A-Za-z*]{2,8}\)")


def _past_acronym(text: str, at: int, end: int) -> int:
    """``at``, or past an acronym in brackets there ("Blackpool Youth Justice Service (YJS)")."""
    m = _ACRONYM_AFTER.match(text, at, end)
    return m.end() if m else at


def _open_relative(text: str, start: int, end: int) -> bool:
    """True when a relative clause opened in ``text[start:end]`` runs on to ``end``
    (", which jumped from ‘good’ to"), not when it closed before (", which was rated
    ‘Good’ in 2019, has now been")."""
    whiches = list(_WHICH.finditer(text, start, end))
    return bool(whiches) and "," not in text[whiches[-1].end() : end]


def _clause_subject(
    text: str, start: int, end: int, in_clause: list[Ref], main_key: str | None, *, passive: bool = True
) -> tuple[str, ...] | list[str] | None:
    """The unit(s) or aspect that is the subject (or active object) of text[start:end]."""
    pre = text[start:end]
    subject = [r for r in in_clause if not r.possessive]
    if (
        subject
        and _PASSIVE_TAIL.fullmatch(text, _past_acronym(text, subject[-1].end, end), end)
        and not _IN_PHRASE.search(text, max(start, subject[-1].start - 12), subject[-1].start)
    ):
        # the body right before the verb group: "It was a bad week for colleges, after
        # Swindon UTC was branded ‘inadequate’" (with the bodies coordinated with it)
        chosen = [subject[-1]]
        for prev in reversed(subject[:-1]):
            if not COORDINATION.fullmatch(text, prev.end, chosen[0].start):
                break
            chosen.insert(0, prev)
        return unit_keys(chosen)
    for i, r in enumerate(subject):
        prefix = text[start : r.start]
        if _SUBJECT_PREFIX.match(prefix) or _ACTIVE_VERB.search(prefix):
            # "Bolton Youth Justice Service and the joint Kingston and Richmond Youth
            # Justice Service were both rated": every unit of the coordinated subject.
            chosen = [r]
            for nxt in subject[i + 1 :]:
                if COORDINATION.fullmatch(text[chosen[-1].end : nxt.start]):
                    chosen.append(nxt)
                else:
                    break
            return unit_keys(chosen)
    if not passive:
        return None
    tail = _PASSIVE_TAIL_END.search(pre)
    if not tail:
        return None
    subj = pre[: tail.start()].strip()
    if not _TWO_LETTERS.search(subj) or _BARE_CONJUNCTION.fullmatch(subj):
        return None
    if _names_units(subj):
        return None  # "Two Probation Delivery Units (PDUs) have been rated": units, not an aspect
    if _SERVICE_SUBJECT.search(subj):
        return (main_key,) if main_key else None  # "The probation service responsible for ..."
    if subject and subject[0].start - start < 5:
        return None
    plural = _WERE.search(pre[tail.start() :]) is not None
    parts = _AND_SPLIT.split(subj) if plural else [subj]
    return [a for a in (_clean_aspect(p) for p in parts) if a] or None


def _clean_aspect(raw: str) -> str | None:
    """An aspect's name from the subject of its clause: "Its resettlement work, supporting
    ..." -> "resettlement work"; "the PDU’s victim work" -> "victim work"."""
    if _names_units(raw):
        return None  # a plural subject of units ("Two Probation Delivery Units (PDUs)")
    # Parts without letters are the end of the clause before ("’, while ...").
    parts = [p.strip() for p in raw.split(",") if _LOWER.search(p)]
    while parts and _DISCOURSE.match(parts[0]):
        parts.pop(0)
    if not parts:
        return None
    s = parts[0].strip(" ‘’'\"“”")
    s = _LEAD_CONJUNCTION.sub("", s)
    s = _WAY_OF.sub("", s)
    s = _LEAD_DETERMINER.sub("", s)
    s = _LEAD_OWNER.sub("", s)
    if may_hold(s[-8:], _TRAILING_ADVERBS):  # (the pattern's "$" may stand before a last "\n")
        s = _TRAILING_ADVERB.sub("", s)
    s = s.strip(" ‘’'\"“”")
    # A long subject is still one aspect: "Work to help children resettle in the community
    # after leaving custody was judged ..." (a council's release).
    if not s or len(s.split()) > 12 or not _LOWER.search(s) or _NOT_ASPECT_START.match(s):
        return None
    return s


