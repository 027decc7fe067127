"""行政复议 / 行政诉讼 records about a request's answer (docs/legal/requests.md, 行政争议, table 4)."""
from __future__ import annotations


from app.store.schema import Dispute, Hearing


def to_dict(d: Dispute, hearings: list[tuple] | None = None) -> dict:
    if hearings is None:
        hearings = [(h.held_on, h.place, h.note) for h in d.hearings.order_by(Hearing.held_on)]
    return {"id": d.id, "case_id": d.request_id, "kind": d.kind, "body": d.body,
            "copy_received_on": d.copy_received_on, "forwarded_on": d.forwarded_on, "evidence": d.evidence,
            "reply_filed_on": d.reply_filed_on, "result": d.result, "decided_on": d.decided_on, "notes": d.notes,
            "hearings": hearings}


def create(**values) -> int:
    return Dispute.create(**values).id


def create_many(columns: list[str], rows: list[tuple]) -> None:
    """Many disputes at once, values in the order of `columns` (demo data). Call inside atomic()."""
    from app.store.db import insert_many

    insert_many(Dispute, columns, rows)


def update(dispute_id: int, **values) -> None:
    Dispute.update(**values).where(Dispute.id == dispute_id).execute()


def get(dispute_id: int) -> dict | None:
    d = Dispute.get_or_none(Dispute.id == dispute_id)
    return to_dict(d) if d else None


def for_case(case_id: int) -> list[dict]:
    return [to_dict(d) for d in Dispute.select().where(Dispute.request == case_id).order_by(Dispute.copy_received_on)]


def open_ones() -> list[dict]:
    """Undecided disputes with their hearings, in two queries (the home page lists them all)."""
    undecided = Dispute.result.is_null()
    hearings: dict[int, list[tuple]] = {}
    for h in Hearing.select().join(Dispute).where(undecided).order_by(Hearing.held_on, Hearing.id):
        hearings.setdefault(h.dispute_id, []).append((h.held_on, h.place, h.note))
    return [to_dict(d, hearings.get(d.id, [])) for d in Dispute.select().where(undecided)
            .order_by(Dispute.copy_received_on)]


def add_hearing(dispute_id: int, held_on, place: str, note: str) -> int:
    return Hearing.create(dispute=dispute_id, held_on=held_on, place=place, note=note).id


