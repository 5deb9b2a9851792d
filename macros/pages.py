"""The generated pages (case pages, the library, the scale pages) and the nav sections they fill.

Pages are returned as ``docs-relative path → Markdown`` and handed to MkDocs in memory (see
``macros.site.add_generated_files``): nothing is written into ``docs/``, so one save under
``mkdocs serve`` is one rebuild, and a test build and a running server never share files.

Titles are plain text here; the theme escapes them once when it prints them (see
``macros.site.escape_theme_output``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .catalogue import CASES_DIR, CHAPTERS_DIR, YAML_SUFFIXES, Catalogue, data_files
from .catalogue import SCALES_DIR as SCALE_FILES_DIR
from .catalogue import WORKSHEETS_DIR as WORKSHEET_FILES_DIR
from .problems import Problem
from .render import render
from .scale_views import scale_view
from .views import case_view, library_view
from .worksheets.views import WORKSHEETS_DIR, worksheet_view

GENERATED_DIR = "cases"
SCALES_DIR = "scales"
LIBRARY_PAGE = f"{GENERATED_DIR}/index.md"
SCALES_PAGE = f"{SCALES_DIR}/index.md"
GROUP_PAGE = f"{SCALES_DIR}/group.md"
GROUP_TITLE = "小组汇总"
CHAPTERS_PAGE = "course/index.md"
WORKSHEETS_PAGE = f"{WORKSHEETS_DIR}/index.md"


def generated_pages(catalogue: Catalogue, directory_urls: bool, trainer: bool = False) -> dict[str, str]:
    """Every generated page: docs-relative path → Markdown text (a trainer's build: with notes)."""
    pages = {LIBRARY_PAGE: render("case_library.md.j2", library=library_view(catalogue, directory_urls))}
    for case in catalogue.cases:
        view = case_view(case, catalogue, directory_urls, trainer)
        pages[f"{GENERATED_DIR}/{case.id}.md"] = render("case_page.md.j2", case=view)
    scales = [scale_view(scale) for scale in catalogue.scales]
    pages[SCALES_PAGE] = render("scale_index.md.j2", scales=scales)
    pages[GROUP_PAGE] = render("scale_group.md.j2", scales=scales, title=GROUP_TITLE)
    for scale in scales:
        pages[f"{SCALES_DIR}/{scale['id']}.md"] = render("scale_page.md.j2", scale=scale)
    worksheets = [worksheet_view(w, catalogue, directory_urls) for w in catalogue.worksheets]
    pages[WORKSHEETS_PAGE] = render("worksheet_index.md.j2", worksheets=worksheets)
    for ws in worksheets:
        pages[f"{WORKSHEETS_DIR}/{ws['id']}.md"] = render("worksheet_page.md.j2", ws=ws)
    return pages


NAV_GROUP_THRESHOLD = 20


def case_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the library section: the index, then one entry per case.

    Past ``NAV_GROUP_THRESHOLD`` cases the entries are grouped by industry: a flat list of
    hundreds is unusable in a phone's drawer, and with ``navigation.prune`` each page then
    renders only its own group (the theme draws the nav into every page, so a flat list makes
    build time grow with the square of the number of cases).
    """
    entries = [{case.company.zh: f"{GENERATED_DIR}/{case.id}.md"} for case in catalogue.cases]
    if len(entries) <= NAV_GROUP_THRESHOLD:
        return [LIBRARY_PAGE, *entries]
    groups: dict[str, list[Any]] = {}
    for case, entry in zip(catalogue.cases, entries, strict=True):
        groups.setdefault(case.industry, []).append(entry)
    return [LIBRARY_PAGE, *({industry: groups[industry]} for industry in sorted(groups))]


def scale_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the scales section: the index, then one entry per scale."""
    entries = [{scale.title: f"{SCALES_DIR}/{scale.id}.md"} for scale in catalogue.scales]
    return [SCALES_PAGE, *entries, {GROUP_TITLE: GROUP_PAGE}]


def worksheet_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the tools section: the index, then one entry per worksheet."""
    return [WORKSHEETS_PAGE, *({w.title: f"{WORKSHEETS_DIR}/{w.id}.md"} for w in catalogue.worksheets)]


def chapter_nav(catalogue: Catalogue) -> list[Any]:
    """Navigation entries for the course section: the outline, then each chapter in order."""
    return [CHAPTERS_PAGE] + [
        {f"{chapter.label} {chapter.title}": f"course/{chapter_id}.md"} for chapter_id, chapter in catalogue.chapters
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


# While serving with broken data ------------------------------------------------------------------


def _sources(root: Path, folder: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(id, project-relative path) of each data file in ``folder``; index pages are not data."""
    paths = data_files(root / folder, suffixes)
    return [(path.stem, f"{folder}/{path.name}") for path in paths if path.stem != "index"]


def error_site(root: Path, problems: list[Problem]) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The pages and nav sections shown by ``mkdocs serve`` while a data file has errors.

    Every page that the data would generate keeps its address and its place in the nav (a
    page someone is editing must not turn into a 404: the dev server's 404 page has no reload
    script, so it would never come back). Each page shows the errors, those of its own file
    first; the data files are named by file name, since their titles could not be read.
    """
    cases = _sources(root, CASES_DIR, YAML_SUFFIXES)
    scales = _sources(root, SCALE_FILES_DIR, YAML_SUFFIXES)
    worksheets = _sources(root, WORKSHEET_FILES_DIR, YAML_SUFFIXES)

    def page(title: str, own: str | None) -> str:
        mine = [p for p in problems if own and p.file == own]
        others = [p for p in problems if p not in mine]
        return render("data_errors.md.j2", title=title, mine=mine, others=others, total=len(problems))

    pages = {LIBRARY_PAGE: page("案例库", None), SCALES_PAGE: page("量表", None), GROUP_PAGE: page(GROUP_TITLE, None)}
    for case_id, source in cases:
        pages[f"{GENERATED_DIR}/{case_id}.md"] = page(case_id, source)
    for scale_id, source in scales:
        pages[f"{SCALES_DIR}/{scale_id}.md"] = page(scale_id, source)
    pages[WORKSHEETS_PAGE] = page("工具", None)
    for worksheet_id, source in worksheets:
        pages[f"{WORKSHEETS_DIR}/{worksheet_id}.md"] = page(worksheet_id, source)
    chapters = _sources(root, CHAPTERS_DIR, (".md",))
    nav: dict[str, list[Any]] = {
        CHAPTERS_PAGE: [CHAPTERS_PAGE] + [f"course/{chapter_id}.md" for chapter_id, _ in chapters],
        LIBRARY_PAGE: [LIBRARY_PAGE] + [{case_id: f"{GENERATED_DIR}/{case_id}.md"} for case_id, _ in cases],
        SCALES_PAGE: [SCALES_PAGE]
        + [{scale_id: f"{SCALES_DIR}/{scale_id}.md"} for scale_id, _ in scales]
        + [{GROUP_TITLE: GROUP_PAGE}],
        WORKSHEETS_PAGE: [WORKSHEETS_PAGE]
        + [{worksheet_id: f"{WORKSHEETS_DIR}/{worksheet_id}.md"} for worksheet_id, _ in worksheets],
    }
    return pages, nav


def file_counts(root: Path) -> dict[str, int]:
    """How many chapter, case and scale files there are: the home page's counts while the data
    has errors (the files are there, even if one of them cannot be read)."""
    return {
        "chapter_count": len(_sources(root, CHAPTERS_DIR, (".md",))),
        "case_count": len(_sources(root, CASES_DIR, YAML_SUFFIXES)),
        "scale_count": len(_sources(root, SCALE_FILES_DIR, YAML_SUFFIXES)),
        "worksheet_count": len(_sources(root, WORKSHEET_FILES_DIR, YAML_SUFFIXES)),
    }
