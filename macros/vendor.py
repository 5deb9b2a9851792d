"""Third-party browser files, taken from ``node_modules`` (never from a CDN).

The files are installed from the npm registry at the versions pinned in ``package-lock.json``
(``npm ci``, run by the make targets) and handed to MkDocs in memory; nothing is copied into
``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from .problems import DataError, Problem

# node_modules path → docs-relative path
VENDOR_FILES = {
    "iframe-worker/shim/index.js": "javascripts/vendor/iframe-worker-shim.js",
    # The package's own minified UMD build (a classic script); scale-charts.js loads it on demand.
    "chart.js/dist/chart.umd.min.js": "javascripts/vendor/chart.umd.js",
}


def vendor_files(root: Path, required: bool = True) -> dict[str, Path]:
    """Docs-relative path → installed file; a missing package is a clear error when required."""
    found, problems = {}, []
    for source, target in VENDOR_FILES.items():
        origin = root / "node_modules" / source
        if origin.is_file():
            found[target] = origin
        else:
            problems.append(
                Problem("package.json", 1, 1, "", f"缺少 node_modules/{source}；请先运行 npm ci(make build 会自动运行)")
            )
    if problems and required:
        raise DataError(problems)
    return found
