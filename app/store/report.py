"""Plain records for the annual report, read straight from the tables (no model objects: speed)."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from app.store.dispute import Dispute
from app.store.schema import Event, Request


def report_cases() -> list[tuple]:
    """(case_id, received_on, applicant_kind, outcome, concluded_on) of every request."""
    q = Request.select(Request.id, Request.received_on, Request.applicant_kind, Request.outcome,
                       Request.answered_on)
    return list(q.tuples())


def report_disputes() -> list[tuple]:
    """(kind, received_on, result, decided_on) of every 复议/诉讼."""
    return list(Dispute.select(Dispute.kind, Dispute.copy_received_on, Dispute.result, Dispute.decided_on).tuples())


def fees_of_year(year: int) -> tuple[int, Decimal]:
    """Fee notices sent in `year` and the 信息处理费 paid in it (yuan), from the timelines. A fee
    notice re-issued with another amount (event terms_changed) is paid at its last amount."""
    sent = {e.id: json.loads(e.data).get("amount", 0) for e in Event.select(Event.id, Event.data)
            .where(Event.kind == "fee_sent")}
    for e in Event.select(Event.data).where(Event.kind == "terms_changed").order_by(Event.happened_on, Event.id):
        data = json.loads(e.data)
        if int(data.get("ref") or 0) in sent and "amount" in (data.get("terms") or {}):
            sent[int(data["ref"])] = data["terms"]["amount"]
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    notices = Event.select().where((Event.kind == "fee_sent") & Event.happened_on.between(start, end)).count()
    paid = Decimal(0)
    for e in Event.select(Event.data).where((Event.kind == "fee_paid") & Event.happened_on.between(start, end)):
        paid += Decimal(str(sent.get(int(json.loads(e.data).get("ref", 0)), 0)))
    return notices, paid
