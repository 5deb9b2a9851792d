"""Generated pages (handed to MkDocs in memory), the pages shown while data is broken, the nav."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from macros.catalogue import load_catalogue
from macros.pages import case_nav, error_site, extend_nav, file_counts, generated_pages
from macros.problems import Problem

SCALE_PAGES = ["scales/group.md", "scales/index.md", "scales/mini-scale.md"]


def test_every_generated_page_is_listed(project: Path) -> None:
    pages = generated_pages(load_catalogue(project), directory_urls=False)
    assert sorted(pages) == ["cases/index.md", "cases/mini.md", *SCALE_PAGES, "tools/index.md"]


def test_error_site_keeps_every_page_and_lists_its_own_file_first(project: Path) -> None:
    problems = [
        Problem("cases/mini.yml", 3, 1, "industri", "未知字段"),
        Problem("tools/scales/mini-scale.yml", 9, 5, "bands", "有缺口"),
    ]
    pages, nav = error_site(project, problems)
    assert sorted(pages) == ["cases/index.md", "cases/mini.md", *SCALE_PAGES, "tools/index.md"]
    case_page = pages["cases/mini.md"]
    assert case_page.index("cases/mini.yml:3:1") < case_page.index("tools/scales/mini-scale.yml:9:5")
    assert "本页的数据文件" in case_page and 'title: "mini"' in case_page
    assert nav["cases/index.md"] == ["cases/index.md", {"mini": "cases/mini.md"}]
    assert nav["course/index.md"] == ["course/index.md", "course/ch01.md"]
    assert file_counts(project) == {"chapter_count": 1, "case_count": 1, "scale_count": 1, "worksheet_count": 0}


def test_yaml_text_stays_text_in_the_generated_markdown(project: Path) -> None:
    path = project / "cases" / "mini.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: 用于测试的案例摘要。", 'summary: "<script>alert(1)</script> & <b>粗</b>"')
    text = text[: text.index("opening:")] + text[text.index("background:") :]  # without an opening: the summary
    text = text.replace("company: {zh: 示例酒店", 'company: {zh: "示例<i>酒店</i> [x](javascript:y) #"')
    path.write_text(text, encoding="utf-8")
    page = generated_pages(load_catalogue(project), directory_urls=False)["cases/mini.md"]
    body = page.split("\n---\n", 1)[1]
    assert "<script>" not in body and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;" in page
    # The title is plain text in the front matter (the theme escapes it once) and an HTML heading
    # in the body: never a Markdown heading, where "[x](…)" would become a link.
    assert 'title: "示例<i>酒店</i> [x](javascript:y) #"' in page
    assert '<h1 id="tp-title" class="tp-case-title">示例&lt;i&gt;酒店&lt;/i&gt; [x](javascript:y) #</h1>' in page
    assert "\n# " not in body


def test_case_page_has_every_section(project: Path) -> None:
    page = generated_pages(load_catalogue(project), directory_urls=False)["cases/mini.md"]
    # a teaching case: the decision first, what happened and the analysis after the questions
    headings = ["开篇", "背景", "客户旅程地图", "讨论题", "大事记", "关键做法", "成果与数据", "问题与风险", "启示"]
    headings += ["关联理论", "资料来源"]
    positions = [page.index(f"\n## {heading}\n") for heading in headings]
    assert positions == sorted(positions)
    # the opening: who, when, the decision, its text as text
    assert "王经理，示例酒店总经理" in page and "2020年5月1日" in page
    assert "开业当天要不要&lt;b&gt;取消&lt;/b&gt;自助入住？" in page and "<b>取消</b>" not in page
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
