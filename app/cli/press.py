"""新闻发布 from the command line: `press quota`, `press roster` (docs/legal/duties.md, 新闻发布)."""
from __future__ import annotations

import argparse
import datetime as dt
import json

from app.cli.common import add_db, open_db, parse_any_date as parse_date  # "--today" may look ahead


def cmd_quota(args: argparse.Namespace) -> int:
    """The year's periods against the pattern: {"pattern": …, "periods": [{"period", "required", "held"} …]}."""
    from app.services import press

    open_db(args, readonly=True)
    report = press.quota_json(args.year, args.today or dt.date.today(), args.pattern)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.year}年 新闻发布考核模式“{report['pattern']}”")
    for p in press.quota(args.year, args.today or dt.date.today(), report["pattern"]):
        print(p.text())
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    """The roster with each one's report to the 宣传部 (one month after appointment or removal)."""
    from app.domain.dates import cn_date
    from app.services import press

    open_db(args, readonly=True)
    rows = press.roster_rows(args.today or dt.date.today())
    out = [{"name": r.person.data.name, "role": r.person.data.role, "post": r.person.data.post,
            "phone": r.person.data.phone, "appointed_on": r.person.data.appointed_on.isoformat(),
            "serving": r.serving, "report_due": r.urgent.due.isoformat() if r.urgent else None, "state": r.state}
           for r in rows]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        due = f"报送期限 {cn_date(r.urgent.due)}" if r.urgent else "已报送"
        print(f"{r.person.data.role}\t{r.person.data.name}\t{r.person.data.post}\t{r.person.data.phone}\t{due}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("press", help="新闻发布：年度考核（1+2+N 或 4·2·1+N）与新闻发言人名单")
    inner = group.add_subparsers(dest="press_command", metavar="COMMAND")
    p = inner.add_parser("quota", help="一年中各季度、半年和全年的新闻发布会场次与要求")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--pattern", choices=("1+2+N", "4·2·1+N"), help="考核模式（默认按机关设置）")
    p.add_argument("--today", type=parse_date, help="按此日期判断期间是否已过（默认今天）")
    p.add_argument("--json", action="store_true")
    add_db(p)
    p.set_defaults(handler=cmd_quota)
    p = inner.add_parser("roster", help="新闻发言人及助理、任免报送期限")
    p.add_argument("--today", type=parse_date, help="按此日期计算期限（默认今天）")
    p.add_argument("--json", action="store_true")
    add_db(p)
    p.set_defaults(handler=cmd_roster)
    group.set_defaults(handler=lambda _args: group.print_help() or 2)
