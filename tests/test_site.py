"""The real site: strict build, the Chinese search index, nothing loaded from outside the site."""

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
        assert case.company.zh in html and "data-tp-curve-data" in html
    for chapter_id, chapter in catalogue.chapters:
        assert chapter.label in (built_site / "course" / f"{chapter_id}.html").read_text(encoding="utf-8")
    library = (built_site / "cases" / "index.html").read_text(encoding="utf-8")
    assert library.count('class="tp-card"') == len(catalogue.cases)


def test_chinese_headings_keep_chinese_anchors(built_site: Path) -> None:
    html = (built_site / "cases" / "apple.html").read_text(encoding="utf-8")
    assert 'id="客户旅程地图"' in html


def test_search_index_cuts_chinese_into_words_and_punctuation_ends_a_word(built_site: Path) -> None:
    """The build side of search (the browser side is tests/test_search_browser.py): titles are cut
    into jieba's words joined by U+200B (Material skips this silently when jieba is missing), the
    separator splits at Chinese punctuation, and no stemmer stands between a query and the index."""
    index = search_index(built_site)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for case in load_catalogue(ROOT).cases:
        words = re.sub(
            r"[\u3400-\u9fff]+", lambda m: "\u200b" + "\u200b".join(jieba.cut(m.group(0))) + "\u200b", case.company.zh
        )
        assert titles[f"cases/{case.id}.html"] == words.strip("\u200b"), case.id
    separator = re.compile(index["config"]["separator"])
    tokens = [t for t in separator.split("丽思\u200b卡尔顿（Genius：Bar“天才吧”、《Gold Standard》/OTA，Apple") if t]
    assert tokens == ["丽思", "卡尔顿", "Genius", "Bar", "天才吧", "Gold", "Standard", "OTA", "Apple"]
    assert "stemmer" not in index["config"]["pipeline"]


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
