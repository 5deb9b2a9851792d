"""View functions: turn validated models into plain dicts that templates can show.

Decisions live here (order, numbering, labels, links, chart coordinates); templates only lay
them out. Nothing here builds HTML.
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from .catalogue import Catalogue
from .models import Case, Chapter
from .models.case import STAGES, Cited, Journey
from .models.facilitator import FacilitatorNotes
from .render import json_for_script

EMOTION_WORDS = {-3: "非常不满", -2: "不满", -1: "略有不满", 0: "平静", 1: "略感满意", 2: "满意", 3: "惊喜"}


def date_label(value: str) -> str:
    """``2017-04-09`` → ``2017年4月9日``; ``2017-04`` → ``2017年4月``; ``2017`` → ``2017年``."""
    parts = value.split("-")
    units = ("年", "月", "日")
    return "".join(f"{int(part)}{unit}" for part, unit in zip(parts, units, strict=False))


def page_url(target: str, current: str, directory_urls: bool) -> str:
    """Relative URL from the page built from ``current`` to the one built from ``target``.

    Both are docs-relative source paths (``cases/apple.md``); this mirrors how MkDocs names
    output files, so links in raw HTML blocks work both on a server and from ``file://``.
    """

    def output(src: str) -> str:
        stem = src[: -len(".md")]
        if not directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    here = posixpath.dirname(output(current)) if not output(current).endswith("/") else output(current).rstrip("/")
    there = output(target)
    relative = posixpath.relpath(there, here or ".")
    if there.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


def chapter_ref(chapter_id: str, chapter: Chapter, current: str, directory_urls: bool) -> dict[str, Any]:
    """A link to a chapter, as shown on case pages and cards."""
    return {
        "id": chapter_id,
        "label": chapter.label,
        "title": chapter.title,
        "url": page_url(f"course/{chapter_id}.md", current, directory_urls),
    }


def _citations(refs: list[str], numbers: dict[str, int]) -> list[dict[str, Any]]:
    return [{"n": numbers[ref], "anchor": f"source-{ref}"} for ref in refs]


def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; single line breaks inside a paragraph are joined."""
    blocks = [block.strip() for block in text.split("\n\n")]
    return ["".join(line.strip() for line in block.splitlines()) for block in blocks if block]


def journey_view(journey: Journey, number: int = 1) -> dict[str, Any]:
    """The journey map: stages with numbered touchpoints, and the emotion curve's data.

    The curve is drawn in the browser by ``docs/javascripts/journey-curve.js``, the same component
    that draws it in the journey-map and emotion-map worksheets; the numbered list under it is
    its data table, so the page reads the same without it.
    """
    stages: list[dict[str, Any]] = []
    count = 0
    for stage in journey.stages:
        cards = []
        for touchpoint in stage.touchpoints:
            count += 1
            cards.append(
                {
                    "n": count,
                    "name": touchpoint.name,
                    "type": touchpoint.type,
                    "type_key": {"接触点": "contact", "互动点": "interaction", "体验点": "experience"}[touchpoint.type],
                    "channel": touchpoint.channel,
                    "description": touchpoint.description,
                    "emotion": touchpoint.emotion,
                    "emotion_text": _signed(touchpoint.emotion),
                    "emotion_word": EMOTION_WORDS.get(touchpoint.emotion, "") if touchpoint.emotion is not None else "",
                }
            )
        stages.append({"stage": stage.stage, "index": STAGES.index(stage.stage) + 1, "touchpoints": cards})
    curve = {
        "stages": [
            {"name": stage.stage, "moments": [{"emotion": tp.emotion} for tp in stage.touchpoints]}
            for stage in journey.stages
        ]
    }
    rated = sum(1 for stage in journey.stages for tp in stage.touchpoints if tp.emotion is not None)
    return {
        "persona": journey.persona,
        "id": f"tp-journey-{number}",
        "stages": stages,
        "curve": Markup(json_for_script(curve)),
        "has_curve": rated >= 2,
        "count": count,
    }


def _signed(value: int | None) -> str:
    if value is None:
        return ""
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{abs(value)}")


def case_card(case: Case, catalogue: Catalogue, current: str, directory_urls: bool) -> dict[str, Any]:
    """What a case shows on its card in the library and in chapter pages."""
    return {
        "id": case.id,
        # None when this site has no page for the case (a curriculum's site that leaves it out)
        "url": page_url(f"cases/{case.id}.md", current, directory_urls) if catalogue.shown("case", case.id) else None,
        "company_zh": case.company.zh,
        "company_en": case.company.en,
        "industry": case.industry,
        "region": case.region,
        "themes": list(case.themes),
        "stages": [s for s in STAGES if s in case.focus_stages],
        "headline": case.headline,
        # In course order, however the case file lists them.
        "chapters": [
            chapter_ref(c, catalogue.chapter(c), current, directory_urls)
            for c in sorted(case.chapters, key=lambda c: catalogue.chapter(c).number)
            if catalogue.shown("chapter", c)
        ],
    }


def case_view(case: Case, catalogue: Catalogue, directory_urls: bool, trainer: bool = False) -> dict[str, Any]:
    """Everything a case page shows, in display order (a trainer's build adds the notes)."""
    current = f"cases/{case.id}.md"
    numbers = {source.id: index for index, source in enumerate(case.sources, start=1)}
    return {
        **case_card(case, catalogue, current, directory_urls),
        "summary": paragraphs(case.summary),
        "background": _cited_view(case.background, numbers),
        "timeline": [
            {
                "date": date_label(event.date),
                "iso": event.date,
                "event": event.event,
                "cites": _citations(event.sources, numbers),
            }
            for event in sorted(case.timeline, key=lambda e: e.date)
        ],
        "opening": _opening_view(case, numbers),
        "journeys": [journey_view(j, n) for n, j in enumerate(case.journeys, start=1)],
        "china": _cited_view(case.china, numbers) if case.china else None,
        "practices": [
            {"title": p.title, "paragraphs": paragraphs(p.description), "cites": _citations(p.sources, numbers)}
            for p in case.practices
        ],
        "results": [
            {
                "figure": r.figure,
                "description": r.description,
                "date": date_label(r.date),
                "iso": r.date,
                "cites": _citations(r.sources, numbers),
            }
            for r in case.results
        ],
        "risks": [
            {"title": r.title, "paragraphs": paragraphs(r.description), "cites": _citations(r.sources, numbers)}
            for r in case.risks
        ],
        "lessons": list(case.lessons),
        "instruments": [
            _instrument_link(i, catalogue, current, directory_urls)
            for i in case.instruments
            if catalogue.shown("scale", i) or catalogue.shown("worksheet", i)
        ],
        "discussion": list(case.discussion),
        "theories": list(case.theories),
        "sources": [
            {
                "n": numbers[s.id],
                "anchor": f"source-{s.id}",
                "title": s.title,
                "publisher": s.publisher,
                "date": date_label(s.date),
                "url": str(s.url),
            }
            for s in case.sources
        ],
        "checked": date_label(case.checked),
        "facilitator": facilitator_view(case.facilitator, list(case.trainer_notes)) if trainer else None,
    }


def library_view(catalogue: Catalogue, directory_urls: bool) -> dict[str, Any]:
    """The case library: every card, and the values each filter offers."""
    current = "cases/index.md"
    cards = [case_card(case, catalogue, current, directory_urls) for case in catalogue.cases]
    return {
        "cards": cards,
        "industries": sorted({card["industry"] for card in cards}),
        "themes": sorted({theme for card in cards for theme in card["themes"]}),
        "stages": [s for s in STAGES if any(s in card["stages"] for card in cards)],
    }


def chapter_view(chapter_id: str, catalogue: Catalogue, current: str, directory_urls: bool) -> dict[str, Any]:
    """A chapter's outline: points, theory, discussion, and the library's cases for it."""
    chapter = catalogue.chapter(chapter_id)
    return {
        **chapter_ref(chapter_id, chapter, current, directory_urls),
        "points": list(chapter.points),
        "theory": chapter.theory,
        "discussion": list(chapter.discussion),
        "case_names": list(chapter.case_names),
        "worksheets": [
            {"title": w.title, "url": page_url(f"tools/{w.id}.md", current, directory_urls)}
            for w in (catalogue.worksheet(i) for i in chapter.worksheets if catalogue.shown("worksheet", i))
        ],
        "scales": [
            {"title": s.title, "url": page_url(f"scales/{s.id}.md", current, directory_urls)}
            for s in (catalogue.scale(i) for i in chapter.scales if catalogue.shown("scale", i))
        ],
        # the chapter's own cases first, then any other case that names this chapter
        "cases": [
            case_card(c, catalogue, current, directory_urls)
            for c in [catalogue.case(i) for i in chapter.cases if catalogue.shown("case", i)]
            + [c for c in catalogue.cases_for(chapter_id) if c.id not in chapter.cases]
        ],
    }


def course_view(catalogue: Catalogue, current: str, directory_urls: bool) -> dict[str, Any]:
    """The course map on the home page: every chapter with its cases."""
    return {
        "chapters": [
            chapter_view(chapter_id, catalogue, current, directory_urls) for chapter_id, _ in catalogue.chapters
        ],
        "case_count": len(catalogue.cases),
    }


def _cited_view(block: Cited, numbers: dict[str, int]) -> dict[str, Any]:
    return {"paragraphs": paragraphs(block.text), "cites": _citations(block.sources, numbers)}


def _opening_view(case: Case, numbers: dict[str, int]) -> dict[str, Any] | None:
    """The teaching-case opening: who, when, which decision, and the situation."""
    if case.opening is None:
        return None
    return {
        "protagonist": case.opening.protagonist,
        "date": date_label(case.opening.date),
        "iso": case.opening.date,
        "decision": case.opening.decision,
        **_cited_view(Cited(text=case.opening.text, sources=case.opening.sources), numbers),
    }


def _instrument_link(instrument_id: str, catalogue: Catalogue, current: str, directory_urls: bool) -> dict[str, str]:
    """A scale or worksheet a case uses, as a link (ids are checked at load time)."""
    scales = {s.id: s for s in catalogue.scales}
    if instrument_id in scales:
        return {
            "kind": "量表",
            "title": scales[instrument_id].title,
            "url": page_url(f"scales/{instrument_id}.md", current, directory_urls),
        }
    worksheet = catalogue.worksheet(instrument_id)
    return {
        "kind": "工具",
        "title": worksheet.title,
        "url": page_url(f"tools/{instrument_id}.md", current, directory_urls),
    }


def facilitator_view(notes: FacilitatorNotes | None, research: list[str] | None = None) -> dict[str, Any] | None:
    """Facilitator notes as the trainer's section shows them (paragraphs split), or None."""
    if notes is None and not research:
        return None
    if notes is None:
        return {"timing": [], "running": [], "answers": [], "objections": [], "debrief": [], "research": research}
    return {
        "timing": _lines(notes.timing),
        "running": _lines(notes.running),
        "answers": [{"question": a.question, "answer": _lines(a.answer)} for a in notes.answers],
        "objections": [{"objection": o.objection, "response": _lines(o.response)} for o in notes.objections],
        "debrief": _lines(notes.debrief),
        "research": list(research or []),
    }


def _lines(text: str) -> list[str]:
    """Notes text as paragraphs: every non-empty line is one (notes number their points by line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]
