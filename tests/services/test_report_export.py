"""The annual report's exports: the national xlsx layout read back cell by cell, county sums, docx."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from app.domain.annual_report import (
    ProactiveDoc, ReportCase, ReportDispute, check_balance, draft_texts, table2, table3, table4,
)
from app.services.report_export import (
    UnbalancedReportError, export_docx, export_xlsx, read_report_xlsx, sum_reports,
)

D = dt.date
OFFICE = "某某县某某乡人民政府"

CASES = [
    ReportCase(1, D(2025, 12, 20), "商业企业", "4.1", D(2026, 1, 15)),   # carried in
    ReportCase(2, D(2026, 3, 2), "自然人", "1a", D(2026, 3, 20)),
    ReportCase(3, D(2026, 3, 9), "自然人", "1", D(2026, 3, 30)),
    ReportCase(4, D(2026, 4, 1), "科研机构", "3.4", D(2026, 4, 28)),
    ReportCase(5, D(2026, 5, 6), "社会公益组织", "6.1", D(2026, 5, 30)),
    ReportCase(6, D(2026, 12, 28), "自然人", "2", D(2027, 1, 12)),        # carried out
    ReportCase(7, D(2026, 7, 1), "其他", "5.5", D(2026, 7, 3)),
    ReportCase(8, D(2026, 8, 1), "法律服务机构", "6.2", D(2026, 9, 3)),
]
DISPUTES = [
    ReportDispute("行政复议", D(2026, 2, 1), "维持", D(2026, 3, 15)),
    ReportDispute("行政复议", D(2026, 11, 1), "纠正", D(2027, 1, 10)),
    ReportDispute("未经复议直接起诉", D(2026, 5, 1), "其他结果", D(2026, 9, 1)),
    ReportDispute("复议后起诉", D(2026, 3, 1), "纠正", D(2026, 8, 1)),
    ReportDispute("复议后起诉", D(2026, 6, 1)),
]


def tables(cases=CASES, disputes=DISPUTES, fees="1.25", licensing=12):
    docs = [ProactiveDoc("行政规范性文件", D(2026, 3, 1)), ProactiveDoc("规章", D(2019, 4, 1), D(2026, 6, 30)),
            ProactiveDoc("行政规范性文件", D(2021, 3, 1))]
    return (table2(docs, 2026, licensing=licensing, penalties=3, coercion=0, fees_wan=fees),
            table3(cases, 2026), table4(disputes, 2026))


@pytest.fixture
def export(tmp_path):
    t2, t3, t4 = tables()
    path = export_xlsx(2026, OFFICE, t2, t3, t4, tmp_path / "某某乡.xlsx")
    return path, (t2, t3, t4)


def test_xlsx_round_trip(export):
    path, (t2, t3, t4) = export
    rep = read_report_xlsx(path)
    assert (rep.year, rep.office_name, rep.units) == (2026, OFFICE, 1)
    assert (rep.t2, rep.t3, rep.t4) == (t2, t3, t4)
    assert rep.balance_errors() == []


def test_xlsx_table3_cells_as_printed(export):
    ws = openpyxl.load_workbook(export[0])["表三"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", "A6:C6", "A7:C7", "A8:A29", "B8:C8", "B9:C9",
            "B10:B17", "B18:B20", "B21:B25", "B26:B28", "B29:C29", "A30:C30"} <= merged
    assert ws["A3"].value == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert [ws.cell(5, c).value for c in range(5, 10)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert (ws["D3"].value, ws["D4"].value, ws["E4"].value, ws["J4"].value) == ("申请人情况", "自然人", "法人或其他组织", "总计")
    assert ws["A6"].value == "一、本年新收政府信息公开申请数量"
    assert ws["A8"].value == "三、本年度办理结果"
    assert ws["B9"].value == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert (ws["B10"].value, ws["C10"].value, ws["C17"].value) == ("（三）不予公开", "1.属于国家秘密", "8.属于行政查询事项")
    assert ws["C26"].value == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert (ws["B29"].value, ws["A30"].value) == ("（七）总计", "四、结转下年度继续办理")
    # figures: D 自然人, E 商业企业, F 科研机构, G 社会公益组织, H 法律服务机构, I 其他, J 总计
    assert [ws.cell(6, c).value for c in range(4, 11)] == [3, 0, 1, 1, 1, 1, 7]   # 新收
    assert [ws.cell(7, c).value for c in range(4, 11)] == [0, 1, 0, 0, 0, 0, 1]   # 上年结转
    assert [ws.cell(8, c).value for c in range(4, 11)] == [2, 0, 0, 0, 0, 0, 2]   # （一） with 1a
    assert ws["F13"].value == 1 and ws["E18"].value == 1 and ws["I25"].value == 1
    assert ws["G26"].value == 1 and ws["H27"].value == 1
    assert [ws.cell(29, c).value for c in range(4, 11)] == [2, 1, 1, 1, 1, 1, 7]  # （七）总计
    assert [ws.cell(30, c).value for c in range(4, 11)] == [1, 0, 0, 0, 0, 0, 1]  # 结转下年度
    assert ws["D6"].font.name == "宋体" and ws["D6"].border.left.style == "thin"
    assert ws["C10"].alignment.indent == 1
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "portrait"


def test_xlsx_tables_2_and_4_and_layout_marker(export):
    wb = openpyxl.load_workbook(export[0])
    assert wb.sheetnames == ["表二", "表三", "表四", "版式"]
    t2 = wb["表二"]
    assert {"A3:D3", "A7:D7", "B8:D8", "B9:D9", "B12:D12", "B16:D16"} <= {str(r) for r in t2.merged_cells.ranges}
    assert [t2.cell(4, c).value for c in range(1, 5)] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert [t2.cell(5, c).value for c in range(1, 5)] == ["规章", 0, 1, 0]
    assert [t2.cell(6, c).value for c in range(1, 5)] == ["行政规范性文件", 1, 0, 2]
    assert (t2["A9"].value, t2["B9"].value) == ("行政许可", 12)
    assert (t2["B15"].value, t2["A16"].value, t2["B16"].value) == ("本年收费金额（单位：万元）", "行政事业性收费", 1.25)
    t4 = wb["表四"]
    assert {"A3:E4", "F3:O3", "F4:J4", "K4:O4"} <= {str(r) for r in t4.merged_cells.ranges}
    assert (t4["A3"].value, t4["F3"].value, t4["F4"].value, t4["K4"].value) == ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
    assert [t4.cell(5, c).value for c in range(1, 6)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [t4.cell(6, c).value for c in range(1, 16)] == [1, 0, 0, 1, 2, 0, 0, 1, 0, 1, 0, 1, 0, 1, 2]
    assert t4.page_setup.orientation == "landscape"
    meta = wb["版式"]
    assert meta.sheet_state == "hidden"
    assert (meta["B2"].value, meta["B3"].value, meta["B4"].value, meta["B5"].value) == \
        ("ZWGK-GKNB-2021-30-V1", 2026, OFFICE, 1)


def test_unbalanced_table_is_not_exported_silently(tmp_path):
    t2, t3, t4 = tables()
    broken = t3.with_cell("1", "自然人", 3)
    with pytest.raises(UnbalancedReportError) as err:
        export_xlsx(2026, OFFICE, t2, broken, t4, tmp_path / "x.xlsx")
    assert "表三「（一）予以公开」行「总计」列为2，各列之和为3" in str(err.value)
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(UnbalancedReportError):
        export_docx(2026, OFFICE, t2, broken, t4, {}, tmp_path / "x.docx")


def test_edited_file_is_read_and_its_broken_cell_named(export, tmp_path):
    path = export[0]
    wb = openpyxl.load_workbook(path)
    wb["表三"]["E8"] = 4          # （一）予以公开 / 商业企业, typed over in Excel
    wb.save(path)
    errors = check_balance(read_report_xlsx(path).t3)
    assert {(e.row, e.column) for e in errors} == {("1", "总计"), ("total", "商业企业")}
    assert any("「（一）予以公开」行「总计」列" in str(e) for e in errors)


def test_sum_of_three_units_equals_table_of_pooled_data(tmp_path):
    units = [CASES[:3], CASES[3:6], CASES[6:]]
    fees = ["1.25", "0.3", "2"]
    folder = tmp_path / "各单位"
    folder.mkdir()
    for i, (cases, fee) in enumerate(zip(units, fees)):
        t2, t3, t4 = tables(cases, DISPUTES[2 * i:2 * i + 2], fee, licensing=i)
        export_xlsx(2026, f"单位{i}", t2, t3, t4, folder / f"单位{i}.xlsx")
    (folder / "~$单位0.xlsx").write_bytes(b"lock")   # an Excel lock file is skipped
    out = tmp_path / "全县汇总.xlsx"
    total = sum_reports(folder, out, "某某县")
    pooled = table3(CASES, 2026)
    assert total.t3 == pooled
    assert total.t4.counts == {"行政复议": (1, 0, 0, 1, 2), "未经复议直接起诉": (0, 0, 1, 0, 1),
                               "复议后起诉": (0, 1, 0, 1, 2)}
    assert total.t2.fees_wan == Decimal("3.55") and total.t2.licensing == 3
    assert total.t2.documents == {"规章": (0, 3, 0), "行政规范性文件": (3, 0, 6)}
    back = read_report_xlsx(out)
    assert (back.units, back.office_name, back.t3, back.t4, back.t2) == (3, "某某县", pooled, total.t4, total.t2)
    assert back.balance_errors() == []
    assert openpyxl.load_workbook(out)["表三"]["J6"].value == 7


def test_sum_refuses_foreign_other_year_and_unbalanced_files(tmp_path, export):
    good = export[0]
    foreign = tmp_path / "别人的表.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "三、收到和处理政府信息公开申请情况"
    wb.save(foreign)
    with pytest.raises(ValueError, match="「别人的表.xlsx」不是政务公开工作台导出的年度报告表格"):
        sum_reports([good, foreign], tmp_path / "out.xlsx")
    t2, t3, t4 = tables()
    other_year = export_xlsx(2025, OFFICE, t2, t3, t4, tmp_path / "去年.xlsx")
    with pytest.raises(ValueError, match="「去年.xlsx」是2025年的报表"):
        sum_reports([good, other_year], tmp_path / "out.xlsx")
    wrong = export_xlsx(2026, OFFICE, t2, t3.with_cell("new", 0, 9), t4, tmp_path / "不平.xlsx",
                        allow_unbalanced=True)
    with pytest.raises(UnbalancedReportError, match="「不平.xlsx」年度报告表格数据不平衡"):
        sum_reports([good, wrong], tmp_path / "out.xlsx")
    with pytest.raises(ValueError, match="没有可以汇总"):
        sum_reports(tmp_path / "空", tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize("content", [os.urandom(2048), b"", b"PK\x03\x04broken zip"])
def test_damaged_file_gives_chinese_error(tmp_path, content):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="「坏文件.xlsx」不是有效的 Excel（.xlsx）文件，或文件已损坏"):
        read_report_xlsx(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "你好")
    with pytest.raises(ValueError, match="不是有效的 Excel"):
        read_report_xlsx(path)
    with pytest.raises(ValueError, match="找不到文件「没有.xlsx」"):
        read_report_xlsx(tmp_path / "没有.xlsx")


def test_layout_changes_are_refused(export, tmp_path):
    path = export[0]
    shifted = tmp_path / "插了一行.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["表三"].insert_rows(8)
    wb.save(shifted)
    with pytest.raises(ValueError, match="「插了一行.xlsx」表三 A8 单元格应为「三、本年度办理结果」"):
        read_report_xlsx(shifted)
    unmarked = tmp_path / "无标记.xlsx"
    wb = openpyxl.load_workbook(path)
    del wb["版式"]
    wb.save(unmarked)
    with pytest.raises(ValueError, match="版式标记不符"):
        read_report_xlsx(unmarked)
    text = tmp_path / "文字.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["表三"]["D6"] = "三件"
    wb.save(text)
    with pytest.raises(ValueError, match=r"表三 D6（一、本年新收政府信息公开申请数量／自然人）不是数字：「三件」"):
        read_report_xlsx(text)


def test_blank_cells_read_as_zero(export, tmp_path):
    wb = openpyxl.load_workbook(export[0])
    wb["表三"]["D12"] = None  # 3.危及“三安全一稳定” / 自然人 was 0
    wb.save(tmp_path / "空格.xlsx")
    assert read_report_xlsx(tmp_path / "空格.xlsx").t3 == export[1][1]


def _east_asia(run) -> str | None:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_report(tmp_path):
    t2, t3, t4 = tables()
    texts = draft_texts(2026, OFFICE, t2, t3, t4, fee_notices=1, fees_collected_yuan=100)
    path = export_docx(2026, OFFICE, t2, t3, t4, texts, tmp_path / "年报.docx")
    doc = Document(path)
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [37, 35, 28, 26]
    title = doc.paragraphs[0]
    assert title.text == "某某县某某乡人民政府2026年政府信息公开工作年度报告"
    assert title.runs[0].font.size == Pt(22) and _east_asia(title.runs[0]) == "方正小标宋简体"
    texts_in_doc = [p.text for p in doc.paragraphs]
    headings = [t for t in texts_in_doc if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    body = next(p for p in doc.paragraphs if p.text.startswith("本年度共收到政府信息公开申请7件"))
    assert body.runs[0].font.size == Pt(16) and _east_asia(body.runs[0]) == "仿宋_GB2312"
    assert any("收取信息处理费100元" in t for t in texts_in_doc)
    assert len(doc.tables) == 3
    t3_doc = doc.tables[1]
    assert t3_doc.cell(0, 0).text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert t3_doc.cell(2, 2)._tc is t3_doc.cell(0, 0)._tc          # corner merged over 3 rows × 3 columns
    assert [t3_doc.cell(3, c).text for c in range(3, 10)] == ["3", "0", "1", "1", "1", "1", "7"]
    assert t3_doc.cell(7, 1).text == "（三）不予公开" and t3_doc.cell(7, 2).text == "1.属于国家秘密"
    assert t3_doc.cell(27, 0).text == "四、结转下年度继续办理" and t3_doc.cell(27, 9).text == "1"
    assert t3_doc.cell(3, 3).paragraphs[0].runs[0].font.size == Pt(9)
    assert [doc.tables[2].cell(3, c).text for c in range(15)] == \
        ["1", "0", "0", "1", "2", "0", "0", "1", "0", "1", "0", "1", "0", "1", "2"]
    assert doc.tables[0].cell(13, 1).text == "1.25"


def test_export_module_imports_lazily():
    code = ("import sys, app.services.report_export; "
            "bad = {'peewee', 'PySide6', 'openpyxl', 'docx', 'docxtpl'} & set(sys.modules); "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")), reason="LibreOffice not installed")
def test_xlsx_prints_each_table_on_one_page(export, tmp_path):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(export[0])],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(tmp_path / "某某乡.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
