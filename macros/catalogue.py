"""Load and validate all course data into one frozen catalogue.

Every file is read and checked before anything fails, so one run reports every mistake in every
file (file, line, field, what was expected). Identity is the file name; every cross-reference
(chapter, instrument) is checked; a run that finds no case is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .curricula.model import Curriculum
from .models import Case, Chapter
from .models.common import ID_PATTERN
from .models.facilitator import FacilitatorNotes
from .models.scale import MODES, Scale
from .problems import DataError, Problem, explain
from .worksheets.crisis import CrisisToolkit
from .worksheets.model import KINDS, Worksheet
from .yamlsource import Document, dotted, load_yaml, parse_text, read_text, split_front_matter

CASES_DIR = "cases"
CHAPTERS_DIR = "docs/course"
YAML_SUFFIXES = (".yml", ".yaml")

SCALES_DIR = "tools/scales"
CURRICULA_DIR = "curricula"
WORKSHEETS_DIR = "tools/worksheets"


@dataclass(frozen=True)
class Catalogue:
    """Everything the site is built from, validated and cross-referenced."""

    root: Path
    chapters: tuple[tuple[str, Chapter], ...]
    cases: tuple[Case, ...]
    scales: tuple[Scale, ...]
    instruments: frozenset[str]
    worksheets: tuple[Worksheet, ...] = ()
    curricula: tuple[Curriculum, ...] = ()
    # Not errors: what a trainer should look at (a method mix far from 20/30/40/10).
    warnings: tuple[Problem, ...] = ()
    # In a curriculum's build (macros.curricula.variant.select): the whole course, where the ids
    # the curriculum leaves out are still found (a chapter may mention them) but never linked.
    full: Catalogue | None = None
    # Facilitator notes of the chapters (docs/course/<id>.notes.yml), shown only in a trainer build.
    chapter_notes: tuple[tuple[str, FacilitatorNotes], ...] = ()

    def shown(self, kind: str, item_id: str) -> bool:
        """Whether this site has a page for the chapter, case, scale or worksheet ``item_id``."""
        if kind == "chapter":
            return item_id in dict(self.chapters)
        return any(item.id == item_id for item in getattr(self, f"{kind}s"))

    def chapter(self, chapter_id: str) -> Chapter:
        """The chapter with this id (ids are checked at load time)."""
        chapters = dict(self.chapters)
        if chapter_id not in chapters and self.full:
            return self.full.chapter(chapter_id)
        return chapters[chapter_id]

    def _find(self, kind: str, label: str, item_id: str) -> Any:
        """The ``kind`` (cases, scales, worksheets) with this id; a curriculum's site finds the ones
        it leaves out in the whole course. An unknown id is a mistake in a page, so it raises."""
        for item in getattr(self, kind):
            if item.id == item_id:
                return item
        if self.full:
            return self.full._find(kind, label, item_id)
        known = ", ".join(item.id for item in getattr(self, kind))
        raise KeyError(f"未知{label} id“{item_id}”；已有：{known}")

    def case(self, case_id: str) -> Case:
        """The case with this id."""
        return self._find("cases", "案例", case_id)  # type: ignore[no-any-return]

    def scale(self, scale_id: str) -> Scale:
        """The scale with this id."""
        return self._find("scales", "量表", scale_id)  # type: ignore[no-any-return]

    def worksheet(self, worksheet_id: str) -> Worksheet:
        """The worksheet with this id."""
        return self._find("worksheets", "工具", worksheet_id)  # type: ignore[no-any-return]

    def curriculum(self, curriculum_id: str) -> Curriculum:
        """The curriculum with this id; an unknown id is a mistake in a command, so it raises."""
        for curriculum in self.curricula:
            if curriculum.id == curriculum_id:
                return curriculum
        known = ", ".join(c.id for c in self.curricula) or "(无)"
        raise KeyError(f"未知课程方案“{curriculum_id}”；已有：{known}")

    def cases_for(self, chapter_id: str) -> list[Case]:
        """Cases that serve a chapter, in library order."""
        return [case for case in self.cases if chapter_id in case.chapters]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@cache
def _adapter(model: Any) -> TypeAdapter[Any]:
    # Building a TypeAdapter compiles the whole schema (milliseconds); do it once per model,
    # not once per file (measured by scripts/bench.py: 1,000 cases went from 75 s to … s).
    return TypeAdapter(model)


def _validate(model: Any, document: Document, display: str) -> tuple[Any, list[Problem]]:
    """Validate a parsed document against a model (or a union type); map each error to its line."""
    if document.problems:
        return None, document.problems
    if not isinstance(document.data, dict):
        return None, [Problem(display, 1, 1, "", "文件内容应为“键: 值”映射 (expected a mapping at the top)")]
    try:
        return _adapter(model).validate_python(document.data), []
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            path = tuple(item["loc"])
            if path and (path[0] in MODES or path[0] in KINDS):  # a union member's tag, not a place in the file
                path = path[1:]
            if item["type"].startswith("union_tag"):
                path = ("kind",) if "kind" in document.data else ("mode",)
            line, column = document.lines.locate(path)
            problems.append(Problem(display, line, column, dotted(path), explain(dict(item))))
        return None, problems


def data_files(folder: Path, suffixes: Iterable[str]) -> list[Path]:
    """The files with these suffixes in ``folder``, by name (none when it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in tuple(suffixes))


def _load_chapters(root: Path) -> tuple[list[tuple[str, Chapter]], list[Problem]]:
    chapters: list[tuple[str, Chapter]] = []
    problems: list[Problem] = []
    numbers: dict[int, str] = {}
    for path in data_files(root / CHAPTERS_DIR, (".md",)):
        if path.stem == "index":
            continue
        display = _relative(path, root)
        text, read_problems = read_text(path, display)
        if text is None:
            problems += read_problems
            continue
        front, _ = split_front_matter(text)
        if front is None:
            problems.append(Problem(display, 1, 1, "", "章节页须以 --- 包围的 YAML 头信息开头 (missing front matter)"))
            continue
        document = parse_text(front, display, path, line_offset=1)
        chapter, found = _validate(Chapter, document, display)
        problems += found
        if not re.match(ID_PATTERN, path.stem):
            problems.append(Problem(display, 1, 1, "", _bad_file_name(path.stem)))
        elif chapter:
            if chapter.number in numbers:
                line, column = document.lines.locate(("number",))
                message = f"章节序号 {chapter.number} 与 {numbers[chapter.number]} 重复 (duplicate number)"
                problems.append(Problem(display, line, column, "number", message))
            numbers.setdefault(chapter.number, display)
            chapters.append((path.stem, chapter))
    if not chapters and not problems:
        problems.append(
            Problem(CHAPTERS_DIR, 1, 1, "", "没有找到任何章节文件 (*.md)；至少需要一个章节 (no chapters found)")
        )
    chapters.sort(key=lambda pair: pair[1].number)
    return chapters, problems


NOTES_SUFFIX = ".notes.yml"


def _load_chapter_notes(root: Path, chapter_ids: set[str]) -> tuple[list[tuple[str, FacilitatorNotes]], list[Problem]]:
    """The facilitator notes beside the chapters: ``docs/course/<chapter id>.notes.yml``."""
    found: list[tuple[str, FacilitatorNotes]] = []
    problems: list[Problem] = []
    folder = root / CHAPTERS_DIR
    paths = sorted(folder.glob(f"*{NOTES_SUFFIX}")) if folder.is_dir() else []
    for path in paths:
        display = _relative(path, root)
        chapter_id = path.name[: -len(NOTES_SUFFIX)]
        if chapter_id not in chapter_ids:
            known = "、".join(sorted(chapter_ids))
            problems.append(
                Problem(
                    display, 1, 1, "", f"没有章节“{chapter_id}”；备注文件名应为 <章节 id>{NOTES_SUFFIX}，已有：{known}"
                )
            )
            continue
        notes, more = _validate(FacilitatorNotes, load_yaml(path, display), display)
        problems += more
        if notes is not None:
            found.append((chapter_id, notes))
    return found, problems


def _bad_file_name(stem: str) -> str:
    return (
        f"文件名“{stem}”不能用作 id：只能用小写字母、数字和连字符，例如 ch03、ritz-carlton "
        "(file name must be a lowercase id)"
    )


def _load_folder(root: Path, folder: str, model: Any) -> tuple[list[tuple[Any, Document, str]], list[Problem]]:
    """Load every YAML file in ``folder`` as ``model``; run each one's own cross-field checks."""
    loaded: list[tuple[Any, Document, str]] = []
    problems: list[Problem] = []
    for path in data_files(root / folder, YAML_SUFFIXES):
        display = _relative(path, root)
        document = load_yaml(path, display)
        item, found = _validate(model, document, display)
        problems += found
        if item is None:
            continue
        for where, message in item.internal_problems():
            line, column = document.lines.locate(where)
            problems.append(Problem(display, line, column, dotted(where), message))
        loaded.append((item, document, display))
    return loaded, problems


def _check_references(
    loaded: list[tuple[Any, Document, str]], chapter_ids: set[str], instruments: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for case, document, display in loaded:
        stem = Path(display).stem
        if case.id != stem:
            line, column = document.lines.locate(("id",))
            problems.append(
                Problem(
                    display,
                    line,
                    column,
                    "id",
                    f"id 应与文件名相同：“{stem}”，实际为“{case.id}” (id must equal file name)",
                )
            )
        if case.id in seen:
            line, column = document.lines.locate(("id",))
            problems.append(
                Problem(display, line, column, "id", f"id“{case.id}”与 {seen[case.id]} 重复 (duplicate id)")
            )
        seen.setdefault(case.id, display)
        for index, chapter in enumerate(case.chapters):
            if chapter not in chapter_ids:
                line, column = document.lines.locate(("chapters", index))
                known = "、".join(sorted(chapter_ids)) or "(无)"
                problems.append(
                    Problem(
                        display,
                        line,
                        column,
                        f"chapters[{index}]",
                        f"未知章节“{chapter}”；已有章节：{known} (unknown chapter)",
                    )
                )
        for index, instrument in enumerate(getattr(case, "instruments", [])):
            if instrument not in instruments:
                line, column = document.lines.locate(("instruments", index))
                problems.append(
                    Problem(
                        display,
                        line,
                        column,
                        f"instruments[{index}]",
                        f"未知量表或工具“{instrument}”；"
                        "应为 tools/scales 或 tools/worksheets 下的文件名 (unknown instrument)",
                    )
                )
    return problems


def load_catalogue(root: Path) -> Catalogue:
    """Load every data file under ``root``; raise :class:`DataError` listing every problem."""
    root = Path(root)
    chapters, problems = _load_chapters(root)
    loaded, case_problems = _load_folder(root, CASES_DIR, Case)
    problems += case_problems
    scales, scale_problems = _load_folder(root, SCALES_DIR, Scale)
    problems += scale_problems
    worksheets, worksheet_problems = _load_folder(root, WORKSHEETS_DIR, Worksheet)
    problems += worksheet_problems
    # References are checked against the files present: a file with its own errors is reported
    # once, not again by every chapter and curriculum that names it.
    worksheet_files = {p.stem for p in data_files(root / WORKSHEETS_DIR, YAML_SUFFIXES)}
    case_files = {p.stem for p in data_files(root / CASES_DIR, YAML_SUFFIXES)}
    scale_files = {p.stem for p in data_files(root / SCALES_DIR, YAML_SUFFIXES)}
    instruments = {scale.id for scale, _, _ in scales} | worksheet_files
    chapter_ids = {cid for cid, _ in chapters}
    problems += _check_references(loaded, chapter_ids, instruments)
    problems += _check_references(scales, chapter_ids, set())
    problems += _check_references(worksheets, chapter_ids, set())
    problems += _check_worksheet_links(worksheets, [case for case, _, _ in loaded])
    notes, notes_problems = _load_chapter_notes(root, {cid for cid, _ in chapters})
    problems += notes_problems
    curricula, curriculum_problems = _load_folder(root, CURRICULA_DIR, Curriculum)
    problems += curriculum_problems
    problems += _check_curricula(
        curricula,
        {
            "chapters": {cid for cid, _ in chapters},
            "cases": case_files,
            "scales": scale_files,
            "worksheets": worksheet_files,
        },
    )
    problems += _check_chapter_links(
        root,
        chapters,
        {
            "cases": case_files,
            "worksheets": worksheet_files,
            "scales": scale_files,
        },
    )
    if not loaded and not case_problems:
        problems.append(Problem(CASES_DIR, 1, 1, "", "没有找到任何案例文件 (*.yml)；至少需要一个案例 (no cases found)"))
    if not scales and not scale_problems:
        problems.append(
            Problem(SCALES_DIR, 1, 1, "", "没有找到任何量表文件 (*.yml)；至少需要一个量表 (no scales found)")
        )
    if problems:
        raise DataError(problems)
    cases = tuple(sorted((case for case, _, _ in loaded), key=_library_order))
    ordered_scales = tuple(scale for scale, _, _ in scales)
    ordered_worksheets = tuple(worksheet for worksheet, _, _ in worksheets)
    ordered_curricula = tuple(curriculum for curriculum, _, _ in curricula)
    warnings = tuple(
        Problem(display, *document.lines.locate(("days",)), "days", f"授课方式比例：{message}")
        for curriculum, document, display in curricula
        for message in curriculum.mix_warnings()
    )
    return Catalogue(
        root,
        tuple(chapters),
        cases,
        ordered_scales,
        frozenset(instruments),
        ordered_worksheets,
        ordered_curricula,
        warnings,
        chapter_notes=tuple(notes),
    )


CURRICULUM_LINKS = {"chapters": "章节", "cases": "案例", "scales": "量表", "worksheets": "工具"}


def _check_curricula(curricula: list[tuple[Any, Document, str]], known: dict[str, set[str]]) -> list[Problem]:
    """A curriculum's id is its file name, and every chapter, case, scale and worksheet it uses exists."""
    problems: list[Problem] = []
    for curriculum, document, display in curricula:
        stem = Path(display).stem
        if curriculum.id != stem:
            line, column = document.lines.locate(("id",))
            message = f"id 应与文件名相同：“{stem}”，实际为“{curriculum.id}” (id must equal file name)"
            problems.append(Problem(display, line, column, "id", message))
        for d, day in enumerate(curriculum.days):
            for s, session in enumerate(day.sessions):
                for field, what in CURRICULUM_LINKS.items():
                    for index, ref in enumerate(getattr(session, field)):
                        if ref not in known[field]:
                            where = ("days", d, "sessions", s, field, index)
                            line, column = document.lines.locate(where)
                            message = f"未知{what}“{ref}” (unknown {field[:-1]})"
                            problems.append(Problem(display, line, column, dotted(where), message))
    return problems


CHAPTER_LINKS = {"cases": ("案例", CASES_DIR), "worksheets": ("工具", WORKSHEETS_DIR), "scales": ("量表", SCALES_DIR)}


def _check_chapter_links(root: Path, chapters: list[tuple[str, Chapter]], known: dict[str, set[str]]) -> list[Problem]:
    """The cases, worksheets and scales a chapter names exist."""
    problems: list[Problem] = []
    for chapter_id, chapter in chapters:
        display = f"{CHAPTERS_DIR}/{chapter_id}.md"
        lines = None
        for field, (what, folder) in CHAPTER_LINKS.items():
            for index, ref in enumerate(getattr(chapter, field)):
                if ref in known[field]:
                    continue
                if lines is None:
                    text, _ = read_text(root / display, display)
                    front, _ = split_front_matter(text or "")
                    lines = parse_text(front or "", display, root / display, line_offset=1).lines
                line, column = lines.locate((field, index))
                message = f"未知{what}“{ref}”；应为 {folder} 下的文件名 (unknown {field[:-1]})"
                problems.append(Problem(display, line, column, f"{field}[{index}]", message))
    return problems


def _check_worksheet_links(worksheets: list[tuple[Any, Document, str]], cases: list[Case]) -> list[Problem]:
    """The cases and worksheets a worksheet names exist (and are of the kind it needs); a crisis
    toolkit's notes fall on dates of its example case's timeline."""
    problems: list[Problem] = []
    case_ids = {case.id for case in cases}
    kinds = {worksheet.id: worksheet.kind for worksheet, _, _ in worksheets}
    for worksheet, document, display in worksheets:
        for where, what, ref in worksheet.references():
            if what == "case" and ref not in case_ids:
                message = f"未知案例“{ref}”；已有：{'、'.join(sorted(case_ids))} (unknown case)"
            elif what == "journey_map" and kinds.get(ref) != "journey_map":
                known = "、".join(sorted(k for k, v in kinds.items() if v == "journey_map")) or "(无)"
                message = f"“{ref}”不是客户旅程地图工具；可用：{known} (unknown journey map worksheet)"
            else:
                continue
            line, column = document.lines.locate(where)
            problems.append(Problem(display, line, column, dotted(where), message))
        if isinstance(worksheet, CrisisToolkit) and worksheet.example.case in case_ids:
            partial = Catalogue(Path("."), (), tuple(cases), (), frozenset())
            for where, message in worksheet.timeline_problems(partial):
                line, column = document.lines.locate(where)
                problems.append(Problem(display, line, column, dotted(where), message))
    return problems


def _library_order(case: Case) -> Any:
    # Cases appear in the order of the first chapter they serve, then by id.
    return (min(case.chapters), case.id)
