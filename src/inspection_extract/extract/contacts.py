"""Press contacts.

An e-mail address is a press contact when the sentence that gives it speaks to the press
("For media enquiries, please contact ...", "the CQC press office by email at ...",
"Contact ... for interviews and further information"). Addresses in licence and copyright
notices (the Open Government Licence's psi@nationalarchives.gov.uk on every inspectorate
page and report), a newspaper's newsdesk or editor line, or a blogger's own inbox are not.
"""

from __future__ import annotations

import regex

from inspection_extract._document import Document
from inspection_extract.record import Contact

#: An e-mail address; a sentence's full stop after it is not part of it.
EMAIL_RE = regex.compile(
    r"""
    (?<![\w.+-])
    [A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?     # local part, no dot at either end
    @
    (?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+     # domain labels
    [A-Za-z]{2,}                                        # top-level domain
    (?![\w@-])
    """,
    regex.VERBOSE,
)
#: Words that address journalists: notes to editors and press pages use one of these.
PRESS_CUE_RE = regex.compile(
    r"\b(?:media|press|journalists?|enquiries|interviews?|further\s+information|more\s+information)\b",
    regex.IGNORECASE,
)
#: A heading line over the address ("Media enquiries", "Press office") speaks to the press
#: only through these words: "Further information" above an address is for the public.
PRESS_HEADING_RE = regex.compile(r"\b(?:media|press|journalists?)\b", regex.IGNORECASE)
#: The longest line read as a heading, and the ends of a line that make it a sentence instead.
HEADING_MAX = 60
_SENTENCE_END = ".!?;,"
#: A "Contact:" label straight before the address: notes to editors' "4. Contact: media@...".
CONTACT_LABEL_RE = regex.compile(r"\bcontacts?[^\S\n]*:[^\S\n]*$", regex.IGNORECASE)
#: Words of licence boilerplate and newspaper furniture: never a press contact, even where
#: "further information" or a paper called "... Press" stands beside them.
NOT_PRESS_RE = regex.compile(
    r"""
    \b(?:licen[cs]ed?|copyright|crown\s+copyright|national\s+archives|information\s+policy
    | newsdesk|news\s+desk|editor(?:ial)?|letters|advertis\w*|subscri\w*|unsubscribe
    | privacy|data\s+protection|complaints?|inbox)\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
#: Local parts and domains that are always boilerplate, whatever the sentence says.
NOT_PRESS_ADDRESS_RE = regex.compile(
    r"^(?:psi|newsdesk|news|editor|letters|advertising|subscriptions|webmaster|noreply|no-reply)@"
    r"|@nationalarchives\.",
    regex.IGNORECASE,
)
#: How far an address may reach either side of its "@".
EMAIL_REACH = 100
_LETTERS = regex.compile(r"\p{L}{2,}")


def _context(doc: Document, start: int, end: int) -> str:
    """The sentence around an address, less the address itself; when the address stands
    alone on its line ("Media contact:" above it), the line before as well."""
    text = doc.text
    sentence = doc.sentence_at(start) or (start, end)
    left, right = sentence[0], max(sentence[1], end)
    around = text[left:start] + " " + text[end:right]
    if not _LETTERS.search(around) and left > 0:
        prev = text.rfind("\n", 0, max(0, left - 1))
        around = text[prev + 1 : left] + around
    return around


def _heading_above(text: str, start: int) -> str:
    """The heading line over the line (or paragraph) where ``start`` is, or "".

    Web pages put the address under a heading of its own: "Media enquiries" then
    "Email media@... For urgent enquiries ...". A heading is a short line that does not
    end like a sentence, directly above or across one blank line.
    """
    line_start = text.rfind("\n", 0, start) + 1
    end = line_start - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    if end <= 0 or line_start - end > 2:
        return ""
    above = text[text.rfind("\n", 0, end) + 1 : end].strip()
    if not above or len(above) > HEADING_MAX or above[-1] in _SENTENCE_END:
        return ""
    return above


def contacts(doc: Document) -> list[Contact]:
    """Press contact e-mail addresses, each once, in document order; never licence or
    copyright boilerplate, newspaper furniture or a writer's own inbox."""
    text = doc.text
    out: list[Contact] = []
    seen: set[str] = set()
    at = text.find("@")
    while at >= 0:
        # Scanning for "@" first is ten times faster than running EMAIL_RE over the text.
        m = EMAIL_RE.search(text, max(0, at - EMAIL_REACH), at + EMAIL_REACH)
        at = text.find("@", at + 1)
        if m is None or (out and m.start() < out[-1].span[1]):
            continue
        email = m.group()
        key = email.lower()
        if key in seen or NOT_PRESS_ADDRESS_RE.search(email):
            continue
        around = _context(doc, m.start(), m.end())
        labelled = CONTACT_LABEL_RE.search(text, max(0, m.start() - 20), m.start()) is not None
        cued = labelled or PRESS_CUE_RE.search(around) is not None
        if not cued and (heading := _heading_above(text, m.start())):
            cued = PRESS_HEADING_RE.search(heading) is not None and not NOT_PRESS_RE.search(heading)
        if cued and not NOT_PRESS_RE.search(around):
            seen.add(key)
            out.append(Contact(email, (m.start(), m.end())))
    return out
