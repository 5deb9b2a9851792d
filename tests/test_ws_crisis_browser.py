"""The crisis toolkit in a real browser, over HTTP at desktop size and from file:// on a phone:
fill it, per-phase progress and the chosen level's criteria, kept across a reload, export →
clear → import restores exactly, bad files refused with their reason and nothing changed, typed
markup shown as text, the checklist CSV, print, and the phone layout.

Any console error, page error, unexpected dialog or request that leaves the site fails the test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from macros.catalogue import load_catalogue
from macros.worksheets.crisis import CrisisToolkit

from .browser import Watched
from .conftest import ROOT

pytestmark = pytest.mark.browser

_FOUND = load_catalogue(ROOT).worksheet("crisis-toolkit")
assert isinstance(_FOUND, CrisisToolkit)
T: CrisisToolkit = _FOUND
FIRST, DAY, THREE = T.phases
LEVEL = T.levels[2]
MEDIA = next(s for s in T.stakeholders if s.id == "media")
XSS = "<img src=x onerror=alert(1)>"


def open_toolkit(visit: Watched) -> Page:
    page = visit.page
    page.goto(f"{visit.site}tools/crisis-toolkit.html")
    expect(page.locator("[data-tp-crisis-progress]").first).to_be_visible()
    return page


def progress(page: Page, phase_id: str) -> Any:
    return page.locator(f'[data-tp-crisis-progress="{phase_id}"]')


def task(page: Page, task_id: str) -> Any:
    return page.locator(f'[data-tp-crisis-task="{task_id}"]')


def fill(page: Page) -> None:
    """Incident, time, level 3, three first-hour tasks ticked (one with owner and note), one
    24-hour task ticked, a message to the media and one review answer."""
    page.get_by_label("事件经过").fill("宴会厅婚宴后 12 位客人腹泻，其中 2 人就医")
    page.get_by_label("发生时间").fill("2026-11-28 22:10")
    page.get_by_label(LEVEL.name).check()
    for t in FIRST.tasks[:3]:
        page.get_by_label(t.text).check()
    row = task(page, FIRST.tasks[0].id)
    row.get_by_label("负责人").fill("李值班")
    row.get_by_label("备注").fill("22:25 两位客人已送医")
    page.get_by_label(DAY.tasks[1].text).check()
    page.get_by_label("选择对象").select_option(label=MEDIA.name)
    page.get_by_label(f"给{MEDIA.name}的说明").fill("我们已于今晚报告市场监管部门，正在配合调查。")
    page.get_by_label(T.review[0].text).fill("首份说明用了 50 分钟")


def check_filled(page: Page) -> None:
    expect(progress(page, FIRST.id)).to_have_text(f"3 / {len(FIRST.tasks)} 已完成")
    expect(progress(page, DAY.id)).to_have_text(f"1 / {len(DAY.tasks)} 已完成")
    expect(progress(page, THREE.id)).to_have_text(f"0 / {len(THREE.tasks)} 已完成")
    expect(page.get_by_label("事件经过")).to_have_value("宴会厅婚宴后 12 位客人腹泻，其中 2 人就医")
    expect(page.get_by_label(LEVEL.name)).to_be_checked()
    detail = page.locator("[data-tp-crisis-level-detail]")
    expect(detail).to_contain_text(LEVEL.criteria)
    expect(detail).to_contain_text(LEVEL.response)
    row = task(page, FIRST.tasks[0].id)
    expect(row.get_by_label("负责人")).to_have_value("李值班")
    expect(row.get_by_label("备注")).to_have_value("22:25 两位客人已送医")
    expect(task(page, FIRST.tasks[3].id).get_by_role("checkbox")).not_to_be_checked()
    expect(page.get_by_label(T.review[0].text)).to_have_value("首份说明用了 50 分钟")


def export_json(page: Page, tmp_path: Path, name: str) -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    target = tmp_path / name
    download.value.save_as(target)
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def import_file(page: Page, path: Path) -> None:
    page.locator(".tp-ws input[type=file]").set_input_files(str(path))


def test_fill_shows_progress_and_level_and_survives_a_reload(visit: Watched) -> None:
    page = open_toolkit(visit)
    detail = page.locator("[data-tp-crisis-level-detail]")
    expect(detail).not_to_contain_text(LEVEL.criteria)
    fill(page)
    check_filled(page)
    message = page.get_by_label(f"给{MEDIA.name}的说明")
    count = page.locator(f'[data-tp-crisis-message="{MEDIA.id}"] [data-tp-crisis-count]')
    expect(count).to_have_text(f"{len(message.input_value())} / 2000 字")
    # unticking one task counts down at once
    page.get_by_label(FIRST.tasks[1].text).uncheck()
    expect(progress(page, FIRST.id)).to_have_text(f"2 / {len(FIRST.tasks)} 已完成")
    page.get_by_label(FIRST.tasks[1].text).check()
    page.reload()
    expect(progress(page, FIRST.id)).to_have_text(f"3 / {len(FIRST.tasks)} 已完成")
    check_filled(page)
    # the drafter keeps one text per stakeholder
    page.get_by_label("选择对象").select_option(label=MEDIA.name)
    expect(page.get_by_label(f"给{MEDIA.name}的说明")).to_have_value("我们已于今晚报告市场监管部门，正在配合调查。")
    page.get_by_label("选择对象").select_option(label=T.stakeholders[0].name)
    expect(page.get_by_label(f"给{T.stakeholders[0].name}的说明")).to_have_value("")


def test_export_clear_import_restores_exactly(visit: Watched, tmp_path: Path) -> None:
    page = open_toolkit(visit)
    fill(page)
    first = export_json(page, tmp_path, "first.json")
    assert first["worksheet"] == "crisis-toolkit" and first["data"]["severity"] == LEVEL.id
    assert [r["task"] for r in first["data"]["tasks"]] == [t.id for p in T.phases for t in p.tasks]
    page.get_by_role("button", name="清除内容").click()
    assert len(visit.confirmed) == 1 and visit.confirmed[0].startswith("确定清除")
    expect(progress(page, FIRST.id)).to_have_text(f"0 / {len(FIRST.tasks)} 已完成")
    expect(page.get_by_label("事件经过")).to_have_value("")
    import_file(page, tmp_path / "first.json")
    check_filled(page)
    again = export_json(page, tmp_path, "again.json")
    assert again["data"] == first["data"]


def test_bad_files_are_refused_with_their_reason_and_nothing_changes(visit: Watched, tmp_path: Path) -> None:
    page = open_toolkit(visit)
    fill(page)
    before = export_json(page, tmp_path, "before.json")
    status = page.locator("[data-tp-ws-status]")
    other = {**before, "worksheet": "journey-map"}
    (tmp_path / "other.json").write_text(json.dumps(other), encoding="utf-8")
    import_file(page, tmp_path / "other.json")
    expect(status).to_contain_text("这是另一个工具（journey-map）的文件")
    expect(status).to_contain_text("已有的内容没有改变")
    bad = json.loads(json.dumps(before))
    bad["data"]["tasks"][0]["done"] = "yes"
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    import_file(page, tmp_path / "bad.json")
    expect(status).to_contain_text("本工具不接受的值")
    unknown = json.loads(json.dumps(before))
    unknown["data"]["severity"] = "level-9"
    (tmp_path / "unknown.json").write_text(json.dumps(unknown), encoding="utf-8")
    import_file(page, tmp_path / "unknown.json")
    expect(status).to_contain_text("严重程度")
    check_filled(page)
    assert export_json(page, tmp_path, "after.json")["data"] == before["data"]
    assert visit.confirmed == []


def test_typed_and_imported_markup_shows_as_text(visit: Watched, tmp_path: Path) -> None:
    page = open_toolkit(visit)
    page.get_by_label("事件经过").fill(XSS)
    page.get_by_label("选择对象").select_option(label=MEDIA.name)
    page.get_by_label(f"给{MEDIA.name}的说明").fill(XSS)
    data = export_json(page, tmp_path, "typed.json")
    data["data"]["tasks"][0]["owner"] = XSS
    data["data"]["tasks"][0]["note"] = XSS
    (tmp_path / "markup.json").write_text(json.dumps(data), encoding="utf-8")
    import_file(page, tmp_path / "markup.json")  # replaces what is there: the fixture confirms
    row = task(page, FIRST.tasks[0].id)
    expect(row.get_by_label("负责人")).to_have_value(XSS)
    assert visit.confirmed and visit.confirmed[0].startswith("确定用")
    expect(row.get_by_label("备注")).to_have_value(XSS)
    expect(page.get_by_label("事件经过")).to_have_value(XSS)
    expect(page.locator(".tp-ws img")).to_have_count(0)
    expect(page.locator(f'[data-tp-crisis-message="{MEDIA.id}"] [data-tp-crisis-count]')).to_have_text(
        f"{len(XSS)} / 2000 字"
    )


def test_checklist_csv_has_phase_task_done_owner_note(visit: Watched, tmp_path: Path) -> None:
    page = open_toolkit(visit)
    fill(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    target = tmp_path / "tasks.csv"
    download.value.save_as(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["阶段", "事项", "已完成", "负责人", "备注"]
    assert len(rows) == 1 + sum(len(p.tasks) for p in T.phases)
    assert rows[1] == [FIRST.name, FIRST.tasks[0].text, "是", "李值班", "22:25 两位客人已送医"]
    assert rows[4] == [FIRST.name, FIRST.tasks[3].text, "否", "", ""]
    assert rows[1 + len(FIRST.tasks) + 1] == [DAY.name, DAY.tasks[1].text, "是", "", ""]


def test_print_shows_the_content_and_hides_the_toolbar(visit: Watched) -> None:
    page = open_toolkit(visit)
    fill(page)
    page.get_by_label("选择对象").select_option(label=T.stakeholders[0].name)  # the media text is now hidden
    media = page.locator(f'[data-tp-crisis-message="{MEDIA.id}"]')
    expect(media).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".tp-ws__toolbar")).to_be_hidden()
    expect(page.get_by_label("选择对象")).to_be_hidden()
    expect(media).to_be_visible()  # every written message prints
    expect(page.locator(f'[data-tp-crisis-message="{T.stakeholders[1].id}"]')).to_be_hidden()  # empty ones do not
    expect(progress(page, FIRST.id)).to_be_visible()
    expect(page.get_by_label("事件经过")).to_be_visible()
    expect(page.locator("[data-tp-ws-paper]")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".tp-ws__toolbar")).to_be_visible()


def test_phone_layout_fits_and_controls_are_thumb_sized(visit: Watched) -> None:
    page = open_toolkit(visit)
    fill(page)
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    controls = page.locator(".tp-crisis input[type=text], .tp-crisis textarea, .tp-crisis select")
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        if box:
            assert box["height"] >= 44, controls.nth(i).get_attribute("id")
            assert box["x"] + box["width"] <= width
    # a tick and a level are chosen by their whole row, at least 44 px tall
    for target in (page.locator(".tp-crisis__task .tp-ws-check").first, page.locator(".tp-crisis__level").first):
        box = target.bounding_box()
        assert box and box["height"] >= 44
    # keyboard: Tab reaches the first level's radio with a visible focus ring
    page.get_by_label("发生时间").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.type")
    assert focused == "radio"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
