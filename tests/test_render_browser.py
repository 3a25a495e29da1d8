"""The review page in a real browser: headless Chromium, driven through the DevTools protocol.

Checks through the DOM that every value's marks hold exactly its evidence, that clicking a
value in the panel scrolls its evidence into view and flashes it, that hovering evidence
names its field, and that a hostile document's markup stays text. A screenshot of each page
is saved under the test's temporary folder (its path is printed with ``pytest -s``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _chromium import Chromium, find_chromium
from conftest import FIXTURES
from test_render import HOSTILE, spans_of

from inspection_extract import extract
from inspection_extract.record import Record
from inspection_extract.render import FIELD_KINDS, render_documents, render_html

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium here: .ci/run installs Debian's chromium package with apt-get, which this machine "
    "could not do; install it (apt-get install chromium) or set CHROMIUM to a Chromium binary",
)

DOCUMENTS = {
    "seed": FIXTURES / "corpus" / "seed-birmingham-nes-2022.txt",
    "multi-unit": FIXTURES / "corpus" / "pr-three-london-pdus-2024.html",
    "pdf-report": FIXTURES / "corpus" / "report-pdu-calderbrook-2023.pdf",
}

# Each value's span (from its first mark), the text of all its marks in document order, and its kind.
EVIDENCE_JS = """(() => {
  const out = {};
  for (const m of document.querySelectorAll("mark[data-ev]")) {
    const key = m.dataset.ev;
    const e = out[key] || (out[key] = {text: "", kind: m.classList[1].slice(2), span: null, marks: 0,
                                       painted: true});
    e.text += m.textContent;
    e.marks += 1;
    // drawn, in its field's colour (not the page's transparent default)
    e.painted = e.painted && m.getClientRects().length > 0
                && getComputedStyle(m).backgroundColor !== "rgba(0, 0, 0, 0)";
    if (m.id === key) e.span = m.dataset.span.split(" ").map(Number);
  }
  return out;
})()"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    assert CHROMIUM is not None
    with Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium") / "profile") as chromium:
        yield chromium


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _open(browser: Chromium, record: Record, folder: Path, name: str) -> Path:
    page = folder / f"{name}.html"
    page.write_text(render_html(record), encoding="utf-8")
    browser.open(page)
    return page


@cache
def _record(name: str) -> Record:
    if name == "hostile":
        return extract(HOSTILE.encode(), media_type="text/plain")
    return extract(DOCUMENTS[name])


@pytest.mark.parametrize("name", [*DOCUMENTS, "hostile"])
def test_every_highlight_holds_its_values_evidence(
    browser: Chromium, screenshots: Path, name: str,
) -> None:
    record = _record(name)
    _open(browser, record, screenshots, name)
    assert browser.js("document.querySelector('.text').textContent") == record.text
    found: dict[str, Any] = browser.js(EVIDENCE_JS)
    assert sorted(tuple(e["span"]) for e in found.values()) == sorted(spans_of(record.to_dict()))
    for key, e in found.items():
        start, end = e["span"]
        assert e["text"] == record.text[start:end], (key, e)
        assert e["painted"], (key, e)
    # every kind of value the record holds is on the page (the seed has most of them)
    assert {e["kind"] for e in found.values()} <= set(FIELD_KINDS)
    shot = browser.screenshot(screenshots / f"{name}.png")
    assert shot.stat().st_size > 10_000  # a page was drawn, not a blank viewport
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_clicking_a_value_scrolls_to_its_evidence_and_flashes_it(
    browser: Chromium, screenshots: Path, name: str,
) -> None:
    _open(browser, _record(name), screenshots, name)
    targets: list[str] = browser.js("[...document.querySelectorAll('a.val')].map(a => a.dataset.target)")
    assert targets
    for target in targets:
        # bring the link into view in its own pane, then click the middle of its first line box
        box = browser.js(f"""(() => {{
            const a = document.querySelector('a.val[data-target="{target}"]');
            a.scrollIntoView({{block: "center"}});
            const r = a.getClientRects()[0];
            return [r.left + r.width / 2, r.top + r.height / 2];
        }})()""")
        browser.click(*box)
        seen = browser.js(f"""(() => {{
            const m = document.getElementById("{target}");
            const r = m.getBoundingClientRect(), pane = m.closest(".text").getBoundingClientRect();
            const marks = document.querySelectorAll('mark[data-ev="{target}"]');
            return {{
                hash: location.hash,
                target: document.querySelector(":target") === m,
                visible: r.bottom > pane.top && r.top < pane.bottom && r.top < innerHeight && r.bottom > 0,
                flashing: [...marks].every(x => x.classList.contains("flash")
                                             && getComputedStyle(x).animationName === "flash"),
            }};
        }})()""")
        assert seen == {"hash": f"#{target}", "target": True, "visible": True, "flashing": True}, target
    browser.screenshot(screenshots / f"{name}-after-clicks.png")


def test_hovering_evidence_names_its_field(browser: Chromium, screenshots: Path) -> None:
    record = _record("seed")
    _open(browser, record, screenshots, "seed")
    assert record.overall_rating is not None
    start, end = record.overall_rating.span
    key = browser.js(f"document.querySelector('mark[data-span=\"{start} {end}\"]').id")
    x, y = browser.js(f"""(() => {{ const r = document.getElementById("{key}").getBoundingClientRect();
                          return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    hovered = browser.js("(() => { const h = [...document.querySelectorAll('mark:hover')].pop();"
                         " return h && [h.id, h.title, getComputedStyle(h).outlineStyle]; })()")
    assert hovered == [key, "overall rating: Inadequate", "solid"]


def test_a_hostile_document_runs_nothing_and_shows_its_markup_as_text(browser: Chromium, screenshots: Path) -> None:
    record = _record("hostile")
    _open(browser, record, screenshots, "hostile")
    state = browser.js("""({pwned: window.__pwned === undefined ? null : window.__pwned,
                          images: document.images.length,
                          scripts: document.scripts.length,
                          handlers: [...document.querySelectorAll("*")].flatMap(
                              el => [...el.attributes].map(a => a.name)).filter(n => n.startsWith("on")),
                          text: document.querySelector(".text").textContent})""")
    assert state == {"pwned": None, "images": 0, "scripts": 1, "handlers": [], "text": record.text}
    assert "<script>window.__pwned = 1</script>" in state["text"]
    assert '"><img src=x onerror="window.__pwned=2">' in state["text"]
    panel = browser.js("document.querySelector('.record').textContent")
    assert "onerror" in panel  # the quote's words, shown as text in the panel too
    browser.screenshot(screenshots / "hostile.png")
    print(json.dumps({"hostile page": str(screenshots / "hostile.html")}))


def test_a_page_of_several_documents_reaches_each_ones_evidence(browser: Chromium, screenshots: Path) -> None:
    page = screenshots / "several.html"
    page.write_text(render_documents([_record("seed"), _record("multi-unit")], title="two documents"),
                    encoding="utf-8")
    browser.open(page)
    assert browser.js("[...document.querySelectorAll('nav li')].length") == 2
    for target in ("d0-e2", "d1-e2"):  # the first unit of each document
        box = browser.js(f"""(() => {{ const a = document.querySelector('a.val[data-target="{target}"]');
            a.scrollIntoView({{block: "center"}}); const r = a.getClientRects()[0];
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        browser.click(*box)
        seen = browser.js(f"""(() => {{ const m = document.getElementById("{target}"), r = m.getBoundingClientRect();
            return [location.hash, m.classList.contains("k-unit"), r.top >= 0 && r.bottom <= innerHeight]; }})()""")
        assert seen == [f"#{target}", True, True]
    browser.screenshot(screenshots / "several.png")
