"""The real site: strict build, Chinese search index, nothing loaded from outside the site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import jieba

from macros.catalogue import load_catalogue

from .conftest import ROOT


def search_index(site: Path) -> dict:
    text = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def test_every_case_and_chapter_has_a_page(built_site: Path) -> None:
    catalogue = load_catalogue(ROOT)
    for case in catalogue.cases:
        html = (built_site / "cases" / f"{case.id}.html").read_text(encoding="utf-8")
        assert case.company.zh in html and "tp-journey__curve" in html
    for chapter_id, chapter in catalogue.chapters:
        assert chapter.label in (built_site / "course" / f"{chapter_id}.html").read_text(encoding="utf-8")
    library = (built_site / "cases" / "index.html").read_text(encoding="utf-8")
    assert library.count('class="tp-card"') == len(catalogue.cases)


def test_chinese_headings_keep_chinese_anchors(built_site: Path) -> None:
    html = (built_site / "cases" / "apple.html").read_text(encoding="utf-8")
    assert 'id="客户旅程地图"' in html


def test_search_index_is_segmented_with_zero_width_spaces(built_site: Path) -> None:
    index = search_index(built_site)
    assert "\\u200b" in index["config"]["separator"]
    ritz = next(d for d in index["docs"] if d["location"] == "cases/ritz-carlton.html")
    assert "丽思\u200b卡尔顿" in ritz["title"] + ritz["text"] or "卡尔顿" in ritz["text"]


def rank(index: dict, query: str) -> list[tuple[int, str]]:
    """Pages containing every jieba term of the query, by how often the terms occur (like lunr)."""
    separator = re.compile(index["config"]["separator"])
    terms = [t for t in jieba.cut(query) if t.strip()]
    pages: dict[str, int] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        tokens = separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        hits = [sum(token == term for token in tokens) for term in terms]
        pages.setdefault(page, 0)
        if all(hits):
            pages[page] += sum(hits)
    return sorted(((count, page) for page, count in pages.items() if count), reverse=True)


def test_brand_and_concept_queries_rank_the_right_page_first(built_site: Path) -> None:
    index = search_index(built_site)
    all_pages = {d["location"].split("#")[0] for d in index["docs"]}
    for query, expected in (
        ("丽思卡尔顿", "cases/ritz-carlton.html"),
        ("星巴克", "cases/starbucks.html"),
        ("联合航空", "cases/united-airlines.html"),
    ):
        ranked = rank(index, query)
        assert ranked and ranked[0][1] == expected, (query, ranked[:3])
        assert len(ranked) < len(all_pages) / 2, (query, "matches too many pages")
    journey = rank(index, "客户旅程")
    assert journey and len(journey) < len(all_pages)


class ExternalResources(HTMLParser):
    """Collects URLs that a browser would fetch (scripts, styles, images, frames, fonts)."""

    FETCHED: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("image", "href"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in {"canonical", "alternate"}:
            return
        for name, value in attrs:
            if value and ((tag, name) in self.FETCHED or name == "srcset") and re.match(r"^(https?:)?//", value):
                self.urls.append(value)


def test_no_page_or_stylesheet_loads_anything_from_outside_the_site(built_site: Path) -> None:
    found = []
    for path in built_site.rglob("*.html"):
        parser = ExternalResources()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(built_site)}: {url}" for url in parser.urls]
    for path in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(built_site)}: {url}")
        found += [
            f"{path.relative_to(built_site)}: @import"
            for _ in re.findall(r"@import\s+url\(\s*['\"]?https?:", path.read_text(encoding="utf-8"))
        ]
    assert found == []
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "unpkg.com" not in home
    assert "javascripts/vendor/iframe-worker-shim.js" in home


def test_offline_build_links_pages_as_html_files(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="cases/index.html"' in home
    assert (built_site / "search" / "search_index.js").exists()
