"""Exports of the annual report: the national tables as xlsx, the whole report as docx.

The xlsx has one fixed cell layout for every unit (国办公开办函〔2021〕30号 tables 2, 3 and 4, one
sheet each, plus a hidden sheet 版式 carrying the layout marker), so a county (区/县) can read the
units' files back and add them cell by cell (`sum_reports`). openpyxl and python-docx are imported
inside the functions that need them, so importing this module costs nothing.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.domain.annual_report import (
    COLUMNS, CORNER_TEXT, DISPUTE_COLUMNS, DISPUTE_KINDS, DOC_COLUMNS, DOC_KINDS, PREFACE,
    RESULTS_HEADING, ROW_KEYS, ROW_LABELS, SECTION_TITLES, SUB_GROUPS, SUB_ROWS, BalanceError,
    Table2, Table3, Table4, check_balance, row_name,
)
from app.domain.outcomes import GROUP_LABELS
from app.domain.request import ORGANISATION_KINDS

LAYOUT_ID = "ZWGK-GKNB-2021-30-V1"  # 国办公开办函〔2021〕30号 layout, version 1 of this program
META_SHEET = "版式"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TABLE_FONT = "宋体"

# ---------------------------------------------------------------- the fixed layout


@dataclass(frozen=True)
class Label:
    """A text cell of the layout: 1-based top-left (row, col), its span, text and style kind."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1
    kind: str = "head"  # head | label | sub


@dataclass(frozen=True)
class Sheet:
    """One national table: sheet name, title, width, column widths (characters), labels, numbers.

    `numbers` maps a (row, col) cell to the figure it holds: ("t3", row_key, column),
    ("t4", kind, column), ("t2", kind, column) or ("t2", field, 0).
    Rows 1–2 carry the title and the unit; the table itself starts at row 3.
    """

    name: str
    title: str
    ncols: int
    widths: tuple[float, ...]
    labels: tuple[Label, ...]
    numbers: Mapping[tuple[int, int], tuple]
    docx_widths: tuple[float, ...]  # millimetres, summing to the 156 mm text width of GB/T 9704
    number_spans: Mapping[tuple[int, int], int] = field(default_factory=dict)  # merged columns
    landscape: bool = False


FIRST_ROW = 3


def _sheet2() -> Sheet:
    """表二 主动公开政府信息情况 as printed (4 columns)."""
    labels: list[Label] = []
    numbers: dict[tuple[int, int], tuple] = {}
    spans: dict[tuple[int, int], int] = {}
    r = FIRST_ROW

    def block(item: str, heading: tuple[str, ...], rows: list[tuple[str, tuple]]) -> None:
        nonlocal r
        labels.append(Label(r, 1, item, cols=4))
        labels.append(Label(r + 1, 1, "信息内容"))
        if len(heading) == 3:
            labels.extend(Label(r + 1, 2 + i, h) for i, h in enumerate(heading))
        else:
            labels.append(Label(r + 1, 2, heading[0], cols=3))
        for i, (text, refs) in enumerate(rows):
            labels.append(Label(r + 2 + i, 1, text, kind="label"))
            for j, ref in enumerate(refs):
                numbers[r + 2 + i, 2 + j] = ref
            if len(refs) == 1:
                spans[r + 2 + i, 2] = 3
        r += 2 + len(rows)

    block("第二十条第（一）项", DOC_COLUMNS,
          [(k, tuple(("t2", k, j) for j in range(3))) for k in DOC_KINDS])
    block("第二十条第（五）项", ("本年处理决定数量",), [("行政许可", (("t2", "licensing", 0),))])
    block("第二十条第（六）项", ("本年处理决定数量",),
          [("行政处罚", (("t2", "penalties", 0),)), ("行政强制", (("t2", "coercion", 0),))])
    block("第二十条第（八）项", ("本年收费金额（单位：万元）",),
          [("行政事业性收费", (("t2", "fees_wan", 0),))])
    return Sheet("表二", "二、主动公开政府信息情况", 4, (22, 18, 18, 18), tuple(labels), numbers,
                 (48, 36, 36, 36), spans)


PRINTED_T3_ROWS: tuple[str, ...] = tuple(k for k in ROW_KEYS if k not in SUB_GROUPS)
T3_DATA_ROW = FIRST_ROW + 3
T3_ROW: dict[str, int] = {k: T3_DATA_ROW + i for i, k in enumerate(PRINTED_T3_ROWS)}


def _sheet3() -> Sheet:
    """表三 收到和处理政府信息公开申请情况 as printed: 3 label columns, 7 number columns."""
    top = FIRST_ROW
    labels = [
        Label(top, 1, CORNER_TEXT, rows=3, cols=3),
        Label(top, 4, "申请人情况", cols=7),
        Label(top + 1, 4, COLUMNS[0], rows=2),
        Label(top + 1, 5, "法人或其他组织", cols=5),
        Label(top + 1, 10, COLUMNS[-1], rows=2),
        *(Label(top + 2, 5 + i, k) for i, k in enumerate(ORGANISATION_KINDS)),
        Label(T3_ROW["new"], 1, ROW_LABELS["new"], cols=3, kind="label"),
        Label(T3_ROW["carried_in"], 1, ROW_LABELS["carried_in"], cols=3, kind="label"),
        Label(T3_ROW["1"], 1, RESULTS_HEADING, rows=T3_ROW["total"] - T3_ROW["1"] + 1, kind="label"),
        Label(T3_ROW["1"], 2, ROW_LABELS["1"], cols=2, kind="label"),
        Label(T3_ROW["2"], 2, ROW_LABELS["2"], cols=2, kind="label"),
        Label(T3_ROW["total"], 2, ROW_LABELS["total"], cols=2, kind="label"),
        Label(T3_ROW["carried_out"], 1, ROW_LABELS["carried_out"], cols=3, kind="label"),
    ]
    for g in SUB_GROUPS:
        subs = SUB_ROWS[g]
        labels.append(Label(T3_ROW[subs[0]], 2, GROUP_LABELS[g], rows=len(subs), kind="label"))
        labels.extend(Label(T3_ROW[c], 3, ROW_LABELS[c], kind="sub") for c in subs)
    numbers = {(T3_ROW[k], 4 + i): ("t3", k, i) for k in PRINTED_T3_ROWS for i in range(len(COLUMNS))}
    return Sheet("表三", "三、收到和处理政府信息公开申请情况", 10,
                 (6, 12, 40, 8, 8, 8, 11, 11, 8, 8), tuple(labels), numbers,
                 (9, 18, 45, 12, 12, 12, 12, 12, 12, 12))


def _sheet4() -> Sheet:
    """表四 政府信息公开行政复议、行政诉讼情况 as printed: 3 groups × 5 columns."""
    top = FIRST_ROW
    labels = [
        Label(top, 1, "行政复议", rows=2, cols=5),
        Label(top, 6, "行政诉讼", cols=10),
        Label(top + 1, 6, "未经复议直接起诉", cols=5),
        Label(top + 1, 11, "复议后起诉", cols=5),
        *(Label(top + 2, 1 + 5 * g + i, c) for g in range(3) for i, c in enumerate(DISPUTE_COLUMNS)),
    ]
    numbers = {(top + 3, 1 + 5 * g + i): ("t4", k, i)
               for g, k in enumerate(DISPUTE_KINDS) for i in range(len(DISPUTE_COLUMNS))}
    return Sheet("表四", "四、政府信息公开行政复议、行政诉讼情况", 15, (8.5,) * 15,
                 tuple(labels), numbers, (10.4,) * 15, landscape=True)


SHEETS: tuple[Sheet, ...] = (_sheet2(), _sheet3(), _sheet4())


def _last_row(sheet: Sheet) -> int:
    return max([lb.row + lb.rows - 1 for lb in sheet.labels] + [r for r, _ in sheet.numbers])


# ---------------------------------------------------------------- figures <-> cells


def _figure(ref: tuple, t2: Table2, t3: Table3, t4: Table4) -> int | Decimal:
    table, key, col = ref
    if table == "t3":
        return t3.counts[key][col]
    if table == "t4":
        return t4.counts[key][col]
    if key in DOC_KINDS:
        return t2.documents[key][col]
    return getattr(t2, key)


def _tables(values: Mapping[tuple, object]) -> tuple[Table2, Table3, Table4]:
    """Tables 2, 3, 4 from {ref: value}, as read back from a file."""
    t3 = Table3.from_counts({k: [values["t3", k, i] for i in range(len(COLUMNS))] for k in PRINTED_T3_ROWS})
    t4 = Table4.from_counts({k: [values["t4", k, i] for i in range(len(DISPUTE_COLUMNS))] for k in DISPUTE_KINDS})
    t2 = Table2({k: tuple(int(values["t2", k, j]) for j in range(3)) for k in DOC_KINDS},
                int(values["t2", "licensing", 0]), int(values["t2", "penalties", 0]),
                int(values["t2", "coercion", 0]), Decimal(values["t2", "fees_wan", 0]))
    return t2, t3, t4


@dataclass(frozen=True)
class ReportFile:
    """A report's figures as read back from (or summed into) an xlsx export."""

    year: int
    office_name: str
    units: int
    t2: Table2
    t3: Table3
    t4: Table4

    def balance_errors(self) -> list[BalanceError]:
        return check_balance(self.t3, self.t4)


class UnbalancedReportError(ValueError):
    """The figures break a rule of the national table; `errors` lists every broken cell."""

    def __init__(self, errors: list[BalanceError], where: str = "") -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors[:10])
        more = f"\n……另有{len(errors) - 10}处" if len(errors) > 10 else ""
        super().__init__(f"{where}年度报告表格数据不平衡，请先核对：\n{lines}{more}")


def _require_balance(t3: Table3, t4: Table4, allow_unbalanced: bool) -> None:
    """条例第五十条 / docs/legal/annual-report.md: a report that does not balance is not exported silently."""
    errors = check_balance(t3, t4)
    if errors and not allow_unbalanced:
        raise UnbalancedReportError(errors)


# ---------------------------------------------------------------- xlsx


def _xlsx_styles():
    from openpyxl.styles import Alignment, Border, Font, Side

    side = Side(style="thin", color="000000")
    return {
        "border": Border(left=side, right=side, top=side, bottom=side),
        "title": Font(name=TABLE_FONT, size=14, bold=True),
        "font": Font(name=TABLE_FONT, size=10.5),
        "head": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "label": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "sub": Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1),
        "num": Alignment(horizontal="center", vertical="center"),
    }


def _xlsx_page(ws, sheet: Sheet) -> None:
    """A4, fitted to one page wide, centred (the printed national table)."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.print_area = f"A1:{get_column_letter(sheet.ncols)}{_last_row(sheet)}"
    for i, w in enumerate(sheet.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _xlsx_heading(ws, sheet: Sheet, year: int, office_name: str, st: dict) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=sheet.ncols)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=sheet.ncols)
    ws.cell(1, 1, sheet.title).font = st["title"]
    ws.cell(1, 1).alignment = st["head"]
    ws.cell(2, 1, f"填报单位：{office_name}　　统计年度：{year}年").font = st["font"]
    ws.row_dimensions[1].height = 30


def _xlsx_table(ws, sheet: Sheet, figures: Mapping[tuple[int, int], object], st: dict) -> None:
    for r in range(FIRST_ROW, _last_row(sheet) + 1):
        for c in range(1, sheet.ncols + 1):
            cell = ws.cell(r, c)
            cell.border, cell.font, cell.alignment = st["border"], st["font"], st["num"]
    for lb in sheet.labels:
        cell = ws.cell(lb.row, lb.col, lb.text)
        cell.alignment = st[lb.kind]
        if lb.rows > 1 or lb.cols > 1:
            ws.merge_cells(start_row=lb.row, start_column=lb.col,
                           end_row=lb.row + lb.rows - 1, end_column=lb.col + lb.cols - 1)
    for (r, c), value in figures.items():
        ws.cell(r, c, value)
        span = sheet.number_spans.get((r, c), 1)
        if span > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + span - 1)
    for r, lines in _line_counts(sheet).items():
        ws.row_dimensions[r].height = 14 * lines + 6


def _line_counts(sheet: Sheet) -> dict[int, int]:
    """Lines each table row needs for its wrapped labels (LibreOffice/WPS do not grow rows
    for wrapped text by themselves); a CJK character is about 2 width units at 10.5 pt."""
    lines = {r: 1 for r in range(FIRST_ROW, _last_row(sheet) + 1)}
    for lb in sheet.labels:
        if lb.rows == 1:
            width = sum(sheet.widths[lb.col - 1:lb.col - 1 + lb.cols]) - (3 if lb.kind == "sub" else 1)
            per_line = max(1, int(width / 1.8))
            lines[lb.row] = max(lines[lb.row], -(-len(lb.text) // per_line))
    return lines


def _xlsx_value(value: int | Decimal) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(round(value, 6))
    return value


def _write_meta(wb, year: int, office_name: str, units: int) -> None:
    ws = wb.create_sheet(META_SHEET)
    rows = (("说明", "本工作簿由政务公开工作台导出，单元格位置固定，供区县逐格汇总；请勿修改本表。"),
            ("版式", LAYOUT_ID), ("年度", year), ("填报单位", office_name), ("汇总单位数", units))
    for r, (k, v) in enumerate(rows, start=1):
        ws.cell(r, 1, k)
        ws.cell(r, 2, v)
    ws.sheet_state = "hidden"
    wb.properties.subject = "政府信息公开工作年度报告表格"
    wb.properties.keywords = LAYOUT_ID
    wb.properties.title = f"{office_name}{year}年政府信息公开工作年度报告表格"


def export_xlsx(year: int, office_name: str, t2: Table2, t3: Table3, t4: Table4,
                path: str | os.PathLike, *, units: int = 1, allow_unbalanced: bool = False) -> Path:
    """Write tables 2, 3 and 4 in the national layout (国办公开办函〔2021〕30号), one sheet each.

    Every unit's file has the same cells, so a county can add them (`sum_reports`). Raises
    UnbalancedReportError when table 3 or 4 does not balance, unless `allow_unbalanced`.
    """
    from openpyxl import Workbook

    _require_balance(t3, t4, allow_unbalanced)
    wb = Workbook()
    wb.remove(wb.active)
    st = _xlsx_styles()
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        _xlsx_page(ws, sheet)
        _xlsx_heading(ws, sheet, year, office_name, st)
        figures = {rc: _xlsx_value(_figure(ref, t2, t3, t4)) for rc, ref in sheet.numbers.items()}
        _xlsx_table(ws, sheet, figures, st)
    _write_meta(wb, year, office_name, units)
    return _save(wb, Path(path))


def _open_workbook(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise ValueError(f"找不到文件「{path.name}」") from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; the clerk needs one
        raise ValueError(f"「{path.name}」不是有效的 Excel（.xlsx）文件，或文件已损坏，无法读取") from exc


def _read_meta(wb, name: str) -> tuple[int, str, int]:
    foreign = f"「{name}」不是政务公开工作台导出的年度报告表格（版式标记不符），无法读取或汇总"
    if META_SHEET not in wb.sheetnames:
        raise ValueError(foreign)
    ws = wb[META_SHEET]
    if ws.cell(2, 2).value != LAYOUT_ID:
        raise ValueError(f"{foreign}；本程序的版式为{LAYOUT_ID}，该文件为{ws.cell(2, 2).value!r}")
    year, office, units = ws.cell(3, 2).value, ws.cell(4, 2).value, ws.cell(5, 2).value
    if not isinstance(year, int) or not isinstance(units, int) or units < 1:
        raise ValueError(f"「{name}」的版式表已被改动（年度或汇总单位数无效），无法读取")
    return year, str(office or ""), units


def _check_labels(wb, sheet: Sheet, name: str) -> None:
    if sheet.name not in wb.sheetnames:
        raise ValueError(f"「{name}」缺少工作表「{sheet.name}」，版式与本程序导出的不一致")
    ws = wb[sheet.name]
    for lb in sheet.labels:
        found = ws.cell(lb.row, lb.col).value
        if str(found or "").strip() != lb.text:
            coord = ws.cell(lb.row, lb.col).coordinate
            raise ValueError(f"「{name}」{sheet.name} {coord} 单元格应为「{lb.text}」，实为「{found or ''}」："
                             f"版式与本程序导出的不一致，无法读取或汇总")


def _cell_number(ws, sheet: Sheet, r: int, c: int, ref: tuple, name: str) -> int | Decimal:
    """A figure cell: blank counts as 0; text, negative fractions etc. give a Chinese error."""
    value = ws.cell(r, c).value
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    where = f"「{name}」{sheet.name} {ws.cell(r, c).coordinate}（{_ref_name(ref)}）"
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except ArithmeticError:
            raise ValueError(f"{where}不是数字：「{value}」") from None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ValueError(f"{where}不是数字：「{value}」")
    if ref[1] == "fees_wan":
        return Decimal(str(value))
    if value != int(value):
        raise ValueError(f"{where}应为整数：{value}")
    return int(value)


def _ref_name(ref: tuple) -> str:
    table, key, col = ref
    if table == "t3":
        return f"{row_name(key)}／{COLUMNS[col]}"
    if table == "t4":
        return f"{key}／{DISPUTE_COLUMNS[col]}"
    names = {"licensing": "行政许可", "penalties": "行政处罚", "coercion": "行政强制", "fees_wan": "行政事业性收费"}
    return f"{key}／{DOC_COLUMNS[col]}" if key in DOC_KINDS else names[key]


def read_report_xlsx(path: str | os.PathLike) -> ReportFile:
    """Read an export back; Chinese ValueError for a damaged file or a different layout."""
    path = Path(path)
    wb = _open_workbook(path)
    year, office, units = _read_meta(wb, path.name)
    values: dict[tuple, object] = {}
    for sheet in SHEETS:
        _check_labels(wb, sheet, path.name)
        ws = wb[sheet.name]
        for (r, c), ref in sheet.numbers.items():
            values[ref] = _cell_number(ws, sheet, r, c, ref, path.name)
    t2, t3, t4 = _tables(values)
    return ReportFile(year, office, units, t2, t3, t4)


def report_files_in(folder: str | os.PathLike) -> list[Path]:
    """The .xlsx files of a folder, sorted, without Excel/WPS lock files (~$…)."""
    return sorted(p for p in Path(folder).glob("*.xlsx") if not p.name.startswith(("~$", ".~")))


def sum_reports(paths: Iterable[str | os.PathLike] | str | os.PathLike, out_path: str | os.PathLike,
                office_name: str | None = None) -> ReportFile:
    """Add units' exports cell by cell into one export (a county's tables, docs/legal/annual-report.md).

    `paths` is a list of files or one folder. Refuses (Chinese error naming the file) a file that
    is not our layout, is of another year, or does not balance. The result is itself an export.
    """
    out = Path(out_path)
    files = _input_files(paths, out)
    if not files:
        raise ValueError("没有可以汇总的年度报告表格（.xlsx）文件")
    reports = [read_report_xlsx(p) for p in files]
    first = reports[0]
    for path, rep in zip(files, reports):
        if rep.year != first.year:
            raise ValueError(f"「{path.name}」是{rep.year}年的报表，与「{files[0].name}」的{first.year}年不同，不能汇总")
        errors = rep.balance_errors()
        if errors:
            raise UnbalancedReportError(errors, where=f"「{path.name}」")
    total = ReportFile(first.year, office_name or f"{len(files)}个单位汇总", sum(r.units for r in reports),
                       sum_tables(r.t2 for r in reports), sum_tables(r.t3 for r in reports),
                       sum_tables(r.t4 for r in reports))
    export_xlsx(total.year, total.office_name, total.t2, total.t3, total.t4, out, units=total.units)
    return total


def _input_files(paths, out: Path) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        files = report_files_in(paths)
    else:
        files = [Path(p) for p in paths]
    return [p for p in files if p.resolve() != out.resolve()]


def sum_tables(tables):
    """Tables (2, 3 or 4) added cell by cell: the offices' files here, the district's offices live
    (app.services.district)."""
    it = iter(tables)
    total = next(it)
    for t in it:
        total = total + t
    return total


# ---------------------------------------------------------------- docx


def _set_font(run, name: str, size: float, bold: bool = False) -> None:
    """Latin and East-Asian font (w:eastAsia in rPr, or Word falls back to its default CJK font)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _docx_page(doc) -> None:
    """GB/T 9704: A4, margins top 37, bottom 35, left 28, right 26 mm; body 仿宋_GB2312 三号."""
    from docx.shared import Mm

    for s in doc.sections:
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.top_margin, s.bottom_margin = Mm(37), Mm(35)
        s.left_margin, s.right_margin = Mm(28), Mm(26)
    style = doc.styles["Normal"]
    _set_font(style, BODY_FONT, 16)


def _paragraph(doc, text: str, font: str = BODY_FONT, size: float = 16, *, bold: bool = False,
               center: bool = False, indent: bool = True):
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28.9 if size <= 16 else 36)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent and not center:
        fmt.first_line_indent = Pt(size * 2)
    _set_font(p.add_run(text), font, size, bold)
    return p


def _docx_cell(cell, text: str, size: float, align: str) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if align in ("head", "num") else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if align == "sub":
        p.paragraph_format.left_indent = Pt(size)
    _set_font(p.add_run(text), TABLE_FONT, size)


def _fixed_widths(table, widths_mm: list[float]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for i, col in enumerate(table.columns):
        col.width = Mm(widths_mm[i])
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(widths_mm[i])


def _narrow_cell_margins(table, twips: int = 45) -> None:
    """Cell padding of about 0.8 mm left and right, so two-digit figures fit 12 mm columns."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _rows_unsplit(table) -> None:
    """A row is never broken across two pages, and is at least 6 mm high."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    for row in table.rows:
        row.height, row.height_rule = Mm(6), WD_ROW_HEIGHT_RULE.AT_LEAST
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(table, n: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for row in table.rows[:n]:
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(el)


def _fmt(value: int | Decimal) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def _docx_table(doc, sheet: Sheet, t2: Table2, t3: Table3, t4: Table4, size: float, header_rows: int) -> None:
    """The sheet's layout as a Word table: same merges, same labels, same figures."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    nrows = _last_row(sheet) - FIRST_ROW + 1
    table = doc.add_table(rows=nrows, cols=sheet.ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, list(sheet.docx_widths))
    _narrow_cell_margins(table)
    for lb in sheet.labels:
        cell = table.cell(lb.row - FIRST_ROW, lb.col - 1)
        if lb.rows > 1 or lb.cols > 1:
            cell = cell.merge(table.cell(lb.row - FIRST_ROW + lb.rows - 1, lb.col + lb.cols - 2))
        _docx_cell(cell, lb.text, size, lb.kind)
    for (r, c), ref in sheet.numbers.items():
        cell = table.cell(r - FIRST_ROW, c - 1)
        span = sheet.number_spans.get((r, c), 1)
        if span > 1:
            cell = cell.merge(table.cell(r - FIRST_ROW, c + span - 2))
        _docx_cell(cell, _fmt(_figure(ref, t2, t3, t4)), size, "num")
    _repeat_header(table, header_rows)
    _rows_unsplit(table)


def export_docx(year: int, office_name: str, t2: Table2, t3: Table3, t4: Table4,
                texts: Mapping[str, str], path: str | os.PathLike, *, allow_unbalanced: bool = False) -> Path:
    """The whole report (条例第五十条; 国办公开办函〔2021〕30号): title, preface, sections 一–六 with
    the clerk's text (`texts`, keyed by PREFACE and SECTION_TITLES, paragraphs split by newlines)
    and tables 2, 3, 4 in sections 二, 三, 四. GB/T 9704-style page; tables in 宋体 10.5/9 pt.
    """
    from docx import Document

    _require_balance(t3, t4, allow_unbalanced)
    doc = Document()
    _docx_page(doc)
    _paragraph(doc, f"{office_name}{year}年政府信息公开工作年度报告", TITLE_FONT, 22, center=True)
    _paragraph(doc, "", indent=False)
    _text(doc, texts.get(PREFACE, ""))
    tables = {SECTION_TITLES[1]: (SHEETS[0], 10.5, 0), SECTION_TITLES[2]: (SHEETS[1], 9, 3),
              SECTION_TITLES[3]: (SHEETS[2], 9, 3)}
    for title in SECTION_TITLES:
        _paragraph(doc, title, HEADING_FONT, 16).paragraph_format.keep_with_next = True
        _text(doc, texts.get(title, ""))
        if title in tables:
            sheet, size, header = tables[title]
            _docx_table(doc, sheet, t2, t3, t4, size, header)
            _paragraph(doc, "", size=10.5, indent=False)
    return _save(doc, Path(path))


def _save(document, path: Path) -> Path:
    """Whole or not at all: a full or pulled-out USB stick leaves no 0-byte file (services.files)."""
    from app.services import files

    return files.save_document(document, path)


def _text(doc, text: str) -> None:
    for para in text.splitlines():
        if para.strip():
            _paragraph(doc, para.strip())
