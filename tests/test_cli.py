"""`course check` and `mkdocs build` report data errors the same way, with no traceback."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .conftest import BIN, FIXTURES, build_site, copy_project


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "course"), "--root", str(root), "check"], capture_output=True, text=True, check=False
    )


def test_check_passes_on_valid_data(project: Path) -> None:
    result = run_check(project)
    assert result.returncode == 0
    assert "数据检查通过" in result.stdout


def test_check_lists_every_error_and_exits_non_zero(project: Path) -> None:
    for name in ("bad-emotion", "unknown-field"):
        shutil.copy(FIXTURES / "invalid" / f"{name}.yml", project / "cases")
    result = run_check(project)
    assert result.returncode == 1
    assert "cases/bad-emotion.yml:24:" in result.stderr
    assert "cases/unknown-field.yml:10:1: headlin: 未知字段" in result.stderr
    assert "课程数据有 3 处错误" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_build_stops_on_a_data_error_with_the_same_messages(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    case = root / "cases" / "ritz-carlton.yml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("industry: 酒店", "industry: 酒店\nindustri: 酒店"), encoding="utf-8"
    )
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "cases/ritz-carlton.yml:" in output and "industri: 未知字段" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()  # nothing half-built is published


def test_undefined_variable_in_a_page_fails_the_strict_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    page = root / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_variable }}\n", encoding="utf-8")
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "no_such_variable" in result.stdout + result.stderr


def test_adding_a_case_file_adds_its_page_nav_entry_and_card(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    shutil.copy(FIXTURES / "project" / "cases" / "mini.yml", root / "cases" / "mini.yml")
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "cases" / "mini.html").read_text(encoding="utf-8")
    assert "示例酒店" in page
    library = (tmp_path / "site" / "cases" / "index.html").read_text(encoding="utf-8")
    assert 'href="mini.html"' in library  # the card and the nav entry
    assert library.count('href="mini.html"') >= 2
