"""The service blueprint (体验设计工具) in a real browser, over HTTP at desktop size and from disk at
phone size (the ``visit`` fixture): filling it, the summary of fail and wait points by step,
adding / moving / removing steps, reload, export → clear → import, bad files, typed text shown as
text, CSV, print, and the paper version without JavaScript. Any console error, page error or
request leaving the site fails the test."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.catalogue import load_catalogue

from .browser import PHONE, Watched, watched_page
from .conftest import ROOT

pytestmark = pytest.mark.browser

BLUEPRINT = load_catalogue(ROOT).worksheet("service-blueprint")
EXAMPLE = [step.name for step in BLUEPRINT.example]  # 预订 … 离店后
ATTACK = "<img src=x onerror=alert(1)>"


def open_blueprint(visit: Watched) -> Page:
    page = visit.page
    page.goto(f"{visit.site}tools/service-blueprint.html")
    expect(page.locator(".tp-bp__grid")).to_be_visible()
    return page


def is_phone(page: Page) -> bool:
    return (page.viewport_size or PHONE)["width"] < 720


def control(page: Page, step: int, column: str) -> Locator:
    return page.locator(f'.tp-bp__grid [data-tp-bp-step="{step}"][data-tp-bp-col="{column}"]')


def go(page: Page, step: int) -> None:
    """Bring a step into view: on a phone choose it in the step picker (one step at a time)."""
    if is_phone(page):
        page.locator("[data-tp-bp-picker]").select_option(str(step))


def names(page: Page) -> list[str]:
    values: list[str] = page.locator('.tp-bp__grid [data-tp-bp-col="name"]').evaluate_all(
        "els => els.map(e => e.value)"
    )
    return values


def listed(page: Page, which: str) -> list[str]:
    """The step names in the summary's list of fail (``fails``) or wait (``waits``) points."""
    found: list[str] = page.locator(f"[data-tp-bp-{which}] .tp-bp__sum-step").all_text_contents()
    return found


def exported(page: Page, tmp_path: Path, name: str) -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    target = tmp_path / name
    download.value.save_as(target)
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def test_the_hotel_example_is_preloaded_with_its_fail_and_wait_points(visit: Watched) -> None:
    page = open_blueprint(visit)
    assert names(page) == EXAMPLE
    assert listed(page, "fails") == [s.name for s in BLUEPRINT.example if s.fail_point]
    assert listed(page, "waits") == [s.name for s in BLUEPRINT.example if s.wait_point]
    expect(page.locator("[data-tp-bp-counts]")).to_have_text(
        f"共 {len(EXAMPLE)} 步；失误点 3 个；等待点 3 个；已写“超越期望”的步骤 {len(EXAMPLE)} / {len(EXAMPLE)}。"
    )


def test_the_three_lines_run_between_the_right_lanes(visit: Watched) -> None:
    page = open_blueprint(visit)
    go(page, 3)
    lines = page.locator(".tp-bp__line")
    expect(lines).to_have_text(["互动线", "可视线", "内部互动线"])
    lanes = ["evidence", "customer", "frontstage", "backstage", "support"]
    boxes = [control(page, 3, lane).bounding_box() for lane in lanes]
    edges = [line.bounding_box() for line in lines.all()]
    assert all(boxes) and all(edges)
    for (above, below), edge in zip([(1, 2), (2, 3), (3, 4)], edges, strict=True):
        top, bottom = boxes[above], boxes[below]
        assert top and bottom and edge
        assert top["y"] + top["height"] <= edge["y"] <= bottom["y"], (lanes[above], lanes[below])


def test_filling_the_form_updates_the_summary_and_a_reload_keeps_everything(visit: Watched) -> None:
    page = open_blueprint(visit)
    page.get_by_label("蓝图名称").fill("滨江酒店 · 周末亲子住店")
    go(page, 1)  # 确认: no longer a fail point
    control(page, 1, "fail").uncheck()
    go(page, 2)  # 抵达: becomes a wait point; typed text last (the save must not wait for a tick)
    control(page, 2, "wait").check()
    control(page, 2, "customer").fill("带两个孩子和三件行李，在门口等车位")
    control(page, 2, "wait_note").fill("周五傍晚车道拥堵，门童忙不过来")
    expect(page.locator("[data-tp-bp-counts]")).to_contain_text("失误点 2 个；等待点 4 个")
    assert "确认" not in listed(page, "fails")
    assert listed(page, "waits") == ["抵达", "办理入住", "客房服务", "早餐"]
    expect(page.locator('[data-tp-bp-waits] li[data-tp-bp-step="2"]')).to_have_text(
        "抵达：周五傍晚车道拥堵，门童忙不过来"
    )
    if is_phone(page):  # one step at a time, and nothing scrolls sideways
        expect(control(page, 1, "customer")).to_be_hidden()
        expect(control(page, 2, "customer")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for target in (
            page.locator("[data-tp-bp-picker]"),
            page.locator(".tp-bp__next").first,
            control(page, 2, "wait"),
        ):
            box = target.locator(
                "xpath=ancestor-or-self::*[self::select or self::button or contains(@class,'tp-ws-check')][1]"
            ).bounding_box()
            assert box and box["height"] >= 44
    page.reload()
    expect(page.get_by_label("蓝图名称")).to_have_value("滨江酒店 · 周末亲子住店")
    go(page, 2)
    expect(control(page, 2, "customer")).to_have_value("带两个孩子和三件行李，在门口等车位")
    expect(control(page, 2, "wait")).to_be_checked()
    expect(control(page, 1, "fail")).not_to_be_checked()
    assert listed(page, "waits") == ["抵达", "办理入住", "客房服务", "早餐"]


def test_steps_are_added_moved_and_removed_and_the_order_is_kept(visit: Watched) -> None:
    page = open_blueprint(visit)
    page.get_by_role("button", name="＋ 添加步骤").click()
    new = len(EXAMPLE)
    expect(control(page, new, "name")).to_be_focused()
    control(page, new, "name").fill("夜床服务")
    control(page, new, "fail").check()
    page.get_by_role("button", name="← 前移：夜床服务").click()  # before 离店后
    assert names(page) == [*EXAMPLE[:-1], "夜床服务", EXAMPLE[-1]]
    assert listed(page, "fails")[-1] == "夜床服务"
    go(page, EXAMPLE.index("退房"))
    page.get_by_role("button", name="删除：退房").click()  # it has content: the fixture confirms
    assert visit.confirmed == ["确定删除步骤“\u2068退房\u2069”吗？这一步填写的内容将一并删除。"]
    assert "退房" not in names(page) and "退房" not in listed(page, "fails")
    # an empty step goes without a question
    page.get_by_role("button", name="＋ 添加步骤").click()
    go(page, len(EXAMPLE))
    page.get_by_role("button", name=f"删除：第 {len(EXAMPLE) + 1} 步").click()
    assert len(visit.confirmed) == 1
    expected = [name for name in EXAMPLE[:-1] if name != "退房"] + ["夜床服务", EXAMPLE[-1]]
    assert names(page) == expected
    page.reload()
    assert names(page) == expected
    # up to max_steps, then the button says no more
    add = page.get_by_role("button", name="＋ 添加步骤")
    while len(names(page)) < BLUEPRINT.max_steps:
        add.click()
    expect(add).to_be_disabled()


def test_export_clear_import_restores_exactly(visit: Watched, tmp_path: Path) -> None:
    page = open_blueprint(visit)
    page.get_by_label("蓝图名称").fill("度假村蓝图")
    go(page, 0)
    control(page, 0, "beyond").fill("预订后寄一张手绘地图")
    control(page, 0, "wait").check()
    before = exported(page, tmp_path, "before.json")
    assert before["worksheet"] == "service-blueprint"
    assert before["data"]["steps"][0]["beyond"] == "预订后寄一张手绘地图"
    page.get_by_role("button", name="清除内容").click()
    assert visit.confirmed and visit.confirmed[-1].startswith("确定清除")
    expect(page.get_by_label("蓝图名称")).to_have_value("")
    expect(control(page, 0, "beyond")).to_have_value(BLUEPRINT.example[0].beyond)  # the example again
    page.locator('.tp-ws input[type="file"]').set_input_files(tmp_path / "before.json")
    expect(page.get_by_label("蓝图名称")).to_have_value("度假村蓝图")
    after = exported(page, tmp_path, "after.json")
    assert after["data"] == before["data"]


def test_the_example_button_asks_before_replacing_edits(visit: Watched) -> None:
    page = open_blueprint(visit)
    go(page, 4)
    control(page, 4, "customer").fill("我们自己的流程")
    page.get_by_role("button", name="载入酒店示例").click()
    assert visit.confirmed == ["确定用酒店示例替换当前内容吗？当前内容将被覆盖；如需保留，请取消并先“导出 JSON”。"]
    go(page, 4)
    expect(control(page, 4, "customer")).to_have_value(BLUEPRINT.example[4].customer)


def test_bad_files_are_refused_with_the_reason_and_typed_text_stays_text(visit: Watched, tmp_path: Path) -> None:
    page = open_blueprint(visit)
    good = exported(page, tmp_path, "good.json")
    good["data"]["steps"][0].update(name=ATTACK[:20], fail=True, fail_note=ATTACK)
    good["data"]["title"] = ATTACK
    bad_value = json.loads(json.dumps(good))
    bad_value["data"]["steps"][1]["wait"] = "yes"
    files = {
        "good.json": good,
        "other.json": {**good, "worksheet": "journey-map"},
        "bad-value.json": bad_value,
    }
    for name, content in files.items():
        (tmp_path / name).write_text(json.dumps(content), encoding="utf-8")
    upload = page.locator('.tp-ws input[type="file"]')
    upload.set_input_files(tmp_path / "good.json")
    go(page, 0)
    expect(control(page, 0, "name")).to_have_value(ATTACK[:20])
    expect(page.get_by_label("蓝图名称")).to_have_value(ATTACK)
    expect(page.locator('[data-tp-bp-fails] li[data-tp-bp-step="0"]')).to_have_text(f"{ATTACK[:20]}：{ATTACK}")
    assert page.locator(".tp-ws img").count() == 0
    status = page.locator("[data-tp-ws-status]")
    reasons = {
        "other.json": "这是另一个工具（journey-map）的文件",
        "bad-value.json": "“步骤·等待点”中有本工具不接受的值",
    }
    for name, reason in reasons.items():
        upload.set_input_files(tmp_path / name)
        expect(status).to_contain_text(reason)
        expect(status).to_contain_text("已有的内容没有改变")
        expect(control(page, 0, "name")).to_have_value(ATTACK[:20])
        go(page, 1)
        expect(control(page, 1, "wait")).not_to_be_checked()
        go(page, 0)
    assert visit.confirmed == []


def test_csv_has_one_row_per_step_with_every_lane_and_the_marks(visit: Watched, tmp_path: Path) -> None:
    page = open_blueprint(visit)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    target = tmp_path / "blueprint.csv"
    download.value.save_as(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    head, body = rows[0], rows[1:]
    assert head[:7] == ["序号", "步骤", "有形展示", "顾客行为", "前台员工行为", "后台员工行为", "支持流程"]
    assert [row[1] for row in body] == EXAMPLE
    by_name = {row[1]: dict(zip(head, row, strict=True)) for row in body}
    confirm = BLUEPRINT.example[1]
    assert by_name["确认"]["失误点 F"] == "F" and by_name["确认"]["可能出错的地方"] == confirm.fail_point
    assert by_name["确认"]["等待点 W"] == "" and by_name["确认"]["超越期望"] == confirm.beyond
    assert by_name["早餐"]["等待点 W"] == "W" and by_name["早餐"]["失误点 F"] == ""
    assert by_name["预订"]["支持流程"] == BLUEPRINT.example[0].support


def test_print_shows_the_blueprint_and_hides_the_toolbar(visit: Watched) -> None:
    page = open_blueprint(visit)
    go(page, 3)
    control(page, 3, "beyond").fill("雨天在门口备好伞和毛巾")
    page.emulate_media(media="print")
    printed = page.locator(".tp-bp__print")
    expect(printed).to_be_visible()
    expect(page.locator(".tp-ws__toolbar")).to_be_hidden()
    expect(page.locator(".tp-bp__grid")).to_be_hidden()
    heads = printed.locator("thead th").all_text_contents()
    assert heads[1:9] == [f"{i + 1}. {name}" for i, name in enumerate(EXAMPLE[:8])]
    row = printed.locator("tr", has=page.locator("th", has_text=re.compile("^超越期望$"))).first
    expect(row.locator("td").nth(3)).to_have_text("雨天在门口备好伞和毛巾")
    expect(printed.locator(".tp-bp__print-line td")).to_have_text(["互动线", "可视线", "内部互动线"] * 2)
    expect(page.locator("[data-tp-bp-fails]")).to_be_visible()


def test_without_javascript_the_blank_paper_blueprint_is_shown(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{base_url}tools/service-blueprint.html")
        paper = page.locator(".tp-bp-paper__table")
        expect(paper).to_be_visible()
        expect(paper.locator("tbody th[scope=row]")).to_have_text(
            [
                "有形展示",
                "顾客行为",
                "前台员工行为",
                "后台员工行为",
                "支持流程",
                re.compile("^失误点 F"),
                re.compile("^超越期望"),
            ]
        )
        expect(paper.locator(".tp-bp__line, .tp-bp-paper__line")).to_have_text(["互动线", "可视线", "内部互动线"])
        rows = paper.locator("tbody tr").evaluate_all("rs => rs.map(r => r.className)")
        assert rows.index("tp-bp-paper__line") == 2  # 互动线 right under 顾客行为
    finally:
        context.close()


def test_the_phone_layout_passes_with_the_watcher_on(browser: Browser, base_url: str) -> None:
    with watched_page(browser, PHONE, base_url) as watched:
        page = watched.page
        page.goto(f"{base_url}tools/service-blueprint.html")
        page.locator(".tp-bp__next").first.click()
        expect(page.locator("[data-tp-bp-picker]")).to_have_value("1")
        expect(control(page, 1, "name")).to_be_visible()
        expect(control(page, 0, "name")).to_be_hidden()
        page.locator(".tp-bp__prev").last.click()
        expect(page.locator("[data-tp-bp-picker]")).to_have_value("0")
