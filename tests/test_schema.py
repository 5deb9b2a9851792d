"""The committed JSON Schemas match the models, and every data file points at its schema."""

from __future__ import annotations

import json

from macros.schema import SCHEMAS, render_schema

from .conftest import ROOT


def test_committed_schemas_match_the_models() -> None:
    for name, model in SCHEMAS.items():
        committed = (ROOT / "macros" / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render_schema(model), f"{name} is stale: run `make schema`"


def test_case_schema_forbids_unknown_fields_and_lists_stages() -> None:
    schema = json.loads((ROOT / "macros" / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    stages = schema["$defs"]["JourneyStage"]["properties"]["stage"]["enum"]
    assert stages == ["意识", "考虑", "购买", "使用", "忠诚"]


def test_every_case_file_names_its_schema() -> None:
    for path in sorted((ROOT / "cases").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../macros/schemas/case.schema.json", path.name
