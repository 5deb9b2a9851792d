"""The worksheet file: what a worksheet saves in the browser, exports and re-imports.

One source of truth for its shape: :class:`WorksheetFile` generates
``macros/schemas/worksheet-file.schema.json``; the data a given worksheet may hold comes from its
spec (:mod:`macros.worksheets.spec`), which the page payload carries. ``tests/test_worksheet_files.py``
feeds one corpus to :func:`check_text` and to the browser's check (``docs/javascripts/ws-file.js``)
and requires the same reason and detail for every file. The reason codes are those of the scale
answer file (:data:`macros.models.answers.ReasonCode`) plus ``other-worksheet``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models.answers import Verdict, read_with
from ..models.common import ID_PATTERN
from .spec import value_ok

FORMAT = "touchpoint-worksheet"
FORMAT_VERSION = 1
TOP_KEYS = ("format", "format_version", "worksheet", "version", "title", "saved_at", "data")
TEXT_LIMITS = {"title": 200, "saved_at": 40}

Scalar = str | float | bool | None


class WorksheetFile(BaseModel):
    """A saved or exported worksheet: which one, which version, and its data."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)

    format: Literal["touchpoint-worksheet"]
    format_version: Literal[1]
    worksheet: str = Field(pattern=ID_PATTERN, description="工具 id")
    version: float = Field(ge=1, multiple_of=1, description="填写时工具定义的版本（整数）")
    title: str = Field(default="", max_length=200, description="工具标题（仅供阅读）")
    saved_at: str = Field(default="", max_length=40, description="保存时间（ISO 8601）")
    data: dict[str, Scalar | list[dict[str, Scalar]]] = Field(
        description="字段 id → 值；表格 id → 行（列 id → 值）。可有的字段、列和值由各工具的 data_spec 规定"
    )


def _is_scalar(value: Any) -> bool:
    # 1e400 reads as inf in Python and Infinity in the browser: neither is a JSON number
    return value is None or isinstance(value, str | bool | int) or (isinstance(value, float) and math.isfinite(value))


def _shape_problem(data: dict[str, Any]) -> str:
    """The first top-level key whose value has the wrong shape, or ""; the browser checks the same
    keys in the same order."""
    extra = sorted(k for k in data if k not in TOP_KEYS)
    if extra:
        return extra[0]
    worksheet = data.get("worksheet")
    if not isinstance(worksheet, str) or not _matches_id(worksheet):
        return "worksheet"
    version = data.get("version")
    if (
        isinstance(version, bool)
        or not isinstance(version, int | float)
        or version < 1
        or not float(version).is_integer()
    ):
        return "version"
    for key, limit in TEXT_LIMITS.items():
        if key in data and (not isinstance(data[key], str) or len(data[key]) > limit):
            return key
    body = data.get("data")
    if not isinstance(body, dict):
        return "data"
    for value in body.values():
        if _is_scalar(value):
            continue
        if not isinstance(value, list):
            return "data"
        for row in value:
            if not isinstance(row, dict) or not all(_is_scalar(cell) for cell in row.values()):
                return "data"
    return ""


def _matches_id(text: str) -> bool:
    return re.fullmatch(ID_PATTERN.strip("^$"), text) is not None


def check(data: Any, worksheet_id: str, version: int, spec: dict[str, Any]) -> Verdict:
    """Whether ``data`` is a file this version of this worksheet can take, and if not why.

    The order of the checks is the contract with the browser: the first failing one is the reason.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Verdict("not-answer-file")
    if data.get("format_version") != FORMAT_VERSION or isinstance(data.get("format_version"), bool):
        return Verdict("format-version")
    shape = _shape_problem(data)
    if shape:
        return Verdict("shape", shape)
    if data["worksheet"] != worksheet_id:
        return Verdict("other-worksheet", data["worksheet"])
    if data["version"] != version:
        return Verdict("older-version" if data["version"] < version else "newer-version", f"{data['version']:g}")
    return _check_data(data["data"], spec)


def _check_data(body: dict[str, Any], spec: dict[str, Any]) -> Verdict:
    fields = {f["id"]: f for f in spec["fields"]}
    tables = {t["id"]: t for t in spec["tables"]}
    # unknown names first (fields, tables, then each table's columns), then sizes, then values
    for key in body:
        if key not in fields and key not in tables:
            return Verdict("unknown-field", key)
    for key, value in body.items():
        if key in tables and isinstance(value, list):
            known = {c["id"] for c in tables[key]["columns"]}
            for row in value:
                for column in row:
                    if column not in known:
                        return Verdict("unknown-field", f"{key}.{column}")
    for key, value in body.items():
        if key in tables and isinstance(value, list) and len(value) > tables[key]["rows_max"]:
            return Verdict("too-many-rows", key)
    for key, value in body.items():
        if key in fields:
            if not value_ok(fields[key], value):
                return Verdict("bad-value", key)
        elif not isinstance(value, list):
            if value is not None:
                return Verdict("bad-value", key)
        else:
            columns = {c["id"]: c for c in tables[key]["columns"]}
            for row in value:
                for column, cell in row.items():
                    if not value_ok(columns[column], cell):
                        return Verdict("bad-value", f"{key}.{column}")
    return Verdict("")


def check_text(text: str, worksheet_id: str, version: int, spec: dict[str, Any]) -> Verdict:
    """:func:`check` on a file's text, as the import button reads it."""
    return read_with(text, lambda data: check(data, worksheet_id, version, spec))
