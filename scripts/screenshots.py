"""Regenerate the screenshots of the trainer's guide (docs/guide.md): what a data error looks like
on the site while `make serve` runs. Run: .venv/bin/python scripts/screenshots.py

It copies the project, breaks one case on purpose, runs `mkdocs serve` on it (while data has
errors every page keeps its place and lists the problems) and photographs the case page at phone
width with Debian's chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "serve-error.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "p"
        for folder in ("docs", "cases", "tools", "macros", "curricula"):
            shutil.copytree(ROOT / folder, work / folder, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        (work / "node_modules").symlink_to(ROOT / "node_modules")
        case = work / "cases" / "ritz-carlton.yml"
        text = case.read_text(encoding="utf-8").replace("industry: 酒店", "industri: 酒店", 1)
        case.write_text(text.replace("emotion: 3", "emotion: 5", 1), encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = str(Path(sys.executable).parent / "mkdocs")
        server = subprocess.Popen(
            [mkdocs, "serve", "--no-livereload", "--no-strict", "-a", "127.0.0.1:8765"],
            cwd=work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = "http://127.0.0.1:8765/cases/ritz-carlton.html"
            for _ in range(120):
                try:
                    with urllib.request.urlopen(url) as response:
                        if "本页暂时无法生成" in response.read().decode("utf-8"):
                            break
                except OSError:
                    pass
                time.sleep(0.5)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 390, "height": 760}, device_scale_factor=2)
                page.goto(url)
                page.screenshot(path=str(OUT))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"written: {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
