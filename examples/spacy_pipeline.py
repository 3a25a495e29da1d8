"""The library as one component of a spaCy pipeline.

    python examples/spacy_pipeline.py DOCUMENT.txt [OUT.html]

``nlp.add_pipe("inspection_extract")`` works in any English pipeline (here a blank one
with spaCy's sentencizer; a trained ``en_core_web_sm`` works the same): the record is
``doc._.inspection`` and the evidence of each value is a span of
``doc.spans["inspection"]``, labelled by field, which displaCy's span view draws.
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy


def main() -> None:
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("inspection_extract")  # registered by the package's spacy_factories entry point
    doc = nlp(text)
    record = doc._.inspection
    print(f"{len(list(doc.sents))} sentences; overall rating: {record.overall_rating and record.overall_rating.value}")
    for span in doc.spans["inspection"]:
        print(f"{span.label_:>15}  {' '.join(span.text.split())[:70]}")
    if len(sys.argv) > 2:
        html = spacy.displacy.render(doc, style="span", options={"spans_key": "inspection"}, page=True)
        Path(sys.argv[2]).write_text(html, encoding="utf-8")
        print(f"wrote {sys.argv[2]}")


if __name__ == "__main__":
    main()
