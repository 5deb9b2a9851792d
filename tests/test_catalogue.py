"""Loading the course data: valid data loads; every invalid fixture gives its named message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError

from .conftest import FIXTURES, ROOT

INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))


def expectations(path: Path) -> list[str]:
    """The ``# expect: field: message`` lines at the top of an invalid fixture."""
    return re.findall(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), flags=re.M)


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(p) for p in caught.value.problems]


def test_the_real_course_data_loads() -> None:
    catalogue = load_catalogue(ROOT)
    assert {"apple", "starbucks", "ritz-carlton", "united-airlines"} <= {c.id for c in catalogue.cases}
    assert [cid for cid, _ in catalogue.chapters][:3] == ["intro", "ch01", "ch02"]  # the opening case first
    assert catalogue.chapters[-1][0] == "summary"


def test_the_fixture_project_loads(project: Path) -> None:
    catalogue = load_catalogue(project)
    [case] = catalogue.cases
    assert case.id == "mini" and case.journeys[0].stages[1].touchpoints[1].emotion is None
    assert catalogue.cases_for("ch01") == [case]


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_reports_its_message(project: Path, fixture: Path) -> None:
    (project / "cases" / "mini.yml").unlink()
    shutil.copy(fixture, project / "cases" / fixture.name)
    found = problems_of(project)
    expected = expectations(fixture)
    assert expected, f"{fixture.name} must name the message it produces"
    for text in expected:
        assert any(text in line for line in found), f"{text!r} not in {found}"
    for line in found:
        assert re.match(rf"cases/{re.escape(fixture.name)}:\d+:\d+: ", line), line


def test_every_error_in_every_file_is_reported_at_once(project: Path) -> None:
    for name in ("bad-emotion", "unknown-chapter", "duplicate-key"):
        shutil.copy(FIXTURES / "invalid" / f"{name}.yml", project / "cases")
    found = problems_of(project)
    assert {line.split(":")[0] for line in found} == {
        "cases/bad-emotion.yml",
        "cases/unknown-chapter.yml",
        "cases/duplicate-key.yml",
    }


def test_error_lines_point_at_the_offending_value(project: Path) -> None:
    shutil.copy(FIXTURES / "invalid" / "bad-emotion.yml", project / "cases")
    [line] = problems_of(project)
    source = (project / "cases" / "bad-emotion.yml").read_text(encoding="utf-8").splitlines()
    number = int(line.split(":")[1])
    assert "emotion: 5" in source[number - 1]


def test_zero_cases_is_an_error(project: Path) -> None:
    (project / "cases" / "mini.yml").unlink()
    assert any("没有找到任何案例" in line for line in problems_of(project))


def test_duplicate_ids_across_files_are_errors(project: Path) -> None:
    shutil.copy(project / "cases" / "mini.yml", project / "cases" / "mini.yaml")
    assert any("重复" in line and "mini.yaml" in line for line in problems_of(project))


def test_gbk_case_file_is_reported_not_crashed(project: Path) -> None:
    text = (project / "cases" / "mini.yml").read_text(encoding="utf-8")
    (project / "cases" / "mini.yml").write_bytes(text.replace("“", '"').replace("”", '"').encode("gbk"))
    [line] = problems_of(project)
    assert "不是 UTF-8" in line


def test_windows_saved_case_loads(project: Path) -> None:
    path = project / "cases" / "mini.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    assert load_catalogue(project).cases[0].id == "mini"


def test_known_instruments_are_accepted(project: Path) -> None:
    (project / "tools" / "worksheets").mkdir(parents=True)
    (project / "tools" / "worksheets" / "journey-map.yml").write_text(
        "id: journey-map\nkind: journey_map\nversion: 1\ntitle: 旅程地图\nsummary: 画出旅程\n"
        "instructions: 逐个阶段填写\n"
        "sources:\n  - citation: Shostack, G. L. (1984). Designing services that deliver. HBR 62(1).\n",
        encoding="utf-8",
    )
    path = project / "cases" / "mini.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("checked:", "instruments: [journey-map]\nchecked:"), encoding="utf-8"
    )
    assert load_catalogue(project).cases[0].instruments == ["journey-map"]


def test_chapter_front_matter_is_validated(project: Path) -> None:
    page = project / "docs" / "course" / "ch02.md"
    page.write_text("---\ntitle: 第二章\nnumber: x\n---\n\n正文\n", encoding="utf-8")
    found = problems_of(project)
    assert any(line.startswith("docs/course/ch02.md:3:") and "number" in line for line in found), found
    assert any("label: 缺少必填字段" in line for line in found), found


def test_a_chapter_names_only_cases_worksheets_and_scales_that_exist(project: Path) -> None:
    page = project / "docs" / "course" / "ch01.md"
    text = page.read_text(encoding="utf-8").replace(
        "\n---\n", "\ncases: [mini, no-case]\nworksheets: [no-sheet]\nscales: [mini-scale]\n---\n", 1
    )
    page.write_text(text, encoding="utf-8")
    found = problems_of(project)
    line = text[: text.index("cases: [mini")].count("\n") + 1
    assert any(
        p.startswith(f"docs/course/ch01.md:{line}:") and "cases[1]" in p and "未知案例“no-case”" in p for p in found
    )
    assert any(f"ch01.md:{line + 1}:" in p and "worksheets[0]" in p and "未知工具“no-sheet”" in p for p in found)
    assert len(found) == 2, found


INVALID_SCALES = sorted((FIXTURES / "invalid-scales").glob("*.yml"))


@pytest.mark.parametrize("fixture", INVALID_SCALES, ids=[p.stem for p in INVALID_SCALES])
def test_invalid_scale_reports_its_message(project: Path, fixture: Path) -> None:
    (project / "tools" / "scales" / "mini-scale.yml").unlink()
    shutil.copy(fixture, project / "tools" / "scales" / fixture.name)
    found = problems_of(project)
    for text in expectations(fixture):
        assert any(text in line for line in found), f"{text!r} not in {found}"
    for line in found:
        assert line.startswith(f"tools/scales/{fixture.name}:"), line


def test_real_scales_load_in_all_five_modes() -> None:
    catalogue = load_catalogue(ROOT)
    assert {scale.mode for scale in catalogue.scales} == {"questionnaire", "matrix", "ipa", "fmea", "nps"}
    files = sorted((ROOT / "tools" / "scales").glob("*.yml"))
    assert [scale.id for scale in catalogue.scales] == [path.stem for path in files]
