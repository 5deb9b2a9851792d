"""`course new`: every field of the model, explained, in a file that passes `course check` as written."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from macros.authoring import AuthoringError, new_file
from macros.catalogue import load_catalogue
from macros.cli import main
from macros.curricula.model import Curriculum
from macros.models import Case
from macros.models.scale import MODES, Scale
from macros.worksheets.model import KINDS, Worksheet

from .conftest import ROOT

VARIANTS = (
    [("case", None, None), ("curriculum", None, None)]
    + [("scale", None, mode) for mode in MODES]
    + [("worksheet", kind, None) for kind in KINDS]
)


@pytest.fixture(scope="module")
def data_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's data (cases, tools, chapters); each test writes its own new ids."""
    root = tmp_path_factory.mktemp("authoring")
    for folder in ("cases", "tools", "docs/course", "curricula"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in models_in(arg)]


def assert_same_keys(model: BaseModel, data: Any, where: str) -> int:
    """The written mapping has exactly the model's fields, in order, at every level; returns how many."""
    assert isinstance(data, dict), where
    assert list(data) == list(type(model).model_fields), where
    count = len(data)
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            count += assert_same_keys(value, data[name], f"{where}.{name}")
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    count += assert_same_keys(item, data[name][index], f"{where}.{name}[{index}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    count += assert_same_keys(item, data[name][str(key)], f"{where}.{name}.{key}")
    return count


@pytest.mark.parametrize(("what", "kind", "mode"), VARIANTS, ids=[v[1] or v[2] or v[0] for v in VARIANTS])
def test_a_new_file_passes_the_check_with_one_key_per_field(
    data_root: Path, what: str, kind: str | None, mode: str | None
) -> None:
    new_id = f"new-{kind or mode or what}".replace("_", "-")
    path = new_file(data_root, what, new_id, kind=kind, mode=mode)
    text = path.read_text(encoding="utf-8")
    first, *_ = text.splitlines()
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (ROOT / path.relative_to(data_root)).parent / first.split("=", 1)[1]
    assert schema.resolve() == ROOT / "macros" / "schemas" / f"{what}.schema.json"
    catalogue = load_catalogue(data_root)  # raises DataError if the new file is not valid
    lookup = {"case": catalogue.case, "scale": catalogue.scale, "worksheet": catalogue.worksheet}
    model = {**lookup, "curriculum": catalogue.curriculum}[what](new_id)
    if kind or mode:
        assert getattr(model, "kind" if kind else "mode") == (kind or mode)
    fields = assert_same_keys(model, yaml.safe_load(text), path.name)
    comments = [line for line in text.splitlines()[3:] if line.lstrip().startswith("# ")]
    assert len(comments) == fields  # one explaining comment per field written, nothing else


def test_every_field_of_every_model_is_described() -> None:
    seen: set[type[BaseModel]] = set()
    missing: list[str] = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if not info.description:
                missing.append(f"{model.__name__}.{name}")
            for inner in models_in(info.annotation):
                walk(inner)

    for root in [Case, Curriculum, *models_in(Scale), *models_in(Worksheet)]:
        walk(root)
    assert not missing


@pytest.mark.parametrize("bad", ["Grand-Hotel", "grand_hotel", "-x", "x-", "酒店", "a b", "../x"])
def test_a_bad_id_is_refused_and_nothing_is_written(data_root: Path, bad: str) -> None:
    before = sorted(data_root.rglob("*"))
    with pytest.raises(AuthoringError, match="只能用小写字母、数字和连字符"):
        new_file(data_root, "case", bad)
    assert sorted(data_root.rglob("*")) == before


def test_an_existing_id_is_refused_and_the_file_is_kept(data_root: Path) -> None:
    path = data_root / "cases" / "starbucks.yml"
    before = path.read_bytes()
    with pytest.raises(AuthoringError, match="已存在"):
        new_file(data_root, "case", "starbucks")
    with pytest.raises(AuthoringError, match="已存在"):
        new_file(data_root, "scale", "nps", mode="nps")
    assert path.read_bytes() == before


def test_unknown_kinds_and_modes_are_refused(data_root: Path) -> None:
    with pytest.raises(AuthoringError, match="未知的 --kind"):
        new_file(data_root, "worksheet", "x1", kind="mindmap")
    with pytest.raises(AuthoringError, match="未知的 --mode"):
        new_file(data_root, "scale", "x2", mode="likert")
    with pytest.raises(AuthoringError, match="--mode 只用于 scale"):
        new_file(data_root, "case", "x3", mode="nps")
    assert not list(data_root.rglob("x[1-3].yml"))


def test_the_command_exits_1_with_a_chinese_message(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(data_root), "new", "case", "Bad_Id"]) == 1
    assert "不可用" in capsys.readouterr().err
    assert main(["--root", str(data_root), "new", "case", "cli-case"]) == 0
    assert "已写出 cases/cli-case.yml" in capsys.readouterr().out


def test_the_error_report_in_the_guide_is_what_course_check_prints(
    data_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/guide.md shows a real report: the same breakage of a new case gives the same lines."""
    root = tmp_path / "p"
    for folder in ("cases", "tools", "docs/course", "curricula"):
        shutil.copytree(data_root / folder, root / folder)
    for extra in (root / "cases").glob("new-*.yml"):
        extra.unlink()
    (root / "cases" / "cli-case.yml").unlink(missing_ok=True)
    path = new_file(root, "case", "grand-hotel")
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("\nindustry: 酒店", "\nindustri: 酒店"),
        ("emotion: 0", "emotion: 5"),
        ("  date: 2025-05\n", "  date: 2025-13\n"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    report = capsys.readouterr().err.strip()
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    shown = guide.split("再运行 `make check`：\n\n```text\n", 1)[1].split("\n```", 1)[0]
    assert shown == report
