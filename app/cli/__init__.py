"""The command line beside the GUI: `python -m app [--db PATH] SUBCOMMAND ...`.

Every subcommand prints Chinese messages for the user's mistakes and a damaged database on
stderr (no traceback) and exits non-zero. One module per group of commands; `build_parser` lists them.
"""
from __future__ import annotations

import argparse
import os
import sys

from app import APP_NAME, __version__, paths
from app.cli import (backup, clock, district, fees, ledger, notices, opinion, press, register, report, server,
                     settings)
from app.cli.common import ChineseParser

GROUPS = (register, clock, fees, backup, report, ledger, notices, opinion, press, settings, server, district)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="python -m app", description=f"{APP_NAME} {__version__}（不带子命令时启动图形界面）")
    parser.add_argument("--db", metavar="PATH", help=f"数据库文件或服务器地址 {paths.SERVER_EXAMPLE}（默认：用户数据目录；"
                                                     "也可用环境变量 ZWGK_DB）")
    parser.add_argument("--version", action="version", version=__version__, help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="子命令", title="子命令",
                                description="用 python -m app 子命令 -h 查看各子命令的说明")
    for group in GROUPS:
        group.add_commands(sub)
    return parser


def run(argv: list[str]) -> int:
    """Run a subcommand; user-facing errors become a Chinese line on stderr and exit code 2."""
    from app.services.errors import ServiceError, StoreError, ValidationError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    if not hasattr(args, "db_sub"):
        args.db_sub = None
    try:
        return args.handler(args)
    except ValidationError as exc:
        for message in exc.errors.values():
            print(f"错误：{message}", file=sys.stderr)
        return 2
    except (ServiceError, StoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        from app import oserrors

        print(f"错误：{oserrors.describe(exc, '无法读写文件', exc.filename)}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the user gets a Chinese line, not a traceback
        if os.environ.get("ZWGK_DEBUG"):
            raise
        print(f"错误：程序内部错误（{type(exc).__name__}：{exc}）。本次操作未完成；请把这条信息告知技术人员"
              "（设置环境变量 ZWGK_DEBUG=1 可看到详细信息）。", file=sys.stderr)
        return 1
    finally:
        from app.store.db import close_database

        close_database()
