"""The MkDocs adapter: load the data, generate pages, extend the nav, register the macros.

This is the only module that knows about mkdocs-macros; everything it calls is a plain function
that would serve another site generator unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .catalogue import load_catalogue
from .pages import (
    CHAPTERS_PAGE,
    LIBRARY_PAGE,
    SCALES_PAGE,
    case_nav,
    chapter_nav,
    error_pages,
    extend_nav,
    generated_pages,
    scale_nav,
    write_pages,
)
from .problems import Problem
from .render import render
from .scale_views import scale_view
from .vendor import copy_vendor_files
from .views import case_card, chapter_view, course_view

# What pages may use; define_error_env replaces each while the data has errors.
MACROS = ("chapter_overview", "course_map", "case_card_for", "scale")
COUNTS = ("case_count", "chapter_count", "scale_count")


def define_env(env: Any) -> None:
    """Called by mkdocs-macros at the start of every build (and every ``serve`` rebuild)."""
    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    directory_urls = bool(env.conf["use_directory_urls"])
    catalogue = load_catalogue(root)  # raises DataError listing every problem
    write_pages(generated_pages(catalogue, directory_urls), docs_dir)
    copy_vendor_files(root, docs_dir)
    sections = (
        (CHAPTERS_PAGE, chapter_nav(catalogue)),
        (LIBRARY_PAGE, case_nav(catalogue)),
        (SCALES_PAGE, scale_nav(catalogue)),
    )
    for anchor, entries in sections:
        if not extend_nav(env.conf["nav"], anchor, entries):
            raise RuntimeError(f"mkdocs.yml 的 nav 中须有一个只列出 {anchor} 的栏目")

    def current() -> str:
        return str(env.page.file.src_uri)

    def chapter_overview(chapter_id: str) -> str:
        """A chapter's points, theory, discussion, tools and cases (for docs/course/*.md)."""
        return render("chapter_overview.md.j2", chapter=chapter_view(chapter_id, catalogue, current(), directory_urls))

    def course_map() -> str:
        """The list of chapters with their cases (for the home page)."""
        return render("course_map.html.j2", course=course_view(catalogue, current(), directory_urls))

    def case_card_for(case_id: str) -> str:
        """The card of one case, for any page that wants to point to it."""
        card = case_card(catalogue.case(case_id), catalogue, current(), directory_urls)
        return render("case_card.html.j2", card=card)

    def scale(scale_id: str) -> str:
        """Embed a scale's form in any page: ``{{ scale("nps") }}``."""
        return render("scale_form.html.j2", scale=scale_view(catalogue.scale(scale_id)))

    for macro in (chapter_overview, course_map, case_card_for, scale):  # the names in MACROS
        env.macro(macro)
    counts = {"case_count": len(catalogue.cases), "chapter_count": len(catalogue.chapters)}
    counts["scale_count"] = len(catalogue.scales)  # the names in COUNTS
    env.variables.update(counts)


def define_error_env(env: Any, problems: list[Problem]) -> None:
    """While serving, show data errors on the site instead of stopping the server.

    The library page lists every problem; every macro of ``define_env`` shows a short notice
    pointing to it. Fixing the file triggers a rebuild that restores the site.
    """
    docs_dir = Path(env.conf["docs_dir"])
    write_pages(error_pages(problems), docs_dir)
    for anchor in (CHAPTERS_PAGE, LIBRARY_PAGE, SCALES_PAGE):
        extend_nav(env.conf["nav"], anchor, [anchor])
    notice = render("data_error_notice.md.j2", count=len(problems))

    def show_notice(*args: Any) -> str:
        return notice

    for name in MACROS:
        env.macro(show_notice, name)
    for name in COUNTS:
        env.variables[name] = "?"
