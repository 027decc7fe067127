"""Year-end archiving (归档, docs/legal/archive.md): by 31 January the previous year's request
files go to the 文书 archive. One click builds a dated package folder and a .zip of it, then
locks the year so its archived cases are read-only until the clerk unlocks it with a reason.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from app import paths
from app.domain import archive as rules
from app.domain.request import Case
from app.services import files, kept_files
from app.services import settings as office
from app.services.errors import ServiceError, ValidationError, YearLocked
from app.store import audit, ledger as store
from app.store import files as kept
from app.store.db import atomic, current_path

Progress = Callable[[int, int], None]
MANIFEST_NAME = "MANIFEST-SHA256.txt"
README_NAME = "说明.txt"
BACKUP_REASON = "锁定年度前"


@dataclass(frozen=True)
class ArchivePackage:
    year: int
    folder: Path
    zip_path: Path
    cases: int
    files: int
    carried_in: list[str]
    warnings: list[str] = field(default_factory=list)


def _noop(done: int, total: int) -> None:
    return None


def archive_year(year: int, out_dir: Path | str, progress: Progress | None = None,
                 today: dt.date | None = None, early_reason: str = "") -> ArchivePackage:
    """Build the archive package of `year` in `out_dir` and lock the year (docs/legal/archive.md).

    A year that has not ended is refused: locking it would refuse every registration received in it.
    ``early_reason`` is the deliberate override; it is recorded with what the lock blocks.

    The package holds the year's ledger, the 归档文件目录 (DA/T 22-2015), every document of
    every case concluded in the year (cases carried in from the year before are marked so) in a
    folder per case, a 说明 and a SHA-256 manifest of every file; beside it, the same as .zip.
    If anything fails, the half-built folder is removed and the year stays open.
    """
    progress = progress or _noop
    today = today or dt.date.today()
    cfg = office.load()
    errors = rules.check_archive_settings(cfg.fonds_no, cfg.org_code, cfg.retention)
    if errors:
        raise ValidationError(errors)
    early_reason = (early_reason or "").strip()
    if not rules.year_ended(year, today) and not early_reason:
        raise ServiceError(rules.early_archive_effects(year) + f"年度归档应在{year}年结束后、次年1月31日前进行。")
    lock = store.year_lock(year)
    if lock is not None:
        raise YearLocked(f"{year}年度已于{lock.locked_at:%Y-%m-%d %H:%M}归档（{lock.package}）。"
                         "如需重新归档，请先解除锁定并说明理由。")
    cases = store.cases_concluded_in(year)
    documents = store.documents_by_case(year, concluded=True)
    total = sum(len(documents.get(c.id, [])) for c in cases) + 4
    folder = _new_package_folder(Path(out_dir), year)
    work = _work_folder(folder)
    try:
        package = _build(year, cases, documents, cfg, work, folder.name, progress, total, today)
        _zip(work, folder.name, _zip_part(folder))
        _backup_before_lock()
        with atomic():
            store.lock_year(year, str(folder))
            changes = {"package": [None, str(folder)], "cases": [None, len(cases)]}
            if not rules.year_ended(year, today):
                changes |= {"reason": [None, early_reason], "effect": [None, rules.early_archive_effects(year)]}
            audit.record("year", year, "提前归档并锁定" if "reason" in changes else "归档并锁定", changes)
    except BaseException as exc:
        for junk in (work, _zip_part(folder)):  # nothing half-built is left; the year stays open
            files.remove_quietly(junk)
        if isinstance(exc, OSError):
            raise files.os_error(exc, "无法写入归档文件夹", out_dir) from None
        raise
    zip_path = _put_in_place(folder)  # after the lock committed; if killed here, finished at the next start
    progress(total, total)
    return ArchivePackage(year, folder, zip_path, len(cases), package["files"], package["carried_in"],
                          package["warnings"])


def _work_folder(folder: Path) -> Path:
    return folder.with_name(folder.name + files.PART_SUFFIX)


def _put_in_place(folder: Path) -> Path:
    """The package folder and its zip take their names (they are recorded on the lock already)."""
    target = folder.with_suffix(".zip")
    for part, final in ((_work_folder(folder), folder), (_zip_part(folder), target)):
        if part.exists() and not final.exists():
            part.rename(final)
    return target


def finish_interrupted_archives() -> list[Path]:
    """Packages of locked years still under their .part names (killed after the lock committed):
    renamed into place now. Returns the package folders finished."""
    finished = []
    for year in store.locked_years():
        folder = Path(store.year_lock(year).package)
        if not folder.exists() and _work_folder(folder).exists():
            _put_in_place(folder)
            finished.append(folder)
    return finished


def _backup_before_lock() -> None:
    """A backup is taken before a year is locked, so the lock itself can be undone (on a server, by
    the server's own backups)."""
    from app.services import backup

    backup.safety_copy(BACKUP_REASON)


def _new_package_folder(out_dir: Path, year: int) -> Path:
    """A dated folder name that is new, so archiving again after an unlock never overwrites."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{year}年度依申请公开归档_{stamp}"
    candidate, n = out_dir / base, 1
    while candidate.exists() or candidate.with_suffix(".zip").exists() or \
            candidate.with_name(candidate.name + ".part").exists():
        n += 1
        candidate = out_dir / f"{base}-{n}"
    return candidate


def _build(year: int, cases: list[Case], documents: dict, cfg, work: Path, name: str, progress: Progress,
           total: int, today: dt.date) -> dict:
    from app.services import ledger

    work.mkdir(parents=True)
    done = 0
    ledger.export_ledger(year, work / f"{year}年度依申请公开登记台账.xlsx", today=today)
    progress(done := done + 1, total)
    files, warnings, carried = [], [], []
    case_files = []
    digests: dict[Path, str] = {}  # SHA-256 of each document, taken while it was copied
    docs_root = paths.documents_dir(current_path())  # Document.path is relative to it (notices)
    ordered = rules.file_order([_case_file(c, documents.get(c.id, []), year) for c in cases])
    by_no = {c.case_no: c for c in cases}
    for item_no, cf in enumerate(ordered, start=1):
        case = by_no[cf.case_no]
        suffix = f"（{rules.CARRIED_IN}）" if cf.carried_in else ""
        case_dir = work / "文书" / f"{item_no:04d}_{paths.safe_filename(case.case_no)}{suffix}"
        case_dir.mkdir(parents=True)
        pages: list[int | None] = []
        for index, doc in enumerate(documents.get(case.id, []), start=1):
            copied, problem, page_count = _copy_document(doc, docs_root, case_dir, index, digests)
            if problem:
                warnings.append(f"{case.case_no}：{problem}")
                cf.notes.append(problem)
            if copied:
                files.append(copied)
                pages.append(page_count)
            progress(done := done + 1, total)
        if not documents.get(case.id):
            cf.notes.append("无电子文书")
        cf.pages = sum(pages) if pages and all(p is not None for p in pages) else None  # type: ignore[arg-type]
        if cf.carried_in:
            carried.append(case.case_no)
        case_files.append(cf)
    _write_catalogue(work / f"{year}年度归档文件目录.xlsx", year, case_files, cfg)
    # 舆情, 新闻发布, 政策解读 and 发布登记 of the year with their documents (docs/legal/duties.md).
    from app.services import duties

    other = duties.archive(year, work / duties.FOLDER)
    warnings += [f"{duties.FOLDER}：{w}" for w in other.warnings]
    progress(done := done + 1, total)
    _write_readme(work / README_NAME, year, name, cfg, case_files, carried, warnings, other.files > 0)
    _write_manifest(work, digests)
    progress(done + 1, total)
    return {"files": len(files) + other.files, "warnings": warnings, "carried_in": carried}


def _case_file(case: Case, docs: list, year: int) -> rules.CaseFile:
    answer_no = next((d.doc_no for d in reversed(docs) if d.doc_no and ("答复" in d.kind or d.kind.startswith("告知书"))),
                     next((d.doc_no for d in reversed(docs) if d.doc_no), ""))
    return rules.CaseFile(case.case_no, case.received_on, case.answered_on, case.name,
                          case.info_name or case.info_description, answer_no,
                          carried_in=case.received_on.year < year)


_READ_WHOLE = 32 << 20  # a document up to this size is read into memory once; a larger one is copied


def _copy_document(doc, docs_root: Path, case_dir: Path, index: int,
                   digests: dict[Path, str]) -> tuple[Path | None, str, int | None]:
    """Copy one document file, read once for its copy, its SHA-256 (into `digests`) and its page
    count (docs/performance.md); (copied path, problem text or "", 页数 if the file states it)."""
    label = doc.doc_no or doc.kind
    if not doc.path:
        return None, f"文书“{label}”没有文件", None
    source = Path(doc.path)
    if not source.is_absolute():
        source = docs_root / source
        kept.local(kept.DOCUMENTS, doc.path, source)  # a server's office keeps it in the database
    if not source.is_file():
        return None, f"文书“{label}”的文件缺失：{source.name}", None
    stem = paths.safe_filename("_".join(p for p in (f"{index:02d}", rules.date8(_dated(doc)), doc.kind, doc.doc_no)
                                        if p))
    target = case_dir / (stem + source.suffix.lower())
    if source.stat().st_size <= _READ_WHOLE:
        data = source.read_bytes()
        target.write_bytes(data)
        digests[target] = hashlib.sha256(data).hexdigest()
    else:
        shutil.copyfile(source, target)
        digests[target] = _sha256(target)
        data = target.read_bytes() if target.suffix in (".pdf", ".docx") else b""
    pages = _page_count(target.suffix, data)
    if doc.sha256 and digests[target] != doc.sha256:
        return target, f"文书“{label}”的文件在生成后被修改过（校验值不一致）", pages
    return target, "", pages


def _dated(doc) -> dt.date | None:
    """The document's date: the day issued or printed; for a form filed by an older version without
    one, the day it was recorded (DA/T 22-2015 7.2.6: every file is dated)."""
    if doc.issued_on:
        return doc.issued_on
    return doc.created_at.date() if doc.created_at else None


_sha256 = kept_files.sha256


_PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
_DOCX_PAGES = re.compile(rb"<Pages>(\d+)</Pages>")


def _page_count(suffix: str, data: bytes) -> int | None:
    """页数 where the file states it (PDF pages; Word's saved page count); None when unknown."""
    try:
        if suffix == ".pdf":
            return len(_PDF_PAGE.findall(data)) or None
        if suffix == ".docx":
            app_xml = _member(data, b"docProps/app.xml")
            match = _DOCX_PAGES.search(app_xml) if app_xml else None
            return int(match.group(1)) if match else None
    except (zipfile.BadZipFile, zlib.error, KeyError):
        return None
    return None


def _member(data: bytes, name: bytes) -> bytes | None:
    """One member of a zip held in memory, found by its local header (reading the whole central
    directory of every .docx of a year costs more than copying them); zipfile reads it otherwise."""
    at = data.find(name)
    while at >= 30:
        header = at - 30
        if data[header:header + 4] == b"PK\x03\x04" and data[header + 26:header + 28] == len(name).to_bytes(2, "little"):
            flags, method = struct.unpack_from("<HH", data, header + 6)
            size = struct.unpack_from("<I", data, header + 18)[0]
            extra = struct.unpack_from("<H", data, header + 28)[0]
            if flags & 0x08 or not size or method not in (0, 8):
                break  # sizes after the data, or another method: let zipfile read it
            start = at + len(name) + extra
            raw = data[start:start + size]
            return raw if method == 0 else zlib.decompress(raw, -15)
        at = data.find(name, at + 1)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name.decode()) if name.decode() in z.namelist() else None


def _write_catalogue(path: Path, year: int, files: list[rules.CaseFile], cfg) -> None:
    """归档文件目录 (DA/T 22-2015): A4 landscape, header repeated on every printed page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    from app.services.xlsx import a4_landscape

    rows = rules.catalogue_rows(files, fonds_no=cfg.fonds_no, year=year, retention=cfg.retention,
                                org_code=cfg.org_code, author=cfg.office_name)
    wb = Workbook()
    ws = wb.active
    ws.title = "归档文件目录"
    last = chr(ord("A") + len(rules.CATALOGUE_COLUMNS) - 1)
    ws.append([f"归档文件目录（{year}年度 依申请公开 保管期限：{rules.RETENTION_CODES[cfg.retention]}）"])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.append(list(rules.CATALOGUE_COLUMNS))
    for row in rows:
        ws.append(row.cells())
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    # Four named styles, set by name: a style made per cell costs openpyxl a lookup each time.
    for style_name, bold, horizontal in (("目录表头居中", True, "center"), ("目录表头左齐", True, "left"),
                                         ("目录居中", False, "center"), ("目录左齐", False, "left")):
        wb.add_named_style(NamedStyle(style_name, font=Font(name="宋体", size=10.5, bold=bold), border=border,
                                      alignment=Alignment(wrap_text=True, vertical="center", horizontal=horizontal)))
    for cells in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in cells:
            cell.style = ("目录表头" if cell.row == 2 else "目录") + ("左齐" if cell.column in (5, 9) else "居中")
        # Every row as high as its longest wrapped cell, so printed text never runs into the next row.
        ws.row_dimensions[cells[0].row].height = rules.row_height([c.value for c in cells])
    for index, width in enumerate(rules.CATALOGUE_WIDTHS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    a4_landscape(ws)
    ws.print_title_rows = "1:2"  # the catalogue's title too, on every page
    ws.print_area = f"A1:{last}{ws.max_row}"
    from app.services.files import save_document  # `files` here is the list of the year's case files

    save_document(wb, path)


def _write_readme(path: Path, year: int, name: str, cfg, files: list[rules.CaseFile], carried: list[str],
                  warnings: list[str], other_duties: bool = False) -> None:
    open_cases = store.open_cases_received_in(year)
    lines = [
        f"{cfg.office_name}{year}年度依申请公开归档材料",
        f"归档包：{name}",
        f"生成时间：{dt.datetime.now():%Y-%m-%d %H:%M:%S}",
        f"全宗号：{cfg.fonds_no}  机构（问题）代码：{cfg.org_code or '（无）'}  "
        f"保管期限：{rules.RETENTION_CODES[cfg.retention]}（{cfg.retention}）",
        f"本年度办结案件：{len(files)} 件（每件一个文件夹，按件号排列）；其中{rules.CARRIED_IN} {len(carried)} 件。",
        f"收到于本年度、尚未办结（结转下年度继续办理）：{len(open_cases)} 件"
        + ("：" + "、".join(c.case_no for c in open_cases) if open_cases else "。"),
        f"文件校验：{MANIFEST_NAME} 列出每个文件的 SHA-256 值（可用 sha256sum -c 核对）。",
    ]
    if other_duties:
        lines.append("本年度政务舆情、新闻发布、政策解读和信息发布登记的记录及其文件：见“其他政务公开工作”文件夹。")
    if warnings:
        lines += ["", "需要注意："] + [f"- {w}" for w in warnings]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_manifest(folder: Path, known: dict[Path, str]) -> None:
    """The SHA-256 of every file in the package; those taken while copying are not read again."""
    lines = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = file.relative_to(folder).as_posix()
        if relative != MANIFEST_NAME:
            lines.append(rules.manifest_line(known.get(file) or _sha256(file), relative))
    (folder / MANIFEST_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _zip(folder: Path, name: str, target: Path) -> None:
    """The folder as a .zip, its entries under `name`/ (already-compressed files are stored, not
    squeezed again)."""
    with zipfile.ZipFile(target, "w") as z:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            kind = zipfile.ZIP_STORED if rules.stored_as_is(file.name) else zipfile.ZIP_DEFLATED
            z.write(file, f"{name}/{file.relative_to(folder).as_posix()}", compress_type=kind)


def _zip_part(folder: Path) -> Path:
    return folder.with_name(folder.name + ".zip" + files.PART_SUFFIX)


def verify_manifest(folder: Path | str) -> list[str]:
    """Files whose SHA-256 no longer matches the manifest, or that are missing (empty = sound)."""
    folder = Path(folder)
    problems = []
    for line in (folder / MANIFEST_NAME).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, relative = line.split("  ", 1)
        file = folder / relative
        if not file.is_file():
            problems.append(f"缺少文件：{relative}")
        elif _sha256(file) != digest:
            problems.append(f"校验值不一致：{relative}")
    return problems


# ------------------------------------------------------------------- lock

def unlock_year(year: int, reason: str) -> None:
    """解除归档锁定: needs a reason, which the audit trail keeps with the package unlocked."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写解除锁定的理由"})
    with atomic():
        row = store.unlock_year(year)
        if row is None:
            raise ServiceError(f"{year}年度尚未归档锁定")
        audit.record("year", year, "解除归档锁定", {"reason": [None, reason], "package": [row.package, None]})


def is_locked(year: int) -> bool:
    return store.year_lock(year) is not None


def locked_years() -> list[int]:
    return store.locked_years()


# ------------------------------------------------------------------- reminder

@dataclass(frozen=True)
class OpenCase:
    case_id: int
    case_no: str
    name: str
    status: str
    received_on: dt.date


@dataclass(frozen=True)
class ArchiveReminder:
    year: int
    deadline: dt.date
    days_left: int            # negative once 31 January has passed
    open_cases: list[OpenCase]

    @property
    def text(self) -> str:
        due = f"{self.deadline.month}月{self.deadline.day}日"
        if self.days_left >= 0:
            head = f"{self.year}年度依申请公开材料应于{self.deadline.year}年{due}前归档，还有{self.days_left}天。"
        else:
            head = f"{self.year}年度依申请公开材料应于{self.deadline.year}年{due}前归档，已逾期{-self.days_left}天。"
        if self.open_cases:
            return head + f"该年度尚有{len(self.open_cases)}件未办结。"
        return head + "该年度案件均已办结。"


def archive_reminder(today: dt.date | None = None) -> ArchiveReminder | None:
    """From 1 December until the year is archived: days left to 31 January (docs/legal/sources.md) and what is
    still open in that year. None outside that window, once archived, or for a year with no cases."""
    today = today or dt.date.today()
    year = rules.reminder_year(today)
    if store.year_lock(year) is not None or not store.has_cases_for(year):
        return None
    deadline = rules.archive_deadline(year)
    open_cases = [OpenCase(c.id, c.case_no, c.name, c.status, c.received_on)
                  for c in store.open_cases_received_in(year)]
    return ArchiveReminder(year, deadline, (deadline - today).days, open_cases)
