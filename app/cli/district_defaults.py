"""The district's defaults (docs/district.md, "The district's defaults"), run with the 区级 login:
`server district-template KIND FILE` / `--remove` sets or removes the template every office without its
own copy uses; `server district-calendar` lists and changes the working-day calendar every office
inherits. The server refuses both to an office's login (it may only read them)."""
from __future__ import annotations

import argparse

from app.cli.common import add_db, open_db, parse_any_date


def cmd_district_template(args: argparse.Namespace) -> int:
    from app.services import templates
    from app.services.errors import ServiceError

    open_db(args, readonly=args.kind is None)
    if args.kind is None:
        defaults = templates.district_defaults_in_use()
        for name, when in defaults.items():
            print(f"{name}\t{when:%Y-%m-%d %H:%M}")
        if not defaults:
            print("全区还没有统一模板：各单位使用本单位修改的模板或程序自带的模板。")
        return 0
    if args.remove:
        if args.file:
            raise ServiceError("--remove 不需要文件")
        removed = templates.remove_district_default(args.kind)
        print(f"已删除“{args.kind}”的全区统一模板：没有本单位模板的单位改用程序自带的模板。" if removed
              else f"“{args.kind}”没有全区统一模板，未作改动。")
        return 0
    if not args.file:
        raise ServiceError("请给出模板文件（.docx），或用 --remove 删除全区统一模板")
    templates.set_district_default(args.kind, args.file)
    print(f"已设置“{args.kind}”的全区统一模板：{args.file}。各单位没有本单位修改版的，出具文书时即使用它。")
    return 0


def _refuse_unless_district() -> None:
    from app.services import calendar
    from app.services.errors import ServiceError

    if not calendar.for_district():
        raise ServiceError("全区统一的工作日历只能由区级用户修改（以区级用户的登录连接服务器）；"
                           "各单位的工作日历请在本单位的“工作日历”页修改。")


def cmd_district_calendar(args: argparse.Namespace) -> int:
    from app.services import calendar
    from app.services.errors import ServiceError

    changes = [args.set, args.remove, args.import_file, args.confirm, args.unconfirm]
    open_db(args, readonly=not any(changes))
    if sum(1 for c in changes if c) > 1:
        raise ServiceError("一次只能做一项修改（--set、--remove、--import、--confirm、--unconfirm 之一）")
    if any(changes):
        _refuse_unless_district()
    if args.set:
        day, word = args.set
        entries, problems = calendar.parse_schedule_rows([[day, word]])
        if problems:
            raise ServiceError("；".join(problems.values()))
        (parsed, working, _), = entries
        calendar.set_day(parsed, working, args.note or "")
        print(f"全区统一：{parsed.isoformat()} {'上班' if working else '休息'}。各单位下次打开程序（或刷新首页）时按新日历重新计算期限。")
    elif args.remove:
        calendar.set_day(args.remove, None)
        print(f"已删除全区统一的 {args.remove.isoformat()} 设定。")
    elif args.import_file:
        imported, _ = calendar.import_schedule(args.import_file)
        print(f"已导入全区统一的节假日安排 {imported} 天（导入不确认年度：核对后用 --confirm 年度 --source 通知名称 确认）。")
    elif args.confirm:
        calendar.confirm_year(args.confirm, args.source or "")
        print(f"已确认全区统一的{args.confirm}年节假日安排。")
    elif args.unconfirm:
        calendar.confirm_year(args.unconfirm, confirmed=False)
        print(f"已取消全区统一的{args.unconfirm}年确认。")
    else:
        from app.services.work_calendar import district_entries

        for day, (working, note) in sorted(district_entries().items()):
            print(f"{day.isoformat()}\t{'班' if working else '休'}\t{note}")
        for year, note in calendar.district_confirmed_years().items():
            print(f"{year}年已确认\t{note}")
    return 0


def add_server_commands(commands: argparse._SubParsersAction) -> None:
    """`server district-template`, `server district-calendar` (the 区级 login)."""
    p = commands.add_parser("district-template", help="区级：设置或删除全区统一的文书模板（各单位没有本单位修改版时使用）")
    p.add_argument("kind", metavar="KIND", nargs="?", help="文书种类，如 申请接收回执（不给出则列出已设置的）")
    p.add_argument("file", metavar="FILE", nargs="?", help="模板文件（.docx）")
    p.add_argument("--remove", action="store_true", help="删除这种文书的全区统一模板")
    add_db(p)
    p.set_defaults(handler=cmd_district_template)
    p = commands.add_parser("district-calendar", help="区级：全区统一的工作日历（各单位继承，本单位的设定优先）")
    p.add_argument("--set", nargs=2, metavar=("DATE", "休|班"), help="把这一天设为休息或上班")
    p.add_argument("--note", help="备注（如 通知文号）")
    p.add_argument("--remove", type=parse_any_date, metavar="DATE", help="删除这一天的全区设定")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="导入节假日安排（.csv / .xlsx：日期, 休/班, 备注）")
    p.add_argument("--confirm", type=int, metavar="YEAR", help="确认一年的安排（需 --source）")
    p.add_argument("--source", help="安排的来源：国务院办公厅通知的名称或文号")
    p.add_argument("--unconfirm", type=int, metavar="YEAR", help="取消一年的确认")
    add_db(p)
    p.set_defaults(handler=cmd_district_calendar)
