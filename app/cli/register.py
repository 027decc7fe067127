"""Register commands: list the register, make demo data."""
from __future__ import annotations

import argparse
import datetime as dt
import json

from app.cli.common import add_db, open_db


def cmd_list(args: argparse.Namespace) -> int:
    from app.domain.request import CaseQuery
    from app.services import register

    open_db(args, readonly=True)  # only reads: works beside the running program
    query = CaseQuery(year=args.year, sort="case_no", descending=False)
    total = register.count(query)
    out = []
    for offset in range(0, total, 1000):
        for row in register.list_rows(query, offset, 1000):
            out.append({"case_no": row.case_no, "received_on": row.received_on.isoformat(),
                        "applicant_kind": row.applicant_kind, "applicant": row.name, "content": row.content,
                        "status": row.status, "outcome": row.outcome,
                        "answered_on": row.answered_on.isoformat() if row.answered_on else None,
                        "due_on": row.due_on.isoformat() if row.due_on else None,
                        # docs/legal/requests.md, 未确认: a limit in an unconfirmed year is never certain
                        "unconfirmed_years": list(register.due_unconfirmed_years(row))})
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

    open_db(args, create=True)
    if not settings.is_configured():
        settings.save(demo.demo_settings())
    n = demo.generate(args.year, args.count, args.seed)
    print(f"已生成 {n} 件{args.year}年度演示申请")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="列出登记的申请")
    p.add_argument("--year", type=int, help="年度（省略时列出全部年度）")
    p.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    add_db(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("demo-data", help="生成可重复的演示数据")
    p.add_argument("--year", type=int, default=dt.date.today().year)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--seed", type=int, default=7)
    add_db(p)
    p.set_defaults(handler=cmd_demo_data)
