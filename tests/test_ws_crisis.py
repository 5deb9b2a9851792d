"""The crisis toolkit's definition: the real file loads and keeps to the brief; every invalid
definition names its error at file:line:field; the data spec and the paper version follow it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError
from macros.render import render
from macros.worksheets.crisis import CrisisToolkit
from macros.worksheets.views import worksheet_view

from .conftest import ROOT

FILE = "tools/worksheets/crisis-toolkit.yml"
REAL = (ROOT / FILE).read_text(encoding="utf-8")


def toolkit() -> CrisisToolkit:
    found = load_catalogue(ROOT).worksheet("crisis-toolkit")
    assert isinstance(found, CrisisToolkit)
    return found


def problems_with(project: Path, text: str) -> list[str]:
    """Load a project holding the real case file and ``text`` as the toolkit; its problems."""
    shutil.copy(ROOT / "cases" / "united-airlines.yml", project / "cases" / "united-airlines.yml")
    shutil.copy(ROOT / "docs" / "course" / "ch07.md", project / "docs" / "course" / "ch07.md")
    (project / "tools" / "worksheets").mkdir(parents=True, exist_ok=True)
    (project / FILE).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def test_the_real_toolkit_keeps_to_the_brief() -> None:
    t = toolkit()
    assert 3 <= len(t.levels) <= 4
    assert [p.name for p in t.phases] == ["第一小时", "24 小时内", "72 小时内"]
    assert all(5 <= len(p.tasks) <= 8 for p in t.phases)
    assert [s.name for s in t.stakeholders] == [
        "受影响的客人",
        "员工",
        "媒体",
        "公众与社交媒体",
        "监管部门/合作方",
        "业主/投资人",
    ]
    assert 5 <= len(t.review) <= 7
    assert t.example.case == "united-airlines"
    assert REAL.startswith("# yaml-language-server: $schema=../../macros/schemas/worksheet.schema.json\n")


def test_every_note_falls_on_a_date_of_the_case_timeline() -> None:
    catalogue = load_catalogue(ROOT)
    t = toolkit()
    dates = {event.date for event in catalogue.case("united-airlines").timeline}
    assert {note.date for note in t.example.notes} <= dates
    view = worksheet_view(t, catalogue)
    noted = [e for e in view["example"]["events"] if e["notes"]]
    assert [e["iso"] for e in noted] == ["2017-04-09", "2017-04-10", "2017-04-11", "2017-04-27"]


def test_data_spec_has_one_row_per_task_and_stakeholder() -> None:
    t = toolkit()
    spec = t.data_spec()
    fields = [f["id"] for f in spec["fields"]]
    assert fields == ["incident", "started", "severity", *(f"review-{q.id}" for q in t.review)]
    tasks, messages = spec["tables"]
    assert tasks["id"] == "tasks" and tasks["rows_max"] == sum(len(p.tasks) for p in t.phases)
    assert [c["id"] for c in tasks["columns"]] == ["task", "done", "owner", "note"]
    assert tasks["columns"][0]["options"] == [task.id for p in t.phases for task in p.tasks]
    assert messages["rows_max"] == len(t.stakeholders)
    assert [c["id"] for c in messages["columns"]] == ["stakeholder", "text"]


def test_paper_version_has_a_tick_box_and_owner_line_per_task() -> None:
    catalogue = load_catalogue(ROOT)
    t = toolkit()
    html = render("worksheet_paper_crisis.html.j2", ws=worksheet_view(t, catalogue))
    for phase in t.phases:
        assert f"{phase.name}　　已完成　　／ {len(phase.tasks)}" in html
    assert html.count('class="tp-crisis-paper__owner"') == sum(len(p.tasks) for p in t.phases)
    assert html.count("☐") == len(t.levels) + sum(len(p.tasks) for p in t.phases)
    assert html.count('class="tp-crisis-paper__write"') == len(t.stakeholders) + len(t.review)


# (name, what to change in the real file, the field path reported, the line's anchor, the message)
INVALID = [
    (
        "unknown-severity",
        ("severity: level-4", "severity: level-9"),
        "example.severity",
        "severity: level-9",
        "未知级别“level-9”",
    ),
    (
        "unknown-phase",
        ("phase: first-hour\n", "phase: first-week\n"),
        "example.notes[0].phase",
        "phase: first-week",
        "未知阶段“first-week”",
    ),
    (
        "date-not-in-timeline",
        ('date: "2017-04-09"', 'date: "2017-04-12"'),
        "example.notes[0].date",
        'date: "2017-04-12"',
        "时间线中没有日期 2017-04-12",
    ),
    ("unknown-case", ("case: united-airlines", "case: united"), "example.case", "case: united", "未知案例“united”"),
    (
        "duplicate-task",
        ("id: stop-harm", "id: safety"),
        "phases[0].tasks[1].id",
        "id: safety",
        "清单事项 id“safety”重复",
    ),
    (
        "duplicate-level-name",
        ("name: 二级 · 门店", "name: 一级 · 现场"),
        "levels[1].name",
        "name: 一级 · 现场",
        "级别名称“一级 · 现场”重复",
    ),
    (
        "duplicate-phase-name",
        ("name: 24 小时内", "name: 第一小时"),
        "phases[1].name",
        "name: 第一小时",
        "阶段名称“第一小时”重复",
    ),
    (
        "do-and-dont",
        ("- 用“根据规定”“系统安排”之类的话推卸责任", "- 先问对方是否安全、需要什么帮助，再谈原因"),
        "stakeholders[0].dont[1]",
        "- 先问对方是否安全、需要什么帮助，再谈原因",
        "同时列在“应当”和“避免”中",
    ),
    (
        "duplicate-review",
        ("id: consistency", "id: speed"),
        "review[1].id",
        "id: speed",
        "复盘问题 id“speed”重复",
    ),
    (
        "task-too-long",
        ("text: 确认客人和员工", "text: " + "很" * 120 + "确认客人和员工"),
        "phases[0].tasks[0].text",
        "很很",
        "120",
    ),
]


@pytest.mark.parametrize(("name", "change", "field", "anchor", "message"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_definition_names_its_error(
    project: Path, name: str, change: tuple[str, str], field: str, anchor: str, message: str
) -> None:
    old, new = change
    assert old in REAL, name
    text = REAL.replace(old, new, 1)
    found = problems_with(project, text)
    nth = (
        2
        if name in {"duplicate-task", "duplicate-level-name", "duplicate-phase-name", "do-and-dont", "duplicate-review"}
        else 1
    )
    where = f"{FILE}:{line_of(text, anchor, nth)}:"
    hits = [line for line in found if line.startswith(where) and f" {field}: " in line and message in line]
    assert hits, f"{where} {field} {message!r} not in {found}"
    assert re.search(r"\([a-z][a-z ,/]+\)", hits[0]) or "120" in hits[0], hits[0]
