"""With extra.public_url set, each page shows a QR code of its own public address (made at build
time, nothing fetched); without it, no page has one."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from .browser import DESKTOP, watched_page
from .conftest import build_site, copy_project


def test_each_page_shows_the_qr_code_of_its_public_address(tmp_path: Path, browser: Browser, built_site: Path) -> None:
    root = copy_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('public_url: ""', 'public_url: "https://course.example.cn/tp/"'),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build_site(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for page, address in (
        ("course/ch03.html", "https://course.example.cn/tp/course/ch03.html"),
        ("index.html", "https://course.example.cn/tp/index.html"),
    ):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<details class="tp-qr"[^>]*>\s*<summary>本页二维码</summary>\s*<svg', html), page
        assert f"<title>本页二维码：{address}</title>" in html and f'<p class="tp-qr__url">{address}</p>' in html
    assert "tp-qr" not in (built_site / "course" / "ch03.html").read_text(encoding="utf-8")  # the default: none
    with watched_page(browser, DESKTOP, site.as_uri()) as watched:
        watched.page.goto((site / "course" / "ch03.html").as_uri())
        qr = watched.page.locator("details.tp-qr")
        qr.locator("summary").click()
        expect(qr.locator("svg")).to_be_visible()
        watched.page.emulate_media(media="print")
        expect(watched.page.locator(".tp-qr--print svg")).to_be_visible()
