"""The emotion map's definition (tools/worksheets/emotion-map.yml, macros/worksheets/emotion.py):
the real file loads with what its script needs; every invalid definition names its error with
file:line:field, at the line of the offending value; the paper version shows the triggers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError
from macros.render import render
from macros.worksheets.emotion import EmotionMap
from macros.worksheets.files import check
from macros.worksheets.views import worksheet_view

from .conftest import ROOT

REAL = ROOT / "tools" / "worksheets" / "emotion-map.yml"
FILE = "tools/worksheets/emotion-map.yml"

# (name, text to replace, its replacement, field, message, text on the reported line)
INVALID = [
    (
        "unknown-trough-trigger",
        "suggest_for_trough: recognition",
        "suggest_for_trough: pride",
        "suggest_for_trough",
        "未知触发因素“pride”",
        "suggest_for_trough: pride",
    ),
    (
        "unknown-ending-trigger",
        "suggest_for_ending: ritual",
        "suggest_for_ending: farewell",
        "suggest_for_ending",
        "未知触发因素“farewell”",
        "suggest_for_ending: farewell",
    ),
    (
        "duplicate-trigger-id",
        "  - id: recognition",
        "  - id: story",
        "triggers[3].id",
        "触发因素 id“story”重复",
        "  - id: story",
    ),
    (
        "duplicate-trigger-name",
        "    name: 认可",
        "    name: 故事",
        "triggers[3].name",
        "触发因素名称“故事”重复",
        "    name: 故事",
    ),
    (
        "trigger-name-too-long",
        "    name: 归属",
        "    name: 归属感与社群认同之感",
        "triggers[4].name",
        "",
        "    name: 归属感与社群认同之感",
    ),
    ("too-few-moments", "max_moments: 30", "max_moments: 1", "max_moments", "", "max_moments: 1"),
    ("too-many-moments", "max_moments: 30", "max_moments: 61", "max_moments", "", "max_moments: 61"),
    (
        "unknown-journey-map",
        "journey_worksheet: journey-map",
        "journey_worksheet: journey-mapp",
        "journey_worksheet",
        "不是客户旅程地图工具",
        "journey_worksheet: journey-mapp",
    ),
    (
        "journey-map-of-another-kind",
        "journey_worksheet: journey-map",
        "journey_worksheet: emotion-map",
        "journey_worksheet",
        "不是客户旅程地图工具",
        "journey_worksheet: emotion-map",
    ),
    ("unknown-field", "max_moments: 30", "max_moments: 30\nmax_moment: 30", "max_moment", "未知字段", "max_moment: 30"),
]


@pytest.fixture
def tools(project: Path) -> Path:
    """The project with the real emotion map and the journey map it names."""
    folder = project / "tools" / "worksheets"
    folder.mkdir(parents=True)
    shutil.copy(REAL, folder)
    shutil.copy(ROOT / "tools" / "worksheets" / "journey-map.yml", folder)
    return project


def test_the_real_definition_loads_with_five_triggers_and_the_journey_map() -> None:
    catalogue = load_catalogue(ROOT)
    emotion = catalogue.worksheet("emotion-map")
    assert isinstance(emotion, EmotionMap)
    assert [t.name for t in emotion.triggers] == ["故事", "仪式", "惊喜", "认可", "归属"]
    payload = emotion.payload(catalogue)
    assert payload["journey"]["id"] == "journey-map"
    assert payload["journey"]["spec"] == catalogue.worksheet("journey-map").data_spec()
    assert {payload["suggest_for_trough"], payload["suggest_for_ending"]} <= {t.id for t in emotion.triggers}


def test_the_data_spec_takes_only_the_scales_and_the_triggers() -> None:
    emotion = load_catalogue(ROOT).worksheet("emotion-map")
    spec = emotion.data_spec()

    def verdict(row: dict[str, object]) -> str:
        file = {"format": "touchpoint-worksheet", "format_version": 1, "worksheet": "emotion-map", "version": 1}
        return check({**file, "data": {"moments": [row]}}, "emotion-map", 1, spec).code

    assert verdict({"name": "入住", "valence": -3, "intensity": 5, "trigger": "ritual"}) == ""
    assert verdict({"valence": 4}) == "bad-value"
    assert verdict({"intensity": 0}) == "bad-value"
    assert verdict({"valence": 1.5}) == "bad-value"
    assert verdict({"trigger": "仪式"}) == "bad-value"  # the id, not the name
    assert verdict({"emotion": 1}) == "unknown-field"


@pytest.mark.parametrize("case", INVALID, ids=[c[0] for c in INVALID])
def test_each_invalid_definition_names_its_error_at_its_line(tools: Path, case: tuple[str, ...]) -> None:
    _, old, new, field, message, line_text = case
    path = tools / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(tools)
    found = [str(p) for p in caught.value.problems]
    mine = [line for line in found if re.match(rf"{re.escape(FILE)}:\d+:\d+: {re.escape(field)}: ", line)]
    assert mine, found
    assert any(message in line for line in mine), found
    number = int(mine[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[number - 1] == line_text


def test_all_errors_of_the_file_are_reported_at_once(tools: Path) -> None:
    path = tools / FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("suggest_for_trough: recognition", "suggest_for_trough: pride")
    text = text.replace("  - id: recognition", "  - id: story")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(tools)
    fields = {str(p).split(": ")[1] for p in caught.value.problems}
    assert {"suggest_for_trough", "triggers[3].id"} <= fields


def test_the_paper_version_lists_the_triggers_the_scales_and_the_advice() -> None:
    catalogue = load_catalogue(ROOT)
    emotion = catalogue.worksheet("emotion-map")
    html = render("worksheet_paper_emotion_map.html.j2", ws=worksheet_view(emotion, catalogue))
    for trigger in emotion.triggers:
        assert f"<dt>{trigger.name}</dt>" in html
        assert trigger.example in html
    assert html.count("−3 −2 −1 0 +1 +2 +3") == 10
    assert emotion.trough_advice in html and emotion.ending_advice in html
    assert "峰终值 = (峰值 e + 终点 e) ÷ 2" in html
