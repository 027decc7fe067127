"""政策解读 records on a real database (app/services/interpretation.py; docs/legal/duties.md, 政策解读)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.interpretation import InterpretationData
from app.services import audit, interpretation, proactive
from app.services.errors import ServiceError, ValidationError
from tests.services.test_proactive import approve, norm_item

D = dt.date
TODAY = D(2026, 11, 2)


def published_document() -> int:
    """A 行政规范性文件 issued 25 September 2026 and published on the portal on 28 September."""
    item = proactive.create(norm_item(comment_exempt_reason="应急性事项"), today=TODAY)
    approve(item.id, D(2026, 9, 28))
    proactive.publish(item.id, D(2026, 9, 28), "政府门户网站", today=TODAY)
    return item.id


def done(**changes) -> InterpretationData:
    base = dict(title="《茅畲乡农村生活垃圾分类管理办法》政策解读", section="农业农村办", interpreter="李明",
                contact="0576-84123456", forms=("文字解读", "图解"), draft_on=D(2026, 9, 20), revised_on=D(2026, 9, 26),
                approved_by="陈建国", approved_on=D(2026, 9, 27), published_on=D(2026, 9, 28), place="政府门户网站")
    return InterpretationData(**{**base, **changes})


def test_a_draft_is_filled_from_its_document(workspace):
    item_id = published_document()
    draft = interpretation.draft_for(item_id)
    assert (draft.title, draft.section, draft.place) == ("《茅畲乡农村生活垃圾分类管理办法》政策解读", "农业农村办",
                                                         "政府门户网站")


def test_published_with_the_document_clears_the_register_and_a_day_late_is_flagged(workspace):
    item_id = published_document()
    assert any(w.startswith("缺少政策解读") for w in proactive.row(item_id, today=TODAY).warnings)
    interpretation.save(item_id, done(published_on=D(2026, 9, 29), approved_on=D(2026, 9, 28)), TODAY)
    entry = proactive.get(item_id).data
    assert (entry.interpretation_title, entry.interpretation_on) == ("《茅畲乡农村生活垃圾分类管理办法》政策解读",
                                                                     D(2026, 9, 29))
    assert proactive.row(item_id, today=TODAY).warnings == (
        "政策解读于2026年9月29日公开，晚于文件1天，未与文件同步公开（文件公开于2026年9月28日）",)
    interpretation.save(item_id, done(), TODAY)
    assert proactive.row(item_id, today=TODAY).warnings == ()
    assert [r.flags for r in interpretation.documents()] == [()]
    assert [h.action for h in audit.history("interpretation", item_id)] == ["登记政策解读", "修改政策解读"]


def test_it_is_refused_before_approval_and_for_other_kinds(workspace):
    item_id = published_document()
    with pytest.raises(ValidationError, match="审定后方可公开"):
        interpretation.save(item_id, done(approved_by="", approved_on=None), TODAY)
    assert interpretation.for_item(item_id) is None
    other = proactive.create(norm_item(kind="其他公文", title="通知"), today=TODAY)
    with pytest.raises(ServiceError, match="行政规范性文件"):
        interpretation.save(other.id, done(), TODAY)


def test_the_year_figures_count_documents_interpretations_and_those_in_step(workspace):
    first = published_document()
    interpretation.save(first, done(), TODAY)
    late = proactive.create(norm_item(title="茅畲乡村规民约管理办法", comment_exempt_reason="应急"), today=TODAY)
    approve(late.id, D(2026, 10, 9))
    proactive.publish(late.id, D(2026, 10, 9), "政府门户网站", today=TODAY)
    interpretation.save(late.id, done(title="村规民约解读", forms=("音视频",), published_on=D(2026, 10, 12),
                                      approved_on=D(2026, 10, 10)), TODAY)
    exempt = proactive.create(norm_item(title="临时管理规定", comment_exempt_reason="应急",
                                        no_interpretation_reason="分管领导陈建国同意不解读"), today=TODAY)
    approve(exempt.id, D(2026, 10, 20))
    proactive.publish(exempt.id, D(2026, 10, 20), "政府门户网站", today=TODAY)
    figures = interpretation.year_figures(2026)
    assert (figures.documents, figures.interpreted, figures.in_step, figures.exempt) == (3, 2, 1, 1)
    assert figures.forms == {"文字解读": 1, "图解": 1, "音视频": 1}
