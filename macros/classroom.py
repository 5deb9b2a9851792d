"""Serve the built site to the phones in a classroom: ``course classroom`` / ``make classroom``.

A page is ~750 KB as built and ~165 KB gzipped; on a shared hotel Wi-Fi that difference is what
the room feels, so text is sent gzipped (compressed once per file version and kept in memory).
The laptop's address on the room's network is only known in the room, so the QR code that
carries it is made here, locally (segno), printed in the terminal and shown on ``/__classroom/``.

Only the standard library's threaded HTTP server is used: no listings, no writes, nothing outside
the site folder.
"""

from __future__ import annotations

import gzip
import http.server
import io
import ipaddress
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

import segno
from markupsafe import Markup

from .render import render

QR_PAGE = "/__classroom/"
# Text is worth compressing; images and fonts are compressed already.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".map": "application/json; charset=utf-8",
}
COMPRESSIBLE = frozenset(MIME_TYPES)
BINARY_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
# Private ranges to "connect" a UDP socket to: the kernel picks the interface that would reach
# each one, which names the laptop's address on that network. No packet is sent.
PROBES = ("10.255.255.255", "172.16.255.255", "192.168.255.255", "192.0.2.1")


def mime_type(path: Path) -> str:
    """The Content-Type for a file, by its suffix."""
    suffix = path.suffix.lower()
    return MIME_TYPES.get(suffix) or BINARY_TYPES.get(suffix, "application/octet-stream")


def accepts_gzip(header: str | None) -> bool:
    """Whether an ``Accept-Encoding`` header accepts gzip (``gzip;q=0`` refuses it)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


@dataclass
class GzipCache:
    """Compressed bytes per file, keyed by path, mtime and size: each version is compressed once."""

    entries: dict[tuple[str, int, int], bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, path: Path, read: Callable[[], bytes]) -> bytes:
        """The gzipped content of ``path``; ``read`` supplies the raw bytes when not cached."""
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self.lock:
            cached = self.entries.get(key)
        if cached is None:
            cached = gzip.compress(read(), compresslevel=6, mtime=0)
            with self.lock:
                for old in [k for k in self.entries if k[0] == key[0]]:
                    del self.entries[old]  # an older version of the same file
                self.entries[key] = cached
        return cached


def lan_addresses() -> list[str]:
    """Every non-loopback IPv4 address of this computer that a phone could reach (may be empty)."""
    found: set[str] = set()
    for target in PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((target, 9))  # UDP connect sends nothing; it only picks a route
                found.add(probe.getsockname()[0])
            except OSError:
                continue
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    usable = [ipaddress.ip_address(a) for a in found]
    usable = [a for a in usable if not a.is_loopback and not a.is_unspecified]
    # private (home, office, hotel) networks first: that is where the phones are
    return [str(a) for a in sorted(usable, key=lambda a: (not a.is_private, a))]


def site_urls(host: str, port: int, addresses: list[str]) -> list[str]:
    """The addresses to hand out: the LAN ones when listening on all interfaces, else the host."""
    suffix = "" if port == 80 else f":{port}"
    if host in ("0.0.0.0", ""):
        return [f"http://{address}{suffix}/" for address in addresses]
    return [f"http://{host}{suffix}/"]


def qr_svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG (made locally; error correction M)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, title=url, svgclass="tp-classroom__qr")
    return Markup(svg)


def qr_terminal(url: str) -> str:
    """The QR code of ``url`` drawn with half blocks, for the terminal."""
    buffer = io.StringIO()
    segno.make(url, error="m", micro=False).terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue()


def banner(urls: list[str], host: str) -> str:
    """What the terminal shows when the server starts: the address(es) and what to do."""
    lines = ["", "课堂服务器已启动（按 Ctrl+C 停止）。"]
    if not urls:
        lines += [
            "没有找到局域网地址：这台电脑现在只有 127.0.0.1，手机无法访问。",
            "请连上教室的 Wi-Fi，或打开手机热点并让电脑连上它，然后重新运行 make classroom。",
            "本机仍可打开 http://127.0.0.1:<端口>/ 。",
        ]
        return "\n".join(lines)
    if host in ("127.0.0.1", "localhost"):
        lines.append("注意：只在本机监听（--host 127.0.0.1），手机无法访问；去掉 --host 即可对教室开放。")
    if len(urls) == 1:
        lines.append("请学员的手机连上同一个 Wi-Fi，然后打开：")
    else:
        lines.append("本机有多个网络地址，请用学员手机所在网络的那个：")
    lines += [f"    {url}" for url in urls]
    lines.append(f"投影这个页面可以显示地址和二维码：{urls[0].rstrip('/')}{QR_PAGE}")
    return "\n".join(lines)


def qr_page(urls: list[str]) -> bytes:
    """The Chinese page at ``/__classroom/``: each address in large type with its QR code."""
    entries = [{"url": url, "svg": qr_svg(url)} for url in urls]
    offline = all(urlsplit(url).hostname in ("127.0.0.1", "localhost") for url in urls)
    return render("classroom.html.j2", entries=entries, offline=offline).encode("utf-8")


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for files under ``root``; gzip for text when asked; never a listing."""

    server_version = "TouchpointClassroom/1"

    def __init__(self, *args: Any, root: Path, cache: GzipCache, urls: list[str], **kwargs: Any) -> None:
        self.root = root
        self.cache = cache
        self.urls = urls
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        """Send a file, the QR page, a redirect or a 404."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        """The headers GET would send."""
        self._respond(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a room of phones would flood the terminal."""

    def _respond(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == QR_PAGE:
            self._send(qr_page(self.urls), ".html", send_body)
            return
        target = self._resolve(path)
        if target is None:
            self._send_error(404, send_body)
            return
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
            if not target.is_file():  # no directory listings
                self._send_error(404, send_body)
                return
        self._send_file(target, send_body)

    def _resolve(self, path: str) -> Path | None:
        """The file or folder under root that ``path`` names, or None (missing, or outside root)."""
        if "\x00" in path or "\\" in path:
            return None
        candidate = (self.root / path.lstrip("/")).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.exists():
            return None
        return candidate

    def _send_file(self, target: Path, send_body: bool) -> None:
        suffix = target.suffix.lower()
        if suffix in COMPRESSIBLE and accepts_gzip(self.headers.get("Accept-Encoding")):
            body = self.cache.get(target, target.read_bytes)
            self._send(body, suffix, send_body, encoding="gzip")
        else:
            self._send(target.read_bytes(), suffix, send_body)

    def _send(self, body: bytes, suffix: str, send_body: bool, encoding: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", mime_type(Path("x" + suffix)))
        self.send_header("Content-Length", str(len(body)))
        if suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Cache-Control", "no-cache")  # a trainer's rebuild shows on the next load
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_error(self, status: int, send_body: bool) -> None:
        body = "<!doctype html><meta charset=utf-8><title>404</title><p>没有这个页面 (404)。</p>".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def make_server(root: Path, host: str, port: int, urls: list[str] | None = None) -> http.server.ThreadingHTTPServer:
    """A threaded server for ``root`` (not yet serving); ``urls`` are shown on the QR page."""
    handler = partial(SiteHandler, root=root.resolve(), cache=GzipCache(), urls=list(urls or []))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def run(root: Path, host: str, port: int, out: TextIO = sys.stdout) -> int:
    """Serve ``root`` until Ctrl+C; print the addresses and QR codes first. Returns an exit code."""
    if not (root / "index.html").is_file():
        message = f"没有找到已生成的网站：{root}/index.html 不存在。请先运行 make build。"
        print(message, file=sys.stderr)
        return 1
    try:
        server = make_server(root, host, port)
    except OSError as error:
        reason = error.strerror or error
        print(f"无法在 {host}:{port} 上启动：{reason}。端口可能已被占用，请换一个，例如 --port 8001", file=sys.stderr)
        return 1
    actual_port = int(server.server_address[1])
    urls = site_urls(host, actual_port, lan_addresses())
    handler = server.RequestHandlerClass
    assert isinstance(handler, partial)
    handler.keywords["urls"][:] = urls or [f"http://127.0.0.1:{actual_port}/"]
    print(banner(urls, host).replace("<端口>", str(actual_port)), file=out)
    for url in urls:
        print(f"\n{url}\n{qr_terminal(url)}", file=out)
    out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\n课堂服务器已停止。", file=out)
    finally:
        server.server_close()
    return 0
