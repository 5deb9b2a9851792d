"""Browser tests on the built site, over HTTP and from file://, at desktop and phone sizes.

Any console error, page error or request to a host outside the site fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser import DESKTOP, PHONE, Watched

pytestmark = pytest.mark.browser


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def watched(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport=request.param, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    w = Watched(page, base_url)
    yield w
    w.assert_clean()
    context.close()


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
    expect(page.locator(".tp-course-map__item")).to_have_count(11)
    no_horizontal_scroll(page)
    page.locator(".tp-entry a", has_text="案例库").click()
    expect(page).to_have_url(f"{base_url}cases/index.html")
    expect(page.locator(".tp-card")).to_have_count(4)


def visible_cards(page: Page) -> list[str]:
    return page.locator(".tp-card:visible .tp-card__title a").all_inner_texts()


def test_library_filters_by_industry_theme_and_stage(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}cases/index.html")
    count = page.locator("[data-tp-filter-count]")
    expect(count).to_have_text("共 4 个案例")
    page.select_option("#tp-filter-industry", "酒店")
    expect(count).to_have_text("显示 1 / 4 个案例")
    assert visible_cards(page) == ["丽思卡尔顿酒店公司"]
    page.select_option("#tp-filter-industry", "")
    page.select_option("#tp-filter-theme", "危机管理")
    assert visible_cards(page) == ["美国联合航空"]
    page.select_option("#tp-filter-theme", "")
    page.select_option("#tp-filter-stage", "购买")
    assert sorted(visible_cards(page)) == sorted(["苹果公司", "星巴克"])
    page.select_option("#tp-filter-theme", "危机管理")
    expect(page.locator("[data-tp-filter-empty]")).to_be_visible()
    page.get_by_role("button", name="清除筛选").click()
    expect(count).to_have_text("共 4 个案例")
    expect(page.locator("[data-tp-filter-empty]")).to_be_hidden()
    no_horizontal_scroll(page)


def test_case_page_shows_the_journey_map_without_sideways_scroll(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}cases/united-airlines.html")
    expect_title(page, "美国联合航空")
    expect(page.locator("svg.tp-journey__curve")).to_be_visible()
    dots = page.locator(".tp-journey__dot")
    assert dots.count() >= 5
    assert page.locator(".tp-journey__dot--down").count() >= 1  # a failure case shows the dip
    for heading in ("大事记", "客户旅程地图", "成果与数据", "资料来源"):
        expect(page.get_by_role("heading", name=re.compile(rf"^{heading}"))).to_be_visible()
    page.locator(".tp-cite a").first.click()
    assert page.evaluate("location.hash").startswith("#source-")
    no_horizontal_scroll(page)


def search(page: Page, query: str) -> None:
    """Open the search box (an icon on phones) and enter ``query`` as a person would.

    Chinese is entered through an input method, which ends with key events; ``fill`` alone
    sends none, so a key press follows it.
    """
    box = page.locator("input.md-search__input")
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible() and not page.locator("#__search").is_checked():
        toggle.click()  # phones show a search icon that opens the search panel
    expect(box).to_be_in_viewport()
    box.fill(query)
    box.press("End")


def test_search_ranks_the_right_pages_first(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    search(page, "丽思卡尔顿")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile(r"/cases/ritz-carlton\.html"))
    search(page, "客户旅程")
    expect(page.locator(".md-search-result__meta")).not_to_have_text("没有找到符合条件的结果")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_site_works_from_disk(browser: Browser, built_site: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(page, built_site.as_uri())
    page.goto((built_site / "index.html").as_uri())
    page.locator(".md-tabs__link", has_text="案例库").click()
    expect_title(page, "案例库")
    page.select_option("#tp-filter-industry", "航空")  # our scripts run from file://
    expect(page.locator("[data-tp-filter-count]")).to_have_text("显示 1 / 4 个案例")
    page.locator(".tp-card:visible .tp-card__title a").click()
    expect_title(page, "美国联合航空")
    assert page.url.endswith("/cases/united-airlines.html")
    search(page, "星巴克")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile(r"/starbucks\.html"))
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
