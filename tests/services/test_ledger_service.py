"""Ledger export and import against real SQLite files and real .xlsx files (app/services/ledger.py)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from app.domain.request import RequestData
from app.services import demo, ledger, register, settings
from app.services.errors import ServiceError
from app.services.workspace import close_workspace, open_workspace
from app.store import audit

TODAY = dt.date(2026, 1, 10)
GOOD_ID = "11010519491231002X"      # the example number of GB 11643
BAD_ID = "110105194912310021"       # same number, wrong check digit


def _person(name: str, arrived: dt.date, **kw) -> RequestData:
    return RequestData(name=name, id_number=GOOD_ID, phone="13857612345", address="茅畲乡茅畲村1号",
                       info_description="申请公开村道硬化工程验收报告", channel="当面", arrived_on=arrived,
                       delivery_method="邮寄", **kw)


def _sheet(path, rows, title="茅畲乡依申请公开台账（手工登记）"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024年台账"
    ws.append([title])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _cases_by_no() -> dict:
    out = {}
    for year in register.years():
        for case in ledger.store.cases_received_in(year):
            out[case.case_no] = case
    return out


_COMPARED = [f.name for f in fields(RequestData)] + ["case_no", "year", "seq", "received_on", "status", "outcome",
                                                     "answered_on", "delivered_on"]


def test_round_trip_through_an_empty_database(tmp_path):
    source = tmp_path / "source.sqlite"
    open_workspace(source)
    from app.services.demo import demo_settings

    settings.save(demo_settings())
    demo.generate(2025, 120, seed=11, today=TODAY)
    before = _cases_by_no()
    out = ledger.export_ledger(2025, tmp_path / "台账.xlsx", full_ids=True, today=TODAY)
    ledger.export_ledger(2025, tmp_path / "source-again.xlsx", full_ids=True, today=TODAY)
    close_workspace()
    received_2025 = {no: c for no, c in before.items() if c.year == 2025}
    assert out.rows == len(received_2025) > 100

    open_workspace(tmp_path / "empty.sqlite")
    settings.save(demo_settings())
    preview = ledger.preview_import(out.path, today=TODAY)
    assert preview.bad_rows == []
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.rows])
    assert result.imported == len(received_2025)
    after = _cases_by_no()
    assert set(after) == set(received_2025)
    for case_no, old in received_2025.items():
        new = after[case_no]
        for name in _COMPARED:
            assert getattr(new, name) == getattr(old, name), (case_no, name)
    # The ledger-only columns (limits, 超期, 文号 …) come back too: a second export is cell for cell the same.
    ledger.export_ledger(2025, tmp_path / "again.xlsx", full_ids=True, today=TODAY)
    close_workspace()
    first = list(openpyxl.load_workbook(tmp_path / "source-again.xlsx").active.iter_rows(min_row=3, values_only=True))
    second = list(openpyxl.load_workbook(tmp_path / "again.xlsx").active.iter_rows(min_row=3, values_only=True))
    assert first == second


def test_a_new_registration_continues_after_imported_numbers(workspace, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [["登记编号", "收到日期", "申请人", "申请内容"],
                                        ["〔2025〕第40号", "2025-3-5", "张三", "村务公开"]])
    preview = ledger.preview_import(path, today=TODAY)
    ledger.import_confirmed(preview, [3])
    case = register.register(_person("李四", dt.date(2025, 6, 2)), today=TODAY)
    assert case.case_no == "〔2025〕第41号"


def test_export_layout(workspace, tmp_path):
    case = register.register(_person("王芳", dt.date(2025, 3, 3)), today=TODAY)
    register.record_outcome(case.id, "3.1", dt.date(2025, 3, 20))
    path = tmp_path / "masked.xlsx"
    ledger.export_ledger(2025, path, today=TODAY)
    ws = openpyxl.load_workbook(path).active
    headers = [c.value for c in ws[ledger.HEADER_ROW]]
    assert headers[:20] == ["登记编号", "收到日期", "申请方式", "申请人类型", "申请人", "证件号码", "联系方式", "申请内容",
                            "承办科室", "补正告知日期", "补正日期", "延期告知日期", "答复期限", "答复日期", "办理结果",
                            "答复文号", "是否超期", "收费", "复议/诉讼", "备注"]
    row = {h: c for h, c in zip(headers, ws[ledger.HEADER_ROW + 1])}
    assert row["收到日期"].value == dt.datetime(2025, 3, 3) and row["收到日期"].number_format == "yyyy-mm-dd"
    assert row["答复日期"].value == dt.datetime(2025, 3, 20) and row["答复日期"].is_date
    assert row["答复期限"].is_date
    assert row["证件号码"].value == "110105********002X"
    assert row["联系方式"].value == "138****2345"
    assert row["办理结果"].value == "（三）不予公开1.属于国家秘密"
    assert row["是否超期"].value == "否"
    assert ws.freeze_panes == "C4"
    assert ws.auto_filter.ref.startswith("A3:")
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert "含完整证件号码" not in str(ws["A2"].value)
    assert ws.column_dimensions["E"].width >= 8  # 申请人 fits at least the header (CJK counted as 2)

    full = tmp_path / "full.xlsx"
    ledger.export_ledger(2025, full, full_ids=True, today=TODAY)
    ws = openpyxl.load_workbook(full).active
    assert "含完整证件号码，注意保密" in ws["A2"].value
    assert ws.cell(ledger.HEADER_ROW + 1, 6).value == GOOD_ID


def _problem_file(tmp_path):
    header = ["序号", "登记编号", "受理日期", "申请人姓名或名称", "申请人类型", "身份证号码", "联系方式",
              "申请公开内容", "办理结果", "答复日期", "经办人"]
    rows = [
        header,
        [1, "2024-001", "2024-3-5", "张三", "自然人", GOOD_ID, "13857600001", "村道硬化验收报告",
         "属于国家秘密", "2024年3月20日", "王丽"],
        [2, "2024-002", dt.datetime(2024, 4, 8), "台州九峰环境研究院", "科研机构", "", "0576-84123456",
         "河道整治资金使用情况", "3.1", dt.datetime(2024, 4, 30), "王丽"],
        [3, "2024-003", "2024.06.01", "李四", "自然人", None, "黄岩区院桥镇1号", "低保审批结果", None, None, None],
        [4, "2024-004", "2024-7-1", "赵六", "自然人", None, "13857600004", "宅基地审批", "同意公开", "2024-7-9", None],
        [5, "2024-005", "2024-02-30", "钱七", "自然人", None, "13857600005", "预算执行", None, None, None],
        [6, "2024-006", "2024-8-1", "孙八", "自然人", BAD_ID, "13857600006", "危房改造名单", "予以公开", "2024-8-9", None],
        [7, "〔2024〕第1号", "2024-9-2", "周九", "自然人", None, "13857600007", "招投标文件", "部分公开", "2024-9-9", None],
        [8, "2024-008", "2024-9-3", None, "自然人", None, "13857600008", "征收补偿方案", None, None, None],
    ]
    return _sheet(tmp_path / "手工台账.xlsx", rows)


def test_preview_names_each_problem_and_confirm_brings_in_only_good_rows(workspace, tmp_path):
    existing = register.register(_person("周九", dt.date(2024, 9, 2)), today=TODAY)
    assert existing.case_no == "〔2024〕第1号"
    preview = ledger.preview_import(_problem_file(tmp_path), today=TODAY)
    assert preview.header_row == 2
    assert preview.ignored_headers == ["序号", "经办人"]
    problems = {r.row_number: r.problems for r in preview.rows}
    assert problems[3] == [] and problems[4] == [] and problems[5] == []
    assert len(problems[6]) == 1 and "无法识别的办理结果“同意公开”" in problems[6][0]
    assert len(problems[7]) == 1 and "收到日期" in problems[7][0] and "2024-02-30" in problems[7][0]
    assert len(problems[8]) == 1 and problems[8][0].startswith("证件号码无效") and "校验位" in problems[8][0]
    assert len(problems[9]) == 1 and "重复" in problems[9][0] and "〔2024〕第1号" in problems[9][0]
    assert problems[10] == ["缺少必填项“申请人”"]
    assert preview.counts() == {"total": 8, "good": 3, "bad": 5}

    with pytest.raises(ServiceError):
        ledger.import_confirmed(preview, [3, 6])  # a row with a problem cannot be confirmed
    assert set(_cases_by_no()) == {"〔2024〕第1号"}

    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
    assert result.case_nos == ["2024-001", "2024-002", "2024-003"]
    cases = _cases_by_no()
    assert set(cases) == {"〔2024〕第1号", "2024-001", "2024-002", "2024-003"}
    first, second, third = cases["2024-001"], cases["2024-002"], cases["2024-003"]
    assert (first.received_on, first.outcome, first.answered_on, first.status) == (
        dt.date(2024, 3, 5), "3.1", dt.date(2024, 3, 20), "已答复")
    assert first.id_number == GOOD_ID and first.phone == "13857600001" and first.info_description == "村道硬化验收报告"
    assert (second.applicant_type, second.applicant_kind, second.phone) == ("organisation", "科研机构", "0576-84123456")
    assert (third.received_on, third.outcome, third.status, third.address) == (
        dt.date(2024, 6, 1), None, "办理中", "黄岩区院桥镇1号")
    assert [e.action for e in audit.entries("ledger")] == ["导入台账"]


def test_a_cancelled_preview_changes_nothing(workspace, tmp_path):
    ledger.preview_import(_problem_file(tmp_path), today=TODAY)
    assert _cases_by_no() == {}


def test_a_failed_import_changes_nothing(workspace, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [["登记编号", "收到日期", "申请人", "申请内容"],
                                        ["A-1", "2025-3-5", "甲", "一"], ["A-2", "2025-3-6", "乙", "二"]])
    preview = ledger.preview_import(path, today=TODAY)
    # Between preview and confirmation the second number is taken by another import.
    other = _sheet(tmp_path / "o.xlsx", [["登记编号", "收到日期", "申请人", "申请内容"], ["A-2", "2025-1-2", "丙", "三"]])
    ledger.import_confirmed(ledger.preview_import(other, today=TODAY), [3])
    with pytest.raises(ServiceError, match="第4行"):
        ledger.import_confirmed(preview, [3, 4])
    assert set(_cases_by_no()) == {"A-2"}


@pytest.mark.parametrize("content, message", [
    (b"not a workbook", "无法读取"),
])
def test_a_file_that_is_not_xlsx_is_refused(workspace, tmp_path, content, message):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(ServiceError, match=message):
        ledger.preview_import(path)


def test_a_sheet_without_a_header_is_refused(workspace, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [["名字", "日子"], ["甲", "2025-1-1"]])
    with pytest.raises(ServiceError, match="找不到表头"):
        ledger.preview_import(path)


def test_masked_ids_are_not_imported(workspace, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [["收到日期", "申请人", "证件号码", "申请内容"],
                                        ["2025-3-5", "甲", "110105********002X", "一"]])
    row = ledger.preview_import(path, today=TODAY).rows[0]
    assert row.problems == ["证件号码已脱敏（含*），无法导入；请使用含完整证件号码的台账"]


def test_masked_cells_look_masked(workspace, tmp_path):
    register.register(_person("王芳", dt.date(2025, 3, 3)), today=TODAY)
    path = tmp_path / "m.xlsx"
    ledger.export_ledger(2025, path, today=TODAY)
    text = "\n".join(str(c) for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True) for c in row)
    assert GOOD_ID not in text and "13857612345" not in text
    assert re.search(r"110105\*+002X", text)


def test_applicant_text_starting_with_equals_is_exported_as_text(workspace, tmp_path):
    """Formula injection: what an applicant typed must never become a live formula in the ledger."""
    import datetime as dt

    import openpyxl

    from app.domain.request import RequestData
    from app.services import ledger, register

    for i, text in enumerate(['=HYPERLINK("http://x","点我")', "#N/A", "+1+1"]):
        register.register(RequestData(name=f"申请人{i}", id_number="11010519491231002X", phone="13812345678",
                                      address="茅畲村1号", info_description=text, arrived_on=dt.date(2026, 3, 2 + i),
                                      channel="当面"), today=dt.date(2026, 11, 1))
    out = tmp_path / "ledger.xlsx"
    ledger.export_ledger(2026, out)
    ws = openpyxl.load_workbook(out).active
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith(('=HYPERLINK', '#N/A'))]
    assert {c.value for c in cells} >= {'=HYPERLINK("http://x","点我")', "#N/A"}
    assert all(c.data_type == "s" for c in cells)


def test_control_characters_never_block_the_ledger(workspace, tmp_path):
    """Review finding: Word's manual line break (\\x0b) in a text field made the export (and so the
    year-end archive) fail. Registration cleans it; text already stored is cleaned on export."""
    import datetime as dt

    import openpyxl

    from app.domain.request import RequestData
    from app.services import ledger, register
    from app.store import register as store

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="第一行\x0b第二行\x07",
                                         arrived_on=dt.date(2026, 3, 2), channel="当面"), today=dt.date(2026, 11, 1))
    assert register.get_case(case.id).info_description == "第一行\n第二行"
    store.update(case.id, {"notes": "旧数据\x0b带换行\x01"})  # as an older import might have stored it
    out = tmp_path / "ledger.xlsx"
    ledger.export_ledger(2026, out)
    texts = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert "第一行\n第二行" in texts and "旧数据\n带换行" in texts


def test_imported_open_cases_get_their_answer_limit(tmp_path):
    """Review finding: imported open cases had no 期限 in the register list."""
    import datetime as dt

    from app.services.demo import demo_settings
    from app.domain.request import CaseQuery, RequestData
    from app.services import deadlines, ledger, register, settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(tmp_path / "old.sqlite")
    settings.save(demo_settings())
    register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                  address="茅畲村1号", info_description="财政预算",
                                  arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    ledger.export_ledger(2026, tmp_path / "l.xlsx", full_ids=True)
    close_workspace()
    open_workspace(tmp_path / "new.sqlite")
    settings.save(demo_settings())
    preview = ledger.preview_import(tmp_path / "l.xlsx")
    ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
    row = register.list_rows(CaseQuery())[0]
    assert row.due_on == dt.date(2026, 11, 30) and row.due_key == "answer"
    close_workspace()


# ---- the preview catches everything the import refuses ------------------------------------

HEADER = ["登记编号", "收到日期", "申请人", "申请内容", "证件号码"]


def test_a_case_number_the_register_cannot_hold_is_marked_by_the_preview(workspace, tmp_path):
    path = _sheet(tmp_path / "大编号.xlsx", [HEADER, ["〔2025〕第1号", "2025-3-5", "甲", "一", GOOD_ID],
                                            ["〔2025〕第99999999999999999999号", "2025-3-6", "乙", "二", GOOD_ID]])
    preview = ledger.preview_import(path, today=TODAY)
    problems = {r.row_number: r.problems for r in preview.rows}
    assert problems[3] == [] and len(problems[4]) == 1 and "序号" in problems[4][0] and "过大" in problems[4][0]
    assert ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows]).case_nos == ["〔2025〕第1号"]


def test_dates_before_the_regulation_or_ahead_of_today_are_marked(workspace, tmp_path):
    path = _sheet(tmp_path / "日期.xlsx", [HEADER + ["答复期限"],
                                          ["A-1", "0001-01-01", "甲", "一", GOOD_ID, None],
                                          ["A-2", "2008-4-30", "乙", "二", GOOD_ID, None],
                                          ["A-3", "2026-2-1", "丙", "三", GOOD_ID, None],
                                          ["A-4", "2008-5-1", "丁", "四", GOOD_ID, "2026-3-1"]])
    problems = {r.row_number: r.problems for r in ledger.preview_import(path, today=TODAY).rows}
    assert "早于2008年5月1日" in problems[3][0] and "早于2008年5月1日" in problems[4][0]
    assert "晚于今天" in problems[5][0]
    assert problems[6] == []  # the first day of the 条例, and a limit still ahead


TEXT = st.characters(blacklist_categories=("Cs", "Cc"))  # what a cell can hold
CASE_NOS = st.one_of(st.text(TEXT, max_size=60), st.from_regex(r"〔20[0-3]\d〕第\d{1,30}号", fullmatch=True))
DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(CASE_NOS, DAYS, st.text(TEXT, min_size=1, max_size=20)), min_size=1, max_size=6))
def test_every_row_the_preview_accepts_imports(workspace, tmp_path_factory, rows):
    path = _sheet(tmp_path_factory.mktemp("h") / "台账.xlsx",
                  [HEADER] + [[no, day, name, "财政预算", GOOD_ID] for no, day, name in rows])
    try:
        preview = ledger.preview_import(path, today=TODAY)
    except ServiceError:
        return  # refused whole, in Chinese: nothing to import
    ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])  # never raises


def test_preview_and_import_report_their_progress(workspace, tmp_path):
    path = _sheet(tmp_path / "进度.xlsx", [HEADER] + [[f"B-{i}", "2025-3-5", f"申请人{i}", "一", GOOD_ID]
                                                   for i in range(1, 4001)])
    seen: list[tuple[int, int]] = []
    preview = ledger.preview_import(path, today=TODAY, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 4 and seen[-1][0] == seen[-1][1]
    assert [done / total for done, total in seen] == sorted(done / total for done, total in seen)
    seen.clear()
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows],
                                     progress=lambda done, total: seen.append((done, total)))
    assert result.imported == 4000 and len(seen) >= 4 and seen[-1] == (4000, 4000)
    assert [done / total for done, total in seen] == sorted(done / total for done, total in seen)


def test_imported_identity_numbers_are_stored_in_one_form(workspace, tmp_path):
    path = _sheet(tmp_path / "证件.xlsx", [HEADER, ["C-1", "2025-3-5", "甲", "一", "110105 1949 1231 002x"]])
    preview = ledger.preview_import(path, today=TODAY)
    assert preview.rows[0].problems == []
    ledger.import_confirmed(preview, [3])
    assert _cases_by_no()["C-1"].id_number == "11010519491231002X"
