"""The register as a spreadsheet (依申请公开登记台账, docs/legal/archive.md): export a year to
.xlsx for auditors, and import a ledger kept by hand — preview first, then one transaction.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import heapq
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from app.domain import ids, ledger as rules, outcomes
from app.domain.dates import check_plausible
from app.domain.request import (
    CHANNELS, DELIVERY_METHODS, FORMS_WANTED, ID_TYPES_ORGANISATION, ID_TYPES_PERSON, PERSON,
    CONCLUDED_STATUSES, HANDLING, STATUSES, Case, RequestData, concluded_status, TimelineEntry, mask_id, mask_phone, search_text,
)
from app.services import files, settings as office, spreadsheet
from app.services.errors import ServiceError
from app.store import audit, ledger as store, sequences
from app.store.db import atomic, is_open

Progress = Callable[[int, int], None]
FULL_ID_WARNING = "含完整证件号码，注意保密"
HEADER_ROW = 3  # title, note, then the column headers
_PRINTED = [k for k, _ in rules.LEDGER_COLUMNS]
_ALL_KEYS = [k for k, _ in rules.ALL_COLUMNS]
# Ledger columns that are not registration fields: kept on an import event so they export again.
_EXTRA_KEYS = ("correction_notice_on", "corrected_on", "extension_notice_on", "due_on", "overdue",
               "answer_doc_no", "fee", "dispute")


def _noop(done: int, total: int) -> None:
    return None


# ------------------------------------------------------------------- export

@dataclass(frozen=True)
class LedgerExport:
    path: Path
    rows: int
    full_ids: bool


def export_ledger(year: int, path: Path | str, full_ids: bool = False, progress: Progress | None = None,
                  today: dt.date | None = None) -> LedgerExport:
    """Write the register of `year` (cases received in it) to an .xlsx file (docs/legal/archive.md).

    Identity numbers and phones are masked (first 6 / last 4 characters, 个人信息保护法) unless
    `full_ids`; the sheet then says so above the header.
    """
    progress = progress or _noop
    today = today or dt.date.today()
    cases = store.cases_received_in(year)
    rows = ledger_rows(year, cases, full_ids, today, progress)
    target = Path(path)
    with files.building(target):
        _write_workbook(target, year, rows, full_ids, today)
    progress(len(rows), len(rows))
    return LedgerExport(target, len(rows), full_ids)


def ledger_rows(year: int, cases: list[Case], full_ids: bool, today: dt.date,
                progress: Progress = _noop) -> list[dict[str, object]]:
    """Each case as the values of its ledger row, keyed as app.domain.ledger.ALL_COLUMNS.

    Two queries fetch the timeline and documents of the whole year; the answer limits of all
    derived rows are computed in one batch (clock.compute_many), not one service call per case.
    """
    events = store.events_by_case(year)
    documents = store.documents_by_case(year)
    out = []
    derived: list[tuple[dict[str, object], Case, list[TimelineEntry]]] = []  # rows the clock fills in
    for index, case in enumerate(cases):
        case_events = events.get(case.id, [])
        values = _registration_values(case, full_ids)
        imported = next((e.data for e in case_events if e.kind == store.LEDGER_EVENT), None)
        if imported is not None:
            values.update(_imported_values(imported))
        else:
            derived.append((values, case, case_events))
        out.append(values)
        if index % 500 == 0:
            progress(index, len(cases))
    limits = _answer_limits([(case, case_events) for _, case, case_events in derived], today)
    for (values, case, case_events), limit in zip(derived, limits):
        values.update(_derived_values(case, case_events, documents.get(case.id, []), limit, today))
    return out


def _registration_values(case: Case, full_ids: bool) -> dict[str, object]:
    phone = case.phone if full_ids else mask_phone(case.phone)
    return {
        "case_no": case.case_no, "received_on": case.received_on, "channel": case.channel,
        "applicant_type": rules.applicant_type_label(case.applicant_type), "name": case.name,
        "id_number": case.id_number if full_ids else mask_id(case.id_number),
        "contact": phone or case.email or case.address,
        "content": case.info_name or case.info_description, "department": case.department,
        "answered_on": case.answered_on, "outcome": outcomes.full_label(case.outcome) if case.outcome else "",
        "notes": case.notes, "applicant_kind": case.applicant_kind, "id_type": case.id_type,
        "legal_rep": case.legal_rep, "contact_person": case.contact_person, "phone": phone,
        "address": case.address, "postcode": case.postcode, "email": case.email, "info_name": case.info_name,
        "info_doc_no": case.info_doc_no, "info_description": case.info_description,
        "form_wanted": case.form_wanted, "delivery_method": case.delivery_method, "arrived_on": case.arrived_on,
        "confirmed_on": case.confirmed_on, "fee_reduction": "是" if case.fee_reduction else "否",
        "delivered_on": case.delivered_on, "status": case.status,
    }


def _imported_values(data: dict) -> dict[str, object]:
    out: dict[str, object] = {}
    for key in _EXTRA_KEYS:
        value = data.get(key, "")
        out[key] = dt.date.fromisoformat(value) if key in rules.DATE_KEYS and value else value
    return out


def _answer_limits(cases: list[tuple[Case, list[TimelineEntry]]], today: dt.date) -> list:
    """The binding answer limit of each case (条例第三十三条) from the clock, on the office calendar."""
    if not cases:
        return []
    from app.domain import clock
    from app.services import deadlines
    from app.services.work_calendar import work_calendar

    cfg = office.load()
    inputs = [deadlines.clock_input(case, events, cfg) for case, events in cases]
    return [result.answer for result in clock.compute_many(inputs, work_calendar(), today)]


def _last_on(events: list[TimelineEntry], kind: str) -> dt.date | None:
    days = [e.happened_on for e in events if e.kind == kind]
    return days[-1] if days else None


def _derived_values(case: Case, events: list[TimelineEntry], documents: list[store.DocumentRow], limit,
                    today: dt.date) -> dict[str, object]:
    from app.services import deadlines as dl

    overdue = rules.is_overdue(limit.due, case.answered_on, today)
    if overdue and limit.unconfirmed:
        overdue += "（期限未确认）"
    return {
        "correction_notice_on": _last_on(events, dl.CORRECTION_SENT),
        "corrected_on": _last_on(events, dl.CORRECTION_RECEIVED),
        "extension_notice_on": _last_on(events, dl.EXTENDED),
        "due_on": limit.due, "overdue": overdue,
        "answer_doc_no": _answer_doc_no(case, documents),
        "fee": _fee_text(events, dl), "dispute": _dispute_text(events),
    }


def _answer_doc_no(case: Case, documents: list[store.DocumentRow]) -> str:
    """The 文号 of the answer notice: the kind the outcome calls for, else the last 答复 notice."""
    numbered = [d for d in documents if d.doc_no]
    wanted = outcomes.BY_CODE[case.outcome].notice_kind if case.outcome in outcomes.BY_CODE else None
    for doc in reversed(numbered):
        if wanted and doc.kind == wanted:
            return doc.doc_no
    for doc in reversed(numbered):
        if "答复" in doc.kind or doc.kind.startswith("告知书"):
            return doc.doc_no
    return ""


def _fee_text(events: list[TimelineEntry], dl) -> str:
    sent = [e for e in events if e.kind == dl.FEE_SENT]
    if not sent:
        return ""
    amount = sum(float(e.data.get("amount") or 0) for e in sent)
    text = f"收费{amount:.2f}元"
    if any(e.kind == dl.FEE_PAID for e in events):
        return text + "（已缴）"
    if any(e.kind == dl.FEE_LAPSED for e in events):
        return text + "（逾期未缴）"
    return text


def _dispute_text(events: list[TimelineEntry]) -> str:
    kinds = {e.kind for e in events}
    parts = [label for prefix, label in (("reconsideration", "行政复议"), ("litigation", "行政诉讼"))
             if any(k.startswith(prefix) for k in kinds)]
    return "、".join(parts)


# Printed widths (Excel character units) chosen so the 20 columns of docs/legal/archive.md fit A4 landscape at
# about 60 %: longer text wraps onto more lines instead of widening the page.
_WIDTH_CAPS = {"case_no": 14, "channel": 9, "applicant_type": 9, "name": 14, "id_number": 19, "contact": 13,
               "content": 18, "department": 10, "outcome": 18, "answer_doc_no": 14, "overdue": 8.5, "fee": 9,
               "dispute": 8, "notes": 12}
_DATE_WIDTH = 10.5
_LINE_HEIGHT = 14.5  # points per line of 11-point CJK text


def _widths(rows: list[dict[str, object]]) -> dict[str, float]:
    """Column widths from the longest values (CJK counted as 2), capped; headers wrap."""
    widths = {}
    for key, header in rules.ALL_COLUMNS:
        if key in rules.DATE_KEYS:
            widths[key] = _DATE_WIDTH
            continue
        texts = [str(r[key]) for r in rows if r.get(key) not in (None, "")]
        longest = heapq.nlargest(20, texts, key=len)
        cap = _WIDTH_CAPS.get(key, 30)
        widths[key] = rules.column_width(header[:4], longest, limit=cap)
    return widths


def _row_height(values: dict[str, object], widths: dict[str, float],
                memo: dict[tuple[str, float], int] | None = None) -> float | None:
    """Height for the wrapped printed columns; None (the default) when everything fits one line.
    `memo` keeps the line count of values met before (channels, departments, outcomes repeat)."""
    memo = {} if memo is None else memo
    lines = 1
    for key in _PRINTED:
        value = values.get(key)
        if isinstance(value, str) and value:
            width = widths[key]
            count = memo.get((value, width))
            if count is None:
                count = memo[(value, width)] = rules.wrapped_lines(value, width)
            if count > lines:
                lines = count
    return _LINE_HEIGHT * lines + 2 if lines > 1 else None


def _cell_styles(ws, border) -> dict:
    """The style of each column's data cells, built once: dates as real Excel dates, text wrapping
    and borders on the printed columns. Unprinted text columns get none (they only feed an import)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    printed = set(_PRINTED)
    out = {}
    for key in _ALL_KEYS:
        if key not in printed and key not in rules.DATE_KEYS:
            continue
        proto = WriteOnlyCell(ws, None)
        if key in rules.DATE_KEYS:
            proto.number_format = "yyyy-mm-dd"
        proto.alignment = top if key in rules.DATE_KEYS else wrap
        if key in printed:
            proto.border = border
        out[key] = proto._style
    return out


def _write_workbook(path: Path, year: int, rows: list[dict[str, object]], full_ids: bool, today: dt.date) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    cfg = office.load()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("登记台账")
    widths = _widths(rows)
    for index, key in enumerate(_ALL_KEYS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = widths[key]
    last_col = get_column_letter(len(_ALL_KEYS))
    last_printed = get_column_letter(len(_PRINTED))
    last_row = HEADER_ROW + len(rows)
    # The sheet's size up front (<dimension>, as Excel writes it): readers need not scan the sheet for it.
    dimension = f"A1:{last_col}{max(last_row, HEADER_ROW)}"
    ws.calculate_dimension = lambda: dimension
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(last_row, HEADER_ROW + 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last_printed}{max(last_row, HEADER_ROW)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"

    title = WriteOnlyCell(ws, f"{cfg.office_name}{year}年度依申请公开登记台账")
    title.font = Font(bold=True, size=14)
    ws.append([title])
    note_text = f"导出日期：{today:%Y-%m-%d}；共 {len(rows)} 件。"
    note_text += (f"【{FULL_ID_WARNING}】" if full_ids else "证件号码和电话已按个人信息保护法脱敏。")
    note_text += f"第{len(_PRINTED) + 1}列起为完整登记信息（供导入使用，不打印）。"
    note = WriteOnlyCell(ws, note_text)
    note.font = Font(bold=full_ids, color="C00000" if full_ids else "595959")
    ws.append([note])

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for key, text in rules.ALL_COLUMNS:
        cell = WriteOnlyCell(ws, text)
        cell.font, cell.fill, cell.alignment, cell.border = head_font, head_fill, head_align, border
        header.append(cell)
    ws.append(header)

    styles = _cell_styles(ws, border)
    ws.row_dimensions[HEADER_ROW].height = _LINE_HEIGHT * 2 + 2
    lines: dict[tuple[str, float], int] = {}
    for number, values in enumerate(rows, start=HEADER_ROW + 1):
        height = _row_height(values, widths, lines)
        if height:
            ws.row_dimensions[number].height = height
    _append_rows(ws, rows, styles)
    files.save_document(wb, path)


def _append_rows(ws, rows: list[dict[str, object]], styles: dict) -> None:
    """Stream the data rows into the write-only sheet, each row built as one lxml element.

    openpyxl's own path creates, type-checks and serialises a Cell object per value (it costs more
    than the rest of the export together). The ledger only holds text and dates, so a row is built
    here as exactly the XML openpyxl writes for them: the same <c> attributes (r, s, t), inline
    strings (with xml:space="preserve" where openpyxl puts it), dates as serial numbers from
    openpyxl's to_excel, and the style ids openpyxl registers, in the order it would register them.
    A row holding anything else (text starting with "=", an error code, a control character, very
    long text, another type) is handed to openpyxl as cells, so it is written exactly as before.
    """
    from openpyxl import LXML

    if not rows:
        return
    if not LXML or ws.parent.iso_dates:  # not the writer the rows are built for: the slow, sure way
        for values in rows:
            ws.append(_row_cells(ws, values, styles))
        return
    from lxml.etree import Element, SubElement
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    writer = ws._writer
    epoch = ws.parent.epoch
    illegal = ILLEGAL_CHARACTERS_RE.search
    preserve = {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
    columns = [(key, get_column_letter(i)) for i, key in enumerate(_ALL_KEYS, start=1)]
    dims = ws.row_dimensions
    protos = {}
    for key, style in styles.items():
        protos[key] = WriteOnlyCell(ws, None)
        protos[key]._style = copy(style)
    style_ids: dict[str, str] = {}

    def style_id(key: str) -> str:  # registered on first use, as openpyxl does when it writes a cell
        sid = style_ids.get(key)
        if sid is None:
            sid = style_ids[key] = f"{protos[key].style_id}"
        return sid

    def element(values: dict[str, object], number: int):
        r = str(number)
        attrs = {"r": r}
        attrs.update(dims.get(number, {}))
        row = Element("row", attrs)
        for key, letter in columns:
            value = values.get(key)
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                # Text the applicant typed is always written as text: "=..." must never become a
                # live formula in a file handed to auditors (formula injection).
                if illegal(value):
                    value = _printable(value)
                if len(value) > 32767:
                    return None
                if key in protos:
                    cell = SubElement(row, "c", {"r": letter + r, "s": style_id(key), "t": "inlineStr"})
                else:
                    cell = SubElement(row, "c", {"r": letter + r, "t": "inlineStr"})
                text = SubElement(SubElement(cell, "is"), "t", preserve if value != value.strip() else {})
                text.text = value
            elif kind is dt.date and key in protos:
                cell = SubElement(row, "c", {"r": letter + r, "s": style_id(key), "t": "n"})
                SubElement(cell, "v").text = safe_string(to_excel(value, epoch))
            else:
                return None
        return row

    to_cells = ws._values_to_row
    write_cells = type(writer).write_row

    def write_row(xf, row, row_idx):
        built, payload = row
        if built:
            xf.write(payload)
        else:
            write_cells(writer, xf, to_cells(payload, row_idx), row_idx)

    ws._values_to_row = lambda row, row_idx: row
    writer.write_row = write_row
    try:
        for number, values in enumerate(rows, start=HEADER_ROW + 1):
            row = element(values, number)
            ws.append((True, row) if row is not None else (False, _row_cells(ws, values, styles)))
    finally:
        del writer.write_row, ws._values_to_row


def _printable(text: str) -> str:
    """Text a worksheet can hold: Word's manual line and page breaks become new lines, other control
    characters (which Excel refuses) are dropped, so one odd character never blocks the ledger."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))


def _row_cells(ws, values: dict[str, object], styles: dict) -> list:
    """One row as openpyxl cells: plain values for unprinted text, styled cells for the rest."""
    from openpyxl.cell import WriteOnlyCell

    line = []
    for key in _ALL_KEYS:
        value = values.get(key)
        if value in (None, ""):
            line.append(None)
            continue
        style = styles.get(key)
        if isinstance(value, str):
            value = _printable(value)
        cell = WriteOnlyCell(ws, value)
        if isinstance(value, str) and cell.data_type in ("f", "e"):
            cell.data_type = "s"  # text typed by an applicant is never a formula or an error code
        elif style is None:  # unprinted plain value: much cheaper than a styled cell
            line.append(value)
            continue
        if style is not None:
            cell._style = copy(style)  # a prepared style: assigning styles one by one is slow
        line.append(cell)
    return line


# ------------------------------------------------------------------- import

@dataclass
class ImportRow:
    """One data row of the sheet, parsed, with every problem found in it (Chinese)."""

    row_number: int            # as Excel numbers rows
    case_no: str
    name: str
    received_on: dt.date | None
    outcome: str | None
    problems: list[str] = field(default_factory=list)
    data: RequestData | None = None
    answered_on: dt.date | None = None
    delivered_on: dt.date | None = None
    status: str = ""
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    path: Path
    sheet: str
    header_row: int
    columns: dict[str, str]           # key → header as written in the file
    ignored_headers: list[str]
    rows: list[ImportRow]

    @property
    def good_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def bad_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]

    def counts(self) -> dict[str, int]:
        return {"total": len(self.rows), "good": len(self.good_rows), "bad": len(self.bad_rows)}


@dataclass(frozen=True)
class ImportResult:
    imported: int
    case_nos: list[str]


def preview_import(path: Path | str, today: dt.date | None = None, progress: Progress | None = None) -> ImportPreview:
    """Read a ledger .xlsx and check every row; nothing is written (the clerk confirms next).

    Every row the import would refuse is marked here. With no register open (a dry run before the
    register exists) the rows are checked against an empty one. `progress(done, total)` as it goes."""
    path = Path(path)
    today = today or dt.date.today()
    progress = progress or _noop
    with _no_collection():  # millions of cells become Python objects, none of them in a cycle
        sheet = spreadsheet.read_sheet(path, prefer="台账", progress=lambda done, total: progress(done * 3, 1000))
    raw = sheet.rows
    found = rules.find_header_row(raw[:15])
    if found is None:
        raise ServiceError(f"在“{path.name}”的前15行中找不到表头：至少需要“收到日期”和“申请人”两列")
    header_index, mapping = found
    header = raw[header_index]
    if "content" not in mapping.values() and not {"info_name", "info_description"} & set(mapping.values()):
        raise ServiceError("找不到“申请内容”列（也可写作“申请公开内容”“所需信息”）")
    ignored = [str(c).strip() for i, c in enumerate(header) if c not in (None, "") and i not in mapping]
    columns = {key: str(header[i]).strip() for i, key in mapping.items()}
    rows = _parse_rows(raw, header_index, mapping, today, lambda done, total: progress(300 + 700 * done // total, 1000))
    progress(1000, 1000)
    return ImportPreview(path, sheet.name, header_index + 1, columns, ignored, rows)


def _parse_rows(raw: list[list[object]], header_index: int, mapping: dict[int, str], today: dt.date,
                progress: Progress) -> list[ImportRow]:
    numbers, pairs, locked = _register_keys()
    seen: dict[str, int] = {}
    rows = []
    history = _HistoryCheck() if "correction_notice_on" in mapping.values() else None
    body = raw[header_index + 1:]
    items = list(mapping.items())
    with _no_collection():
        for offset, cells in enumerate(body, start=header_index + 2):
            width = len(cells)
            values = {key: cells[i] if i < width else None for i, key in items}
            if all(v is None or (type(v) is str and not v.strip()) for v in values.values()):
                continue
            row = _parse_row(offset, values, today)
            if history is not None:
                history.check(row)
            _check_duplicates(row, numbers, pairs, seen)
            _check_locked(row, locked)
            rows.append(row)
            if offset % 2000 == 0:
                progress(offset - header_index, len(body))
    return rows


def _register_keys() -> tuple[set[str], set[tuple[str, dt.date]], set[int]]:
    """Case numbers, (applicant, date) pairs and locked years of the open register; empty sets
    when none is open (the register a dry run checks against does not exist yet)."""
    if not is_open():
        return set(), set(), set()
    numbers, pairs = store.existing_case_keys()
    return numbers, pairs, set(store.locked_years())


class _HistoryCheck:
    """The outcome rules of app.domain.outcomes for an imported row, where the sheet keeps the dates
    they need (a 补正告知日期 column): 6.1 only after the 补正期限 ran out without a correction, 4.3 only
    after a correction (条例第三十条). A sheet without those dates cannot be checked; 6.2 needs fee
    dates no ledger column holds. With no register open (a dry run before it exists) the declared
    default period and the national calendar are used."""

    CODES = (outcomes.ABANDONED_UNCORRECTED, outcomes.STILL_UNCLEAR)

    def __init__(self) -> None:
        if is_open():
            from app.services.work_calendar import work_calendar

            self.calendar, self.period = work_calendar(), office.load().correction_period
        else:
            from app.domain.calendar import WorkCalendar
            from app.domain.settings import OfficeSettings

            self.calendar, self.period = WorkCalendar(), OfficeSettings().correction_period

    def check(self, row: ImportRow) -> None:
        from app.domain import clock

        if row.outcome not in self.CODES or row.answered_on is None or row.received_on is None:
            return
        sent = _iso(row.extras.get("correction_notice_on"))
        corrected = _iso(row.extras.get("corrected_on"))
        inp = clock.ClockInput(received_on=row.received_on, correction_sent_on=sent, corrected_on=corrected,
                               correction_period_days=self.period)
        result = clock.compute_limits(inp, self.calendar, row.answered_on)
        refusal = outcomes.outcome_refusal(row.outcome, row.answered_on, result)
        if refusal:
            row.problems.append(f"办理结果与补正日期不符：{refusal}")


def _iso(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Python's cycle collector walks every object built so far, again and again, while a hundred
    thousand rows are built (none of them in a cycle): paused meanwhile, the work grows linearly."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text(value: object) -> str:
    if type(value) is str:  # nearly every cell: the quick way first (a ledger has millions of them)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_LABELS = dict(rules.ALL_COLUMNS)


def _date_field(values: dict, key: str, problems: list[str], today: dt.date) -> dt.date | None:
    """A date cell, parsed and plausible (app.domain.dates.check_plausible): only 答复期限 may lie ahead."""
    day, problem = rules.parse_date(values.get(key))
    if day is not None:
        problem = check_plausible(day, today, future=key in rules.DUE_KEYS)
    if problem:
        problems.append(f"{_LABELS[key]}：{problem}")
        return None
    return day


def _parse_row(row_number: int, values: dict[str, object], today: dt.date) -> ImportRow:
    problems: list[str] = []
    dates = {key: _date_field(values, key, problems, today) for key in rules.DATE_KEYS}
    if (problem := rules.check_case_no(_text(values.get("case_no")))) is not None:
        problems.append(problem)
    for key, label in rules.REQUIRED_KEYS.items():
        present = values.get(key) not in (None, "") and _text(values.get(key))
        if key == "content":
            present = present or _text(values.get("info_name")) or _text(values.get("info_description"))
        if not present and not (key in rules.DATE_KEYS and any(p.startswith(label) for p in problems)):
            problems.append(f"缺少必填项“{label}”")
    code, problem = rules.parse_outcome(values.get("outcome"))
    if problem:
        problems.append(problem)
    data = _request_data(values, dates, problems, today)
    received = dates["received_on"]
    answered = dates["answered_on"]
    if code and answered is None and not any(p.startswith("答复日期") for p in problems):
        problems.append("已填写办理结果，但缺少“答复日期”")
    if received and answered and answered < received:
        problems.append("答复日期早于收到日期")
    data.arrived_on = dates["arrived_on"] or received
    extras = {k: (dates[k].isoformat() if dates.get(k) else "") if k in rules.DATE_KEYS else _text(values.get(k))
              for k in _EXTRA_KEYS}
    return ImportRow(row_number, _text(values.get("case_no")), data.name, received, code, problems, data,
                     answered, dates["delivered_on"], _status(values, code, problems), extras)


_CHANNEL_ALIASES = {"网上": "网络平台", "网络": "网络平台", "在线": "网络平台", "政府网站": "网络平台", "来信": "邮寄",
                    "信函": "邮寄", "挂号信": "邮寄", "EMS": "邮寄", "现场": "当面", "窗口": "当面", "邮件": "电子邮件",
                    "电邮": "电子邮件", "Email": "电子邮件"}


def _choice(value: str, allowed: tuple[str, ...], label: str, problems: list[str], default: str) -> str:
    if not value:
        return default
    if value in allowed:
        return value
    problems.append(f"无法识别的{label}“{value}”：应为{'、'.join(allowed)}之一")
    return default


def _request_data(values: dict, dates: dict, problems: list[str], today: dt.date) -> RequestData:
    t = {key: _text(value) for key, value in values.items()}
    applicant_type, kind, problem = rules.parse_applicant(t.get("applicant_type"), t.get("applicant_kind"))
    if problem:
        problems.append(problem)
    channel = _CHANNEL_ALIASES.get(t.get("channel", ""), t.get("channel", ""))
    data = RequestData(
        applicant_type=applicant_type, applicant_kind=kind, name=t.get("name", ""),
        legal_rep=t.get("legal_rep", ""), contact_person=t.get("contact_person", ""),
        postcode=t.get("postcode", ""), email=t.get("email", ""), address=t.get("address", ""),
        phone=t.get("phone", ""), info_name=t.get("info_name", ""), info_doc_no=t.get("info_doc_no", ""),
        info_description=t.get("info_description", ""), department=t.get("department", ""),
        notes=t.get("notes", ""), confirmed_on=dates["confirmed_on"],
        channel=_choice(channel, CHANNELS, "申请方式", problems, ""),
        form_wanted=_choice(t.get("form_wanted", ""), FORMS_WANTED, "提供形式", problems, ""),
        delivery_method=_choice(t.get("delivery_method", ""), DELIVERY_METHODS, "获取方式", problems, ""),
        fee_reduction=bool(rules.yes_no(t.get("fee_reduction"))),
    )
    if not (data.info_name or data.info_description):
        data.info_description = t.get("content", "")
    _contact(data, t.get("contact", ""))
    _identity(data, t.get("id_number", ""), t.get("id_type", ""), problems, today)
    return data


def _contact(data: RequestData, contact: str) -> None:
    """A hand-kept 联系方式 cell holds a phone, an e-mail or an address; sort it into its field."""
    if not contact or contact in (data.phone, data.email, data.address):
        return
    if "@" in contact and not data.email:
        data.email = contact
    elif ids.check_phone(contact) is None and not data.phone:
        data.phone = contact
    elif "*" not in contact and not data.address:
        data.address = contact


def _identity(data: RequestData, number: str, id_type: str, problems: list[str], today: dt.date) -> None:
    """证件号码: checked by GB 11643 / GB 32100 where the type has a check character."""
    number = ids.normalise_id(number)
    allowed = ID_TYPES_PERSON if data.applicant_type == PERSON else ID_TYPES_ORGANISATION
    if id_type and id_type not in allowed:
        problems.append(f"无法识别的证件类型“{id_type}”")
    default = "居民身份证" if data.applicant_type == PERSON else "统一社会信用代码"
    data.id_type = id_type if id_type in allowed else default
    data.id_number = number
    if not number:
        return
    if "*" in number:
        problems.append("证件号码已脱敏（含*），无法导入；请使用含完整证件号码的台账")
        return
    if data.id_type == "居民身份证":
        message = ids.check_id_card(number, today)
    elif data.id_type == "统一社会信用代码":
        message = ids.check_uscc(number)
    else:
        message = None
    if message:
        problems.append(f"证件号码无效：{message}")


def _status(values: dict, code: str | None, problems: list[str]) -> str:
    written = _text(values.get("status"))
    if written in STATUSES:
        if (written in CONCLUDED_STATUSES) != bool(code) and not problems:
            problems.append(f"办理状态“{written}”与办理结果不一致")
        return written
    return concluded_status(code) if code else HANDLING


def _check_duplicates(row: ImportRow, numbers: set[str], pairs: set[tuple[str, dt.date]],
                      seen: dict[str, int]) -> None:
    if row.case_no and row.case_no in numbers:
        row.problems.append(f"与已登记的案件重复：登记编号“{row.case_no}”已存在")
    elif row.received_on and (row.name, row.received_on) in pairs:
        row.problems.append(f"与已登记的案件重复：{row.name}于{row.received_on:%Y-%m-%d}的申请已登记")
    if row.case_no:
        if row.case_no in seen:
            row.problems.append(f"登记编号与本表第{seen[row.case_no]}行重复")
        else:
            seen[row.case_no] = row.row_number


def _check_locked(row: ImportRow, locked: set[int]) -> None:
    for day in (row.received_on, row.answered_on):
        if day and day.year in locked:
            row.problems.append(f"{day.year}年度已归档锁定，不能导入该年度的案件")
            return


def import_confirmed(preview: ImportPreview, row_numbers: list[int] | set[int],
                     progress: Progress | None = None) -> ImportResult:
    """Bring in the confirmed rows, all in one transaction: any failure imports nothing.

    Rows with problems cannot be confirmed. Case numbers kept by hand are kept; the yearly
    sequence is moved past them so new registrations never reuse one. Rows without a number get
    the next ones of their year. `progress(done, total)` as it goes.
    """
    progress = progress or _noop
    chosen = _confirmed_rows(preview, row_numbers)
    if not chosen:
        return ImportResult(0, [])
    with atomic(), _no_collection():
        _recheck(chosen)
        numbered = _case_numbers(chosen)
        case_nos = [case_no for case_no, _seq in numbered]
        cases = [store.ImportedCase(case_no, row.received_on.year, seq, row.data,
                                    row.received_on, search_text(case_no, row.data), row.status, row.outcome,
                                    row.answered_on, row.delivered_on,
                                    {**row.extras, "file": preview.path.name, "row": row.row_number})
                 for row, (case_no, seq) in zip(chosen, numbered)]
        store.insert_imported(cases, audit.operator(), lambda done, total: progress(done * 8, total * 10))
        audit.record("ledger", preview.path.name, "导入台账", {"rows": [None, len(chosen)], "case_nos": [None, case_nos]})
    from app.services import deadlines

    deadlines.refresh_open_cases()  # imported open cases get their answer limit in the list
    progress(len(chosen), len(chosen))
    return ImportResult(len(case_nos), case_nos)


def _confirmed_rows(preview: ImportPreview, row_numbers: list[int] | set[int]) -> list[ImportRow]:
    by_number = {r.row_number: r for r in preview.rows}
    missing = sorted(set(row_numbers) - set(by_number))
    if missing:
        raise ServiceError(f"预览中没有第{'、'.join(map(str, missing))}行")
    chosen = [by_number[n] for n in sorted(set(row_numbers))]
    bad = [r for r in chosen if not r.ok]
    if bad:
        raise ServiceError("以下行有问题，不能导入：" + "；".join(f"第{r.row_number}行 {r.problems[0]}" for r in bad))
    return chosen


def _recheck(rows: list[ImportRow]) -> None:
    """The database may have changed since the preview: duplicates and locked years again."""
    numbers, pairs, locked = _register_keys()
    for row in rows:
        _check_duplicates(row, numbers, pairs, {})
        _check_locked(row, locked)
        if row.problems:
            raise ServiceError(f"第{row.row_number}行：{row.problems[0]}。未导入任何行，请重新预览。")


def _case_numbers(rows: list[ImportRow]) -> list[tuple[str, int]]:
    """(登记编号, sequence) of each row: the numbers kept by hand, the yearly sequences moved past
    them, then the next numbers of their year for the rows without one."""
    from app.domain.settings import format_case_no
    from app.services.register import CASE_SEQUENCE

    fmt = office.load().case_no_format
    for year, top in _top_sequences(rows).items():
        store.raise_sequence(CASE_SEQUENCE, year, top)
    unnumbered: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        if not row.case_no:
            unnumbered.setdefault(row.received_on.year, []).append(index)
    numbers = [(row.case_no, rules.seq_of(row.case_no) or 0) for row in rows]
    for year, indexes in unnumbered.items():
        first = sequences.take(CASE_SEQUENCE, year, len(indexes))
        for offset, index in enumerate(indexes):
            numbers[index] = (format_case_no(fmt, year, first + offset), first + offset)
    return numbers


def _top_sequences(rows: list[ImportRow]) -> dict[int, int]:
    top: dict[int, int] = {}
    for row in rows:
        seq = rules.seq_of(row.case_no) if row.case_no else None
        if seq is not None:
            year = row.received_on.year
            top[year] = max(top.get(year, 0), seq)
    return top
