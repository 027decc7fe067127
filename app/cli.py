"""The command line beside the GUI: `python -m app [--db PATH] SUBCOMMAND ...`.

Every subcommand prints Chinese messages for the user's mistakes and a damaged database on
stderr (no traceback) and exits non-zero.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Callable

from app import APP_NAME, __version__

Handler = Callable[[argparse.Namespace], int]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _add_db(parser: argparse.ArgumentParser) -> None:
    # --db is accepted both before and after the subcommand.
    parser.add_argument("--db", dest="db_sub", metavar="PATH", help="数据库文件（默认：用户数据目录）")


def _open(args: argparse.Namespace, readonly: bool = False):
    from app.services.workspace import open_workspace

    return open_workspace(args.db_sub or args.db, readonly=readonly)


# ---- register (issue 2) -------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    from app.domain.request import CaseQuery
    from app.services import register

    _open(args, readonly=False)
    query = CaseQuery(year=args.year, sort="case_no", descending=False)
    total = register.count(query)
    out = []
    for offset in range(0, total, 1000):
        for row in register.list_rows(query, offset, 1000):
            out.append({"case_no": row.case_no, "received_on": row.received_on.isoformat(),
                        "applicant_kind": row.applicant_kind, "applicant": row.name, "content": row.content,
                        "status": row.status, "outcome": row.outcome,
                        "answered_on": row.answered_on.isoformat() if row.answered_on else None,
                        "due_on": row.due_on.isoformat() if row.due_on else None})
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for r in out:
            print(f"{r['case_no']}\t{r['received_on']}\t{r['applicant_kind']}\t{r['applicant']}\t{r['status']}"
                  f"\t{r['outcome'] or ''}")
        print(f"共 {len(out)} 件")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.services import demo, settings

    _open(args)
    if not settings.is_configured():
        settings.save(demo_settings())
    n = demo.generate(args.year, args.count, args.seed)
    print(f"已生成 {n} 件{args.year}年度演示申请")
    return 0


def demo_settings():
    """The office of seed 001, used by demo data and screenshots."""
    from app.domain.settings import OfficeSettings

    return OfficeSettings(
        office_name="黄岩区茅畲乡人民政府", short_name="茅畲乡", doc_prefix="茅政信", disclosure_unit="党政办公室",
        address="台州市黄岩区茅畲乡茅畲村", postcode="318026", phone="0576-84581234", handler="王丽",
        leader="陈建国", reconsideration_body="台州市黄岩区人民政府", court="台州市黄岩区人民法院",
        fonds_no="0194", org_code="BGS")


# ---- the parser ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{APP_NAME} {__version__}（不带子命令时启动图形界面）")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认：用户数据目录；也可用环境变量 ZWGK_DB）")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    p = sub.add_parser("list", help="列出登记的申请")
    p.add_argument("--year", type=int, help="年度（省略时列出全部年度）")
    p.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    _add_db(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("demo-data", help="生成可重复的演示数据")
    p.add_argument("--year", type=int, default=dt.date.today().year)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--seed", type=int, default=7)
    _add_db(p)
    p.set_defaults(handler=cmd_demo_data)

    for register_commands in _EXTRA_COMMANDS:
        register_commands(sub)
    return parser


# Other rooms add their subcommands by appending a function(subparsers) here.
_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []



# ---- the legal clock (issue 3) ------------------------------------------------------------

def _pause(text: str):
    from app.domain.clock import Pause

    start, _, end = text.partition(":")
    pause = Pause(_date(start), _date(end) if end else None)
    if pause.end is not None and pause.end < pause.start:
        raise argparse.ArgumentTypeError(f"暂停期间的结束日期早于开始日期：{text}")
    return pause


def cmd_deadline(args: argparse.Namespace) -> int:
    """Limits for a case given on the command line; with --db the office's calendar is used."""
    from app.domain import clock
    from app.domain.calendar import WorkCalendar
    from app.domain.clock import ClockInput

    if args.db_sub or args.db:
        from app.services.calendar import work_calendar

        _open(args, readonly=True)
        cal = work_calendar()
    else:
        cal = WorkCalendar()
    base = ClockInput(received_on=args.received, corrected_on=args.corrected, pauses=tuple(args.pause))
    result = clock.compute_limits(base, cal)
    answer = result.get("answer")
    extended = clock.compute_limits(ClockInput(received_on=args.received, corrected_on=args.corrected,
                                               pauses=tuple(args.pause), extended=True), cal).get("extended")
    notice = result.get("correction_notice")
    years = sorted(set(notice.unconfirmed_years) | set(answer.unconfirmed_years)
                   | (set(extended.unconfirmed_years) if args.extended else set()))
    out = {"received": args.received.isoformat(),
           "correction_notice_due": notice.due.isoformat(),
           "answer_due": answer.due.isoformat() if answer.due else None,
           "extended_due": extended.due.isoformat() if args.extended and extended.due else None,
           "unconfirmed_years": years,
           "explanations": {"correction_notice_due": notice.explanation, "answer_due": answer.explanation,
                            "extended_due": extended.explanation}}
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    from app.domain.dates import cn_date

    flag = lambda y: "（未确认：" + "、".join(map(str, y)) + "年节假日安排未载入，仅按周末计算）" if y else ""
    print(f"收到申请日期：{cn_date(args.received)}")
    print(f"补正告知期限：{cn_date(notice.due)}{flag(notice.unconfirmed_years)}  {notice.explanation}")
    print(f"答复期限：{cn_date(answer.due)}{flag(answer.unconfirmed_years)}  {answer.explanation}")
    if args.extended:
        print(f"延期后答复期限：{cn_date(extended.due)}{flag(extended.unconfirmed_years)}  {extended.explanation}")
    return 0


def _add_clock_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadline", help="计算一件申请的法定期限（工作日）")
    p.add_argument("--received", type=_date, required=True, help="收到申请日期 YYYY-MM-DD")
    p.add_argument("--corrected", type=_date, help="收到补正后申请的日期")
    p.add_argument("--extended", action="store_true", help="同时给出延期后的答复期限")
    p.add_argument("--pause", type=_pause, action="append", default=[], metavar="FROM:TO",
                   help="征求意见或缴费期间（发出之日:结束之日），可重复")
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(handler=cmd_deadline)


_EXTRA_COMMANDS.append(_add_clock_commands)


# ---- backups and restore (issue 8) --------------------------------------------------------

def cmd_backup(args: argparse.Namespace) -> int:
    """Back up into the backups folder, or to --out (a file or folder, e.g. a USB stick)."""
    from app.services import backup

    ws = _open(args, readonly=True)  # read-only: works beside a running GUI; refuses a damaged file
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
        print(f"原数据文件已另存为：{result.saved_aside}")
    cases = "" if result.restored.cases is None else f"（{result.restored.cases}件申请）"
    print(f"已恢复：{result.restored.path.name}{cases}")
    return 0


def _add_backup_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份数据库和文书（默认存入备份文件夹）")
    p.add_argument("--out", metavar="PATH", help="备份到指定文件或文件夹（如U盘）")
    p.add_argument("--list", action="store_true", help="列出已有的备份")
    _add_db(p)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复（当前数据文件先另存，可撤销）")
    p.add_argument("path", nargs="?", metavar="PATH", help="备份文件（.sqlite）")
    p.add_argument("--undo", action="store_true", help="撤销上一次恢复")
    _add_db(p)
    p.set_defaults(handler=cmd_restore)


_EXTRA_COMMANDS.append(_add_backup_commands)



# ---- the annual report (issue 7) ----------------------------------------------------------

def cmd_annual_report(args: argparse.Namespace) -> int:
    from app.services import annual_report

    _open(args, readonly=True)
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


def _add_report_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annual-report", help="按登记簿统计年度报告表二、表三、表四并导出")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", metavar="DIR", help="导出 .xlsx 与 .docx 的目录")
    p.add_argument("--json", action="store_true", help="以 JSON 输出表三、表四及平衡检查结果")
    p.add_argument("--override", metavar="说明", help="数据不平衡时仍导出，并记录说明")
    _add_db(p)
    p.set_defaults(handler=cmd_annual_report)
    p = sub.add_parser("sum-reports", help="逐格汇总一个文件夹中各单位导出的年度报告统计表（县级）")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--out", metavar="FILE.xlsx", required=True)
    p.set_defaults(handler=cmd_sum_reports)


_EXTRA_COMMANDS.append(_add_report_commands)


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
        print(f"错误：无法读写文件 {exc.filename or ''}：{exc.strerror or exc}", file=sys.stderr)
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


# ---- ledger and year-end archive (issue 6) ------------------------------------------------

def cmd_import_ledger(args: argparse.Namespace) -> int:
    from app.services import ledger

    _open(args, readonly=args.dry_run)
    preview = ledger.preview_import(args.file)
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
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
    print(f"已导入 {result.imported} 件")
    return 0


def cmd_export_ledger(args: argparse.Namespace) -> int:
    from app.services import ledger

    _open(args, readonly=True)
    out = ledger.export_ledger(args.year, args.out, full_ids=args.full_ids)
    note = "（含完整证件号码，注意保密）" if out.full_ids else ""
    print(f"已导出 {args.year} 年度台账 {out.rows} 件到 {out.path}{note}")
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    from app.services import archive

    _open(args)
    package = archive.archive_year(args.year, args.out)
    print(f"已归档 {args.year} 年度：{package.cases} 件、{package.files} 个文书文件")
    print(f"文件夹：{package.folder}")
    print(f"压缩包：{package.zip_path}")
    for warning in package.warnings:
        print(f"注意：{warning}")
    print(f"{args.year} 年度已锁定。")
    return 0


def _add_ledger_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-ledger", help="导入手工台账（.xlsx），先检查每一行")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出问题，不导入")
    _add_db(p)
    p.set_defaults(handler=cmd_import_ledger)
    p = sub.add_parser("export-ledger", help="导出某年度登记台账（.xlsx）")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--full-ids", action="store_true", help="含完整证件号码和电话（注意保密）")
    _add_db(p)
    p.set_defaults(handler=cmd_export_ledger)
    p = sub.add_parser("archive", help="年度归档：生成归档包并锁定该年度")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    _add_db(p)
    p.set_defaults(handler=cmd_archive)


_EXTRA_COMMANDS.append(_add_ledger_commands)


# ---- notices (issue 4) --------------------------------------------------------------------

def _extra_value(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"应写作 名称=内容：{text}")
    return name.strip(), value.replace("\\n", "\n")


def cmd_notice(args: argparse.Namespace) -> int:
    import shutil

    from app.domain import notices as nd

    if args.list:
        for k in nd.KINDS:
            print(k.name)
        return 0
    if not args.kind:
        print("错误：请指定文书种类（可用 notice --list 查看）", file=sys.stderr)
        return 2
    if not args.case and nd.BY_NAME.get(args.kind, None) is not None and nd.BY_NAME[args.kind].needs_case:
        print("错误：请用 --case 指定登记编号", file=sys.stderr)
        return 2
    if not args.out and not args.issue:
        print("错误：请用 --out 指定输出文件（.docx）", file=sys.stderr)
        return 2
    from app.services import notices, register

    _open(args)
    case_id = register.find_case(args.case).id if args.case else None
    extra = dict(args.set)
    if args.issue:
        issued = notices.issue(args.kind, case_id, extra, args.date or dt.date.today(), accept_late=args.accept_late)
        if args.out:
            shutil.copyfile(issued.path, args.out)
        print(issued.message)
        print(issued.path)
        return 0
    draft = notices.render_draft(args.kind, case_id, extra, args.date)
    shutil.copyfile(draft, args.out)
    print(f"已生成草稿（未编文号）：{args.out}")
    return 0


def _add_notice_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notice", help="按模板生成告知书等文书（--issue 时编定文号并记入办理过程）")
    p.add_argument("kind", nargs="?", metavar="KIND", help="文书种类，即 templates_docx 中的文件名（不含 .docx）")
    p.add_argument("--list", action="store_true", help="列出全部文书种类")
    p.add_argument("--case", metavar="CASE_NO", help="登记编号，例如 〔2026〕第12号")
    p.add_argument("--out", metavar="FILE.docx", help="输出文件")
    p.add_argument("--issue", action="store_true", help="正式签发：编定文号，保存到案件文件夹并记入办理过程")
    p.add_argument("--date", type=_date, help="成文（签发）日期 YYYY-MM-DD，默认今天")
    p.add_argument("--set", type=_extra_value, action="append", default=[], metavar="名称=内容",
                   help="需填写的内容，例如 --set 补正事项=所需信息的名称（多行用 \\n 分隔），可重复")
    p.add_argument("--accept-late", action="store_true", help="超过期限仍签发（记录为逾期）")
    _add_db(p)
    p.set_defaults(handler=cmd_notice)


_EXTRA_COMMANDS.append(_add_notice_commands)
