"""The spaCy pipeline: a blank English tokenizer plus rule components only.

Built once per process on first use (importing the library does not import spaCy), so
that ``import inspection_extract`` stays fast and nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """``spacy.blank("en")`` with line-aware sentence boundaries and the sentencizer."""
    import spacy
    from spacy.language import Language

    if "inspection_line_breaks" not in Language.factories:

        @Language.component("inspection_line_breaks", assigns=["token.is_sent_start"])
        def line_breaks(doc: Doc) -> Doc:
            """A blank line always ends a sentence; so does a line break unless the next
            line starts in lower case (a wrapped line, as in text taken from a PDF)."""
            for tok in doc[:-1]:
                if "\n" not in tok.text_with_ws:
                    continue
                nxt = doc[tok.i + 1]
                if "\n\n" in tok.text_with_ws or "\n\n" in tok.text or not nxt.text[:1].islower():
                    nxt.is_sent_start = True
                elif not tok.is_space:
                    nxt.is_sent_start = False
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("inspection_line_breaks")
    nlp.add_pipe("sentencizer")
    return nlp
