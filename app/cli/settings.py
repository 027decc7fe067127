"""The office's settings (机关设置) from the command line: `settings --show | --set | --import`.

A scripted install sets up a register the way the GUI's first-start dialog does (so `--set` and
`--import` may create the register file); `--show` only reads.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli.common import add_db, open_db


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"应写作 名称=内容：{text}")
    return name.strip(), value


def _read_json(path: str) -> dict[str, object]:
    from app import oserrors
    from app.services.errors import ServiceError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ServiceError(oserrors.describe(exc, "无法读取设置文件", path)) from None
    except ValueError as exc:
        raise ServiceError(f"设置文件不是有效的 JSON：{path}（第{getattr(exc, 'lineno', '?')}行）") from None
    if not isinstance(data, dict):
        raise ServiceError(f"设置文件应为一个 JSON 对象，如 {{\"office_name\": \"…\"}}：{path}")
    return data


def _named(exc: Exception) -> Exception:
    """Messages keyed by field name: the key to type is named beside the label the message uses."""
    from app.domain.settings import SETTING_LABELS
    from app.services.errors import ValidationError

    return ValidationError({key: f"{key}（{SETTING_LABELS[key]}）：{message}" if key in SETTING_LABELS else message
                            for key, message in exc.errors.items()})


def _show(as_json: bool) -> None:
    from app.services import settings

    rows = settings.labelled()
    if as_json:
        print(json.dumps({key: value for key, _label, value in rows}, ensure_ascii=False, indent=1))
        return
    if not settings.is_configured():
        print("（尚未设置，以下为默认值）")
    for key, label, value in rows:
        shown = ("是" if value else "否") if isinstance(value, bool) else value
        print(f"{key}\t{label}\t{shown}")


def cmd_settings(args: argparse.Namespace) -> int:
    from app.services import settings
    from app.services.errors import ServiceError, ValidationError

    changes: dict[str, object] = {}
    if args.import_file:
        changes.update(_read_json(args.import_file))
    changes.update(dict(args.set))
    if not changes:
        open_db(args, readonly=True)
        _show(args.json)
        return 0
    if args.json:
        raise ServiceError("--json 只能与 --show 一起使用")
    open_db(args, create=True)  # a scripted install: the command line's first start
    try:
        settings.save_values(changes)
    except ValidationError as exc:
        raise _named(exc) from None
    print(f"已保存 {len(changes)} 项设置")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="查看或修改机关设置（全宗号、文号前缀等）",
                       description="查看或修改机关设置。名称可用英文键名或中文名称（settings --show 列出全部）。")
    p.add_argument("--show", action="store_true", help="列出全部设置（不带其他参数时的默认动作）")
    p.add_argument("--json", action="store_true", help="与 --show 一起：以 JSON 输出（可直接用于 --import）")
    p.add_argument("--set", type=_pair, nargs="+", action="extend", default=[], metavar="名称=内容",
                   help="修改一项或多项，例如 --set fonds_no=0194 全宗号=0194 org_code=BGS")
    p.add_argument("--import", dest="import_file", metavar="FILE.json",
                   help="从 JSON 文件导入设置（一个对象，键为设置名称），未列出的设置保持不变")
    add_db(p)
    p.set_defaults(handler=cmd_settings)
