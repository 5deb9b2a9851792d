"""The course as the brief asks for it: every chapter in the same order of parts, long enough to
teach, with what it names (cases, worksheets, scales) embedded or linked; every case written as a
teaching case. Counts come from the data, never from a number in this file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.yamlsource import split_front_matter

from .conftest import ROOT

CATALOGUE = load_catalogue(ROOT)
CHAPTERS = [cid for cid, chapter in CATALOGUE.chapters if cid.startswith("ch")]
HAN = re.compile(r"[\u4e00-\u9fff]")
TYPES = {"接触点", "互动点", "体验点"}


def body(chapter_id: str) -> str:
    text = (ROOT / "docs" / "course" / f"{chapter_id}.md").read_text(encoding="utf-8")
    return split_front_matter(text)[1]


def headings(text: str) -> list[str]:
    return re.findall(r"(?m)^## (.+)$", text)


def substance(text: str) -> int:
    """Han characters of the chapter's own text: no embeds, comments, headings or reference list."""
    text = text.split("\n## 参考资料", 1)[0]
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"(?m)^#+ .*$", "", text)
    return len(HAN.findall(text))


def test_there_are_the_opening_case_ten_chapters_and_a_summary() -> None:
    assert len(CHAPTERS) == 10
    ids = [cid for cid, _ in CATALOGUE.chapters]
    assert ids[0] == "intro" and ids[-1] == "summary"


def test_the_course_opens_with_the_iphone() -> None:
    text = body("intro")
    assert "iPhone" in CATALOGUE.chapter("intro").title and substance(text) >= 1200  # an opening, not a chapter
    assert 'case_card_for("apple")' in text and "2007年1月9日" in text and "2007年6月29日" in text


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_a_chapter_has_every_part_in_order(chapter_id: str) -> None:
    found = headings(body(chapter_id))
    fixed = ["学习目标", "关联理论", "案例", "学员讨论", "工具", "量表", "要点回顾", "自测", "参考资料"]
    parts = [h.split("：")[0] for h in found]
    assert parts[0] == "学习目标", found
    theory = parts.index("关联理论")
    assert theory >= 2, f"{chapter_id}: the topics come between 学习目标 and 关联理论: {found}"
    tail = [p for p in parts[theory:]]
    assert tail == [p for p in fixed[1:] if p in tail], f"{chapter_id}: parts out of order: {found}"
    for part in ("案例", "学员讨论", "要点回顾", "自测"):
        assert part in tail, f"{chapter_id}: no {part}"
    # the outline's points are each covered by a topic section
    chapter = CATALOGUE.chapter(chapter_id)
    assert theory - 1 >= len(chapter.points) - 1, (
        f"{chapter_id}: {theory - 1} topic sections for {len(chapter.points)} points"
    )


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_a_chapter_teaches_at_length(chapter_id: str) -> None:
    assert substance(body(chapter_id)) >= 3000


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_a_chapter_asks_and_answers(chapter_id: str) -> None:
    text = body(chapter_id)
    discussion = text.split("## 学员讨论", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"(?m)^\d+\. ", discussion)) >= 3, "the outline's question and two or three more"
    quiz = text.split("## 自测", 1)[1].split("\n## ", 1)[0]
    questions, _, answers = quiz.partition('??? note "参考答案"')
    assert 4 <= len(re.findall(r"(?m)^\d+\. ", questions)) <= 6, "four to six questions"
    assert len(re.findall(r"(?m)^    \d+\. ", answers)) == len(re.findall(r"(?m)^\d+\. ", questions)), "an answer each"


@pytest.mark.parametrize("chapter_id", [*CHAPTERS, "summary"])
def test_what_a_chapter_names_exists_and_is_on_its_page(chapter_id: str) -> None:
    chapter = CATALOGUE.chapter(chapter_id)
    text = body(chapter_id)
    for case_id in chapter.cases:
        assert f'case_card_for("{case_id}")' in text or f"cases/{case_id}.md" in text, case_id
    for sheet in chapter.worksheets:
        assert f'worksheet("{sheet}")' in text or f"tools/{sheet}.md" in text, sheet
    for scale in chapter.scales:
        assert f'scale("{scale}")' in text or f"scales/{scale}.md" in text, scale
    assert "<!-- case:" not in text and "<!-- worksheet:" not in text, "a placeholder left in the text"
    assert "chapter_overview(" not in text


@pytest.mark.parametrize("case_id", [case.id for case in CATALOGUE.cases])
def test_a_case_opens_on_a_person_a_date_and_a_decision(case_id: str) -> None:
    case = CATALOGUE.case(case_id)
    assert case.opening is not None, "an opening: protagonist, date, decision"
    assert case.opening.decision.endswith("？"), "the decision is a question"
    assert len(case.timeline) >= 5, "at least 5 dated facts"
    assert len(case.sources) >= 3, "at least 3 sources"
    touchpoints = [tp for journey in case.journeys for stage in journey.stages for tp in stage.touchpoints]
    assert {tp.type for tp in touchpoints} <= TYPES
    assert sum(tp.emotion is not None for tp in touchpoints) >= 5


@pytest.mark.parametrize("case_id", [case.id for case in CATALOGUE.cases])
def test_a_case_is_linked_from_its_chapters_and_back(case_id: str) -> None:
    case = CATALOGUE.case(case_id)
    linking = {cid for cid, chapter in CATALOGUE.chapters if case_id in chapter.cases}
    assert linking, f"no chapter names {case_id}"
    assert linking <= set(case.chapters), f"{case_id} does not name {linking - set(case.chapters)} back"


def test_every_outline_case_is_in_the_library() -> None:
    wanted = {"apple", "starbucks", "ritz-carlton", "united-airlines", "amazon", "tesla", "disney"}
    wanted |= {"coca-cola", "nike", "four-seasons", "salesforce"}
    assert wanted <= {case.id for case in CATALOGUE.cases}


def test_research_notes_stay_out_of_learner_text() -> None:
    for path in sorted(Path(ROOT / "cases").glob("*.yml")):
        text = path.read_text(encoding="utf-8").split("\ntrainer_notes:", 1)[0]
        for phrase in ("单一来源", "而非本案例已核实的事实", "使用时应注明出处"):
            assert phrase not in text, f"{path.name}: “{phrase}” belongs in trainer_notes"
