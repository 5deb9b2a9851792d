"""The scale model's cross-field checks: where errors point, finite numbers, the rows a form starts with.

Each check has an invalid fixture in ``tests/fixtures/invalid-scales/`` naming its message; those
run in ``test_catalogue.py``. This module checks what a message table cannot: the reported line,
and the behaviour the checks protect (rows on the form, JSON payloads without NaN).
"""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.catalogue import load_catalogue
from macros.models.common import Strict
from macros.problems import DataError
from macros.render import json_for_script, render
from macros.scale_views import scale_view

from .conftest import FIXTURES

INVALID_SCALES = sorted((FIXTURES / "invalid-scales").glob("*.yml"))

MATRIX = """id: rows-form
version: 1
mode: matrix
title: 示例矩阵
summary: 用于测试的矩阵。
instructions: 请为每一行打分。
chapters: [ch01]
response_scales:
  level5:
    kind: likert
    min: 1
    max: 5
    labels: {1: 很低, 2: 较低, 3: 中等, 4: 较高, 5: 很高}
rows:
ROWS
criteria:
  - {id: reach, label: 覆盖面, scale: level5, weight: 1}
min_answered: 1
bands:
  - {min: 0, max: 100, label: 全部, tone: neutral, interpretation: 全部。, actions: [看看。]}
sources:
  - {citation: "Test, T. (2020). A source."}
examples:
  - name: 示例
    rows:
      - {name: 入住, reach: 5}
    expect: {scores: {入住: 100}}
"""


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("fixture", INVALID_SCALES, ids=[p.stem for p in INVALID_SCALES])
def test_each_invalid_scale_error_points_at_its_line(project: Path, fixture: Path) -> None:
    (project / "tools" / "scales" / "mini-scale.yml").unlink()
    shutil.copy(fixture, project / "tools" / "scales" / fixture.name)
    found = problems_of(project)
    source = fixture.read_text(encoding="utf-8").splitlines()
    expected = re.findall(r"^# expect: (.+)$", fixture.read_text(encoding="utf-8"), flags=re.M)
    assert expected, f"{fixture.name} must name the message it produces"
    for text in expected:
        [line] = [line for line in found if text in line]
        field = text.split(": ")[0]
        key = re.split(r"[.\[]", field)[-1]
        if not key.endswith("]"):  # a list entry has no key of its own on its line
            number = int(line.split(":")[1])
            assert re.search(rf"\b{re.escape(key)}\b", source[number - 1]), (line, source[number - 1])


def test_an_infinite_weight_is_refused_with_file_and_line(project: Path) -> None:
    path = project / "tools" / "scales" / "mini-scale.yml"
    text = path.read_text(encoding="utf-8").replace("scale: agree5}", "scale: agree5, weight: .inf}", 1)
    path.write_text(text.replace("method: mean", "method: weighted_mean"), encoding="utf-8")
    [line] = problems_of(project)
    assert line.startswith("tools/scales/mini-scale.yml:17:40: items[0].weight: 应为有限的数字"), line
    assert "weight: .inf" in text.splitlines()[16]


def test_no_model_accepts_a_number_that_is_not_finite() -> None:
    class Number(Strict):
        value: float

    for bad in (math.inf, -math.inf, math.nan, float("1.0e+400")):
        with pytest.raises(ValidationError, match="finite_number"):
            Number(value=bad)


def test_a_payload_with_nan_is_never_written() -> None:
    with pytest.raises(ValueError):
        json_for_script({"score": math.nan})


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        ("  preset: []\n  min: 2", ["", ""]),
        ("  min: 1", [""]),
        ("  preset: [入住, 退房]\n  min: 3", ["入住", "退房", ""]),
        ("  preset: [入住, 退房, 客房]\n  min: 2", ["入住", "退房", "客房"]),
    ],
)
def test_a_rows_form_starts_with_the_preset_then_blank_rows_up_to_min(
    project: Path, rows: str, names: list[str]
) -> None:
    (project / "tools" / "scales" / "rows-form.yml").write_text(MATRIX.replace("ROWS", rows), encoding="utf-8")
    view = scale_view(load_catalogue(project).scale("rows-form"))
    html = render("scale_form.html.j2", scale=view)
    shown = re.findall(r'<input type="text" id="rows-form--r(\d+)--name"[^>]* value="([^"]*)"', html)
    assert shown == [(str(n), name) for n, name in enumerate(names, start=1)]
    assert html.count("data-tp-row>") == len(names)  # scale-form.js clones the first row to add more
