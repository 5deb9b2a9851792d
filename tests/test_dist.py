"""make dist: a zip of a curriculum's offline site that works unzipped from any folder — a folder
whose name has spaces and Chinese, opened from disk, with its worksheets live and search working."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from playwright.sync_api import Browser, expect

from .browser import PHONE, search, watched_page
from .conftest import BIN, ROOT


def test_the_zip_of_a_curriculum_works_unzipped_from_any_folder(browser: Browser, tmp_path: Path) -> None:
    site = tmp_path / "built"
    env = {**os.environ, "COURSE_CURRICULUM": "executive-1day", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], env=env, cwd=ROOT, check=True, capture_output=True
    )
    out = tmp_path / "dist" / "touchpoint-marketing-executive-1day.zip"
    result = subprocess.run(
        [str(BIN / "course"), "dist", "--site", str(site), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "U 盘 课程资料"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert all(name.startswith("touchpoint-marketing-executive-1day/") for name in names)
        archive.extractall(folder)
    root = folder / "touchpoint-marketing-executive-1day"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
    )
    start = root.as_uri() + "/"
    with watched_page(browser, PHONE, start) as watched:
        page = watched.page
        page.goto(start + "index.html")
        assert page.locator('a[href="agenda.html"]').count() >= 1  # the agenda is in the navigation
        page.goto(start + "agenda.html")
        expect(page.locator("h1")).to_contain_text("日程")
        page.goto(start + "tools/crisis-toolkit.html")
        expect(page.locator("[data-tp-ws-live]")).to_be_visible()  # the worksheet runs from the unzipped folder
        assert search(page, start, "丽思卡尔顿")[0] == "cases/ritz-carlton.html"
