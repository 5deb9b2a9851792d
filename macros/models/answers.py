"""The answer file: what a scale form exports, re-imports and saves, and the group page reads.

One source of truth for its shape: this model generates ``macros/schemas/answers.schema.json``,
and ``tests/test_answer_files.py`` feeds one corpus of good and bad files to :func:`check` and
to the browser's validator (``docs/javascripts/tp-core.js``), requiring the same verdict and
reason for each. The browser knows each scale's items, fields and allowed values from the page
payload (:func:`answer_spec`), which is built here from the scale model.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .common import ID_PATTERN
from .scale import ROW_NAME_MAX, Fmea, Ipa, Matrix, Nps, Questionnaire, Scale, row_measures

FORMAT = "touchpoint-scale-response"
FORMAT_VERSION = 1
MAX_BYTES = 1024 * 1024  # an answer file is a few kilobytes; anything this large is not one
COMMENT_MAX = 2000

Value = Annotated[float, Field(description="所选分值")] | None


class _Shape(BaseModel):
    # strict: "5" is not 5 and true is not 1, as in the browser's check
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class AnswersResponse(_Shape):
    """Questionnaire and NPS answers: item id → the chosen value (or null, unanswered)."""

    answers: dict[str, Value]


class Row(_Shape):
    """One row of a matrix, IPA or FMEA form: its name, then field id → value (or null)."""

    model_config = ConfigDict(extra="allow", strict=True, allow_inf_nan=False, frozen=True)
    __pydantic_extra__: dict[str, Value] = Field(init=False)

    name: str = Field(max_length=ROW_NAME_MAX)


class RowsResponse(_Shape):
    """The rows of a matrix, IPA or FMEA form, in order."""

    rows: list[Row]


class AnswerFile(_Shape):
    """An exported (or saved) set of answers to one version of one scale."""

    format: Literal["touchpoint-scale-response"]
    format_version: Literal[1]
    scale: str = Field(pattern=ID_PATTERN, description="量表 id")
    # A number, not an int: JSON (and so the browser) cannot tell 3.0 from 3.
    version: float = Field(ge=1, multiple_of=1, description="作答时量表的版本（整数）")
    title: str = Field(default="", max_length=200, description="量表标题（仅供阅读）")
    saved_at: str = Field(default="", max_length=40, description="保存时间（ISO 8601）")
    response: AnswersResponse | RowsResponse
    comment: str | None = Field(default=None, max_length=COMMENT_MAX, description="补充意见")


# The reasons a file can be refused; the browser's check uses the same codes.
ReasonCode = Literal[
    "",
    "too-large",
    "not-json",
    "not-answer-file",
    "format-version",
    "shape",
    "other-scale",
    "other-worksheet",
    "older-version",
    "newer-version",
    "too-many-rows",
    "unknown-field",
    "bad-value",
]


@dataclass(frozen=True)
class Verdict:
    """Why a file was refused (``code`` is shared with the browser's check), or that it is fine."""

    code: ReasonCode  # "" when the file is accepted
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.code


def answer_spec(scale: Scale) -> dict[str, Any]:
    """What an answer file to ``scale`` may hold: the page payload's ``answer_spec``."""
    fields: list[tuple[str, str, str]]  # id, label, response scale id
    if isinstance(scale, Questionnaire):
        fields = [(item.id, item.text, item.scale) for item in scale.items]
    elif isinstance(scale, Nps):
        fields = [("nps", scale.item.text, scale.item.scale)]
    else:
        fields = [(field_id, label, scale_id) for field_id, label, _, scale_id in row_measures(scale)]
    rows = isinstance(scale, Matrix | Ipa | Fmea)
    spec: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "rows" if rows else "answers",
        "fields": [
            {"id": field_id, "label": label, "values": sorted(set(scale.response_scales[scale_id].points))}
            for field_id, label, scale_id in fields
        ],
    }
    if isinstance(scale, Matrix | Ipa | Fmea):
        spec.update(rows_min=scale.rows.min, rows_max=scale.rows.max, name_max=ROW_NAME_MAX)
    return spec


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse(text: str) -> tuple[Any, Verdict]:
    """JSON text (a byte-order mark allowed) → data, or the verdict ``not-json``.

    Python's reader takes ``NaN`` and ``Infinity``; ``JSON.parse`` does not, and neither does this.
    """
    try:
        return json.loads(text.removeprefix("\ufeff"), parse_constant=_no_constant), Verdict("")
    except (ValueError, RecursionError):
        return None, Verdict("not-json")


def check(data: Any, scale_id: str, version: int, spec: dict[str, Any]) -> Verdict:
    """Whether ``data`` is an answer file this version of this scale can take, and if not why.

    The order of the checks is part of the contract with the browser: the first failing check
    names the reason.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Verdict("not-answer-file")
    if data.get("format_version") != FORMAT_VERSION or isinstance(data.get("format_version"), bool):
        return Verdict("format-version")
    try:
        parsed = AnswerFile.model_validate({**data, "format_version": FORMAT_VERSION})  # 1.0 is 1
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        return Verdict("shape", ".".join(str(part) for part in first["loc"]))
    if parsed.scale != scale_id:
        return Verdict("other-scale", parsed.scale)
    if parsed.version != version:
        return Verdict("older-version" if parsed.version < version else "newer-version", f"{parsed.version:g}")
    return _check_response(parsed, spec)


def _check_response(parsed: AnswerFile, spec: dict[str, Any]) -> Verdict:
    allowed = {field["id"]: field["values"] for field in spec["fields"]}
    if spec["kind"] == "answers":
        if not isinstance(parsed.response, AnswersResponse):
            return Verdict("shape", "response")
        records: list[dict[str, float | None]] = [dict(parsed.response.answers)]
    else:
        if not isinstance(parsed.response, RowsResponse):
            return Verdict("shape", "response")
        if len(parsed.response.rows) > spec["rows_max"]:
            return Verdict("too-many-rows", str(len(parsed.response.rows)))
        records = [dict(row.__pydantic_extra__ or {}) for row in parsed.response.rows]
    # Two passes, so the reason does not depend on key order (the browser lists numeric keys first).
    for record in records:
        for field_id in record:
            if field_id not in allowed:
                return Verdict("unknown-field", field_id)
    for record in records:
        for field_id, value in record.items():
            if value is not None and value not in allowed[field_id]:
                return Verdict("bad-value", field_id)
    return Verdict("")


def check_text(text: str, scale_id: str, version: int, spec: dict[str, Any]) -> Verdict:
    """:func:`check` on a file's text, as the import button reads it."""
    return read_with(text, lambda data: check(data, scale_id, version, spec))


def read_with(text: str, check_data: Callable[[Any], Verdict]) -> Verdict:
    """Any answer or worksheet file's text: too large, not JSON, or what ``check_data`` says."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return Verdict("too-large")
    data, verdict = parse(text)
    return verdict if not verdict.ok else check_data(data)
