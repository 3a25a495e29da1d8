"""The review page: a record shown over its document, every value highlighted where it was read.

`render_html` gives one self-contained HTML page (no external assets, nothing fetched) with the
document's text on the left, every extracted value marked in its field's colour, and the
record on the right: units and ratings, aspect ratings, quotes and speakers, counts and
percentages, recommendations, dates, contacts and warnings. Clicking a value scrolls to its
evidence and flashes it; hovering evidence names its field. Values read from a PDF show
their page. `render_documents` puts several records (or their errors) on one page with a
list of the documents at the top.

A document is untrusted input: every piece of its text, in the text pane, in a value or in
an attribute, is escaped, and the page's Content-Security-Policy allows only its own style
and script (by hash), so even a missed escape could not run anything.

The evidence of a value is one ``<mark class="ev" data-ev=ID>`` element, or several when
its span crosses another's (a count that starts inside a quote and ends after it): the
text of the marks sharing ``data-ev`` is exactly ``record.text[start:end]``. The first of
them has ``id=ID`` (the panel's links point there) and ``data-span="START END"``.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inspection_extract._api import BatchResult
from inspection_extract.record import Field, Record, Span

__all__ = ["FIELD_KINDS", "Evidence", "evidence", "render_html", "render_documents"]

#: Each kind of value: (label shown on hover and in the legend, colour of its highlight).
FIELD_KINDS: dict[str, tuple[str, str]] = {
    "title": ("title", "#e3e3e3"),
    "inspectorate": ("inspectorate", "#d0d7f0"),
    "unit": ("unit", "#9fd0ff"),
    "overall_rating": ("overall rating", "#ff9f9f"),
    "region": ("region", "#b9e6d3"),
    "aspect": ("aspect rating", "#e1c4ff"),
    "quote": ("quote", "#e4f5d4"),
    "speaker": ("speaker", "#a6e07a"),
    "count": ("count", "#ffe27a"),
    "percentage": ("percentage", "#ffc46b"),
    "recommendations": ("recommendations", "#7fdede"),
    "recommendation_split": ("recommendation split", "#a8ecec"),
    "recommendation": ("recommendation", "#cff5f5"),
    "published": ("published", "#ffc2e2"),
    "embargo": ("embargo", "#ffc2e2"),
    "fieldwork": ("fieldwork", "#ffc2e2"),
    "contact": ("contact", "#b5ecff"),
}

# Long values (quotes, recommendation items) are cut to this many characters in the panel.
_SHORT = 90


@dataclass(frozen=True)
class Evidence:
    """One value of a record with the span of text it was read from.

    ``key`` is its id on the page (unique within one record), ``kind`` one of `FIELD_KINDS`,
    ``label`` the value as the panel shows it.
    """

    key: str
    kind: str
    label: str
    span: Span
    page: int | None = None


def _one_line(s: str, limit: int | None = None) -> str:
    s = " ".join(s.split())
    return s if limit is None or len(s) <= limit else s[: limit - 1] + "…"


def evidence(record: Record) -> list[Evidence]:
    """Every value of ``record`` that carries a span, in the order the panel lists them."""
    found: list[Evidence] = []

    def add(kind: str, label: str, span: Span | None, page: int | None = None) -> None:
        if span is not None:
            found.append(Evidence(f"e{len(found)}", kind, label, (span[0], span[1]), page))

    def add_field(kind: str, f: Field | None) -> None:
        if f is not None:
            add(kind, _one_line(f.value), f.span, f.page)

    add_field("title", record.title)
    add_field("inspectorate", record.inspectorate)
    for u in record.units:
        add("unit", f"{u.name} ({u.type})", u.span, u.page)
    add_field("overall_rating", record.overall_rating)
    add_field("region", record.region)
    for a in record.aspect_ratings:
        add("aspect", f"{a.id + ' ' if a.id else ''}{a.aspect}: {a.rating}", a.span, a.page)
    for q in record.quotes:
        add("speaker", ", ".join(filter(None, (q.speaker, q.role))) or "unattributed", q.speaker_span, q.page)
        add("quote", _one_line(q.text, _SHORT), q.span, q.page)
    for c in record.counts:
        add("count", _one_line(c.text), c.span, c.page)
    for p in record.percentages:
        add("percentage", _one_line(p.text), p.span, p.page)
    recs = record.recommendations
    if recs is not None:
        add("recommendations", f"{recs.total} recommendations" if recs.total is not None else "recommendations",
            recs.span, recs.page)
        for s in recs.split:
            add("recommendation_split", f"{s.count} for {s.recipient}", s.span, s.page)
        for i in recs.items:
            add("recommendation", _one_line(i.text, _SHORT), i.span, i.page)
    add_field("published", record.dates.published)
    add_field("embargo", record.dates.embargo)
    fw = record.dates.fieldwork
    if fw is not None:
        when = fw.start if fw.start == fw.end else f"{fw.start} to {fw.end}"
        add("fieldwork", when + (" (year inferred)" if fw.year_inferred else ""), fw.span, fw.page)
    for contact in record.contacts:
        add("contact", contact.email, contact.span, contact.page)
    return found


# --- the text pane --------------------------------------------------------------------------

# NUL cannot stand in an HTML text node (the parser drops it): shown as U+FFFD, one character for one.
_UNSAFE = str.maketrans({"\x00": "\ufffd"})


def _esc(s: str) -> str:
    return html.escape(s.translate(_UNSAFE), quote=True)


def _hover(ev: Evidence) -> str:
    label = FIELD_KINDS[ev.kind][0]
    return f"{label}: {ev.label}" + (f" (page {ev.page})" if ev.page else "")


def _marked_text(text: str, items: Sequence[Evidence], prefix: str) -> str:
    """``text`` escaped, with a ``<mark>`` around each item's span, split where spans cross.

    Marks nest where spans nest. Where a span ends while spans opened inside it are still
    open, those are closed with it and reopened after (as further marks with the same
    ``data-ev``), so the page is well formed and each value's marks together hold its text.
    """
    valid = [e for e in items if 0 <= e.span[0] < e.span[1] <= len(text)]
    starts: dict[int, list[Evidence]] = {}
    for e in valid:
        starts.setdefault(e.span[0], []).append(e)
    cuts = sorted({0, len(text)} | {e.span[0] for e in valid} | {e.span[1] for e in valid})
    out: list[str] = []
    stack: list[Evidence] = []
    first: set[str] = set()

    # values read from the very same words (a total that is also a count) are named together on hover
    same: dict[Span, list[str]] = {}
    for e in valid:
        same.setdefault(e.span, []).append(_hover(e))

    def open_mark(e: Evidence) -> None:
        anchor = "" if e.key in first else f' id="{prefix}{e.key}" data-span="{e.span[0]} {e.span[1]}"'
        first.add(e.key)
        title = _esc("\n".join(same[e.span])).replace("\n", "&#10;")
        out.append(f'<mark class="ev k-{e.kind}" data-ev="{prefix}{e.key}"{anchor} title="{title}">')
        stack.append(e)

    for at, nxt in zip(cuts, cuts[1:] + [len(text)], strict=True):
        ending = [i for i, e in enumerate(stack) if e.span[1] == at]
        reopen: list[Evidence] = []
        if ending:
            # close everything from the outermost span ending here; reopen what goes on
            cut = ending[0]
            out.append("</mark>" * (len(stack) - cut))
            reopen = [e for e in stack[cut:] if e.span[1] != at]
            del stack[cut:]
        # the longest outermost, so that fewer spans are split later
        for e in sorted(reopen + starts.get(at, []), key=lambda e: -e.span[1]):
            open_mark(e)
        out.append(_esc(text[at:nxt]))
    out.append("</mark>" * len(stack))
    return "".join(out)


# --- the record panel -----------------------------------------------------------------------

def _link(ev: Evidence, prefix: str) -> str:
    page = f' <span class="page">p.&nbsp;{ev.page}</span>' if ev.page else ""
    return (f'<a class="val k-{ev.kind}" href="#{prefix}{ev.key}" data-target="{prefix}{ev.key}">'
            f"{_esc(ev.label)}</a>{page}")


def _panel(record: Record, items: Sequence[Evidence], prefix: str) -> str:
    by_kind: dict[str, list[Evidence]] = {}
    for e in items:
        by_kind.setdefault(e.kind, []).append(e)

    def links(kind: str) -> list[str]:
        return [_link(e, prefix) for e in by_kind.get(kind, [])]

    def section(title: str, rows: Iterable[str], empty: str = "none") -> str:
        body = "".join(f"<li>{r}</li>" for r in rows)
        return f"<h3>{_esc(title)}</h3>" + (f"<ul>{body}</ul>" if body else f'<p class="none">{empty}</p>')

    src = record.source
    facts = [f"{_esc(src.media_type)}", _esc(record.document_type)]
    if src.pages:
        facts.append(f"{src.pages} page{'s' if src.pages != 1 else ''}")
    parts = [f'<p class="facts">{" · ".join(facts)}</p>', "<dl>"]
    for kind, label in (("title", "Title"), ("inspectorate", "Inspectorate"),
                        ("overall_rating", "Overall rating"), ("region", "Region")):
        parts.append(f"<dt>{label}</dt><dd>{''.join(links(kind)) or '<span class=none>none</span>'}</dd>")
    parts.append("</dl>")

    unit_rows = []
    for u, ev in zip(record.units, by_kind.get("unit", []), strict=True):
        extra = [u.rating or "not rated"]
        if u.previous_rating:
            extra.append(f"previously {u.previous_rating}")
        if u.score:
            extra.append(f"score {u.score.points}/{u.score.out_of}")
        unit_rows.append(f"{_link(ev, prefix)} — {_esc(', '.join(extra))}")
    parts.append(section("Units", unit_rows))
    parts.append(section("Aspect ratings", links("aspect")))

    quote_rows = []
    speakers = iter(by_kind.get("speaker", []))
    for q, ev in zip(record.quotes, by_kind.get("quote", []), strict=True):
        who = _link(next(speakers), prefix) if q.speaker_span else _esc(
            ", ".join(filter(None, (q.speaker, q.role))) or "unattributed")
        paras = f" <span class=page>{q.paragraphs} paragraphs</span>" if q.paragraphs > 1 else ""
        quote_rows.append(f"{who}: “{_link(ev, prefix)}”{paras}")
    parts.append(section("Quotes", quote_rows))
    parts.append(section("Counts", links("count")))
    parts.append(section("Percentages", links("percentage")))
    recs = links("recommendations") + [f"split: {x}" for x in links("recommendation_split")] + links("recommendation")
    total = record.recommendations.total if record.recommendations is not None else None
    if total is not None and record.recommendations is not None and record.recommendations.span is None:
        recs.insert(0, f"{total} recommendations")
    parts.append(section("Recommendations", recs))
    dates = [f"{k}: {x}" for k in ("published", "embargo", "fieldwork") for x in links(k)]
    parts.append(section("Dates", dates))
    parts.append(section("Contacts", links("contact")))
    parts.append(section("Warnings", (_esc(w) for w in record.warnings)))
    return "".join(parts)


def _legend() -> str:
    return "".join(f'<span class="ev k-{k}">{_esc(label)}</span> ' for k, (label, _) in FIELD_KINDS.items())


def _document(record: Record, prefix: str, name: str | None = None, section_id: str | None = None) -> str:
    """One document's text and panel; ``name`` heads it on a page of several."""
    items = evidence(record)
    anchor = f' id="{section_id}"' if section_id else ""
    heading = f"<header><h2>{_esc(name)}</h2></header>" if name else ""
    return (
        f'<section class="doc"{anchor}>{heading}'
        f'<div class="cols"><div class="text" lang="en">{_marked_text(record.text, items, prefix)}</div>'
        f'<aside class="record">{_panel(record, items, prefix)}</aside></div></section>'
    )


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;color:#1b1b1b}
body>header{padding:6px 12px;border-bottom:1px solid #ccc;background:#fafafa}
body>header h1{font-size:16px;margin:0 0 4px}
nav ol{margin:4px 0;padding-left:22px}
.legend .ev{display:inline-block;margin:1px 2px;padding:0 4px;font-size:12px}
section.doc{border-bottom:3px solid #888}
section.doc>header h2{font-size:15px;margin:0;padding:4px 12px;background:#eef}
.cols{display:flex;height:100vh}
.text{flex:3;overflow:auto;padding:12px 16px;white-space:pre-wrap;overflow-wrap:anywhere;
 font:14px/1.55 Georgia,"Liberation Serif",serif;border-right:1px solid #ccc}
.record{flex:2;overflow:auto;padding:8px 14px;font-size:13px}
.record h3{font-size:13px;margin:12px 0 2px;text-transform:uppercase;letter-spacing:.04em;color:#555}
.record ul{margin:0;padding-left:18px}
.record dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}
.record dt{font-weight:600;color:#555}.record dd{margin:0}
.none{color:#888;margin:0}.facts{color:#555;margin:0}.page{color:#777;font-size:11px}
a.val{color:inherit;text-decoration:none;border-bottom:2px solid;padding:0 2px}
a.val:hover{filter:brightness(.9)}
mark.ev{color:inherit;border-radius:2px;padding:0;scroll-margin:4em 0}
mark.ev:hover{outline:1px solid #333}
mark.ev:target,mark.ev.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%,40%{background:#ff2d2d;color:#fff;outline:3px solid #ff2d2d}100%{}}
.error{color:#a00;padding:8px 12px}
""" + "".join(
    f".k-{k}{{background:{colour}}}a.val.k-{k}{{border-color:{colour}}}\n" for k, (_, colour) in FIELD_KINDS.items()
)

# Clicking a value flashes every mark of its evidence (a span split around another has several),
# again on each click: ':target' alone flashes the first mark, once.
_JS = """
document.addEventListener("click", function (ev) {
  var a = ev.target.closest && ev.target.closest("a.val");
  if (!a) return;
  var marks = document.querySelectorAll('mark[data-ev="' + a.dataset.target + '"]');
  marks.forEach(function (m) { m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
});
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


_CSP = f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; img-src data:"


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head>"
        f"<body>{body}<script>{_JS}</script></body></html>\n"
    )


def render_html(record: Record, *, title: str | None = None) -> str:
    """One self-contained HTML review page for ``record``.

    >>> from inspection_extract import extract
    >>> page = render_html(extract("Kirklees PDU has been rated ‘Inadequate’."))
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    name = title or record.source.name or "inspection-extract"
    header = f'<header><h1>{_esc(name)}</h1><div class="legend">{_legend()}</div></header>'
    return _page(name, header + _document(record, "d0-"))


def render_documents(results: Iterable[BatchResult | Record], *, title: str = "inspection-extract") -> str:
    """One HTML page for several documents, with a list of them at the top.

    Each item is a `Record` or a `BatchResult`; a result that failed is listed with its error,
    so no input is left off the page.
    """
    entries: list[str] = []
    sections: list[str] = []
    for i, item in enumerate(results):
        record = item if isinstance(item, Record) else item.record
        doc_id = f"doc{i}"
        if record is None:
            assert isinstance(item, BatchResult) and item.error is not None
            name = item.source or f"input {i + 1}"
            error = f"{type(item.error).__name__}: {item.error}"
            entries.append(f'<li><a href="#{doc_id}">{_esc(name)}</a> <span class="error">{_esc(error)}</span></li>')
            sections.append(f'<section class="doc" id="{doc_id}"><header><h2>{_esc(name)}</h2></header>'
                            f'<p class="error">{_esc(error)}</p></section>')
            continue
        name = record.source.name or (item.source if isinstance(item, BatchResult) else None) or f"input {i + 1}"
        rating = f" — {_esc(record.overall_rating.value)}" if record.overall_rating else ""
        entries.append(f'<li><a href="#{doc_id}">{_esc(name)}</a>{rating}</li>')
        sections.append(_document(record, f"d{i}-", name, doc_id))
    header = (f'<header><h1>{_esc(title)}</h1><nav><ol>{"".join(entries)}</ol></nav>'
              f'<div class="legend">{_legend()}</div></header>')
    return _page(title, header + "".join(sections))
