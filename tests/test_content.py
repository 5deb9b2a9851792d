"""Course content rules that a schema cannot express: depth of the first cases, Chinese typography."""

from __future__ import annotations

import re

import pytest

from macros.catalogue import load_catalogue

from .conftest import ROOT

FIRST_CASES = ["apple", "starbucks", "ritz-carlton", "united-airlines"]


@pytest.mark.parametrize("case_id", FIRST_CASES)
def test_first_cases_are_written_in_full(case_id: str) -> None:
    case = load_catalogue(ROOT).case(case_id)
    assert len(case.timeline) >= 5, "at least 5 dated facts"
    assert len(case.sources) >= 3, "at least 3 sources"
    stages = [stage for journey in case.journeys for stage in journey.stages]
    assert {stage.stage for stage in stages} == {"意识", "考虑", "购买", "使用", "忠诚"}
    assert sum(tp.emotion is not None for stage in stages for tp in stage.touchpoints) >= 5
    assert all(str(source.url).startswith("https://") for source in case.sources)


def chinese_text_files() -> list:
    files = sorted((ROOT / "cases").glob("*.yml")) + sorted((ROOT / "macros" / "templates").glob("*.j2"))
    files += [p for p in sorted((ROOT / "docs").rglob("*.md")) if "cases" not in p.parts]
    return files


@pytest.mark.parametrize("path", chinese_text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_chinese_text_uses_full_width_punctuation(path) -> None:
    """ASCII , ; ? or ( ) between Chinese characters reads as a typo to Chinese readers."""
    text = path.read_text(encoding="utf-8")
    han = r"[\u4e00-\u9fff]"
    found = re.findall(rf"{han}[,;?]{han}|{han}\([^)\n]*{han}[^)\n]*\){han}", text)
    assert found == []
