"""政策解读 published together with its 行政规范性文件 (docs/legal/duties.md, 政策解读)."""
from __future__ import annotations

import datetime as dt

from app.domain import interpretation as it
from app.domain import proactive as pr
from app.domain.calendar import WorkCalendar
from app.domain.interpretation import InterpretationData

D = dt.date
DOC = it.Document("茅畲乡农村宅基地管理办法", "农业农村办", issued_on=D(2025, 3, 3), published_on=D(2025, 3, 5),
                  place="政府门户网站")


def approved(**changes) -> InterpretationData:
    base = dict(title="《茅畲乡农村宅基地管理办法》政策解读", section="农业农村办", forms=("文字解读", "图解"),
                draft_on=D(2025, 2, 20), revised_on=D(2025, 3, 4), approved_by="陈建国", approved_on=D(2025, 3, 4),
                published_on=D(2025, 3, 5), place="政府门户网站")
    return InterpretationData(**{**base, **changes})


def test_an_interpretation_published_a_day_after_its_document_is_flagged():
    """政策解读公开工作流程第四条: published with the document (一并公开). The document went out on 5 March,
    the interpretation on 6 March: one day late, flagged."""
    assert it.sync_flags(approved(published_on=D(2025, 3, 6)), DOC) == [
        "政策解读于2025年3月6日公开，晚于文件1天，未与文件同步公开（文件公开于2025年3月5日）"]


def test_the_same_day_and_the_same_place_is_in_step():
    assert it.flags(approved(), DOC) == []


def test_another_place_is_flagged_and_a_document_out_without_its_interpretation_is_flagged():
    assert it.sync_flags(approved(place="公开栏"), DOC) == ["政策解读公开平台（公开栏）与文件（政府门户网站）不同，应在同一平台一并公开"]
    assert it.sync_flags(None, DOC) == ["文件已于2025年3月5日公开，政策解读尚未公开（应与文件一并公开）"]
    assert it.sync_flags(approved(published_on=None, approved_on=None, approved_by=""), DOC)[0].startswith("文件已于")
    unpublished = it.Document("x", "农业农村办", D(2025, 3, 3), None, "")
    assert it.sync_flags(None, unpublished) == []


def test_who_drafts_interprets_and_the_draft_goes_in_with_the_document():
    """第一条: the drafting section sends the draft with the draft document, i.e. before it is issued."""
    flags = it.process_flags(approved(section="党政办", draft_on=D(2025, 3, 4)), DOC)
    assert flags == ["解读科室（党政办）与文件起草科室（农业农村办）不一致（谁起草谁解读）",
                     "解读初稿于2025年3月4日报送，晚于文件印发（2025年3月3日），未随文件拟稿一并报送"]


def test_it_is_published_only_after_the_leader_approved_it():
    """第三条、第四条: the 分管领导 approves, then it is published."""
    errors = it.validate(approved(approved_by="", approved_on=None), D(2025, 3, 10))
    assert "审定后方可公开" in errors["published_on"]
    errors = it.validate(approved(approved_on=D(2025, 3, 6)), D(2025, 3, 10))
    assert errors == {"published_on": "公开日期不能早于审定日期"}
    assert set(it.validate(InterpretationData(), D(2025, 3, 10))) == {"title", "section", "forms"}
    assert it.validate(approved(forms=("漫画",)), D(2025, 3, 10)) == {
        "forms": "请选择解读形式（文字解读、图解、音视频、在线访谈、专家解读）"}


def test_the_register_warns_with_the_record_when_there_is_one():
    data = pr.ItemData(title=DOC.title, kind=pr.NORM_DOC, section="农业农村办", made_on=D(2025, 3, 3),
                       issued_on=D(2025, 3, 3), attribute=pr.PROACTIVE, published_on=D(2025, 3, 5),
                       place="政府门户网站", interpretation_title="x", interpretation_on=D(2025, 3, 6),
                       comment_exempt_reason="应急")
    warns = pr.warnings(data, WorkCalendar(), D(2025, 3, 10), interpretation=approved(published_on=D(2025, 3, 6)))
    assert any("晚于文件1天" in w for w in warns)
    assert not any("不一致" in w for w in warns)
