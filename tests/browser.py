"""Playwright helpers: Debian's chromium, a local HTTP server, a page that fails on any console
error, page error or request that leaves the site, and Material's search box used as a person
would."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import Browser, Page, Playwright, expect

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def launch(playwright: Playwright) -> Browser:
    """Debian's chromium (``playwright install`` cannot download browsers here)."""
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is missing: apt-get install -y chromium (make test does this as root)"
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port (quietly, or with ``handler_class``); yield the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Watched:
    """A page plus everything it did wrong: console errors, page errors, off-site requests."""

    def __init__(self, page: Page, site_prefix: str):
        self.page = page
        self.site = site_prefix
        self.confirmed: list[str] = []  # confirmations a fixture accepted, if it accepts any
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", lambda r: self._request(r.url, site_prefix))

    def _request(self, url: str, site_prefix: str) -> None:
        if not url.startswith((site_prefix, "data:", "blob:", "about:")):
            self.problems.append(f"off-site request: {url}")

    def assert_clean(self) -> None:
        """Fail the test if the page logged an error or reached outside the site."""
        assert self.problems == [], "\n".join(self.problems)


SEARCH_PLACEHOLDER = "键入以开始搜索"  # Material's zh text while the search box is empty


def search(page: Page, site: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box as a person would; return the result list's
    links relative to ``site`` (``page.html`` for a page, ``page.html#section`` for a section),
    in the order shown, once the list shows this query's results.

    The box is emptied first and the empty list awaited, so results of an earlier query are never
    read as this one's. Chinese is entered through an input method, which ends with key events;
    ``fill`` alone sends none, so a key press follows it.
    """
    box = page.locator("input.md-search__input")
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible() and not page.locator("#__search").is_checked():
        toggle.click()  # phones show a search icon that opens the search panel
    expect(box).to_be_in_viewport()
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    expect(meta).to_have_text(SEARCH_PLACEHOLDER)  # also waits for the search worker to be ready
    box.fill(query)
    box.press("End")
    expect(meta).not_to_have_text(SEARCH_PLACEHOLDER)
    hrefs: list[str] = page.locator(".md-search-result__list a").evaluate_all("links => links.map(a => a.href)")
    links = []
    for href in hrefs:
        assert href.startswith(site), f"a search result outside the site: {href}"
        path, _, fragment = href[len(site) :].partition("#")
        links.append(path.split("?")[0] + (f"#{unquote(fragment)}" if fragment else ""))
    return links


@contextmanager
def watched_page(browser: Browser, viewport: dict[str, int], site: str) -> Iterator[Watched]:
    """A page of a fresh context at ``viewport``; after the test, it must be clean."""
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(page, site)
    try:
        yield watched
        watched.assert_clean()
    finally:
        context.close()
