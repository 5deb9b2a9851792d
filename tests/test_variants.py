"""One command per variant: a curriculum's site holds only what the curriculum selects, in its
order, with an agenda page and no dead link, in its own folder with its own storage key; the
default build stays the full course."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue

from .conftest import BIN, ROOT, copy_project

CATALOGUE = load_catalogue(ROOT)
ONE_DAY = CATALOGUE.curriculum("executive-1day")


def build_variant(curriculum: str, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COURSE_CURRICULUM": curriculum, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def one_day(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("variant") / "site"
    result = build_variant("executive-1day", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def dead_links(site: Path) -> list[tuple[str, str]]:
    dead = []
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if "://" in href or href.startswith(("/", "mailto:", "data:")):
                continue
            if not (site / posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))).exists():
                dead.append((rel, href))
    return dead


def test_the_site_holds_only_the_curriculums_chapters_cases_scales_and_worksheets(one_day: Path) -> None:
    chapters = {p.stem for p in (one_day / "course").glob("*.html")} - {"index"}
    assert chapters == set(ONE_DAY.selected("chapters"))
    assert {p.stem for p in (one_day / "cases").glob("*.html")} - {"index"} == set(ONE_DAY.selected("cases"))
    assert {p.stem for p in (one_day / "scales").glob("*.html")} - {"index", "group"} == set(ONE_DAY.selected("scales"))
    assert {p.stem for p in (one_day / "tools").glob("*.html")} - {"index"} == set(ONE_DAY.selected("worksheets"))
    assert len(chapters) < len(CATALOGUE.chapters)  # the curriculum leaves chapters out


def test_the_nav_follows_the_curriculums_order_and_the_agenda_comes_first(one_day: Path) -> None:
    html = (one_day / "course" / "index.html").read_text(encoding="utf-8")
    nav = html.split("md-nav--primary", 1)[1]
    order = re.findall(r'href="(intro|ch\d\d|summary)\.html"', nav)
    assert list(dict.fromkeys(order)) == ONE_DAY.selected("chapters")
    home = (one_day / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'<a href="([^"]+)" class="md-tabs__link', home)
    assert tabs[:2] == ["index.html", "agenda.html"]


def test_the_agenda_lists_each_session_at_its_time_and_the_method_mix(one_day: Path) -> None:
    html = (one_day / "agenda.html").read_text(encoding="utf-8")
    sessions = re.findall(
        r'<time class="tp-agenda__time">([^<]+)</time> <strong class="tp-agenda__title">([^<]+)</strong>', html
    )
    assert sessions == [(f"{s.start}–{s.end}", s.title) for _, s in ONE_DAY.sessions()]
    cells = r'<td class="tp-num">(\d+)</td><td class="tp-num">([\d.]+)%</td><td class="tp-num">(\d+)%</td>'
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>' + cells, html)
    mix = ONE_DAY.method_mix()
    assert rows == [
        (m, str(mix[m][0]), f"{round(mix[m][1], 1):g}", t)
        for m, t in (("案例分析", "20"), ("小组研讨", "30"), ("讲授", "40"), ("其它", "10"))
    ]


def test_no_link_leads_to_a_page_the_curriculum_left_out(one_day: Path) -> None:
    assert dead_links(one_day) == []
    # the glossary mentions a chapter that is not in this site: the name stays, the link goes
    glossary = (one_day / "glossary.html").read_text(encoding="utf-8")
    assert "第8章" in glossary and "ch08.html" not in glossary


def test_a_variant_keeps_its_answers_apart_from_the_full_course(one_day: Path, built_site: Path) -> None:
    meta = re.compile(r'<meta name="tp-site" content="([^"]+)">')
    full = meta.findall((built_site / "index.html").read_text(encoding="utf-8"))
    mine = meta.findall((one_day / "index.html").read_text(encoding="utf-8"))
    assert full == ["touchpoint-marketing"] and mine == ["touchpoint-marketing-executive-1day"]


def test_the_default_build_is_the_full_course_and_a_variant_goes_to_its_own_folder(
    built_site: Path, tmp_path: Path
) -> None:
    chapters = {c for c, _ in CATALOGUE.chapters if c.startswith("ch")}
    assert {p.stem for p in (built_site / "course").glob("ch*.html")} == chapters
    assert not (built_site / "agenda.html").exists()
    # without -d, a variant writes site-<id>/ beside mkdocs.yml, never the full course's site/
    root = copy_project(tmp_path / "p")
    env = {**os.environ, "COURSE_CURRICULUM": "executive-1day", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"], capture_output=True, text=True, env=env, cwd=root, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site-executive-1day" / "agenda.html").exists() and not (root / "site").exists()


def test_an_unknown_curriculum_stops_the_build_with_its_name(tmp_path: Path) -> None:
    result = build_variant("no-such-course", tmp_path / "site")
    assert result.returncode != 0
    assert "未知课程方案“no-such-course”" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
