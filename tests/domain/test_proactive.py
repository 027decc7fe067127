"""Proactive-publication limits, warnings and table 2 (条例第二十六条; docs/legal/sources.md).

Expected dates are counted by hand from the 2026 State Council holiday notice:
国庆 10/1–10/7 off, 9/20 (Sun) and 10/10 (Sat) working; 劳动节 5/1–5/5 off, 5/9 (Sat) working.
"""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import proactive as pr
from app.domain.calendar import WorkCalendar
from app.domain.clock import DONE, OVERDUE, urgency
from app.domain.proactive import Comment, ItemData

D = dt.date


@pytest.fixture(scope="module")
def cal():
    return WorkCalendar()


def norm(**over) -> ItemData:
    values = dict(title="茅畲乡农村生活垃圾分类管理办法", doc_no="茅政发〔2026〕12号", kind=pr.NORM_DOC,
                  section="农业农村办", made_on=D(2026, 9, 25), issued_on=D(2026, 9, 25), attribute=pr.PROACTIVE)
    values.update(over)
    return ItemData(**values)


def limit(data, cal, key):
    return next(x for x in pr.limits(data, cal) if x.key == key)


def test_twenty_working_days_across_national_day(cal):
    # Made Fri 25 Sep. Working days after it: 9/28, 9/29, 9/30 (3); 10/1–10/7 off; 10/8, 10/9 (5);
    # Sat 10/10 makeup (6); 10/12–10/16 (11); 10/19–10/23 (16); 10/26, 27, 28, 29 (20).
    due = limit(norm(), cal, pr.KEY_PUBLISH).due
    assert due == D(2026, 10, 29)


def test_twenty_working_days_across_labour_day(cal):
    # Made Wed 22 Apr: 4/23, 4/24 (2); 4/27–4/30 (6); 5/1–5/5 off; 5/6, 5/7, 5/8 (9); Sat 5/9 (10);
    # 5/11–5/15 (15); 5/18–5/22 (20).
    due = limit(norm(made_on=D(2026, 4, 22), issued_on=D(2026, 4, 22)), cal, pr.KEY_PUBLISH).due
    assert due == D(2026, 5, 22)


def test_one_working_day_to_load_a_document_issued_before_national_day(cal):
    assert limit(norm(issued_on=D(2026, 9, 30)), cal, pr.KEY_LOAD).due == D(2026, 10, 8)
    # Issued Fri 9 Oct: the next working day is the makeup Saturday 10 Oct.
    assert limit(norm(made_on=D(2026, 10, 9), issued_on=D(2026, 10, 9)), cal, pr.KEY_LOAD).due == D(2026, 10, 10)
    # Issued Thu 30 Apr: 5/1–5/5 off, so Wed 6 May.
    assert limit(norm(made_on=D(2026, 4, 30), issued_on=D(2026, 4, 30)), cal, pr.KEY_LOAD).due == D(2026, 5, 6)


def test_load_limit_only_for_proactive_documents(cal):
    keys = {x.key for x in pr.limits(norm(kind=pr.NON_DOC, issued_on=None), cal)}
    assert keys == {pr.KEY_PUBLISH}
    assert pr.limits(norm(attribute=pr.ON_REQUEST, attribute_reason="涉及个人信息"), cal) == []


def test_loading_late_is_flagged_and_on_time_is_done(cal):
    late = norm(issued_on=D(2026, 9, 30), loaded_on=D(2026, 10, 9))
    lim = limit(late, cal, pr.KEY_LOAD)
    assert lim.late
    assert "公文内网加载期限已超期完成（期限为2026年10月8日，实际2026年10月9日）" in pr.warnings(late, cal, D(2026, 10, 9))
    ok = norm(issued_on=D(2026, 9, 30), loaded_on=D(2026, 10, 8))
    assert urgency(limit(ok, cal, pr.KEY_LOAD), D(2026, 10, 20), cal) == DONE


def test_unpublished_item_overdue_the_day_after_its_limit(cal):
    data = norm()
    lim = limit(data, cal, pr.KEY_PUBLISH)
    assert urgency(lim, D(2026, 10, 29), cal) != OVERDUE
    assert urgency(lim, D(2026, 10, 30), cal) == OVERDUE
    assert "主动公开期限已超期（期限为2026年10月29日）" in pr.warnings(data, cal, D(2026, 10, 30))


def test_missing_interpretation_is_warned(cal):
    published = norm(published_on=D(2026, 9, 28), place="政府门户网站", loaded_on=D(2026, 9, 28))
    warns = pr.warnings(published, cal, D(2026, 9, 28))
    assert any(w.startswith("缺少政策解读") for w in warns)


def test_interpretation_on_another_day_is_warned(cal):
    data = norm(published_on=D(2026, 9, 28), place="政府门户网站", interpretation_on=D(2026, 10, 8),
                interpretation_title="《管理办法》政策解读")
    assert pr.interpretation_warnings(data) == [
        "政策解读公开日期（2026年10月8日）与文件公开日期（2026年9月28日）不一致，应一并公开"]
    same_day = norm(published_on=D(2026, 9, 28), place="政府门户网站", interpretation_on=D(2026, 9, 28))
    assert pr.interpretation_warnings(same_day) == []


def test_leader_approved_exemption_silences_the_interpretation_warning(cal):
    data = norm(published_on=D(2026, 9, 28), place="政府门户网站", no_interpretation_reason="经王乡长同意不解读")
    assert pr.interpretation_warnings(data) == []


def test_other_documents_need_no_interpretation(cal):
    data = norm(kind=pr.OTHER_DOC, published_on=D(2026, 9, 28), place="政府门户网站", loaded_on=D(2026, 9, 28))
    assert pr.warnings(data, cal, D(2026, 9, 28)) == []


def test_comment_period_of_seven_working_days_across_labour_day(cal):
    # Opened Wed 29 Apr: 4/30 (1); 5/1–5/5 off; 5/6, 5/7, 5/8 (4); Sat 5/9 (5); 5/11, 5/12 (7).
    assert pr.earliest_comment_end(D(2026, 4, 29), cal) == D(2026, 5, 12)
    short = norm(comment_start=D(2026, 4, 29), comment_end=D(2026, 5, 11))
    assert pr.comment_warnings(short, cal) == [
        "征求意见期仅6个工作日，不足7个工作日（自2026年4月29日起应至少至2026年5月12日）"]
    assert pr.comment_warnings(norm(comment_start=D(2026, 4, 29), comment_end=D(2026, 5, 12)), cal) == []


def test_unhandled_comments_and_exemption(cal):
    data = norm(comment_start=D(2026, 4, 29), comment_end=D(2026, 5, 12))
    comments = [Comment(1, D(2026, 5, 6), "村民甲", "建议增加分类垃圾桶"), Comment(2, D(2026, 5, 7), "村民乙", "同意", "采纳")]
    assert pr.comment_warnings(data, cal, comments) == ["有1条征求意见尚未登记处理情况"]
    assert pr.comment_warnings(norm(comment_exempt_reason="应急性事项"), cal) == []
    assert pr.comment_warnings(norm(), cal)[0].startswith("未登记公开征求意见")


def test_attribute_reasons_required():
    errors = pr.validate(norm(attribute=pr.WITHHELD), D(2026, 10, 1))
    assert errors == {"attribute_reason": "公开属性为“不予公开”的，须注明理由（公文类信息主动公开工作流程第一条）"}
    assert "attribute_reason" in pr.validate(norm(attribute=pr.ON_REQUEST), D(2026, 10, 1))
    assert pr.validate(norm(), D(2026, 10, 1)) == {}


def test_dates_are_checked():
    errors = pr.validate(norm(published_on=D(2026, 9, 20), place="", repealed_on=D(2026, 9, 1)), D(2026, 10, 1))
    assert errors["published_on"] == "公开日期不能早于形成或变更日期"
    assert errors["repealed_on"] == "废止日期不能早于印发日期"
    assert pr.validate(norm(published_on=D(2026, 10, 2), place="公开栏"), D(2026, 10, 1))["published_on"] == \
        "公开日期不能晚于今天"
    assert pr.validate(norm(published_on=D(2026, 9, 28)), D(2026, 10, 1))["place"].startswith("请填写公开载体")


def test_withheld_review_date_one_year_on_moved_to_a_working_day(cal):
    # 2025-10-01 + 12 months = 2026-10-01, a National Day holiday: the review falls on Thu 8 Oct.
    assert pr.withheld_review_due(D(2025, 10, 1), 12, cal) == D(2026, 10, 8)
    assert pr.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)


def test_table2_counts_over_a_year_with_repeals():
    items = [
        norm(issued_on=D(2024, 3, 1), made_on=D(2024, 3, 1)),                               # in force
        norm(issued_on=D(2024, 6, 1), made_on=D(2024, 6, 1), repealed_on=D(2025, 2, 1)),    # repealed 2025
        norm(issued_on=D(2025, 1, 10), made_on=D(2025, 1, 10)),                             # made 2025
        norm(issued_on=D(2025, 4, 1), made_on=D(2025, 4, 1), repealed_on=D(2025, 11, 30)),  # made+repealed 2025
        norm(issued_on=D(2025, 7, 1), made_on=D(2025, 7, 1), repealed_on=D(2026, 3, 1)),    # repealed next year
        norm(issued_on=D(2026, 2, 1), made_on=D(2026, 2, 1)),                               # next year
        norm(kind=pr.OTHER_DOC, issued_on=D(2025, 5, 1), made_on=D(2025, 5, 1)),            # not counted
        norm(kind=pr.NON_DOC, issued_on=None, made_on=D(2025, 5, 1)),                      # not counted
    ]
    t = pr.table2_counts(items, 2025)
    # 本年制发: 1/10, 4/1, 7/1 = 3; 本年废止: 2/1, 11/30 = 2; 现行有效 on 31 Dec: 2024-03-01, 1/10, 7/1 = 3.
    assert t.documents["行政规范性文件"] == (3, 2, 3)
    assert t.documents["规章"] == (0, 0, 0)
    assert pr.table2_counts(items, 2026).documents["行政规范性文件"] == (1, 1, 3)
