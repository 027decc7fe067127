"""Small printable tables as .xlsx (the duties' lists and summaries: 舆情统计表, 新闻发言人名单,
信息发布登记表 …): a title row, a bold header repeated on every printed page, borders, A4 landscape
fitted to the width. Written whole or not at all (a .part file renamed at the end)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.services.errors import ServiceError

Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]  # (sheet name, headers, rows)


def _width(values: list[object]) -> float:
    longest = max((max((len(line) for line in str(v).splitlines()), default=0) for v in values if v is not None),
                  default=4)
    return min(max(longest * 2 + 2, 6), 60)  # Chinese characters are two columns wide


def _sheet(ws, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cells in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=len(headers)):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text the clerk typed, never a formula
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, header in enumerate(headers, start=1):
        column = [header] + [row[index - 1] if index - 1 < len(row) else "" for row in rows]
        ws.column_dimensions[get_column_letter(index)].width = _width(column)
    a4_landscape(ws)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def a4_landscape(ws) -> None:
    """Title in row 1, header in row 2 frozen and repeated on every page; A4 landscape, one page wide."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def write_table(path: Path, title: str, sheets: Sequence[Sheet]) -> Path:
    """``sheets`` into one workbook at ``path``; each sheet carries ``title`` (and its name) on top."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, headers, rows in sheets:
        _sheet(wb.create_sheet(name[:31]), title if len(sheets) == 1 else f"{title}——{name}", headers, rows)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(partial)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ServiceError(f"无法保存文件 {path}（是否已在 Excel/WPS 中打开？）：{exc.strerror or exc}") from None
    return path
