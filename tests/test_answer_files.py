"""The answer file: one model, one corpus, the same verdict from Python and from the browser's check."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from macros.catalogue import load_catalogue
from macros.models.answers import FORMAT, answer_spec, check_text

from .conftest import ROOT

CATALOGUE = load_catalogue(ROOT)
CSAT = CATALOGUE.scale("csat")
IPA = CATALOGUE.scale("touchpoint-priority")
NPS = CATALOGUE.scale("nps")


def answers_file(**change: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": 1,
        "scale": CSAT.id,
        "version": CSAT.version,
        "title": CSAT.title,
        "saved_at": "2026-11-29T08:00:00.000Z",
        "response": {"answers": {CSAT.items[0].id: 5, CSAT.items[1].id: None}},
        "comment": "很好",
    }
    data.update(change)
    return data


def rows_file(*rows: dict[str, Any], **change: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": 1,
        "scale": IPA.id,
        "version": IPA.version,
        "response": {"rows": list(rows) or [{"name": "前台", "importance": 7, "performance": 3}]},
    }
    data.update(change)
    return data


ITEM = CSAT.items[0].id
# name → (scale, file text, the verdict both checks must give)
CORPUS: dict[str, tuple[Any, str, str]] = {
    "answers": (CSAT, json.dumps(answers_file()), ""),
    "answers with BOM": (CSAT, "\ufeff" + json.dumps(answers_file()), ""),
    "no comment, no title": (
        CSAT,
        json.dumps({k: v for k, v in answers_file().items() if k not in {"comment", "title"}}),
        "",
    ),
    "null comment": (CSAT, json.dumps(answers_file(comment=None)), ""),
    "version 1.0 is 1": (CSAT, json.dumps(answers_file(version=float(CSAT.version))), ""),
    "value 5.0 is 5": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: 5.0}})), ""),
    "rows": (IPA, json.dumps(rows_file()), ""),
    "rows named __proto__ and constructor": (
        IPA,
        json.dumps(rows_file({"name": "__proto__", "importance": 1}, {"name": "constructor", "performance": None})),
        "",
    ),
    "nps": (NPS, json.dumps(answers_file(scale="nps", version=NPS.version, response={"answers": {"nps": 10}})), ""),
    "empty file": (CSAT, "", "not-json"),
    "truncated": (CSAT, json.dumps(answers_file())[:-9], "not-json"),
    "NaN literal": (CSAT, json.dumps(answers_file(comment=None)).replace("null", "NaN"), "not-json"),
    "too large": (CSAT, json.dumps(answers_file(comment="x" * (1024 * 1024))), "too-large"),
    "a list": (CSAT, "[1, 2]", "not-answer-file"),
    "another format": (CSAT, json.dumps(answers_file(format="other")), "not-answer-file"),
    "format version 2": (CSAT, json.dumps(answers_file(format_version=2)), "format-version"),
    "format version true": (CSAT, json.dumps(answers_file(format_version=True)), "format-version"),
    "unknown top-level key": (CSAT, json.dumps(answers_file(extra=1)), "shape"),
    "scale id with spaces": (CSAT, json.dumps(answers_file(scale="my scale")), "shape"),
    "version as text": (CSAT, json.dumps(answers_file(version="1")), "shape"),
    "version 1.5": (CSAT, json.dumps(answers_file(version=1.5)), "shape"),
    "version 1e400": (
        CSAT,
        json.dumps(answers_file()).replace(f'"version": {CSAT.version}', '"version": 1e400'),
        "shape",
    ),
    "value as text": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: "5"}})), "shape"),
    "value true": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: True}})), "shape"),
    "value an object": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: {"a": 1}}})), "shape"),
    "deeply nested value": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: [[[[[[1]]]]]]}})), "shape"),
    "comment a number": (CSAT, json.dumps(answers_file(comment=3)), "shape"),
    "comment too long": (CSAT, json.dumps(answers_file(comment="长" * 2001)), "shape"),
    "both answers and rows": (CSAT, json.dumps(answers_file(response={"answers": {}, "rows": []})), "shape"),
    "row name an object": (IPA, json.dumps(rows_file({"name": {"x": 1}, "importance": 1})), "shape"),
    "row name of 41 characters": (IPA, json.dumps(rows_file({"name": "长" * 41})), "shape"),
    "row without a name": (IPA, json.dumps(rows_file({"importance": 1})), "shape"),
    "another scale": (CSAT, json.dumps(answers_file(scale="nps")), "other-scale"),
    "an older version": (IPA, json.dumps(rows_file()), "older-version"),  # the site is one version on
    "a newer version": (CSAT, json.dumps(answers_file(version=CSAT.version + 1)), "newer-version"),
    "rows for a questionnaire": (CSAT, json.dumps(answers_file(response={"rows": []})), "shape"),
    "answers for a rows scale": (IPA, json.dumps(rows_file(response={"answers": {}})), "shape"),
    "too many rows": (
        IPA,
        json.dumps(rows_file(*[{"name": f"{n}"} for n in range(IPA.rows.max + 1)])),
        "too-many-rows",
    ),
    "unknown item": (CSAT, json.dumps(answers_file(response={"answers": {"q99": 1}})), "unknown-field"),
    "unknown item __proto__": (CSAT, json.dumps(answers_file(response={"answers": {"__proto__": 1}})), "unknown-field"),
    "unknown field, numeric key last": (
        IPA,
        json.dumps(rows_file({"name": "a", "importance": 99, "7": 1})),
        "unknown-field",
    ),
    "value off the scale": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: 6}})), "bad-value"),
    "value between options": (CSAT, json.dumps(answers_file(response={"answers": {ITEM: 4.5}})), "bad-value"),
    "negative value": (IPA, json.dumps(rows_file({"name": "a", "performance": -1})), "bad-value"),
}
# The version the site is at, where it is not the file's scale's own.
SITE_VERSION = {"an older version": IPA.version + 1}


def site_version(name: str, scale: Any) -> int:
    return int(SITE_VERSION.get(name, scale.version))


def python_verdicts() -> list[str]:
    return [
        check_text(text, scale.id, site_version(name, scale), answer_spec(scale)).code
        for name, (scale, text, _) in CORPUS.items()
    ]


def test_the_python_check_gives_each_file_its_reason() -> None:
    expected = [code for _, _, code in CORPUS.values()]
    assert dict(zip(CORPUS, python_verdicts(), strict=True)) == dict(zip(CORPUS, expected, strict=True))


def test_the_browser_check_agrees_with_the_model_on_every_file(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node is needed for the JS tests"
    corpus = [
        {"text": text, "scale": scale.id, "version": site_version(name, scale), "spec": answer_spec(scale)}
        for name, (scale, text, _) in CORPUS.items()
    ]
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "answers-parity.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(result.stdout)
    assert dict(zip(CORPUS, browser, strict=True)) == dict(zip(CORPUS, python_verdicts(), strict=True))


@pytest.mark.parametrize("scale", CATALOGUE.scales, ids=[s.id for s in CATALOGUE.scales])
def test_every_value_a_form_offers_is_one_the_check_accepts(scale: Any) -> None:
    spec = answer_spec(scale)
    for field in spec["fields"]:
        for value in field["values"]:
            response: dict[str, Any]
            if spec["kind"] == "rows":
                response = {"rows": [{"name": "触点", field["id"]: value}]}
            else:
                response = {"answers": {field["id"]: value}}
            data = {"format": FORMAT, "format_version": 1, "scale": scale.id, "version": scale.version}
            text = json.dumps({**data, "response": response})
            assert check_text(text, scale.id, scale.version, spec).ok, (field["id"], value)
