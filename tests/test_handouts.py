"""Handouts in the build: `course handouts` prints a curriculum's workbook and trainer guide to PDF
with headless Chromium, no network service; the fonts are embedded and the Chinese text can be
extracted; the workbook holds every worksheet and scale of the curriculum and no trainer note."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue

from .conftest import BIN, ROOT

CATALOGUE = load_catalogue(ROOT)
CURRICULUM = CATALOGUE.curriculum("executive-1day")
pytestmark = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils (make test installs them)")


def build(tmp: Path, audience: str) -> Path:
    site = tmp / f"site-{audience}"
    env = {**os.environ, "COURSE_CURRICULUM": CURRICULUM.id, "COURSE_AUDIENCE": audience, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("handouts")
    out = tmp / "pdf"
    for audience in ("participant", "trainer"):
        result = subprocess.run(
            [
                str(BIN / "course"),
                "handouts",
                "--site",
                str(build(tmp, audience)),
                "--out",
                str(out),
                "--name",
                CURRICULUM.id,
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return {"workbook": out / f"{CURRICULUM.id}-workbook.pdf", "trainer": out / f"{CURRICULUM.id}-trainer-guide.pdf"}


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def test_the_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    for pdf in pdfs.values():
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[
            2:
        ]
        assert rows, pdf
        assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column


def test_the_workbook_holds_the_cover_agenda_every_worksheet_and_scale_blank(pdfs: dict[str, Path]) -> None:
    text = re.sub(r"\s+", "", text_of(pdfs["workbook"]))
    assert "学员手册" in text and CURRICULUM.title in text
    for _, session in CURRICULUM.sessions():
        assert session.title in text
    for sheet in CURRICULUM.selected("worksheets"):
        assert f"工具：{CATALOGUE.worksheet(sheet).title}" in text
    for scale in CURRICULUM.selected("scales"):
        assert re.sub(r"\s+", "", f"量表：{CATALOGUE.scale(scale).title}") in text
    # each section starts a page: cover, agenda, the worksheets, the scales
    assert pages_of(pdfs["workbook"]) >= 2 + len(CURRICULUM.selected("worksheets")) + len(CURRICULUM.selected("scales"))
    assert "培训师手册" not in text and "怎样组织讨论" not in text  # no facilitator note


def test_the_trainer_guide_holds_the_agenda_notes_and_keys(pdfs: dict[str, Path]) -> None:
    text = re.sub(r"\s+", "", text_of(pdfs["trainer"]))
    assert "培训师手册" in text and "授课方式比例" in text and "量表计分方法" in text
    for case_id in CURRICULUM.selected("cases"):
        case = CATALOGUE.case(case_id)
        assert f"案例：{case.company.zh}" in text
        if case.facilitator:
            first = re.sub(r"^\d+\.\s*", "", case.facilitator.debrief.strip())  # the point, not its number
            assert re.sub(r"\s+", "", first)[:12] in text, case_id
