"""数据分析工具: per-touchpoint conversion, CSAT, NPS, churn and CLV, a funnel, CSV import.

The calculations are ``docs/javascripts/ws-kpi.js`` (Node-tested); the input columns here must
be the engine's ``FIELDS`` (a test holds them equal). Inputs are kept as typed text, so that a
value the engine refuses is shown with its reason and never lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.common import Strict, Text
from .base import Path, WorksheetBase
from .spec import Table, TextField, data_spec

if TYPE_CHECKING:
    from ..catalogue import Catalogue

# (key, label): the engine's input fields, in its order
INPUTS = (
    ("entrants", "进入人数"),
    ("conversions", "转化人数"),
    ("satisfied", "满意数"),
    ("ratings", "评价总数"),
    ("promoters", "推荐者"),
    ("passives", "被动者"),
    ("detractors", "贬损者"),
    ("nps_responses", "NPS 答卷数"),
    ("customers_start", "期初客户"),
    ("customers_lost", "流失客户"),
    ("margin", "单位利润"),
    ("retention", "留存率"),
    ("discount_rate", "折现率"),
)
# The unit of each input, as the paper version and the column table show it.
UNITS = {key: "人" for key, _ in INPUTS} | {
    "satisfied": "条",
    "ratings": "条",
    "nps_responses": "份",
    "margin": "元/期",
    "retention": "0–1 或 %",
    "discount_rate": "0–1 或 %",
}
# The engine's figures in the order the results show them, with their formulas (ws-kpi.js
# FORMULAS; a test holds them equal), for the paper version to compute by hand.
FORMULAS = (
    ("conversion_pct", "转化率 = 转化人数 ÷ 进入人数 × 100%"),
    ("csat_pct", "满意度 CSAT = 满意数（4–5 分）÷ 评价总数 × 100%"),
    ("csat_interval", "CSAT 95% 区间 = Wilson 得分区间（z = 1.96）"),
    ("nps", "净推荐值 NPS = (推荐者 − 贬损者) ÷ (推荐者 + 被动者 + 贬损者) × 100"),
    (
        "nps_interval",
        "NPS 95% 区间 = NPS ± 1.96 × 100 × √(Var ÷ n)，Var = pP(1 − pP) + pD(1 − pD) + 2·pP·pD",
    ),
    ("churn_pct", "流失率 = 流失客户 ÷ 期初客户 × 100%"),
    ("retention_pct", "留存率 r = 1 − 流失率（填写了留存率时用填写值）"),
    ("margin_multiple", "利润乘数 = r ÷ (1 + i − r)"),
    ("clv", "客户终身价值 CLV = m × r ÷ (1 + i − r)"),
    ("share_of_first_pct", "占首步比例 = 本步人数 ÷ 第一步人数 × 100%"),
    ("step_conversion_pct", "步间转化率 = 本步人数 ÷ 上一步人数 × 100%"),
)
CLV_CONVENTION = (
    "客户终身价值按 Gupta & Lehmann (2003) 的无限期简式计算：CLV = m × r ÷ (1 + i − r)。"
    "约定：每期单位利润 m 与留存率 r 保持不变，利润在每期期末到账，按每期折现率 i 折现，期数不设上限；"
    "未扣除获客成本（潜在客户的价值应再减去获客成本）。若首笔利润在期初到账，应改用 m × (1 + i) ÷ (1 + i − r)。"
)
PAPER_COLUMNS = 6  # touchpoints on the printed form

# the engine's whole-number inputs (kind "count" in ws-kpi.js FIELDS)
COUNTS = tuple(key for key, _ in INPUTS if key not in ("margin", "retention", "discount_rate"))
# (part, whole): the part may not exceed the whole (the engine refuses it too)
PARTS = (("conversions", "entrants"), ("satisfied", "ratings"), ("customers_lost", "customers_start"))
NAME_MAX = 30
VALUE_MAX = 20
ROWS_MAX = 50
# The sample CSV (docs/samples/), relative to the worksheet's page: the site is built without
# directory URLs (mkdocs.yml, for file://), so tools/<id>.html sits one folder below it.
SAMPLE_CSV = "../samples/touchpoints-sample.csv"

Number = float | None


class ExampleRow(Strict):
    """One touchpoint of the preloaded example (numbers; rates as fractions 0–1)."""

    name: Text = Field(description="触点名称", max_length=NAME_MAX)
    entrants: Number = Field(description="进入人数（可选）", default=None, ge=0)
    conversions: Number = Field(description="转化人数（可选）", default=None, ge=0)
    satisfied: Number = Field(description="满意人数（可选）", default=None, ge=0)
    ratings: Number = Field(description="评分人数（可选）", default=None, ge=0)
    promoters: Number = Field(description="推荐者人数（可选）", default=None, ge=0)
    passives: Number = Field(description="被动者人数（可选）", default=None, ge=0)
    detractors: Number = Field(description="贬损者人数（可选）", default=None, ge=0)
    nps_responses: Number = Field(description="NPS 回答人数（可选）", default=None, ge=0)
    customers_start: Number = Field(description="期初顾客数（可选）", default=None, ge=0)
    customers_lost: Number = Field(description="流失顾客数（可选）", default=None, ge=0)
    margin: Number = Field(default=None, description="每位顾客每期毛利（可选）")
    retention: Number = Field(description="留存率，0–1（可选）", default=None, ge=0, le=1)
    discount_rate: Number = Field(description="折现率，0–1（可选）", default=None, ge=0, le=1)


class KpiCalculator(WorksheetBase):
    """The touchpoint KPI calculator."""

    kind: Literal["kpi"] = Field(description="工具类型：kpi（触点 KPI 计算器）")
    max_rows: int = Field(default=20, ge=1, le=ROWS_MAX, description="最多的触点行数")
    example_note: Text = Field(description="示例数据的说明（虚构数据，用于练习）")
    example: list[ExampleRow] = Field(min_length=1, description="预置示例（按旅程顺序，漏斗即按此顺序）")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        if len(self.example) > self.max_rows:
            found.append(
                (("example",), f"示例有 {len(self.example)} 行，超过 max_rows {self.max_rows} (too many example rows)")
            )
        seen: set[str] = set()
        for index, row in enumerate(self.example):
            if row.name in seen:
                found.append((("example", index, "name"), f"触点“{row.name}”重复 (duplicate touchpoint)"))
            seen.add(row.name)
            found += _row_problems(index, row)
        return found

    def data_spec(self) -> dict[str, Any]:
        columns = (TextField("name", "触点", NAME_MAX), *(TextField(key, label, VALUE_MAX) for key, label in INPUTS))
        return data_spec((TextField("title", "名称", 100),), (Table("touchpoints", "触点", self.max_rows, columns),))

    def example_rows(self) -> list[dict[str, Any]]:
        """The example as rows of the worksheet's table: every value as the text a person types."""
        rows = []
        for row in self.example:
            out: dict[str, Any] = {"name": row.name}
            for key, _ in INPUTS:
                value = getattr(row, key)
                out[key] = None if value is None else number_text(value)
            rows.append(out)
        return rows

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        return {
            "inputs": [{"id": key, "label": label} for key, label in INPUTS],
            "units": UNITS,
            "sample_csv": SAMPLE_CSV,
            "formulas": [formula for _, formula in FORMULAS],
            "clv_convention": CLV_CONVENTION,
            "paper_columns": list(range(1, PAPER_COLUMNS + 1)),
            "max_rows": self.max_rows,
            "example_note": self.example_note,
            "example": self.example_rows(),
        }


def number_text(value: float) -> str:
    """A number as a person types it: ``1200``, ``0.1`` (never ``1.2e+06``, which the engine refuses)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _row_problems(index: int, row: ExampleRow) -> list[tuple[Path, str]]:
    """What the engine would refuse in one example row: fractions of a count, a part above its
    whole, promoters + passives + detractors other than the NPS responses, a rate given as percent."""
    found: list[tuple[Path, str]] = []
    at = ("example", index)
    for key, _ in INPUTS:
        value = getattr(row, key)
        if value is not None and len(number_text(value)) > VALUE_MAX:
            found.append(((*at, key), f"{key} 写成文字超过 {VALUE_MAX} 个字符 (number too long)"))
    for key in COUNTS:
        value = getattr(row, key)
        if value is not None and not float(value).is_integer():
            found.append(((*at, key), f"{key} 应为整数，实际为 {value:g} (count must be whole)"))
    for part, whole in PARTS:
        a, b = getattr(row, part), getattr(row, whole)
        if a is not None and b is not None and a > b:
            found.append(((*at, part), f"{part}（{a:g}）大于 {whole}（{b:g}） (part exceeds whole)"))
    nps = [v for v in (row.promoters, row.passives, row.detractors) if v is not None]
    given = row.nps_responses
    if given is not None and len(nps) < 3:
        found.append(
            ((*at, "nps_responses"), "填了 nps_responses，推荐者、被动者、贬损者却不全 (incomplete NPS counts)")
        )
    elif given is not None and sum(nps) != given:
        message = f"推荐者 + 被动者 + 贬损者 = {sum(nps):g}，不等于 nps_responses {given:g} (NPS counts do not add up)"
        found.append(((*at, "nps_responses"), message))
    if row.retention == 1 and row.discount_rate == 0:
        found.append(((*at, "retention"), "留存率 1 且折现率 0 时 CLV 无穷大，无法计算 (CLV is infinite)"))
    return found
