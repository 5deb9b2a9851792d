"""A participant reads the whole course on a phone, from the home page to the summary, by the
"next" link at the foot of each page: every page opens from disk without an error, shows its
chapter's title, and never scrolls sideways at 375 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from macros.catalogue import load_catalogue

from .browser import PHONE, watched_page
from .conftest import ROOT
from .test_browser import no_horizontal_scroll

pytestmark = pytest.mark.browser

CHAPTERS = load_catalogue(ROOT).chapters


def test_a_phone_reader_goes_from_the_home_page_to_the_summary_by_next_links(
    browser: Browser, built_site: Path
) -> None:
    site = built_site.as_uri() + "/"
    with watched_page(browser, PHONE, site) as watched:
        page = watched.page
        page.goto(site + "index.html")
        page.locator("a.md-footer__link--next").click()  # the course outline
        expect(page).to_have_url(site + "course/index.html")
        seen = []
        for chapter_id, chapter in CHAPTERS:
            page.locator("a.md-footer__link--next").click()
            expect(page).to_have_url(f"{site}course/{chapter_id}.html")
            expect(page.locator("h1").first).to_contain_text(chapter.title.rstrip("？?"))
            no_horizontal_scroll(page)
            seen.append(chapter_id)
        assert seen == [cid for cid, _ in CHAPTERS] and seen[-1] == "summary"
