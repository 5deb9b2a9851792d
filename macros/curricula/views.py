"""Curriculum → the agenda page's view: the timetable with its links, and the method mix."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..views import page_url
from .model import METHODS, TARGET_MIX, Curriculum
from .variant import AGENDA_PAGE

LINKED = (("chapters", "chapter", "course"), ("cases", "case", "cases"), ("scales", "scale", "scales"))


def agenda_view(curriculum: Curriculum, catalogue: Catalogue, directory_urls: bool) -> dict[str, Any]:
    """Everything the agenda page shows."""

    def link(kind: str, folder: str, item_id: str) -> dict[str, str]:
        if kind == "chapter":
            chapter = catalogue.chapter(item_id)
            title = f"{chapter.label} {chapter.title}"
        else:
            title = getattr(catalogue, kind)(item_id).title if kind != "case" else catalogue.case(item_id).company.zh
        return {"title": title, "url": page_url(f"{folder}/{item_id}.md", AGENDA_PAGE, directory_urls)}

    days = []
    for number, day in enumerate(curriculum.days, start=1):
        sessions = []
        for session in day.sessions:
            links = {field: [link(kind, folder, i) for i in getattr(session, field)] for field, kind, folder in LINKED}
            links["worksheets"] = [
                {
                    "title": catalogue.worksheet(i).title,
                    "url": page_url(f"tools/{i}.md", AGENDA_PAGE, directory_urls),
                }
                for i in session.worksheets
            ]
            sessions.append(
                {
                    "title": session.title,
                    "start": session.start,
                    "end": session.end,
                    "minutes": session.minutes,
                    "activities": [a.model_dump() for a in session.activities],
                    "links": links,
                }
            )
        days.append({"number": number, "start": day.start, "end": day.end, "sessions": sessions})
    mix = curriculum.method_mix()
    return {
        "title": curriculum.title,
        "client": curriculum.client,
        "audience": curriculum.audience,
        "days": days,
        "total": sum(minutes for minutes, _ in mix.values()),
        "mix": [
            {
                "method": method,
                "minutes": mix[method][0],
                "share": round(mix[method][1], 1),
                "target": TARGET_MIX[method],
            }
            for method in METHODS
        ],
        "warnings": curriculum.mix_warnings(),
    }
