"""Facilitator notes only for trainers: a trainer's build (AUDIENCE=trainer) shows each chapter's
and each case's notes on its page; a participant's site holds none of them anywhere — pages,
search index, sitemap, assets — and no notes file."""

from __future__ import annotations

import os
import re
import subprocess
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue

from .conftest import BIN, ROOT

CATALOGUE = load_catalogue(ROOT)
HAN = re.compile(r"[\u4e00-\u9fff]")


def note_texts() -> list[str]:
    """Every text of every facilitator note and research note, as written."""
    texts: list[str] = []
    notes = [n for _, n in CATALOGUE.chapter_notes] + [c.facilitator for c in CATALOGUE.cases if c.facilitator]
    for note in notes:
        texts += [note.timing, note.running, note.debrief]
        texts += [a.answer for a in note.answers] + [o.response for o in note.objections]
    for case in CATALOGUE.cases:
        texts += list(case.trainer_notes)
    return texts


def public_text() -> str:
    """Everything a participant's site is built from, with the notes cut out: a run of note text
    found here is not a leak (notes quote the page they belong to)."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tools").rglob("*.yml"))]
    for path in sorted((ROOT / "cases").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for block in ("facilitator", "trainer_notes"):
            text = re.sub(rf"(?ms)^{block}:.*?(?=^\S)", "", text)
        parts.append(text)
    return re.sub(r"\s+", "", "".join(parts))


def probes() -> list[str]:
    """From each long note, the first run of 14 characters that the public sources do not hold."""
    public = public_text()
    found = []
    for text in note_texts():
        flat = re.sub(r"\s+", "", text)
        if len(HAN.findall(flat)) < 20:
            continue
        for start in range(0, len(flat) - 14, 7):
            window = flat[start : start + 14]
            if len(HAN.findall(window)) >= 10 and window not in public:
                found.append(window)
                break
    return found


def site_text(path: Path) -> str:
    """A built file's text as a reader (or the search) would see it: JSON escapes decoded, the
    word separators of the Chinese search index and white space removed."""
    text = path.read_bytes().decode("utf-8", errors="ignore")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"[\s\u200b]+", "", text)


def test_the_course_has_notes_for_every_chapter_and_every_case() -> None:
    assert {cid for cid, _ in CATALOGUE.chapter_notes} == {cid for cid, _ in CATALOGUE.chapters}
    assert all(case.facilitator for case in CATALOGUE.cases)
    for case in CATALOGUE.cases:  # the first answer is the opening's decision
        first = case.facilitator.answers[0].question
        common = SequenceMatcher(None, first, case.opening.decision).find_longest_match()
        assert common.size >= 6, (case.id, first)


def test_a_participant_site_holds_no_note_anywhere(built_site: Path) -> None:
    wanted = probes()
    assert len(wanted) >= len(CATALOGUE.cases)  # the test has notes to look for
    leaks = []
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml", ".css", ".yml", ".txt", ".csv"}:
            text = site_text(path)
            leaks += [(path.relative_to(built_site).as_posix(), probe) for probe in wanted if probe in text]
    assert leaks == []
    assert not list(built_site.rglob("*.notes.yml"))
    assert "培训师备注" not in site_text(built_site / "course" / "ch01.html")


@pytest.fixture(scope="module")
def trainer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("trainer") / "site"
    env = {**os.environ, "COURSE_AUDIENCE": "trainer", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_trainer_site_shows_each_chapters_and_cases_notes_on_its_page(trainer_site: Path) -> None:
    for chapter_id, notes in CATALOGUE.chapter_notes:
        page = site_text(trainer_site / "course" / f"{chapter_id}.html")
        assert "培训师备注" in page and re.sub(r"\s+", "", notes.debrief)[:14] in page, chapter_id
    for case in CATALOGUE.cases:
        page = site_text(trainer_site / "cases" / f"{case.id}.html")
        first = re.sub(r"\s+", "", case.facilitator.answers[0].answer)[:14]
        assert first in page, case.id
    meta = re.findall(
        r'<meta name="tp-site" content="([^"]+)">', (trainer_site / "index.html").read_text(encoding="utf-8")
    )
    assert meta == ["touchpoint-marketing-trainer"]


def test_an_unknown_audience_stops_the_build(tmp_path: Path) -> None:
    env = {**os.environ, "COURSE_AUDIENCE": "student", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode != 0 and "AUDIENCE 应为 participant 或 trainer" in result.stdout + result.stderr
