"""舆情 from the command line: `opinion list` (docs/legal/duties.md, 舆情回应)."""
from __future__ import annotations

import argparse
import datetime as dt
import json

from app.cli.common import add_db, open_db


def _moment(text: str) -> dt.datetime:
    from app.domain.dates import parse_datetime

    moment = parse_datetime(text)
    if moment is None:
        raise argparse.ArgumentTypeError(f"时间格式应为 YYYY-MM-DD HH:MM：{text}")
    return moment


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment else None


def _limit(lim, now: dt.datetime) -> dict:
    from app.domain import clock

    return {"key": lim.key, "label": lim.label, "due_at": _iso(lim.due_at), "done_at": _iso(lim.done_at),
            "state": clock.hour_urgency(lim, now), "superseded": lim.superseded, "late": lim.late,
            "rule": lim.explanation}


def cmd_list(args: argparse.Namespace) -> int:
    """Every item with its steps and hour limits read at --now (default: now)."""
    from app.domain.dates import cn_datetime, cn_duration
    from app.domain import clock
    from app.services import opinion

    open_db(args, readonly=True)
    now = args.now or dt.datetime.now().replace(second=0, microsecond=0)
    rows = opinion.rows(now=now, year=args.year)
    if args.json:
        out = [{"no": r.item.no, "found_at": _iso(r.item.data.found_at), "source": r.item.data.source,
                "source_detail": r.item.data.source_detail, "title": r.item.data.title,
                "concerned": r.item.data.concerned, "level": r.item.data.level, "emergency": r.item.data.emergency,
                "status": r.status, "steps": [{"step": s.key, "label": s.label, "at": _iso(s.at), "person": s.person,
                                                "values": s.values} for s in r.item.steps],
                "limits": [_limit(lim, now) for lim in r.limits], "warnings": list(r.warnings)} for r in rows]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        d = r.item.data
        due = (f"{r.urgent.label} {cn_datetime(r.urgent.due_at)}前（{cn_duration(clock.time_left(r.urgent, now))}）"
               if r.urgent else "")
        print(f"{r.item.no}\t{cn_datetime(d.found_at)}\t{d.level}\t{r.status}\t{d.title}\t{due}")
    print(f"共 {len(rows)} 条，按 {cn_datetime(now)} 计算时限")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("opinion", help="政务舆情：列出舆情及其按小时计算的回应时限")
    inner = group.add_subparsers(dest="opinion_command", metavar="COMMAND")
    p = inner.add_parser("list", help="列出舆情、办理步骤和回应时限")
    p.add_argument("--year", type=int, help="发现年度（省略时列出全部）")
    p.add_argument("--now", type=_moment, help="按此时刻计算剩余时间（YYYY-MM-DD HH:MM，默认现在）")
    p.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    add_db(p)
    p.set_defaults(handler=cmd_list)
    group.set_defaults(handler=lambda _args: group.print_help() or 2)
