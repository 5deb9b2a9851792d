"""Copy third-party browser files from ``node_modules`` into the docs (never from a CDN).

The files are installed from the npm registry at the versions pinned in ``package-lock.json``
(``npm ci``, run by the make targets) and copied only when changed; the copies are git-ignored.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .problems import DataError, Problem

# node_modules path → docs-relative path
VENDOR_FILES = {
    "iframe-worker/shim/index.js": "javascripts/vendor/iframe-worker-shim.js",
    # The package's own minified UMD build (a classic script); scale-charts.js loads it on demand.
    "chart.js/dist/chart.umd.min.js": "javascripts/vendor/chart.umd.js",
}


def copy_vendor_files(root: Path, docs_dir: Path) -> list[str]:
    """Copy each vendor file whose content changed; a missing package is a clear error."""
    copied, problems = [], []
    for source, target in VENDOR_FILES.items():
        origin = root / "node_modules" / source
        destination = docs_dir / target
        if not origin.is_file():
            problems.append(
                Problem("package.json", 1, 1, "", f"缺少 node_modules/{source}；请先运行 npm ci(make build 会自动运行)")
            )
            continue
        if destination.is_file() and destination.read_bytes() == origin.read_bytes():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, destination)
        copied.append(target)
    if problems:
        raise DataError(problems)
    return copied
