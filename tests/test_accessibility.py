"""axe-core (from the npm registry, injected by the test) on each kind of page, theme included,
and on every kind of scale form (questionnaire, matrix, IPA, FMEA, NPS), empty and filled in."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.catalogue import load_catalogue

from .browser import DESKTOP, PHONE, Watched
from .conftest import ROOT
from .scale_forms import fill, not_enterable

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "index.html",
    "cases/index.html",
    "cases/ritz-carlton.html",
    "course/ch03.html",
    "scales/index.html",
    "scales/group.html",
    "tools/index.html",
    *(f"tools/{w.id}.html" for w in load_catalogue(ROOT).worksheets),  # every worksheet kind, as it opens
]
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])

# One scale of each form kind; a questionnaire with sub-scales, when there is one, shows the most.
SCALES = load_catalogue(ROOT).scales
FORMS = {
    mode: max((s for s in SCALES if s.mode == mode), key=lambda s: len(getattr(s, "subscales", [])))
    for mode in sorted({s.mode for s in SCALES})
}


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@VIEWPORTS
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(browser: Browser, base_url: str, path: str, viewport: dict) -> None:
    page = browser.new_page(viewport=viewport)
    watched = Watched(page, base_url)
    page.goto(base_url + path)
    assert serious_violations(page) == []
    watched.assert_clean()
    page.close()


def test_every_form_kind_is_checked() -> None:
    # FORMS follows the data; this fails if a kind of form vanished from the scales.
    assert {"questionnaire", "matrix", "ipa", "fmea", "nps"} <= set(FORMS)


@VIEWPORTS
@pytest.mark.parametrize("state", ["empty", "filled"])
@pytest.mark.parametrize("mode", sorted(FORMS))
def test_no_serious_or_critical_violations_on_each_form_kind(
    browser: Browser, base_url: str, mode: str, state: str, viewport: dict[str, Any]
) -> None:
    scale = FORMS[mode]
    page = browser.new_page(viewport=viewport)
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/{scale.id}.html")
    if state == "filled":
        fill(page, scale, next(ex for ex in scale.examples if not not_enterable(scale, ex) and (ex.answers or ex.rows)))
        expect(page.locator("[data-tp-scale-results] .tp-scale__output")).not_to_be_empty()
        if page.locator("[data-tp-chart]").count():
            expect(page.locator("[data-tp-chart] canvas")).to_be_visible()  # the chart is part of the page axe sees
    assert serious_violations(page) == []
    watched.assert_clean()
    page.close()
