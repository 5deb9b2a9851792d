"""The emotion map in a browser (desktop over HTTP, phone from disk): fill moments, read the
figures where they are shown, keep them over a reload, export / clear / import, refuse bad
files, import a journey map saved on the device, CSV, text typed as text, print."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from .browser import DESKTOP, PHONE, Watched, watched_page
from .test_accessibility import serious_violations

PAGE = "tools/emotion-map.html"
XSS = "<img src=x onerror=alert(1)>"


def open_map(visit: Watched) -> Page:
    page = visit.page
    page.goto(visit.site + PAGE)
    expect(page.locator("[data-em-row]")).to_have_count(3)  # the blank worksheet: three empty moments
    return page


def row(page: Page, index: int) -> Locator:
    return page.locator("[data-em-row]").nth(index)


def fill(page: Page, index: int, name: str, stage: str, valence: str, intensity: str, trigger: str = "") -> None:
    """Fill moment ``index`` as a person would: type, tap the radio labels, pick the trigger."""
    r = row(page, index)
    r.locator("[data-em=name]").fill(name)
    r.locator("[data-em=stage]").fill(stage)
    r.locator("[data-em=valence] label").filter(has_text=valence).first.click()
    r.locator("[data-em=intensity] label").filter(has_text=intensity).first.click()
    if trigger:
        r.locator("[data-em=trigger]").select_option(label=trigger)


def figure(page: Page, key: str) -> Locator:
    return page.locator(f'[data-em-panel] [data-em-figure="{key}"]')


def fill_three(page: Page) -> None:
    fill(page, 0, "办理入住", "到店", "−2", "5")  # e = −2.0
    fill(page, 1, "早餐", "住中", "+3", "3", "惊喜")  # e = +1.8
    fill(page, 2, "退房结账", "离店", "−1", "2")  # e = −0.4


def saved(page: Page) -> Any:
    text = page.evaluate('localStorage.getItem(TP.store.key("worksheet", "emotion-map@1"))')
    return json.loads(text)["data"] if text else None


def export(page: Page, tmp_path: Path, name: str = "export.json") -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    path = tmp_path / name
    download.value.save_as(path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_filling_moments_shows_e_peak_end_and_the_suggestions(visit: Watched) -> None:
    page = open_map(visit)
    fill_three(page)
    expect(row(page, 0).locator("[data-em-e]")).to_have_text("综合情绪 e = −2.0（曲线第 1 点）　峰值")
    expect(row(page, 1).locator("[data-em-e]")).to_have_text("综合情绪 e = +1.8（曲线第 2 点）")
    expect(row(page, 2).locator("[data-em-e]")).to_have_text("综合情绪 e = −0.4（曲线第 3 点）　终点")
    expect(figure(page, "peak")).to_have_text("办理入住（e = −2.0）")
    expect(figure(page, "end")).to_have_text("退房结账（e = −0.4）")
    expect(figure(page, "peak_end")).to_have_text("−1.2")  # (−2.0 − 0.4) ÷ 2
    expect(figure(page, "mean")).to_have_text("−0.20")  # (−2.0 + 1.8 − 0.4) ÷ 3
    expect(figure(page, "trough")).to_have_text("办理入住（e = −2.0）")
    expect(page.locator("[data-em-fix]")).to_have_attribute("data-em-fix", "fix_end")
    trough = page.locator('[data-em-advice="trough"]')
    expect(trough).to_contain_text("可以加入“认可”")
    ending = page.locator('[data-em-advice="ending"]')
    expect(ending).to_contain_text("结尾：「退房结账」（e = −0.4）")
    expect(ending).to_contain_text("建议加入“仪式”")
    # the curve: three dots, the first the peak, the last the end
    dots = page.locator(".tp-em__curve .tp-journey__dot")
    expect(dots).to_have_count(3)
    expect(dots.nth(0)).to_have_class("tp-journey__dot tp-journey__dot--down tp-journey__dot--peak")
    expect(dots.nth(2)).to_have_class("tp-journey__dot tp-journey__dot--down tp-journey__dot--end")
    # choosing a trigger for the ending changes its suggestion
    row(page, 2).locator("[data-em=trigger]").select_option(label="仪式")
    expect(ending).to_contain_text("结尾已使用“仪式”，情绪仍为负")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # type: ignore[index]


def test_reload_keeps_everything(visit: Watched) -> None:
    page = open_map(visit)
    page.locator("[data-tp-ws-live] input[type=text]").first.fill("海滨度假酒店周末旅程")
    fill_three(page)
    row(page, 1).locator("[data-em=note]").fill("现做蛋饼")
    before = saved(page)
    assert before["moments"][1] == {
        "name": "早餐",
        "stage": "住中",
        "valence": 3,
        "intensity": 3,
        "trigger": "surprise",
        "note": "现做蛋饼",
    }
    page.reload()
    expect(row(page, 1).locator("[data-em=name]")).to_have_value("早餐")
    expect(row(page, 1).locator("[data-em=valence] input:checked")).to_have_value("3")
    expect(row(page, 1).locator("[data-em=intensity] input:checked")).to_have_value("3")
    expect(row(page, 1).locator("[data-em=trigger]")).to_have_value("surprise")
    expect(row(page, 1).locator("[data-em=note]")).to_have_value("现做蛋饼")
    expect(figure(page, "peak_end")).to_have_text("−1.2")
    assert saved(page) == before


def test_export_clear_import_restores_exactly(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    fill_three(page)
    first = export(page, tmp_path)
    page.get_by_role("button", name="清除内容").click()
    expect(page.locator("[data-em-row]")).to_have_count(3)
    expect(row(page, 0).locator("[data-em=name]")).to_have_value("")
    expect(figure(page, "peak")).to_have_text("—")
    page.locator("[data-tp-ws-live]").locator("xpath=..").locator("input[type=file]").set_input_files(
        tmp_path / "export.json"
    )
    expect(figure(page, "peak_end")).to_have_text("−1.2")
    second = export(page, tmp_path, "again.json")
    assert second["data"] == first["data"]
    assert any(m.startswith("确定清除") for m in visit.confirmed)


def test_bad_files_are_refused_with_the_reason_and_nothing_changes(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    fill_three(page)
    good = export(page, tmp_path)
    before = saved(page)
    other = {**good, "worksheet": "journey-map"}
    bad = {**good, "data": {**good["data"], "moments": [{**good["data"]["moments"][0], "valence": 5}]}}
    status = page.locator("[data-tp-ws-status]")
    upload = page.locator(".tp-ws input[type=file]")
    for name, body, reason in [
        ("other.json", other, "这是另一个工具（journey-map）的文件"),
        ("bad.json", bad, "“触点·效价”中有本工具不接受的值"),
    ]:
        (tmp_path / name).write_text(json.dumps(body), encoding="utf-8")
        upload.set_input_files(tmp_path / name)
        expect(status).to_contain_text(reason)
        expect(status).to_contain_text("已有的内容没有改变")
        assert saved(page) == before
        expect(row(page, 0).locator("[data-em=valence] input:checked")).to_have_value("-2")
    assert visit.confirmed == []


def test_import_from_the_journey_map_saved_on_this_device(visit: Watched) -> None:
    page = open_map(visit)
    page.get_by_role("button", name="从旅程地图导入").click()
    note = page.locator("[data-em-journey-note]")
    expect(note).to_contain_text("这台设备上还没有保存过“客户旅程地图”")
    expect(note.locator("a")).to_have_attribute("href", "journey-map.html")
    journey = {
        "format": "touchpoint-worksheet",
        "format_version": 1,
        "worksheet": "journey-map",
        "version": 1,
        "title": "客户旅程地图",
        "saved_at": "2026-11-29T08:00:00Z",
        "data": {
            "title": "商务客人一晚",
            "persona": None,
            "stages": [{"name": "预订"}, {"name": "入住"}],
            "touchpoints": [
                {"stage": 0, "name": "官网预订", "emotion": 1},
                {"stage": 1, "name": "前台排队", "emotion": -3, "moment_of_truth": True},
                {"stage": 1, "name": "客房", "emotion": None},
            ],
        },
    }
    page.evaluate(
        '(text) => localStorage.setItem(TP.store.key("worksheet", "journey-map@1"), text)', json.dumps(journey)
    )
    fill(page, 0, "旧的时刻", "到店", "+1", "1")  # something to replace: the import must ask first
    page.get_by_role("button", name="从旅程地图导入").click()
    assert any(m.startswith("确定用旅程地图的 3 个触点") for m in visit.confirmed)
    expect(page.locator("[data-em-row]")).to_have_count(3)
    expect(row(page, 1).locator("[data-em=name]")).to_have_value("前台排队")
    expect(row(page, 1).locator("[data-em=stage]")).to_have_value("入住")
    expect(row(page, 1).locator("[data-em=valence] input:checked")).to_have_value("-3")
    expect(row(page, 1).locator("[data-em=intensity] input:checked")).to_have_value("")
    expect(page.locator("[data-tp-ws-status]")).to_contain_text("请为它们补上强度")
    expect(page.locator("[data-em-panel] .tp-ws-problems")).to_contain_text("「前台排队」：缺少强度")
    assert saved(page)["moments"][0] == {
        "name": "官网预订",
        "stage": "预订",
        "valence": 1,
        "intensity": None,
        "trigger": None,
        "note": None,
    }


def test_rows_add_remove_with_confirm_and_reorder(visit: Watched) -> None:
    page = open_map(visit)
    fill(page, 0, "入住", "到店", "−2", "5")
    fill(page, 1, "早餐", "住中", "+3", "3")
    row(page, 1).get_by_role("button", name="上移").click()
    expect(row(page, 0).locator("[data-em=name]")).to_have_value("早餐")
    # each stage in one block: the curve follows the rows
    row(page, 2).locator("[data-em=stage]").fill("离店")
    expect(page.locator(".tp-em__order")).to_be_hidden()
    fill(page, 2, "晚餐", "住中", "+1", "5")  # 住中 again after 到店: the curve regroups
    expect(page.locator(".tp-em__order")).to_be_visible()
    expect(row(page, 2).locator("[data-em-e]")).to_contain_text("曲线第 2 点")
    page.get_by_role("button", name="按阶段排列").click()
    expect(row(page, 1).locator("[data-em=name]")).to_have_value("晚餐")
    expect(page.locator(".tp-em__order")).to_be_hidden()
    row(page, 2).get_by_role("button", name="删除").click()
    assert visit.confirmed and visit.confirmed[-1].startswith("确定删除第 3 个时刻")
    expect(page.locator("[data-em-row]")).to_have_count(2)
    assert [m["name"] for m in saved(page)["moments"]] == ["早餐", "晚餐"]
    assert "入住" in visit.confirmed[-1]
    page.get_by_role("button", name="添加时刻").click()
    expect(page.locator("[data-em-row]")).to_have_count(3)
    count = len(visit.confirmed)
    row(page, 2).get_by_role("button", name="删除").click()  # empty: no question
    assert len(visit.confirmed) == count
    expect(page.locator("[data-em-row]")).to_have_count(2)


def test_csv_has_one_row_per_moment_with_e_and_the_flags(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    fill_three(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    download.value.save_as(tmp_path / "m.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][5:] == ["综合情绪 e", "情感触发因素", "说明", "峰值", "终点"]
    assert rows[1:] == [
        ["1", "到店", "办理入住", "-2", "5", "-2", "", "", "是", ""],
        ["2", "住中", "早餐", "3", "3", "1.8", "惊喜", "", "", ""],
        ["3", "离店", "退房结账", "-1", "2", "-0.4", "", "", "", "是"],
    ]


def test_typed_markup_shows_as_text(visit: Watched) -> None:
    page = open_map(visit)
    fill(page, 0, XSS[:30], XSS[:20], "−3", "5")
    row(page, 0).locator("[data-em=note]").fill(XSS)
    fill(page, 1, "早餐", "住中", "+1", "1")
    expect(figure(page, "peak")).to_have_text(f"{XSS[:30]}（e = −3.0）")
    expect(page.locator('[data-em-advice="trough"]')).to_contain_text(f"「{XSS[:30]}」")
    expect(page.locator(".tp-em__curve .tp-journey__stage-label").first).to_have_text(XSS[:20])
    assert page.locator("[data-tp-ws-live] img").count() == 0
    page.reload()
    expect(row(page, 0).locator("[data-em=note]")).to_have_value(XSS)
    assert page.locator("[data-tp-ws-live] img").count() == 0


def test_print_shows_the_content_and_hides_the_toolbar(visit: Watched) -> None:
    page = open_map(visit)
    fill_three(page)
    page.emulate_media(media="print")
    expect(page.locator(".tp-ws__toolbar")).to_be_hidden()
    expect(page.get_by_role("button", name="从旅程地图导入")).to_be_hidden()
    expect(page.get_by_role("button", name="添加时刻")).to_be_hidden()
    expect(row(page, 0).locator("[data-em=name]")).to_be_visible()
    expect(row(page, 0).locator("[data-em=name]")).to_have_value("办理入住")
    expect(figure(page, "peak_end")).to_be_visible()
    expect(page.locator(".tp-em__curve svg")).to_be_visible()
    expect(page.locator("[data-tp-ws-paper]")).to_be_hidden()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_empty_or_filled(
    browser: Browser, base_url: str, viewport: dict[str, int]
) -> None:
    # over HTTP only: axe reads the stylesheets, which a page opened from disk may not fetch
    with watched_page(browser, viewport, base_url) as watched:
        page = watched.page
        page.goto(base_url + PAGE)
        expect(page.locator("[data-em-row]")).to_have_count(3)
        assert serious_violations(page) == []
        fill_three(page)
        expect(figure(page, "peak_end")).to_have_text("−1.2")
        assert serious_violations(page) == []
