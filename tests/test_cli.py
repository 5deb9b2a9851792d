"""`course check` and `mkdocs build` report data errors the same way, with no traceback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
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
    assert "cases/bad-emotion.yml:26:" in result.stderr  # the emotion line
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


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(predicate: Callable[[], bool], seconds: float = 40) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_keeps_every_page_in_place_while_data_is_broken_and_rebuilds_once_per_save(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    page_url = base + "cases/starbucks.html"
    case = root / "cases" / "starbucks.yml"
    good = case.read_text(encoding="utf-8")

    def builds() -> int:
        return log_path.read_text(encoding="utf-8").count("Building documentation")

    try:
        assert wait_for(lambda: "星巴克" in fetch(page_url)), "the server did not start"
        assert builds() == 1
        case.write_text(good.replace("industry: 餐饮", "industry: 餐饮\nindustri: 餐饮"), encoding="utf-8")
        assert wait_for(lambda: "本页暂时无法生成" in fetch(page_url)), "the case page lost its place"
        page = fetch(page_url)
        assert "cases/starbucks.yml:" in page and "industri" in page and "本页的数据文件" in page
        assert "livereload" in page  # the dev server's reload script: the page comes back by itself
        assert 'href="starbucks.html"' in fetch(base + "cases/index.html")  # still in the nav
        home = fetch(base + "index.html")
        assert "?" not in home.split("md-content")[1].split("</article>")[0]
        assert f"{len(list((root / 'cases').glob('*.yml')))} 个全球企业案例" in home  # the number of case files
        assert server.poll() is None, "the server stopped"
        time.sleep(3)  # a second rebuild (a build writing into docs/) would have started by now
        assert builds() == 2, "one save must be one rebuild"
        case.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "星巴克" in fetch(page_url) and "本页暂时无法生成" not in fetch(page_url))
        time.sleep(3)
        assert builds() == 3, "one save must be one rebuild"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    output = log_path.read_text(encoding="utf-8")
    assert "industri: 未知字段" in output
    assert "Traceback" not in output
    assert "not included in the" not in output  # no page goes missing from the nav
    assert not list((root / "docs" / "cases").glob("*.md")), "nothing is written into docs/"


def test_a_plain_build_is_strict_a_failing_macro_stops_it(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    page = root / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ scale("no-such-scale") }}\n', encoding="utf-8")
    result = build_site(root / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "no-such-scale" in result.stdout + result.stderr


def test_a_build_writes_nothing_into_the_project(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")

    def tree() -> list[str]:
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "node_modules" not in p.parts)

    before = tree()
    result = build_site(root / "mkdocs.yml", root / "site-a")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p for p in tree() if not p.startswith("site-a")] == before
    assert (root / "site-a" / "cases" / "starbucks.html").is_file()
    assert (root / "site-a" / "javascripts" / "vendor" / "chart.umd.js").is_file()


def test_a_missing_or_bad_site_id_stops_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_id: touchpoint-marketing", "site_id: My Course"))
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml:1:1: extra.site_id:" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
