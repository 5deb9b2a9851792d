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
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
YAML_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


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
    env.filters["json_text"] = json_text
    return env


def yaml_text(value: str) -> Markup:
    """A front-matter value, quoted as YAML: plain text, never HTML-escaped here.

    The theme escapes page titles and descriptions once, when it prints them (autoescape is
    switched on in ``macros.site.escape_theme_output``). JSON strings are valid YAML scalars, so
    ``json.dumps`` quotes any text safely (line breaks, quotes, ``#``, ``{{``, ``: ``).
    """
    quoted = json.dumps(str(value), ensure_ascii=False)
    # YAML folds these three line breaks inside a quoted scalar; JSON leaves them raw.
    for char in YAML_LINE_BREAKS:
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return Markup(quoted)


def json_text(value: Any) -> str:
    """A value as JSON text for a ``data-*`` attribute; autoescape then escapes it once."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def render(name: str, **context: Any) -> str:
    """Render one template by file name."""
    return environment().get_template(name).render(**context)


def json_for_script(payload: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>`` or ``<!--`` can occur.

    ``allow_nan=False``: ``Infinity`` and ``NaN`` are not JSON; ``JSON.parse`` in the page would fail.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
