"""A district on one server (docs/district.md): `server init URL`, `server add-office`, `server add-user`,
`server list-users`, `server assign-office` for the district's IT; `district-home` and `district-report` for the 区级 login."""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys

from app import paths
from app.cli.common import add_db, db_path, open_db

_ROLE_NAMES = {"clerk": "经办人", "reviewer": "审核人/分管领导", "admin": "单位管理员", "district": "区级（只读全部单位）"}
_ROLE_HELP = "；".join(f"{key}＝{name}" for key, name in _ROLE_NAMES.items())


def _url(args: argparse.Namespace) -> str:
    from app.services.errors import ServiceError

    url = args.url or db_path(args) or os.environ.get("ZWGK_DB")
    if not url or not paths.is_url(str(url)):
        raise ServiceError(f"请给出数据库服务器的地址，如 {paths.SERVER_EXAMPLE}")
    return url


def cmd_init(args: argparse.Namespace) -> int:
    from app.services import district

    district.init(_url(args))
    print("已初始化区级服务器：数据表、各单位的数据隔离（行级安全策略）和角色"
          f"（{'、'.join(district.ROLES.values())}）。下一步：server add-office 添加单位，server add-user 添加用户。")
    if not district.search_through_policies():
        print("注意：本次不是以数据库超级用户运行，登记簿检索用的两个运算符未能声明为 LEAKPROOF。各单位的检索结果"
              "仍然正确，但每次按键要读本单位的整个登记簿，数据多时会变慢。请由数据库的超级用户（安装数据库时建立的管理账号）"
              "再运行一次：python -m app server init 服务器地址。", file=sys.stderr)
    return 0


def cmd_add_office(args: argparse.Namespace) -> int:
    from app.services import district

    district.add_office(_url(args), args.code, args.name)
    print(f"已添加单位：{args.code} {args.name}")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n") or None
    if args.no_password or not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"为 {args.login} 设置初始密码（直接回车则不设密码）：")
    if first and getpass.getpass("再输入一次：") != first:
        from app.services.errors import ServiceError

        raise ServiceError("两次输入的密码不一致，没有添加用户")
    return first or None


def cmd_add_user(args: argparse.Namespace) -> int:
    from app.services import district

    district.add_user(_url(args), args.login, args.office, args.role, _password(args))
    where = f"单位 {args.office}" if args.role != "district" else "区级（只读全部单位）"
    print(f"已添加用户 {args.login}：{where}，角色 {district.ROLES[args.role]}。"
          "本程序不保存密码：该用户连接服务器时自己输入。")
    return 0


def cmd_list_users(args: argparse.Namespace) -> int:
    from app.services import district

    for user in district.list_users(_url(args)):
        office = f"{user.office} {user.office_name}" if user.office else "（全区）"
        state = "" if user.can_login else "\t（不能登录）"
        print(f"{user.login}\t{office}\t{district.ROLES.get(user.role, user.role)}{state}")
    return 0


def cmd_assign_office(args: argparse.Namespace) -> int:
    from app.services import district

    rows = district.assign_office(_url(args), args.code)
    print(f"已把区级初始化之前的数据（{rows} 行，连同记录本次划归的审计记录）划归单位 {args.code}；"
          "该单位的用户登录后即可看到原有的申请、文书和审计记录。")
    return 0


def cmd_district_home(args: argparse.Namespace) -> int:
    from app.services import district

    open_db(args, readonly=True)
    page = district.home(args.today or dt.date.today())
    print("单位\t已超期\t3个工作日内到期\t" f"{page.archive_year}年度已归档\t未办结舆情")
    for line in page.lines:
        archived = {None: "（未到期限）", True: "是", False: "否"}[line.year_archived]
        print(f"{line.code} {line.name}\t{line.overdue}\t{line.due_soon}\t{archived}\t{line.open_opinions}")
    return 0


def cmd_district_report(args: argparse.Namespace) -> int:
    from app.services import district

    open_db(args, readonly=True)
    report = district.annual_report(args.year)
    if args.cell:
        row, column = args.cell
        for code, value in report.breakdown(row, column).items():
            print(f"{code}\t{value}")
        print(f"合计\t{report.t3.cell(row, column)}")
    if args.out:
        district.export(report, args.out)
        print(f"已导出 {len(report.offices)} 个单位的汇总表：{args.out}")
    for error in report.errors:
        print(f"不平衡：{error}", file=sys.stderr)
    return 0


def _server_url(p: argparse.ArgumentParser, handler) -> None:
    """The server a `server` command works on (--url, or --db / ZWGK_DB), and its handler."""
    p.add_argument("--url", metavar="URL", help="服务器地址（也可用 --db）")
    add_db(p)
    p.set_defaults(handler=handler)


def add_commands(sub: argparse._SubParsersAction) -> None:
    from app.cli.common import parse_date

    group = sub.add_parser("server", help="区级服务器：初始化、单位和用户（信息技术人员使用）")
    commands = group.add_subparsers(dest="server_command", metavar="操作", title="操作")
    p = commands.add_parser("init", help="建立数据表、角色和各单位的数据隔离（以数据库所有者身份运行）")
    p.add_argument("url", metavar="URL", nargs="?", help=f"服务器地址，如 {paths.SERVER_EXAMPLE}")
    add_db(p)
    p.set_defaults(handler=cmd_init)
    p = commands.add_parser("add-office", help="添加单位（乡镇、街道或部门）")
    p.add_argument("code", metavar="CODE", help="单位代码，如 xinqiao")
    p.add_argument("name", metavar="NAME", help="单位名称，如 新桥镇人民政府")
    _server_url(p, cmd_add_office)
    p = commands.add_parser("add-user", help="添加用户（数据库登录名），或改变其单位和角色")
    p.add_argument("login", metavar="LOGIN")
    p.add_argument("--office", metavar="CODE", help="所属单位的代码（区级用户不需要）")
    p.add_argument("--role", required=True, choices=list(_ROLE_NAMES), help=_ROLE_HELP)
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取初始密码")
    p.add_argument("--no-password", action="store_true", help="不设密码（服务器用证书等方式认证时）")
    _server_url(p, cmd_add_user)
    _server_url(commands.add_parser("list-users", help="列出各单位的用户和角色"), cmd_list_users)
    p = commands.add_parser("assign-office", help="把区级初始化之前服务器上的数据划归一个单位（原来独自使用服务器的单位）")
    p.add_argument("code", metavar="CODE", help="单位代码（先用 add-office 添加）")
    _server_url(p, cmd_assign_office)
    from app.cli.district_defaults import add_server_commands

    add_server_commands(commands)  # the district's shared calendar and template defaults (区级)

    p = sub.add_parser("district-home", help="区级：各单位的超期、临期、归档和舆情情况")
    p.add_argument("--today", type=parse_date, help="按这一天计算（默认今天）")
    add_db(p)
    p.set_defaults(handler=cmd_district_home)
    p = sub.add_parser("district-report", help="区级：按服务器上各单位的数据实时汇总年度报告")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--cell", nargs=2, metavar=("ROW", "COLUMN"), help="列出表三某一格在各单位的数字")
    p.add_argument("--out", metavar="FILE.xlsx", help="导出汇总表（与 sum-reports 相同的格式）")
    add_db(p)
    p.set_defaults(handler=cmd_district_report)
