"""Make the README's picture of the review page: docs/review-page.png, from the seed press release.

Renders the seed's record with `render_html`, opens it in headless Chromium (the browser
tests' driver, tests/_chromium.py) and keeps the viewport, reduced to a small palette so
the PNG stays well under 300 KB.

Usage: python tools/review_screenshot.py [--out docs/review-page.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from _chromium import Chromium, find_chromium  # noqa: E402

from inspection_extract import extract  # noqa: E402
from inspection_extract.render import render_html  # noqa: E402

SEED = ROOT / "examples" / "seed-birmingham-nes-2022.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "review-page.png")
    args = ap.parse_args()
    binary = find_chromium()
    if binary is None:
        print("no Chromium: apt-get install chromium, or set CHROMIUM", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed.html"
        page.write_text(render_html(extract(SEED)), encoding="utf-8")
        with Chromium(binary, Path(tmp) / "profile", width=1280, height=760) as browser:
            browser.open(page)
            shot = browser.screenshot(Path(tmp) / "shot.png")
        image = Image.open(shot).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        image.save(args.out, optimize=True)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
