"""The worksheet file: one model, one corpus, the same verdict and detail from Python and from the
browser's check (docs/javascripts/ws-file.js)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from macros.worksheets.files import FORMAT, check_text
from macros.worksheets.spec import BoolField, ChoiceField, IntField, Table, TextField, data_spec, value_ok

from .conftest import ROOT

SPEC = data_spec(
    (TextField("title", "名称", 10), ChoiceField("level", "级别", ("low", "high"))),
    (
        Table(
            "rows",
            "触点",
            3,
            (
                TextField("name", "触点", 5),
                IntField("emotion", "情绪", -3, 3),
                BoolField("mot", "关键时刻"),
            ),
        ),
    ),
)
ID, VERSION = "demo-sheet", 2


def sheet(**change: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": 1,
        "worksheet": ID,
        "version": VERSION,
        "title": "演示",
        "saved_at": "2026-11-29T08:00:00.000Z",
        "data": {"title": "前台", "level": "low", "rows": [{"name": "入住", "emotion": -2, "mot": True}]},
    }
    data.update(change)
    return data


def body(**change: Any) -> dict[str, Any]:
    return sheet(data={**sheet()["data"], **change})


def rows(*items: dict[str, Any]) -> dict[str, Any]:
    return body(rows=list(items))


# name → (file text, the code and detail both checks must give)
CORPUS: dict[str, tuple[str, tuple[str, str]]] = {
    "good": (json.dumps(sheet()), ("", "")),
    "good with BOM": ("\ufeff" + json.dumps(sheet()), ("", "")),
    "no title or saved_at": (
        json.dumps({k: v for k, v in sheet().items() if k not in {"title", "saved_at"}}),
        ("", ""),
    ),
    "empty data": (json.dumps(sheet(data={})), ("", "")),
    "nulls everywhere": (json.dumps(body(title=None, level=None, rows=[{"name": None, "emotion": None}])), ("", "")),
    "version 2.0 is 2": (json.dumps(sheet(version=2.0)), ("", "")),
    "emotion 3.0 is 3": (json.dumps(rows({"emotion": 3.0})), ("", "")),
    "astral text counts as one": (json.dumps(body(title="😀" * 10)), ("", "")),
    "table may be null": (json.dumps(body(rows=None)), ("", "")),
    "too large": ("{" + " " * (1024 * 1024) + "}", ("too-large", "")),
    "not json": ("{format:", ("not-json", "")),
    "NaN is not json": ('{"a": NaN}', ("not-json", "")),
    "json array": ("[]", ("not-answer-file", "")),
    "a scale answer file": (json.dumps(sheet(format="touchpoint-scale-response")), ("not-answer-file", "")),
    "format version 2": (json.dumps(sheet(format_version=2)), ("format-version", "")),
    "format version true": (json.dumps(sheet(format_version=True)), ("format-version", "")),
    "extra top key": (json.dumps(sheet(zzz=1, aaa=2)), ("shape", "aaa")),
    "bad worksheet id": (json.dumps(sheet(worksheet="Demo Sheet")), ("shape", "worksheet")),
    "id with newline": (json.dumps(sheet(worksheet="demo-sheet\n")), ("shape", "worksheet")),
    "version 0": (json.dumps(sheet(version=0)), ("shape", "version")),
    "version 1.5": (json.dumps(sheet(version=1.5)), ("shape", "version")),
    "version text": (json.dumps(sheet(version="2")), ("shape", "version")),
    "version true": (json.dumps(sheet(version=True)), ("shape", "version")),
    "version 1e400": (json.dumps(sheet())[:-1].replace('"version": 2', '"version": 1e400') + "}", ("shape", "version")),
    "title not text": (json.dumps(sheet(title=3)), ("shape", "title")),
    "title too long": (json.dumps(sheet(title="x" * 201)), ("shape", "title")),
    "data not object": (json.dumps(sheet(data=[])), ("shape", "data")),
    "nested object value": (json.dumps(body(title={"a": 1})), ("shape", "data")),
    "row not object": (json.dumps(body(rows=[1])), ("shape", "data")),
    "cell is a list": (json.dumps(rows({"name": ["a"]})), ("shape", "data")),
    "cell is 1e400": (
        json.dumps(rows({"emotion": 1}))[:-1].replace('"emotion": 1', '"emotion": 1e400') + "}",
        ("shape", "data"),
    ),
    "other worksheet": (json.dumps(sheet(worksheet="other-sheet")), ("other-worksheet", "other-sheet")),
    "older version": (json.dumps(sheet(version=1)), ("older-version", "1")),
    "newer version": (json.dumps(sheet(version=3)), ("newer-version", "3")),
    "unknown field": (json.dumps(body(colour="red")), ("unknown-field", "colour")),
    "unknown column": (json.dumps(rows({"name": "a", "colour": "red"})), ("unknown-field", "rows.colour")),
    "__proto__ field": (
        '{"format":"touchpoint-worksheet","format_version":1,"worksheet":"demo-sheet","version":2,'
        '"data":{"__proto__":1}}',
        ("unknown-field", "__proto__"),
    ),
    "unknown beats too many": (json.dumps(body(rows=[{}] * 4, colour=1)), ("unknown-field", "colour")),
    "too many rows": (json.dumps(body(rows=[{}] * 4)), ("too-many-rows", "rows")),
    "text too long": (json.dumps(body(title="x" * 11)), ("bad-value", "title")),
    "choice not offered": (json.dumps(body(level="mid")), ("bad-value", "level")),
    "field given a list": (json.dumps(body(title=[])), ("bad-value", "title")),
    "table given text": (json.dumps(body(rows="x")), ("bad-value", "rows")),
    "int out of range": (json.dumps(rows({"emotion": 4})), ("bad-value", "rows.emotion")),
    "int fractional": (json.dumps(rows({"emotion": 1.5})), ("bad-value", "rows.emotion")),
    "int as text": (json.dumps(rows({"emotion": "1"})), ("bad-value", "rows.emotion")),
    "int as bool": (json.dumps(rows({"emotion": True})), ("bad-value", "rows.emotion")),
    "bool as number": (json.dumps(rows({"mot": 1})), ("bad-value", "rows.mot")),
    "cell text too long": (json.dumps(rows({"name": "六个字的名字"})), ("bad-value", "rows.name")),
}


def python_verdicts() -> list[tuple[str, str]]:
    out = []
    for text, _ in CORPUS.values():
        verdict = check_text(text, ID, VERSION, SPEC)
        out.append((verdict.code, verdict.detail))
    return out


def test_the_python_check_gives_each_file_its_reason() -> None:
    expected = [verdict for _, verdict in CORPUS.values()]
    assert dict(zip(CORPUS, python_verdicts(), strict=True)) == dict(zip(CORPUS, expected, strict=True))


def test_the_browser_check_agrees_on_every_file(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node is needed for the JS tests"
    path = tmp_path / "corpus.json"
    items = [{"text": text, "id": ID, "version": VERSION, "spec": SPEC} for text, _ in CORPUS.values()]
    path.write_text(json.dumps(items), encoding="utf-8")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "ws-file-parity.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    browser = [(v["code"], v["detail"]) for v in json.loads(result.stdout)]
    assert dict(zip(CORPUS, browser, strict=True)) == dict(zip(CORPUS, python_verdicts(), strict=True))


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        (TextField("t", "t", 2).spec(), "ab", True),
        (TextField("t", "t", 2).spec(), "abc", False),
        (IntField("i", "i", 1, 5).spec(), 5, True),
        (IntField("i", "i", 1, 5).spec(), 0, False),
        (BoolField("b", "b").spec(), False, True),
        (ChoiceField("c", "c", ("a",)).spec(), "a", True),
        (ChoiceField("c", "c", ("a",)).spec(), "", False),
    ],
)
def test_value_ok_keeps_each_type_to_its_values(field: dict[str, Any], value: Any, ok: bool) -> None:
    assert value_ok(field, value) is ok
