"""Curricula: the two shipped ones load; every impossible timetable and unknown id is an error with
file:line:field; the method mix against 20/30/40/10 is a warning, never an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.curricula.model import TARGET_MIX
from macros.problems import DataError

from .conftest import ROOT

BIN = Path(sys.executable).parent

MINI = """\
id: mini-course
title: 示例方案
client: 示例酒店
audience: 总经理
days:
  - start: "09:00"
    end: "12:00"
    sessions:
      - title: 开场
        start: "09:00"
        chapters: [ch01]
        cases: [mini]
        scales: [mini-scale]
        activities:
          - {title: 案例导入, method: 案例分析, minutes: 24}
          - {title: 小组研讨, method: 小组研讨, minutes: 36}
      - title: 讲授
        start: "10:15"
        activities:
          - {title: 讲授, method: 讲授, minutes: 48}
          - {title: 问答, method: 其它, minutes: 12}
"""


def write(project: Path, text: str, name: str = "mini-course") -> Path:
    folder = project / "curricula"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    return [f"{p.file}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


def test_the_shipped_curricula_load_with_one_and_two_days() -> None:
    catalogue = load_catalogue(ROOT)
    days = {c.id: len(c.days) for c in catalogue.curricula}
    assert days == {"executive-1day": 1, "full-2day": 2}


def test_a_curriculum_reports_its_sessions_ids_and_mix(project: Path) -> None:
    write(project, MINI)
    (curriculum,) = load_catalogue(project).curricula
    assert [(n, s.title, s.start, s.end) for n, s in curriculum.sessions()] == [
        (1, "开场", "09:00", "10:00"),
        (1, "讲授", "10:15", "11:15"),
    ]
    assert curriculum.selected("cases") == ["mini"]
    mix = curriculum.method_mix()
    assert {m: round(share) for m, (_, share) in mix.items()} == TARGET_MIX
    assert curriculum.mix_warnings() == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'start: "10:15"',
            'start: "09:30"',
            ":18: days[0].sessions[1].start: “讲授”09:30 开始时，“开场”到 10:00 才结束",
        ),
        ('start: "10:15"', 'start: "11:30"', ":18: days[0].sessions[1].start: “讲授”11:30–12:30 超出当天 09:00–12:00"),
        ('end: "12:00"', 'end: "08:00"', ":7: days[0].end: 结束时间 08:00 不晚于开始时间 09:00"),
        ('start: "09:00"\n    end', 'start: "9:00"\n    end', ":6: days[0].start: 时间应写成 24 小时制 HH:MM"),
        ("cases: [mini]", "cases: [mini, nope]", ":12: days[0].sessions[0].cases[1]: 未知案例“nope”"),
        ("chapters: [ch01]", "chapters: [ch99]", ":11: days[0].sessions[0].chapters[0]: 未知章节“ch99”"),
        (
            "method: 讲授",
            "method: 讲座",
            ":20: days[0].sessions[1].activities[0].method: 应为 案例分析、小组研讨、讲授、其它 之一",
        ),
        ("id: mini-course", "id: other", ":1: id: id 应与文件名相同"),
    ],
    ids=[
        "overlap",
        "past-the-day",
        "day-ends-first",
        "bad-time",
        "unknown-case",
        "unknown-chapter",
        "unknown-method",
        "id",
    ],
)
def test_an_impossible_curriculum_names_file_line_and_field(project: Path, old: str, new: str, expected: str) -> None:
    assert old in MINI
    write(project, MINI.replace(old, new, 1))
    found = problems_of(project)
    assert any(line.startswith("curricula/mini-course.yml") and expected in line for line in found), found


def test_a_mix_far_from_the_brief_is_a_warning_not_an_error(project: Path) -> None:
    write(project, MINI.replace("method: 小组研讨", "method: 讲授"))
    catalogue = load_catalogue(project)  # loads: not an error
    assert [(w.file, w.field) for w in catalogue.warnings] == [("curricula/mini-course.yml", "days")] * 2
    assert "小组研讨 占 0%，课程设计建议约 30%" in catalogue.warnings[0].message + catalogue.warnings[1].message
    result = subprocess.run(
        [str(BIN / "course"), "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "提醒：curricula/mini-course.yml:" in result.stdout
