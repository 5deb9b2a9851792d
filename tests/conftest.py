"""Shared fixtures: paths, a throw-away copy of the fixture project, the built real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from .browser import launch, serve

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
    for folder in ("docs", "cases", "tools", "macros"):
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
