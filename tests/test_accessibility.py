"""axe-core (from the npm registry, injected by the test) on each kind of page, theme included."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .browser import DESKTOP, PHONE, Watched
from .conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "index.html",
    "cases/index.html",
    "cases/ritz-carlton.html",
    "course/ch03.html",
    "scales/csat.html",
    "scales/touchpoint-risk.html",
    "scales/nps.html",
    "scales/group.html",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(browser: Browser, base_url: str, path: str, viewport: dict) -> None:
    page = browser.new_page(viewport=viewport)
    watched = Watched(page, base_url)
    page.goto(base_url + path)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    watched.assert_clean()
    page.close()
