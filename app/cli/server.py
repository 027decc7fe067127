"""The database server: `migrate-to URL` moves an office from its SQLite file to a server (docs/server.md)."""
from __future__ import annotations

import argparse
import sys

from app import paths
from app.cli.common import add_db


def cmd_migrate_to(args: argparse.Namespace) -> int:
    """Copy the office in the file (--db, or the desk's default) into the server's empty database."""
    from app.services import transfer

    report = transfer.migrate_to(args.url, args.db_sub or args.db,
                                 progress=lambda text: print(text, file=sys.stderr, flush=True))
    for table, rows in report.tables.items():
        print(f"{table}\t{rows} 行\tSHA-256 {report.checksums[table][:16]}…")
    print(f"文书文件\t{report.documents} 个")
    print(f"修改过的模板\t{report.templates} 个")
    print(f"已迁移到服务器，行数和校验值核对一致：申请 {report.tables.get('request', 0)} 件，文书 {report.documents} 个。"
          "以后请用 --db 服务器地址 启动本程序；原数据文件保持不变。")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate-to", help="把本机数据文件中的全部数据迁移到数据库服务器（只能做一次）")
    p.add_argument("url", metavar="URL", help=f"服务器地址，如 {paths.SERVER_EXAMPLE}")
    add_db(p)
    p.set_defaults(handler=cmd_migrate_to)
