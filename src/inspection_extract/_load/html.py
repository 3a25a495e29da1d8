"""HTML pages: the visible article text, with the structure the markup gives.

Only the main content is kept: the first ``<main>``, ``<article>`` or ``role=main``
element, else ``<body>``, minus scripts, navigation, cookie and consent banners,
licence strips, share bars, advertisements and "read more" links. Each block
element (paragraph, heading, list item) becomes one paragraph of the text.
``<q>`` is rendered with curly quote marks, as a browser shows it, and the spans of
``<blockquote>`` paragraphs are kept so quote extraction can treat them as speech.
"""

from __future__ import annotations

import regex
from lxml import etree
from lxml import html as lxml_html

from inspection_extract._load.text import clean_inline
from inspection_extract.errors import InputError
from inspection_extract.record import Span

# Elements whose content is never the article's text.
_DROP_TAGS = frozenset(
    """script style noscript template nav footer aside form button iframe svg figure
    select input textarea object embed canvas dialog menu""".split()
)
# class / id / role words that mark page furniture rather than the article.
_FURNITURE = regex.compile(
    r"""(?ix)
    cookie | consent | gdpr | licen[cs]e | banner | masthead | breadcrumb
    | share | social | newsletter | subscribe | promo | advert | \bad[-_] | paywall | piano
    | login | sign-?in | register-?wall
    | ad-slot | read-?more | related | skip | sidebar | byline-share | comments?\b
    """
)
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "dialog", "search", "complementary"})
_BLOCK_TAGS = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th thead tbody
    section article main header figcaption address hr""".split()
)
_OPEN_Q, _CLOSE_Q = "\u201c", "\u201d"


class HtmlText:
    """The article text of a page, with the spans of its title and block quotes."""

    def __init__(self, text: str, title_span: Span | None, quote_blocks: tuple[Span, ...]):
        self.text = text
        self.title_span = title_span
        self.quote_blocks = quote_blocks


def _is_furniture(el: etree._Element) -> bool:
    if el.tag in _DROP_TAGS:
        return True
    role = (el.get("role") or "").lower()
    if role in _FURNITURE_ROLES:
        return True
    marks = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if marks and _FURNITURE.search(marks):
        return True
    # A site header outside the article; an article's own <header> holds its headline.
    return el.tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors())


def _main_element(root: etree._Element) -> etree._Element:
    for path in ("//main", "//*[@role='main']", "//article", "//body"):
        found = root.xpath(path)
        if found:
            return found[0]
    return root


class _Builder:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.offset = 0
        self.buffer: list[str] = []
        self.quote_depth = 0
        self.quote_blocks: list[Span] = []
        self.title_span: Span | None = None
        self.in_h1 = False

    def flush(self) -> None:
        para = clean_inline("".join(self.buffer))
        self.buffer.clear()
        if not para:
            return
        if self.paragraphs:
            self.offset += 2  # the blank line before this paragraph
        span = (self.offset, self.offset + len(para))
        self.paragraphs.append(para)
        self.offset = span[1]
        if self.quote_depth:
            self.quote_blocks.append(span)
        if self.in_h1 and self.title_span is None:
            self.title_span = span

    def walk(self, el: etree._Element) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                self.buffer.append(el.tail)
            return
        if _is_furniture(el):
            if el.tail:
                self.buffer.append(el.tail)
            return
        tag = el.tag.lower()
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        if tag == "blockquote":
            self.quote_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag == "br":
            self.buffer.append(" ")
        if tag == "q":
            self.buffer.append(_OPEN_Q)
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
        if tag == "q":
            self.buffer.append(_CLOSE_Q)
        if block:
            self.flush()
        if tag == "blockquote":
            self.quote_depth -= 1
        if tag == "h1":
            self.in_h1 = False
        if tag in ("td", "th"):
            self.buffer.append(" ")
        if el.tail:
            self.buffer.append(el.tail)


# A DOCTYPE with an internal subset declares entities (an entity-expansion "bomb"); lxml
# neither expands nor fetches them, but would show the subset's tail ("]>") as text.
_DOCTYPE_SUBSET = regex.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", regex.IGNORECASE | regex.DOTALL)
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# libxml2 drops everything nested deeper than 256 elements; a browser shows it.
_MAX_DEPTH = 200


def _parse(markup: str) -> tuple[etree._Element, bool]:
    """The page's tree, and whether the parser gave up on its depth."""
    parser = lxml_html.HTMLParser(no_network=True)  # never fetch a DTD or an entity
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the input as HTML: {exc}") from None
    return root, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _flatten(markup: str, max_depth: int = _MAX_DEPTH) -> str:
    """``markup`` with the tags nested deeper than ``max_depth`` taken out (their text kept).

    A page nested 10,000 elements deep is read as browsers read it: its words, not its depth.
    """
    out: list[str] = []
    depth, last = 0, 0
    for m in _TAG.finditer(markup):
        closing, tag, self_closing = m.groups()
        if self_closing or tag.lower() in _VOID_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
            drop = depth >= max_depth
        else:
            drop = depth >= max_depth
            depth += 1
        if drop:
            out.append(markup[last : m.start()])
            out.append(" ")
            last = m.end()
    out.append(markup[last:])
    return "".join(out)


def html_to_text(markup: str) -> HtmlText:
    """Parse a page and return its article text (see the module docstring)."""
    if not markup.strip():
        raise InputError("the HTML input is empty")
    if "<!" in markup:
        markup = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", markup, count=1)
    root, too_deep = _parse(markup)
    if too_deep:
        root, _ = _parse(_flatten(markup))
    builder = _Builder()
    builder.walk(_main_element(root))
    builder.flush()
    return HtmlText("\n\n".join(builder.paragraphs), builder.title_span, tuple(builder.quote_blocks))
