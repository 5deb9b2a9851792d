"""The curriculum model: what a trainer runs for one client, day by day and session by session."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from ..models.common import Id, Strict, Text

Path = tuple[str | int, ...]

METHODS: tuple[str, ...] = ("案例分析", "小组研讨", "讲授", "其它")
Method = Literal["案例分析", "小组研讨", "讲授", "其它"]
# The brief: 案例分析及导入 20%, 小组实操研讨 30%, 讲师讲授 40%, 其它形式 10%.
TARGET_MIX: dict[str, int] = {"案例分析": 20, "小组研讨": 30, "讲授": 40, "其它": 10}
MIX_TOLERANCE = 10  # percentage points before the mix is pointed out (a warning, not an error)
DAY_MINUTES_MAX = 10 * 60


def _clock(value: str) -> str:
    match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", value)
    if not match:
        raise ValueError(f"时间应写成 24 小时制 HH:MM，例如 09:00，实际为“{value}” (bad time)")
    return value


Clock = Annotated[str, AfterValidator(_clock), Field(description="24 小时制 HH:MM，例如 09:00")]


def minutes_of(clock: str) -> int:
    """``09:30`` → 570."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock_of(minutes: int) -> str:
    """570 → ``09:30``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Activity(Strict):
    """One activity of a session: what happens, by which method, for how long."""

    title: Text = Field(max_length=80, description="活动内容，例如 案例导入：iPhone 发布")
    method: Method = Field(description="授课方式：案例分析 / 小组研讨 / 讲授 / 其它")
    minutes: int = Field(ge=5, le=240, description="时长（分钟）")


class Session(Strict):
    """A block of the day with its start time, what it uses and its activities."""

    title: Text = Field(max_length=40, description="单元名称")
    start: Clock
    chapters: list[Id] = Field(default_factory=list, description="本单元的章节 id（docs/course/ 下的文件名）")
    cases: list[Id] = Field(default_factory=list, description="本单元使用的案例 id")
    scales: list[Id] = Field(default_factory=list, description="本单元使用的量表 id")
    worksheets: list[Id] = Field(default_factory=list, description="本单元使用的工具 id")
    activities: list[Activity] = Field(
        min_length=1, description="本单元的活动，按先后顺序；单元结束时间由活动时长相加得出"
    )

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.activities)

    @property
    def end(self) -> str:
        return clock_of(minutes_of(self.start) + self.minutes)


class Day(Strict):
    """A teaching day: its hours and its sessions (breaks are the gaps between sessions)."""

    start: Clock = Field(description="开始时间")
    end: Clock = Field(description="结束时间")
    sessions: list[Session] = Field(min_length=1, description="当天的各单元，按开始时间先后；单元之间的空档即休息")


class Curriculum(Strict):
    """A variant of the course for one client: what is taught, in which order, when and how."""

    id: Id = Field(description="与文件名相同，例如 executive-1day")
    title: Text = Field(max_length=40, description="课程方案名称")
    client: Text = Field(max_length=60, description="客户（企业或班级）")
    audience: Text = Field(max_length=120, description="学员对象")
    days: list[Day] = Field(min_length=1, max_length=2, description="1 天或 2 天")

    def sessions(self) -> list[tuple[int, Session]]:
        """(day number from 1, session) in teaching order."""
        return [(n, s) for n, day in enumerate(self.days, start=1) for s in day.sessions]

    def selected(self, field: str) -> list[str]:
        """The ids of one kind this curriculum uses, each once, in teaching order."""
        return list(dict.fromkeys(i for _, s in self.sessions() for i in getattr(s, field)))

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Days whose hours are impossible; sessions outside their day or overlapping."""
        found: list[tuple[Path, str]] = []
        for d, day in enumerate(self.days):
            start, end = minutes_of(day.start), minutes_of(day.end)
            hours = f"{day.start}–{day.end}"
            if end <= start:
                message = f"结束时间 {day.end} 不晚于开始时间 {day.start} (day ends before it starts)"
                found.append((("days", d, "end"), message))
                continue
            if end - start > DAY_MINUTES_MAX:
                found.append((("days", d, "end"), f"一天超过 {DAY_MINUTES_MAX // 60} 小时（{hours}） (day too long)"))
            busy_until: tuple[str, int] | None = None  # the title and end of the latest session so far
            for s, session in enumerate(day.sessions):
                begin = minutes_of(session.start)
                finish = begin + session.minutes
                where = ("days", d, "sessions", s, "start")
                if begin < start or finish > end:
                    span = f"{session.start}–{clock_of(finish)}"
                    found.append((where, f"“{session.title}”{span} 超出当天 {hours} (outside the day)"))
                if busy_until is not None and begin < busy_until[1]:
                    other = f"“{busy_until[0]}”到 {clock_of(busy_until[1])} 才结束"
                    found.append((where, f"“{session.title}”{session.start} 开始时，{other} (overlap)"))
                if busy_until is None or finish > busy_until[1]:
                    busy_until = (session.title, finish)
        return found

    def method_mix(self) -> dict[str, tuple[int, float]]:
        """Minutes and share (percent) of each method over the whole curriculum."""
        totals = dict.fromkeys(METHODS, 0)
        for _, session in self.sessions():
            for activity in session.activities:
                totals[activity.method] += activity.minutes
        whole = sum(totals.values()) or 1
        return {m: (totals[m], 100 * totals[m] / whole) for m in METHODS}

    def mix_warnings(self) -> list[str]:
        """How the method mix departs from the brief's 20/30/40/10 by more than the tolerance."""
        return [
            f"{method} 占 {share:.0f}%，课程设计建议约 {TARGET_MIX[method]}%"
            for method, (_, share) in self.method_mix().items()
            if abs(share - TARGET_MIX[method]) > MIX_TOLERANCE
        ]
