"""Pages stay light: a page loads only the scripts of the widgets it holds, deferred, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.widgets import WIDGET_SCRIPTS, scripts_for

from .conftest import ROOT, build_site, copy_project

FORM_CODE = {path for paths in WIDGET_SCRIPTS.values() for path in paths}


def scripts_of(html: str) -> list[tuple[str, bool]]:
    """(script path relative to the site, deferred?) for our own scripts, in page order."""
    found = []
    for match in re.finditer(r"<script\b([^>]*)>", html):
        attrs = match.group(1)
        src = re.search(r'src="(?:\.\./)*([^"]+)"', attrs)
        if src and src.group(1).startswith("javascripts/") and "/vendor/" not in src.group(1):
            found.append((src.group(1), " defer" in attrs))
    return found


def test_scripts_come_in_dependency_order_once() -> None:
    both = scripts_for(["scale-group", "scale-form"])
    assert both[:4] == [
        "javascripts/tp-core.js",
        "javascripts/tp-answers.js",
        "javascripts/tp-stats.js",
        "javascripts/scoring.js",
    ]
    assert len(both) == len(set(both)) == len(set(WIDGET_SCRIPTS["scale-group"]) | set(WIDGET_SCRIPTS["scale-form"]))
    for widget in ("scale-form", "scale-group"):
        assert [path for path in both if path in WIDGET_SCRIPTS[widget]] == list(WIDGET_SCRIPTS[widget])
    assert scripts_for([]) == []
    with pytest.raises(ValueError, match="未知的组件"):
        scripts_for(["no-such-widget"])


@pytest.mark.parametrize("widget", ["ws-journey-map", "ws-blueprint", "ws-emotion-map", "ws-crisis"])
def test_a_worksheet_loads_its_engine_right_before_its_mount(widget: str) -> None:
    """The mount reads the engine's window global, so the engine file comes just before it."""
    *_, engine, mount = WIDGET_SCRIPTS[widget]
    assert engine == mount.removesuffix(".js") + "-engine.js"
    docs = Path(__file__).resolve().parent.parent / "docs"
    assert (docs / engine).is_file() and (docs / mount).is_file()


def test_each_page_loads_only_its_widgets_scripts_deferred(built_site: Path) -> None:
    expected = {
        "index.html": [],
        "guide.html": [],
        "course/ch06.html": [],
        "course/ch01.html": scripts_for(["ws-journey-map", "scale-form"]),
        "cases/starbucks.html": scripts_for(["journey-curve"]),
        "cases/index.html": scripts_for(["library"]),
        "scales/nps.html": scripts_for(["scale-form"]),
        "scales/group.html": scripts_for(["scale-group"]),
    }
    for page, scripts in expected.items():
        found = scripts_of((built_site / page).read_text(encoding="utf-8"))
        assert [path for path, _ in found] == scripts, page
        assert all(deferred for _, deferred in found), page
    head = (built_site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert "<script src=" not in head  # nothing blocks the first paint


def test_scale_macro_embeds_a_form_in_any_page_with_its_scripts(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    page = root / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n## 试一试\n\n{{ scale("nps") }}\n', encoding="utf-8")
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "guide.html").read_text(encoding="utf-8")
    assert 'data-tp-scale="nps"' in html and "data-tp-scale-definition" in html
    assert html.count('name="nps--nps"') == 11  # the 0–10 options
    found = scripts_of(html)
    assert [path for path, _ in found] == scripts_for(["scale-form"])
    home = scripts_of((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert not {path for path, _ in home} & FORM_CODE


BUDGET = 60 * 1024  # our scripts and styles on a page with one widget, as shipped
WORKSHEET_PAGES = tuple(f"tools/{w.id}.html" for w in load_catalogue(ROOT).worksheets)


def test_a_scale_or_worksheet_page_ships_at_most_60_kb_of_our_scripts_and_styles(built_site: Path) -> None:
    assert len(WORKSHEET_PAGES) == 5
    for page in ("scales/touchpoint-priority.html", "scales/group.html", *WORKSHEET_PAGES):
        html = (built_site / page).read_text(encoding="utf-8")
        ours = [path for path, _ in scripts_of(html)]
        ours += re.findall(r'<link rel="stylesheet" href="(?:\.\./)*(stylesheets/[^"]+)"', html)
        assert "stylesheets/course.css" in ours
        shipped = sum((built_site / path).stat().st_size for path in ours)
        assert shipped <= BUDGET, (page, shipped)


def test_scripts_and_styles_are_shipped_minified(built_site: Path) -> None:
    root = Path(__file__).resolve().parent.parent / "docs"
    for path in ("javascripts/scale-form.js", "javascripts/scoring.js", "stylesheets/course.css"):
        source, shipped = (root / path).read_text(encoding="utf-8"), (built_site / path).read_text(encoding="utf-8")
        assert len(shipped) < 0.85 * len(source), path
        assert "/*" not in shipped.replace("/*!", ""), path  # comments are gone
