"""The case-study model: one YAML file in ``cases/`` per company."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import FullDate, Id, PartialDate, Source, SourceRefs, Strict, Text
from .facilitator import FacilitatorNotes

STAGES: tuple[str, ...] = ("意识", "考虑", "购买", "使用", "忠诚")
Stage = Literal["意识", "考虑", "购买", "使用", "忠诚"]
TouchpointType = Literal["接触点", "互动点", "体验点"]
Channel = Literal["线上", "线下"]

Path = tuple[str | int, ...]


class Company(Strict):
    """The company's name in Chinese and in its own language."""

    zh: Text = Field(description="中文名称")
    en: Text = Field(description="英文（原文）名称")


class Cited(Strict):
    """A block of prose that rests on sources."""

    text: Text = Field(description="正文；空行分段")
    sources: SourceRefs


class Touchpoint(Strict):
    """One moment where the customer meets the brand."""

    name: Text = Field(max_length=30, description="触点名称（简短）")
    type: TouchpointType = Field(description="接触点 / 互动点 / 体验点")
    channel: Channel = Field(description="线上 / 线下")
    description: Text = Field(description="在这个触点上发生了什么")
    emotion: int | None = Field(
        default=None, ge=-3, le=3, description="顾客情绪，−3（很糟）到 +3（很好）；不适用时省略"
    )


class JourneyStage(Strict):
    """One of the five stages of the customer journey and its touchpoints."""

    stage: Stage = Field(description="意识 / 考虑 / 购买 / 使用 / 忠诚")
    touchpoints: list[Touchpoint] = Field(description="这一阶段的触点（至少一个）", min_length=1)


class Journey(Strict):
    """One customer's journey through the stages (a case may follow two different customers)."""

    persona: Text = Field(max_length=40, description="这是谁的旅程，例如 3411 航班上的乘客（2017年）")
    stages: list[JourneyStage] = Field(min_length=1, description="按 意识→忠诚 顺序")


class Opening(Strict):
    """How the case opens, as a teaching case does: a person, a date and a decision."""

    protagonist: Text = Field(max_length=40, description="主人公：姓名与职务，例如 Oscar Munoz，美联航首席执行官")
    date: PartialDate = Field(description="决策时刻的日期")
    decision: Text = Field(max_length=120, description="主人公面对的决策（一个问题，答案留到分析部分）")
    text: Text = Field(description="开篇：情境、取舍与压力；不透露结果；空行分段")
    sources: SourceRefs


class TimelineEvent(Strict):
    """A dated event."""

    date: PartialDate
    event: Text = Field(description="发生了什么")
    sources: SourceRefs


class TitledNote(Strict):
    """A titled paragraph or two, optionally resting on sources."""

    title: Text = Field(description="标题（不超过 40 字）", max_length=40)
    description: Text = Field(description="说明；空行分段")
    sources: list[Id] = Field(default_factory=list, description="来源 id（可选）")


class Practice(TitledNote):
    """A key practice the company used."""


class Result(Strict):
    """A measured result: the figure, what it measures, when, and who says so."""

    figure: Text = Field(max_length=30, description="数字本身，例如 7,700 人次")
    description: Text = Field(description="这个数字说明了什么")
    date: PartialDate = Field(description="数字对应的日期或时期")
    sources: SourceRefs


class Risk(TitledNote):
    """What went wrong, or what could go wrong."""


class Case(Strict):
    """A case study of one company's touchpoints."""

    id: Id = Field(description="与文件名相同，例如 ritz-carlton.yml 的 id 为 ritz-carlton")
    company: Company = Field(description="公司名称（中文与原文）")
    industry: Text = Field(max_length=12, description="行业，例如 酒店、零售、航空")
    region: Text = Field(max_length=20, description="地区，例如 美国、全球")
    chapters: list[Id] = Field(min_length=1, description="服务的章节 id,例如 ch03")
    themes: list[Text] = Field(min_length=1, max_length=5, description="主题，用于案例库筛选")
    focus_stages: list[Stage] = Field(
        min_length=1, max_length=3, description="本案例重点讲解的旅程阶段（案例库按此筛选）"
    )
    headline: Text = Field(max_length=40, description="一句话要点（案例卡片上显示）")
    summary: Text = Field(description="案例摘要（卡片与搜索用；不透露答案）")
    opening: Opening | None = Field(
        default=None, description="开篇：主人公、日期与决策（教学案例必填，见 tests/test_content.py）"
    )
    background: Cited = Field(description="背景：正文与来源")
    timeline: list[TimelineEvent] = Field(description="时间线：按日期的事件，每条有来源", min_length=1)
    journeys: list[Journey] = Field(min_length=1, max_length=3, description="客户旅程；不同的顾客各画一条")
    practices: list[Practice] = Field(description="关键做法", min_length=1)
    results: list[Result] = Field(description="可核实的结果：数字、含义、日期与来源", min_length=1)
    risks: list[Risk] = Field(min_length=1, description="出了什么问题，或可能出什么问题")
    china: Cited | None = Field(default=None, description="中国视角：与中国市场相关、可核实的内容（可选）")
    lessons: list[Text] = Field(description="启示", min_length=1)
    discussion: list[Text] = Field(min_length=1, description="讨论题")
    theories: list[Text] = Field(min_length=1, description="关联理论")
    instruments: list[Id] = Field(default_factory=list, description="相关量表或工具的 id（tools/ 下的文件名）")
    sources: list[Source] = Field(description="来源清单；正文各处用 id 引用", min_length=1)
    facilitator: FacilitatorNotes | None = Field(
        default=None,
        description="培训师备注：时间、讨论组织、参考答案（含开篇决策）、常见异议、总结；只在培训师版中显示",
    )
    trainer_notes: list[Text] = Field(
        default_factory=list, description="给培训师的研究备注（来源说明、存疑之处）；不在学员页面显示"
    )
    checked: FullDate = Field(description="最近一次核对事实的日期")

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Problems that need the whole case: duplicate ids, unknown sources, stage order."""
        found: list[tuple[Path, str]] = []
        known: set[str] = set()
        for index, source in enumerate(self.sources):
            if source.id in known:
                found.append((("sources", index, "id"), f"来源 id“{source.id}”重复 (duplicate id)"))
            known.add(source.id)
        for path, refs in self._source_refs():
            for position, ref in enumerate(refs):
                if ref not in known:
                    found.append(((*path, position), f"未知来源“{ref}”；请在 sources 中添加 (unknown source)"))
        for number, journey in enumerate(self.journeys):
            order = [STAGES.index(stage.stage) for stage in journey.stages]
            for index in range(1, len(order)):
                if order[index] <= order[index - 1]:
                    found.append(
                        (
                            ("journeys", number, "stages", index, "stage"),
                            "旅程阶段须按 意识→考虑→购买→使用→忠诚 的顺序，且每个阶段只出现一次 (stage order)",
                        )
                    )
        return found

    def _source_refs(self) -> list[tuple[Path, list[str]]]:
        refs: list[tuple[Path, list[str]]] = [(("background", "sources"), self.background.sources)]
        if self.opening:
            refs.append((("opening", "sources"), self.opening.sources))
        if self.china:
            refs.append((("china", "sources"), self.china.sources))
        for name in ("timeline", "practices", "results", "risks"):
            for index, item in enumerate(getattr(self, name)):
                refs.append(((name, index, "sources"), item.sources))
        return refs
