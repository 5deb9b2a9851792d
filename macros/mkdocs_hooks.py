"""MkDocs hooks (``hooks:`` in mkdocs.yml): the MkDocs events the course site needs.

MkDocs loads this file once per process (edits to it need a restart of ``mkdocs serve``), so it
only delegates: the work is done by ``macros.site``, which ``macros/mkdocs_entry.py`` re-imports
on every build. Hooks run after the plugins listed in mkdocs.yml, so the macros plugin has
already loaded the data (its ``on_config``) when these events fire.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

COMMAND_VARIABLE = "COURSE_MKDOCS_COMMAND"


def _site() -> Any:
    return importlib.import_module("macros.site")


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process builds or serves.

    ``mkdocs build`` must stop on a data error; ``mkdocs serve`` must keep running and show the
    errors instead, because its rebuild loop stops for good when a build raises SystemExit.
    """
    os.environ[COMMAND_VARIABLE] = command


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages and browser files in memory."""
    return _site().add_generated_files(files, config)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A trainer's build adds the facilitator notes; a curriculum's build unlinks what it leaves out."""
    return str(_site().page_markdown(markdown, page, config, files))


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Escape everything the theme prints, once."""
    return _site().escape_theme_output(env)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> None:
    """Make titles plain text; mark the table of contents as HTML."""
    _site().plain_titles(page)


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> None:
    """Mark the page body as HTML, just before the theme prints it; add the page's QR code."""
    _site().mark_body(page)
    _site().page_qr(page, config)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Defer the theme's own scripts (they sit at the end of the body, in order)."""
    return str(_site().defer_theme_scripts(output))
