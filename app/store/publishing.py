"""What the proactive register publishes besides its entries: the 政策解读 of a 行政规范性文件 and
the register of releases (发布登记), read back as app.domain.interpretation / publication objects."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields

from app.domain.interpretation import Interpretation as InterpretationRecord, InterpretationData
from app.domain.publication import Publication as PublicationRecord, PublicationData
from app.store.schema import Interpretation, ProactiveItem, Publication, now

_INTERP = [f.name for f in fields(InterpretationData)]
_PUB = [f.name for f in fields(PublicationData)]


# ---------------------------------------------------------------- 政策解读

def _interp_values(data: InterpretationData) -> dict:
    values = {n: getattr(data, n) for n in _INTERP}
    values["forms"] = json.dumps(list(data.forms), ensure_ascii=False)
    return values


def _to_interp(row: Interpretation) -> InterpretationRecord:
    values = {n: getattr(row, n) for n in _INTERP}
    values["forms"] = tuple(json.loads(row.forms or "[]"))
    return InterpretationRecord(row.id, row.item_id, InterpretationData(**values))


def interpretation_for(item_id: int) -> InterpretationRecord | None:
    row = Interpretation.get_or_none(Interpretation.item == item_id)
    return _to_interp(row) if row else None


def save_interpretation(item_id: int, data: InterpretationData) -> int:
    """Insert or replace the item's interpretation; the entry keeps its title and date as well
    (the register's list and table 2 read them there)."""
    row = Interpretation.get_or_none(Interpretation.item == item_id)
    if row is None:
        row_id = Interpretation.create(item=item_id, **_interp_values(data)).id
    else:
        Interpretation.update(updated_at=now(), **_interp_values(data)).where(Interpretation.id == row.id).execute()
        row_id = row.id
    ProactiveItem.update(interpretation_title=data.title, interpretation_on=data.published_on,
                         updated_at=now()).where(ProactiveItem.id == item_id).execute()
    return row_id


def interpretations(year: int | None = None) -> list[InterpretationRecord]:
    """Every interpretation (published in `year`, if given)."""
    q = Interpretation.select().order_by(Interpretation.id)
    if year is not None:
        q = q.where(Interpretation.published_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return [_to_interp(r) for r in q]


# ---------------------------------------------------------------- 发布登记

def _to_pub(row: Publication, title: str) -> PublicationRecord:
    data = PublicationData(**{n: getattr(row, n) for n in _PUB})
    return PublicationRecord(row.id, row.item_id, title, data, row.reviewers, row.file, row.sha256)


def add_publication(item_id: int, review_id: int | None, data: PublicationData, reviewers: str) -> int:
    return Publication.create(item=item_id, review=review_id, reviewers=reviewers,
                              **{n: getattr(data, n) for n in _PUB}).id


def set_publication_file(publication_id: int, path: str, sha256: str) -> None:
    Publication.update(file=path, sha256=sha256).where(Publication.id == publication_id).execute()


def publications(item_id: int | None = None, year: int | None = None) -> list[PublicationRecord]:
    """The register of releases, in the order published."""
    q = (Publication.select(Publication, ProactiveItem.title).join(ProactiveItem)
         .order_by(Publication.published_on, Publication.id))
    if item_id is not None:
        q = q.where(Publication.item == item_id)
    if year is not None:
        q = q.where(Publication.published_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return [_to_pub(r, r.item.title) for r in q]


def get_publication(publication_id: int) -> PublicationRecord | None:
    row = Publication.get_or_none(Publication.id == publication_id)
    return _to_pub(row, row.item.title) if row else None
