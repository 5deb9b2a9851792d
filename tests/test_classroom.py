"""`course classroom`: gzip when asked, the right types, nothing outside the folder, the QR page."""

from __future__ import annotations

import gzip
import http.client
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import classroom
from macros.classroom import GzipCache, accepts_gzip, banner, make_server, qr_page, site_urls

FILES = {
    "index.html": "<!doctype html><title>首页</title>" + "<p>触点营销课程</p>" * 400,
    "course/ch01.html": "<p>第一章</p>" * 300,
    "assets/app.js": "console.log('课');\n" * 200,
    "assets/site.css": "body { color: #111 }\n" * 200,
    "data/search.json": '{"docs": []}',
    "img/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "samples/kpi.csv": "名称,数量\nA,1\n",
    "img/photo.png": "\x89PNG fake",
    "empty/.keep": "",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return root


@pytest.fixture
def port(site: Path) -> Iterator[int]:
    server = make_server(site, "127.0.0.1", 0, urls=["http://192.168.1.23:8000/"])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Accept-Encoding": "gzip, deflate"} if gzip_ok else {"Accept-Encoding": "identity"}
    connection.request("GET", path, headers=headers)  # http.client sends the path as written
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_text_is_gzipped_when_asked_and_decompresses_to_the_file(site: Path, port: int) -> None:
    for name in ("index.html", "course/ch01.html", "assets/app.js", "assets/site.css", "data/search.json"):
        status, headers, body = get(port, "/" + name, gzip_ok=True)
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        assert headers["vary"] == "Accept-Encoding"
        assert int(headers["content-length"]) == len(body)
        assert gzip.decompress(body) == (site / name).read_bytes()
    assert len(get(port, "/index.html", gzip_ok=True)[2]) < (site / "index.html").stat().st_size / 5


def test_identity_when_gzip_is_not_accepted(site: Path, port: int) -> None:
    status, headers, body = get(port, "/index.html")
    assert status == 200
    assert "content-encoding" not in headers
    assert headers["vary"] == "Accept-Encoding"  # a cache must not hand this to a gzip client, or back
    assert body == (site / "index.html").read_bytes()


def test_images_are_never_recompressed(port: int) -> None:
    status, headers, _ = get(port, "/img/photo.png", gzip_ok=True)
    assert status == 200
    assert "content-encoding" not in headers
    assert headers["content-type"] == "image/png"


def test_a_folder_serves_its_index_page(site: Path, port: int) -> None:
    assert get(port, "/")[2] == (site / "index.html").read_bytes()
    status, headers, _ = get(port, "/course")
    assert status == 301 and headers["location"] == "/course/"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/index.html", "text/html; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/data/search.json", "application/json; charset=utf-8"),
        ("/img/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/samples/kpi.csv", "text/csv; charset=utf-8"),
    ],
)
def test_types(port: int, path: str, content_type: str) -> None:
    assert get(port, path)[1]["content-type"] == content_type


@pytest.mark.parametrize(
    "path",
    ["/../secret.txt", "/%2e%2e/secret.txt", "/course/../../secret.txt", "/..%2fsecret.txt", "/..\\secret.txt"],
)
def test_nothing_outside_the_folder(port: int, path: str) -> None:
    status, _, body = get(port, path)
    assert status == 404
    assert b"outside" not in body


def test_missing_files_and_folders_without_an_index_are_404_never_a_listing(port: int) -> None:
    assert get(port, "/no-such-page.html")[0] == 404
    status, _, body = get(port, "/empty/")
    assert status == 404
    assert b".keep" not in body
    assert get(port, "/assets/")[0] == 404


def test_a_file_is_compressed_once_per_version(site: Path) -> None:
    cache = GzipCache()
    path = site / "index.html"
    reads: list[int] = []

    def read() -> bytes:
        reads.append(1)
        return path.read_bytes()

    first = cache.get(path, read)
    assert cache.get(path, read) is first
    assert len(reads) == 1
    path.write_text("新的内容" * 50, encoding="utf-8")
    assert gzip.decompress(cache.get(path, read)) == path.read_bytes()
    assert len(reads) == 2 and len(cache.entries) == 1  # the old version is dropped


def test_accept_encoding_parsing() -> None:
    assert accepts_gzip("gzip, deflate, br")
    assert accepts_gzip("br;q=1.0, gzip;q=0.8")
    assert accepts_gzip("*")
    assert not accepts_gzip("gzip;q=0")
    assert not accepts_gzip("identity")
    assert not accepts_gzip(None)


def test_the_qr_page_shows_the_address_and_an_inline_svg(port: int) -> None:
    status, headers, body = get(port, "/__classroom/")
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert '<p class="tp-classroom__url">http://192.168.1.23:8000/</p>' in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<title>http://192.168.1.23:8000/</title>" in svg  # segno cannot decode; its title names it
    assert "<path" in svg
    assert "http://" not in page.replace("http://192.168.1.23:8000/", "").replace("http://www.w3.org/2000/svg", "")
    assert "没有连上网络" not in page


def test_the_qr_page_says_what_to_do_when_not_on_a_network() -> None:
    page = qr_page(["http://127.0.0.1:8000/"]).decode("utf-8")
    assert "这台电脑没有连上网络" in page and "手机热点" in page


def test_the_banner_names_every_address() -> None:
    urls = site_urls("0.0.0.0", 8000, ["192.168.1.23", "10.0.0.5"])
    assert urls == ["http://192.168.1.23:8000/", "http://10.0.0.5:8000/"]
    text = banner(urls, "0.0.0.0")
    assert "http://192.168.1.23:8000/" in text and "http://10.0.0.5:8000/" in text
    assert "http://192.168.1.23:8000/__classroom/" in text
    assert "只有 127.0.0.1" in banner(site_urls("0.0.0.0", 8000, []), "0.0.0.0")


def test_lan_addresses_are_never_loopback() -> None:
    assert all(not address.startswith("127.") for address in classroom.lan_addresses())


def test_run_prints_the_address_and_a_qr_code(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classroom, "lan_addresses", lambda: ["192.168.1.23"])
    monkeypatch.setattr(classroom.http.server.ThreadingHTTPServer, "serve_forever", _interrupt)
    out = io.StringIO()
    assert classroom.run(site, "127.0.0.1", 0, out=out) == 0
    text = out.getvalue()
    assert "http://127.0.0.1:" in text  # listening on one host names that host
    assert "█" in text  # the QR code, drawn in the terminal
    assert "课堂服务器已停止" in text


def test_run_refuses_a_folder_without_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert classroom.run(tmp_path / "site", "127.0.0.1", 0) == 1
    assert "请先运行 make build" in capsys.readouterr().err


def _interrupt(self: object, poll_interval: float = 0.5) -> None:
    raise KeyboardInterrupt
