"""舆情 records against a real database, real Word and Excel files (app/services/opinion.py;
docs/legal/duties.md, 舆情回应)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import docx
import openpyxl
import pytest

from app.domain import opinion as op
from app.domain.opinion import ItemData
from app.services import audit, kept_files, opinion
from app.services.errors import ServiceError, ValidationError, YearLocked
from app.store import ledger

T = dt.datetime
EVE = T(2025, 9, 30, 23, 0)
NOW = T(2025, 10, 1, 9, 0)


def important(found: dt.datetime = EVE, title: str = "上垟村道路积水", **more) -> ItemData:
    return ItemData(found_at=found, source="网络媒体", source_detail="台州论坛", title=title,
                    summary="网民反映暴雨后道路积水", concerned="上垟村", level=op.LEVEL_IMPORTANT, **more)


def ordinary(found: dt.datetime, title: str) -> ItemData:
    return ItemData(found_at=found, source="报刊", source_detail="台州日报", title=title, concerned="经济发展办")


def all_text(path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def walk_important(item_id: int) -> None:
    """Report, investigate, approve the wording: what an important item needs before its answer."""
    opinion.record_step(item_id, op.REPORT, T(2025, 9, 30, 23, 10), "王丽", {"leader": "陈建国", "how": "电话"}, NOW)
    opinion.record_step(item_id, op.INVESTIGATE, T(2025, 9, 30, 23, 30), "李明",
                        {"section": "上垟村", "findings": "排水口堵塞", "facts": "暴雨积水", "proposal": "连夜疏通"}, NOW)
    opinion.record_step(item_id, op.APPROVE, T(2025, 9, 30, 23, 40), "王丽", {"leader": "张书记", "wording": "已疏通"}, NOW)


def test_an_item_is_numbered_in_its_year_and_its_steps_are_audited(workspace):
    item = opinion.create(important(), NOW)
    assert item.no == "2025-001"
    walk_important(item.id)
    item = opinion.record_step(item.id, op.RESPOND, T(2025, 9, 30, 23, 50), "王丽",
                               {"how": "发布权威信息", "where": "乡政府网站", "link": "https://maoshe.gov.cn/1"}, NOW)
    assert [s.key for s in item.steps] == [op.REPORT, op.INVESTIGATE, op.APPROVE, op.RESPOND]
    history = audit.history("opinion_item", item.id)
    assert [h.action for h in history] == ["登记舆情", "报告分管领导", "涉事科室调查", "主要领导审定口径", "发布回应"]
    assert history[-1].operator and any(c.field == "link" and c.new == "https://maoshe.gov.cn/1"
                                        for c in history[-1].changes)
    row = opinion.row(item.id, NOW)
    assert row.status == op.STATUS_RESPONDED and row.urgent is None and row.warnings == ()
    assert opinion.create(ordinary(T(2025, 10, 1, 8, 0), "市场停车难"), NOW).no == "2025-002"


def test_refused_input_saves_nothing(workspace):
    with pytest.raises(ValidationError) as caught:
        opinion.create(ItemData(found_at=T(2025, 10, 2), source="网络媒体", title="", level="重要"), NOW)
    assert set(caught.value.errors) == {"found_at", "title"}
    assert opinion.rows(now=NOW) == []
    item = opinion.create(important(), NOW)
    with pytest.raises(ValidationError, match="第一时间报告分管领导"):
        opinion.record_step(item.id, op.RESPOND, NOW, "王丽", {"how": "发布权威信息", "where": "网站"}, NOW)
    assert opinion.get(item.id).steps == ()
    assert [h.action for h in audit.history("opinion_item", item.id)] == ["登记舆情"]


def test_the_moment_found_cannot_move_after_a_step(workspace):
    item = opinion.create(important(), NOW)
    opinion.record_step(item.id, op.REPORT, T(2025, 9, 30, 23, 10), "王丽", {"leader": "陈建国"}, NOW)
    with pytest.raises(ValidationError, match="第一个步骤"):
        opinion.update(item.id, important(found=T(2025, 9, 30, 23, 20)), NOW)
    assert opinion.update(item.id, important(found=T(2025, 9, 30, 22, 0)), NOW).data.found_at == T(2025, 9, 30, 22, 0)


def test_home_page_countdowns_are_the_running_limits_most_pressing_first(workspace):
    a = opinion.create(ordinary(T(2025, 9, 29, 10, 0), "市场停车难"), NOW)     # 48 h → 1 Oct 10:00, 1 h left
    b = opinion.create(important(), NOW)                                        # 当天 → 30 Sep 24:00, passed
    c = opinion.create(ordinary(T(2025, 10, 1, 8, 0), "垃圾清运"), NOW)          # 48 h → 3 Oct 08:00
    rows = opinion.attention(NOW)
    assert [(r.item.id, r.state, r.urgent.due_at) for r in rows] == [
        (b.id, "overdue", T(2025, 10, 1, 0, 0)), (a.id, "due_soon", T(2025, 10, 1, 10, 0)),
        (c.id, "ok", T(2025, 10, 3, 8, 0))]
    opinion.record_step(a.id, op.RESPOND, NOW, "王丽", {"how": "回复网民留言", "where": "网站"}, NOW)
    assert a.id not in [r.item.id for r in opinion.attention(NOW)]


def test_a_locked_year_keeps_its_items_read_only(workspace):
    item = opinion.create(important(), NOW)
    ledger.lock_year(2025, "归档包")
    with pytest.raises(YearLocked):
        opinion.record_step(item.id, op.REPORT, T(2025, 9, 30, 23, 10), "王丽", {"leader": "陈建国"}, NOW)
    with pytest.raises(YearLocked):
        opinion.create(important(title="另一条"), NOW)


def test_an_attachment_is_kept_with_its_checksum(workspace, tmp_path):
    screenshot = tmp_path / "截图.png"
    screenshot.write_bytes(b"\x89PNG fake but bytes")
    item = opinion.create(important(), NOW, attachment=screenshot)
    kept = opinion.attachment_path(item.id)
    assert kept.read_bytes() == screenshot.read_bytes() and kept != screenshot
    assert item.attachment == f"舆情/{item.no}/截图.png"
    with pytest.raises(ServiceError, match="找不到文件"):
        opinion.attach(item.id, tmp_path / "没有.png")


@pytest.fixture
def week(workspace):
    """The week of 29 September 2025: two ordinary items (one answered) and an important one."""
    a = opinion.create(ordinary(T(2025, 9, 29, 10, 0), "农贸市场停车难"), NOW)
    opinion.record_step(a.id, op.RESPOND, T(2025, 9, 30, 9, 0), "王丽", {"how": "回复网民留言", "where": "乡政府网站"}, NOW)
    b = opinion.create(ordinary(T(2025, 10, 1, 8, 0), "垃圾清运不及时"), NOW)
    c = opinion.create(important(), NOW)
    walk_important(c.id)
    opinion.create(ordinary(T(2025, 9, 28, 20, 0), "上周的事"), NOW)  # the Sunday before: not this week
    return {"answered": a, "open": b, "important": c}


def test_the_weekly_report_lists_the_weeks_ordinary_items(week, tmp_path):
    """一周一报告 (本乡舆情应对工作制度 四(一)): ordinary items of Monday 29 September to Sunday 5 October;
    the important one is only mentioned (it was reported at once)."""
    path = opinion.weekly_report(dt.date(2025, 10, 2), tmp_path / "周报.docx", today=dt.date(2025, 10, 6))
    text = all_text(path)
    assert "2025年9月29日至2025年10月5日" in text and "本周共收集普通政务舆情2条" in text
    assert "农贸市场停车难" in text and "垃圾清运不及时" in text and "上周的事" not in text
    assert "另有重要政务舆情1条（2025-003），已按规定即时呈报" in text
    assert "已于2025年9月30日09:00回复网民留言（乡政府网站）" in text
    assert "黄岩区茅畲乡人民政府" in text and "{{" not in text


def test_the_immediate_report_carries_the_limits_and_the_steps(week, tmp_path):
    item = week["important"]
    path = opinion.immediate_report(item.id, tmp_path / "呈报单.docx", now=T(2025, 9, 30, 23, 45))
    text = all_text(path)
    assert "呈报时间：2025年9月30日23:45" in text
    assert "当天回应（重要舆情）：2025年9月30日24:00前（6小时内到期，剩余15分）" in text
    assert "报告分管领导：2025年9月30日24:00前（已于2025年9月30日23:10完成）" in text
    assert "处置意见：连夜疏通" in text and "2025年9月30日23:40 主要领导审定口径（王丽）" in text
    with pytest.raises(ServiceError, match="一周一报告"):
        opinion.immediate_report(week["open"].id, tmp_path / "x.docx")
    assert "生成即时呈报单" in [h.action for h in audit.history("opinion_item", item.id)]


def test_reports_made_in_the_documents_folder_are_recorded_for_the_archive(week):
    from app.store import opinion as store

    path = opinion.immediate_report(week["important"].id, now=T(2025, 9, 30, 23, 45))
    assert path.is_file() and path.is_relative_to(kept_files.documents_root() / "舆情" / "2025-003")
    kinds = store.documents(opinion.DOCUMENT_KINDS, 2025)
    assert kinds == [(opinion.IMMEDIATE_KIND, kept_files.relative(path), kept_files.sha256(path))]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_both_reports_print_on_one_a4_page(week, tmp_path):
    from app.services import notices

    for path in (opinion.weekly_report(dt.date(2025, 10, 2), tmp_path / "周报.docx", today=dt.date(2025, 10, 6)),
                 opinion.immediate_report(week["important"].id, tmp_path / "呈报单.docx", now=T(2025, 9, 30, 23, 45))):
        pdf = notices.to_pdf(path, tmp_path)
        assert pdf.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert re.search(r"Pages:\s+1\n", info), (path.name, info)
            assert "(A4)" in info


def test_the_quarterly_table_has_the_items_and_the_figures(week, tmp_path):
    path = opinion.export_summary(2025, tmp_path / "统计.xlsx", quarter=3)
    wb = openpyxl.load_workbook(path)
    items = list(wb["舆情明细"].iter_rows(min_row=3, values_only=True))
    # Q3 ends with 30 September (the important item of 23:00 is in it); the item of 1 October is Q4's.
    assert [r[0] for r in items] == ["2025-004", "2025-001", "2025-003"]
    assert items[1][9:] == ("2025年9月30日09:00", "按时", op.STATUS_RESPONDED)
    assert items[2][6:9] == ("重要", "否", "2025年9月30日24:00")
    figures = dict(wb["统计"].iter_rows(min_row=3, values_only=True))
    assert (figures["发现舆情"], figures["其中重要舆情"], figures["按时回应"], figures["尚未办结"]) == (3, 1, 1, 3)
    assert wb["舆情明细"]["A1"].value == "黄岩区茅畲乡人民政府2025年第3季度政务舆情回应情况统计表——舆情明细"
    year = openpyxl.load_workbook(opinion.export_summary(2025, tmp_path / "年.xlsx"))
    assert dict(year["统计"].iter_rows(min_row=3, values_only=True))["其中重要舆情"] == 1
