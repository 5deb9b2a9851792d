"""Which scripts (and styles) each kind of widget needs. A page declares its widgets (``tp_widgets`` in its
front matter, or by calling a macro that embeds one); the theme then loads only those scripts,
deferred and in this order. A page without a widget loads no form code at all."""

from __future__ import annotations

from collections.abc import Iterable

# Order matters: each script may use the ones listed before it.
WIDGET_SCRIPTS: dict[str, tuple[str, ...]] = {
    "library": ("javascripts/tp-core.js", "javascripts/library.js"),
    "scale-form": (
        "javascripts/tp-core.js",
        "javascripts/tp-answers.js",
        "javascripts/tp-stats.js",
        "javascripts/scoring.js",
        "javascripts/scale-charts.js",
        "javascripts/scale-results.js",
        "javascripts/tp-saved.js",
        "javascripts/scale-form.js",
    ),
    "scale-group": (
        "javascripts/tp-core.js",
        "javascripts/tp-answers.js",
        "javascripts/tp-stats.js",
        "javascripts/scoring.js",
        "javascripts/scale-charts.js",
        "javascripts/group-views.js",
        "javascripts/scale-group.js",
    ),
    # the emotion curve of a case page's journey map (the same component draws it in worksheets)
    "journey-curve": ("javascripts/tp-core.js", "javascripts/journey-curve.js"),
}
# Every worksheet: the core, the worksheet file, saved answers and the shell (toolbar, autosave).
_SHEET = (
    "javascripts/tp-core.js",
    "javascripts/tp-answers.js",
    "javascripts/ws-file.js",
    "javascripts/tp-saved.js",
    "javascripts/ws-shell.js",
)
WIDGET_SCRIPTS.update(
    {
        "ws-journey-map": (
            *_SHEET,
            "javascripts/ws-peak-end.js",
            "javascripts/journey-curve.js",
            "javascripts/ws-journey-engine.js",
            "javascripts/ws-journey.js",
        ),
        "ws-blueprint": (*_SHEET, "javascripts/ws-blueprint-engine.js", "javascripts/ws-blueprint.js"),
        "ws-kpi": (*_SHEET, "javascripts/tp-stats.js", "javascripts/ws-kpi.js", "javascripts/ws-kpi-form.js"),
        "ws-emotion-map": (
            *_SHEET,
            "javascripts/ws-peak-end.js",
            "javascripts/journey-curve.js",
            "javascripts/ws-emotion-engine.js",
            "javascripts/ws-emotion.js",
        ),
        "ws-crisis": (*_SHEET, "javascripts/ws-crisis-engine.js", "javascripts/ws-crisis.js"),
    }
)
# Styles a widget needs beyond the site's course.css, loaded only on its pages.
WIDGET_STYLES: dict[str, tuple[str, ...]] = {
    # the agenda page and the handouts (styles only: those pages run no script)
    "agenda": ("stylesheets/trainer.css",),
    "scale-form": ("stylesheets/scale.css",),
    "scale-group": ("stylesheets/scale.css", "stylesheets/group.css"),
}
WIDGET_STYLES.update(
    {
        f"ws-{kind}": ("stylesheets/worksheet.css", f"stylesheets/ws-{kind}.css")
        for kind in ("journey-map", "blueprint", "kpi", "emotion-map", "crisis")
    }
)
SCRIPT_ORDER = tuple(dict.fromkeys(path for paths in WIDGET_SCRIPTS.values() for path in paths))


def scripts_for(widgets: Iterable[str]) -> list[str]:
    """The scripts a page with these widgets loads, each once, in dependency order."""
    wanted: set[str] = set()
    for widget in widgets:
        if widget not in WIDGET_SCRIPTS:
            known = "、".join(WIDGET_SCRIPTS)
            raise ValueError(f"未知的组件“{widget}”；已有：{known} (unknown widget)")
        wanted.update(WIDGET_SCRIPTS[widget])
    return [path for path in SCRIPT_ORDER if path in wanted]


def styles_for(widgets: Iterable[str]) -> list[str]:
    """The extra stylesheets a page with these widgets loads, each once."""
    return list(dict.fromkeys(path for widget in widgets for path in WIDGET_STYLES.get(widget, ())))
