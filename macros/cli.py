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
    counts += f"，{len(catalogue.worksheets)} 个工具，{len(catalogue.curricula)} 个课程方案"
    print(f"数据检查通过：{counts}。")
    for warning in catalogue.warnings:
        print(f"提醒：{warning.file}:{warning.line}: {warning.message}")
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


def _handouts(site: Path, out: Path, name: str) -> int:
    """Print the handout pages of a built site to PDF: the workbook, and the trainer guide when
    the site is a trainer's build."""
    from .handouts import chromium, print_pdf

    browser = chromium()
    if browser is None:
        print("需要 Chromium 来生成 PDF：sudo apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    pages = {"workbook": "学员手册", "trainer": "培训师手册"}
    if (site / "handouts" / "trainer.html").exists():  # a trainer's site: its workbook is the participants'
        del pages["workbook"]
    done = 0
    for page, label in pages.items():
        source = site / "handouts" / f"{page}.html"
        if not source.exists():
            continue
        target = out / f"{name}-{'trainer-guide' if page == 'trainer' else page}.pdf"
        print_pdf(source, target, browser)
        print(f"已生成{label}：{target}")
        done += 1
    if not done:
        print(f"{site} 中没有手册页面：请先构建网站（make build）", file=sys.stderr)
        return 1
    return 0


def _dist(site: Path, out: Path) -> int:
    """Zip a built site under one folder (named after the zip) that works unzipped anywhere:
    open <folder>/index.html from disk. Files in a fixed order with fixed dates, so the same site
    gives the same zip."""
    import zipfile

    if not (site / "index.html").exists():
        print(f"{site} 中没有构建好的网站：请先运行 make build", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = out.stem
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    size = out.stat().st_size / 1024 / 1024
    print(f"已打包：{out}（{size:.1f} MB）。解压后用浏览器打开 {folder}/index.html 即可离线使用。")
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
    dist = commands.add_parser("dist", help="把已构建的网站打包成 zip，解压到任何文件夹都能离线打开")
    dist.add_argument("--site", type=Path, default=Path("site"), help="已构建的网站目录")
    dist.add_argument("--out", type=Path, default=Path("dist/touchpoint-marketing.zip"), help="zip 文件")
    hand = commands.add_parser("handouts", help="把已构建网站中的学员手册（和培训师手册）打印成 PDF")
    hand.add_argument("--site", type=Path, default=Path("site"), help="已构建的网站目录")
    hand.add_argument("--out", type=Path, default=Path("handouts"), help="PDF 的输出目录")
    hand.add_argument("--name", default="course", help="文件名前缀，例如课程方案 id")
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
    if args.command == "dist":
        return _dist(args.site, args.out)
    if args.command == "handouts":
        return _handouts(args.site, args.out, args.name)
    return _schema(args.root, args.check)


if __name__ == "__main__":
    sys.exit(main())
