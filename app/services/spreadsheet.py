"""Reading a spreadsheet the clerk hands in (a hand-kept ledger, a holiday table), within bounds.

An .xlsx is a zip of XML parts, and a few kilobytes of it may declare a sheet of a million rows by
sixteen thousand columns, or unpack into gigabytes of text: read naively, such a file takes all the
memory of the PC. Before anything is read, every part is unpacked here once, counting (the true
size, whatever the archive declares), and each worksheet is scanned for where its cells are: no
part may unpack beyond its limit, no cell may lie beyond MAX_ROWS or MAX_COLUMNS, and rows may not
be spread far apart (a sheet of three rows numbered 1, 2 and 150,000). Only then does
python-calamine (a reader written in Rust, about ten times quicker than openpyxl on a ledger) read
the sheet; it sees the same bytes that were counted. A refusal is one Chinese sentence.
"""
from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app import oserrors
from app.services.errors import ServiceError

MAX_ROWS = 200_000           # twice the largest genuine register we know of (100,000 requests)
MAX_COLUMNS = 64             # the ledger has 38 columns (A–AL); column BL is the last one read
MAX_CELL_CHARS = 32_767      # Excel's own limit for one cell
MAX_SHEET_BYTES = 600 << 20  # 200,000 ledger rows written with inline strings take about 480 MB
MAX_STRINGS_BYTES = 256 << 20
MAX_OTHER_BYTES = 16 << 20   # workbook, styles, relationships …
MAX_TOTAL_BYTES = 900 << 20
MAX_MEMBERS = 5_000
ROW_SPREAD = 1_000           # rows may be this many more than twice the rows present (blank lines)
_CHUNK = 8 << 20
_OVERLAP = 4096              # longer than any start tag of a row or a cell

Progress = Callable[[int, int], None]


def _patterns(prefix: bytes) -> dict[str, re.Pattern[bytes]]:
    """The scan's patterns for row and cell tags written `<row`/`<c` (prefix b"") or, where a file
    names them with a namespace prefix (`<x:c`), for any prefix (slower)."""
    tag = b"<" + prefix
    return {
        "row_r": re.compile(tag + rb"row\b[^>]*?\sr=[\"']0*(\d{1,12})[\"']"),
        "row_tag": re.compile(tag + rb"row[\s/>]"),
        "no_r": re.compile(tag + rb"(?:c|row)(?=[\s/>])(?![^>]*?\sr=)"),
    }


_PLAIN = _patterns(b"")
_PREFIXED = _patterns(rb"(?:[A-Za-z_][\w.-]*:)?")
_HAS_PREFIX = re.compile(rb":(?:c|row)[\s/>]")
_SPACED_R = re.compile(rb"r(?:\s+=|=\s+)[\"']")  # r = "A1": legal XML no spreadsheet program writes
_FAR_COLUMN = re.compile(rb"r=[\"']\$?(?:[A-Za-z]{3,}|[C-Zc-z][A-Za-z]|[Bb][M-Zm-z])\$?\d")


def _attribute_r(pattern: re.Pattern[bytes], buf: bytes) -> bool:
    """Whether `pattern` (starting at `r=`) matches an attribute named r (whitespace before it)."""
    return any(m.start() > 0 and buf[m.start() - 1:m.start()].isspace() for m in pattern.finditer(buf))


class SheetRefused(ServiceError):
    """The file is not read: it would make the program read more than a ledger ever holds."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[object]]  # from A1, one list a row, every row as wide as the widest


def read_sheet(path: Path | str, prefer: str = "", progress: Progress | None = None) -> Sheet:
    """The first sheet whose name contains `prefer` (else the first sheet) of an .xlsx, as values:
    text, numbers, booleans, dates (datetime.date / datetime.datetime) and None for empty cells.

    Raises ServiceError (SheetRefused for a file beyond the bounds) with a Chinese message naming
    the file; reads nothing it has not counted first. `progress(done, 100)` as it goes."""
    path = Path(path)
    step = progress or (lambda done, total: None)
    if not path.is_file():
        raise ServiceError(f"找不到文件：{path}")
    check_bounds(path)
    step(15, 100)
    name, rows = _calamine_rows(path, prefer)
    step(90, 100)
    _check_cells(path, rows)
    return Sheet(name, rows)


# ------------------------------------------------------------------- the bounds


def check_bounds(path: Path) -> None:
    """Unpack every part once, counting, and scan each worksheet; raise SheetRefused beyond a bound."""
    try:
        with zipfile.ZipFile(path) as zf, open(path, "rb") as raw:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise _refused(path, f"其中有{len(members)}个部件，远多于电子表格应有的数量")
            total = 0
            for info in members:
                total += _check_member(path, raw, info)
                if total > MAX_TOTAL_BYTES:
                    raise _refused(path, f"解压后超过{MAX_TOTAL_BYTES >> 20} MB")
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError, ValueError):
        raise ServiceError(f"无法读取“{path.name}”：请选择 Excel 工作簿（.xlsx）文件。"
                           "如是 .xls 或 .et 格式，请在 Excel/WPS 中另存为 .xlsx 后再导入。") from None
    except OSError as exc:
        raise ServiceError(oserrors.describe(exc, "无法读取", path)) from None


def _limit(name: str) -> int:
    lower = name.lower()
    if "worksheets/" in lower:
        return MAX_SHEET_BYTES
    if "sharedstrings" in lower:
        return MAX_STRINGS_BYTES
    return MAX_OTHER_BYTES


def _check_member(path: Path, raw, info: zipfile.ZipInfo) -> int:
    limit = _limit(info.filename)
    scan = _SheetScan(path) if "worksheets/" in info.filename.lower() and info.filename.endswith(".xml") else None
    size = 0
    for chunk in _unpacked(raw, info, limit):
        size += len(chunk)
        if size > limit:
            raise _refused(path, f"其中的“{info.filename}”解压后超过{limit >> 20} MB")
        if scan is not None:
            scan.feed(chunk)
    if scan is not None:
        scan.finish()
    return size


def _unpacked(raw, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's true content, from its compressed bytes (never trusting the declared size),
    stopping a little past `limit`."""
    raw.seek(info.header_offset)
    header = raw.read(30)
    if header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    raw.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        inflate = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflate = zlib.decompressobj(-15)
    else:
        # Excel and WPS write stored or deflated members only: anything else is not a workbook we read.
        raise zipfile.BadZipFile(f"compression method {info.compress_type}")
    produced = 0
    while left > 0 and produced <= limit:
        block = raw.read(min(left, 1 << 20))
        if not block:
            raise EOFError
        left -= len(block)
        out = block if inflate is None else inflate.decompress(block, limit + 2 - produced)
        produced += len(out)
        yield out
        while inflate is not None and inflate.unconsumed_tail and produced <= limit:
            out = inflate.decompress(inflate.unconsumed_tail, limit + 2 - produced)
            produced += len(out)
            yield out


class _SheetScan:
    """Where a worksheet's cells lie, from its XML in chunks (a small overlap carries a tag that
    straddles two chunks): no row or cell without its position (r), no column past MAX_COLUMNS, no
    cell beyond the rows seen so far, and rows numbered no further than MAX_ROWS nor spread far."""

    def __init__(self, path: Path):
        self.path = path
        self.tail = b""
        self.rows = 0
        self.last_row = 0

    def feed(self, chunk: bytes) -> None:
        self._scan(self.tail + chunk, final=False)

    def finish(self) -> None:
        self._scan(self.tail, final=True)
        if self.last_row > MAX_ROWS:
            raise _refused(self.path, f"工作表有{self.last_row}行，超过{MAX_ROWS}行的上限。请把台账按年度分成几个文件")
        if self.last_row > 2 * self.rows + ROW_SPREAD:
            raise _refused(self.path, f"工作表只有{self.rows}行内容，却编号到第{self.last_row}行（文件结构异常）。"
                                      "请在 Excel/WPS 中打开，把内容复制到新工作簿后另存为 .xlsx 再导入")

    def _scan(self, buf: bytes, final: bool) -> None:
        owned = len(buf) if final else max(len(buf) - _OVERLAP, 0)
        found = _PREFIXED if _HAS_PREFIX.search(buf) else _PLAIN
        seen = self.last_row
        for match in found["row_r"].finditer(buf):
            number = int(match.group(1))
            seen = max(seen, number)
            if match.start() < owned:
                self.last_row = max(self.last_row, number)
        self.rows += sum(1 for m in found["row_tag"].finditer(buf) if m.start() < owned)
        missing = found["no_r"].search(buf)
        if (missing is not None and missing.start() < owned) or _attribute_r(_SPACED_R, buf):
            raise _refused(self.path, "有单元格或行没有按常规标明位置（文件不是由 Excel/WPS 保存的）。"
                                      "请在 Excel/WPS 中打开后另存为 .xlsx 再导入")
        if _attribute_r(_FAR_COLUMN, buf):
            raise _refused(self.path, f"有内容位于第{MAX_COLUMNS}列（BL列）之后。请删除台账右侧多余的列后再导入")
        beyond = re.compile(rb"r=[\"']\$?[A-Za-z]{1,3}\$?0*" + _above(seen) + rb"[\"']")
        if _attribute_r(beyond, buf):
            raise _refused(self.path, "有单元格不在它所属的行中（文件结构异常）。"
                                      "请在 Excel/WPS 中打开后另存为 .xlsx 再导入")
        self.tail = buf[owned:]


def _above(n: int) -> bytes:
    """A regex matching the decimal numbers (no leading zeros) greater than `n` ≥ 0."""
    digits = str(n)
    parts = [rf"[1-9]\d{{{len(digits)},}}"]
    for i, ch in enumerate(digits):
        if ch != "9":
            parts.append(digits[:i] + f"[{int(ch) + 1}-9]" + rf"\d{{{len(digits) - i - 1}}}")
    return ("(?:" + "|".join(parts) + ")").encode()


def _refused(path: Path, why: str) -> SheetRefused:
    return SheetRefused(f"“{path.name}”超出了本程序可以读取的范围：{why}。未导入任何内容。")


# ------------------------------------------------------------------- reading


def _calamine_rows(path: Path, prefer: str) -> tuple[str, list[list[object]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            names = [m.name for m in workbook.sheets_metadata if str(m.typ).endswith("WorkSheet")]
            if not names:
                raise ServiceError(f"“{path.name}”中没有工作表")
            name = next((n for n in names if prefer and prefer in n), names[0])
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except (CalamineError, ValueError, OSError) as exc:
        raise ServiceError(f"无法读取“{path.name}”：文件已损坏或不是 Excel 工作簿（.xlsx）（{type(exc).__name__}）") from None
    return name, rows


def _check_cells(path: Path, rows: list[list[object]]) -> None:
    """No cell longer than Excel allows (an empty cell is read as "")."""
    for number, row in enumerate(rows, start=1):
        if max(map(len, (v for v in row if type(v) is str)), default=0) > MAX_CELL_CHARS:
            raise _refused(path, f"第{number}行有一个单元格超过{MAX_CELL_CHARS}个字符（Excel 单元格的上限）")
