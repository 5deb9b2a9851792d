"""The group page (小组汇总) in a real browser, over HTTP and from file://: answer files of NPS,
questionnaire, matrix, IPA and FMEA scales, some exported from the forms, give the group figures
in their rows and columns. The expected figures are worked out by hand in the comments (group
means, RPN of the means, the crosshair over the means), never by the code under test.

Any console error, page error or request that leaves the site fails the test.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from macros.catalogue import load_catalogue
from macros.models.scale import Scale

from .browser import Watched
from .conftest import ROOT
from .scale_forms import answer_data, example_response, fill, read_table

pytestmark = pytest.mark.browser

SCALES = {scale.id: scale for scale in load_catalogue(ROOT).scales}
SAVED = itertools.count()


def answer_file(scale: Scale, response: dict[str, Any], folder: Path, name: str) -> Path:
    """An answer file as a participant hands it in; each saved at its own moment (the group page
    counts byte-identical files once)."""
    path = folder / name
    data = answer_data(scale, response, saved_at=f"2026-11-22T10:00:00.{next(SAVED):03d}Z")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def exported(page: Page, site: str, scale: Scale, example: Any, path: Path) -> Path:
    """A worked example entered in its form and exported with the form's own button."""
    page.goto(f"{site}scales/{scale.id}.html")
    fill(page, scale, example)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    download.value.save_as(path)
    return path


def one(x: float) -> str:
    return f"{x:.1f}"


def test_group_page_gives_the_nps_and_csat_figures(visit: Watched, tmp_path: Path) -> None:
    page = visit.page
    nps = SCALES["nps"]
    scores = [10, 9, 9, 8, 7, 6, 3, 10]  # 4 promoters, 2 passives, 2 detractors of 8 → NPS +25
    files = [answer_file(nps, {"answers": {"nps": s}}, tmp_path, f"nps-{i}.json") for i, s in enumerate(scores)]
    csat = SCALES["csat"]
    files += [answer_file(csat, example_response(ex), tmp_path, f"csat-{i}.json") for i, ex in enumerate(csat.examples)]
    (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
    files.append(tmp_path / "broken.json")
    page.goto(f"{visit.site}scales/group.html")
    page.locator("[data-tp-group-input]").set_input_files(files)
    expect(page.locator(".tp-group__rejected")).to_contain_text("broken.json")  # rejected, by name

    section = page.locator('[data-tp-group-scale="nps"]')
    expect(section.locator(".tp-group__count")).to_have_text(f"已载入答案文件：{len(scores)} 份（n = {len(scores)}）")
    expect(section.locator(".tp-group__figure-value")).to_have_text("+25")
    # Var = .5·.5 + .25·.75 + 2·.5·.25 = .6875; 1.96 × 100 × √(.6875 / 8) = 57.5 → 25 ± 57.5
    expect(section.locator("[data-tp-nps-interval]")).to_have_text(
        "95% 区间：−32 至 +82（n = 8，正态近似；人数越少，区间越宽）"
    )
    assert read_table(section.locator("table")) == [
        {"类别": "推荐者", "分数": "9–10 分", "人数": "4", "占比": "50.0%"},
        {"类别": "被动者", "分数": "7–8 分", "人数": "2", "占比": "25.0%"},
        {"类别": "贬损者", "分数": "0–6 分", "人数": "2", "占比": "25.0%"},
    ]

    section = page.locator('[data-tp-group-scale="csat"]')
    scored = [ex.expect["score"] for ex in csat.examples if ex.expect["score"] is not None]
    answers = [value for ex in csat.examples for value in ex.answers.values()]
    top = sum(value in csat.scoring.top_box for value in answers)
    facts = section.locator(".tp-group__facts li")
    expect(facts.filter(has_text="满意率（CSAT %）：")).to_have_text(
        f"满意率（CSAT %）：{100 * top / len(answers):.1f}%"
    )
    expect(facts.filter(has_text="平均得分")).to_have_text(f"平均得分：{one(sum(scored) / len(scored))}")
    expect(facts.filter(has_text="可计分的答卷")).to_have_text(
        f"可计分的答卷：{len(scored)} 份（至少答 {csat.scoring.min_answered} 题才计分）"
    )
    bands = Counter(ex.expect["band"] for ex in csat.examples if ex.expect["band"])
    counts = {row["分段"]: row["人数"] for row in read_table(section.locator("table", has_text="得分分段人数"))}
    assert counts == {band.label: str(bands[band.label]) for band in csat.bands}

    with page.expect_download() as download:
        page.get_by_role("button", name="导出汇总 CSV").click()
    saved = tmp_path / "group.csv"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")


# Two people: one worked example exported from the form, another as a file. Each table: the
# column headers, then the rows as the group page must show them, in order.
ROWS_SCALES: dict[str, tuple[tuple[int, int], tuple[str, ...], str, list[tuple[str, ...]]]] = {
    # Index of each touchpoint (examples 0 and 1); 礼宾与问询 is in both: (33.75 + 40) / 2 = 36.875.
    # By mean index, ties as first met; 86.25, 76.25 and 58.75 are shown half up.
    "touchpoint-influence": (
        (0, 1),
        ("名次", "触点", "人数", "平均指数"),
        "",
        [
            ("1", "客房", "1", "86.3"),
            ("2", "办理入住", "1", "76.3"),
            ("3", "到店接待", "1", "70.0"),
            ("4", "官网/OTA 预订页面", "1", "58.8"),
            ("5", "退房结账", "1", "55.0"),
            ("6", "早餐/餐饮", "1", "55.0"),
            ("7", "离店后回访", "1", "42.5"),
            ("8", "礼宾与问询", "2", "36.9"),
        ],
    ),
    # Means of importance and performance (examples 0 and 2), in the order first met. Crosshair:
    # the mean of the seven means, 41 / 7 = 5.86 and 39 / 7 = 5.57.
    "touchpoint-priority": (
        (0, 2),
        ("触点", "人数", "重要性均值", "表现均值", "象限"),
        "十字线（各触点小组均值的平均）：重要性 5.9，表现 5.6。",
        [
            ("官网/OTA 预订", "2", "6.5", "5.5", "重点改进"),
            ("办理入住", "2", "7.0", "5.0", "重点改进"),
            ("客房清洁与舒适", "2", "7.0", "6.5", "继续保持"),
            ("早餐/餐饮", "2", "5.5", "6.5", "可能过度投入"),
            ("礼宾与问询", "2", "5.0", "5.5", "低优先级"),
            ("离店后回访", "1", "4.0", "3.0", "低优先级"),
            ("退房结账", "1", "6.0", "7.0", "继续保持"),
        ],
    ),
    # Mean S, O, D over complete rows (examples 0 and 2; 投诉无人回应 lacks D in example 2, so it
    # counts once); RPN of the means; levels from the means: 账单错误 4.5 × 4 × 5.5 = 99 is low
    # although one person's 5 × 4 × 6 = 120 is medium. By level, RPN, then S × O (24 before 20).
    "touchpoint-risk": (
        (0, 2),
        ("失效模式", "人数", "严重度 S", "发生度 O", "探测度 D", "RPN", "优先级"),
        "",
        [
            ("客房未清洁完毕", "1", "7.0", "4.0", "4.0", "112.0", "高"),
            ("投诉无人回应", "1", "6.0", "5.0", "8.0", "240.0", "中"),
            ("超售无房可住", "1", "8.0", "3.0", "5.0", "120.0", "中"),
            ("OTA 订单未同步到前台", "1", "4.0", "5.0", "6.0", "120.0", "中"),
            ("入住排队过久", "2", "5.5", "6.0", "3.5", "115.5", "中"),
            ("账单错误", "2", "4.5", "4.0", "5.5", "99.0", "低"),
        ],
    ),
}


@pytest.mark.parametrize("scale_id", sorted(ROWS_SCALES))
def test_group_page_gives_each_rows_figure_in_its_row_and_column(visit: Watched, tmp_path: Path, scale_id: str) -> None:
    page = visit.page
    scale = SCALES[scale_id]
    (first, second), headers, crosshair, expected = ROWS_SCALES[scale_id]
    files = [
        exported(page, visit.site, scale, scale.examples[first], tmp_path / "exported.json"),
        answer_file(scale, example_response(scale.examples[second]), tmp_path, "built.json"),
    ]
    page.goto(f"{visit.site}scales/group.html")
    page.locator("[data-tp-group-input]").set_input_files(files)
    section = page.locator(f'[data-tp-group-scale="{scale_id}"]')
    expect(section.locator(".tp-group__count")).to_have_text("已载入答案文件：2 份（n = 2）")
    table = section.locator("table")
    expect(table.locator("tbody tr")).to_have_count(len(expected))
    assert read_table(table) == [dict(zip(headers, row, strict=True)) for row in expected]
    if crosshair:
        expect(section.locator("p", has_text="十字线")).to_have_text(crosshair)
