"""Views of scale definitions: the form a person fills in, and the paper scoring key.

Everything a printed or script-less page needs is decided here: the numbered items, their
response options, the rows of touchpoints, and the scoring rules written out in words, so a
trainer can hand the page out and score it by hand. The browser script reads the same
definition from the inlined JSON payload.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .models.answers import answer_spec
from .models.scale import ROW_NAME_MAX, Band, Fmea, Ipa, Matrix, Nps, Questionnaire, ResponseScale, Scale, row_measures
from .render import json_for_script

MODE_LABELS = {
    "questionnaire": "问卷",
    "matrix": "触点 × 评价项矩阵",
    "ipa": "重要性–表现分析（IPA）",
    "fmea": "失效模式与影响分析（FMEA）",
    "nps": "净推荐值（NPS）",
}
METHOD_WORDS = {"sum": "得分之和", "mean": "得分的平均值", "weighted_mean": "得分按权重的加权平均值"}
QUADRANT_ORDER = ("concentrate", "keep_up", "low_priority", "overkill")
QUADRANT_RULES = {
    "concentrate": "重要性 ≥ 十字线，表现 < 十字线",
    "keep_up": "重要性 ≥ 十字线，表现 ≥ 十字线",
    "low_priority": "重要性 < 十字线，表现 < 十字线",
    "overkill": "重要性 < 十字线，表现 ≥ 十字线",
}


def _fmt(value: float) -> str:
    return f"{value:g}"


def options(scale: ResponseScale, anchors: list[str] | None = None) -> list[dict[str, Any]]:
    """The points of a response scale, low to high, with the label a person sees for each."""
    if scale.kind == "choice":
        return [
            {"value": o.score, "label": o.label, "detail": anchors[index] if anchors else None}
            for index, o in enumerate(scale.options)
        ]
    points = range(scale.min, scale.max + 1)
    labels = {value: scale.labels.get(value) for value in points}
    shown = []
    for index, value in enumerate(points):
        detail = anchors[index] if anchors else None
        shown.append({"value": value, "label": labels[value], "detail": detail})
    return shown


def band_rows(bands: list[Band]) -> list[dict[str, Any]]:
    """Bands as table rows with their ranges written out."""
    rows = []
    for index, band in enumerate(bands):
        last = index == len(bands) - 1
        rows.append(
            {
                "range": f"{_fmt(band.min)} – {_fmt(band.max)}" + ("" if last else "（不含）"),
                "label": band.label,
                "tone": band.tone,
                "interpretation": band.interpretation,
                "actions": list(band.actions),
            }
        )
    return rows


def _questionnaire_key(scale: Questionnaire) -> list[str]:
    scoring = scale.scoring
    lines = []
    reverse = [str(n) for n, item in enumerate(scale.items, start=1) if item.reverse]
    if reverse:
        lines.append(f"第 {'、'.join(reverse)} 题反向计分：得分 = 量尺最低分 + 最高分 − 所选分值。")
    if scoring.normalize == "pomp":
        lines.append("每题先换算为 0–100：(得分 − 量尺最低分) ÷ (最高分 − 最低分) × 100。")
    weighted = [f"第 {n} 题 × {_fmt(i.weight)}" for n, i in enumerate(scale.items, start=1) if i.weight != 1]
    lines.append(f"总分 = 已答各题{METHOD_WORDS[scoring.method]}。")
    if scoring.method == "weighted_mean" and weighted:
        lines.append(f"权重：{'；'.join(weighted)}；其余各题权重为 1。")
    lines.append(f"至少回答 {scoring.min_answered} 题才计算总分；未答的题不计入，也不估分。")
    if scale.subscales:
        names = "、".join(s.label for s in scale.subscales)
        lines.append(f"分量表（{names}）用同样的方法只计算各自的题目。")
    if scoring.weakest_link:
        lines.append(f"某个分量表比总分低 {_fmt(scoring.weakest_link)} 或更多时，标为短板。")
    if scoring.top_box:
        boxes = "、".join(str(v) for v in scoring.top_box)
        lines.append(f"小组汇总时，选 {boxes} 分的回答所占比例即满意率（CSAT %，top-box）。")
    return lines


def _item_view(scale: Scale, index: int, item: Any) -> dict[str, Any]:
    response = scale.response_scales[item.scale]
    return {
        "n": index,
        "id": item.id,
        "name": f"{scale.id}--{item.id}",
        "text": item.text,
        "subscale": item.subscale,
        "options": options(response, item.anchors),
        "detailed": item.anchors is not None,
    }


def _measure_fields(scale: Matrix | Ipa | Fmea) -> list[dict[str, Any]]:
    """The numeric fields asked of every row, in order."""
    fields = []
    for field_id, label, help_text, scale_id in row_measures(scale):
        response = scale.response_scales[scale_id]
        fields.append(
            {
                "id": field_id,
                "label": label,
                "help": help_text,
                "options": options(response),
                "low": response.labels.get(response.min, ""),
                "high": response.labels.get(response.max, ""),
            }
        )
    return fields


def _rows_key(scale: Matrix | Ipa | Fmea) -> list[str]:
    if isinstance(scale, Matrix):
        weights = "；".join(f"{c.label} × {_fmt(c.weight)}" for c in scale.criteria)
        return [
            "每项评分先换算为 0–100：(得分 − 最低分) ÷ (最高分 − 最低分) × 100。",
            f"触点指数 = 已评各项的加权平均（权重：{weights}）。",
            f"每个触点至少评 {scale.min_answered} 项才计算指数；按指数由高到低排序。",
        ]
    if isinstance(scale, Ipa):
        cross = "所有已评触点的重要性均值和表现均值" if scale.crosshair == "data_mean" else "两个量尺的中点"
        lines = [f"十字线位于{cross}。每个触点按下列规则归入四个象限："]
        lines += [f"{getattr(scale.quadrants, q).label}：{QUADRANT_RULES[q]}。" for q in QUADRANT_ORDER]
        lines.append("差距 = 表现 − 重要性；负值越大越需要改进。")
        return lines
    levels = {level.id: level.label for level in scale.levels}
    lines = [
        f"风险优先数 RPN = 严重度 S × 发生度 O × 探测度 D（{_rpn_range(scale)}）。",
        "行动优先级按下列规则依次判断，先符合者为准：",
    ]
    names = {"min_severity": "S ≥", "min_occurrence": "O ≥", "min_detection": "D ≥", "min_rpn": "RPN ≥"}
    for rule in scale.rules:
        conditions = "且".join(f"{names[f]} {getattr(rule, f)}" for f in names if getattr(rule, f) is not None)
        note = f"（{rule.note}）" if rule.note else ""
        lines.append(f"{conditions} → {levels[rule.level]}{note}；")
    lines.append(f"其余 → {levels[scale.default_level]}。排序：先按优先级，再按 RPN 由高到低。")
    return lines


def _rpn_range(scale: Fmea) -> str:
    low = high = 1
    for measure in (scale.severity, scale.occurrence, scale.detection):
        response = scale.response_scales[measure.scale]
        low, high = low * response.min, high * response.max
    return f"{low}–{high}"


def scale_view(scale: Scale) -> dict[str, Any]:
    """Everything the form template shows, for any mode."""
    view: dict[str, Any] = {
        "id": scale.id,
        "version": scale.version,
        "mode": scale.mode,
        "mode_label": MODE_LABELS[scale.mode],
        "title": scale.title,
        "summary": scale.summary,
        "instructions": scale.instructions,
        "sources": [{"citation": s.citation, "url": s.url} for s in scale.sources],
        "bands_note": scale.bands_note,
        "bands": [],
        "quadrants": [],
        "categories": [],
        "levels": [],
        "chapters": list(scale.chapters),
        "payload": Markup(json_for_script(page_payload(scale))),
    }
    if isinstance(scale, Questionnaire):
        labels = {s.id: s.label for s in scale.subscales}
        items = [_item_view(scale, n, item) for n, item in enumerate(scale.items, start=1)]
        for item in items:
            item["subscale_label"] = labels.get(item["subscale"] or "", "")
        view.update(items=items, key=_questionnaire_key(scale), bands=band_rows(scale.bands))
    elif isinstance(scale, Nps):
        response = scale.response_scales[scale.item.scale]
        view.update(
            item={"name": f"{scale.id}--nps", "text": scale.item.text, "options": options(response)},
            comment=scale.item.comment,
            categories=[
                {"key": key, "range": rng, **getattr(scale.categories, key).model_dump()}
                for key, rng in (("promoter", "9–10"), ("passive", "7–8"), ("detractor", "0–6"))
            ],
            key=[
                "个人：9–10 分为推荐者，7–8 分为被动者，0–6 分为贬损者。",
                "小组：NPS = 推荐者占比 − 贬损者占比（−100 至 +100，是一个数，不是百分比）。",
            ],
            bands=band_rows(scale.bands),
        )
    else:
        view.update(
            rows={
                "label": scale.rows.label,
                # The rows the form starts with: the preset names, then blank ones up to `min`.
                "names": [*scale.rows.preset, *[""] * (scale.rows.min - len(scale.rows.preset))],
                "min": scale.rows.min,
                "max": scale.rows.max,
                "name_max": ROW_NAME_MAX,
            },
            fields=_measure_fields(scale),
            key=_rows_key(scale),
        )
        if isinstance(scale, Matrix):
            view["bands"] = band_rows(scale.bands)
        if isinstance(scale, Ipa):
            view["quadrants"] = [
                {"key": q, "rule": QUADRANT_RULES[q], **getattr(scale.quadrants, q).model_dump()}
                for q in QUADRANT_ORDER
            ]
        if isinstance(scale, Fmea):
            view["levels"] = [level.model_dump() for level in scale.levels]
    return view


# What the browser never reads: the worked examples (Node's tests run them from `course
# scales-json`), the sources and the prose that the page already shows as HTML.
NOT_IN_PAGE = ("examples", "sources", "summary", "instructions", "chapters", "bands_note")


def page_payload(scale: Scale) -> dict[str, Any]:
    """The definition a page inlines: the scoring contract without what only Node or the HTML needs."""
    return {key: value for key, value in scale_payload(scale).items() if key not in NOT_IN_PAGE}


def scale_payload(scale: Scale) -> dict[str, Any]:
    """The definition the page inlines for the scoring engine (documented in the README)."""
    payload: dict[str, Any] = scale.model_dump(mode="json")
    payload["answer_spec"] = answer_spec(scale)  # what an answer file may hold (fields, values)
    return payload
