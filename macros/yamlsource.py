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

import re
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


MAX_DEPTH = 50  # course data nests five or six levels; far deeper is a broken or hostile file
ALIAS_MESSAGE = (
    "数据文件不能使用 YAML 锚点与别名（&名称 / *名称）或合并键（<<）；请把内容直接写出 (YAML aliases are not allowed)"
)


def _scan(text: str, display: str) -> list[Problem]:
    """Refuse aliases and deep nesting before the document is composed into nodes.

    The event stream comes from libyaml's iterative parser, so this pass is safe on any
    input; composing is not: it recurses (a 100,000-deep list crashes the interpreter), a
    recursive alias puts a node inside itself, and alias expansion turns a few lines into
    millions of values ("billion laughs"). Course data needs neither aliases nor deep nesting.
    """
    loader = _Loader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            line, column = (event.start_mark.line + 1, event.start_mark.column + 1) if event.start_mark else (1, 1)
            if isinstance(event, yaml.AliasEvent):
                return [Problem(display, line, column, "", ALIAS_MESSAGE)]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return [Problem(display, line, column, "", f"嵌套超过 {MAX_DEPTH} 层 (nested too deeply)")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return []


@dataclass
class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and problems."""

    loader: Any
    lines: LineMap
    problems: list[Problem]
    file: str

    def problem(self, mark: tuple[int, int], path: PathKey, message: str) -> None:
        self.problems.append(Problem(self.file, mark[0], mark[1], _dotted(path), message))

    def build(self, node: Node, path: PathKey) -> Any:
        self.lines.positions.setdefault(path, _mark(node))
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        value = self.scalar(node, path)
        if isinstance(value, str) and (found := BIDI_CONTROLS.search(value)):
            self.problem(_mark(node), path, _bidi_message(found.group()))
        return value

    def mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(_mark(key_node), path, ALIAS_MESSAGE)
                continue
            key = self.scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str | int | float | bool) or key is None:
                self.problem(_mark(key_node), path, "键必须是文字 (key must be text)")
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                message = f"键重复：“{key}”在同一层出现了两次 (duplicate key)"
                self.problem(_mark(key_node), (*path, key), message)
                continue
            child = (*path, key)
            self.lines.positions[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result

    def scalar(self, node: ScalarNode, path: PathKey) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            reason = getattr(error, "problem", None) or error
            self.problem(_mark(node), path, f"无法读取的值：{reason} (bad value)")
        except (ValueError, TypeError, OverflowError) as error:  # e.g. ``!!int abc``, ``!!timestamp 2020-99-99``
            self.problem(_mark(node), path, f"无法读取的值：{error} (bad value)")
        return None


# Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text
# around them on screen: a name can show as something else than it is ("Trojan Source",
# CVE-2021-42574). Chinese course text never needs them, and they are invisible in an editor.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bidi_message(char: str) -> str:
    return f"含有看不见的文字方向控制字符 U+{ord(char):04X}，它会改变文字的显示顺序；请删除 (bidi control character)"


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
    """Parse YAML text into a :class:`Document`; every YAML error becomes a problem, never an exception."""
    problems: list[Problem] = []
    lines = LineMap()
    loader = _Loader(text)
    try:
        if early := _scan(text, display):
            return Document(path, None, lines, [_shifted(p, line_offset) for p in early])
        node = loader.get_single_node()
        data = _Builder(loader, lines, problems, display).build(node, ()) if node is not None else None
    except RecursionError:  # a safety net: MAX_DEPTH stops our own recursion long before
        message = f"嵌套超过 {MAX_DEPTH} 层 (nested too deeply)"
        return Document(path, None, lines, [Problem(display, 1 + line_offset, 1, "", message)])
    except yaml.YAMLError as error:
        line, column = _error_position(error, text)
        message = f"YAML 语法错误：{_error_reason(error)} (YAML syntax error)"
        return Document(path, None, lines, [Problem(display, line + line_offset, column, "", message)])
    finally:
        loader.dispose()
    if line_offset:
        lines.positions = {k: (ln + line_offset, c) for k, (ln, c) in lines.positions.items()}
        problems = [_shifted(p, line_offset) for p in problems]
    return Document(path, data, lines, problems)


def _shifted(problem: Problem, lines: int) -> Problem:
    return Problem(problem.file, problem.line + lines, problem.column, problem.field, problem.message)


def _error_position(error: yaml.YAMLError, text: str) -> tuple[int, int]:
    """1-based line and column of a YAML error: its mark, or the reader's character position."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark:
            return mark.line + 1, mark.column + 1
    position = getattr(error, "position", None)
    character = getattr(error, "character", None)
    character = chr(character) if isinstance(character, int) else character
    if isinstance(character, str) and character and character in text:
        position = text.index(character)  # libyaml's reader reports a position past it
    if isinstance(position, int) and 0 <= position <= len(text):
        before = text[:position]
        return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    return 1, 1


def _error_reason(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        char = error.character
        code = ord(char) if isinstance(char, str) else int(char)
        return f"文件中有不允许的控制字符 U+{code:04X}（常见于从 Word 复制的文字）；请删除"
    if isinstance(error, yaml.MarkedYAMLError):
        return str(error.problem or error.context)
    return str(error)


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
