"""Score the library on real published documents whose texts are present locally.

The facts of each document are tracked (``fixtures/real/NAME.gold.json``, and the shared
development set ``../shared/real-dev``); their texts are other people's words and are never
committed: they are gathered into the git-ignored ``.real/own`` and ``.real/dev`` (see the
README). This fetches nothing. It copies each gold file beside its text, checks the text
against the gold's ``text_sha256``, says how many texts are missing or differ, and runs the
scorer over the texts present, for each set and for each family (name prefix).

Usage: python tools/real.py [--families] [--scorer PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "own": (ROOT / "fixtures" / "real", ROOT / ".real" / "own"),
    "dev": (ROOT.parent / "shared" / "real-dev", ROOT / ".real" / "dev"),
}
FAMILIES = ("pdu", "yjs", "thm", "news", "cqc", "ofs", "oth")
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score"


def gather(gold_dir: Path, text_dir: Path) -> tuple[int, list[str], list[str]]:
    """Copy golds beside their texts; return (present, missing, differing)."""
    present, missing, differ = 0, [], []
    text_dir.mkdir(parents=True, exist_ok=True)
    for gold in sorted(gold_dir.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        text = text_dir / f"{name}.txt"
        if not text.exists():
            missing.append(name)
            continue
        shutil.copy(gold, text_dir / gold.name)
        want = json.loads(gold.read_text(encoding="utf-8")).get("text_sha256")
        if want and hashlib.sha256(text.read_bytes()).hexdigest() != want:
            differ.append(name)
        present += 1
    return present, missing, differ


def score(scorer: Path, text_dir: Path, only: str | None = None) -> str:
    cmd = [sys.executable, str(scorer), str(text_dir)] + (["--only", only] if only else [])
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = run.stdout.strip().splitlines()
    return lines[-1] if lines else run.stderr.strip()[-300:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--families", action="store_true", help="also score each family (name prefix)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = ap.parse_args()
    for label, (gold_dir, text_dir) in SETS.items():
        if not gold_dir.is_dir():
            print(f"{label}: no gold facts at {gold_dir}")
            continue
        present, missing, differ = gather(gold_dir, text_dir)
        total = present + len(missing)
        print(f"{label}: {present} of {total} texts present in {text_dir.relative_to(ROOT)}"
              f" ({len(missing)} missing, {len(differ)} differ from their gold's sha256)")
        if not present:
            continue
        if not args.scorer.exists():
            print(f"  no scorer at {args.scorer}: pass --scorer")
            continue
        print(f"  {score(args.scorer, text_dir)}")
        if args.families:
            for family in FAMILIES:
                if any(text_dir.glob(f"{family}-*.txt")):
                    print(f"  {family:5} {score(args.scorer, text_dir, f'{family}-*')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
