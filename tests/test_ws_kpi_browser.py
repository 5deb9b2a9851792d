"""The touchpoint KPI worksheet in a real browser (http at desktop size, file:// at phone size).

Each test fills the real form and reads the figure from its row and column of the results table
or the funnel: a figure, its interval, a per-field problem, an imported row, a kept answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from .browser import Watched

PAGE = "tools/touchpoint-kpi.html"
XSS = "前台<img src=x onerror=alert(1)>"


def open_sheet(visit: Watched) -> Page:
    page = visit.page
    page.goto(visit.site + PAGE)
    expect(page.locator("[data-tp-ws-live]")).to_be_visible()
    return page


def row(page: Page, k: int) -> Locator:
    return page.locator("[data-tp-kpi-row]").nth(k)


def fill(page: Page, k: int, values: dict[str, str]) -> None:
    for key, value in values.items():
        row(page, k).locator(f'[data-tp-kpi-field="{key}"]').fill(value)


def cell(page: Page, figure: str, k: int) -> Locator:
    """The figure of the k-th touchpoint (0-based) in the results table."""
    return page.locator(f'tr[data-tp-kpi-figure="{figure}"] td').nth(k)


def start_blank(page: Page) -> None:
    page.get_by_role("button", name="清空示例，从空白表开始").click()
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(1)


def exported(page: Page, tmp_path: Path, button: str = "导出 JSON") -> Any:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    return json.loads(text) if button == "导出 JSON" else text


def import_file(page: Page, path: Path) -> None:
    page.locator(".tp-ws input[type=file]").set_input_files(str(path))


FILLED = {
    "name": XSS,
    "entrants": "1,000",
    "conversions": "120",
    "satisfied": "8",
    "ratings": "10",
    "promoters": "9",
    "passives": "7",
    "detractors": "4",
    "margin": "100",
    "retention": "80%",
    "discount_rate": "0.1",
}


def test_the_example_shows_every_figure_beside_its_formula_and_the_funnel(visit: Watched) -> None:
    page = open_sheet(visit)
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(6)
    expect(cell(page, "conversion_pct", 0)).to_have_text("12.0%")  # 960 ÷ 8000
    expect(cell(page, "nps", 2)).to_have_text("+15.0")  # (96 − 60) ÷ 240
    expect(cell(page, "churn_pct", 5)).to_have_text("40.0%")
    expect(cell(page, "clv", 5)).to_have_text("540.00 元")  # 450 × 0.6 ÷ (1.1 − 0.6)
    expect(page.locator('tr[data-tp-kpi-figure="clv"] th')).to_contain_text("客户终身价值 CLV = m × r ÷ (1 + i − r)")
    expect(page.locator("[data-tp-kpi-convention]")).to_contain_text("Gupta & Lehmann (2003)")
    step = page.locator('[data-tp-kpi-step="2"]')
    expect(step.locator("[data-tp-kpi-share]")).to_have_text("占首步 12.0%")
    expect(page.locator('[data-tp-kpi-step="3"] [data-tp-kpi-step-conversion]')).to_have_text("较上一步 93.8%")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # type: ignore[index]


def test_fill_on_phone_and_desktop_then_reload_keeps_everything(visit: Watched) -> None:
    page = open_sheet(visit)
    start_blank(page)
    fill(page, 0, FILLED)
    page.get_by_role("button", name="添加触点").click()
    fill(page, 1, {"name": "早餐", "entrants": "400"})
    expect(cell(page, "conversion_pct", 0)).to_have_text("12.0%")
    expect(cell(page, "csat_pct", 0)).to_have_text("80.0%")
    expect(cell(page, "csat_interval", 0)).to_have_text("49.0%–94.3%")
    expect(cell(page, "nps", 0)).to_have_text("+25.0")
    expect(cell(page, "nps_interval", 0)).to_have_text("\u22128.6 至 +58.6")
    expect(cell(page, "margin_multiple", 0)).to_have_text("2.67")  # the published example: r = 0.8, i = 0.1
    expect(cell(page, "clv", 0)).to_have_text("266.67 元")
    expect(cell(page, "clv", 1)).to_have_text("—")
    expect(page.locator('[data-tp-kpi-step="2"] [data-tp-kpi-share]')).to_have_text("占首步 40.0%")
    # a person's text stays text: in the table head and the funnel
    expect(page.locator("[data-tp-kpi-results] thead th").nth(1)).to_have_text(XSS)
    expect(page.locator('[data-tp-kpi-step="1"] .tp-kpi__step-name')).to_have_text(XSS)
    assert page.locator(".tp-ws img").count() == 0
    if page.viewport_size and page.viewport_size["width"] < 500:
        box = row(page, 0).locator('[data-tp-kpi-field="entrants"]').bounding_box()
        assert box and box["height"] >= 44
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.reload()
    expect(row(page, 0).locator('[data-tp-kpi-field="entrants"]')).to_have_value("1,000")
    expect(row(page, 0).locator('[data-tp-kpi-field="name"]')).to_have_value(XSS)
    expect(row(page, 1).locator('[data-tp-kpi-field="name"]')).to_have_value("早餐")
    expect(cell(page, "clv", 0)).to_have_text("266.67 元")


def test_a_bad_value_is_named_beside_its_field_and_kept_as_typed(visit: Watched) -> None:
    page = open_sheet(visit)
    start_blank(page)
    fill(page, 0, {"name": "前台", "entrants": "abc", "conversions": "5", "retention": "80"})
    note = row(page, 0).locator('[data-tp-kpi-note="entrants"]')
    expect(note).to_be_visible()
    expect(note).to_contain_text("进入人数不是数字「abc」")
    expect(row(page, 0).locator('[data-tp-kpi-note="retention"]')).to_contain_text("留存率应在 0 到 1 之间")
    expect(row(page, 0).locator('[data-tp-kpi-note="conversions"]')).to_be_hidden()
    expect(cell(page, "conversion_pct", 0)).to_have_text("—")
    page.reload()
    expect(row(page, 0).locator('[data-tp-kpi-field="entrants"]')).to_have_value("abc")
    expect(row(page, 0).locator('[data-tp-kpi-note="entrants"]')).to_be_visible()


def test_export_clear_import_restores_exactly_and_bad_files_change_nothing(visit: Watched, tmp_path: Path) -> None:
    page = open_sheet(visit)
    start_blank(page)
    fill(page, 0, FILLED)
    saved = exported(page, tmp_path)
    page.get_by_role("button", name="清除内容").click()
    assert visit.confirmed and visit.confirmed[-1].startswith("确定清除")
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(6)  # the fresh worksheet: the example
    path = tmp_path / "back.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    import_file(page, path)
    expect(cell(page, "clv", 0)).to_have_text("266.67 元")
    assert exported(page, tmp_path)["data"] == saved["data"]

    before = exported(page, tmp_path)["data"]
    status = page.locator("[data-tp-ws-status]")
    other = tmp_path / "other.json"
    other.write_text(json.dumps(saved | {"worksheet": "journey-map"}), encoding="utf-8")
    import_file(page, other)
    expect(status).to_contain_text("这是另一个工具（journey-map）的文件")
    expect(status).to_contain_text("已有的内容没有改变")
    bad = tmp_path / "bad.json"
    rows = [dict(saved["data"]["touchpoints"][0], entrants="1" * 21)]
    bad.write_text(json.dumps(saved | {"data": {"title": None, "touchpoints": rows}}), encoding="utf-8")
    import_file(page, bad)
    expect(status).to_contain_text("中有本工具不接受的值")
    assert exported(page, tmp_path)["data"] == before


CSV = "\n".join(
    [
        "触点,进入人数,转化人数,单位利润（元）,留存率,折现率",  # 1
        "官网,1000,100,,,",  # 2 good
        "前台,100,120,,,",  # 3 conversions > entrants
        "",  # 4 blank
        "早餐,abc,1,,,",  # 5 not a number
        f'"{XSS}",500,50,100,80%,10%',  # 6 good
    ]
)


def test_a_csv_file_keeps_every_good_row_and_names_each_bad_one_by_line(visit: Watched, tmp_path: Path) -> None:
    page = open_sheet(visit)
    path = tmp_path / "data.csv"
    path.write_text(CSV, encoding="utf-8")
    import_file(page, path)  # the untouched example is replaced without a question
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(2)
    expect(row(page, 1).locator('[data-tp-kpi-field="name"]')).to_have_value(XSS)
    expect(row(page, 1).locator('[data-tp-kpi-field="retention"]')).to_have_value("0.8")
    expect(cell(page, "clv", 1)).to_have_text("266.67 元")
    report = page.locator("[data-tp-kpi-report]")
    expect(report).to_contain_text("data.csv")
    expect(report.locator("li")).to_have_count(2)
    expect(report.locator("li").nth(0)).to_have_text("第 3 行：「前台」：转化人数（120）大于进入人数（100）")
    expect(report.locator("li").nth(1)).to_contain_text("第 5 行：「早餐」：进入人数不是数字「abc」")
    assert visit.confirmed == []


def test_pasted_rows_append_or_replace_after_asking(visit: Watched, built_site: Path) -> None:
    page = open_sheet(visit)
    start_blank(page)
    fill(page, 0, {"name": "我的触点", "entrants": "50"})
    page.get_by_text("粘贴表格或导入 CSV").click()
    page.get_by_label("粘贴表格", exact=True).fill("触点\t进入人数\n大堂\t40\n礼宾\t-1\n")
    page.get_by_role("button", name="读取粘贴的表格").click()
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(2)
    expect(row(page, 0).locator('[data-tp-kpi-field="name"]')).to_have_value("我的触点")
    expect(page.locator("[data-tp-kpi-report] li")).to_have_text(["第 3 行：「礼宾」：进入人数不能为负数「-1」"])
    expect(page.locator('[data-tp-kpi-step="2"] [data-tp-kpi-step-conversion]')).to_have_text("较上一步 80.0%")
    # the shipped sample, pasted over what is there: asked first, every row read
    link = page.locator("[data-tp-kpi-sample]")
    sample = (built_site / "tools" / (link.get_attribute("href") or "")).resolve()
    assert sample.is_file()
    page.get_by_label("替换现有触点（不勾选则追加在后面）").check()
    page.get_by_label("粘贴表格", exact=True).fill(sample.read_text(encoding="utf-8"))
    page.get_by_role("button", name="读取粘贴的表格").click()
    assert visit.confirmed and visit.confirmed[-1].startswith("确定用粘贴的表格替换")
    expect(page.locator("[data-tp-kpi-row]")).to_have_count(7)
    expect(page.locator("[data-tp-kpi-report] li")).to_have_count(0)
    expect(cell(page, "clv", 6)).to_have_text("360.00 元")


def test_the_column_table_comes_from_the_engine(visit: Watched) -> None:
    page = open_sheet(visit)
    page.get_by_text("粘贴表格或导入 CSV").click()
    table = page.locator(".tp-kpi__import table")
    fields = page.evaluate("TPKpi.FIELDS.map((f) => f.label)")
    expect(table.locator("tbody th")).to_have_text(fields)
    retention = table.locator("tbody tr").nth(12).locator("td")
    expect(retention.nth(0)).to_contain_text("retention")
    expect(retention.nth(1)).to_have_text("0–1 或 %")


def test_csv_export_holds_inputs_and_figures(visit: Watched, tmp_path: Path) -> None:
    page = open_sheet(visit)
    text = exported(page, tmp_path, "导出 CSV")
    lines = text.strip().splitlines()
    head = lines[0].split(",")
    assert head[0] == '"触点"' and '"客户终身价值 CLV（元）"' in head
    last = lines[-1].split(",")
    assert last[0] == '"离店回访与复购"' and last[head.index('"客户终身价值 CLV（元）"')] == '"540"'
    assert last[head.index('"折现率"')] == '"0.1"'


def test_print_shows_the_content_and_hides_the_toolbar(visit: Watched) -> None:
    page = open_sheet(visit)
    page.emulate_media(media="print")
    expect(page.locator(".tp-ws__toolbar")).to_be_hidden()
    expect(page.get_by_role("button", name="添加触点")).to_be_hidden()
    expect(row(page, 5)).to_be_visible()
    expect(cell(page, "clv", 5)).to_be_visible()
    expect(page.locator("[data-tp-kpi-convention]")).to_be_visible()
    expect(page.locator("[data-tp-ws-paper]")).to_be_hidden()
