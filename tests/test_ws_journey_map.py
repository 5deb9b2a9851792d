"""The journey-map worksheet definition (macros/worksheets/journey.py): the real file loads and its
payload carries every case's journey; each invalid definition names its error with file, line
and field; the data spec is what the browser's file check and the page's script rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError
from macros.render import render
from macros.worksheets.files import check
from macros.worksheets.journey import JourneyMap
from macros.worksheets.views import worksheet_view

from .conftest import ROOT

REAL = ROOT / "tools" / "worksheets" / "journey-map.yml"
FILE = "tools/worksheets/journey-map.yml"


def write(project: Path, text: str) -> None:
    folder = project / "tools" / "worksheets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journey-map.yml").write_text(text, encoding="utf-8")


def real_text() -> str:
    # the fixture project has one chapter
    return re.sub(r"(?m)^chapters: \[.*\]$", "chapters: [ch01]", REAL.read_text(encoding="utf-8"))


def problems_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    return [str(p) for p in caught.value.problems]


def test_the_real_definition_loads_with_every_case_in_its_payload() -> None:
    catalogue = load_catalogue(ROOT)
    worksheet = catalogue.worksheet("journey-map")
    assert isinstance(worksheet, JourneyMap)
    assert worksheet.kind == "journey_map" and worksheet.id == REAL.stem
    assert REAL.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../macros/schemas/worksheet.schema.json\n"
    )
    payload = worksheet.payload(catalogue)
    assert payload["stages"] == ["意识", "考虑", "购买", "使用", "忠诚"]
    # every journey of every case; a case that follows two customers offers both, numbered
    expected = [
        c.id if len(c.journeys) == 1 else f"{c.id}-{n}" for c in catalogue.cases for n in range(1, len(c.journeys) + 1)
    ]
    assert [c["id"] for c in payload["cases"]] == expected
    united = [c["title"] for c in payload["cases"] if c["id"].startswith("united-airlines")]
    assert united == [f"美国联合航空：{j.persona}" for j in catalogue.case("united-airlines").journeys]
    ritz = next(c for c in payload["cases"] if c["id"] == "ritz-carlton")
    case = catalogue.case("ritz-carlton")
    assert [s["stage"] for s in ritz["stages"]] == [s.stage for s in case.journeys[0].stages]
    assert [t["name"] for s in ritz["stages"] for t in s["touchpoints"]] == [
        t.name for s in case.journeys[0].stages for t in s.touchpoints
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "stages: [意识, 考虑, 购买, 使用, 忠诚]",
            "stages: [意识, 考虑, 意识]",
            f"{FILE}:16:18: stages[2]: 阶段“意识”重复 (duplicate stage)",
        ),
        (
            "stages: [意识, 考虑, 购买, 使用, 忠诚]",
            "stages: [意识, 一二三四五六七八九十一二三四五六七八九十一]",
            f"{FILE}:16:14: stages[1]: 阶段名称“{'一二三四五六七八九十' * 2}一”超过 20 个字 (stage name too long)",
        ),
        (
            "max_touchpoints: 40",
            "max_touchpoints: 4",
            f"{FILE}:17:1: max_touchpoints: 最多 4 个触点，少于阶段数 5：有的阶段无法放入触点"
            " (fewer touchpoints than stages)",
        ),
        ("stages: [意识, 考虑, 购买, 使用, 忠诚]", "stages: [意识]", f"{FILE}:16:"),
        ("stages: [意识, 考虑, 购买, 使用, 忠诚]", "stages: [a, b, c, d, e, f, g, h, i]", f"{FILE}:16:"),
        ("max_touchpoints: 40", "max_touchpoints: 81", f"{FILE}:17:"),
        ("max_touchpoints: 40", "max_touchpoints: 0", f"{FILE}:17:"),
        ("kind: journey_map", "kind: journey_map\nlanes: [想法]", f"{FILE}:4:1: lanes:"),
        ("id: journey-map", "id: journey", f"{FILE}:2:"),
    ],
    ids=[
        "duplicate-stage",
        "stage-name-too-long",
        "fewer-touchpoints-than-stages",
        "one-stage",
        "nine-stages",
        "too-many-touchpoints",
        "no-touchpoints",
        "unknown-field",
        "id-not-file-name",
    ],
)
def test_invalid_definition_names_file_line_and_field(project: Path, old: str, new: str, expected: str) -> None:
    text = real_text()
    assert old in text
    write(project, text.replace(old, new))
    found = problems_of(project)
    assert any(line.startswith(expected) for line in found), found
    for line in found:
        assert line.startswith(f"{FILE}:"), line


def test_all_problems_of_the_file_are_reported_at_once(project: Path) -> None:
    text = real_text().replace("stages: [意识, 考虑, 购买, 使用, 忠诚]", "stages: [意识, 意识, 意识]")
    write(project, text.replace("max_touchpoints: 40", "max_touchpoints: 2"))
    found = problems_of(project)
    assert [line.split(": ")[1] for line in found] == ["stages[1]", "stages[2]", "max_touchpoints"], found


def test_data_spec_accepts_a_filled_map_and_refuses_values_the_form_cannot_make() -> None:
    worksheet = load_catalogue(ROOT).worksheet("journey-map")
    spec = worksheet.data_spec()
    tp = {
        "stage": 4,
        "name": "退房",
        "type": "互动点",
        "channel": "线下",
        "behaviour": "结账",
        "thought": "快点",
        "emotion": -3,
        "pain": "排队",
        "opportunity": "快速退房",
        "moment_of_truth": True,
    }
    data = {"title": "度假家庭", "persona": None, "stages": [{"name": "意识"}], "touchpoints": [tp]}

    def verdict(body: dict[str, object]) -> tuple[str, str]:
        file = {"format": "touchpoint-worksheet", "format_version": 1, "worksheet": "journey-map", "version": 1}
        v = check({**file, "data": body}, "journey-map", worksheet.version, spec)
        return v.code, v.detail

    assert verdict(data) == ("", "")
    assert verdict({**data, "touchpoints": [{**tp, "emotion": 4}]}) == ("bad-value", "touchpoints.emotion")
    assert verdict({**data, "touchpoints": [{**tp, "stage": 8}]}) == ("bad-value", "touchpoints.stage")
    assert verdict({**data, "touchpoints": [{**tp, "type": "触点"}]}) == ("bad-value", "touchpoints.type")
    assert verdict({**data, "stages": [{"name": "一" * 21}]}) == ("bad-value", "stages.name")
    assert verdict({**data, "stages": [{"name": "x"}] * 9}) == ("too-many-rows", "stages")


def test_paper_version_is_a_stages_by_lanes_grid() -> None:
    catalogue = load_catalogue(ROOT)
    view = worksheet_view(catalogue.worksheet("journey-map"), catalogue)
    html = render("worksheet.html.j2", ws=view)
    grid = html.split('<table class="tp-jm-paper__grid">')[1].split("</table>")[0]
    heads = [cell.split("</th>")[0] for cell in grid.split('<th scope="col">')[1:]]
    assert heads == ["泳道", "意识", "考虑", "购买", "使用", "忠诚"]
    rows = [row.split("<")[0] for row in grid.split('<th scope="row">')[1:]]
    assert rows == ["客户目标与行为", "触点", "想法", "情绪", "痛点", "机会"]
    assert grid.count("<td></td>") == 6 * 5
