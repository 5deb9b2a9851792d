"""The ``course`` command: check the data, write the editor schemas, serve the site in a classroom.

``course check`` prints the same messages as the build and exits 1 on any data error, without
a Python traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalogue import load_catalogue
from .problems import DataError
from .scale_views import scale_payload


def _check(root: Path) -> int:
    try:
        catalogue = load_catalogue(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    counts = f"{len(catalogue.chapters)} 个章节，{len(catalogue.cases)} 个案例，{len(catalogue.scales)} 个量表"
    counts += f"，{len(catalogue.worksheets)} 个工具"
    print(f"数据检查通过：{counts}。")
    return 0


def _schema(root: Path, check_only: bool) -> int:
    from .schema import write_schemas

    stale = write_schemas(root / "macros" / "schemas", check_only=check_only)
    for name in stale:
        print(f"{'过期' if check_only else '已更新'}: macros/schemas/{name}")
    return 1 if (check_only and stale) else 0


def _scales_json(root: Path, out: Path) -> int:
    """Write every validated scale definition (the JSON the pages inline) to ``out``."""
    try:
        catalogue = load_catalogue(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    definitions = [scale_payload(scale) for scale in catalogue.scales]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(definitions, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")
    print(f"已写出 {len(definitions)} 个量表定义:{out}")
    return 0


def _new(root: Path, what: str, new_id: str, kind: str | None, mode: str | None) -> int:
    from .authoring import AuthoringError, new_file

    try:
        path = new_file(root, what, new_id, kind=kind, mode=mode)
    except AuthoringError as error:
        print(str(error), file=sys.stderr)
        return 1
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path
    print(f"已写出 {shown}。下一步：在 VS Code 中编辑（字段有提示），然后 make check，再 make serve 查看页面。")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``course`` command."""
    parser = argparse.ArgumentParser(prog="course", description="触点营销课程网站的数据工具")
    parser.add_argument("--root", type=Path, default=Path("."), help="项目根目录（默认当前目录）")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="检查 cases/、tools/ 和章节头信息，列出全部错误")
    schema = commands.add_parser("schema", help="由模型生成 JSON Schema（供编辑器提示）")
    schema.add_argument("--check", action="store_true", help="只检查是否过期，不写文件")
    dump = commands.add_parser("scales-json", help="把全部量表定义写成 JSON(供 Node 测试使用)")
    dump.add_argument("out", type=Path)
    classroom = commands.add_parser("classroom", help="在教室局域网内提供已生成的网站（压缩传输，显示地址和二维码）")
    classroom.add_argument("--dir", type=Path, default=Path("site"), help="已生成的网站文件夹（默认 site）")
    classroom.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    classroom.add_argument("--host", default="0.0.0.0", help="监听地址（默认 0.0.0.0，即所有网络）")
    new = commands.add_parser("new", help="新建一个案例、量表或工具文件（每个字段都有中文注释，生成后即可通过检查）")
    new.add_argument("what", choices=["case", "scale", "worksheet", "curriculum"])
    new.add_argument("id", help="新文件的 id（也是文件名）：小写字母、数字和连字符")
    new.add_argument("--kind", help="工具类型（worksheet）：journey_map、blueprint、kpi、emotion_map、crisis")
    new.add_argument("--mode", help="量表模式（scale）：questionnaire、matrix、ipa、fmea、nps")
    args = parser.parse_args(argv)
    if args.command == "new":
        return _new(args.root, args.what, args.id, args.kind, args.mode)
    if args.command == "classroom":
        from .classroom import run

        return run(args.dir if args.dir.is_absolute() else args.root / args.dir, args.host, args.port)
    if args.command == "check":
        return _check(args.root)
    if args.command == "scales-json":
        return _scales_json(args.root, args.out)
    return _schema(args.root, args.check)


if __name__ == "__main__":
    sys.exit(main())
