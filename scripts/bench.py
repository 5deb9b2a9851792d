"""Benchmark the site build against a plain Material build of the same pages.

Usage: python scripts/bench.py [--sizes 100,1000] [--repeat 2] [--keep]

For each size N a temporary project is made outside the repository: a copy of ``mkdocs.yml``,
``docs/`` (with an empty ``docs/cases/``), ``macros/`` and ``tools/``, a symlink to
``node_modules``, and ``cases/`` holding N synthetic cases made by cycling through the real
``cases/*.yml`` (only ``id`` and the company names change, so every case stays valid).

Two builds are compared, both ``mkdocs build --strict`` in a child process:

* **ours** — the project as it is: the macros plugin loads and validates every case, generates
  the case pages and the library index (in memory), extends the nav and renders the macros.
  Every run does the whole job (nothing is cached between builds).
* **plain** — the same pages as ready-made Markdown built by Material without the macros
  plugin. The Markdown is captured by one untimed build of the project with a hook
  (``on_page_markdown`` runs after the plugins, so it sees the text after the macros rendered
  it); the hook also saves the expanded nav. The plain config inherits ``mkdocs.yml`` and
  replaces ``plugins`` (without ``macros``), ``hooks`` (the project's hooks live in ``macros/``),
  ``watch`` and ``nav``. The two sites are compared page by page after the runs.

Each build runs ``--repeat`` times, alternating ours and plain; the fastest wall time counts.
Peak memory is the child's maximum resident set size, read with ``os.wait4`` (the highest of
the runs). The last line of output sums it up for the largest size::

    bench cases=1000 ours_s=<s> plain_s=<s> ratio=<ours/plain> growth=<ours t(largest)/t(smallest)>
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
GENERATED = Path("docs") / "cases"
KEEP_IN_GENERATED = {".gitkeep"}
CAPTURE_CONFIG = "bench-capture.yml"
CAPTURE_HOOK = "capture_hook.py"
STDERR_TAIL = 30

HOOK_TEMPLATE = '''"""Written by scripts/bench.py: save every page's Markdown after the plugins rendered it."""

import json
from pathlib import Path

import yaml

PLAIN_DOCS = Path({plain_docs!r})
NAV_FILE = Path({nav_file!r})


def on_page_markdown(markdown, page, config, files):
    """Write the page, with its front matter put back, into the plain project."""
    target = PLAIN_DOCS / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = ""
    if page.meta:
        front = "---\\n" + yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False) + "---\\n\\n"
    target.write_text(front + markdown, encoding="utf-8")
    return markdown


def on_post_build(config):
    """Save the nav as the macros plugin extended it."""
    NAV_FILE.write_text(json.dumps(config["nav"], ensure_ascii=False, indent=1), encoding="utf-8")
'''


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


@dataclass(frozen=True)
class Run:
    """Wall time in seconds and peak RSS in MB: of one build, or the best of repeated builds."""

    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Layout:
    """The folders of one size's temporary work area."""

    root: Path

    @property
    def project(self) -> Path:
        """The temporary copy of the project (ours)."""
        return self.root / "project"

    @property
    def plain(self) -> Path:
        """The plain Material project built from the captured Markdown."""
        return self.root / "plain"

    @property
    def logs(self) -> Path:
        """stdout/stderr of every build."""
        return self.root / "logs"

    def site(self, name: str) -> Path:
        """The output folder of a build."""
        return self.root / f"site-{name}"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated numbers of cases (default 100,1000)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per build; the fastest counts (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--sizes takes comma-separated integers, got {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes needs at least one positive number")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def say(message: str) -> None:
    """Print a progress line at once."""
    print(message, flush=True)


def build_env() -> dict[str, str]:
    """The environment of every build: ours, minus MkDocs 2 warnings."""
    return {**os.environ, **BUILD_ENV}


def real_cases() -> list[dict[str, Any]]:
    """The repository's cases, parsed, in file-name order."""
    paths = sorted((REPO / "cases").glob("*.yml"))
    if not paths:
        raise BenchError(f"no cases found in {REPO / 'cases'}")
    cases = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise BenchError(f"{path} is not a mapping")
        cases.append(data)
    return cases


def synthetic_case(template: dict[str, Any], number: int) -> dict[str, Any]:
    """A copy of a real case with a numbered id and company name; everything else unchanged."""
    case = copy.deepcopy(template)
    case["id"] = f"bench-{number:04d}"
    company = dict(case.get("company") or {})
    company["zh"] = f"{company.get('zh', '案例')} {number:04d}"
    company["en"] = f"{company.get('en', 'Case')} {number:04d}"
    case["company"] = company
    return case


def write_cases(folder: Path, templates: list[dict[str, Any]], count: int) -> None:
    """Write ``count`` synthetic cases into ``folder``, cycling through the templates."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        case = synthetic_case(templates[(number - 1) % len(templates)], number)
        text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
        (folder / f"{case['id']}.yml").write_text(text, encoding="utf-8")


def ignore_generated(directory: str, names: list[str]) -> set[str]:
    """``copytree`` filter for docs/: skip generated case pages, vendor copies and caches."""
    here = Path(directory).resolve()
    skipped = {name for name in names if name == "__pycache__"}
    if here == (REPO / GENERATED).resolve():
        skipped |= {name for name in names if name not in KEEP_IN_GENERATED}
    if here == (REPO / "docs" / "javascripts").resolve():
        skipped |= {"vendor"} & set(names)
    return skipped


def make_project(layout: Layout, templates: list[dict[str, Any]], count: int) -> None:
    """Create the temporary project: config, docs, macros, tools, node_modules link, cases."""
    project = layout.project
    if not (REPO / "node_modules").is_dir():
        raise BenchError("node_modules/ is missing; run `make setup` (npm ci) first")
    project.mkdir(parents=True)
    layout.logs.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs", ignore=ignore_generated)
    (project / GENERATED).mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "tools", project / "tools")
    (project / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    write_cases(project / "cases", templates, count)


def clear_generated(project: Path) -> None:
    """Delete the generated case pages so the next build writes them all again."""
    for path in (project / GENERATED).iterdir():
        if path.is_file() and path.name not in KEEP_IN_GENERATED:
            path.unlink()


def tail(path: Path, lines: int = STDERR_TAIL) -> str:
    """The last lines of a log file."""
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def peak_mb(usage: Any) -> float:
    """``ru_maxrss`` in MB (kilobytes on Linux, bytes on macOS)."""
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return float(usage.ru_maxrss) / divisor


def run_build(name: str, cwd: Path, config: str, site: Path, logs: Path) -> Run:
    """Run ``mkdocs build --strict`` in a child process; return its wall time and peak RSS.

    ``os.wait4`` reaps exactly this child and returns its own resource usage, unlike
    ``getrusage(RUSAGE_CHILDREN)``, which is the maximum over every child so far.
    """
    if site.exists():
        shutil.rmtree(site)  # outside the timing: mkdocs would otherwise spend time cleaning it
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    out_log, err_log = logs / f"{name}.out", logs / f"{name}.err"
    with out_log.open("wb") as out, err_log.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=build_env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError(
            f"build '{name}' failed (exit {process.returncode}) in {cwd}\n"
            f"command: {' '.join(command)}\n--- last lines of stderr ---\n{tail(err_log)}"
        )
    return Run(seconds, peak_mb(usage))


def write_capture_files(layout: Layout) -> None:
    """Write the capture hook and a config that adds it after the project's own hooks.

    ``INHERIT`` replaces lists, so the child repeats the project's hooks before its own.
    """
    hook = HOOK_TEMPLATE.format(plain_docs=str(layout.plain / "docs"), nav_file=str(layout.plain / "nav.json"))
    (layout.project / CAPTURE_HOOK).write_text(hook, encoding="utf-8")
    hooks = [str(entry) for entry in project_config().get("hooks") or []]
    config = {"INHERIT": "mkdocs.yml", "hooks": [*hooks, CAPTURE_HOOK]}
    (layout.project / CAPTURE_CONFIG).write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


class _LenientLoader(yaml.SafeLoader):
    """A safe loader that reads any tag (such as ``!!python/...``) as null instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_LenientLoader.add_multi_constructor("", _ignore_tag)


def plugin_name(entry: Any) -> str:
    """The name of a ``plugins`` entry (a string, or a one-key mapping with options)."""
    if isinstance(entry, dict):
        return str(next(iter(entry)))
    return str(entry)


def project_config() -> dict[str, Any]:
    """The project's ``mkdocs.yml`` as plain data (Python tags read as null)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    if not isinstance(config, dict):
        raise BenchError("mkdocs.yml is not a mapping")
    return config


def plain_plugins() -> list[Any]:
    """The project's plugins, with their options, minus ``macros``."""
    plugins = project_config().get("plugins") or []
    return [entry for entry in plugins if plugin_name(entry) != "macros"]


def make_plain(layout: Layout) -> None:
    """Turn the captured Markdown and nav into a plain Material project that inherits mkdocs.yml.

    ``INHERIT`` merges mappings but replaces lists, so the child gives the whole ``plugins`` and
    ``nav``; relative paths (``docs_dir``, ``theme.custom_dir``) resolve against the child file.
    The project's hooks belong with the macros (``macros/``) and are left out, like ``watch``;
    :func:`compare_sites` would show it if that changed any page.
    """
    nav_file = layout.plain / "nav.json"
    if not nav_file.is_file():
        raise BenchError(f"the capture build did not write {nav_file}")
    nav = json.loads(nav_file.read_text(encoding="utf-8"))
    # css, js, vendor js and the (possibly empty) overrides folder; the Markdown is already there
    shutil.copytree(
        layout.project / "docs", layout.plain / "docs", ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True
    )
    parent = os.path.relpath(layout.project / "mkdocs.yml", layout.plain)
    config = {"INHERIT": parent, "docs_dir": "docs", "plugins": plain_plugins(), "hooks": [], "watch": []}
    config["nav"] = nav
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (layout.plain / "mkdocs.yml").write_text(text, encoding="utf-8")


def html_pages(site: Path) -> set[str]:
    """Relative paths of the HTML pages of a built site."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def compare_sites(layout: Layout) -> tuple[int, int]:
    """Both builds must make the same pages, or the comparison means nothing.

    Returns the number of pages and how many of them differ byte for byte (normally none).
    """
    ours_site, plain_site = layout.site("ours"), layout.site("plain")
    ours, plain = html_pages(ours_site), html_pages(plain_site)
    if ours != plain:
        only_ours, only_plain = sorted(ours - plain)[:5], sorted(plain - ours)[:5]
        raise BenchError(f"the builds made different pages: only ours {only_ours}, only plain {only_plain}")
    differ = sum((ours_site / page).read_bytes() != (plain_site / page).read_bytes() for page in ours)
    return len(ours), differ


def bench_size(root: Path, templates: list[dict[str, Any]], count: int, repeat: int) -> dict[str, Run]:
    """Prepare, capture and time both builds for one number of cases."""
    layout = Layout(root / f"n{count}")
    say(f"N={count}: preparing {layout.root}")
    make_project(layout, templates, count)
    write_capture_files(layout)
    layout.plain.mkdir()
    capture = run_build("capture", layout.project, CAPTURE_CONFIG, layout.site("capture"), layout.logs)
    shutil.rmtree(layout.site("capture"))
    say(f"N={count}: capture build (untimed) {capture.seconds:.2f} s")
    make_plain(layout)
    runs: dict[str, list[Run]] = {"ours": [], "plain": []}
    for attempt in range(1, repeat + 1):
        clear_generated(layout.project)
        for name, folder in (("ours", layout.project), ("plain", layout.plain)):
            runs[name].append(run_build(f"{name}-{attempt}", folder, "mkdocs.yml", layout.site(name), layout.logs))
        say(
            f"N={count}: run {attempt}/{repeat}: ours {runs['ours'][-1].seconds:.2f} s, "
            f"plain {runs['plain'][-1].seconds:.2f} s"
        )
    pages, differ = compare_sites(layout)
    say(f"N={count}: both builds made the same {pages} HTML pages; {differ} differ in content")
    return {
        name: Run(min(run.seconds for run in done), max(run.peak_mb for run in done)) for name, done in runs.items()
    }


def table(count: int, results: dict[str, Run], repeat: int) -> str:
    """The result table of one size."""
    lines = [
        f"\nN={count} cases (fastest of {repeat} run{'s' if repeat > 1 else ''})",
        f"{'build':<8}{'wall s':>10}{'peak MB':>10}{'ms/case':>10}",
    ]
    for name, result in results.items():
        per_case = result.seconds * 1000 / count
        lines.append(f"{name:<8}{result.seconds:>10.2f}{result.peak_mb:>10.1f}{per_case:>10.1f}")
    lines.append(f"{'ratio':<8}{results['ours'].seconds / results['plain'].seconds:>10.3f}")
    return "\n".join(lines)


def summary(all_results: dict[int, dict[str, Run]]) -> str:
    """The one-line summary: the largest size, and our growth from the smallest to it."""
    sizes = sorted(all_results)
    small, large = all_results[sizes[0]], all_results[sizes[-1]]
    ours, plain = large["ours"].seconds, large["plain"].seconds
    return (
        f"bench cases={sizes[-1]} ours_s={ours:.2f} plain_s={plain:.2f} "
        f"ratio={ours / plain:.3f} growth={ours / small['ours'].seconds:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 1 when a step or a build fails."""
    args = parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="touchpoint-bench-"))
    started = time.perf_counter()
    try:
        templates = real_cases()
        all_results: dict[int, dict[str, Run]] = {}
        for count in sorted(set(args.sizes)):
            all_results[count] = bench_size(root, templates, count, args.repeat)
            print(table(count, all_results[count], args.repeat), flush=True)
    except BenchError as error:
        print(f"\nbench failed: {error}", file=sys.stderr)
        if not args.keep:
            print("(run again with --keep to keep the temporary folder and its logs)", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"\nkept the temporary folder: {root}", flush=True)
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\ntotal time {time.perf_counter() - started:.1f} s", flush=True)
    print(summary(all_results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
