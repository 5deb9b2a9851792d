"""``course new``: a new case, scale or worksheet file, valid as written, every field explained.

The comments come from the models' ``Field(description=…)`` and the keys from their fields, so a
new file never drifts from what ``course check`` accepts. Example values: a small hand-written
case; for a scale or worksheet, the project's own validated definition of the same mode or kind
(the structure of those is long and rule-bound, and a working definition is the best template).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .catalogue import CASES_DIR, CHAPTERS_DIR, CURRICULA_DIR, SCALES_DIR, WORKSHEETS_DIR, data_files, load_catalogue
from .curricula.model import Curriculum
from .models import Case
from .models.common import ID_PATTERN
from .models.scale import MODES
from .problems import DataError
from .worksheets.model import KINDS

WHAT = {
    "case": (CASES_DIR, "case.schema.json", "案例"),
    "scale": (SCALES_DIR, "scale.schema.json", "量表"),
    "worksheet": (WORKSHEETS_DIR, "worksheet.schema.json", "工具"),
    "curriculum": (CURRICULA_DIR, "curriculum.schema.json", "课程方案"),
}
INDENT = "  "


class AuthoringError(Exception):
    """A refusal with a message for the trainer (nothing has been written)."""


def new_file(root: Path, what: str, new_id: str, kind: str | None = None, mode: str | None = None) -> Path:
    """Write ``<folder>/<new_id>.yml`` for ``what`` (case, scale, worksheet); return its path."""
    if what not in WHAT:
        raise AuthoringError(f"未知类型“{what}”；可用：{'、'.join(WHAT)}")
    folder, schema, label = WHAT[what]
    if not re.match(ID_PATTERN, new_id):
        raise AuthoringError(f"id“{new_id}”不可用：只能用小写字母、数字和连字符，例如 grand-hotel、ch03-survey")
    existing = [root / folder / f"{new_id}{suffix}" for suffix in (".yml", ".yaml")]
    for path in existing:
        if path.exists():
            raise AuthoringError(f"{path.relative_to(root).as_posix()} 已存在；请换一个 id（不会覆盖已有文件）")
    if kind is not None and what != "worksheet":
        raise AuthoringError("--kind 只用于 worksheet")
    if mode is not None and what != "scale":
        raise AuthoringError("--mode 只用于 scale")
    if what == "case":
        model: BaseModel = Case.model_validate(example_case(new_id, _first_chapter(root)))
    elif what == "curriculum":
        model = Curriculum.model_validate(example_curriculum(new_id, _first_chapter(root)))
    elif what == "scale":
        model = _from_project(root, "scale", mode or "questionnaire", new_id)
    else:
        model = _from_project(root, "worksheet", kind or "journey_map", new_id)
    depth = "../" * len(Path(folder).parts)
    header = [
        f"# yaml-language-server: $schema={depth}macros/schemas/{schema}",
        f"# 新{label}：由 `course new {what} {new_id}` 生成。每个字段上方的注释说明它的含义（来自 macros/models）。",
        "# 示例内容可以直接通过检查；改成自己的内容后运行 make check，再用 make serve 查看页面。",
    ]
    target = existing[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join([*header, *commented_yaml(model)]) + "\n", encoding="utf-8")
    return target


def commented_yaml(model: BaseModel, indent: int = 0) -> list[str]:
    """``model`` as YAML lines: every field of its class, each under a comment with its description."""
    data = model.model_dump(mode="json")
    lines: list[str] = []
    pad = INDENT * indent
    for name, info in type(model).model_fields.items():
        if not info.description:
            raise RuntimeError(f"{type(model).__name__}.{name} has no description")
        note = info.description if info.is_required() or "可选" in info.description else f"{info.description}（可选）"
        lines.append(f"{pad}# {note}")
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            lines += [f"{pad}{name}:", *commented_yaml(value, indent + 1)]
        elif isinstance(value, list | tuple) and value and isinstance(value[0], BaseModel):
            lines.append(f"{pad}{name}:")
            for item in value:
                lines += _list_item(commented_yaml(item, indent + 2), indent + 1)
        elif isinstance(value, dict) and value and isinstance(next(iter(value.values())), BaseModel):
            lines.append(f"{pad}{name}:")
            for key, item in value.items():
                lines += [f"{pad}{INDENT}{key}:", *commented_yaml(item, indent + 2)]  # keys are ids: plain
        else:
            lines += [pad + line for line in _plain({name: data[name]}).splitlines()]
    return lines


def _list_item(lines: list[str], indent: int) -> list[str]:
    """Turn one mapping's lines (written two levels in) into a ``- `` list item at ``indent``."""
    inner = INDENT * (indent + 1)
    for index, line in enumerate(lines):
        if not line.lstrip().startswith("#"):
            lines[index] = INDENT * indent + "- " + line.removeprefix(inner)
            break
    return lines


def _plain(value: dict[str, Any]) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)


def _first_chapter(root: Path) -> str:
    chapters = [p.stem for p in data_files(root / CHAPTERS_DIR, (".md",)) if p.stem != "index"]
    return chapters[0] if chapters else "ch01"


def _from_project(root: Path, what: str, variant: str, new_id: str) -> BaseModel:
    """The project's first definition of this mode or kind, with the new id, version 1 and a new title."""
    variants = MODES if what == "scale" else KINDS
    if variant not in variants:
        option = "--mode" if what == "scale" else "--kind"
        raise AuthoringError(f"未知的 {option}“{variant}”；可用：{'、'.join(variants)}")
    try:
        catalogue = load_catalogue(root)
    except DataError as error:
        raise AuthoringError("现有数据有错误，请先运行 make check 并修好：\n" + error.report()) from None
    found: list[Any] = list(catalogue.scales if what == "scale" else catalogue.worksheets)
    field = "mode" if what == "scale" else "kind"
    for item in found:
        if getattr(item, field) == variant:
            title = ("新量表" if what == "scale" else "新工具") + "（请改成自己的标题）"
            return item.model_copy(update={"id": new_id, "version": 1, "title": title})  # type: ignore[no-any-return]
    raise AuthoringError(f"项目里还没有 {field}: {variant} 的定义可作示例")


def example_case(new_id: str, chapter: str) -> dict[str, Any]:
    """A small case that passes every check: one source, one journey, each list once."""
    refs = ["s1"]
    return {
        "id": new_id,
        "company": {"zh": "示例酒店", "en": "Example Hotel"},
        "industry": "酒店",
        "region": "中国",
        "chapters": [chapter],
        "themes": ["服务文化"],
        "focus_stages": ["使用"],
        "headline": "一句话写出本案例的要点",
        "summary": "两三句话概括案例；不透露讨论的答案。",
        "opening": {
            "protagonist": "王经理，示例酒店总经理",
            "date": "2025-05",
            "decision": "开业第一个月，要不要取消自助入住？",
            "text": "开篇：情境、取舍与压力；不透露结果。",
            "sources": refs,
        },
        "background": {"text": "公司与行业背景。空行分段。", "sources": refs},
        "timeline": [{"date": "2025-05", "event": "开业。", "sources": refs}],
        "journeys": [
            {
                "persona": "第一次入住的商务客人",
                "stages": [
                    {
                        "stage": "使用",
                        "touchpoints": [  # emotion: −3…+3, or null when it does not apply
                            {
                                "name": "入住",
                                "type": "体验点",
                                "channel": "线下",
                                "description": "办理入住。",
                                "emotion": 0,
                            }
                        ],
                    }
                ],
            }
        ],
        "practices": [{"title": "做法", "description": "一项关键做法。", "sources": refs}],
        "results": [{"figure": "100 间", "description": "这个数字说明了什么。", "date": "2025", "sources": refs}],
        "risks": [{"title": "风险", "description": "出了什么问题，或可能出什么问题。", "sources": refs}],
        "china": {"text": "与中国市场相关、可核实的内容（没有时删去 china）。", "sources": refs},
        "lessons": ["一条启示。"],
        "discussion": ["一道讨论题？"],
        "theories": ["服务设计"],
        "instruments": [],
        "sources": [
            {"id": "s1", "title": "来源标题", "publisher": "发布者", "date": "2025-05", "url": "https://example.com/"}
        ],
        "trainer_notes": ["给培训师的备注：哪些事实仍需核对。学员看不到。"],
        "checked": date.today().isoformat(),
    }


def example_curriculum(new_id: str, chapter: str) -> dict[str, Any]:
    """A half-day curriculum that is valid as written: one chapter, two sessions."""
    return {
        "id": new_id,
        "title": "新课程方案（请改成自己的标题）",
        "client": "客户名称",
        "audience": "总经理、运营与营销负责人",
        "days": [
            {
                "start": "09:00",
                "end": "12:00",
                "sessions": [
                    {
                        "title": "开场与讲授",
                        "start": "09:00",
                        "chapters": [chapter],
                        "activities": [
                            {"title": "开场", "method": "其它", "minutes": 15},
                            {"title": "讲授本章要点", "method": "讲授", "minutes": 60},
                        ],
                    },
                    {
                        "title": "案例与小组研讨",
                        "start": "10:30",
                        "activities": [
                            {"title": "案例分析", "method": "案例分析", "minutes": 35},
                            {"title": "小组研讨", "method": "小组研讨", "minutes": 55},
                        ],
                    },
                ],
            }
        ],
    }
