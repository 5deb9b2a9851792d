"""Reading YAML as people save it: BOM, CRLF, GBK, duplicate keys, dates, line numbers."""

from pathlib import Path

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
