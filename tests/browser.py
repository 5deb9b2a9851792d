"""Playwright helpers: Debian's chromium, a local HTTP server, and a page that fails on any
console error, page error or request that leaves the site."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

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
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
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
