"""Search as a person uses it: typing into Material's search box on the built site (over HTTP and
from file://) and reading the result list. Brand and concept queries list the right page first;
an English word right after Chinese punctuation is found in every section that holds it; a word
the site does not contain finds nothing, except where Material's own query cutting cannot tell
(README → Design notes → Chinese search), which the last test records as an expected failure.

Any console error, page error or request that leaves the site fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue

from .browser import Watched, search
from .conftest import ROOT

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)


def case_page(name: str) -> str:
    """The page of the case whose company name contains ``name``."""
    (case,) = [case for case in CATALOGUE.cases if name in case.company.zh]
    return f"cases/{case.id}.html"


def chapter_page(theory: str) -> str:
    """The page of the chapter whose theory starts with ``theory``."""
    (chapter_id,) = [cid for cid, chapter in CATALOGUE.chapters if chapter.theory.startswith(theory)]
    return f"course/{chapter_id}.html"


def scale_page(title: str) -> str:
    """The page of the scale whose title starts with ``title``."""
    (scale,) = [scale for scale in CATALOGUE.scales if scale.title.startswith(title)]
    return f"scales/{scale.id}.html"


FIRST_RESULTS = [
    ("丽思卡尔顿", case_page("丽思卡尔顿")),
    ("星巴克", case_page("星巴克")),
    ("联合航空", case_page("联合航空")),
    ("净推荐值", scale_page("净推荐值")),
]
# Concept queries: Material's client searches a Chinese query as its first known word (README →
# Design notes → Chinese search), so in a course that uses 营销 and 客户 on every page the right
# page is listed, not necessarily first.
LISTED = [
    ("情感营销", chapter_page("情感营销")),
    ("客户费力度", scale_page("客户费力度")),
]


def index_docs(site: Path) -> list[dict[str, str]]:
    text = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    docs: list[dict[str, str]] = json.loads(text[text.index("{") : text.rindex("}") + 1])["docs"]
    return docs


def plain_text(doc: dict[str, str]) -> str:
    """A page's or section's text as a reader sees it (no markup, no word-break marks)."""
    return re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).replace("\u200b", "")


def test_brand_queries_list_the_right_page_first_and_concept_queries_list_it(visit: Watched) -> None:
    page = visit.page
    page.goto(f"{visit.site}index.html")
    firsts = {query: (search(page, visit.site, query) or ["(nothing)"])[0] for query, _ in FIRST_RESULTS}
    assert firsts == dict(FIRST_RESULTS)
    for query, expected in LISTED:
        assert expected in [link.split("#")[0] for link in search(page, visit.site, query)], query


def test_an_english_word_after_chinese_punctuation_is_found_in_every_section_that_holds_it(
    visit: Watched, built_site: Path
) -> None:
    word = "Genius"
    # Sections where the word stands on its own (not glued to a letter or digit before it).
    holding = {
        doc["location"] for doc in index_docs(built_site) if re.search(rf"(?<![A-Za-z0-9]){word}", plain_text(doc))
    }
    after_punctuation = {
        doc["location"] for doc in index_docs(built_site) if re.search(rf"[（：“，、《「]{word}", plain_text(doc))
    }
    assert after_punctuation, f"no section has {word} right after Chinese punctuation any more: pick another word"
    page = visit.page
    page.goto(f"{visit.site}index.html")
    listed = set(search(page, visit.site, word))
    assert holding - listed == set()  # every section holding the word is listed …
    assert {link.split("#")[0] for link in listed} == {loc.split("#")[0] for loc in holding}  # … and no other page


@pytest.mark.parametrize("word", ["恐龙", "Blockchain"])
def test_a_word_the_site_does_not_contain_finds_nothing(visit: Watched, built_site: Path, word: str) -> None:
    assert not any(word.lower() in plain_text(doc).lower() for doc in index_docs(built_site))
    page = visit.page
    page.goto(f"{visit.site}index.html")
    assert search(page, visit.site, word) == []
    assert page.locator(".md-search-result__meta").inner_text() == "没有找到符合条件的结果"


@pytest.mark.xfail(
    strict=True,
    reason="Material's client cuts 量子 to the word 量 and lists every page with a word starting with 量 "
    "(README → Design notes → Chinese search). Passes once Material's query cutting is fixed: then update the README.",
)
def test_a_chinese_word_whose_first_character_is_a_word_of_the_site_finds_nothing(
    visit: Watched, built_site: Path
) -> None:
    assert not any("量子" in plain_text(doc) for doc in index_docs(built_site))
    page = visit.page
    page.goto(f"{visit.site}index.html")
    assert search(page, visit.site, "量子") == []
