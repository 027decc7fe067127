"""The annual report: `annual-report`, `sum-reports`."""
from __future__ import annotations

import argparse
import sys

from app.cli.common import add_db, open_db


def cmd_annual_report(args: argparse.Namespace) -> int:
    from app.services import annual_report

    open_db(args, readonly=not args.override)  # a forced export is written to the audit trail
    report = annual_report.build(args.year)
    if args.json:
        print(annual_report.to_json(report))
    for error in report.errors:
        print(f"不平衡：{error}", file=sys.stderr)
    if args.out:
        for path in annual_report.export(report, args.out, args.override or ""):
            print(f"已导出：{path}", file=sys.stderr if args.json else sys.stdout)
    return 0 if report.balanced or args.override else 1


def cmd_sum_reports(args: argparse.Namespace) -> int:
    from app.services import annual_report

    result = annual_report.sum_reports(args.folder, args.out)
    print(f"已汇总 {result.units} 个单位的年度报告统计表：{args.out}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annual-report", help="按登记簿统计年度报告表二、表三、表四并导出")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", metavar="DIR", help="导出 .xlsx 与 .docx 的目录")
    p.add_argument("--json", action="store_true", help="以 JSON 输出表三、表四及平衡检查结果")
    p.add_argument("--override", metavar="说明", help="数据不平衡时仍导出，并记录说明")
    add_db(p)
    p.set_defaults(handler=cmd_annual_report)
    p = sub.add_parser("sum-reports", help="逐格汇总一个文件夹中各单位导出的年度报告统计表（县级）")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--out", metavar="FILE.xlsx", required=True)
    p.set_defaults(handler=cmd_sum_reports)
