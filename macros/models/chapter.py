"""The chapter model: the front matter of each ``docs/course/<id>.md`` page."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Strict, Text


class Chapter(Strict):
    """One chapter of the course, as declared in its page's front matter.

    The chapter's id is its file name (``ch03``); the body of the page is the chapter text.
    """

    title: Text = Field(description="章节标题，例如 文旅与酒店业如何打造触点体验？")
    number: int = Field(ge=0, le=99, description="章节序号；按课程顺序递增")
    label: Text = Field(max_length=8, description="导航与卡片上显示的短标签，例如 第3章")
    points: list[Text] = Field(min_length=1, description="本章要点")
    theory: Text = Field(description="关联理论")
    discussion: list[Text] = Field(default_factory=list, description="学员讨论题")
    case_names: list[Text] = Field(default_factory=list, description="大纲所列案例的名称")
    # Ids, checked at load time; the chapter page embeds or links each one (tests/test_chapters.py).
    # (Not ``scale``/``tool``: a page's front-matter keys would hide the macros of those names.)
    cases: list[Id] = Field(default_factory=list, description="本章案例的 id（cases/ 下的文件名）")
    worksheets: list[Id] = Field(default_factory=list, description="本章工具的 id（tools/worksheets/ 下的文件名）")
    scales: list[Id] = Field(default_factory=list, description="本章量表的 id（tools/scales/ 下的文件名）")
