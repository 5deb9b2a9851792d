"""Text from YAML stays text everywhere it appears on the built site.

A case and a scale whose text fields carry Markdown link, image and attribute syntax, HTML,
entities, ``{{ }}`` and ``|`` are built into a copy of the real site (strict build). Every place
each field appears is then read from the page as the browser parsed it and must hold exactly the
field's text: a heading, a nav entry, ``<title>``, the footer's labels, the meta description,
cards, filters, the form and the search index. A single ``<b>`` or link made from the text would
change the element's text, so the equality is the test; no script from the text may run.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from macros.catalogue import load_catalogue
from macros.problems import DataError

from .browser import Watched
from .conftest import FIXTURES, build_site, copy_project

pytestmark = pytest.mark.browser

ZH = (
    "示例 [链](javascript:alert(1)) ![图](x.png) <img src=x onerror=alert(1)> &amp; {{ v }} *斜* | "
    "{: onclick=alert(1) } #"
)
EN = "M&M <b>Bold</b> [x](javascript:y) &lt;"
INDUSTRY = "酒店|<i>&amp;"  # at most 12 characters
THEMES = ["主题|甲", "<b>{{ t }}</b>"]
HEADLINE = "要点[x](javascript:y)<b>&amp;</b>{{ h }}|"  # at most 40 characters
SUMMARY = "摘要 <script>alert(1)</script> [链](javascript:alert(1)) &copy; {{ s }} | a | b |\n{: onclick=alert(1) }"
TOUCHPOINT = "<img src=x onerror=alert(1)>点"  # at most 30 characters
PERSONA = "客人<b>{{ p }}</b>&amp;"  # at most 40 characters
SOURCE_TITLE = "来源 [x](javascript:y) <script>alert(1)</script> &lt; {{ x }}"
SCALE_TITLE = "量表 [x](javascript:alert(1)) <b>粗</b> &amp; {{ s }} | {: onclick=alert(1) }"
ITEM = "题目 <img src=x onerror=alert(1)> [x](javascript:y) &amp; {{ q }} |"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_case() -> dict[str, Any]:
    case = yaml.safe_load((FIXTURES / "project" / "cases" / "mini.yml").read_text(encoding="utf-8"))
    case.update(id="hostile", industry=INDUSTRY, themes=THEMES, headline=HEADLINE, summary=SUMMARY)
    case["company"] = {"zh": ZH, "en": EN}
    case["journeys"][0]["stages"][0]["touchpoints"][0]["name"] = TOUCHPOINT
    case["journeys"][0]["persona"] = PERSONA
    del case["opening"]  # a case without an opening shows its summary (the opening: tests/test_pages.py)
    case["sources"][0]["title"] = SOURCE_TITLE
    return dict(case)


def hostile_scale() -> dict[str, Any]:
    scale = yaml.safe_load((FIXTURES / "project" / "tools" / "scales" / "mini-scale.yml").read_text(encoding="utf-8"))
    scale.update(id="hostile-scale", title=SCALE_TITLE)
    scale["items"][0]["text"] = ITEM
    return dict(scale)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    _dump(hostile_case(), root / "cases" / "hostile.yml")
    _dump(hostile_scale(), root / "tools" / "scales" / "hostile-scale.yml")
    chapter = root / "docs" / "course" / "ch01.md"  # a chapter embeds the case's card
    chapter.write_text(chapter.read_text(encoding="utf-8") + '\n{{ case_card_for("hostile") }}\n', encoding="utf-8")
    site = root / "site"
    result = build_site(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def page(browser: Browser, hostile_site: Path) -> Iterator[Page]:
    context = browser.new_context()
    tab = context.new_page()
    watched = Watched(tab, hostile_site.as_uri())
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    assert dialogs == [], f"a script from the data ran: {dialogs}"
    watched.assert_clean()
    context.close()


def open_page(page: Page, site: Path, path: str) -> None:
    page.goto((site / path).as_uri())
    # Nothing from the text became an element or an attribute that runs or leads anywhere.
    found = page.evaluate(
        """() => {
          const bad = [];
          for (const el of document.querySelectorAll("*")) {
            for (const attr of el.attributes) {
              if (attr.name.startsWith("on")) bad.push(el.tagName + " " + attr.name);
              if (/^\\s*javascript:/i.test(attr.value)) bad.push(el.tagName + " " + attr.name + "=" + attr.value);
            }
          }
          for (const img of document.querySelectorAll("img")) bad.push("img " + img.getAttribute("src"));
          return bad;
        }"""
    )
    assert found == [], (path, found)


def text(page: Page, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("el => el.textContent.trim()"))


def test_case_text_is_text_on_its_page(page: Page, hostile_site: Path) -> None:
    open_page(page, hostile_site, "cases/hostile.html")
    assert page.title() == f"{ZH} - 触点营销"
    assert text(page, "h1.tp-case-title") == ZH
    assert page.locator('meta[name="description"]').get_attribute("content") == HEADLINE
    assert text(page, ".tp-case-head__en") == EN
    assert text(page, ".tp-case-head__headline") == HEADLINE
    meta = page.locator(".tp-case-head .tp-meta__row")
    assert meta.nth(0).locator("dd").text_content() == INDUSTRY
    assert meta.nth(2).locator("dd").text_content() == "、".join(THEMES)
    assert text(page, ".tp-prose p") == SUMMARY.replace("\n", "")
    assert text(page, ".tp-touchpoint__name") == TOUCHPOINT
    assert page.locator(".tp-stage").first.get_attribute("aria-label") == f"{PERSONA}：意识阶段"
    assert text(page, ".tp-sources__item a") == SOURCE_TITLE
    # The previous page's footer names this page, in its text and in its accessible name.
    previous = page.locator("a.md-footer__link--prev").get_attribute("href")
    assert previous
    open_page(page, hostile_site, f"cases/{previous}")
    link = page.locator("a.md-footer__link--next")
    assert link.get_attribute("href") == "hostile.html"
    assert text(page, "a.md-footer__link--next .md-ellipsis") == ZH
    assert link.get_attribute("aria-label") == f"下一页: {ZH}"


def test_case_text_is_text_in_the_nav_library_filters_and_chapter_cards(page: Page, hostile_site: Path) -> None:
    open_page(page, hostile_site, "cases/index.html")
    assert text(page, 'nav.md-nav--primary a[href="hostile.html"]') == ZH
    card = page.locator(".tp-card", has=page.locator('a[href="hostile.html"]'))
    assert card.locator(".tp-card__title a").text_content() == ZH
    assert card.locator(".tp-card__en").text_content() == EN
    assert card.locator(".tp-card__headline").text_content() == HEADLINE
    assert card.locator(".tp-tag").all_text_contents() == [INDUSTRY, *THEMES]
    assert json.loads(card.get_attribute("data-tp-themes") or "") == THEMES
    assert INDUSTRY in page.locator("#tp-filter-industry option").all_text_contents()
    # "|" inside a theme is part of the theme, not a separator: filtering by it finds the card.
    page.select_option("#tp-filter-theme", THEMES[0])
    assert [t.strip() for t in page.locator(".tp-card:visible .tp-card__title a").all_text_contents()] == [ZH]
    page.select_option("#tp-filter-theme", "")
    page.select_option("#tp-filter-industry", INDUSTRY)
    assert page.locator(".tp-card:visible").count() == 1
    open_page(page, hostile_site, "course/ch01.html")
    card = page.locator(".tp-card", has=page.locator('a[href="../cases/hostile.html"]'))
    assert card.locator(".tp-card__title a").text_content() == ZH
    open_page(page, hostile_site, "index.html")
    assert text(page, '.tp-course-map a[href="cases/hostile.html"]') == ZH


def test_scale_text_is_text_on_its_page_the_nav_and_the_index(page: Page, hostile_site: Path) -> None:
    open_page(page, hostile_site, "scales/hostile-scale.html")
    assert page.title() == f"{SCALE_TITLE} - 触点营销"
    assert text(page, "h1.tp-scale-title") == SCALE_TITLE
    assert page.locator("form[data-tp-scale-form]").get_attribute("aria-label") == SCALE_TITLE
    legend = page.locator('[data-tp-item="q1"] legend').evaluate("el => el.textContent.trim()")
    assert legend == f"1. {ITEM}"
    open_page(page, hostile_site, "scales/index.html")
    assert text(page, 'nav.md-nav--primary a[href="hostile-scale.html"]') == SCALE_TITLE
    assert text(page, '.tp-card__title a[href="hostile-scale.html"]') == SCALE_TITLE


def test_search_index_holds_the_text_escaped_once(hostile_site: Path) -> None:
    raw = (hostile_site / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("{") : raw.rindex("}") + 1])
    separator = "\u200b"  # jieba's word breaks
    docs = {doc["location"]: doc for doc in index["docs"]}
    # Material's search shows titles and text as HTML: each must be escaped exactly once.
    case_title = html.unescape(docs["cases/hostile.html"]["title"]).replace(separator, "")
    assert case_title == ZH
    scale_title = html.unescape(docs["scales/hostile-scale.html"]["title"]).replace(separator, "")
    assert scale_title == SCALE_TITLE
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<script" not in doc[field] and "<img" not in doc[field], doc["location"]


def test_bidi_controls_in_a_data_file_are_refused_with_their_place(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    case = hostile_case()
    case["company"]["zh"] = "示例\u202e店酒"  # RIGHT-TO-LEFT OVERRIDE: shows as 示例酒店 reversed
    _dump(case, root / "cases" / "hostile.yml")
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    [problem] = caught.value.problems
    assert (problem.file, problem.field) == ("cases/hostile.yml", "company.zh")
    assert problem.line > 1 and "U+202E" in problem.message
