"""触点危机管理工具包: severity, first-hour / 24-hour / 72-hour checklists, stakeholder messages,
a post-incident review; worked through with a case from the library (its timeline is read from
the case file)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.common import Id, PartialDate, Strict, Text
from .base import Path, Reference, WorksheetBase, duplicates
from .spec import BoolField, ChoiceField, Table, TextField, data_spec
from .spec import Field as SpecField

if TYPE_CHECKING:
    from ..catalogue import Catalogue

MESSAGE_MAX = 2000
NOTE_MAX = 300


class Level(Strict):
    """A severity level and what it calls for."""

    id: Id
    name: Text = Field(description="级别名称", max_length=12)
    criteria: Text = Field(description="判断标准")
    response: Text = Field(description="应对级别：谁牵头、多快")


class Task(Strict):
    """One item of a response checklist, with the role that usually owns it."""

    id: Id
    text: Text = Field(description="任务内容", max_length=120)
    owner: Text = Field(max_length=20, description="建议负责人（角色）")


class Phase(Strict):
    """A response checklist for one period: 第一小时, 24 小时内, 72 小时内."""

    id: Id
    name: Text = Field(description="阶段名称", max_length=12)
    tasks: list[Task] = Field(description="这一阶段的任务", min_length=1, max_length=12)


class Stakeholder(Strict):
    """Someone a message goes to, with what to do and not to do in it."""

    id: Id
    name: Text = Field(description="利益相关方名称", max_length=12)
    do: list[Text] = Field(min_length=1, description="应当")
    dont: list[Text] = Field(min_length=1, description="避免")


class Question(Strict):
    """A question of the post-incident review."""

    id: Id
    text: Text = Field(description="问题")


class Note(Strict):
    """What the example case shows at one point of its timeline, for one phase of the checklist."""

    date: PartialDate = Field(description="案例时间线中的日期（须与案例文件中的某一条相同）")
    phase: Id = Field(description="对应的清单阶段 id")
    text: Text = Field(description="对照清单，这一步做了什么、缺了什么")


class Example(Strict):
    """The worked example: a case from the library, read against the toolkit."""

    case: Id = Field(description="案例 id（cases/ 下的文件名）")
    severity: Id = Field(description="按本工具的分级，这一事件属于哪一级")
    severity_reason: Text = Field(description="为什么属于这一级")
    notes: list[Note] = Field(description="按案例时间线的对照笔记", min_length=1)


class CrisisToolkit(WorksheetBase):
    """The touchpoint crisis toolkit."""

    kind: Literal["crisis"] = Field(description="工具类型：crisis（危机应对工具包）")
    levels: list[Level] = Field(min_length=2, max_length=6, description="严重程度分级，从轻到重")
    phases: list[Phase] = Field(description="应对阶段及其任务清单", min_length=1, max_length=6)
    stakeholders: list[Stakeholder] = Field(description="利益相关方：应当与避免", min_length=1, max_length=10)
    review: list[Question] = Field(min_length=1, max_length=12, description="事后复盘问题")
    example: Example = Field(description="用一个案例对照清单")

    def internal_problems(self) -> list[tuple[Path, str]]:
        found = duplicates(("levels",), [x.id for x in self.levels], "级别")
        found += duplicates(("phases",), [x.id for x in self.phases], "阶段")
        found += duplicates(("stakeholders",), [x.id for x in self.stakeholders], "利益相关方")
        found += duplicates(("review",), [x.id for x in self.review], "复盘问题")
        task_ids = [(p, i, t.id) for p, phase in enumerate(self.phases) for i, t in enumerate(phase.tasks)]
        seen: set[str] = set()
        for p, i, task_id in task_ids:
            if task_id in seen:
                found.append((("phases", p, "tasks", i, "id"), f"清单事项 id“{task_id}”重复 (duplicate id)"))
            seen.add(task_id)
        # the CSV names a phase, the chooser a level, the drafter a stakeholder: by name, so names
        # must tell them apart
        found += _same_names(("levels",), [x.name for x in self.levels], "级别")
        found += _same_names(("phases",), [x.name for x in self.phases], "阶段")
        found += _same_names(("stakeholders",), [x.name for x in self.stakeholders], "利益相关方")
        for s, holder in enumerate(self.stakeholders):
            found += _contradictions(("stakeholders", s), holder)
        if self.example.severity not in {x.id for x in self.levels}:
            known = "、".join(x.id for x in self.levels)
            found.append((("example", "severity"), f"未知级别“{self.example.severity}”；已有：{known} (unknown level)"))
        phases = {x.id for x in self.phases}
        for index, note in enumerate(self.example.notes):
            if note.phase not in phases:
                known = "、".join(x.id for x in self.phases)
                found.append(
                    (("example", "notes", index, "phase"), f"未知阶段“{note.phase}”；已有：{known} (unknown phase)")
                )
        return found

    def references(self) -> list[Reference]:
        return [(("example", "case"), "case", self.example.case)]

    def timeline_problems(self, catalogue: Catalogue) -> list[tuple[Path, str]]:
        """Each note's date must be a date of the example case's timeline (read from the case)."""
        dates = {event.date for event in catalogue.case(self.example.case).timeline}
        return [
            (
                ("example", "notes", index, "date"),
                f"案例“{self.example.case}”的时间线中没有日期 {note.date} (unknown date)",
            )
            for index, note in enumerate(self.example.notes)
            if note.date not in dates
        ]

    def data_spec(self) -> dict[str, Any]:
        fields: tuple[SpecField, ...] = (
            TextField("incident", "事件", NOTE_MAX),
            TextField("started", "发生时间", 40),
            ChoiceField("severity", "严重程度", tuple(x.id for x in self.levels)),
            *(TextField(f"review-{q.id}", q.text, MESSAGE_MAX) for q in self.review),
        )
        tasks = tuple(t.id for phase in self.phases for t in phase.tasks)
        tables = (
            Table(
                "tasks",
                "应对清单",
                len(tasks),
                (
                    ChoiceField("task", "事项", tasks),
                    BoolField("done", "已完成"),
                    TextField("owner", "负责人", 40),
                    TextField("note", "备注", NOTE_MAX),
                ),
            ),
            Table(
                "messages",
                "对外与对内信息",
                len(self.stakeholders),
                (
                    ChoiceField("stakeholder", "对象", tuple(s.id for s in self.stakeholders)),
                    TextField("text", "信息", MESSAGE_MAX),
                ),
            ),
        )
        return data_spec(fields, tables)

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        return {
            "levels": [x.model_dump() for x in self.levels],
            "phases": [x.model_dump() for x in self.phases],
            "stakeholders": [x.model_dump() for x in self.stakeholders],
            "review": [x.model_dump() for x in self.review],
        }


def _same_names(path: Path, names: list[str], what: str) -> list[tuple[Path, str]]:
    """A problem at ``(*path, index, "name")`` for each name used before."""
    seen: set[str] = set()
    found = []
    for index, name in enumerate(names):
        if name in seen:
            found.append(((*path, index, "name"), f"{what}名称“{name}”重复 (duplicate name)"))
        seen.add(name)
    return found


def _contradictions(path: Path, holder: Stakeholder) -> list[tuple[Path, str]]:
    """An item listed twice, or both under 应当 and 避免, cannot guide anyone."""
    found: list[tuple[Path, str]] = []
    for key, items in (("do", holder.do), ("dont", holder.dont)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item in seen:
                found.append(((*path, key, index), f"“{item}”重复出现 (duplicate item)"))
            seen.add(item)
    for index, item in enumerate(holder.dont):
        if item in holder.do:
            found.append(((*path, "dont", index), f"“{item}”同时列在“应当”和“避免”中 (listed under both do and dont)"))
    return found
