"""体验设计工具 (service blueprint, Shostack 1984; Bitner, Ostrom & Morgan 2008)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.common import Strict, Text
from .base import Path, WorksheetBase
from .spec import BoolField, Table, TextField, data_spec
from .spec import Field as SpecField

if TYPE_CHECKING:
    from ..catalogue import Catalogue

# The five lanes, top to bottom; the three lines are drawn between them (see LINES).
LANES = (
    ("evidence", "有形展示"),
    ("customer", "顾客行为"),
    ("frontstage", "前台员工行为"),
    ("backstage", "后台员工行为"),
    ("support", "支持流程"),
)
# Below which lane each line runs.
LINES = (("customer", "互动线"), ("frontstage", "可视线"), ("backstage", "内部互动线"))
STEP_NAME_MAX = 20
CELL_MAX = 300
STEPS_MAX = 16


class Step(Strict):
    """One step of the example blueprint, with what happens in each lane."""

    name: Text = Field(description="步骤名称", max_length=STEP_NAME_MAX)
    evidence: str = Field(default="", max_length=CELL_MAX, description="有形展示")
    customer: str = Field(default="", max_length=CELL_MAX, description="顾客行为")
    frontstage: str = Field(default="", max_length=CELL_MAX, description="前台员工行为")
    backstage: str = Field(default="", max_length=CELL_MAX, description="后台员工行为")
    support: str = Field(default="", max_length=CELL_MAX, description="支持流程")
    fail_point: str = Field(default="", max_length=CELL_MAX, description="失误点：可能出错的地方（空：不是失误点）")
    wait_point: str = Field(default="", max_length=CELL_MAX, description="等待点：顾客可能等待的地方（空：不是等待点）")
    beyond: str = Field(default="", max_length=CELL_MAX, description="一个“超越期望”的设想")


class Blueprint(WorksheetBase):
    """A service blueprint with a preloaded example a group can edit."""

    kind: Literal["blueprint"] = Field(description="工具类型：blueprint（服务蓝图）")
    max_steps: int = Field(description="最多几个步骤", default=12, ge=2, le=STEPS_MAX)
    example: list[Step] = Field(min_length=2, description="预置示例：从预订到离店的各步骤")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        if len(self.example) > self.max_steps:
            found.append(
                (
                    ("max_steps",),
                    f"示例有 {len(self.example)} 步，超过 max_steps {self.max_steps}："
                    "载入示例后无法保存 (more example steps than max_steps)",
                )
            )
        seen: set[str] = set()
        for index, step in enumerate(self.example):
            if step.name in seen:
                found.append((("example", index, "name"), f"步骤“{step.name}”重复 (duplicate step)"))
            seen.add(step.name)
            if not any(getattr(step, lane) for lane, _ in LANES):
                found.append(
                    (("example", index), f"步骤“{step.name}”的五层内容都是空的 (example step has no lane filled)")
                )
        return found

    def data_spec(self) -> dict[str, Any]:
        columns: tuple[SpecField, ...] = (
            TextField("name", "步骤", STEP_NAME_MAX),
            *(TextField(lane, label, CELL_MAX) for lane, label in LANES),
            BoolField("fail", "失误点"),
            TextField("fail_note", "可能出错的地方", CELL_MAX),
            BoolField("wait", "等待点"),
            TextField("wait_note", "等待的地方", CELL_MAX),
            TextField("beyond", "超越期望", CELL_MAX),
        )
        return data_spec((TextField("title", "蓝图名称", 100),), (Table("steps", "步骤", self.max_steps, columns),))

    def example_rows(self) -> list[dict[str, Any]]:
        """The example as rows of the worksheet's ``steps`` table."""
        rows = []
        for step in self.example:
            row: dict[str, Any] = {"name": step.name}
            row.update({lane: getattr(step, lane) for lane, _ in LANES})
            row.update(
                fail=bool(step.fail_point),
                fail_note=step.fail_point,
                wait=bool(step.wait_point),
                wait_note=step.wait_point,
                beyond=step.beyond,
            )
            rows.append(row)
        return rows

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        return {
            "lanes": [{"id": lane, "label": label} for lane, label in LANES],
            "lines": [{"below": lane, "label": label} for lane, label in LINES],
            "max_steps": self.max_steps,
            "example": self.example_rows(),
        }
