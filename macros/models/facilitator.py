"""Facilitator notes (培训师备注): how to run a chapter or a case in class. Shown only in a trainer's
build (``AUDIENCE=trainer``); a participant's site holds none of it (tests/test_audience.py)."""

from __future__ import annotations

from pydantic import Field

from .common import Strict, Text


class Answer(Strict):
    """A question from the page (discussion, self-test or the case's decision) and what to expect."""

    question: Text = Field(description="问题（与页面上的题目一致，可缩写）")
    answer: Text = Field(description="参考答案或期望学员得出的要点")


class Objection(Strict):
    """What participants often say against the point, and how to answer it."""

    objection: Text = Field(description="学员常见的异议")
    response: Text = Field(description="培训师的回应")


class FacilitatorNotes(Strict):
    """How to teach one chapter or one case."""

    timing: Text = Field(description="时间安排：各环节用多少分钟")
    running: Text = Field(description="怎样组织讨论：分组、提问顺序、板书或工具")
    answers: list[Answer] = Field(min_length=1, description="讨论题（案例：含开篇决策）的参考答案")
    objections: list[Objection] = Field(default_factory=list, description="常见异议与回应")
    debrief: Text = Field(description="总结：讨论结束时要落到的两三个要点")
