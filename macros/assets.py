"""Our own browser files as shipped: minified by esbuild (npm, pinned in package-lock.json).

The sources in ``docs/javascripts`` and ``docs/stylesheets`` stay readable (Node's tests load
them as they are); the build hands MkDocs minified copies in memory, under the same names.
esbuild only removes whitespace, comments and long local names (no bundling, no syntax
lowering), so a minified script behaves as its source.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .problems import DataError, Problem

SOURCES = ("javascripts", "stylesheets")
ESBUILD = Path("node_modules") / ".bin" / "esbuild"


def minified_files(root: Path, docs_dir: Path) -> dict[str, bytes]:
    """Docs-relative path → minified content, for every ``.js`` and ``.css`` file we wrote."""
    sources = sorted(
        path
        for folder in SOURCES
        for path in (docs_dir / folder).glob("*")
        if path.is_file() and path.suffix in {".js", ".css"}
    )
    if not sources:
        return {}
    esbuild = root / ESBUILD
    if not esbuild.is_file():
        message = "缺少 node_modules/.bin/esbuild；请先运行 npm ci（make 会自动运行）"
        raise DataError([Problem("package.json", 1, 1, "", message)])
    with tempfile.TemporaryDirectory(prefix="tp-assets-") as out:
        command = [str(esbuild), *map(str, sources), "--minify", "--charset=utf8", f"--outdir={out}"]
        command += [f"--outbase={docs_dir}", "--log-level=error"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise DataError([Problem("docs/javascripts", 1, 1, "", f"esbuild 无法压缩脚本：{result.stderr.strip()}")])
        shipped = {}
        for path in sources:
            relative = path.relative_to(docs_dir)
            shipped[relative.as_posix()] = (Path(out) / relative).read_bytes()
        return shipped
