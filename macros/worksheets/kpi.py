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
NAME_MAX = 30
VALUE_MAX = 20
ROWS_MAX = 50

Number = float | None


class ExampleRow(Strict):
    """One touchpoint of the preloaded example (numbers; rates as fractions 0–1)."""

    name: Text = Field(max_length=NAME_MAX)
    entrants: Number = Field(default=None, ge=0)
    conversions: Number = Field(default=None, ge=0)
    satisfied: Number = Field(default=None, ge=0)
    ratings: Number = Field(default=None, ge=0)
    promoters: Number = Field(default=None, ge=0)
    passives: Number = Field(default=None, ge=0)
    detractors: Number = Field(default=None, ge=0)
    nps_responses: Number = Field(default=None, ge=0)
    customers_start: Number = Field(default=None, ge=0)
    customers_lost: Number = Field(default=None, ge=0)
    margin: Number = None
    retention: Number = Field(default=None, ge=0, le=1)
    discount_rate: Number = Field(default=None, ge=0, le=1)


class KpiCalculator(WorksheetBase):
    """The touchpoint KPI calculator."""

    kind: Literal["kpi"]
    max_rows: int = Field(default=20, ge=1, le=ROWS_MAX, description="最多的触点行数")
    example_note: Text = Field(description="示例数据的说明（虚构数据，用于练习）")
    example: list[ExampleRow] = Field(min_length=1, description="预置示例（按旅程顺序，漏斗即按此顺序）")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        if len(self.example) > self.max_rows:
            found.append((("example",), f"示例有 {len(self.example)} 行，超过 max_rows {self.max_rows}"))
        for index, row in enumerate(self.example):
            for part, whole in (
                ("conversions", "entrants"),
                ("satisfied", "ratings"),
                ("customers_lost", "customers_start"),
            ):
                a, b = getattr(row, part), getattr(row, whole)
                if a is not None and b is not None and a > b:
                    found.append((("example", index, part), f"{part}（{a:g}）大于 {whole}（{b:g}）"))
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
                out[key] = None if value is None else f"{value:g}"
            rows.append(out)
        return rows

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        return {
            "inputs": [{"id": key, "label": label} for key, label in INPUTS],
            "max_rows": self.max_rows,
            "example_note": self.example_note,
            "example": self.example_rows(),
        }
