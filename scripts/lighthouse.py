"""Lighthouse (mobile) on each kind of page, served plain and gzip-compressed.

Usage: python scripts/lighthouse.py [--runs 1] [--pages home,case] [--keep DIR] [--why]

The site is built with ``mkdocs build --strict`` into a temporary folder and served twice on
127.0.0.1:

* **plain** — ``python -m http.server``: no compression (the slowest host a trainer might use);
* **gzip** — a small server in this script that gzips text responses when the browser accepts
  it, as any web host does.

Lighthouse 13.5.0 (``npx --yes lighthouse@13.5.0``, Debian's chromium through ``CHROME_PATH``,
``--chrome-flags="--headless=new --no-sandbox"``) runs its default mobile profile (a mid-range
phone on a throttled 4G connection, simulated) with the performance and accessibility categories,
one page after another. With ``--runs N`` each page is measured N times and the run with the
median performance score counts. The table printed at the end gives the performance and
accessibility scores and the cumulative layout shift (CLS) per page and mode; ``--why`` lists the
audits that scored below 1 (what Lighthouse would fix first), ``--keep DIR`` keeps the JSON reports.

Targets: performance ≥ 0.95 compressed and ≥ 0.90 uncompressed, accessibility 1.00 everywhere.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.browser import serve  # noqa: E402  (the same local server as the browser tests)

BIN = Path(sys.executable).parent
LIGHTHOUSE = "lighthouse@13.5.0"
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
PAGES = {
    "home": "index.html",
    "chapter": "course/ch01.html",
    "case": "cases/ritz-carlton.html",
    "library": "cases/index.html",
    "scale": "scales/touchpoint-priority.html",
    "group": "scales/group.html",
}
MODES = ("gzip", "plain")
TARGETS = {"gzip": 0.95, "plain": 0.90}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def build(site: Path) -> None:
    """The real site, strict, into ``site``."""
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(site)],
        cwd=REPO,
        env={**os.environ, **BUILD_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_plain(site: Path) -> Iterator[str]:
    """``python -m http.server`` on the built site (no compression)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_up(port: int) -> None:
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    sys.exit(f"the local server on port {port} did not start")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files, gzipping text ones for browsers that accept gzip (as web hosts do)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSIBLE)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(site: Path) -> Any:
    """The built site from this process, gzip-compressed (the tests' local server, this handler)."""
    return serve(site, GzipHandler)


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, performance and accessibility); its JSON report."""
    chrome = shutil.which("chromium")
    if not chrome:
        sys.exit("Debian's chromium is missing: apt-get install -y chromium fonts-noto-cjk")
    command = [
        "npx", "--yes", LIGHTHOUSE, url,
        "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=performance,accessibility",
        "--output=json", f"--output-path={report}", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, check=False
    )
    if result.returncode or not report.exists():
        sys.exit(f"lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """Scores, CLS, and the audits that scored below 1 in either category."""
    categories, audits = data["categories"], data["audits"]
    weak = []
    for category in ("performance", "accessibility"):
        for ref in categories[category]["auditRefs"]:
            audit = audits[ref["id"]]
            scored = audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
            if scored and audit.get("score") is not None and audit["score"] < 1:
                weak.append(f"{category}: {ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".rstrip())
    return {
        "performance": categories["performance"]["score"],
        "accessibility": categories["accessibility"]["score"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "weak": weak,
    }


def measure(base: str, name: str, mode: str, runs: int, out: Path) -> dict[str, Any]:
    results = []
    for run in range(runs):
        report = out / f"{name}-{mode}-{run + 1}.json"
        results.append(summary(lighthouse(base + PAGES[name], report)))
        print(f"  {name:8} {mode:5} run {run + 1}: performance {results[-1]['performance']:.2f}", file=sys.stderr)
    results.sort(key=lambda r: r["performance"])
    return results[len(results) // 2]


def table(rows: list[tuple[str, str, dict[str, Any]]]) -> str:
    lines = [
        "| page | mode | performance | accessibility | CLS | LCP (s) | TBT (ms) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, mode, r in rows:
        lines.append(
            f"| {name} ({PAGES[name]}) | {mode} | {r['performance']:.2f} | {r['accessibility']:.2f} | "
            f"{r['cls']:.3f} | {r['lcp']:.1f} | {r['tbt']:.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page and mode; the median counts")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}")
    parser.add_argument("--modes", default=",".join(MODES), help="gzip, plain or both")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--why", action="store_true", help="list the audits that scored below 1")
    args = parser.parse_args()
    names = [n for n in args.pages.split(",") if n]
    modes = [m for m in args.modes.split(",") if m]
    unknown = [n for n in names if n not in PAGES] + [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown page or mode: {', '.join(unknown)}")
    rows: list[tuple[str, str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="tp-lighthouse-") as tmp:
        site, out = Path(tmp) / "site", args.keep or Path(tmp) / "reports"
        out.mkdir(parents=True, exist_ok=True)
        build(site)
        for mode in modes:
            with (serve_gzip if mode == "gzip" else serve_plain)(site) as base:
                rows.extend((name, mode, measure(base, name, mode, args.runs, out)) for name in names)
    print(table(rows))
    missed = [
        f"{name} {mode}: performance {r['performance']:.2f} < {TARGETS[mode]:.2f}"
        for name, mode, r in rows
        if r["performance"] < TARGETS[mode]
    ] + [f"{name} {mode}: accessibility {r['accessibility']:.2f}" for name, mode, r in rows if r["accessibility"] < 1]
    if args.why:
        for name, mode, r in rows:
            for line in r["weak"]:
                print(f"{name} {mode}: {line}")
    print("all targets met" if not missed else "targets missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
