"""Helpers for tests that need an approved secrecy review (先审查、后公开) before recording a
releasing outcome (1, 1a, 2). They walk the real review through every step; nothing is faked."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.domain.review import CHECKS, CheckAnswer, ReviewData


def clean_checklist() -> dict[str, CheckAnswer]:
    """Every 保密审查制度第五条 question answered 否."""
    return {key: CheckAnswer("否") for key, _label in CHECKS}


def full_release(data: ReviewData) -> ReviewData:
    return replace(data, checks=clean_checklist(), proposal="全文公开", proposal_reason="")


def approve_case_review(case_id: int, on: dt.date, proposal: str = "全文公开", reason: str = "") -> int:
    """Create the review of a case's answer and sign every step with 同意 on `on`; returns its id."""
    from app.services import review

    draft = review.draft_for_case(case_id, today=on)
    data = replace(draft, checks=clean_checklist(), proposal=proposal, proposal_reason=reason,
                   section=draft.section or "党政办", carrier=draft.carrier or "非公文类")
    r = review.create_for_case(case_id, data, today=on)
    for key, _label in r.steps:
        r = review.approve(r.id, key, "测试审查人", on, today=on)
    return r.id
