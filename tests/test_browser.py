"""Browser tests on the built site, over HTTP and from file://, at desktop and phone sizes.

Any console error, page error or request to a host outside the site fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.catalogue import load_catalogue

from .browser import DESKTOP, PHONE, Watched, search, watched_page
from .conftest import ROOT

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
CASES = CATALOGUE.cases


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def watched(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Watched]:
    with watched_page(browser, request.param, base_url) as watched:
        yield watched


def expect_title(page: Page, text: str) -> None:
    """The page's h1 reads ``text`` (ignoring the permalink mark after it)."""
    expect(page.locator("h1")).to_have_text(re.compile(rf"^{re.escape(text)}"))


def no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    client = page.evaluate("document.documentElement.clientWidth")
    assert width <= client, f"page scrolls sideways: {width}px content in a {client}px viewport"


def test_home_lists_the_course_and_links_to_the_library(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    expect_title(page, "触点营销")
    expect(page.locator(".tp-course-map__item")).to_have_count(len(CATALOGUE.chapters))
    no_horizontal_scroll(page)
    page.locator(".tp-entry a", has_text="案例库").click()
    expect(page).to_have_url(f"{base_url}cases/index.html")
    expect(page.locator(".tp-card")).to_have_count(len(CASES))


def visible_cards(page: Page) -> list[str]:
    return sorted(page.locator(".tp-card:visible .tp-card__title a").all_inner_texts())


def companies(industry: str = "", theme: str = "", stage: str = "") -> list[str]:
    """The cases a filter must show, from the data (an empty value does not filter)."""
    return sorted(
        case.company.zh
        for case in CASES
        if (not industry or case.industry == industry)
        and (not theme or theme in case.themes)
        and (not stage or stage in case.focus_stages)
    )


def shown_of(count: int) -> str:
    return f"共 {count} 个案例" if count == len(CASES) else f"显示 {count} / {len(CASES)} 个案例"


def test_library_filters_by_industry_theme_and_stage(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}cases/index.html")
    count = page.locator("[data-tp-filter-count]")
    expect(count).to_have_text(shown_of(len(CASES)))
    first = CASES[0]
    for select, value, expected in (
        ("#tp-filter-industry", first.industry, companies(industry=first.industry)),
        ("#tp-filter-theme", first.themes[-1], companies(theme=first.themes[-1])),
        ("#tp-filter-stage", first.focus_stages[0], companies(stage=first.focus_stages[0])),
    ):
        page.select_option(select, value)
        expect(count).to_have_text(shown_of(len(expected)))
        assert visible_cards(page) == expected, (select, value)
        page.select_option(select, "")
    # A combination no case has: the page says so, and clearing brings every case back.
    industries = sorted({case.industry for case in CASES})
    themes = sorted({theme for case in CASES for theme in case.themes})
    empty = next(((i, t) for i in industries for t in themes if not companies(industry=i, theme=t)), None)
    assert empty, "every industry has a case of every theme: pick another empty combination"
    page.select_option("#tp-filter-industry", empty[0])
    page.select_option("#tp-filter-theme", empty[1])
    expect(page.locator("[data-tp-filter-empty]")).to_be_visible()
    assert visible_cards(page) == []
    page.get_by_role("button", name="清除筛选").click()
    expect(count).to_have_text(shown_of(len(CASES)))
    expect(page.locator("[data-tp-filter-empty]")).to_be_hidden()
    no_horizontal_scroll(page)


def test_case_page_shows_the_journey_map_without_sideways_scroll(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}cases/united-airlines.html")
    expect_title(page, "美国联合航空")
    # United follows two customers: two maps, each with its curve
    assert page.locator(".tp-journey__chart").count() == len(
        next(c for c in CASES if c.id == "united-airlines").journeys
    )
    first = page.locator(".tp-journey__chart").first
    expect(first.locator("svg.tp-journey__curve")).to_be_visible()
    # One dot per rated touchpoint, numbered as in the list, coloured by the sign of its emotion,
    # left to right in journey order and higher for a better emotion (journey-curve.js).
    case = next(c for c in CASES if c.id == "united-airlines")
    emotions = [tp.emotion for stage in case.journeys[0].stages for tp in stage.touchpoints]
    rated = [(n, e) for n, e in enumerate(emotions, start=1) if e is not None]
    dots = first.locator(".tp-journey__dot").evaluate_all(
        "ds => ds.map(d => { const r = d.getBoundingClientRect();"
        " return [Number(d.dataset.n), d.className, r.x, r.y]; })"
    )
    assert [d[0] for d in dots] == [n for n, _ in rated]
    for (n, emotion), (_, cls, _x, _y) in zip(rated, dots, strict=True):
        word = "up" if emotion > 0 else "down" if emotion < 0 else "flat"
        assert f"tp-journey__dot--{word}" in cls, (n, emotion, cls)
    assert [d[2] for d in dots] == sorted(d[2] for d in dots)
    for (_, e1), (_, e2), d1, d2 in zip(rated, rated[1:], dots, dots[1:], strict=False):
        if e1 != e2:
            assert (d1[3] < d2[3]) == (e1 > e2), "a better emotion sits higher"
    for heading in ("大事记", "客户旅程地图", "成果与数据", "资料来源"):
        expect(page.get_by_role("heading", name=re.compile(rf"^{heading}"))).to_be_visible()
    page.locator(".tp-cite a").first.click()
    assert page.evaluate("location.hash").startswith("#source-")
    no_horizontal_scroll(page)


def test_site_works_from_disk(browser: Browser, built_site: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(page, built_site.as_uri())
    page.goto((built_site / "index.html").as_uri())
    page.locator(".md-tabs__link", has_text="案例库").click()
    expect_title(page, "案例库")
    case = CASES[-1]
    page.select_option("#tp-filter-industry", case.industry)  # our scripts run from file://
    expect(page.locator("[data-tp-filter-count]")).to_have_text(shown_of(len(companies(industry=case.industry))))
    page.locator(".tp-card:visible .tp-card__title a", has_text=case.company.zh).click()
    expect_title(page, case.company.zh)
    assert page.url.endswith(f"/cases/{case.id}.html")
    assert search(page, built_site.as_uri() + "/", "星巴克")[0] == "cases/starbucks.html"  # search runs from disk
    watched.assert_clean()
    context.close()


def test_print_shows_the_content_without_the_site_chrome(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    watched = Watched(page, base_url)
    page.goto(f"{base_url}cases/index.html")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("form[data-tp-filter]")).to_be_hidden()
    expect(page.locator(".tp-card").first).to_be_visible()
    page.goto(f"{base_url}cases/apple.html")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("svg.tp-journey__curve")).to_be_visible()
    watched.assert_clean()
    page.close()
