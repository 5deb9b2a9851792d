"""情感共鸣分析工具: valence and intensity per touchpoint, emotional triggers, peak-end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.common import Id, Strict, Text
from .base import Path, Reference, WorksheetBase, duplicates
from .spec import ChoiceField, IntField, Table, TextField, data_spec

if TYPE_CHECKING:
    from ..catalogue import Catalogue

NAME_MAX = 30
TEXT_MAX = 300


class Trigger(Strict):
    """An emotional trigger (故事, 仪式, 惊喜, 认可, 归属) with what it means and how to use it."""

    id: Id
    name: Text = Field(description="触发因素名称", max_length=8)
    description: Text = Field(description="这种触发因素是什么")
    example: Text = Field(description="酒店、文旅或餐饮中的一个例子")


class EmotionMap(WorksheetBase):
    """The emotion map; it can take its touchpoints from a journey map saved on the same device."""

    kind: Literal["emotion_map"] = Field(description="工具类型：emotion_map（情绪地图）")
    journey_worksheet: Id = Field(description="可导入触点的客户旅程地图工具 id")
    max_moments: int = Field(description="最多几个关键时刻", default=30, ge=2, le=60)
    triggers: list[Trigger] = Field(description="情绪触发因素清单", min_length=2)
    suggest_for_trough: Id = Field(description="最深低谷没有选择触发因素时建议的触发因素 id")
    suggest_for_ending: Id = Field(description="结尾没有选择触发因素时建议的触发因素 id")
    trough_advice: Text = Field(description="对最深低谷的建议（通用部分）")
    ending_advice: Text = Field(description="对结尾的建议（通用部分）")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found = duplicates(("triggers",), [t.id for t in self.triggers], "触发因素")
        names = [t.name for t in self.triggers]
        for index, name in enumerate(names):
            if name in names[:index]:
                found.append((("triggers", index, "name"), f"触发因素名称“{name}”重复 (duplicate name)"))
        ids = [t.id for t in self.triggers]
        for field in ("suggest_for_trough", "suggest_for_ending"):
            chosen = getattr(self, field)
            if chosen not in ids:
                known = "、".join(ids)
                found.append(((field,), f"未知触发因素“{chosen}”；已有：{known} (unknown trigger)"))
        return found

    def references(self) -> list[Reference]:
        return [(("journey_worksheet",), "journey_map", self.journey_worksheet)]

    def data_spec(self) -> dict[str, Any]:
        columns = (
            TextField("name", "触点", NAME_MAX),
            TextField("stage", "阶段", 20),
            IntField("valence", "效价", -3, 3),
            IntField("intensity", "强度", 1, 5),
            ChoiceField("trigger", "情感触发因素", tuple(t.id for t in self.triggers)),
            TextField("note", "说明", TEXT_MAX),
        )
        return data_spec((TextField("title", "名称", 100),), (Table("moments", "触点", self.max_moments, columns),))

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        journey = catalogue.worksheet(self.journey_worksheet)
        return {
            "max_moments": self.max_moments,
            "triggers": [t.model_dump() for t in self.triggers],
            "suggest_for_trough": self.suggest_for_trough,
            "suggest_for_ending": self.suggest_for_ending,
            "trough_advice": self.trough_advice,
            "ending_advice": self.ending_advice,
            "journey": {
                "id": journey.id,
                "version": journey.version,
                "title": journey.title,
                "spec": journey.data_spec(),
            },
        }
