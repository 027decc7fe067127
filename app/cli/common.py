"""What every command shares: the date argument, the --db option and opening the workspace."""
from __future__ import annotations

import argparse
import datetime as dt


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def add_db(parser: argparse.ArgumentParser) -> None:
    # --db is accepted both before and after the subcommand.
    parser.add_argument("--db", dest="db_sub", metavar="PATH", help="数据库文件（默认：用户数据目录）")


def open_db(args: argparse.Namespace, readonly: bool = False):
    from app.services.workspace import open_workspace

    return open_workspace(args.db_sub or args.db, readonly=readonly)
