"""Every worked example of every scale, entered in its form as a person would, shows each of its
expected figures in its own place: the headline, and each row's cell under its column header
(IPA quadrant and gap, FMEA RPN and level, matrix index, band and rank, sub-scale scores and the
weakest flag), rows in ranking order. Examples a person cannot enter are listed in NODE_ONLY with
the reason (the Node tests run them); an example neither entered nor listed fails.

Figures come from the examples' `expect` and the rounding the README states for the page (one
decimal for scores, two at most for the crosshair); the test never scores anything itself.
Any console error, page error or request that leaves the site fails the test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from macros.catalogue import load_catalogue
from macros.models.scale import Scale

from .browser import Watched
from .conftest import ROOT
from .scale_forms import by_row, fill, not_enterable, read_table

pytestmark = pytest.mark.browser

SCALES = {scale.id: scale for scale in load_catalogue(ROOT).scales}

# Worked examples that only the Node tests can run, keyed by (scale id, example name), each with
# why a person cannot enter it in the form.
NODE_ONLY = {
    ("touchpoint-influence", "未评满 3 项与超出范围的答案：不计算指数，不替未答项估分"): (
        "“早餐/餐饮”的情感强度是 6，量尺只有 1–5：表单没有这个选项，只有导入的文件会带来这种值"
    ),
}


def example_params() -> list[Any]:
    params = []
    for scale in SCALES.values():
        for index, example in enumerate(scale.examples):
            reason = NODE_ONLY.get((scale.id, example.name))
            marks = (
                [pytest.mark.skip(reason=f"Node only: {reason}")] if reason and not_enterable(scale, example) else []
            )
            params.append(pytest.param(scale.id, index, id=f"{scale.id}-{index}", marks=marks))
    return params


def test_every_worked_example_is_entered_in_its_form_or_marked_node_only() -> None:
    known = {(scale.id, example.name) for scale in SCALES.values() for example in scale.examples}
    problems = [f"{key}: NODE_ONLY names an example that does not exist" for key in NODE_ONLY.keys() - known]
    for scale in SCALES.values():
        for example in scale.examples:
            key = (scale.id, example.name)
            why = not_enterable(scale, example)
            if why and key not in NODE_ONLY:
                problems.append(f"{key}: a person cannot enter it ({why}); mark it in NODE_ONLY with the reason")
            if not why and key in NODE_ONLY:
                problems.append(f"{key}: a person can enter it now; remove it from NODE_ONLY")
    assert problems == []


# ---------- what the page must show for an example ----------


def one(x: float | None) -> str:
    """A score as the page shows it: one decimal, half up; "—" for none."""
    return "—" if x is None else str(Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def plain(x: float) -> str:
    """A number with at most two decimals and no trailing zeros (the crosshair)."""
    text = str(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return text.rstrip("0").rstrip(".") if "." in text else text


def whole(x: Any) -> str:
    """An entered value or an RPN: a whole number; "—" for none."""
    return "—" if x is None else str(int(x))


def signed(x: int) -> str:
    """A gap: "+2", "−3" (a real minus sign), "0"."""
    return "0" if x == 0 else f"+{x}" if x > 0 else f"\u2212{-x}"


@dataclass
class Shown:
    """What the results must show: the headline, other lines, and the table: its rows in order
    (when the order is known), each with the cells that the example determines."""

    headline: str | None = None
    lines: list[str] = field(default_factory=list)
    key: str = ""  # the column naming each row
    rows: list[dict[str, str]] | None = None
    ordered: bool = True

    def figures(self) -> int:
        cells = sum(len(row) - 1 for row in self.rows or [])
        return (self.headline is not None) + len(self.lines) + cells


def questionnaire(scale: Any, example: Any) -> Shown:
    e, scoring = example.expect, scale.scoring
    shown = Shown(key="分量表")
    answered = e.get("answered", len(example.answers))
    if "score" in e and (e["score"] is None or "band" in e):
        headline = f"已答 {answered} / {len(scale.items)} 题。"
        if e["score"] is None:
            headline += f"至少回答 {scoring.min_answered} 题后显示总分。"
        else:
            pomp = "（0–100）" if scoring.normalize == "pomp" else ""
            headline += f"得分 {one(e['score'])}{pomp}" + (f"，{e['band']}" if e["band"] else "") + "。"
        shown.headline = headline
    if scale.subscales:
        shown.rows = []
        for sub in scale.subscales:
            row = {"分量表": sub.label}
            if sub.id in (e.get("subscales") or {}):
                row["得分"] = one(e["subscales"][sub.id])
            if scoring.weakest_link is not None and "weakest" in e:
                row["提示"] = "短板" if sub.id in e["weakest"] else ""
            shown.rows.append(row)
    return shown


def nps(scale: Any, example: Any) -> Shown:
    e = example.expect
    if "score" not in e or (e["score"] is not None and "category" not in e):
        return Shown()
    if e["score"] is None:
        return Shown(headline="尚未作答：请选择 0–10 分。")
    label = getattr(scale.categories, e["category"]).label
    return Shown(headline=f"你的回答：{whole(e['score'])} 分，{label}。")


def ranked_order(names: list[str], ranking: list[str] | None) -> tuple[list[str], bool]:
    """Ranked rows first, then the others as entered (the page's order); unknown without a ranking."""
    if ranking is None:
        return names, False
    return [str(n) for n in ranking] + [n for n in names if n not in ranking], True


def matrix(scale: Any, example: Any) -> Shown:
    e, label = example.expect, scale.rows.label
    names = [str(row["name"]) for row in example.rows]
    scores, bands, ranking = e.get("scores"), e.get("bands"), e.get("ranking")
    rows = []
    for name in names:
        row = {label: name}
        if scores is not None and name in scores:
            row["指数"] = one(scores[name])
        if bands is not None and name in bands:
            row["结果"] = bands[name] or "未完成"
        if ranking is not None:
            row["名次"] = str(ranking.index(name) + 1) if name in ranking else "—"
        rows.append(row)
    order, ordered = ranked_order(names, ranking)
    shown = Shown(key=label, rows=sorted(rows, key=lambda r: order.index(r[label])), ordered=ordered)
    if scores is not None and set(scores) == set(names):
        done = sum(scores[n] is not None for n in names)
        shown.headline = f"已完成 {done} / {len(names)} 个{label}的评分。"
    return shown


def ipa(scale: Any, example: Any) -> Shown:
    e, label = example.expect, scale.rows.label
    quadrants = e.get("quadrants") or {}
    rows = []
    for entered in example.rows:
        name = str(entered["name"])
        importance, performance = entered.get("importance"), entered.get("performance")
        complete = importance is not None and performance is not None
        row = {label: name, "重要性": whole(importance), "表现": whole(performance)}
        row["差距"] = signed(int(performance) - int(importance)) if complete else "—"
        if name in quadrants:
            row["象限"] = getattr(scale.quadrants, quadrants[name]).label if quadrants[name] else "未完成"
        rows.append(row)
    done = sum(r["差距"] != "—" for r in rows)
    shown = Shown(headline=f"{done} / {len(rows)} 个{label}已填写完整。", key=label, rows=rows)
    crosshair = e.get("crosshair")
    if crosshair:
        how = "量尺中点" if scale.crosshair == "scale_mid" else f"已填完整的{label}的均值"
        shown.lines.append(
            f"十字线：重要性 {plain(crosshair['importance'])}，表现 {plain(crosshair['performance'])}（{how}）。"
        )
    return shown


def fmea(scale: Any, example: Any) -> Shown:
    e, label = example.expect, scale.rows.label
    levels = {level.id: level.label for level in scale.levels}
    rpn, chosen = e.get("rpn") or {}, e.get("levels") or {}
    rows = []
    for entered in example.rows:
        name = str(entered["name"])
        row = {
            label: name,
            "S": whole(entered.get("severity")),
            "O": whole(entered.get("occurrence")),
            "D": whole(entered.get("detection")),
        }
        if name in rpn:
            row["RPN"] = whole(rpn[name])
        if name in chosen:
            row["优先级"] = levels[chosen[name]] if chosen[name] else "未完成"
        rows.append(row)
    order, ordered = ranked_order([r[label] for r in rows], e.get("ranking"))
    done = sum("—" not in (r["S"], r["O"], r["D"]) for r in rows)
    return Shown(
        headline=f"{done} / {len(rows)} 个{label}已填写完整。",
        key=label,
        rows=sorted(rows, key=lambda r: order.index(r[label])),
        ordered=ordered,
    )


EXPECTED = {"questionnaire": questionnaire, "nps": nps, "matrix": matrix, "ipa": ipa, "fmea": fmea}


def table_problems(shown: Shown, actual: list[dict[str, str]]) -> list[str]:
    """Each expected cell that the table shows otherwise, by row name and column header."""
    assert shown.rows is not None
    names = [row.get(shown.key) for row in actual]
    expected_names = [row[shown.key] for row in shown.rows]
    if (names if shown.ordered else sorted(map(str, names))) != (
        expected_names if shown.ordered else sorted(expected_names)
    ):
        return [f"rows {names}, expected {expected_names}"]
    got = by_row(actual, shown.key)
    return [
        f"{row[shown.key]} / {column}: shows {got[row[shown.key]].get(column)!r}, expected {value!r}"
        for row in shown.rows
        for column, value in row.items()
        if got[row[shown.key]].get(column) != value
    ]


@pytest.mark.parametrize(("scale_id", "index"), example_params())
def test_worked_example_shows_each_figure_in_its_row_and_column(visit: Watched, scale_id: str, index: int) -> None:
    scale: Scale = SCALES[scale_id]
    example = scale.examples[index]
    why = not_enterable(scale, example)
    if why:
        pytest.fail(f"a person cannot enter {scale_id} “{example.name}” ({why}), and NODE_ONLY does not say so")
    shown = EXPECTED[scale.mode](scale, example)
    assert shown.figures(), f"{scale_id} “{example.name}” expects nothing the form shows"
    page = visit.page
    page.goto(f"{visit.site}scales/{scale_id}.html")
    fill(page, scale, example)
    results = page.locator("[data-tp-scale-results]").first
    if shown.headline is not None:
        expect(results.locator(".tp-scale__headline")).to_have_text(shown.headline)
    output = results.locator(".tp-scale__output")
    for line in shown.lines:
        expect(output.locator(":scope > p", has_text=line.split("：")[0])).to_have_text(line)
    tables = output.locator("table")
    if shown.rows is None:
        expect(tables).to_have_count(0)
    else:
        expect(tables).to_have_count(1)
        expect(tables.locator("tbody tr")).to_have_count(len(shown.rows))
        assert table_problems(shown, read_table(tables)) == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
