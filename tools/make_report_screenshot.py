"""Take the screenshot of the example report shown in the docs, with headless Chromium.

    python tools/make_report_screenshot.py

renders the shipped example's report (``render_report_example()``, Norwegian, as of its
fixed date) to a temporary file and writes ``docs/reference/report.png`` with Debian's
``chromium`` (``apt-get install chromium``): the top 1200 x 2000 pixels of the page, as
the tests open it. Nothing is fetched from the network: the report has no external asset.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from laeringsnettverk.report import render_report_example

DOCS = Path(__file__).resolve().parent.parent / "docs"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1200,2000",
)


def main() -> int:
    """Write the screenshot; 1 when chromium is missing or fails."""
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    target = DOCS / "reference" / "report.png"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render_report_example(), encoding="utf-8")
        shot = Path(tmp) / "report.png"
        done = subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if done.returncode != 0 or not shot.exists():
            print(done.stderr, file=sys.stderr)
            return 1
        shutil.copyfile(shot, target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
