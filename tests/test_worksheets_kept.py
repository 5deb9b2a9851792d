"""The worksheet shell keeps what people write, as the scale forms do: two tabs, unreadable saves,
saves from other versions, blocked storage; it prints a blank copy on demand, and any page can
embed a worksheet. One worksheet stands for all (the shell is the same for every kind); each kind's
own tests are tests/test_ws_<kind>_browser.py. Over HTTP and from file://."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from macros.catalogue import load_catalogue
from macros.widgets import scripts_for, styles_for

from .browser import Watched
from .conftest import ROOT, build_site, copy_project
from .test_answers_kept import BLOCK_STORAGE
from .test_widgets import scripts_of

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
SHEET = CATALOGUE.worksheet("crisis-toolkit")
SITE = "touchpoint-marketing"
KEY = f"tp:{SITE}:worksheet:{SHEET.id}@{SHEET.version}"
INCIDENT = f"#{SHEET.id}-1--incident"


def open_sheet(context: BrowserContext, site: str) -> tuple[Page, Watched]:
    page = context.new_page()
    watched = Watched(page, site)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{site}tools/{SHEET.id}.html")
    expect(page.locator(INCIDENT)).to_be_visible()
    return page, watched


def status(page: Page) -> Any:
    return page.locator("[data-tp-ws-status]")


def stored(page: Page, key: str) -> Any:
    return page.evaluate("key => localStorage.getItem(key)", key)


def saved_file(data: dict[str, Any], version: int) -> str:
    return json.dumps(
        {"format": "touchpoint-worksheet", "format_version": 1, "worksheet": SHEET.id, "version": version, "data": data}
    )


def test_an_older_tab_follows_the_newer_text_and_never_writes_it_back(context: BrowserContext, site: str) -> None:
    older, w1 = open_sheet(context, site)
    newer, w2 = open_sheet(context, site)
    newer.locator(INCIDENT).fill("大堂电梯困人 20 分钟")
    expect(older.locator(INCIDENT)).to_have_value("大堂电梯困人 20 分钟")
    expect(status(older)).to_contain_text("另一个标签页更新了本工具的内容")
    older.locator(f"#{SHEET.id}-1--started").fill("21:30")  # the older tab edits another field
    saved = json.loads(stored(older, KEY))["data"]
    assert saved["incident"] == "大堂电梯困人 20 分钟" and saved["started"] == "21:30"
    expect(newer.locator(f"#{SHEET.id}-1--started")).to_have_value("21:30")
    w1.assert_clean()
    w2.assert_clean()


def test_an_unreadable_save_is_kept_aside_offered_and_never_overwritten(
    context: BrowserContext, site: str, tmp_path: Path
) -> None:
    broken = '{"format": "touchpoint-worksheet", "format_version": 1, "worksheet": "crisis-toolkit", "da'
    page, watched = open_sheet(context, site)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, broken])
    page.reload()
    expect(status(page)).to_contain_text("无法读取")
    page.locator(INCIDENT).fill("早餐供应中断")  # the autosave goes on …
    assert json.loads(stored(page, KEY))["data"]["incident"] == "早餐供应中断"
    assert stored(page, KEY + ":unreadable") == broken  # … and the unreadable text is kept byte for byte
    with page.expect_download() as download:
        page.get_by_role("button", name="下载无法读取的旧内容（JSON）").click()
    download.value.save_as(tmp_path / "kept.json")
    assert (tmp_path / "kept.json").read_text(encoding="utf-8") == broken
    page.get_by_role("button", name="删除无法读取的旧内容").click()
    assert stored(page, KEY + ":unreadable") is None
    watched.assert_clean()


def test_saves_of_other_versions_are_never_read_and_newer_ones_never_offered_for_deletion(
    context: BrowserContext, site: str
) -> None:
    version = SHEET.version
    newer = saved_file({"incident": "新版的内容"}, version + 1)
    older = saved_file({"incident": "旧版的内容"}, version)
    context.add_init_script(
        f"localStorage.setItem('tp:{SITE}:worksheet:{SHEET.id}@{version + 1}', {json.dumps(newer)});"
        f"localStorage.setItem('tp:{SITE}:worksheet:{SHEET.id}@0', {json.dumps(older)});"
    )
    page, watched = open_sheet(context, site)
    expect(status(page)).to_contain_text(f"第 {version + 1} 版的内容，比本页的第 {version} 版新")
    expect(status(page)).to_contain_text("此前保存的第 0 版内容不会按新版读取")
    expect(page.get_by_role("button", name=f"删除第 {version + 1} 版的内容")).to_have_count(0)
    expect(page.get_by_role("button", name=f"下载第 {version + 1} 版的内容（JSON）")).to_be_visible()
    expect(page.get_by_role("button", name="删除第 0 版的内容")).to_be_visible()
    expect(page.locator(INCIDENT)).to_have_value("")  # neither was read into the worksheet
    watched.assert_clean()


def test_a_browser_that_blocks_storage_gets_a_working_worksheet_and_a_notice(
    context: BrowserContext, site: str
) -> None:
    context.add_init_script(BLOCK_STORAGE)
    page, watched = open_sheet(context, site)
    expect(status(page)).to_contain_text("无法保存内容")
    page.locator(INCIDENT).fill("停电")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["data"]["incident"] == "停电"
    watched.assert_clean()


def test_print_blank_shows_the_paper_version_for_the_print_only(context: BrowserContext, site: str) -> None:
    page, watched = open_sheet(context, site)
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    paper = page.locator("[data-tp-ws-paper]")
    expect(paper).to_be_hidden()
    page.get_by_role("button", name="打印空白表").click()
    assert page.evaluate("window.__printed") == 1
    expect(paper).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("[data-tp-ws-live]")).to_be_hidden()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(paper).to_be_hidden()
    expect(page.locator("[data-tp-ws-live]")).to_be_visible()
    watched.assert_clean()


def test_the_worksheet_macro_embeds_a_worksheet_in_any_page_with_its_scripts(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    page = root / "docs" / "guide.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n## 试一试\n\n{{ worksheet("emotion-map") }}\n', encoding="utf-8"
    )
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "guide.html").read_text(encoding="utf-8")
    assert 'data-tp-worksheet="emotion_map"' in html and "data-tp-worksheet-definition" in html
    assert [path for path, _ in scripts_of(html)] == scripts_for(["ws-emotion-map"])
    styles = re.findall(r'<link rel="stylesheet" href="(?:\.\./)*(stylesheets/[^"]+)"', html)
    assert styles[-len(styles_for(["ws-emotion-map"])) :] == styles_for(["ws-emotion-map"])
