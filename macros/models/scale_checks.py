"""Cross-field checks of a scale definition: what the type of one field cannot say.

Each function returns ``(path, message)`` pairs; the catalogue turns a path into file, line and
field. The fields themselves are already valid (the model ran first), but references may not
resolve: an undefined response scale is reported by ``scale_problems``, so it is skipped here.
Every check guards the form or the score against a definition that loads but cannot work
(a form with no rows, a rule that can never fire, a weight that is silently ignored).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from math import prod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scale import Band, Example, Fmea, Questionnaire, Rows

Path = tuple[str | int, ...]
Found = list[tuple[Path, str]]


def _listed(ids: Iterable[str]) -> str:
    return "、".join(dict.fromkeys(ids)) or "(无)"


def duplicates(ids: list[str], field: str, what: str) -> Found:
    """Every id after the first occurrence of the same id."""
    seen: set[str] = set()
    found: Found = []
    for index, value in enumerate(ids):
        if value in seen:
            found.append(((field, index, "id"), f"{what}“{value}”重复 (duplicate id)"))
        seen.add(value)
    return found


def band_problems(bands: list[Band], low: float, high: float, path: Path) -> Found:
    """Bands must cover ``low``–``high`` exactly, in order, with no gap and no overlap."""
    if not bands:
        return [(path, "至少需要一个分段 (bands)")]
    found: Found = []
    if bands[0].min != low:
        found.append(((*path, 0, "min"), f"第一个分段须从最低分 {low:g} 开始，实际为 {bands[0].min:g} (gap)"))
    for index in range(1, len(bands)):
        before, after = bands[index - 1].max, bands[index].min
        if after > before:
            found.append(((*path, index, "min"), f"分段之间有空隙：{before:g} 到 {after:g} 没有覆盖 (gap)"))
        elif after < before:
            found.append(((*path, index, "min"), f"分段重叠：{after:g} 到 {before:g} 属于两个分段 (overlap)"))
    for index, band in enumerate(bands):
        if band.max <= band.min:
            found.append(((*path, index, "max"), "max 须大于 min"))
    if bands[-1].max != high:
        found.append(
            ((*path, len(bands) - 1, "max"), f"最后一个分段须到最高分 {high:g} 为止，实际为 {bands[-1].max:g} (gap)")
        )
    return found


def rows_problems(rows: Rows) -> Found:
    """The preset fits within ``max``, and ``min`` ≤ ``max`` (the form shows max(preset, min) rows)."""
    found: Found = []
    if rows.min > rows.max:
        found.append((("rows", "min"), f"rows.min（{rows.min}）不能大于 rows.max（{rows.max}） (min greater than max)"))
    if len(rows.preset) > rows.max:
        found.append(
            (
                ("rows", "preset", rows.max),
                f"preset 预设了 {len(rows.preset)} 行，超过 rows.max（{rows.max}）；"
                "请删去多余的行或调大 max (more preset rows than max)",
            )
        )
    return found


def example_problems(
    examples: list[Example], mode: str, answer_ids: Collection[str] | None, row_fields: Collection[str] | None
) -> Found:
    """Worked examples answer only known items (``answer_ids``) or row fields (``row_fields``).

    ``None`` means the mode has no such place: rows modes take ``rows``, the others ``answers``.
    """
    found: Found = []
    for e, example in enumerate(examples):
        at: Path = ("examples", e)
        if answer_ids is None:
            if example.answers:
                found.append(((*at, "answers"), f"{mode} 的示例应逐行写在 rows 中，不能写 answers (use rows)"))
        else:
            found += [
                ((*at, "answers", key), f"未定义的题目“{key}”；已有：{_listed(answer_ids)} (unknown item id)")
                for key in example.answers
                if key not in answer_ids
            ]
        if row_fields is None:
            if example.rows:
                found.append(((*at, "rows"), f"{mode} 的示例应写 answers，不能写 rows (use answers)"))
            continue
        for r, row in enumerate(example.rows):
            found += [((*at, "rows", r, key), message) for key, message in _row_problems(row, row_fields)]
    return found


def _row_problems(row: dict[str, float | str], fields: Collection[str]) -> Iterable[tuple[str, str]]:
    for key, value in row.items():
        if key == "name":
            if not isinstance(value, str):
                yield key, f"行名称应为文字，实际为 {value:g}；数字请加引号 (row name must be text)"
        elif key not in fields:
            yield key, f"未定义的评价项“{key}”；每行可写：{_listed(['name', *fields])} (unknown field)"
        elif isinstance(value, str):
            yield key, f"应为数字，实际为“{value}” (expected a number)"


def subscale_problems(q: Questionnaire) -> Found:
    """Sub-scale ids are unique; each has items; items name only defined sub-scales."""
    found = duplicates([s.id for s in q.subscales], "subscales", "分量表 id")
    known = [s.id for s in q.subscales]
    for index, item in enumerate(q.items):
        if item.subscale and item.subscale not in known:
            found.append(
                (
                    ("items", index, "subscale"),
                    f"未定义的分量表“{item.subscale}”；已定义：{_listed(known)} (unknown subscale)",
                )
            )
    counts = Counter(item.subscale for item in q.items if item.subscale)
    needed = q.scoring.subscale_min_answered
    short = [f"{s.id}（{counts[s.id]} 题）" for s in q.subscales if 0 < counts[s.id] < needed]
    if short:
        found.append(
            (
                ("scoring", "subscale_min_answered"),
                f"不能大于分量表的题目数：{_listed(short)}；否则这些分量表永远没有得分 (more than a subscale's items)",
            )
        )
    for index, sub in enumerate(q.subscales):
        if not counts[sub.id]:
            found.append(
                (
                    ("subscales", index, "id"),
                    f"分量表“{sub.id}”没有任何题目；请在题目中写 subscale: {sub.id}，或删去此分量表 "
                    "(subscale has no items)",
                )
            )
    return found


def item_problems(q: Questionnaire) -> Found:
    """Anchors match the points of the item's scale; weights only where the method uses them."""
    found: Found = []
    for index, item in enumerate(q.items):
        scale = q.response_scales.get(item.scale)
        if scale and item.anchors is not None:
            want = len(scale.points)
            what = "选项数" if scale.kind == "choice" else "分值个数"
            if len(item.anchors) != want:
                found.append(
                    (
                        ("items", index, "anchors"),
                        f"anchors 须有 {want} 项，与量尺“{item.scale}”的{what}相同，实际 {len(item.anchors)} 项 "
                        "(anchors must match the scale's options)",
                    )
                )
        if item.weight != 1 and q.scoring.method != "weighted_mean":
            found.append(
                (
                    ("items", index, "weight"),
                    f"计分方法 {q.scoring.method} 不使用权重：请删去 weight，或改用 method: weighted_mean "
                    "(weight ignored by this method)",
                )
            )
    return found


def scoring_problems(q: Questionnaire) -> Found:
    """top_box, weakest_link and a partial sum must be able to mean something on this scale."""
    scoring = q.scoring
    found: Found = []
    used = [(sid, s) for sid in dict.fromkeys(i.scale for i in q.items) if (s := q.response_scales.get(sid))]
    for k, value in enumerate(scoring.top_box):
        for scale_id, scale in used:
            if value not in scale.points:
                possible = "、".join(str(p) for p in scale.points)
                found.append(
                    (
                        ("scoring", "top_box", k),
                        f"top_box 的分值 {value} 不是量尺“{scale_id}”的可选分值（{possible}） "
                        "(top_box outside the scale)",
                    )
                )
                break
    if scoring.weakest_link is not None:
        if not q.subscales:
            found.append(
                (
                    ("scoring", "weakest_link"),
                    "没有分量表时 weakest_link 不起作用：请删去它，或定义 subscales (weakest_link needs subscales)",
                )
            )
        elif len(used) == len({i.scale for i in q.items}):  # score_range needs every item's scale
            low, high = q.score_range()
            if scoring.weakest_link >= high - low:
                found.append(
                    (
                        ("scoring", "weakest_link"),
                        f"weakest_link（{scoring.weakest_link:g}）须小于总分范围 {low:g}–{high:g} 的跨度 "
                        f"{high - low:g}，否则永远标不出短板 (threshold beyond the score range)",
                    )
                )
    items = len(q.items)
    if scoring.method == "sum" and scoring.normalize == "none" and scoring.min_answered < items:
        found.append(
            (
                ("scoring", "min_answered"),
                f"sum（求和）计分时，只答部分题目的和不能与按全部 {items} 题设定的分段比较："
                f"请把 min_answered 设为 {items}，或改用 method: mean (partial sum not comparable with bands)",
            )
        )
    return found


FMEA_MINIMUMS = {"min_severity": "severity", "min_occurrence": "occurrence", "min_detection": "detection"}


def fmea_rule_problems(f: Fmea) -> Found:
    """Each rule minimum lies within what its measure (or S×O×D) can reach."""
    found: Found = []
    scales = {m: f.response_scales.get(getattr(f, m).scale) for m in FMEA_MINIMUMS.values()}
    for index, rule in enumerate(f.rules):
        for field, measure in FMEA_MINIMUMS.items():
            value, scale = getattr(rule, field), scales[measure]
            if value is not None and scale and not scale.min <= value <= scale.max:
                found.append(
                    (
                        ("rules", index, field),
                        f"{field}（{value}）须在量尺“{getattr(f, measure).scale}”的分值范围 "
                        f"{scale.min}–{scale.max} 之内 (outside the scale)",
                    )
                )
        present = [s for s in scales.values() if s]
        if rule.min_rpn is not None and len(present) == len(scales):
            low, high = prod(s.min for s in present), prod(s.max for s in present)
            if not low <= rule.min_rpn <= high:
                found.append(
                    (
                        ("rules", index, "min_rpn"),
                        f"min_rpn（{rule.min_rpn}）须在 RPN = S×O×D 可能的范围 {low}–{high} 之内 "
                        "(outside the possible RPN)",
                    )
                )
    return found
