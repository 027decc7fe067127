"""The legal clock from the command line: `deadline`."""
from __future__ import annotations

import argparse
import json

from app.cli.common import add_db, open_db, parse_date


def _pause(text: str):
    from app.domain.clock import Pause

    start, _, end = text.partition(":")
    pause = Pause(parse_date(start), parse_date(end) if end else None)
    if pause.end is not None and pause.end < pause.start:
        raise argparse.ArgumentTypeError(f"暂停期间的结束日期早于开始日期：{text}")
    return pause


def cmd_deadline(args: argparse.Namespace) -> int:
    """Limits for a case given on the command line; with --db the office's calendar is used."""
    from app.domain import clock
    from app.domain.calendar import WorkCalendar
    from app.domain.clock import ClockInput

    if args.db_sub or args.db:
        from app.services.work_calendar import work_calendar

        open_db(args, readonly=True)
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
    from app.domain.dates import cnparse_date

    flag = lambda y: "（未确认：" + "、".join(map(str, y)) + "年节假日安排未载入，仅按周末计算）" if y else ""
    print(f"收到申请日期：{cnparse_date(args.received)}")
    print(f"补正告知期限：{cnparse_date(notice.due)}{flag(notice.unconfirmed_years)}  {notice.explanation}")
    print(f"答复期限：{cnparse_date(answer.due)}{flag(answer.unconfirmed_years)}  {answer.explanation}")
    if args.extended:
        print(f"延期后答复期限：{cnparse_date(extended.due)}{flag(extended.unconfirmed_years)}  {extended.explanation}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadline", help="计算一件申请的法定期限（工作日）")
    p.add_argument("--received", type=parse_date, required=True, help="收到申请日期 YYYY-MM-DD")
    p.add_argument("--corrected", type=parse_date, help="收到补正后申请的日期")
    p.add_argument("--extended", action="store_true", help="同时给出延期后的答复期限")
    p.add_argument("--pause", type=_pause, action="append", default=[], metavar="FROM:TO",
                   help="征求意见或缴费期间（发出之日:结束之日），可重复")
    p.add_argument("--json", action="store_true")
    add_db(p)
    p.set_defaults(handler=cmd_deadline)
