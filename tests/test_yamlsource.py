"""Reading YAML as people save it (BOM, CRLF, GBK, duplicate keys, dates, line numbers) and as a
broken or hostile file holds it (control characters, aliases, deep nesting, random bytes)."""

import random
from pathlib import Path

import pytest

from macros.yamlsource import load_yaml, split_front_matter


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "x.yml"
    path.write_bytes(data)
    return path


def test_windows_file_with_bom_and_crlf_loads(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, "\ufeffname: 丽思\r\nlist:\r\n  - 一\r\n".encode()), "x.yml")
    assert doc.problems == []
    assert doc.data == {"name": "丽思", "list": ["一"]}


def test_gbk_file_is_named_as_not_utf8(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, "a: 1\nname: 丽思卡尔顿\n".encode("gbk")), "x.yml")
    assert doc.data is None
    [problem] = doc.problems
    assert problem.line == 2
    assert "不是 UTF-8" in problem.message and "GBK" in problem.message


def test_duplicate_keys_are_errors_with_their_line(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, b"a: 1\nb:\n  c: 1\n  c: 2\n"), "x.yml")
    [problem] = doc.problems
    assert (problem.line, problem.field) == (4, "b.c")
    assert "键重复" in problem.message


def test_dates_stay_text_and_positions_are_recorded(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, b"when: 2017-04-09\nitems:\n  - {x: 1}\n  - {x: 2}\n"), "x.yml")
    assert doc.data["when"] == "2017-04-09"
    assert doc.lines.locate(("items", 1, "x")) == (4, 6)
    # an unknown path falls back to its nearest known ancestor
    assert doc.lines.locate(("items", 1, "missing")) == (4, 5)


def test_syntax_error_becomes_a_problem(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, b"a: [1, 2\nb: 3\n"), "x.yml")
    [problem] = doc.problems
    assert "YAML 语法错误" in problem.message and problem.line == 2


def test_front_matter_is_split_from_the_body() -> None:
    front, body = split_front_matter("---\ntitle: x\n---\n\n# 标题\n")
    assert front == "title: x\n"
    assert body == "\n# 标题\n"
    assert split_front_matter("# no front matter\n") == (None, "# no front matter\n")


# Whatever the bytes, the reader returns problems with a place; it never raises.
HOSTILE_YAML = {
    "vertical tab from Word": ("a: ok\nb: b\x0bc\n", 2, "U+000B"),
    "NUL byte": ("a: \x00\n", 1, "U+0000"),
    "tab indentation": ("a:\n\t- b\n", 2, "YAML 语法错误"),
    "bad escape": ('a: "x\\q"\n', 1, "YAML 语法错误"),
    "recursive alias": ("a: &x [*x]\n", 1, "别名"),
    "billion laughs": (
        "a: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)),
        2,
        "别名",
    ),
    "scalar alias": ("a: &s hello\nb: *s\n", 2, "别名"),
    "merge key": ("base: {x: 1}\nc:\n  <<: {x: 2}\n", 3, "合并键"),
    "100,000-deep list": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "嵌套"),
    "100,000-deep block list": ("- " * 100_000 + "x\n", 1, "嵌套"),
    "bad integer tag": ("a: !!int abc\n", 1, "无法读取的值"),
    "bad timestamp tag": ("a: !!timestamp 2020-99-99\n", 1, "无法读取的值"),
    "python object tag": ("a: !!python/object:os.system x\n", 1, "无法读取的值"),
    "two documents": ("a: 1\n---\nb: 2\n", 2, "YAML 语法错误"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_YAML))
def test_hostile_yaml_becomes_a_problem_with_its_line(tmp_path: Path, name: str) -> None:
    text, line, words = HOSTILE_YAML[name]
    doc = load_yaml(write(tmp_path, text.encode()), "x.yml")
    assert doc.problems, name
    assert doc.problems[0].line == line and words in doc.problems[0].message, doc.problems


def test_random_bytes_never_crash_the_reader(tmp_path: Path) -> None:
    seed = (Path(__file__).parent.parent / "cases" / "ritz-carlton.yml").read_bytes()
    generator = random.Random(20261129)
    for _ in range(300):
        data = bytearray(seed)
        for _ in range(generator.randint(1, 12)):
            position = generator.randrange(len(data))
            data[position : position + generator.randint(0, 3)] = bytes(
                generator.choice(b"\x00\x0b\t\n:-[]{}&*!|>'\"%@`#,?\\\xe4\xb8\xad\xff")
                for _ in range(generator.randint(0, 4))
            )
        doc = load_yaml(write(tmp_path, bytes(data)), "x.yml")  # must not raise
        assert all(problem.line >= 1 and problem.column >= 1 for problem in doc.problems)
