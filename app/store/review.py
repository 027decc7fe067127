"""Tables of the secrecy review (保密审查) and the proactive-publication register (主动公开),
with queries that return the plain objects of app.domain.review / app.domain.proactive."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, fields


from app.domain.proactive import Comment, Item, ItemData
from app.domain.review import CASE, PROACTIVE, CheckAnswer, Review, ReviewData, Signature
from app.store.schema import (Document, ProactiveComment, ProactiveItem, Request, ReviewStep, SecrecyReview,
                              now)


# ---------------------------------------------------------------- reviews

_REVIEW_FIELDS = [f.name for f in fields(ReviewData)]


def _review_values(data: ReviewData) -> dict:
    values = {name: getattr(data, name) for name in _REVIEW_FIELDS}
    values["channels"] = json.dumps(list(data.channels), ensure_ascii=False)
    values["checks"] = json.dumps({k: asdict(v) for k, v in data.checks.items()}, ensure_ascii=False)
    return values


def _review_data(row: SecrecyReview) -> ReviewData:
    values = {name: getattr(row, name) for name in _REVIEW_FIELDS}
    values["channels"] = tuple(json.loads(row.channels or "[]"))
    values["checks"] = {k: CheckAnswer(**v) for k, v in json.loads(row.checks or "{}").items()}
    return ReviewData(**values)


def insert_review(data: ReviewData, case_id: int | None, item_id: int | None, four_steps: bool,
                  submitted_on: dt.date, status: str, next_step: str | None) -> int:
    row = SecrecyReview.create(request=case_id, item=item_id, four_steps=four_steps, submitted_on=submitted_on,
                               status=status, next_step=next_step, **_review_values(data))
    return row.id


def update_review(review_id: int, data: ReviewData | None = None, **values) -> None:
    if data is not None:
        values.update(_review_values(data))
    SecrecyReview.update(updated_at=now(), **values).where(SecrecyReview.id == review_id).execute()


def add_signature(review_id: int, sig: Signature) -> None:
    ReviewStep.create(review=review_id, round=sig.round, step=sig.step, decision=sig.decision,
                      opinion=sig.opinion, person=sig.person, signed_on=sig.signed_on)


def _signatures(review_id: int) -> list[Signature]:
    q = ReviewStep.select().where(ReviewStep.review == review_id).order_by(ReviewStep.id)
    return [Signature(s.round, s.step, s.decision, s.opinion, s.person, s.signed_on) for s in q]


def _target_label(row: SecrecyReview) -> str:
    if row.request_id is not None:
        return Request.get_by_id(row.request_id).case_no
    if row.item_id is not None:
        item = ProactiveItem.get_by_id(row.item_id)
        return item.doc_no or item.title
    return ""


def _to_review(row: SecrecyReview) -> Review:
    return Review(row.id, CASE if row.request_id is not None else PROACTIVE, row.request_id, row.item_id,
                  _review_data(row), row.four_steps, row.round, _signatures(row.id), row.created_at,
                  row.submitted_on, _target_label(row))


def get_review(review_id: int) -> Review | None:
    row = SecrecyReview.get_or_none(SecrecyReview.id == review_id)
    return _to_review(row) if row else None


def latest_review_for(case_id: int | None = None, item_id: int | None = None) -> Review | None:
    """The newest review of a case's answer or of an item (an answer may be reviewed anew)."""
    q = SecrecyReview.select()
    q = q.where(SecrecyReview.request == case_id) if case_id is not None else q.where(SecrecyReview.item == item_id)
    row = q.order_by(SecrecyReview.id.desc()).first()
    return _to_review(row) if row else None


def reviews(status: str | None = None) -> list[Review]:
    q = SecrecyReview.select().order_by(SecrecyReview.submitted_on, SecrecyReview.id)
    if status is not None:
        q = q.where(SecrecyReview.status == status)
    return [_to_review(r) for r in q]


# ---------------------------------------------------------------- proactive items

_ITEM_FIELDS = [f.name for f in fields(ItemData)]


def _to_item(row: ProactiveItem, with_comments: bool = True) -> Item:
    data = ItemData(**{name: getattr(row, name) for name in _ITEM_FIELDS})
    review = SecrecyReview.select(SecrecyReview.id, SecrecyReview.status).where(
        SecrecyReview.item == row.id).order_by(SecrecyReview.id.desc()).first()
    return Item(row.id, data, review.id if review else None, review.status if review else "",
                comments(row.id) if with_comments else [], _interpretation(row.id))


def _interpretation(item_id: int):
    from app.store.publishing import interpretation_for  # noqa: PLC0415 - the publishing tables' module

    record = interpretation_for(item_id)
    return record.data if record else None


def insert_item(data: ItemData) -> int:
    return ProactiveItem.create(**{n: getattr(data, n) for n in _ITEM_FIELDS}).id


def update_item(item_id: int, data: ItemData) -> None:
    values = {n: getattr(data, n) for n in _ITEM_FIELDS}
    ProactiveItem.update(updated_at=now(), **values).where(ProactiveItem.id == item_id).execute()


def get_item(item_id: int) -> Item | None:
    row = ProactiveItem.get_or_none(ProactiveItem.id == item_id)
    return _to_item(row) if row else None


def items(text: str = "", kind: str = "", attribute: str = "") -> list[Item]:
    """Register entries, newest first."""
    q = ProactiveItem.select().order_by(ProactiveItem.made_on.desc(), ProactiveItem.id.desc())
    for term in text.split():
        q = q.where(ProactiveItem.title.contains(term) | ProactiveItem.doc_no.contains(term))
    if kind:
        q = q.where(ProactiveItem.kind == kind)
    if attribute:
        q = q.where(ProactiveItem.attribute == attribute)
    return [_to_item(r) for r in q]


def add_comment(item_id: int, received_on: dt.date, commenter: str, content: str, handling: str,
                reply: str) -> int:
    return ProactiveComment.create(item=item_id, received_on=received_on, commenter=commenter, content=content,
                                   handling=handling, reply=reply).id


def update_comment(comment_id: int, **values) -> None:
    ProactiveComment.update(**values).where(ProactiveComment.id == comment_id).execute()


def get_comment(comment_id: int) -> tuple[int, Comment] | None:
    c = ProactiveComment.get_or_none(ProactiveComment.id == comment_id)
    if c is None:
        return None
    return c.item_id, Comment(c.id, c.received_on, c.commenter, c.content, c.handling, c.reply)


def comments(item_id: int) -> list[Comment]:
    q = ProactiveComment.select().where(ProactiveComment.item == item_id).order_by(
        ProactiveComment.received_on, ProactiveComment.id)
    return [Comment(c.id, c.received_on, c.commenter, c.content, c.handling, c.reply) for c in q]


def add_document(case_id: int | None, kind: str, printed_on: dt.date, path: str, sha256: str, operator: str,
                 year: int | None = None) -> int:
    """Record a printed form among the documents: no 文号, dated the day it was printed; filed under
    `year` (default: the year printed) — a week's report under its week's year."""
    return Document.create(request=case_id, kind=kind, year=year or printed_on.year, issued_on=printed_on,
                           path=path, sha256=sha256, operator=operator).id
