"""Ledger and year-end archive: `import-ledger`, `export-ledger`, `archive`."""
from __future__ import annotations

import argparse

from app.cli.common import add_db, open_db, progress_printer


def _open_for_import(args: argparse.Namespace) -> bool:
    """Importing makes the register if needed; a dry run only reads, and checks a sheet meant for a
    register not made yet against an empty one (nothing is created). False when none is open."""
    from app.services.errors import DatabaseMissing

    if not args.dry_run:
        open_db(args, create=True)
        return True
    try:
        open_db(args, readonly=True)
    except DatabaseMissing:
        return False
    return True


def cmd_import_ledger(args: argparse.Namespace) -> int:
    from app.services import ledger

    if not _open_for_import(args):
        print("（登记簿文件尚不存在：按空登记簿检查）")
    preview = ledger.preview_import(args.file, progress=progress_printer("读取并检查台账"))
    print(f"工作表“{preview.sheet}”，表头在第{preview.header_row}行；识别的列：{'、'.join(preview.columns.values())}")
    if preview.ignored_headers:
        print(f"未使用的列：{'、'.join(preview.ignored_headers)}")
    for row in preview.bad_rows:
        print(f"第{row.row_number}行（{row.case_no or row.name or '无编号'}）：{'；'.join(row.problems)}")
    counts = preview.counts()
    print(f"共 {counts['total']} 行：可导入 {counts['good']} 行，有问题 {counts['bad']} 行")
    if args.dry_run:
        print("（试运行，未导入）")
        return 0 if not counts["bad"] else 1
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows],
                                     progress=progress_printer("导入"))
    print(f"已导入 {result.imported} 件")
    return 0


def cmd_export_ledger(args: argparse.Namespace) -> int:
    from app.services import ledger

    open_db(args, readonly=True)
    out = ledger.export_ledger(args.year, args.out, full_ids=args.full_ids)
    note = "（含完整证件号码，注意保密）" if out.full_ids else ""
    print(f"已导出 {args.year} 年度台账 {out.rows} 件到 {out.path}{note}")
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    from app.services import archive

    open_db(args)  # a register that does not exist has nothing to archive: refused, not created
    package = archive.archive_year(args.year, args.out)
    print(f"已归档 {args.year} 年度：{package.cases} 件、{package.files} 个文书文件")
    print(f"文件夹：{package.folder}")
    print(f"压缩包：{package.zip_path}")
    for warning in package.warnings:
        print(f"注意：{warning}")
    print(f"{args.year} 年度已锁定。")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-ledger", help="导入手工台账（.xlsx），先检查每一行")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出问题，不导入")
    add_db(p)
    p.set_defaults(handler=cmd_import_ledger)
    p = sub.add_parser("export-ledger", help="导出某年度登记台账（.xlsx）")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--full-ids", action="store_true", help="含完整证件号码和电话（注意保密）")
    add_db(p)
    p.set_defaults(handler=cmd_export_ledger)
    p = sub.add_parser("archive", help="年度归档：生成归档包并锁定该年度")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    add_db(p)
    p.set_defaults(handler=cmd_archive)
