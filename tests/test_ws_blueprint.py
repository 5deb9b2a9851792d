"""The service blueprint's definition (macros/worksheets/blueprint.py): the real file meets the
brief, its example is a file the worksheet accepts, and every invalid definition in
``tests/fixtures/invalid-blueprints`` names its error at file:line:column: field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError
from macros.worksheets.blueprint import LANES, Blueprint
from macros.worksheets.files import check

from .conftest import FIXTURES, ROOT

INVALID = sorted((FIXTURES / "invalid-blueprints").glob("*.yml"))


def real() -> Blueprint:
    worksheet = load_catalogue(ROOT).worksheet("service-blueprint")
    assert isinstance(worksheet, Blueprint)
    return worksheet


def test_the_example_runs_from_booking_to_after_departure() -> None:
    example = real().example
    names = [step.name for step in example]
    assert 8 <= len(names) <= 10
    assert names[:4] == ["预订", "确认", "抵达", "办理入住"]
    assert names[-2:] == ["退房", "离店后"]
    assert 2 <= sum(bool(step.fail_point) for step in example) <= 4
    assert 2 <= sum(bool(step.wait_point) for step in example) <= 3
    assert all(step.beyond for step in example), "one 超越期望 idea per step"
    assert all(getattr(step, lane) for step in example for lane, _ in LANES), "every lane filled in the example"


def test_the_example_is_a_file_the_worksheet_accepts() -> None:
    worksheet = real()
    spec = worksheet.data_spec()
    rows = worksheet.example_rows()
    data = {
        "format": "touchpoint-worksheet",
        "format_version": 1,
        "worksheet": worksheet.id,
        "version": worksheet.version,
        "data": {"title": None, "steps": rows},
    }
    assert check(data, worksheet.id, worksheet.version, spec).ok
    assert [c["id"] for c in spec["tables"][0]["columns"]] == list(rows[0])
    fails = [row["name"] for row in rows if row["fail"]]
    assert fails == [step.name for step in worksheet.example if step.fail_point]
    assert all(row["fail_note"] for row in rows if row["fail"])


def test_the_payload_names_the_lanes_and_the_lines_between_them() -> None:
    payload = real().payload(load_catalogue(ROOT))
    assert [lane["label"] for lane in payload["lanes"]] == [
        "有形展示",
        "顾客行为",
        "前台员工行为",
        "后台员工行为",
        "支持流程",
    ]
    assert [(line["below"], line["label"]) for line in payload["lines"]] == [
        ("customer", "互动线"),
        ("frontstage", "可视线"),
        ("backstage", "内部互动线"),
    ]


def expectations(path: Path) -> list[str]:
    return re.findall(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_blueprint_reports_its_error(project: Path, fixture: Path) -> None:
    target = project / "tools" / "worksheets"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture, target / fixture.name)
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    found = [str(p) for p in caught.value.problems]
    expected = expectations(fixture)
    assert expected, f"{fixture.name} must name the error it produces"
    for text in expected:
        field, _, message = text.partition(": ")
        # file:line:column: field: message, the line being the one of the offending value
        hits = [
            line
            for line in found
            if re.match(rf"tools/worksheets/{re.escape(fixture.name)}:\d+:\d+: {re.escape(field)}", line)
        ]
        assert hits, f"{text!r} not in {found}"
        assert any(message in hit for hit in hits), f"{message!r} not in {hits}"
    for line in found:
        assert line.startswith(f"tools/worksheets/{fixture.name}:"), line


def test_the_error_line_points_at_the_duplicate(project: Path) -> None:
    target = project / "tools" / "worksheets"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "invalid-blueprints" / "duplicate-step.yml", target)
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    [problem] = caught.value.problems
    lines = (target / "duplicate-step.yml").read_text(encoding="utf-8").splitlines()
    assert "再次入住" in lines[problem.line - 1]
