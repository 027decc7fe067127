"""The duties in the annual report's text, on the home page and in the year-end archive, from a real
register (app/services/duties.py; docs/legal/duties.md)."""
from __future__ import annotations

import datetime as dt

import docx
import openpyxl

from app.domain import opinion as op
from app.domain import press as pr
from app.domain.press import EventData, InquiryData
from app.services import annual_report, archive, duties, interpretation, opinion, press
from tests.services.test_interpretation import done, published_document
from tests.services.test_opinion import important, ordinary

T = dt.datetime
D = dt.date


def a_year_of_duties(tmp_path) -> None:
    """2026: one 行政规范性文件 with its interpretation a day late, an important item answered in time and
    an ordinary one answered late, a conference and a briefing, a question answered the next day."""
    item_id = published_document()  # published 28 September 2026
    interpretation.save(item_id, done(published_on=D(2026, 9, 29), approved_on=D(2026, 9, 28)), D(2026, 11, 2))
    now = T(2026, 12, 1, 9, 0)
    a = opinion.create(important(found=T(2026, 3, 2, 9, 0)), now)
    opinion.record_step(a.id, op.REPORT, T(2026, 3, 2, 9, 10), "王丽", {"leader": "陈建国"}, now)
    opinion.record_step(a.id, op.INVESTIGATE, T(2026, 3, 2, 10, 0), "李明",
                        {"section": "上垟村", "findings": "a", "facts": "b", "proposal": "c"}, now)
    opinion.record_step(a.id, op.APPROVE, T(2026, 3, 2, 11, 0), "王丽", {"leader": "张书记", "wording": "d"}, now)
    opinion.record_step(a.id, op.RESPOND, T(2026, 3, 2, 16, 0), "王丽", {"how": "发布权威信息", "where": "网站"}, now)
    b = opinion.create(ordinary(T(2026, 4, 1, 8, 0), "停车难"), now)
    opinion.record_step(b.id, op.RESPOND, T(2026, 4, 4, 8, 0), "王丽", {"how": "回复网民留言", "where": "网站"}, now)
    screenshot = tmp_path / "截图.png"
    screenshot.write_bytes(b"png")
    opinion.attach(a.id, screenshot)
    opinion.immediate_report(a.id, now=T(2026, 3, 2, 9, 30))
    for kind, day in ((pr.CONFERENCE, D(2026, 5, 20)), (pr.BRIEFING, D(2026, 9, 1))):
        press.save_event(None, EventData(held_on=day, kind=kind, host=pr.OWN, topic="防汛", speakers="张乡长",
                                         roles=(pr.SPOKESPERSON,), approved_by="区委宣传部", approved_on=day), now.date())
    q = press.save_inquiry(None, InquiryData(received_on=D(2026, 6, 1), outlet="台州日报", question="x"), now.date())
    press.reply(q.id, D(2026, 6, 2), "已答复", now.date())


def test_the_annual_report_text_is_filled_from_the_records(workspace, tmp_path):
    """国办公开办函〔2021〕30号 一、总体情况 (一)主动公开: 政策解读 and 回应关切 from what was recorded;
    the rest stays 【待补充】 for the clerk."""
    a_year_of_duties(tmp_path)
    figures = duties.annual_figures(2026)
    assert (figures.norm_docs, figures.interpreted, figures.in_step) == (1, 1, 0)
    assert (figures.opinions, figures.important, figures.responded, figures.responded_in_time) == (2, 1, 2, 1)
    assert (figures.inquiries, figures.inquiries_in_time) == (1, 1)
    report = annual_report.build(2026)
    paths = annual_report.export(report, tmp_path / "out", override_note="" if report.balanced else "测试")
    text = "\n".join(p.text for p in docx.Document(str(next(p for p in paths if p.suffix == ".docx"))).paragraphs)
    assert ("政策解读方面，2026年本机关公开行政规范性文件1件，按照“谁起草谁解读”的要求同步公开政策解读1件，"
            "其中与文件同日、同平台公开0件；解读形式有文字解读1件、图解1件。【待补充】") in text
    assert ("回应关切方面，2026年本机关收集处置政务舆情2件（其中重要舆情1件），已回应2件，其中在规定时限内回应1件；"
            "开展新闻发布活动新闻发布会1次、政策吹风会1次；答复记者问询1件，其中一个工作日内答复1件。【待补充】") in text
    assert "（一）主动公开。【待补充】" in text


def test_the_home_page_sees_the_hour_countdowns_and_what_press_work_is_due(workspace):
    now = T(2026, 3, 2, 20, 0)
    item = opinion.create(important(found=T(2026, 3, 2, 17, 50)), now)
    seen = duties.home(now)
    assert [r.item.id for r in seen.opinions] == [item.id]
    assert seen.opinions[0].urgent.due_at == T(2026, 3, 3, 0, 0)
    assert [p.period for p in seen.press.quota] == ["2026-H1", "2026"]  # 1+2+N: nothing held yet


def test_the_archive_carries_the_years_records_and_their_files(workspace, tmp_path):
    a_year_of_duties(tmp_path)
    package = archive.archive_year(2026, tmp_path / "归档", today=D(2027, 1, 10))
    other = package.folder / duties.FOLDER
    names = sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    assert names[0] == "2026年度其他政务公开工作记录.xlsx"
    assert [n.split("_", 2)[1] for n in names[1:]] == ["重要政务舆情即时呈报单", "舆情附件"]
    wb = openpyxl.load_workbook(other / "2026年度其他政务公开工作记录.xlsx")
    assert wb.sheetnames == ["政务舆情", "舆情处置过程", "新闻发布", "记者问询", "新闻发言人", "政策解读", "信息发布登记"]
    assert [r[0] for r in wb["政务舆情"].iter_rows(min_row=3, values_only=True)] == ["2026-001", "2026-002"]
    assert len(list(wb["舆情处置过程"].iter_rows(min_row=3))) == 5
    assert list(wb["政策解读"].iter_rows(min_row=3, values_only=True))[0][-1].startswith("政策解读于2026年9月29日公开")
    assert "其他政务公开工作" in (package.folder / "说明.txt").read_text(encoding="utf-8")
    assert archive.verify_manifest(package.folder) == []
    assert package.warnings == []


def test_a_kept_file_changed_after_it_was_kept_is_named_in_the_archive(workspace, tmp_path):
    from app.services import kept_files

    a_year_of_duties(tmp_path)
    from app.store.schema import StoredFile

    report = next(p for p in (kept_files.documents_root() / "舆情").rglob("*.docx"))
    report.write_bytes(b"changed")
    # Changed where the office keeps it: its folder, and on a server the database as well.
    StoredFile.update(data=b"changed").where(StoredFile.name == kept_files.relative(report)).execute()
    package = archive.archive_year(2026, tmp_path / "归档", today=D(2027, 1, 10))
    assert [w for w in package.warnings if "校验值不一致" in w] == [
        f"其他政务公开工作：重要政务舆情即时呈报单“{report.name}”在生成或存档后被修改过（校验值不一致）"]
