"""The 主动公开 register on a real database: limits on the office calendar, publication behind an
approved review, 动态调整, 征求意见 comments and table 2 (条例第二十六条; docs/legal/sources.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.domain.proactive import ItemData
from app.services import calendar as office_calendar, proactive, review, settings
from app.services.errors import ServiceError, ValidationError
from app.store import audit
from app.store.review import ProactiveItem
from tests.review_support import full_release

D = dt.date
TODAY = D(2026, 11, 2)


def norm_item(**over) -> ItemData:
    values = dict(title="茅畲乡农村生活垃圾分类管理办法", doc_no="茅政发〔2026〕12号", kind="行政规范性文件",
                  section="农业农村办", made_on=D(2026, 9, 25), issued_on=D(2026, 9, 25), attribute="主动公开")
    values.update(over)
    return ItemData(**values)


def approve(item_id: int, on: dt.date) -> None:
    r = review.create_for_item(item_id, full_release(review.draft_for_item(item_id, today=on)), today=on)
    for key, _label in r.steps:
        review.approve(r.id, key, "审查人", on, today=on)


def test_limits_across_national_day_on_the_office_calendar(workspace):
    item = proactive.create(norm_item(issued_on=D(2026, 9, 30)), today=TODAY)
    row = proactive.row(item.id, today=D(2026, 10, 9))
    due = {lim.key: lim.due for lim in row.limits}
    # 20 working days after Fri 25 Sep skipping 10/1–10/7, counting Sat 10/10: Thu 29 Oct.
    # 1 working day after Wed 30 Sep: Thu 8 Oct.
    assert due == {"proactive_publish": D(2026, 10, 29), "proactive_load": D(2026, 10, 8)}
    assert (row.state, row.urgent.key) == ("overdue", "proactive_load")
    # The office closes on Wed 28 Oct (e.g. a local typhoon day): the publication limit moves to Fri 30 Oct.
    office_calendar.set_day(D(2026, 10, 28), False, "台风停工")
    row = proactive.row(item.id, today=D(2026, 10, 9))
    assert {lim.key: lim.due for lim in row.limits}["proactive_publish"] == D(2026, 10, 30)


def test_publication_waits_for_an_approved_review(workspace):
    item = proactive.create(norm_item(), today=TODAY)
    with pytest.raises(ServiceError, match="保密审查尚未通过"):
        proactive.publish(item.id, D(2026, 9, 28), "政府门户网站", today=TODAY)
    assert proactive.get(item.id).data.published_on is None
    with pytest.raises(ServiceError, match="保密审查尚未通过"):
        proactive.create(norm_item(published_on=D(2026, 9, 28), place="公开栏"), today=TODAY)
    approve(item.id, D(2026, 9, 28))
    done = proactive.publish(item.id, D(2026, 9, 28), "政府门户网站", today=TODAY)
    assert done.review_status == "已通过"
    row = proactive.row(item.id, today=TODAY)
    publish = next(lim for lim in row.limits if lim.key == "proactive_publish")
    assert publish.done_on == D(2026, 9, 28) and not publish.late
    assert any(w.startswith("缺少政策解读") for w in row.warnings)
    changes = audit.entries("proactive_item", item.id)[-1].changes
    assert changes["published_on"] == [None, "2026-09-28"] and changes["place"] == ["", "政府门户网站"]


def test_interpretation_published_the_same_day_clears_the_warning(workspace):
    item = proactive.create(norm_item(comment_exempt_reason="应急性事项"), today=TODAY)
    approve(item.id, D(2026, 9, 28))
    data = replace(proactive.get(item.id).data, published_on=D(2026, 9, 28), place="政府门户网站",
                   loaded_on=D(2026, 9, 28), interpretation_title="《管理办法》政策解读", interpretation_on=D(2026, 9, 29))
    proactive.update(item.id, data, today=TODAY)
    assert proactive.row(item.id, today=TODAY).warnings == (
        "政策解读公开日期（2026年9月29日）与文件公开日期（2026年9月28日）不一致，应一并公开",)
    proactive.update(item.id, replace(data, interpretation_on=D(2026, 9, 28)), today=TODAY)
    assert proactive.row(item.id, today=TODAY).warnings == ()


def test_withheld_items_get_a_review_date_and_release_records_why(workspace):
    with pytest.raises(ValidationError) as info:
        proactive.create(norm_item(kind="其他公文", attribute="不予公开"), today=TODAY)
    assert "attribute_reason" in info.value.errors
    assert ProactiveItem.select().count() == 0
    item = proactive.create(norm_item(kind="其他公文", attribute="不予公开", attribute_reason="内部事务信息",
                                      made_on=D(2025, 10, 1), issued_on=D(2025, 10, 1)), today=TODAY)
    # One year on is 1 Oct 2026, National Day: the review falls on the first working day, Thu 8 Oct.
    assert item.data.review_due_on == D(2026, 10, 8)
    assert [r.item.id for r in proactive.attention(today=TODAY)] == [item.id]

    kept = proactive.review_withheld(item.id, D(2026, 10, 9), keep=True, reason="仍属内部事务信息", today=TODAY)
    assert kept.data.review_due_on == D(2027, 10, 11)  # 9 Oct 2027 is a Saturday
    assert proactive.attention(today=TODAY) == []

    with pytest.raises(ValidationError):
        proactive.update(item.id, replace(kept.data, attribute="主动公开", attribute_reason=""), today=TODAY)
    released = proactive.review_withheld(item.id, D(2026, 10, 30), keep=False, reason="相关工作已结束，理由消失",
                                         today=TODAY)
    assert (released.data.attribute, released.data.review_due_on, released.data.made_on) == (
        "主动公开", None, D(2026, 10, 30))
    last = audit.entries("proactive_item", item.id)[-1]
    assert last.changes["release_reason"] == [None, "相关工作已结束，理由消失"]
    assert last.changes["attribute"] == ["不予公开", "主动公开"]


def test_office_setting_changes_the_review_period(workspace):
    s = settings.load()
    s.withheld_review_months = 6
    settings.save(s)
    item = proactive.create(norm_item(kind="非公文类信息", issued_on=None, attribute="不予公开",
                                      attribute_reason="涉及个人隐私", made_on=D(2026, 3, 2)), today=TODAY)
    assert item.data.review_due_on == D(2026, 9, 2)


def test_comments_are_recorded_and_answered(workspace):
    item = proactive.create(norm_item(comment_start=D(2026, 9, 1), comment_end=D(2026, 9, 10)), today=TODAY)
    c = proactive.add_comment(item.id, D(2026, 9, 3), "茅畲村村民", "建议每村增设分类投放点", today=TODAY)
    assert "有1条征求意见尚未登记处理情况" in proactive.row(item.id, today=TODAY).warnings
    with pytest.raises(ValidationError) as info:
        proactive.handle_comment(c.id, "不予采纳", "")
    assert info.value.errors == {"reply": "不予采纳的意见，须写明向提议人反馈的理由"}
    proactive.handle_comment(c.id, "采纳", "已在第五条增加投放点要求")
    assert proactive.get(item.id).comments[0].handling == "采纳"
    assert not any("征求意见" in w for w in proactive.row(item.id, today=TODAY).warnings)
    other = proactive.create(norm_item(kind="其他公文", title="会议通知"), today=TODAY)
    with pytest.raises(ValidationError):
        proactive.add_comment(other.id, D(2026, 9, 3), "某人", "意见", today=TODAY)


def test_short_comment_period_is_warned(workspace):
    # Opened Wed 29 Apr 2026: seven working days after it (skipping 5/1–5/5, counting Sat 5/9) end Tue 12 May.
    item = proactive.create(norm_item(made_on=D(2026, 5, 20), issued_on=D(2026, 5, 20),
                                      comment_start=D(2026, 4, 29), comment_end=D(2026, 5, 8)), today=TODAY)
    assert "征求意见期仅4个工作日，不足7个工作日（自2026年4月29日起应至少至2026年5月12日）" in \
        proactive.row(item.id, today=TODAY).warnings


def test_table2_from_the_register_over_a_year_with_repeals(workspace):
    def add(issued, repealed=None, kind="行政规范性文件"):
        item = proactive.create(norm_item(kind=kind, made_on=issued, issued_on=issued), today=TODAY)
        if repealed:
            proactive.repeal(item.id, repealed, today=TODAY)
        return item

    add(D(2024, 12, 30))                        # in force throughout 2025
    add(D(2025, 2, 10))                         # made 2025
    add(D(2025, 3, 3), repealed=D(2025, 12, 31))  # made and repealed 2025: not in force on 31 Dec
    add(D(2024, 5, 6), repealed=D(2025, 6, 30))   # repealed 2025
    add(D(2025, 8, 8), repealed=D(2026, 1, 5))    # repealed next year: in force on 31 Dec 2025
    add(D(2025, 9, 9), kind="其他公文")            # not a 行政规范性文件
    counts = proactive.table2_counts(2025).documents
    # 本年制发 2/10, 3/3, 8/8 = 3; 本年废止 12/31, 6/30 = 2; 现行有效 2024-12-30, 2/10, 8/8 = 3.
    assert counts["行政规范性文件"] == (3, 2, 3)
    assert counts["规章"] == (0, 0, 0)
    assert len(proactive.table2_docs()) == 5
    with pytest.raises(ValidationError) as info:
        proactive.repeal(proactive.register_rows()[0].item.id, D(2024, 1, 1), today=TODAY)
    assert info.value.errors == {"repealed_on": "废止日期不能早于印发日期"}
