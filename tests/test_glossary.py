"""The glossary and the abbreviation tooltips agree: every abbreviation shown as a tooltip has a
glossary entry, and the tooltips reach the pages."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT

ABBREVIATIONS = ROOT / "docs" / "includes" / "abbreviations.md"


def abbreviations() -> dict[str, str]:
    return dict(re.findall(r"(?m)^\*\[([^\]]+)\]: (.+)$", ABBREVIATIONS.read_text(encoding="utf-8")))


def test_every_line_of_the_abbreviation_list_is_an_abbreviation() -> None:
    lines = [line for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(abbreviations()) >= 17


def test_every_abbreviation_has_a_glossary_entry() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    terms = re.findall(r"(?m)^(\S[^\n]*)\n:   ", glossary)
    missing = [abbr for abbr in abbreviations() if not any(re.search(rf"\b{re.escape(abbr)}\b", t) for t in terms)]
    assert missing == []


def test_abbreviations_are_tooltips_on_the_pages(built_site: Path) -> None:
    html = (built_site / "course" / "ch01.html").read_text(encoding="utf-8")
    assert f'<abbr title="{abbreviations()["CLV"]}">CLV</abbr>' in html
    # the list itself is not a page and leaves no trace on the pages it is appended to
    assert not (built_site / "includes").exists()
    assert "*[CLV]" not in html
