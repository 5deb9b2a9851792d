"""A curriculum's own site: only the chapters, cases, scales and worksheets it uses, in its order.

``COURSE_CURRICULUM=<id>`` (``make build CURRICULUM=<id>``) selects it. The catalogue the site is
built from is narrowed to the selection (:func:`select`); what a chapter mentions but the
curriculum leaves out is still found for its text and widgets, but never linked, and links to
pages that are not built become plain text (:func:`unlink_missing`). Each variant has its own
output folder and its own storage key, so its participants' answers stay apart from the full
course's.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable

from ..catalogue import Catalogue
from .model import Curriculum

VARIABLE = "COURSE_CURRICULUM"
AGENDA_PAGE = "agenda.md"
AGENDA_TITLE = "日程"


def select(catalogue: Catalogue, curriculum: Curriculum) -> Catalogue:
    """The catalogue of the curriculum's site: its selection, in teaching order."""
    chapters = dict(catalogue.chapters)
    order = curriculum.selected("chapters")
    return dataclasses.replace(
        catalogue,
        chapters=tuple((cid, chapters[cid]) for cid in order),
        cases=tuple(catalogue.case(i) for i in curriculum.selected("cases")),
        scales=tuple(catalogue.scale(i) for i in curriculum.selected("scales")),
        worksheets=tuple(catalogue.worksheet(i) for i in curriculum.selected("worksheets")),
        full=catalogue,
    )


# [text](target) not preceded by "!" (an image); the target without spaces or a title
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")


def unlink_missing(markdown: str, src_uri: str, exists: Callable[[str], bool]) -> str:
    """Links from the page ``src_uri`` to a Markdown page that is not built become their text."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2).split("#", 1)[0]
        if not target.endswith(".md") or "://" in target:
            return match.group(0)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
        return match.group(0) if exists(path) else match.group(1)

    return _LINK.sub(replace, markdown)
