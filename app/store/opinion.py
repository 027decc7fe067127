"""The 舆情 tables: items and their steps, read back as app.domain.opinion objects."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields

from app.domain.opinion import Item, ItemData, Step
from app.store import sequences
from app.store.schema import Document, OpinionItem, OpinionStep, now

_FIELDS = [f.name for f in fields(ItemData)]
SEQUENCE = "opinion"


def _steps(item_id: int) -> tuple[Step, ...]:
    q = OpinionStep.select().where(OpinionStep.item == item_id).order_by(OpinionStep.at, OpinionStep.id)
    return tuple(Step(s.id, s.key, s.at, s.person, json.loads(s.values or "{}")) for s in q)


def _to_item(row: OpinionItem) -> Item:
    data = ItemData(**{name: getattr(row, name) for name in _FIELDS})
    return Item(row.id, row.no, data, _steps(row.id), row.attachment)


def insert_item(data: ItemData) -> int:
    """A new item numbered in the year it was found (2026-003). Call inside atomic()."""
    year = data.found_at.year
    seq = sequences.next_value(SEQUENCE, year)
    row = OpinionItem.create(no=f"{year}-{seq:03d}", year=year, seq=seq,
                             **{name: getattr(data, name) for name in _FIELDS})
    return row.id


def update_item(item_id: int, data: ItemData) -> None:
    values = {name: getattr(data, name) for name in _FIELDS}
    OpinionItem.update(updated_at=now(), **values).where(OpinionItem.id == item_id).execute()


def set_attachment(item_id: int, path: str, sha256: str) -> None:
    OpinionItem.update(attachment=path, attachment_sha256=sha256, updated_at=now()).where(
        OpinionItem.id == item_id).execute()


def add_step(item_id: int, key: str, at: dt.datetime, person: str, values: dict[str, str]) -> int:
    return OpinionStep.create(item=item_id, key=key, at=at, person=person,
                              values=json.dumps(values, ensure_ascii=False)).id


def get_item(item_id: int) -> Item | None:
    row = OpinionItem.get_or_none(OpinionItem.id == item_id)
    return _to_item(row) if row else None


def items(text: str = "", year: int | None = None) -> list[Item]:
    """Items, newest found first; `text` matches the number, title, summary or the body concerned."""
    q = OpinionItem.select().order_by(OpinionItem.found_at.desc(), OpinionItem.id.desc())
    for term in text.split():
        q = q.where(OpinionItem.no.contains(term) | OpinionItem.title.contains(term)
                    | OpinionItem.summary.contains(term) | OpinionItem.concerned.contains(term))
    if year is not None:
        q = q.where(OpinionItem.year == year)
    return [_to_item(r) for r in q]


def found_between(first: dt.datetime, end: dt.datetime) -> list[Item]:
    """Items found in [first, end), in the order found."""
    q = OpinionItem.select().where((OpinionItem.found_at >= first) & (OpinionItem.found_at < end)).order_by(
        OpinionItem.found_at, OpinionItem.id)
    return [_to_item(r) for r in q]


def open_items() -> list[Item]:
    """Items not closed (their limits may still run)."""
    closed = OpinionStep.select(OpinionStep.item).where(OpinionStep.key == "close")
    q = OpinionItem.select().where(OpinionItem.id.not_in(closed)).order_by(OpinionItem.found_at)
    return [_to_item(r) for r in q]


def titles(ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r.id: f"{r.no} {r.title}" for r in OpinionItem.select(OpinionItem.id, OpinionItem.no, OpinionItem.title)
            .where(OpinionItem.id.in_(ids))}


def documents(kinds: tuple[str, ...], year: int) -> list[tuple[str, str, str]]:
    """(kind, path, sha256) of the documents of these kinds made for ``year``, oldest first."""
    q = Document.select().where(Document.kind.in_(list(kinds)) & (Document.year == year)).order_by(Document.id)
    return [(d.kind, d.path, d.sha256) for d in q]
