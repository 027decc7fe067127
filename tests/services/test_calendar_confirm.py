"""Confirming a year's holiday schedule (docs/legal/requests.md, 未确认: "A year is confirmed only from a complete
schedule (every statutory holiday present) with its source named").

Importing a file never confirms a year; the bundled sample never confirms anything; confirming
checks every holiday of 全国年节及纪念日放假办法第二条 (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) and a
source naming the State Council notice.
"""
from __future__ import annotations

import datetime as dt

import pytest

from app import paths
from app.domain.request import RequestData
from app.services import calendar, deadlines, register
from app.services.errors import ValidationError

D = dt.date
SOURCE = "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）"


def official_2027(path, skip: str = ""):
    """The sample's days with the sample's warning taken out, as a clerk would type the real notice."""
    lines = paths.resource("节假日安排示例.csv").read_text(encoding="utf-8-sig").splitlines()
    rows = [line.replace("（示例数据，须与国务院办公厅2027年节假日安排通知逐日核对后再导入）", "")
            for line in lines if not skip or skip not in line]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_one_row_file_does_not_confirm_2027(workspace, tmp_path):
    sheet = tmp_path / "one.csv"
    sheet.write_text("日期,休/班,备注\n2027-01-01,休,元旦\n", encoding="utf-8")
    calendar.import_schedule(sheet)
    assert 2027 not in calendar.confirmed_years()
    with pytest.raises(ValidationError) as info:
        calendar.confirm_year(2027, SOURCE)
    text = "；".join(info.value.errors.values())
    for name in ("春节", "清明", "劳动节", "端午", "中秋", "国庆"):
        assert name in text
    assert 2027 not in calendar.confirmed_years()


def test_the_bundled_sample_never_confirms(workspace):
    calendar.import_schedule(paths.resource("节假日安排示例.csv"))
    assert 2027 not in calendar.confirmed_years()
    with pytest.raises(ValidationError, match="示例"):
        calendar.confirm_year(2027, SOURCE)


def test_a_complete_schedule_confirms_only_with_its_source(workspace, tmp_path):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="预算", arrived_on=D(2026, 12, 15),
                                         channel="当面"), today=D(2026, 12, 31))
    calendar.import_schedule(official_2027(tmp_path / "2027.csv"))
    assert deadlines.case_limits(case.id).answer.unconfirmed_years == (2027,)
    with pytest.raises(ValidationError, match="来源"):
        calendar.confirm_year(2027, "本机关核对确认")
    calendar.confirm_year(2027, SOURCE)
    assert calendar.confirmed_years()[2027] == SOURCE
    limit = deadlines.case_limits(case.id).answer
    assert limit.unconfirmed_years == () and "未确认" not in limit.explanation


def test_a_schedule_missing_a_holiday_is_refused(workspace, tmp_path):
    calendar.import_schedule(official_2027(tmp_path / "2027.csv", skip="中秋"))
    with pytest.raises(ValidationError, match="中秋"):
        calendar.confirm_year(2027, SOURCE)


def test_a_year_the_program_knows_needs_no_confirming(workspace):
    with pytest.raises(ValidationError, match="无需另行确认"):
        calendar.confirm_year(2026, SOURCE)
