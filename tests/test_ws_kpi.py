"""The touchpoint KPI worksheet's definition (macros/worksheets/kpi.py, tools/worksheets/touchpoint-kpi.yml).

The model and the engine (docs/javascripts/ws-kpi.js) list the same inputs, formulas and CLV
convention; every invalid definition is refused with file:line:field and its reason; the real
example computes without a problem in the engine; the shipped sample CSV is the tested one.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError
from macros.render import render
from macros.worksheets.kpi import CLV_CONVENTION, FORMULAS, INPUTS, KpiCalculator, number_text
from macros.worksheets.spec import value_ok
from macros.worksheets.views import worksheet_view

from .conftest import FIXTURES, ROOT

REAL = ROOT / "tools" / "worksheets" / "touchpoint-kpi.yml"
ENGINE = ROOT / "docs" / "javascripts" / "ws-kpi.js"


def engine(expression: str) -> Any:
    """``expression`` evaluated by Node with ``K`` the engine (as JSON)."""
    script = f"const K = require({json.dumps(str(ENGINE))}); process.stdout.write(JSON.stringify({expression}));"
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def real() -> KpiCalculator:
    worksheet = load_catalogue(ROOT).worksheet("touchpoint-kpi")
    assert isinstance(worksheet, KpiCalculator)
    return worksheet


def test_inputs_are_the_engines_fields_without_the_name() -> None:
    fields = engine("K.FIELDS.map((f) => [f.key, f.label])")
    assert fields[0] == ["name", "触点"]
    assert [tuple(f) for f in fields[1:]] == list(INPUTS)


def test_formulas_and_the_clv_convention_are_the_engines() -> None:
    formulas = engine("K.FORMULAS")
    assert {key: text for key, text in FORMULAS} == {key: f["formula"] for key, f in formulas.items()}
    assert engine("K.CLV_CONVENTION") == CLV_CONVENTION
    assert "Gupta & Lehmann (2003)" in CLV_CONVENTION and "期末" in CLV_CONVENTION


def test_the_shipped_sample_csv_is_the_tested_one() -> None:
    shipped = ROOT / "docs" / "samples" / "touchpoints-sample.csv"
    assert shipped.read_bytes() == (FIXTURES / "touchpoints-sample.csv").read_bytes()


def test_the_real_example_is_fictional_in_journey_order_and_computes_without_a_problem() -> None:
    worksheet = real()
    assert "虚构" in worksheet.example_note
    rows = worksheet.example_rows()
    assert 4 <= len(rows) <= 6
    results = engine(f"{json.dumps(rows)}.map((r) => K.touchpointKpis(r))")
    assert [r["problems"] for r in results] == [[]] * len(rows)
    entrants = [r["values"]["entrants"] for r in results]
    assert entrants == sorted(entrants, reverse=True), "a funnel in journey order narrows"
    last = results[-1]["figures"]
    assert last["churn_pct"] == pytest.approx(40) and last["clv"] == pytest.approx(540)  # 450 × 0.6 ÷ 0.5
    spec = worksheet.data_spec()
    columns = {c["id"]: c for c in spec["tables"][0]["columns"]}
    assert all(value_ok(columns[k], v) for row in rows for k, v in row.items())


def test_numbers_are_written_as_a_person_types_them() -> None:
    assert [number_text(x) for x in (1234567.0, 0.1, 450, 0.125, 0.0)] == ["1234567", "0.1", "450", "0.125", "0"]
    assert engine("K.touchpointKpis({name: 'a', entrants: '1234567'}).problems") == []


def test_the_payload_carries_what_the_page_builds_from() -> None:
    payload = real().payload(load_catalogue(ROOT))
    assert [i["id"] for i in payload["inputs"]] == [key for key, _ in INPUTS]
    assert set(payload["units"]) == {key for key, _ in INPUTS}
    # the page is tools/touchpoint-kpi.html: the link is relative to its folder
    assert (ROOT / "docs" / "tools" / payload["sample_csv"]).resolve() == (
        ROOT / "docs" / "samples" / "touchpoints-sample.csv"
    ).resolve()


# (what is changed in the real file, the problem it must produce: field path and message)
INVALID = [
    ("    conversions: 135\n", "    conversions: 1350\n", "example[2].conversions", "大于 entrants"),
    ("    satisfied: 150\n", "    satisfied: 250\n", "example[0].satisfied", "大于 ratings"),
    ("    customers_lost: 280\n", "    customers_lost: 800\n", "example[5].customers_lost", "大于 customers_start"),
    ("    nps_responses: 320\n", "    nps_responses: 321\n", "example[4].nps_responses", "不等于 nps_responses 321"),
    ("    detractors: 60\n    nps_responses: 240\n", "    nps_responses: 240\n", "example[2].nps_responses", "不全"),
    ("    entrants: 700\n", "    entrants: 700.5\n", "example[5].entrants", "应为整数"),
    ("    entrants: 8000\n", "    entrants: 123456789012345678901\n", "example[0].entrants", "超过 20 个字符"),
    ("    discount_rate: 0.1\n", "    discount_rate: 0\n    retention: 1\n", "example[5].retention", "CLV 无穷大"),
    ("    discount_rate: 0.1\n", "    discount_rate: 10\n", "example[5].discount_rate", "应 ≤ 1.0"),
    ("    entrants: 960\n", "    entrants: -960\n", "example[1].entrants", "应 ≥ 0.0"),
    ("  - name: 办理入住\n", "  - name: 官网预订页\n", "example[2].name", "重复"),
    ("max_rows: 20\n", "max_rows: 5\n", "example", "超过 max_rows 5"),
    ("max_rows: 20\n", "max_rows: 51\n", "max_rows", "应 ≤ 50"),
    ("    margin: 450\n", "    margin: 450\n    revenue: 900\n", "example[5].revenue", ""),
    ("example_note: ", "example_notes: ", "example_note", "缺少必填字段"),
]


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("old", "new", "field", "message"), INVALID, ids=[f"{i[2]}-{i[3]}" for i in INVALID])
def test_each_invalid_definition_names_file_line_field_and_reason(
    project: Path, old: str, new: str, field: str, message: str
) -> None:
    text = REAL.read_text(encoding="utf-8").replace("chapters: [ch04, ch10]", "chapters: [ch01]")
    assert old in text, old
    folder = project / "tools" / "worksheets"
    folder.mkdir(parents=True)
    (folder / "touchpoint-kpi.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    found = problems_of(project)
    pattern = rf"tools/worksheets/touchpoint-kpi\.yml:(\d+):\d+: {re.escape(field)}: .*{re.escape(message)}"
    [line] = [line for line in found if re.match(pattern, line)] or [f"none of {found}"]
    assert re.match(pattern, line), line
    number = int(line.split(":")[1])
    source = (folder / "touchpoint-kpi.yml").read_text(encoding="utf-8").splitlines()
    key = re.split(r"[.\[\]]", field.rstrip("]"))[-1]
    if not field.endswith("]") and key != "example" and "缺少" not in message:
        assert key in source[number - 1], (line, source[number - 1])


def test_the_paper_version_is_a_blank_form_with_every_input_and_formula() -> None:
    html = render("worksheet_paper_kpi.html.j2", ws=worksheet_view(real(), load_catalogue(ROOT)))
    for _, label in INPUTS:
        assert f'<th scope="row">{label}（' in html
    for _, formula in FORMULAS:
        assert formula.replace("&", "&amp;") in html or formula in html
    assert CLV_CONVENTION.replace("&", "&amp;") in html
    assert "<input" not in html and "8000" not in html  # blank: no example values
