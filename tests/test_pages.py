"""Generated pages: real files, written only when changed, stale ones removed; nav extension."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from macros.catalogue import load_catalogue
from macros.pages import case_nav, extend_nav, generated_pages, write_pages


def test_pages_are_written_once_and_stale_pages_removed(project: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    pages = generated_pages(load_catalogue(project), directory_urls=False)
    expected = ["cases/index.md", "cases/mini.md", "scales/group.md", "scales/index.md", "scales/mini-scale.md"]
    assert sorted(pages) == expected
    assert sorted(write_pages(pages, docs)) == expected
    assert write_pages(pages, docs) == []  # unchanged content is not rewritten (no serve loop)
    (docs / "cases" / "gone.md").write_text("old", encoding="utf-8")
    assert write_pages(pages, docs) == ["cases/gone.md"]
    assert not (docs / "cases" / "gone.md").exists()


def test_yaml_text_is_escaped_on_the_page(project: Path) -> None:
    path = project / "cases" / "mini.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: 用于测试的案例摘要。", 'summary: "<script>alert(1)</script> & <b>粗</b>"')
    text = text.replace("company: {zh: 示例酒店", 'company: {zh: "示例<i>酒店</i>"')
    path.write_text(text, encoding="utf-8")
    page = generated_pages(load_catalogue(project), directory_urls=False)["cases/mini.md"]
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;" in page
    assert 'title: "示例&lt;i&gt;酒店&lt;/i&gt;"' in page  # the theme prints titles unescaped


def test_case_page_has_every_section(project: Path) -> None:
    page = generated_pages(load_catalogue(project), directory_urls=False)["cases/mini.md"]
    for heading in (
        "摘要",
        "背景",
        "大事记",
        "客户旅程地图",
        "关键做法",
        "成果与数据",
        "问题与风险",
        "启示",
        "讨论题",
        "关联理论",
        "资料来源",
    ):
        assert f"\n## {heading}\n" in page
    assert "render_macros: false" in page
    assert 'href="#source-s1"' in page and 'id="source-s1"' in page


def test_nav_section_grows_with_the_cases(project: Path) -> None:
    nav = [{"首页": "index.md"}, {"案例库": ["cases/index.md"]}]
    assert extend_nav(nav, "cases/index.md", case_nav(load_catalogue(project)))
    assert nav[1] == {"案例库": ["cases/index.md", {"示例酒店": "cases/mini.md"}]}
    assert not extend_nav([{"首页": "index.md"}], "cases/index.md", [])


def test_large_libraries_are_grouped_by_industry_in_the_nav(project: Path) -> None:
    catalogue = load_catalogue(project)
    [case] = catalogue.cases
    many = [case.model_copy(update={"id": f"c{i:02d}", "industry": "酒店" if i % 2 else "餐饮"}) for i in range(30)]
    nav = case_nav(dataclasses.replace(catalogue, cases=tuple(many)))
    assert nav[0] == "cases/index.md"
    assert [next(iter(group)) for group in nav[1:]] == ["酒店", "餐饮"]
    assert len(nav[1]["酒店"]) == 15
