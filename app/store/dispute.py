"""行政复议 / 行政诉讼 records about a request's answer (docs/legal/requests.md, 行政争议, table 4)."""
from __future__ import annotations


from app.store.base import database
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


_COLUMNS = ["id", "request", "kind", "body", "copy_received_on", "forwarded_on", "evidence", "reply_filed_on",
            "result", "decided_on", "notes"]


def open_ones() -> list[dict]:
    """Undecided disputes with their hearings, in two queries of plain rows (the home page lists them
    all, thousands in a district's register)."""
    from app.store.db import reader

    hearings: dict[int, list[tuple]] = {}
    read_hearing = reader(Hearing, ["dispute", "held_on", "place", "note"])
    for dispute_id, *hearing in map(read_hearing, database.execute_sql(
            "SELECT h.dispute_id, h.held_on, h.place, h.note FROM hearing AS h JOIN dispute AS d ON d.id = h.dispute_id "
            "WHERE d.result IS NULL ORDER BY h.held_on, h.id").fetchall()):
        hearings.setdefault(dispute_id, []).append(tuple(hearing))
    read = reader(Dispute, _COLUMNS)
    names = [Dispute._meta.fields[c].column_name for c in _COLUMNS]
    out = []
    for row in database.execute_sql(f"SELECT {', '.join(names)} FROM dispute WHERE result IS NULL "
                                    "ORDER BY copy_received_on, id").fetchall():
        values = dict(zip(_COLUMNS, read(row)))
        values["case_id"] = values.pop("request")
        values["hearings"] = hearings.get(values["id"], [])
        out.append(values)
    return out


def add_hearing(dispute_id: int, held_on, place: str, note: str) -> int:
    return Hearing.create(dispute=dispute_id, held_on=held_on, place=place, note=note).id


