"""Year-end archiving (docs/legal/archive.md): 档号, eight-digit dates and the rows of the
归档文件目录 of DA/T 22-2015《归档文件整理规则》, and the 31 January deadline. Pure Python.

One case is one 件 (DA/T 22-2015 5.1: 来文与复文作为一件): the application with every notice,
answer and proof of the case, in date order.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

CATEGORY_WS = "WS"  # 档案门类代码: 文书
RETENTION_CODES: dict[str, str] = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}
CATALOGUE_COLUMNS: tuple[str, ...] = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
CARRIED_IN = "上年结转"
_CODE = re.compile(r"^[0-9A-Za-z]+$")


def archive_no(fonds_no: str, year: int, retention: str, org_code: str, item_no: int,
               category: str = CATEGORY_WS) -> str:
    """档号 = 全宗号—门类代码·年度—保管期限—机构（问题）代码—件号 (DA/T 22-2015 6.4),
    e.g. 0194-WS·2026-D30-BGS-0001. The 机构 segment is left out when the office has none."""
    if retention not in RETENTION_CODES:
        raise ValueError(f"保管期限代码应为 Y、D30 或 D10，现为“{retention}”")
    if not 1 <= item_no <= 9999:
        raise ValueError(f"件号应在1至9999之间，现为{item_no}")
    parts = [fonds_no, f"{category}·{year}", retention]
    if org_code:
        parts.append(org_code)
    parts.append(f"{item_no:04d}")
    return "-".join(parts)


def check_archive_settings(fonds_no: str, org_code: str, retention: str) -> dict[str, str]:
    """Problems with the office settings the 档号 is built from, field → Chinese message."""
    errors: dict[str, str] = {}
    if not (fonds_no or "").strip():
        errors["fonds_no"] = "请先在机关设置中填写全宗号（由档案馆给定，如 0194）"
    elif not _CODE.match(fonds_no):
        errors["fonds_no"] = "全宗号只能由字母和数字组成"
    if org_code and not _CODE.match(org_code):
        errors["org_code"] = "机构（问题）代码只能由字母和数字组成，如 BGS"
    if retention not in RETENTION_CODES:
        errors["retention"] = "保管期限应为 永久(Y)、定期30年(D30) 或 定期10年(D10)"
    return errors


def date8(day: dt.date | None) -> str:
    """日期 in eight digits (DA/T 22-2015 7.2.6), e.g. 20261102; empty when unknown."""
    return day.strftime("%Y%m%d") if day else ""


def archive_deadline(year: int) -> dt.date:
    """The previous year's files go to the archive by the end of January (docs/legal/sources.md). A fixed
    calendar date, not a counted period, so no working-day arithmetic applies."""
    return dt.date(year + 1, 1, 31)


def year_ended(year: int, today: dt.date) -> bool:
    """Whether `year` is over: only a finished year is archived (docs/legal/archive.md, by 31 January
    of the next year)."""
    return today > dt.date(year, 12, 31)


def early_archive_effects(year: int) -> str:
    """What locking a year that has not ended blocks, in the clerk's words."""
    return (f"{year}年尚未结束。归档后{year}年度即锁定：不能再登记收到日期在{year}年的申请（当面来访也不行），"
            f"{year}年内办结的案件变为只读，直到解除锁定。")


def reminder_year(today: dt.date) -> int:
    """The year whose archive is due next: from 1 December it is the current one."""
    return today.year if today.month == 12 else today.year - 1


@dataclass
class CaseFile:
    """What the catalogue needs of one concluded case."""

    case_no: str
    received_on: dt.date
    answered_on: dt.date | None
    applicant: str
    subject: str
    answer_doc_no: str = ""
    pages: int | None = None
    carried_in: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CatalogueRow:
    seq: int
    archive_no: str
    doc_no: str
    author: str
    title: str
    date: str
    secrecy: str
    pages: int | None
    note: str

    def cells(self) -> list[object]:
        return [self.seq, self.archive_no, self.doc_no, self.author, self.title, self.date, self.secrecy,
                self.pages, self.note]


def case_title(applicant: str, subject: str) -> str:
    """题名 of a case file: who asked for what, as the 文书 archive files it."""
    subject = " ".join((subject or "").split())
    if len(subject) > 40:
        subject = subject[:40] + "…"
    return f"关于{applicant}申请公开“{subject}”的政府信息公开申请办理材料"


def file_order(files: list[CaseFile]) -> list[CaseFile]:
    """件 are numbered in the order the cases were concluded, then by case number."""
    return sorted(files, key=lambda f: (f.answered_on or dt.date.max, f.received_on, f.case_no))


def catalogue_rows(files: list[CaseFile], *, fonds_no: str, year: int, retention: str, org_code: str,
                   author: str) -> list[CatalogueRow]:
    """The 归档文件目录 (DA/T 22-2015 附录): 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注."""
    rows = []
    for index, f in enumerate(file_order(files), start=1):
        notes = ([f"{CARRIED_IN}（{f.received_on.year}年收到）"] if f.carried_in else []) + list(f.notes)
        rows.append(CatalogueRow(
            seq=index,
            archive_no=archive_no(fonds_no, year, retention, org_code, index),
            doc_no=f.answer_doc_no,
            author=author,
            title=case_title(f.applicant, f.subject),
            date=date8(f.answered_on),
            secrecy="",  # answers to disclosure requests are not classified documents
            pages=f.pages,
            note="；".join(notes) + f"（登记编号{f.case_no}）" if notes else f"登记编号{f.case_no}",
        ))
    return rows


CATALOGUE_WIDTHS: tuple[int, ...] = (6, 24, 20, 22, 46, 10, 6, 6, 24)  # character widths of the columns
LINE_POINTS = 15.0  # one line of 10.5 pt 宋体 with its leading


def text_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character takes two, a Latin one one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def lines_needed(text: str, width: int) -> int:
    """Lines a wrapped cell of `width` characters needs for `text` (explicit line breaks kept)."""
    usable = max(width - 1, 1)  # the cell's own padding
    return sum(max(1, -(-text_width(part) // usable)) for part in (str(text).split("\n") or [""]))


def row_height(cells: list[object], widths: tuple[int, ...] = CATALOGUE_WIDTHS) -> float:
    """A row height in points that shows every wrapped cell whole (Excel and WPS do not grow a row
    written by a program; LibreOffice does only when no height is stored)."""
    lines = max(lines_needed("" if c is None else str(c), w) for c, w in zip(cells, widths))
    return round(lines * LINE_POINTS + 6, 1)


# Files that are compressed already (a .docx or .xlsx is itself a zip): a package or a backup stores
# them as they are; deflating them again costs time and saves nothing (docs/performance.md).
ALREADY_COMPRESSED = frozenset({".docx", ".xlsx", ".pptx", ".pdf", ".zip", ".7z", ".rar", ".gz", ".jpg", ".jpeg",
                                ".png", ".gif"})


def stored_as_is(name: str) -> bool:
    """Whether a file of this name goes into a zip stored, not deflated."""
    dot = name.rfind(".")
    return dot >= 0 and name[dot:].lower() in ALREADY_COMPRESSED


def manifest_line(sha256: str, relative_path: str) -> str:
    """One line in the format of `sha256sum`, so the package can be checked with common tools."""
    return f"{sha256}  {relative_path}"
