"""Build templates_docx/政务舆情周报.docx and 重要政务舆情即时呈报单.docx (docs/legal/duties.md, 舆情回应).

本乡政务公开舆情应对工作制度 四(一): ordinary items are reported once a week (一周一报告), important
ones at once to the leaders (即时呈报). Both are GB/T 9704 pages made with the helpers of
make_templates.py; the program fills them through docxtpl (app/services/opinion.py, the contexts
``weekly_context`` and ``immediate_context``). Run ``python templates_docx/make_opinion_reports.py``
after a change and commit the .docx files.

Placeholders of the weekly report: 机关名称 周起 周止 填报日期 条数 重要说明 条目 (each: 序号 编号
发现时间 来源 内容 涉及 处置) 经办人 分管领导.
Placeholders of the immediate report: 机关名称 编号 呈报时间 标题 发现时间 来源 来源详情 涉及 级别 主要内容
链接 时限 (lines) 已办 (lines) 处置意见 (lines) 经办人.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_review_form as rf  # noqa: E402  (a form's plain grid and 小四 font, as the 保密审查表)
import make_templates as gb  # noqa: E402  (GB/T 9704 page, fonts and table helpers)

OUT = Path(__file__).resolve().parent
WEEKLY = "政务舆情周报.docx"
IMMEDIATE = "重要政务舆情即时呈报单.docx"
SP = "\u3000"
FORM_PT = rf.FORM_PT  # 小四
TABLE_PT = 10.5       # 五号: a six-column list
LINE_PT = 19          # a little tighter than the 保密审查表: the immediate report stays on one page
SIGN_LINE = "\n签名：" + SP * 6 + "年" + SP * 2 + "月" + SP * 2 + "日"


def _cell(cell, text: str, size: float, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.line_spacing_rule = gb.WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = gb.Pt(size + 6)
    gb._off_grid(p)
    if text:
        gb._font(p.add_run(text), gb.HEI if bold else gb.BODY_FONT, size, bold)


def _lines(cell, name: str, size: float) -> None:
    """One paragraph per line of the list ``name`` (docxtpl's {%p for %})."""
    for i, text in enumerate(("{%p for 行 in " + name + " %}", "{{ 行 }}", "{%p endfor %}")):
        p = cell.paragraphs[0] if i == 0 and not cell.paragraphs[0].runs else cell.add_paragraph()
        p.paragraph_format.line_spacing_rule = gb.WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = gb.Pt(size + 6)
        gb._off_grid(p)
        gb._font(p.add_run(text), gb.BODY_FONT, size)


def _new(title: str):
    doc = gb.new_document()
    doc.core_properties.comments = "占位符说明见 make_opinion_reports.py；双花括号内的名称请勿改动。"
    doc.core_properties.title = title
    rf._plain_grid(doc)
    gb.title(doc, title)
    return doc


# ---------------------------------------------------------------- 一周一报告

WEEK_COLUMNS = (("序号", 12), ("编号", 24), ("发现时间", 24), ("来源", 22), ("舆情内容", 34), ("涉及", 16), ("处置情况", 24))
WEEK_KEYS = ("序号", "编号", "发现时间", "来源", "内容", "涉及", "处置")


def weekly():
    doc = _new("政务舆情周报")
    gb._para(doc, "（{{ 周起 }}至{{ 周止 }}）", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=gb.TITLE_LINE_PT)
    gb.body(doc, "根据本乡政务公开舆情应对工作制度“普通政务舆情一周一报告”的要求，现将本周收集的普通政务舆情报告如下。"
                 "本周共收集普通政务舆情{{ 条数 }}条{{ 重要说明 }}。")
    table = doc.add_table(rows=4, cols=len(WEEK_COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for j, (label, _w) in enumerate(WEEK_COLUMNS):
        _cell(table.cell(0, j), label, TABLE_PT, bold=True, center=True)
        _cell(table.cell(2, j), "{{ r." + WEEK_KEYS[j] + " }}", TABLE_PT, center=j in (0, 1))
    _cell(table.cell(1, 0), "{%tr for r in 条目 %}", TABLE_PT)
    _cell(table.cell(3, 0), "{%tr endfor %}", TABLE_PT)
    _fixed_widths(table, [w for _label, w in WEEK_COLUMNS])
    _repeat_header(table)
    gb.tag(doc, "{%p if not 条目 %}")
    gb.body(doc, "本周未发现普通政务舆情。")
    gb.tag(doc, "{%p endif %}")
    gb.blank(doc)
    gb._para(doc, "填报人：{{ 经办人 }}" + SP * 4 + "分管领导：{{ 分管领导 }}", indent=False, size=FORM_PT, line=rf.FORM_LINE_PT)
    gb._para(doc, "{{ 机关名称 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=2)
    gb._para(doc, "{{ 填报日期 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=4)
    return doc


def _fixed_widths(table, widths_mm: list[float]) -> None:
    """Columns as wide as given, in Word, WPS and LibreOffice alike (a fixed layout, the grid set)."""
    layout = gb.OxmlElement("w:tblLayout")
    layout.set(gb.qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for i, column in enumerate(table.columns):
        column.width = gb.Mm(widths_mm[i])
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = gb.Mm(widths_mm[i])


def _repeat_header(table) -> None:
    """The header row repeats on every printed page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = gb.OxmlElement("w:tblHeader")
    header.set(gb.qn("w:val"), "true")
    tr_pr.append(header)


# ---------------------------------------------------------------- 即时呈报

IMMEDIATE_ROWS: list[tuple[str, ...]] = [
    ("舆情标题", "{{ 标题 }}"),
    ("发现时间", "{{ 发现时间 }}", "舆情来源", "{{ 来源 }}"),
    ("媒体或平台", "{{ 来源详情 }}", "级别", "{{ 级别 }}"),
    ("涉及科室或村居", "{{ 涉及 }}"),
    ("主要内容", "{{ 主要内容 }}"),
    ("原文链接", "{{ 链接 }}"),
    ("回应时限", ""),
    ("已采取的措施", ""),
    ("调查情况及处置意见", ""),
    ("舆情应对办公室意见", SIGN_LINE),
    ("分管领导意见", SIGN_LINE),
    ("主要领导意见", SIGN_LINE),
]
LIMITS_ROW, DONE_ROW, PROPOSAL_ROW = 6, 7, 8
WIDTHS_MM = (30, 50, 24, 52)


def immediate():
    doc = _new("重要政务舆情即时呈报单")
    gb._para(doc, "编号：{{ 编号 }}" + SP * 2 + "呈报时间：{{ 呈报时间 }}" + SP * 2 + "经办人：{{ 经办人 }}",
             indent=False, size=FORM_PT, line=26)
    table = gb._table(doc, IMMEDIATE_ROWS, WIDTHS_MM, heights_mm={4: 14, 9: 13, 10: 13, 11: 13})
    _fixed_widths(table, list(WIDTHS_MM))
    for row, name in ((LIMITS_ROW, "时限"), (DONE_ROW, "已办"), (PROPOSAL_ROW, "处置意见")):
        _lines(table.cell(row, 1), name, FORM_PT)
    rf._form_font(table, LINE_PT)
    gb._para(doc, "依据：本乡政务公开舆情应对工作制度 四(一)、四(三)：重要政务舆情即时呈报，当天回应。",
             indent=False, size=10.5, line=16, space_before=2)
    return doc


def main(out: Path = OUT) -> list[Path]:
    written = []
    for name, build in ((WEEKLY, weekly), (IMMEDIATE, immediate)):
        build().save(out / name)
        written.append(out / name)
    return written


if __name__ == "__main__":
    for p in main():
        print(p.name)
