"""Worksheet definition → what its page and its embed show (plain dicts; no HTML here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..render import json_for_script
from ..views import chapter_ref, date_label, page_url, paragraphs
from .crisis import CrisisToolkit
from .files import FORMAT, FORMAT_VERSION
from .model import WIDGETS, Worksheet

if TYPE_CHECKING:
    from ..catalogue import Catalogue

KIND_LABELS = {
    "journey_map": "客户旅程地图",
    "blueprint": "服务蓝图",
    "kpi": "触点数据计算",
    "emotion_map": "情感地图",
    "crisis": "危机应对",
}
WORKSHEETS_DIR = "tools"
# Kinds whose own page prints on A4 landscape (a wide map or blueprint); embedded in a chapter,
# the chapter keeps its portrait pages.
LANDSCAPE = frozenset({"journey_map", "blueprint"})


def page_payload(worksheet: Worksheet, extra: dict[str, Any]) -> dict[str, Any]:
    """The JSON the worksheet's script reads: identity, the data spec, and the kind's extras."""
    return {
        "id": worksheet.id,
        "version": worksheet.version,
        "title": worksheet.title,
        "kind": worksheet.kind,
        "file": {"format": FORMAT, "format_version": FORMAT_VERSION},
        "spec": worksheet.data_spec(),
        **extra,
    }


def worksheet_view(worksheet: Worksheet, catalogue: Catalogue, directory_urls: bool = False) -> dict[str, Any]:
    """Everything the worksheet's templates show."""
    extra = worksheet.payload(catalogue)  # the kind's extras: the script's and the paper version's
    view: dict[str, Any] = {
        "id": worksheet.id,
        "version": worksheet.version,
        "kind": worksheet.kind,
        "kind_label": KIND_LABELS[worksheet.kind],
        "widget": WIDGETS[worksheet.kind],
        "landscape": worksheet.kind in LANDSCAPE,
        "title": worksheet.title,
        "summary": worksheet.summary,
        "instructions": paragraphs(worksheet.instructions),
        "sources": [{"citation": s.citation, "url": s.url} for s in worksheet.sources],
        "chapters": [
            chapter_ref(c, catalogue.chapter(c), f"{WORKSHEETS_DIR}/{worksheet.id}.md", directory_urls)
            for c in sorted(worksheet.chapters, key=lambda c: catalogue.chapter(c).number)
            if catalogue.shown("chapter", c)
        ],
        "payload": Markup(json_for_script(page_payload(worksheet, extra))),
        "extra": extra,
    }
    if isinstance(worksheet, CrisisToolkit):
        view["example"] = crisis_example_view(worksheet, catalogue, directory_urls)
    return view


def crisis_example_view(toolkit: CrisisToolkit, catalogue: Catalogue, directory_urls: bool) -> dict[str, Any]:
    """The worked example: the case's own timeline (from its file), with the toolkit's notes."""
    case = catalogue.case(toolkit.example.case)
    phases = {p.id: p.name for p in toolkit.phases}
    level = next(x for x in toolkit.levels if x.id == toolkit.example.severity)
    return {
        "case_url": page_url(f"cases/{case.id}.md", f"{WORKSHEETS_DIR}/{toolkit.id}.md", directory_urls)
        if catalogue.shown("case", case.id)
        else None,
        "company": case.company.zh,
        "level": level.name,
        "severity_reason": toolkit.example.severity_reason,
        "events": [
            {
                "date": date_label(event.date),
                "iso": event.date,
                "event": event.event,
                "notes": [
                    {"phase": phases[n.phase], "text": n.text} for n in toolkit.example.notes if n.date == event.date
                ],
            }
            for event in sorted(case.timeline, key=lambda e: e.date)
        ],
    }
