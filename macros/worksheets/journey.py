"""客户旅程地图工具: stages × lanes, an emotion curve, moments of truth, a peak-end reading."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.case import STAGES, Case
from ..models.common import Text
from .base import Path, WorksheetBase
from .spec import BoolField, ChoiceField, IntField, Table, TextField, data_spec

if TYPE_CHECKING:
    from ..catalogue import Catalogue

TYPES = ("接触点", "互动点", "体验点")
CHANNELS = ("线上", "线下")
STAGES_MAX = 8
NAME_MAX = 30
STAGE_NAME_MAX = 20
TEXT_MAX = 300


class JourneyMap(WorksheetBase):
    """A journey map a group fills in, or starts from any case's journey."""

    kind: Literal["journey_map"] = Field(description="工具类型：journey_map（客户旅程地图）")
    stages: list[Text] = Field(
        default_factory=lambda: list(STAGES),
        min_length=2,
        max_length=STAGES_MAX,
        description="默认阶段（可在工具中修改）",
    )
    max_touchpoints: int = Field(default=40, ge=1, le=80, description="一张地图最多的触点数")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        seen: set[str] = set()
        for index, stage in enumerate(self.stages):
            if len(stage) > STAGE_NAME_MAX:
                found.append((("stages", index), f"阶段名称“{stage}”超过 {STAGE_NAME_MAX} 个字 (stage name too long)"))
            if stage in seen:
                found.append((("stages", index), f"阶段“{stage}”重复 (duplicate stage)"))
            seen.add(stage)
        if self.max_touchpoints < len(self.stages):
            found.append(
                (
                    ("max_touchpoints",),
                    f"最多 {self.max_touchpoints} 个触点，少于阶段数 {len(self.stages)}：有的阶段无法放入触点"
                    " (fewer touchpoints than stages)",
                )
            )
        return found

    def data_spec(self) -> dict[str, Any]:
        return data_spec(
            (TextField("title", "地图名称", 100), TextField("persona", "客户画像", TEXT_MAX)),
            (
                Table("stages", "阶段", STAGES_MAX, (TextField("name", "阶段名称", STAGE_NAME_MAX),)),
                Table(
                    "touchpoints",
                    "触点",
                    self.max_touchpoints,
                    (
                        IntField("stage", "所属阶段（序号，从 0 开始）", 0, STAGES_MAX - 1),
                        TextField("name", "触点", NAME_MAX),
                        ChoiceField("type", "触点类型", TYPES),
                        ChoiceField("channel", "渠道", CHANNELS),
                        TextField("behaviour", "客户目标与行为", TEXT_MAX),
                        TextField("thought", "想法", TEXT_MAX),
                        IntField("emotion", "情绪", -3, 3),
                        TextField("pain", "痛点", TEXT_MAX),
                        TextField("opportunity", "机会", TEXT_MAX),
                        BoolField("moment_of_truth", "关键时刻"),
                    ),
                ),
            ),
        )

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        # Every journey of every case, so that any of them can be loaded as an editable copy.
        return {
            "stages": list(self.stages),
            "types": list(TYPES),
            "channels": list(CHANNELS),
            "max_touchpoints": self.max_touchpoints,
            "cases": [case_journey(case, number) for case in catalogue.cases for number in range(len(case.journeys))],
        }


def case_journey(case: Case, index: int) -> dict[str, Any]:
    """One journey of a case as the worksheet loads it (the case's own words and values)."""
    journey = case.journeys[index]
    several = len(case.journeys) > 1
    return {
        "id": f"{case.id}-{index + 1}" if several else case.id,
        "title": f"{case.company.zh}：{journey.persona}" if several else case.company.zh,
        "stages": [
            {
                "stage": stage.stage,
                "touchpoints": [
                    {
                        "name": tp.name,
                        "type": tp.type,
                        "channel": tp.channel,
                        "behaviour": tp.description[:TEXT_MAX],
                        "emotion": tp.emotion,
                    }
                    for tp in stage.touchpoints
                ],
            }
            for stage in journey.stages
        ],
    }
