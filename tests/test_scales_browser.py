"""Scale forms in a real browser, over HTTP and from file://: answers kept across reloads, a
middle row removed without touching the others, export → clear → import, CSV for Excel,
keyboard-only completion, text from imports shown as text, answers of another version really
downloaded and really deleted, and charts drawn with the local chart library. The worked
examples are in test_worked_examples_browser.py, the group page in test_group_browser.py.

Any console error, page error or request that leaves the site fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.catalogue import load_catalogue

from .browser import DESKTOP, PHONE, Watched
from .conftest import ROOT
from .scale_forms import answer_data, by_row, fill, not_enterable, read_table, row_fields

pytestmark = pytest.mark.browser

SCALES = {scale.id: scale for scale in load_catalogue(ROOT).scales}


def results(page: Page) -> Locator:
    return page.locator("[data-tp-scale-results]").first


def stored(page: Page, key: str) -> str | None:
    value: str | None = page.evaluate("key => localStorage.getItem(key)", key)
    return value


def test_answers_survive_a_reload(visit: Watched) -> None:
    page = visit.page
    scale = SCALES["csat"]
    page.goto(f"{visit.site}scales/csat.html")
    fill(page, scale, scale.examples[0])
    band = str(scale.examples[0].expect["band"])
    expect(results(page)).to_contain_text(band)
    before = results(page).inner_text()
    page.reload()
    for item_id, value in scale.examples[0].answers.items():
        expect(page.locator(f'[data-tp-item="{item_id}"] input[value="{int(value)}"]')).to_be_checked()
    expect(results(page)).to_contain_text(band)
    assert results(page).inner_text() == before


def test_rows_survive_a_reload_including_added_and_renamed_rows(visit: Watched) -> None:
    page = visit.page
    scale = SCALES["touchpoint-risk"]
    page.goto(f"{visit.site}scales/touchpoint-risk.html")
    fill(page, scale, scale.examples[0])
    page.locator("[data-tp-row-add]").first.click()
    page.locator("li[data-tp-row]").last.locator("[data-tp-row-name]").fill("泳池救生员缺岗")
    count = page.locator("li[data-tp-row]").count()
    page.reload()
    expect(page.locator("li[data-tp-row]")).to_have_count(count)
    expect(page.locator("li[data-tp-row]").last.locator("[data-tp-row-name]")).to_have_value("泳池救生员缺岗")


def test_removing_a_middle_row_keeps_the_other_rows_their_answers_and_results(visit: Watched) -> None:
    # FMEA: each row's RPN and level depend on that row alone, so the remaining rows must keep
    # exactly the figures of the worked example, in its ranking without the removed row.
    page = visit.page
    scale = SCALES["touchpoint-risk"]
    example = scale.examples[0]
    middle = len(example.rows) // 2
    removed = str(example.rows[middle]["name"])
    kept = [row for i, row in enumerate(example.rows) if i != middle]
    levels = {level.id: level.label for level in scale.levels}
    ranking = [name for name in example.expect["ranking"] if name != removed]
    page.goto(f"{visit.site}scales/touchpoint-risk.html")
    fill(page, scale, example)
    rows = page.locator("li[data-tp-row]")
    expect(results(page)).to_contain_text(removed)
    rows.nth(middle).locator("[data-tp-row-remove]").click()
    expect(page.locator("[data-tp-scale-status]")).to_contain_text(f"已删除“\u2068{removed}\u2069”")

    def shows_the_remaining_rows() -> None:
        expect(rows).to_have_count(len(kept))
        for i, row in enumerate(kept):
            expect(rows.nth(i).locator("[data-tp-row-name]")).to_have_value(str(row["name"]))
            for field in row_fields(scale):
                checked = rows.nth(i).locator(f'[data-tp-field="{field}"] input:checked')
                expect(checked).to_have_value(str(int(row[field])))
        expect(results(page).locator(".tp-scale__headline")).to_have_text(
            f"{len(kept)} / {len(kept)} 个{scale.rows.label}已填写完整。"
        )
        table = read_table(results(page).locator("table"))
        assert [r[scale.rows.label] for r in table] == ranking
        shown = by_row(table, scale.rows.label)
        for row in kept:
            name = str(row["name"])
            assert shown[name]["RPN"] == str(example.expect["rpn"][name]), name
            assert shown[name]["优先级"] == levels[example.expect["levels"][name]], name
        expect(results(page)).not_to_contain_text(removed)

    shows_the_remaining_rows()
    page.reload()
    shows_the_remaining_rows()


def test_export_clear_import_restores_the_answers(visit: Watched, tmp_path: Path) -> None:
    page = visit.page
    scale = SCALES["data-driven-maturity"]
    page.goto(f"{visit.site}scales/data-driven-maturity.html")
    fill(page, scale, scale.examples[0])
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "touchpoint-scale-response" and exported["scale"] == "data-driven-maturity"
    page.get_by_role("button", name="清除答案").click()  # the fixture accepts the confirmation
    assert len(visit.confirmed) == 1 and "清除" in visit.confirmed[0]
    expect(page.locator("[data-tp-scale-form] input:checked")).to_have_count(0)
    page.locator('[data-tp-scale] input[type="file"]').first.set_input_files(saved)
    for item_id, value in scale.examples[0].answers.items():
        expect(page.locator(f'[data-tp-item="{item_id}"] input[value="{int(value)}"]')).to_be_checked()


def test_csv_export_is_excel_friendly_utf8(visit: Watched, tmp_path: Path) -> None:
    page = visit.page
    page.goto(f"{visit.site}scales/csat.html")
    fill(page, SCALES["csat"], SCALES["csat"].examples[0])
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    saved = tmp_path / "answers.csv"
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "预订".encode() in data and b"\r\n" in data


def test_imported_text_is_shown_as_text_and_bad_files_are_rejected(visit: Watched, tmp_path: Path) -> None:
    page = visit.page
    scale = SCALES["touchpoint-priority"]
    attack = "<img src=x onerror=alert(1)>"
    rows = [{"name": attack, "importance": 7, "performance": 2}, {"name": "早餐", "importance": 3, "performance": 6}]
    good = answer_data(scale, {"rows": rows})
    files = {
        "good.json": json.dumps(good),
        "corrupt.json": "{not json",
        "other.json": json.dumps({**good, "scale": "nps"}),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.goto(f"{visit.site}scales/touchpoint-priority.html")
    upload = page.locator('[data-tp-scale] input[type="file"]').first
    upload.set_input_files(tmp_path / "good.json")
    expect(page.locator("li[data-tp-row]").first.locator("[data-tp-row-name]")).to_have_value(attack)
    expect(results(page)).to_contain_text(attack)
    assert page.locator("[data-tp-scale-results] img").count() == 0
    status = page.locator("[data-tp-scale] [role=status], [data-tp-scale] [aria-live]")
    for bad in ("corrupt.json", "other.json"):
        upload.set_input_files(tmp_path / bad)
        expect(status.filter(has_text=re.compile("无法|不是|不能|错误|失败"))).not_to_have_count(0)
    expect(page.locator("li[data-tp-row]").first.locator("[data-tp-row-name]")).to_have_value(attack)


def test_keyboard_only_completion_of_the_nps_scale(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    first = page.locator('[data-tp-item="nps"] input[type="radio"]').first
    first.focus()
    for _ in range(9):
        page.keyboard.press("ArrowRight")
    expect(page.locator('[data-tp-item="nps"] input[value="9"]')).to_be_checked()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.promoter.label)
    focused = page.evaluate("document.activeElement.value")
    assert focused == "9"
    watched.assert_clean()
    page.close()


def test_form_still_works_and_says_so_when_storage_is_unavailable(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    # Private modes and full storage make setItem throw; the form must keep scoring.
    context.add_init_script("Storage.prototype.setItem = function () { throw new Error('QuotaExceededError'); };")
    page = context.new_page()
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    page.locator('[data-tp-item="nps"] input[value="10"]').check()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.promoter.label)
    expect(page.locator("[data-tp-scale-status]")).to_contain_text("无法保存答案")
    watched.assert_clean()
    context.close()


def test_answers_saved_under_another_version_are_not_scored(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    old = {**answer_data(SCALES["nps"], {"answers": {"nps": 3}}), "version": 0}
    context.add_init_script(f"localStorage.setItem('touchpoint-scale:nps@0', {json.dumps(json.dumps(old))});")
    page = context.new_page()
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    expect(page.locator("[data-tp-scale-status]")).to_contain_text("更新")
    expect(page.locator("[data-tp-scale-form] input:checked")).to_have_count(0)
    watched.assert_clean()
    context.close()


def test_answers_of_another_version_are_really_downloaded_and_really_deleted(visit: Watched, tmp_path: Path) -> None:
    page = visit.page
    nps = SCALES["nps"]
    page.goto(f"{visit.site}scales/nps.html")
    site_id = page.locator('meta[name="tp-site"]').get_attribute("content")
    old_version, new_version = nps.version - 1, nps.version + 1
    saved = {
        old_version: answer_data(nps, {"answers": {"nps": 3}}, version=old_version, comment="旧版的原因"),
        new_version: answer_data(nps, {"answers": {"nps": 10}}, version=new_version),
    }
    keys = {version: f"tp:{site_id}:scale:nps@{version}" for version in saved}
    texts = {version: json.dumps(data, ensure_ascii=False) for version, data in saved.items()}
    page.evaluate(
        "pairs => pairs.forEach(([k, v]) => localStorage.setItem(k, v))", [[keys[v], texts[v]] for v in saved]
    )
    page.reload()
    expect(page.locator("[data-tp-scale-form] input:checked")).to_have_count(0)  # neither is scored
    for version in saved:
        with page.expect_download() as download:
            page.get_by_role("button", name=f"下载第 {version} 版的答案（JSON）").click()
        path = tmp_path / f"v{version}.json"
        download.value.save_as(path)
        assert json.loads(path.read_text(encoding="utf-8")) == saved[version]  # the stored answers, all of them
        assert download.value.suggested_filename.startswith(f"nps-v{version}-")
    delete = page.get_by_role("button", name=f"删除第 {old_version} 版的答案")
    delete.click()
    assert visit.confirmed == [f"确定删除第 {old_version} 版的答案吗？此操作无法撤销。"]
    assert stored(page, keys[old_version]) is None
    assert stored(page, keys[new_version]) == texts[new_version]  # a newer version is never deleted
    status = page.locator("[data-tp-scale-status]")
    expect(status).to_contain_text(f"已删除第 {old_version} 版的答案。")
    expect(delete).to_have_count(0)
    page.reload()
    expect(status).not_to_contain_text(f"第 {old_version} 版")
    expect(page.get_by_role("button", name=f"下载第 {old_version} 版的答案（JSON）")).to_have_count(0)
    expect(page.get_by_role("button", name=f"下载第 {new_version} 版的答案（JSON）")).to_be_visible()


CHARTED = sorted(
    scale.id
    for scale in SCALES.values()
    if scale.mode in ("matrix", "ipa", "fmea") or getattr(scale, "subscales", None)
)


@pytest.mark.parametrize("scale_id", CHARTED)
def test_results_chart_is_drawn_with_the_local_chart_library(visit: Watched, scale_id: str) -> None:
    page = visit.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "chart.umd" in r.url else None)
    scale = SCALES[scale_id]
    page.goto(f"{visit.site}scales/{scale_id}.html")
    assert requested == []  # loaded only once a chart has something to draw
    fill(page, scale, next(ex for ex in scale.examples if not not_enterable(scale, ex)))
    canvas = page.locator("[data-tp-scale-results] [data-tp-chart] canvas").first
    expect(canvas).to_be_visible()
    assert (canvas.bounding_box() or {}).get("height", 0) > 50
    expect(canvas).to_have_attribute("role", "img")
    assert [url.startswith(visit.site) for url in requested] == [True]


def test_pages_without_charts_do_not_load_the_chart_library(visit: Watched) -> None:
    page = visit.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "chart.umd" in r.url else None)
    page.goto(f"{visit.site}scales/nps.html")
    page.locator('[data-tp-item="nps"] input[value="8"]').check()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.passive.label)
    page.goto(f"{visit.site}index.html")
    assert requested == []


def test_a_long_form_of_rows_ends_with_its_running_summary_and_a_way_to_the_results(visit: Watched) -> None:
    page = visit.page
    page.goto(f"{visit.site}scales/touchpoint-priority.html")
    jump = page.locator("form[data-tp-scale-form] .tp-scale__jump")
    expect(jump).to_contain_text(page.locator(".tp-scale__headline").text_content() or "—")
    page.locator('[data-tp-row]:nth-child(1) [data-tp-field="importance"] input[value="7"]').check()
    page.locator('[data-tp-row]:nth-child(1) [data-tp-field="performance"] input[value="2"]').check()
    headline = page.locator(".tp-scale__headline").text_content() or ""
    assert headline.startswith("1 / ")
    expect(jump).to_contain_text(headline)
    jump.get_by_role("link", name="查看结果").click()
    expect(page.locator("[data-tp-scale-results]")).to_be_in_viewport()
