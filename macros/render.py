"""Render named templates from ``macros/templates`` with autoescaping and strict undefined.

Text from YAML always passes through Jinja's autoescape, so it reaches the page as text, never
as markup. A template that uses a name the view did not provide fails the build.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja environment for all course templates."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_text"] = yaml_text
    return env


def yaml_text(value: str) -> Markup:
    """A front-matter value: HTML-escaped (the theme prints titles unescaped), then quoted as YAML.

    JSON strings are valid YAML scalars, so ``json.dumps`` gives safe quoting for any text.
    """
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


def render(name: str, **context: Any) -> str:
    """Render one template by file name."""
    return environment().get_template(name).render(**context)
