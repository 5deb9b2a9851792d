"""What every data folder gets from the loader: ids from file names, no duplicates, no empty
folder, and numbers that are finite, whatever the YAML holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.problems import DataError

CHAPTER = "---\ntitle: 第二章\nnumber: {number}\nlabel: 第2章\npoints: [一点]\ntheory: 某理论\n---\n\n正文\n"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(problem) for problem in caught.value.problems]


def test_a_chapter_file_name_must_be_an_id(project: Path) -> None:
    (project / "docs" / "course" / "Ch 2.md").write_text(CHAPTER.format(number=2), encoding="utf-8")
    [line] = problems_of(project)
    assert line.startswith("docs/course/Ch 2.md:1:1: ") and "不能用作 id" in line


def test_two_chapters_with_one_number_are_an_error(project: Path) -> None:
    (project / "docs" / "course" / "ch02.md").write_text(CHAPTER.format(number=1), encoding="utf-8")
    [line] = problems_of(project)
    assert line.startswith("docs/course/ch02.md:3:1: number: ") and "重复" in line and "ch01.md" in line


def test_zero_chapters_is_an_error(project: Path) -> None:
    (project / "docs" / "course" / "ch01.md").unlink()
    found = problems_of(project)
    assert any(line.startswith("docs/course:1:1: 没有找到任何章节") for line in found), found


def test_zero_scales_is_an_error(project: Path) -> None:
    (project / "tools" / "scales" / "mini-scale.yml").unlink()
    [line] = problems_of(project)
    assert line == "tools/scales:1:1: 没有找到任何量表文件 (*.yml)；至少需要一个量表 (no scales found)"


def test_a_broken_file_does_not_hide_the_errors_of_the_others(project: Path) -> None:
    (project / "cases" / "word.yml").write_bytes("id: word\nsummary: 从 Word 复制\x0b的文字\n".encode())
    (project / "cases" / "alias.yml").write_text("id: &x alias\ncompany: *x\n", encoding="utf-8")
    page = project / "docs" / "course" / "ch01.md"
    page.write_text(page.read_text(encoding="utf-8").replace("number: 1", "number: .inf", 1), encoding="utf-8")
    found = problems_of(project)
    assert any(line.startswith("cases/word.yml:2:") and "U+000B" in line for line in found), found
    assert any(line.startswith("cases/alias.yml:2:10: ") and "别名" in line for line in found), found
    assert any(line.startswith("docs/course/ch01.md:") and "number" in line for line in found), found


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1.0e+400"])
def test_non_finite_numbers_are_refused(project: Path, value: str) -> None:
    scale = project / "tools" / "scales" / "mini-scale.yml"
    scale.write_text(
        scale.read_text(encoding="utf-8").replace("{min: 3, max: 5,", f"{{min: 3, max: {value},"), encoding="utf-8"
    )
    found = problems_of(project)
    assert any(line.startswith("tools/scales/mini-scale.yml:") and "bands[1].max" in line for line in found), found
