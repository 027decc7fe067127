"""Backups and restore: `backup`, `restore`."""
from __future__ import annotations

import argparse

from app.cli.common import add_db, open_db


def cmd_backup(args: argparse.Namespace) -> int:
    """Back up into the backups folder, or to --out (a file or folder, e.g. a USB stick)."""
    from app.services import backup

    ws = open_db(args, readonly=True)  # read-only: works beside a running GUI; refuses a damaged file
    if args.list:
        for b in backup.list_backups(ws.db_path):
            cases = "无法读取" if b.cases is None else f"{b.cases}件"
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{cases}\t{b.size // 1024} KB\t{b.path}")
        return 0
    if args.out:
        target = backup.export_to(args.out, ws.db_path)
    else:
        target = backup.backup_now(backup.MANUAL_REASON, ws.db_path).path
    print(f"已备份到：{target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the database; the current (or damaged) file is kept aside."""
    from app.services import backup

    db_path = args.db_sub or args.db
    if not args.path and not args.undo:
        from app.services.errors import ServiceError

        raise ServiceError("请指定要恢复的备份文件，或使用 --undo 撤销上一次恢复")
    result = backup.undo_restore(db_path) if args.undo else backup.restore(args.path, db_path)
    if result.saved_aside:
        print(f"原数据文件已另存为：{result.saved_aside}（可用 restore --undo 撤销本次恢复）")
    shown = backup.preview(result.restored.path)
    years = "，".join(f"{y}年度{n}件" for y, n in shown.cases_by_year.items())
    print(f"已恢复：{result.restored.path.name}（{result.restored.cases}件申请{'：' + years if years else ''}；"
          f"文书及模板文件{shown.document_files}个）")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份数据库和文书（默认存入备份文件夹）")
    p.add_argument("--out", metavar="PATH", help="备份到指定文件或文件夹（如U盘）")
    p.add_argument("--list", action="store_true", help="列出已有的备份")
    add_db(p)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复（当前数据文件先另存，可撤销）")
    p.add_argument("path", nargs="?", metavar="PATH", help="备份文件（.sqlite）")
    p.add_argument("--undo", action="store_true", help="撤销上一次恢复")
    add_db(p)
    p.set_defaults(handler=cmd_restore)
