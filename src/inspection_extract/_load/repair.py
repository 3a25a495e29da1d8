"""Repairs for text that came out of a PDF: broken words, hyphens, ligatures, bullets.

PDF text extraction leaves traces a reader never sees: a word hyphenated at a line end
("inspec-" / "tions", or pdfium's U+FFFE marker), a word split by wide letter spacing
("Requires i mprovement", "Inadeq uate"), presentation-form ligatures ("ﬁndings") and
private-use bullet glyphs (U+F0B7 from Symbol fonts). The PDF loader calls the word-level
helpers here with the page geometry in hand; `repair_extracted_text` applies the same
repairs to plain text that was pasted from a PDF, where only the document's own
vocabulary can tell a broken word from two words.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

import regex

#: U+FFFE is what pdfium emits for a hyphen it judged to be a soft (line-end) hyphen.
SOFT_HYPHEN_MARK = "\ufffe"

# Bullet glyphs from Symbol / Wingdings fonts (private use area) and their look-alikes.
_BULLETS = regex.compile(r"[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u25aa\u25cf\u25e6\u2023\u2043\u00b7](?=\s)")
# Presentation-form ligatures (U+FB00-FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): NFKC turns them into letters.
# Only these are decomposed: NFKC on the whole text would also rewrite ², ½ and ™.
_LIGATURES = regex.compile(r"[\ufb00-\ufb06]")
# A word cut by a soft-hyphen mark, both halves: they vouch for nothing.
_CUT_WORD = regex.compile(r"[^\W\d_]*\ufffe\s*[^\W\d_]*")
_WORD = regex.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: Words the inspection reports use in the places extraction most often breaks
#: (rating cells, standard names), known even when a document prints them only once.
DOMAIN_WORDS = frozenset(
    """outstanding good requires improvement inadequate partnerships partnership services
    disposal disposals resettlement leadership governance facilities information assessment
    planning implementation delivery reviewing organisational supervision probation
    inspection inspectorate recommendations""".split()
)


#: First parts of compounds that report English writes with a hyphen ("post-sentence",
#: "pre-sentence", "non-compliance", "self-harm", "multi-agency") even when the document
#: never spells the compound elsewhere. Ambiguous prefixes ("re", "co", "under") are left out.
HYPHEN_PREFIXES = frozenset(
    "post pre non self multi cross anti semi mid well ex full part short long high low".split()
)


def fix_ligatures(s: str) -> str:
    """``s`` with presentation-form ligatures spelt out (``"ﬁndings"`` -> ``"findings"``)."""
    if not _LIGATURES.search(s):
        return s
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)


def fix_bullets(s: str) -> str:
    """``s`` with private-use bullet glyphs replaced by "•" (U+2022)."""
    return _BULLETS.sub("•", s)


def words_of(text: str) -> list[str]:
    """``_WORD.findall(text)``, faster: no white space is part of a word, so the text is
    split there first, and a token of letters only is one word whole (the pattern runs on
    the other tokens only)."""
    out: list[str] = []
    for token in text.split():
        if token.isalpha():
            out.append(token)
        else:
            out.extend(_WORD.findall(token))
    return out


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-cased word counts of ``texts``, skipping words cut by a soft-hyphen mark.

    Hyphenated words count whole and by their parts, so "well-established" vouches
    for "well", "established" and "well-established".
    """
    counts: Counter[str] = Counter()
    for text in texts:
        if SOFT_HYPHEN_MARK in text:
            text = _CUT_WORD.sub(" ", text)
        words = words_of(text.lower())
        counts.update(words)
        counts.update(part for w in words if "-" in w for part in w.split("-"))
    return counts


def _known(word: str, vocab: Counter[str], *, seen_here: int = 0) -> bool:
    """Whether ``word`` is a word of the document (beyond ``seen_here`` own occurrences)."""
    if len(word) == 1:
        return word in ("a", "A", "I")
    w = word.lower()
    return w in DOMAIN_WORDS or vocab[w] > seen_here


def join_hyphenated(left: str, right: str, vocab: Counter[str]) -> bool:
    """Whether a word hyphenated at a line end (``left``-``right``) is one word without the hyphen.

    True for "inspec"/"tions"; False for a compound whose hyphen is real ("high"/"quality",
    "decision"/"making"): the document's own spelling decides first, then a compound of two
    known words keeps its hyphen, and anything else is a word broken for the line.
    """
    joined = (left + right).lower()
    hyphened = f"{left}-{right}".lower()
    if vocab[hyphened] and not vocab[joined]:
        return False
    if vocab[joined] or joined in DOMAIN_WORDS:
        return True
    if "-" in left or (_known(left, vocab) and _known(right, vocab)):
        return False  # "out-of-" + "court", "high-" + "quality": the hyphen is the compound's own
    if left.lower() in HYPHEN_PREFIXES and _known(right, vocab):
        return False  # "post-" + "sentence": these prefixes keep their hyphen in report English
    return True


def join_split(left: str, right: str, vocab: Counter[str], *, times: int = 1) -> bool:
    """Whether "``left`` ``right``" is one word split by extraction, judged by vocabulary only.

    True when the joined word is a word of the document (or a rating / standard word) and
    one of the pieces is not a word on its own: "Inadeq uate", "Requires i mprovement",
    "Partners hips". "in to" stays apart: both pieces are words.
    """
    joined = (left + right).lower()
    if not (vocab[joined] or joined in DOMAIN_WORDS):
        return False
    # ``times``: how often the split pair itself occurs; those occurrences vouch for nothing.
    return not (_known(left, vocab, seen_here=times) and _known(right, vocab, seen_here=times))


# A word broken at a line end with a hyphen (or pdfium's mark), the next line starting lower-case.
_LINE_END_HYPHEN = regex.compile(
    r"""(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)  # the word before the break, with its own hyphens
    [-\ufffe][ \t]*\n[ \t]*                     # the line-end hyphen
    ([a-z][^\W\d_]*)                            # the rest of the word, lower-case
    """,
    regex.VERBOSE,
)
_TRAILING_SPACE = regex.compile(r"[ \t]+\n")
_PLAIN_WORD = regex.compile(r"[^\W\d_]+")


def repair_extracted_text(text: str) -> str:
    """Plain text that was extracted from a PDF, with the extraction damage repaired.

    Line-end hyphenation is undone where the document's vocabulary says the hyphen was
    soft, words split by letter spacing are rejoined, ligatures spelt out, bullets made
    "•", ``\\r\\n`` made ``\\n``. Text that shows no sign of PDF extraction comes back
    with only those character-level fixes. Layout (headers, columns) needs the PDF.
    """
    s = text.replace("\r\n", "\n").replace("\r", "\n")
    s = fix_bullets(fix_ligatures(s))
    vocab = vocabulary([s.replace("-\n", SOFT_HYPHEN_MARK + "\n")])

    def dehyphen(m: regex.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        sep = "" if join_hyphenated(left, right, vocab) else "-"
        # The whole word moves to the next line, so the line break stays where it was.
        return f"\n{left}{sep}{right}"

    s = _LINE_END_HYPHEN.sub(dehyphen, s)

    s = _TRAILING_SPACE.sub("\n", s)
    return rejoin_split_words(s, vocab).replace(SOFT_HYPHEN_MARK, "")


def rejoin_split_words(s: str, vocab: Counter[str]) -> str:
    """``s`` with each "word fragment" pair that `join_split` accepts closed up."""
    words = list(_PLAIN_WORD.finditer(s))
    pairs = Counter(
        (a.group().lower(), b.group().lower()) for a, b in zip(words, words[1:], strict=False)
        if b.start() == a.end() + 1 and s[a.end()] == " "
    )
    out: list[str] = []
    last = 0
    prev: regex.Match[str] | None = None
    for m in words:
        if (
            prev is not None
            and m.start() == prev.end() + 1
            and s[prev.end()] == " "
            and join_split(
                prev.group(), m.group(), vocab, times=pairs[prev.group().lower(), m.group().lower()]
            )
        ):
            out.append(s[last : prev.end()])
            last = prev.end() + 1  # drop the space
        prev = m
    out.append(s[last:])
    return "".join(out)


__all__ = [
    "SOFT_HYPHEN_MARK",
    "DOMAIN_WORDS",
    "HYPHEN_PREFIXES",
    "fix_ligatures",
    "fix_bullets",
    "vocabulary",
    "join_hyphenated",
    "join_split",
    "rejoin_split_words",
    "repair_extracted_text",
    "looks_extracted",
]


# Signs that plain text was pasted from a PDF: pdfium's soft-hyphen mark, ligatures,
# private-use bullets, or a word broken at a line end ("accom-\nmodation"). Plain
# substring tests: a regex scan of every character costs more than the rest of loading.
_EXTRACTION_CHARS = ("\ufffe", "\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04", "\uf0b7", "\uf0a7")


def looks_extracted(text: str) -> bool:
    """Whether ``text`` shows the damage PDF text extraction leaves (see `repair_extracted_text`)."""
    if any(c in text for c in _EXTRACTION_CHARS):
        return True
    i = text.find("-\n")
    while i > 0:
        if text[i - 1].isalpha() and text[i + 2 : i + 3].isalpha():
            return True
        i = text.find("-\n", i + 2)
    return False
