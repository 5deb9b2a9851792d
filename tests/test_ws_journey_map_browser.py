"""The journey-map worksheet in a real browser, over HTTP at desktop size and from file:// on a
375-px phone: a map filled card by card, its curve, the peak-end reading in the right elements,
reload, export → clear → import, bad files refused, text kept as text, stages renamed, added
and removed, touchpoints moved, a case loaded as an editable copy, CSV, and print on one A4
landscape page. Any console error, page error or off-site request fails the test."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.catalogue import load_catalogue

from .browser import DESKTOP, PHONE, Watched
from .conftest import ROOT
from .test_accessibility import serious_violations

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
ATTACK = "<img src=x onerror=alert(1)>"
TEXT_FIELDS = ("name", "behaviour", "thought", "pain", "opportunity")


def open_map(visit: Watched) -> Page:
    page = visit.page
    page.goto(f"{visit.site}tools/journey-map.html")
    expect(page.locator(".tp-jm")).to_be_visible()
    return page


def card(page: Page, n: int) -> Locator:
    """The card of touchpoint n (0-based, in journey order)."""
    return page.locator(f'[data-jm-tp="{n}"]')


def out(page: Page, key: str) -> Locator:
    return page.locator(f'[data-tp-jm="{key}"]')


def add(page: Page, stage: int) -> None:
    page.locator(f'[data-jm-stage-box="{stage}"] [data-jm-act="add-tp"]').click()


def emotion(c: Locator, value: int | None) -> None:
    """Tap the emotion button as a person would (its label)."""
    suffix = "-e" if value is None else f"-e{value}"
    c.locator(f'label[for$="{suffix}"]').click()


def fill_card(c: Locator, values: dict[str, Any]) -> None:
    for field in TEXT_FIELDS:
        if field in values:
            c.locator(f'[data-jm-f="{field}"]').fill(values[field])
    for field in ("type", "channel"):
        if field in values:
            c.locator(f'select[data-jm-f="{field}"]').select_option(values[field])
    if "emotion" in values:
        emotion(c, values["emotion"])
    if values.get("moment_of_truth"):
        c.locator('[data-jm-f="moment_of_truth"]').check()


def dom_state(page: Page) -> dict[str, Any]:
    """Everything the form shows, read from the controls."""
    state: dict[str, Any] = page.evaluate(
        """() => {
        const root = document.querySelector('.tp-jm');
        const val = (el) => el ? el.value : null;
        return {
          title: val(root.querySelector('[data-jm-top="title"]')),
          persona: val(root.querySelector('[data-jm-top="persona"]')),
          stages: [...root.querySelectorAll('[data-jm-stage]')].map((el) => el.value),
          cards: [...root.querySelectorAll('[data-jm-tp]')].map((c) => {
            const o = {};
            for (const f of ['stage', 'name', 'type', 'channel', 'behaviour', 'thought', 'pain', 'opportunity'])
              o[f] = c.querySelector(`[data-jm-f="${f}"]`).value;
            const e = c.querySelector('input[data-jm-f="emotion"]:checked');
            o.emotion = e ? e.value : null;
            o.mot = c.querySelector('[data-jm-f="moment_of_truth"]').checked;
            return o;
          }),
        };
      }"""
    )
    return state


FIRST = {
    "name": "前台办理入住",
    "type": "互动点",
    "channel": "线下",
    "behaviour": "带孩子排队等候办理入住",
    "thought": "怎么还要等这么久",
    "emotion": -2,
    "pain": "高峰期只开一个窗口",
    "opportunity": "提前线上登记，到店直接取卡",
    "moment_of_truth": True,
}
SECOND = {"name": "退房送别", "type": "体验点", "channel": "线下", "emotion": 1, "behaviour": "退房时收到手写卡片"}


def fill_two(page: Page) -> None:
    page.locator('[data-jm-top="title"]').fill("暑期亲子度假")
    page.locator('[data-jm-top="persona"]').fill("带两个孩子自驾来度假的家庭")
    add(page, 3)
    fill_card(card(page, 0), FIRST)
    add(page, 4)
    fill_card(card(page, 1), SECOND)


def test_filling_cards_gives_the_curve_and_the_peak_end_reading(visit: Watched) -> None:
    page = open_map(visit)
    fill_two(page)
    expect(card(page, 0).locator(".tp-jm__card-title")).to_have_text("触点 1")
    # the peak is 前台办理入住 (−2, the most intense), the end 退房送别 (+1): (−2 + 1) ÷ 2 = −0.5
    expect(out(page, "peak-name")).to_have_text("前台办理入住")
    expect(out(page, "peak-value")).to_have_text("\u22122")
    expect(out(page, "end-name")).to_have_text("退房送别")
    expect(out(page, "end-value")).to_have_text("+1")
    expect(out(page, "peak-end")).to_have_text("\u22120.5")
    expect(out(page, "mean")).to_have_text("\u22120.5")
    expect(out(page, "fix")).to_contain_text("「前台办理入住」")
    dots = page.locator(".tp-jm .tp-journey__dot")
    expect(dots).to_have_count(2)
    assert dots.nth(0).get_attribute("class").split() == [
        "tp-journey__dot",
        "tp-journey__dot--down",
        "tp-journey__dot--mot",
        "tp-journey__dot--peak",
    ]
    assert "tp-journey__dot--end" in (dots.nth(1).get_attribute("class") or "")
    labels = page.locator(".tp-jm .tp-journey__stage-label").all_inner_texts()
    assert labels == ["意识", "考虑", "购买", "使用", "忠诚"]
    # the end turns negative: fix the end first
    emotion(card(page, 1), -1)
    expect(out(page, "end-value")).to_have_text("\u22121")
    expect(out(page, "fix")).to_contain_text("先修复结尾")
    # one thumb on a phone: nothing scrolls sideways, every control is at least 44 px tall
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # type: ignore[index]
    for box in [card(page, 0).locator("label[for$='-e-3']"), card(page, 0).locator('[data-jm-act="up"]')]:
        assert (box.bounding_box() or {"height": 0})["height"] >= 44


def test_reload_keeps_everything(visit: Watched) -> None:
    page = open_map(visit)
    fill_two(page)
    page.locator('[data-jm-stage="1"]').fill("比较")
    before = dom_state(page)
    assert before["cards"][0] == {
        **{k: v for k, v in FIRST.items() if k not in ("emotion", "moment_of_truth")},
        "stage": "3",
        "emotion": "-2",
        "mot": True,
    }
    page.reload()
    expect(card(page, 1)).to_be_visible()
    assert dom_state(page) == before
    expect(out(page, "peak-end")).to_have_text("\u22120.5")


def export(page: Page, tmp_path: Path, name: str) -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    path = tmp_path / name
    download.value.save_as(path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_export_clear_import_restores_exactly(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    fill_two(page)
    exported = export(page, tmp_path, "map.json")
    assert exported["worksheet"] == "journey-map"
    tps = exported["data"]["touchpoints"]
    assert [(t["stage"], t["name"], t["emotion"], t["moment_of_truth"]) for t in tps] == [
        (3, "前台办理入住", -2, True),
        (4, "退房送别", 1, False),
    ]
    assert tps[1]["thought"] is None  # nothing typed is null, not ""
    page.get_by_role("button", name="清除内容").click()
    assert len(visit.confirmed) == 1 and visit.confirmed[0].startswith("确定清除")
    expect(page.locator("[data-jm-tp]")).to_have_count(0)
    expect(page.locator('[data-jm-top="title"]')).to_have_value("")
    page.locator(".tp-ws input[type=file]").set_input_files(tmp_path / "map.json")
    expect(page.locator("[data-jm-tp]")).to_have_count(2)
    again = export(page, tmp_path, "again.json")
    assert again["data"] == exported["data"]


def test_bad_files_are_refused_with_the_reason_and_nothing_changes(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    fill_two(page)
    good = export(page, tmp_path, "good.json")
    before = dom_state(page)
    other = {**good, "worksheet": "emotion-map"}
    bad_value = json.loads(json.dumps(good))
    bad_value["data"]["touchpoints"][0]["emotion"] = 5
    cases = {"other.json": (other, "emotion-map"), "bad.json": (bad_value, "情绪")}
    status = page.locator("[data-tp-ws-status]")
    for name, (body, reason) in cases.items():
        (tmp_path / name).write_text(json.dumps(body), encoding="utf-8")
        page.locator(".tp-ws input[type=file]").set_input_files(tmp_path / name)
        expect(status).to_contain_text(f"无法导入“\u2068{name}\u2069”")
        expect(status).to_contain_text(reason)
        assert dom_state(page) == before
    assert visit.confirmed == []


def test_typed_and_imported_markup_stays_text(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    add(page, 0)
    fill_card(card(page, 0), {"name": ATTACK, "emotion": 2, "pain": ATTACK})
    add(page, 1)
    fill_card(card(page, 1), {"name": "第二个", "emotion": -3})
    expect(out(page, "end-name")).to_have_text("第二个")
    good = export(page, tmp_path, "x.json")
    good["data"]["stages"][1]["name"] = "<img src=x>"  # a stage name holds 20 characters
    good["data"]["title"] = ATTACK
    (tmp_path / "x.json").write_text(json.dumps(good), encoding="utf-8")
    page.locator(".tp-ws input[type=file]").set_input_files(tmp_path / "x.json")  # replaces: confirmed
    expect(page.locator('[data-jm-stage="1"]')).to_have_value("<img src=x>")
    emotion(card(page, 1), 1)  # now 2 is the peak
    expect(out(page, "peak-name")).to_have_text(ATTACK)
    assert page.locator(".tp-ws img").count() == 0
    page.emulate_media(media="print")
    expect(page.locator(".tp-jm-print__grid thead th").nth(2)).to_have_text("<img src=x>")
    expect(page.locator(".tp-jm-print__grid tbody tr").nth(4).locator("td").first).to_have_text("1. " + ATTACK)
    expect(page.locator(".tp-jm-print__head")).to_contain_text(ATTACK)
    assert page.locator(".tp-ws img").count() == 0


def test_stages_rename_add_remove_and_touchpoints_move(visit: Watched) -> None:
    page = open_map(visit)
    add(page, 0)
    fill_card(card(page, 0), {"name": "A", "emotion": 1})
    add(page, 0)
    fill_card(card(page, 1), {"name": "B", "emotion": 2})
    add(page, 2)
    fill_card(card(page, 2), {"name": "C", "emotion": -1})
    # move B up, then C to stage 0 (it goes last there)
    card(page, 1).locator('[data-jm-act="up"]').click()
    expect(card(page, 0).locator('[data-jm-f="name"]')).to_have_value("B")
    expect(card(page, 0).locator('[data-jm-act="up"]')).to_be_focused()
    card(page, 2).locator('select[data-jm-f="stage"]').select_option("0")
    assert [c["name"] for c in dom_state(page)["cards"]] == ["B", "A", "C"]
    assert [c["stage"] for c in dom_state(page)["cards"]] == ["0", "0", "0"]
    # rename: the curve, the stage choices and the printed grid follow
    page.locator('[data-jm-stage="0"]').fill("种草")
    expect(page.locator(".tp-jm .tp-journey__stage-label").first).to_have_text("种草")
    expect(card(page, 0).locator('select[data-jm-f="stage"] option').first).to_have_text("种草")
    # an empty stage goes without a question; one with touchpoints only after a confirm naming them
    page.locator('[data-jm-stage-box="1"] [data-jm-act="del-stage"]').click()
    assert visit.confirmed == []
    expect(page.locator("[data-jm-stage-box]")).to_have_count(4)
    page.locator('[data-jm-stage-box="0"] [data-jm-act="del-stage"]').click()
    assert len(visit.confirmed) == 1 and "3 个触点" in visit.confirmed[0] and "种草" in visit.confirmed[0]
    expect(page.locator("[data-jm-tp]")).to_have_count(0)
    # up to 8 stages
    add_stage = page.locator('[data-jm-act="add-stage"]')
    for _ in range(5):
        add_stage.click()
    expect(page.locator("[data-jm-stage-box]")).to_have_count(8)
    expect(add_stage).to_be_disabled()
    # an empty card goes without a question, one with content after a confirm
    add(page, 0)
    card(page, 0).locator('[data-jm-act="del-tp"]').click()
    add(page, 0)
    fill_card(card(page, 0), {"name": "D"})
    card(page, 0).locator('[data-jm-act="del-tp"]').click()
    assert len(visit.confirmed) == 2 and "D" in visit.confirmed[1]
    expect(page.locator("[data-jm-tp]")).to_have_count(0)


def test_a_case_loads_as_an_editable_copy(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    add(page, 0)
    fill_card(card(page, 0), {"name": "我的触点"})
    page.locator(".tp-jm__case select").select_option("ritz-carlton")
    page.locator('[data-jm-act="load-case"]').click()
    assert len(visit.confirmed) == 1 and visit.confirmed[0].startswith("确定用案例")  # it asked first
    case = CATALOGUE.case("ritz-carlton")
    expected = [(s.stage, t) for s in case.journeys[0].stages for t in s.touchpoints]
    expect(page.locator("[data-jm-tp]")).to_have_count(len(expected))
    state = dom_state(page)
    assert state["stages"] == [s.stage for s in case.journeys[0].stages]
    for shown, (stage, tp) in zip(state["cards"], expected, strict=True):
        assert shown["name"] == tp.name
        assert shown["type"] == tp.type and shown["channel"] == tp.channel
        assert shown["behaviour"] == tp.description
        assert shown["emotion"] == (None if tp.emotion is None else str(tp.emotion))
        assert state["stages"][int(shown["stage"])] == stage
    expect(page.locator("[data-tp-ws-status]")).to_contain_text("示意值")
    # editable: a change is kept
    card(page, 0).locator('[data-jm-f="pain"]').fill("官网找不到亲子房型")
    page.reload()
    expect(card(page, 0).locator('[data-jm-f="pain"]')).to_have_value("官网找不到亲子房型")
    # CSV: one row per touchpoint with its stage name and every lane
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    saved = tmp_path / "map.csv"
    download.value.save_as(saved)
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "阶段", "触点"] and len(rows[0]) == 11
    assert len(rows) == 1 + len(expected)
    first_stage, first = expected[0]
    assert rows[1][:5] == ["1", first_stage, first.name, first.type, first.channel]
    assert rows[1][8] == "官网找不到亲子房型"


def test_print_shows_the_map_and_hides_the_toolbar(visit: Watched) -> None:
    page = open_map(visit)
    fill_two(page)
    page.emulate_media(media="print")
    expect(page.locator(".tp-ws__toolbar")).to_be_hidden()
    expect(page.locator(".tp-jm__stages")).to_be_hidden()
    expect(page.locator(".tp-jm .tp-journey__curve")).to_be_visible()
    grid = page.locator(".tp-jm-print__grid")
    expect(grid).to_be_visible()
    # row 触点, column 使用 (the 4th stage): "1. 前台办理入住 · 互动点 · 线下 · ★关键时刻"
    cell = grid.locator("tbody tr").nth(0).locator("td").nth(3)
    expect(cell).to_have_text("1. 前台办理入住 · 互动点 · 线下 · ★关键时刻")
    expect(grid.locator("tbody tr").nth(3).locator("td").nth(4)).to_have_text("2. +1")
    expect(out(page, "peak-end")).to_be_visible()


def pdf_text_by_page(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def test_a_case_map_prints_on_one_a4_landscape_page(visit: Watched, tmp_path: Path) -> None:
    page = open_map(visit)
    apple = CATALOGUE.case("apple")  # a long map: one journey of about ten touchpoints
    count = sum(len(stage.touchpoints) for stage in apple.journeys[0].stages)
    page.locator(".tp-jm__case select").select_option("apple")
    page.locator('[data-jm-act="load-case"]').click()
    expect(page.locator("[data-jm-tp]")).to_have_count(count)
    pdf = tmp_path / "map.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert sizes and all(round(float(w)) == 842 and round(float(h)) == 595 for w, h in sizes), sizes
    pages = [p for p in pdf_text_by_page(pdf) if "泳道" in p]
    assert len(pages) == 1, "the map's grid starts on one page only"
    [map_page] = pages
    for text in ("峰终值", "建议优先处理", "机会", f"{count}. ", "Today at Apple"):
        assert text in map_page, text
    assert "忠诚" in map_page and "意识" in map_page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_filled_map_has_no_serious_accessibility_violations(
    browser: Browser, base_url: str, viewport: dict[str, int]
) -> None:
    # over HTTP only: axe reads the stylesheets, which a file:// page may not fetch
    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    watched = Watched(page, base_url)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base_url}tools/journey-map.html")
    page.locator(".tp-jm__case select").select_option("united-airlines-1")  # the 2017 passenger's journey
    page.locator('[data-jm-act="load-case"]').click()
    fill_card(card(page, 0), {"moment_of_truth": True})
    expect(page.locator(".tp-jm .tp-journey__dot").first).to_be_visible()
    assert serious_violations(page) == []
    watched.assert_clean()
    page.close()
