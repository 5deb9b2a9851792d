"""Read one YAML document and remember where every value came from.

The course data is edited by hand, often in Windows editors, so this reader:

* accepts UTF-8 with or without a byte-order mark and CRLF line ends;
* rejects files that are not UTF-8 (GBK is common in China) with a message that says so;
* treats duplicate mapping keys as errors (PyYAML silently keeps the last one);
* keeps dates as text (``2017-04-09`` stays a string; the models check the format);
* returns a map from each value's path (``("journey", 0, "stage")``) to its line and column,
  so that a validation error can name the exact line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

PathKey = tuple[str | int, ...]


# libyaml's C parser is about 7× faster than the pure-Python one (measured by scripts/bench.py:
# 15 ms → 2 ms per case file) and reports the same line and column marks.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader without the timestamp resolver: dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LineMap:
    """Line and column (1-based) of every mapping key and value in a document."""

    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey) -> tuple[int, int]:
        """Return the position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)


@dataclass
class Document:
    """A parsed YAML file: its data, where each value came from, and any problems found."""

    path: Path
    data: Any
    lines: LineMap
    problems: list[Problem]


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(loader: _Loader, node: Node, path: PathKey, lines: LineMap, problems: list[Problem], file: str) -> Any:
    lines.positions.setdefault(path, _mark(node))
    if isinstance(node, MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) or key is None:
                line, col = _mark(key_node)
                problems.append(Problem(file, line, col, _dotted(path), "键必须是文字 (key must be text)"))
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                line, col = _mark(key_node)
                problems.append(
                    Problem(
                        file,
                        line,
                        col,
                        _dotted((*path, key)),
                        f"键重复：“{key}”在同一层出现了两次 (duplicate key)",
                    )
                )
                continue
            child = (*path, key)
            lines.positions[child] = _mark(key_node)
            result[key] = _build(loader, value_node, child, lines, problems, file)
        return result
    if isinstance(node, SequenceNode):
        return [_build(loader, item, (*path, index), lines, problems, file) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return loader.construct_object(node, deep=True)


def _dotted(path: PathKey) -> str:
    """Render a path the way the error messages show it: ``journey[0].touchpoints[1].name``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


dotted = _dotted


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 (BOM allowed); explain the problem if it is not."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "，看起来是 GBK/GB18030 编码"
        except UnicodeDecodeError:
            pass
        return None, [
            Problem(
                display,
                line,
                1,
                "",
                f"文件不是 UTF-8 编码{hint}；请在编辑器中以 UTF-8 重新保存 (file is not UTF-8)",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_text(text: str, display: str, path: Path, line_offset: int = 0) -> Document:
    """Parse YAML text into a :class:`Document`; syntax errors become problems, not exceptions."""
    problems: list[Problem] = []
    lines = LineMap()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = _build(loader, node, (), lines, problems, display) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        message = f"YAML 语法错误：{error.problem or error.context} (YAML syntax error)"
        return Document(path, None, lines, [Problem(display, line, column, "", message)])
    finally:
        loader.dispose()
    if line_offset:
        lines.positions = {k: (ln + line_offset, c) for k, (ln, c) in lines.positions.items()}
        problems = [Problem(p.file, p.line + line_offset, p.column, p.field, p.message) for p in problems]
    return Document(path, data, lines, problems)


def load_yaml(path: Path, display: str) -> Document:
    """Read and parse a YAML file, collecting every problem instead of raising."""
    text, problems = read_text(path, display)
    if text is None:
        return Document(path, None, LineMap(), problems)
    return parse_text(text, display, path)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split Markdown into its ``---`` front matter (without fences) and its body."""
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end == -1:
        return None, text
    return text[4 : end + 1], text[end + 5 :]
