"""The MkDocs adapter: load the data, generate pages, extend the nav, register the macros.

This is the only module that knows about MkDocs and mkdocs-macros; everything it calls is a
plain function that would serve another site generator unchanged. ``define_env`` runs in the
macros plugin's ``on_config``; the hook file ``macros/mkdocs_hooks.py`` calls the other public
functions from its MkDocs events.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import handouts
from .assets import minified_files
from .catalogue import load_catalogue
from .curricula import variant
from .curricula.views import agenda_view
from .models.common import ID_PATTERN
from .pages import (
    CHAPTERS_PAGE,
    LIBRARY_PAGE,
    SCALES_PAGE,
    WORKSHEETS_PAGE,
    case_nav,
    chapter_nav,
    error_site,
    extend_nav,
    file_counts,
    generated_pages,
    scale_nav,
    worksheet_nav,
)
from .problems import DataError, Problem
from .render import render
from .scale_views import scale_view
from .vendor import vendor_files
from .views import case_card, chapter_view, course_view, facilitator_view
from .widgets import scripts_for, styles_for
from .worksheets.views import worksheet_view

# What pages may use; define_error_env replaces each while the data has errors.
MACROS = ("chapter_overview", "course_map", "case_card_for", "scale", "worksheet")
COUNTS = ("case_count", "chapter_count", "scale_count", "worksheet_count")


@dataclass
class Generated:
    """What one build adds to the site in memory: Markdown pages and copied browser files."""

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, Path] = field(default_factory=dict)
    minified: dict[str, bytes] = field(default_factory=dict)
    # A curriculum's build: the chapter pages in docs/ it leaves out (removed from the site), and
    # whether links to pages that are not built become plain text.
    hidden: set[str] = field(default_factory=set)
    variant: bool = False
    # A trainer's build (AUDIENCE=trainer): each chapter page's facilitator notes, rendered.
    chapter_notes: dict[str, str] = field(default_factory=dict)


def define_env(env: Any) -> None:
    """Called by mkdocs-macros at the start of every build (and every ``serve`` rebuild)."""
    root = Path(env.project_dir)
    directory_urls = bool(env.conf["use_directory_urls"])
    check_site_id(env.conf)
    catalogue = load_catalogue(root)  # raises DataError listing every problem
    curriculum_id = os.environ.get(variant.VARIABLE, "").strip()
    trainer = _audience() == "trainer"
    full = catalogue
    curriculum = _curriculum(catalogue, curriculum_id) if curriculum_id else None
    if curriculum:
        catalogue = variant.select(catalogue, curriculum)
    if curriculum or trainer:
        _variant_config(env.conf, "-".join(p for p in (curriculum and curriculum.id, trainer and "trainer") if p), root)
    env.course_generated = Generated(
        generated_pages(catalogue, directory_urls, trainer),
        vendor_files(root),
        minified_files(root, Path(env.conf["docs_dir"])),
    )
    pages = env.course_generated.pages
    pages[handouts.WORKBOOK_PAGE] = render(
        "handout_workbook.md.j2", book=handouts.workbook_view(catalogue, curriculum, directory_urls)
    )
    if trainer:
        pages[handouts.TRAINER_PAGE] = render(
            "handout_trainer.md.j2", book=handouts.trainer_view(catalogue, curriculum, directory_urls)
        )
        env.course_generated.chapter_notes = {
            f"{CHAPTERS_DIR_DOCS}/{cid}.md": render("facilitator.md.j2", notes=facilitator_view(notes))
            for cid, notes in catalogue.chapter_notes
        }
    if curriculum:
        env.course_generated.variant = True
        env.course_generated.hidden = {
            f"course/{cid}.md" for cid, _ in full.chapters if not catalogue.shown("chapter", cid)
        }
        env.course_generated.pages[variant.AGENDA_PAGE] = render(
            "agenda.md.j2", agenda=agenda_view(curriculum, catalogue, directory_urls)
        )
        _add_agenda(env.conf["nav"])
    _extend_sections(
        env.conf["nav"],
        {
            CHAPTERS_PAGE: chapter_nav(catalogue),
            LIBRARY_PAGE: case_nav(catalogue),
            SCALES_PAGE: scale_nav(catalogue),
            WORKSHEETS_PAGE: worksheet_nav(catalogue),
        },
    )

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
        html = render("scale_form.html.j2", scale=scale_view(catalogue.scale(scale_id)))
        declare_widget(env.page, "scale-form")
        return html

    def worksheet(worksheet_id: str) -> str:
        """Embed a worksheet in any page: ``{{ worksheet("journey-map") }}``."""
        view = worksheet_view(catalogue.worksheet(worksheet_id), catalogue, directory_urls)
        declare_widget(env.page, view["widget"])
        return render("worksheet.html.j2", ws=view)

    for macro in (chapter_overview, course_map, case_card_for, scale, worksheet):  # the names in MACROS
        env.macro(macro)
    counts = {"case_count": len(catalogue.cases), "chapter_count": len(catalogue.chapters)}
    counts["scale_count"] = len(catalogue.scales)  # the names in COUNTS
    counts["worksheet_count"] = len(catalogue.worksheets)
    env.variables.update(counts)


CHAPTERS_DIR_DOCS = "course"  # where the chapter pages are, relative to docs/
AUDIENCE_VARIABLE = "COURSE_AUDIENCE"
AUDIENCES = ("participant", "trainer")


def _audience() -> str:
    """``participant`` (the default) or ``trainer`` (AUDIENCE=trainer: the facilitator notes too)."""
    audience = os.environ.get(AUDIENCE_VARIABLE, "").strip() or "participant"
    if audience not in AUDIENCES:
        message = f"AUDIENCE 应为 participant 或 trainer，实际为“{audience}” (unknown audience)"
        raise DataError([Problem("AUDIENCE", 1, 1, "", message)])
    return audience


def _curriculum(catalogue: Any, curriculum_id: str) -> Any:
    try:
        return catalogue.curriculum(curriculum_id)
    except KeyError as error:
        message = f"{error.args[0]}（CURRICULUM 应为 curricula/ 下的文件名） (unknown curriculum)"
        raise DataError([Problem("curricula", 1, 1, "", message)]) from None


def _variant_config(conf: Any, suffix: str, root: Path) -> None:
    """A curriculum's (or a trainer's) site has its own storage key and, unless told otherwise, its
    own folder ``site-<suffix>``: it never overwrites the participants' full course."""
    conf["extra"]["site_id"] = f"{conf['extra']['site_id']}-{suffix}"
    if Path(conf["site_dir"]).resolve() == (root / "site").resolve():
        conf["site_dir"] = str(root / f"site-{suffix}")


def _add_agenda(nav: list[Any] | None) -> None:
    """The agenda right after the home page."""
    if nav is not None and not any(isinstance(i, dict) and variant.AGENDA_TITLE in i for i in nav):
        nav.insert(1, {variant.AGENDA_TITLE: variant.AGENDA_PAGE})


def check_site_id(conf: Any) -> str:
    """``extra.site_id``: the key answers are stored under in the browser (see mkdocs.yml)."""
    site_id = (conf.get("extra") or {}).get("site_id")
    if not isinstance(site_id, str) or not re.match(ID_PATTERN, site_id):
        message = (
            f"extra.site_id 应为小写字母、数字和连字符组成的课程编号，实际为 {site_id!r}；"
            "学员的答案按它保存在浏览器中 (extra.site_id must be a lowercase id)"
        )
        raise DataError([Problem("mkdocs.yml", 1, 1, "extra.site_id", message)])
    return site_id


def define_error_env(env: Any, problems: list[Problem]) -> None:
    """While serving, show data errors on the site instead of stopping the server.

    Every generated page keeps its address and nav place and lists the problems; every macro
    of ``define_env`` shows a short notice instead. Fixing the file triggers a rebuild that
    restores the site, and the dev server's reload script brings each open page back.
    """
    root = Path(env.project_dir)
    pages, sections = error_site(root, problems)
    env.course_generated = Generated(pages, vendor_files(root, required=False))
    _extend_sections(env.conf["nav"], sections)
    notice = render("data_error_notice.md.j2", count=len(problems))

    def show_notice(*args: Any) -> str:
        return notice

    for name in MACROS:
        env.macro(show_notice, name)
    env.variables.update(file_counts(root))  # the names in COUNTS


def _extend_sections(nav: list[Any] | None, sections: dict[str, list[Any]]) -> None:
    for anchor, entries in sections.items():
        if not extend_nav(nav, anchor, entries):
            raise SystemExit(f"mkdocs.yml 的 nav 中须有一个只列出 {anchor} 的栏目")


# MkDocs events (called from macros/mkdocs_hooks.py) -----------------------------------------------


def add_generated_files(files: Any, config: Any) -> Any:
    """``on_files``: hand the generated pages and browser files to MkDocs in memory.

    A file of the same name left in ``docs/`` (by an older version that wrote pages there) is
    replaced, so it can never shadow the page built from the data.
    """
    from mkdocs.structure.files import File

    generated: Generated | None = getattr(config.plugins.get("macros"), "course_generated", None)
    if generated is None:
        return files
    for src_uri in generated.hidden:
        old = files.get_file_from_path(src_uri)
        if old is not None:
            files.remove(old)
    for src_uri, text in generated.pages.items():
        _replace(files, File.generated(config, src_uri, content=text))
    for src_uri, path in generated.assets.items():
        _replace(files, File.generated(config, src_uri, abs_src_path=str(path)))
    for src_uri, content in generated.minified.items():
        _replace(files, File.generated(config, src_uri, content=content))
    return files


def _replace(files: Any, file: Any) -> None:
    old = files.get_file_from_path(file.src_uri)
    if old is not None:
        files.remove(old)
    files.append(file)


def page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """``on_page_markdown``: a trainer's build adds a chapter's facilitator notes; a curriculum's
    build turns links to the pages it leaves out into text."""
    generated: Generated | None = getattr(config.plugins.get("macros"), "course_generated", None)
    if generated is None:
        return markdown
    notes = generated.chapter_notes.get(page.file.src_uri)
    if notes:
        markdown = markdown.rstrip() + "\n\n" + notes
    if generated.variant:
        exists = lambda path: files.get_file_from_path(path) is not None  # noqa: E731
        markdown = variant.unlink_missing(markdown, page.file.src_uri, exists)
    return markdown


def escape_theme_output(env: Any) -> Any:
    """``on_env``: the theme's templates escape what they print, so every title is escaped once.

    Material prints page and nav titles unescaped in most places and escapes them in a few
    (the footer's labels), so no single form of a title is right everywhere. With autoescape
    on, titles are plain text everywhere and escaped exactly once, when printed; the values
    that really are HTML (the page body, the table of contents) are marked as such in
    :func:`mark_html`.
    """
    env.autoescape = True
    return env


def plain_titles(page: Any) -> None:
    """``on_page_content``: make the page's title plain text and mark its contents as HTML.

    MkDocs takes a title from the first heading when the front matter has none; that title is
    HTML (entities kept), so it is unescaped here once. The table of contents holds heading
    HTML. This runs for every page before any page is rendered with the theme, so the nav
    shows every page's plain title.
    """
    for item in _toc_items(page.toc):
        item.title = Markup(item.title)
    if "title" not in page.meta and page.title:
        page.meta["title"] = html.unescape(page.title)


def page_qr(page: Any, config: Any) -> None:
    """``on_page_context``: with ``extra.public_url`` set (the address where the course is
    published), each page carries a QR code of its own public address, made at build time."""
    public = str((config.get("extra") or {}).get("public_url") or "").strip()
    if not public:
        return
    import segno

    address = public.rstrip("/") + "/" + page.url
    code = segno.make(address, error="m")
    page.meta["tp_qr"] = {"svg": Markup(code.svg_inline(scale=3, title=f"本页二维码：{address}")), "url": address}


def mark_body(page: Any) -> None:
    """``on_page_context``: the page body is HTML (Material's search plugin rewrites the body in
    its own ``on_page_context``; hooks run after it), and the scripts its widgets need."""
    page.content = Markup(page.content or "")
    page.meta["tp_scripts"] = scripts_for(page.meta.get("tp_widgets") or [])
    # a handout loads the styles of the widgets whose paper versions it prints, and no script
    page.meta["tp_styles"] = styles_for([*(page.meta.get("tp_widgets") or []), *(page.meta.get("tp_paper") or [])])


def declare_widget(page: Any, widget: str) -> None:
    """Note on ``page`` that it holds a widget, so the theme loads that widget's scripts."""
    widgets = page.meta.setdefault("tp_widgets", [])
    if widget not in widgets:
        widgets.append(widget)


def _toc_items(items: Any) -> list[Any]:
    found = []
    for item in items or []:
        found.append(item)
        found += _toc_items(item.children)
    return found


# Material's bundle and the polyfills before it are plain <script src> tags at the end of <body>;
# deferred, they keep their order and no longer hold up the first paint.
_BLOCKING = re.compile(
    r'<script src="([^"]*(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/vendor/[^"]+))"></script>'
)


def defer_theme_scripts(output: str) -> str:
    """``on_post_page``: add ``defer`` to the theme's bundle and the polyfills."""
    return _BLOCKING.sub(r'<script src="\1" defer></script>', output)
