"""Shared fixtures: paths, a throw-away copy of the fixture project, the built real site, a browser
and a strictly watched page on the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .browser import DESKTOP, PHONE, Watched, launch, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of ``tests/fixtures/project`` (one chapter, one valid case) to modify freely."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "project", target)
    return target


def build_site(config: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a MkDocs build of ``config`` into ``site_dir`` (``--strict`` unless told otherwise)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    flags = ["--strict"] if strict else []
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", *flags, "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def copy_project(target: Path) -> Path:
    """A buildable copy of the real project in ``target``."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("docs", "cases", "tools", "macros", "curricula"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, shared by every browser test."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def file_url(built_site: Path) -> str:
    """The built site opened from disk, as from a USB stick: ``file:///…/site/``."""
    return built_site.as_uri() + "/"


@pytest.fixture(params=["http", "file"])
def site(request: pytest.FixtureRequest, base_url: str, built_site: Path) -> str:
    """The built site's address, over HTTP and opened from disk (each test runs with both)."""
    return base_url if request.param == "http" else built_site.as_uri() + "/"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh phone-sized browser context that accepts downloads."""
    ctx = browser.new_context(viewport=PHONE, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture(params=[("http", DESKTOP), ("file", PHONE)], ids=["http-desktop", "file-phone"])
def visit(request: pytest.FixtureRequest, browser: Browser, base_url: str, file_url: str) -> Iterator[Watched]:
    """A page in a fresh browser context, watched strictly; ``visit.site`` is the site's address.

    Each test runs twice: over HTTP at desktop size and from disk (``file://``) at phone size. The
    address changes what the scripts may do (storage, workers, downloads from disk), the viewport
    only the layout, so the two pairs cover both at the cost of two runs, not four. The site's own
    confirmations (clear answers, delete answers of another version) are accepted and recorded in
    ``visit.confirmed``; any other dialog fails the test.
    """
    origin, viewport = request.param
    site = base_url if origin == "http" else file_url
    context = browser.new_context(viewport=viewport, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(page, site)

    def on_dialog(dialog: Any) -> None:
        if dialog.type == "confirm" and dialog.message.startswith(("确定清除", "确定删除", "确定用")):
            watched.confirmed.append(dialog.message)
            dialog.accept()
        else:
            watched.problems.append(f"unexpected dialog: {dialog.type} {dialog.message}")
            dialog.dismiss()

    page.on("dialog", on_dialog)
    yield watched
    watched.assert_clean()
    context.close()
