"""Answers are never lost or miscounted without a word, in the everyday situations where the
first version of the forms lost them: two tabs, unreadable saves, other versions, full or blocked
storage, values a form cannot hold, repeated or odd names, identical files, two course copies on
one laptop. Over HTTP and from file://; the strict watcher is on in every test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.catalogue import load_catalogue

from .browser import PHONE, Watched
from .conftest import ROOT, build_site, copy_project

pytestmark = pytest.mark.browser

SCALES = {scale.id: scale for scale in load_catalogue(ROOT).scales}
SITE = "touchpoint-marketing"
NPS_KEY = f"tp:{SITE}:scale:nps@{SCALES['nps'].version}"
IPA = SCALES["touchpoint-priority"]
IPA_KEY = f"tp:{SITE}:scale:{IPA.id}@{IPA.version}"


def open_page(context: BrowserContext, url: str, site: str) -> tuple[Page, Watched]:
    page = context.new_page()
    watched = Watched(page, site)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(url)
    return page, watched


def status(page: Page) -> Any:
    return page.locator("[data-tp-scale-status]")


def stored(page: Page, key: str) -> Any:
    return page.evaluate("key => localStorage.getItem(key)", key)


def answer(scale: Any, response: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data = {"format": "touchpoint-scale-response", "format_version": 1, "scale": scale.id, "version": scale.version}
    return {**data, "response": response, **extra}


def test_an_older_tab_follows_the_newer_answers_and_never_writes_them_back(context: BrowserContext, site: str) -> None:
    url = f"{site}scales/{IPA.id}.html"
    older, w1 = open_page(context, url, site)
    newer, w2 = open_page(context, url, site)
    newer.locator("#touchpoint-priority--r1--name").fill("前台接待")
    newer.locator('[data-tp-row]:nth-child(1) [data-tp-field="importance"] input[value="7"]').check()
    expect(older.locator("#touchpoint-priority--r1--name")).to_have_value("前台接待")
    expect(status(older)).to_contain_text("另一个标签页更新了")
    # The older tab now edits another row: the newer tab's answers stay.
    older.locator('[data-tp-row]:nth-child(2) [data-tp-field="performance"] input[value="2"]').check()
    saved = json.loads(stored(older, IPA_KEY))
    assert saved["response"]["rows"][0]["name"] == "前台接待"
    assert saved["response"]["rows"][0]["importance"] == 7
    assert saved["response"]["rows"][1]["performance"] == 2
    expect(newer.locator('[data-tp-row]:nth-child(2) [data-tp-field="performance"] input[value="2"]')).to_be_checked()
    w1.assert_clean()
    w2.assert_clean()


def test_unreadable_saved_answers_are_kept_aside_offered_and_never_overwritten(
    context: BrowserContext, site: str, tmp_path: Path
) -> None:
    broken = '{"format": "touchpoint-scale-response", "format_version": 1, "scale": "nps", "resp'
    page, watched = open_page(context, f"{site}scales/nps.html", site)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [NPS_KEY, broken])  # a save cut short
    page.reload()
    expect(status(page)).to_contain_text("无法读取")
    page.locator('[data-tp-item="nps"] input[value="8"]').check()  # the autosave goes on …
    assert json.loads(stored(page, NPS_KEY))["response"]["answers"]["nps"] == 8
    assert stored(page, NPS_KEY + ":unreadable") == broken  # … and the unreadable text is kept as it was
    with page.expect_download() as download:
        page.get_by_role("button", name="下载无法读取的旧答案（JSON）").click()
    download.value.save_as(tmp_path / "kept.json")
    assert (tmp_path / "kept.json").read_text(encoding="utf-8") == broken
    page.get_by_role("button", name="删除无法读取的旧答案").click()
    assert stored(page, NPS_KEY + ":unreadable") is None
    page.reload()
    expect(status(page)).not_to_contain_text("无法读取")
    expect(page.locator('[data-tp-item="nps"] input[value="8"]')).to_be_checked()
    watched.assert_clean()


def test_newer_versions_are_never_called_older_nor_offered_for_deletion(context: BrowserContext, site: str) -> None:
    nps = SCALES["nps"]
    newer = json.dumps(answer(nps, {"answers": {"nps": 3}}, version=nps.version + 1))
    older = json.dumps(answer(nps, {"answers": {"nps": 9}}, version=nps.version) | {"version": 0.5})
    context.add_init_script(
        f"localStorage.setItem('tp:{SITE}:scale:nps@{nps.version + 1}', {json.dumps(newer)});"
        f"localStorage.setItem('tp:{SITE}:scale:nps@0', {json.dumps(older)});"
    )
    page, watched = open_page(context, f"{site}scales/nps.html", site)
    text = status(page)
    expect(text).to_contain_text(f"第 {nps.version + 1} 版的答案，比本页的第 {nps.version} 版新")
    expect(text).to_contain_text("此前保存的第 0 版答案")
    expect(page.get_by_role("button", name=f"删除第 {nps.version + 1} 版的答案")).to_have_count(0)
    expect(page.get_by_role("button", name=f"下载第 {nps.version + 1} 版的答案（JSON）")).to_be_visible()
    expect(page.get_by_role("button", name="删除第 0 版的答案")).to_be_visible()
    expect(page.locator('[data-tp-item="nps"] input:checked')).to_have_count(0)  # neither is scored
    watched.assert_clean()


def test_the_storage_full_notice_clears_after_the_next_save(context: BrowserContext, site: str) -> None:
    context.add_init_script(
        "const real = Storage.prototype.setItem; let fail = 1;"
        "Storage.prototype.setItem = function (k, v) {"
        " if (String(k).startsWith('tp:') && fail-- > 0) throw new DOMException('full', 'QuotaExceededError');"
        " return real.call(this, k, v); };"
    )
    page, watched = open_page(context, f"{site}scales/nps.html", site)
    page.locator('[data-tp-item="nps"] input[value="6"]').check()
    expect(status(page)).to_contain_text("无法保存答案")
    page.locator('[data-tp-item="nps"] input[value="7"]').check()
    expect(status(page)).not_to_contain_text("无法保存答案")
    assert json.loads(stored(page, NPS_KEY))["response"]["answers"]["nps"] == 7
    watched.assert_clean()


BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
}
"""


def test_the_whole_site_works_when_the_browser_blocks_storage(context: BrowserContext, site: str) -> None:
    context.add_init_script(BLOCK_STORAGE)
    page, watched = open_page(context, f"{site}index.html", site)
    expect(page.locator('label[for="__palette_1"], label[for="__palette_0"]').first).to_be_attached()
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():
        toggle.click()
    box = page.locator("input.md-search__input")
    box.fill("丽思卡尔顿")
    box.press("End")  # an input method ends with key events; search listens for them
    expect(page.locator(".md-search-result__item").first).to_contain_text("丽思")
    page.goto(f"{site}scales/nps.html")
    page.locator('[data-tp-item="nps"] input[value="10"]').check()
    expect(page.locator("[data-tp-scale-results]")).to_contain_text(SCALES["nps"].categories.promoter.label)
    expect(status(page)).to_contain_text("不允许本网站保存数据")
    watched.assert_clean()


@pytest.mark.parametrize(
    ("scale_id", "response", "reason"),
    [
        ("nps", {"answers": {"nps": 11}}, "不是本量表可选的分值"),
        ("csat", {"answers": {SCALES["csat"].items[0].id: 4.5}}, "不是本量表可选的分值"),
        (IPA.id, {"rows": [{"name": "前台", "importance": 0}]}, "不是本量表可选的分值"),
    ],
    ids=["off the scale", "between options", "row value off the scale"],
)
def test_an_import_with_a_value_the_form_cannot_hold_fails_with_its_reason(
    context: BrowserContext, site: str, tmp_path: Path, scale_id: str, response: dict[str, Any], reason: str
) -> None:
    scale = SCALES[scale_id]
    name = "答案\u202eevil.json"  # a file name that would reorder the text around it
    path = tmp_path / name
    path.write_text(json.dumps(answer(scale, response)), encoding="utf-8")
    page, watched = open_page(context, f"{site}scales/{scale_id}.html", site)
    page.locator("input[type=file]").first.set_input_files(path)
    expect(status(page)).to_contain_text(reason)
    expect(status(page)).to_contain_text("已有的答案没有改变")
    assert f"“\u2068{name}\u2069”" in (status(page).text_content() or "")  # isolated, quoted: not the site's words
    assert stored(page, f"tp:{SITE}:scale:{scale_id}@{scale.version}") is None
    watched.assert_clean()


def test_repeated_row_names_are_pointed_out(context: BrowserContext, site: str) -> None:
    page, watched = open_page(context, f"{site}scales/{IPA.id}.html", site)
    page.locator("#touchpoint-priority--r1--name").fill("前台")
    page.locator("#touchpoint-priority--r2--name").fill("前台")
    expect(status(page)).to_contain_text("出现了不止一次")
    page.locator("#touchpoint-priority--r2--name").fill("客房")
    expect(status(page)).not_to_contain_text("出现了不止一次")
    watched.assert_clean()


def group_file(tmp: Path, name: str, data: dict[str, Any]) -> Path:
    path = tmp / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def group_row(page: Page, name: str) -> list[str]:
    row = page.locator("[data-tp-group-scale] tbody tr", has=page.locator("th", has_text=name)).first
    return [cell.strip() for cell in row.locator("th, td").all_text_contents()]


def test_the_group_page_names_bad_files_counts_copies_once_and_people_once(
    context: BrowserContext, site: str, tmp_path: Path
) -> None:
    nps = SCALES["nps"]
    files = [
        group_file(tmp_path, f"p{i}.json", answer(nps, {"answers": {"nps": s}}, saved_at=f"t{i}"))
        for i, s in enumerate([10, 9, 9, 10, 9, 10, 9, 9, 9, 8, 8, 7, 8, 7, 7, 8, 3, 5, 2, 6])
    ]
    same = (tmp_path / "p0.json").read_text(encoding="utf-8")
    files.append(group_file(tmp_path, "copy-of-p0.json", json.loads(same)))
    files.append(group_file(tmp_path, "off-scale.json", answer(nps, {"answers": {"nps": 12}})))
    people = [
        answer(
            IPA,
            {
                "rows": [
                    {"name": "前台", "importance": 7, "performance": 1},
                    {"name": "前台", "importance": 5, "performance": 3},
                    {"name": "__proto__", "importance": 6, "performance": 6},
                    {"name": "constructor", "importance": 2, "performance": 2},
                ]
            },
            saved_at="a",
        ),
        answer(IPA, {"rows": [{"name": "前台", "importance": 6, "performance": 2}]}, saved_at="b"),
    ]
    files += [group_file(tmp_path, f"ipa-{i}.json", p) for i, p in enumerate(people)]
    page, watched = open_page(context, f"{site}scales/group.html", site)
    page.locator("[data-tp-group-input]").set_input_files(files)
    shown = page.locator("[data-tp-group]")
    expect(shown).to_contain_text("off-scale.json")
    rejected = page.locator(".tp-group__rejected")
    expect(rejected).to_contain_text("不是本量表可选的分值")
    expect(page.locator(".tp-group__repeats")).to_contain_text("copy-of-p0.json")
    nps_section = page.locator('[data-tp-group-scale="nps"]')
    expect(nps_section).to_contain_text("n = 20")
    # 9 promoters, 7 passives, 4 detractors: NPS +25, 95 % interval about −9 to +59
    expect(nps_section.locator(".tp-group__figure-value")).to_have_text("+25")
    expect(nps_section.locator("[data-tp-nps-interval]")).to_contain_text("−9 至 +59")
    ipa = page.locator(f'[data-tp-group-scale="{IPA.id}"]')
    expect(ipa).to_be_visible()
    assert group_row(page, "前台")[1:4] == ["2", "6.0", "2.0"]  # two people; one's two rows counted once
    assert group_row(page, "__proto__")[1] == "1"
    assert group_row(page, "constructor")[1] == "1"
    watched.assert_clean()


def test_two_course_copies_on_one_laptop_keep_their_answers_apart(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    root = copy_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_id: {SITE}", "site_id: other-course"))
    other = tmp_path / "other-site"
    result = build_site(config, other)
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context(viewport=PHONE)
    page, watched = open_page(context, (built_site / "scales" / "nps.html").as_uri(), "file://")
    page.locator('[data-tp-item="nps"] input[value="10"]').check()
    page.goto((other / "scales" / "nps.html").as_uri())  # the same origin: file://
    expect(page.locator('[data-tp-item="nps"] input:checked')).to_have_count(0)
    page.locator('[data-tp-item="nps"] input[value="4"]').check()
    assert json.loads(stored(page, NPS_KEY))["response"]["answers"]["nps"] == 10
    assert json.loads(stored(page, "tp:other-course:scale:nps@1"))["response"]["answers"]["nps"] == 4
    page.goto((built_site / "scales" / "nps.html").as_uri())
    expect(page.locator('[data-tp-item="nps"] input[value="10"]')).to_be_checked()
    watched.assert_clean()
    context.close()
