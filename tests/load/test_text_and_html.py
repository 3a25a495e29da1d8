"""Text preparation: normalisation of plain text and the article text of HTML pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract._load import load
from inspection_extract._load.text import decode, normalise


@pytest.mark.parametrize(
    "raw, expected",
    [
        # paragraphs kept, blank-line runs folded to one
        ("One.\n\n\n\nTwo.", "One.\n\nTwo."),
        # lines kept, their edges trimmed
        ("  1. First note\n  2. Second note  ", "1. First note\n2. Second note"),
        # Windows line ends, tabs, no-break and thin spaces
        ("a\tb\u00a0c\u2009d\r\ne", "a b c d\ne"),
        # soft hyphens and zero-width characters removed
        ("in\u00adspection\u200b done", "inspection done"),
        # NFC: a decomposed accent is composed
        ("Cafe\u0301", "Caf\u00e9"),
        # smart quotes decoded as Latin-1 (C1 controls) are repaired
        ("\x93Good\x94 work", "\u201cGood\u201d work"),
        # a form feed (page break) is a paragraph break
        ("page one\fpage two", "page one\n\npage two"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_decode_falls_back_to_windows_1252() -> None:
    assert decode("\u2018Good\u2019".encode("cp1252")) == "\u2018Good\u2019"
    assert decode("\ufeffUTF-8 with BOM".encode("utf-8")) == "UTF-8 with BOM"


PAGE = """<!doctype html><html><head><title>Site title</title><script>var x = 1;</script></head>
<body>
<div class="cookie-banner"><p>We use cookies.</p></div>
<nav><a href="/">Home</a></nav>
<header class="site-header"><p>Site name</p></header>
<main><article>
<h1>Kirklees PDU rated <q>Inadequate</q></h1>
<p>First&nbsp;paragraph,   with <b>bold</b> text.</p>
<p>He said:</p>
<blockquote><p>Words spoken.</p><p>More words.</p></blockquote>
<figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
<div class="ad-slot">Advertisement</div>
<ul><li>Item one</li><li>Item two</li></ul>
</article></main>
<footer><p>Licence: email psi@nationalarchives.gov.uk</p></footer>
</body></html>"""


def test_html_article_text() -> None:
    doc = load(PAGE)
    assert doc.source.media_type == "text/html"
    assert doc.text == (
        "Kirklees PDU rated \u201cInadequate\u201d\n\nFirst paragraph, with bold text.\n\nHe said:\n\n"
        "Words spoken.\n\nMore words.\n\nItem one\n\nItem two"
    )


def test_html_title_and_blockquotes_are_located() -> None:
    doc = load(PAGE)
    assert doc.title_span is not None
    assert doc.text[slice(*doc.title_span)].startswith("Kirklees PDU rated")
    assert [doc.text[slice(*s)] for s in doc.quote_blocks] == ["Words spoken.", "More words."]


def test_html_without_main_uses_the_body() -> None:
    doc = load("<html><body><p>Only paragraph.</p><footer>foot</footer></body></html>")
    assert doc.text == "Only paragraph."


def test_paragraphs_and_sentences_never_cross_a_blank_line() -> None:
    doc = load("Headline without a stop\n\nFirst sentence. Second sentence.\nA new line starts here.")
    texts = [doc.text[slice(*s)] for s in doc.sentences]
    assert texts == ["Headline without a stop", "First sentence.", "Second sentence.", "A new line starts here."]
    assert len(doc.paragraphs) == 2


def test_a_wrapped_line_does_not_end_a_sentence() -> None:
    doc = load("The inspectors found that the\nservice was improving.")
    assert [doc.text[slice(*s)] for s in doc.sentences] == ["The inspectors found that the\nservice was improving."]


def test_text_pasted_from_a_pdf_is_repaired() -> None:
    raw = (
        "The service was rated ‘Inadeq uate’ and children did not have suitable accom-\n"
        "modation. Suitable accommodation was rare. Our ﬁndings follow.\n"
    )
    doc = load(raw)
    assert "‘Inadequate’" in doc.text
    assert "suitable\naccommodation." in doc.text
    assert "findings" in doc.text


def test_ordinary_text_is_not_rewritten() -> None:
    raw = "A well-established team. Requires improvement overall."
    assert load(raw).text == raw


def test_spacy_component_gives_the_same_sentences() -> None:
    """The spaCy pipeline's ``inspection_sentences`` component and Document.sentences
    apply one rule: a spaCy user gets the sentences the extractors read."""
    from inspection_extract._nlp import get_nlp

    for name in ("seed-birmingham-nes-2022.txt", "pr-three-london-pdus-2024.html"):
        doc = load(Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / name)
        spacy_sents = []
        for sent in get_nlp()(doc.text).sents:
            text = sent.text.rstrip()
            if text.strip():
                spacy_sents.append((sent.start_char, sent.start_char + len(text)))
        assert tuple(spacy_sents) == doc.sentences


def test_paywall_box_is_furniture() -> None:
    doc = load(
        "<html><body><article><p>Inspectors rated the service good.</p>"
        '<div class="paywall"><p>Subscribe: more than 5,000 articles.</p></div></article></body></html>'
    )
    assert doc.text == "Inspectors rated the service good."


def test_a_run_with_no_sentence_end_is_cut_between_words() -> None:
    """Work per sentence is bounded: a stretch with no sentence end (unclosed quotes,
    token soup) becomes pieces of at most MAX_SENTENCE characters, never cutting a word."""
    from inspection_extract._nlp import MAX_SENTENCE

    text = "“The PDU was rated ‘Good’ and its staff " * 200 + "\n\nA short one. And another."
    doc = load(text)
    pieces = [doc.text[slice(*s)] for s in doc.sentences]
    assert max(len(p) for p in pieces) <= MAX_SENTENCE
    words = {"“The", "PDU", "was", "rated", "‘Good’", "and", "its", "staff", "A", "And"}
    assert all(p.split()[0] in words for p in pieces)
    assert pieces[-2:] == ["A short one.", "And another."]
    assert " ".join(pieces).split() == text.split()
