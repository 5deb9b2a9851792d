"""Generate the case pages and the library index as real Markdown files under ``docs/cases``.

Real files (rather than virtual ones) work with every MkDocs plugin and with other generators.
A file is written only when its content changed, so ``mkdocs serve`` does not loop; pages of
cases that no longer exist are removed. The folder is git-ignored.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .problems import Problem
from .render import render
from .scale_views import scale_view
from .views import case_view, library_view

GENERATED_DIR = "cases"
SCALES_DIR = "scales"
GENERATED_DIRS = (GENERATED_DIR, SCALES_DIR)
LIBRARY_PAGE = f"{GENERATED_DIR}/index.md"
SCALES_PAGE = f"{SCALES_DIR}/index.md"
GROUP_PAGE = f"{SCALES_DIR}/group.md"
CHAPTERS_PAGE = "course/index.md"
KEEP = {".gitkeep"}


def page_title(case_zh: str) -> str:
    """The page and navigation title of a case (escaped: the theme prints titles as HTML)."""
    return escape(case_zh, quote=False)


def generated_pages(catalogue: Catalogue, directory_urls: bool) -> dict[str, str]:
    """Every generated page: docs-relative path → Markdown text."""
    pages = {LIBRARY_PAGE: render("case_library.md.j2", library=library_view(catalogue, directory_urls))}
    for case in catalogue.cases:
        view = case_view(case, catalogue, directory_urls)
        pages[f"{GENERATED_DIR}/{case.id}.md"] = render("case_page.md.j2", case=view, title=case.company.zh)
    scales = [scale_view(scale) for scale in catalogue.scales]
    pages[SCALES_PAGE] = render("scale_index.md.j2", scales=scales)
    pages[GROUP_PAGE] = render("scale_group.md.j2", scales=scales)
    for scale in scales:
        pages[f"{SCALES_DIR}/{scale['id']}.md"] = render("scale_page.md.j2", scale=scale)
    return pages


def error_pages(problems: list[Problem]) -> dict[str, str]:
    """While serving with broken data: only the library page, listing every problem."""
    return {LIBRARY_PAGE: render("data_errors.md.j2", problems=problems)}


def write_pages(pages: dict[str, str], docs_dir: Path) -> list[str]:
    """Write pages whose text changed and delete stale ones; return the paths touched."""
    touched = []
    for relative, text in pages.items():
        path = docs_dir / relative
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        touched.append(relative)
    for folder in {relative.split("/")[0] for relative in pages} & set(GENERATED_DIRS):
        for path in sorted((docs_dir / folder).iterdir()):
            relative = f"{folder}/{path.name}"
            if path.is_file() and path.name not in KEEP and relative not in pages:
                path.unlink()
                touched.append(relative)
    return touched


NAV_GROUP_THRESHOLD = 20


def case_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the library section: the index, then one entry per case.

    Past ``NAV_GROUP_THRESHOLD`` cases the entries are grouped by industry: a flat list of
    hundreds is unusable in a phone's drawer, and with ``navigation.prune`` each page then
    renders only its own group (the theme draws the nav into every page, so a flat list makes
    build time grow with the square of the number of cases).
    """
    entries = [{page_title(case.company.zh): f"{GENERATED_DIR}/{case.id}.md"} for case in catalogue.cases]
    if len(entries) <= NAV_GROUP_THRESHOLD:
        return [LIBRARY_PAGE, *entries]
    groups: dict[str, list[Any]] = {}
    for case, entry in zip(catalogue.cases, entries, strict=True):
        groups.setdefault(page_title(case.industry), []).append(entry)
    return [LIBRARY_PAGE, *({industry: groups[industry]} for industry in sorted(groups))]


def scale_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the scales section: the index, then one entry per scale."""
    entries = [{page_title(scale.title): f"{SCALES_DIR}/{scale.id}.md"} for scale in catalogue.scales]
    return [SCALES_PAGE, *entries, {"小组汇总": GROUP_PAGE}]


def chapter_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the course section: the outline, then each chapter in order."""
    return [CHAPTERS_PAGE] + [
        {page_title(f"{chapter.label} {chapter.title}"): f"course/{chapter_id}.md"}
        for chapter_id, chapter in catalogue.chapters
    ]


def extend_nav(nav: list[Any] | None, anchor: str, entries: list[Any]) -> bool:
    """Replace the nav list that holds only ``anchor`` with ``entries``; True when found.

    ``mkdocs.yml`` lists only the section's index page (``cases/index.md``), so the section
    grows with the data and no page is listed twice.
    """
    for item in nav or []:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    if anchor in value:
                        value[:] = entries
                        return True
                    if extend_nav(value, anchor, entries):
                        return True
    return False
