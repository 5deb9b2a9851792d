"""Data problems: one record per mistake, and the error that carries all of them.

Every message names the file, the line, the field and what was expected, in Chinese for the
trainers who edit the YAML, with a short English gloss in brackets for searching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised once, after loading, when any file had any problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count."""
        lines = [str(p) for p in self.problems]
        files = len({p.file for p in self.problems})
        lines.append(f"课程数据有 {len(self.problems)} 处错误，涉及 {files} 个文件；未生成网站。")
        return "\n".join(lines)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


def explain(error: dict[str, Any]) -> str:
    """Turn one pydantic error into a Chinese sentence that says what was expected."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = error.get("input")
    if kind == "missing":
        return "缺少必填字段 (missing field)"
    if kind == "extra_forbidden":
        return "未知字段，可能是拼写错误 (unknown field; check the spelling)"
    if kind == "literal_error":
        options = str(ctx.get("expected", "")).replace(" or ", ", ").replace("'", "")
        return f"应为 {options.replace(', ', '、')} 之一，实际为 {_shown(got)} (not an allowed value)"
    if kind in {"string_type", "string_sub_type"}:
        return f"应为文字，实际为 {_shown(got)} (expected text)"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"应为整数，实际为 {_shown(got)} (expected a whole number)"
    if kind == "finite_number":
        return f"应为有限的数字，实际为 {_shown(got)}（.inf、.nan、1e400 等都不行） (expected a finite number)"
    if kind in {"list_type"}:
        return f"应为列表（每项以“- ”开头），实际为 {_shown(got)} (expected a list)"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"应为若干“键: 值”组成的映射，实际为 {_shown(got)} (expected a mapping)"
    if kind == "too_short":
        return f"至少需要 {ctx.get('min_length')} 项，实际 {ctx.get('actual_length')} 项 (too few items)"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项/字，实际 {ctx.get('actual_length')} (too long)"
    if kind == "string_too_short":
        return "不能为空 (must not be empty)"
    if kind == "string_too_long":
        return f"最多 {ctx.get('max_length')} 个字符 (text too long)"
    if kind == "string_pattern_mismatch":
        return f"格式不对：{_shown(got)} 不符合 {ctx.get('pattern')} (wrong format)"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}
        limit = next(iter(ctx.values())) if ctx else "?"
        return f"应 {bound[kind]} {limit}，实际为 {_shown(got)} (out of range)"
    if kind.startswith("url"):
        return f"应为以 http:// 或 https:// 开头的网址，实际为 {_shown(got)} (expected a URL)"
    if kind in {"union_tag_not_found", "union_tag_invalid"}:
        expected = str(ctx.get("expected_tags", "")).replace("'", "").replace(", ", "、")
        return f"mode 应为 {expected} 之一 (missing or unknown mode)"
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error") or error.get("msg"))
    return f"{error.get('msg')} ({kind})"
