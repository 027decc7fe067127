"""Hostile spreadsheets: a few kilobytes that declare a million rows, unpack into gigabytes or put
cells far apart are refused in Chinese before anything is read (app/services/spreadsheet.py).

Each file is a real .xlsx written by openpyxl and then altered the way a crafted file is; the
readers run in a child process with its memory capped, so a reader that tries to take all the
memory fails the test instead of the machine."""
from __future__ import annotations

import io
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest


ROOT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"


def _ledger_bytes(rows: int = 3) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["登记编号", "收到日期", "申请人", "申请内容"])
    for i in range(1, rows + 1):
        ws.append([f"〔2025〕第{i}号", "2025-3-5", f"申请人{i}", "财政预算"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _altered(path: Path, change_sheet=lambda xml: xml, changes: dict | None = None) -> Path:
    """The ledger with its sheet XML (and any other part) changed, recompressed."""
    changes = {SHEET: change_sheet, **(changes or {})}
    source = zipfile.ZipFile(io.BytesIO(_ledger_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, changes.get(info.filename, lambda d: d)(data))
    return path


def _appended(path: Path, name: str, raw: bytes, size: int, crc: int) -> Path:
    """`path` with one more member whose deflated bytes are given as they are."""
    data = path.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    central_at = struct.unpack("<I", data[end + 16:end + 20])[0]
    central, tail, encoded = data[central_at:end], data[end:], name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded), 0) + encoded
    entry = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded),
                        0, 0, 0, 0, 0, central_at) + encoded
    count = struct.unpack("<H", tail[10:12])[0] + 1
    new_tail = tail[:8] + struct.pack("<HHII", count, count, len(central) + len(entry),
                                      central_at + len(local) + len(raw)) + tail[20:]
    path.write_bytes(data[:central_at] + local + raw + central + entry + new_tail)
    return path


_UNIT = b"<si><t>" + "申请人".encode() * 300 + b"</t></si>"  # one shared string of 900 characters
_REL = (b'<Relationship Id="rIdSS" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>')
_KIND = (b'<Override PartName="/xl/sharedStrings.xml" '
         b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def _shared_strings_bomb(path: Path, megabytes: int) -> Path:
    """The ledger with an xl/sharedStrings.xml of about `megabytes` MB in about `megabytes` KB: one
    compressed megabyte of strings repeated (its back-references stay inside it, so each copy
    unpacks to the same megabyte)."""
    _altered(path, changes={"xl/_rels/workbook.xml.rels": lambda d: d.replace(b"</Relationships>", _REL + b"</Relationships>"),
                            "[Content_Types].xml": lambda d: d.replace(b"</Types>", _KIND + b"</Types>")})
    head, foot = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', b"</sst>"
    chunk = _UNIT * ((1 << 20) // len(_UNIT))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    opening = packer.compress(head) + packer.flush(zlib.Z_SYNC_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    closing = packer.compress(foot) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(foot, crc)
    raw = opening + block * megabytes + closing
    return _appended(path, "xl/sharedStrings.xml", raw, len(head) + len(chunk) * megabytes + len(foot), crc)


READ_CAPPED = textwrap.dedent("""
    import resource, sys
    cap = 1536 << 20  # 1.5 GB: a reader that tries to hold the file's promise runs out here
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from app.services import ledger
    from app.services.errors import ServiceError
    try:
        preview = ledger.preview_import(sys.argv[1])
        print("READ", len(preview.rows))
    except ServiceError as exc:
        print("REFUSED", exc)
""")


def _import_capped(path: Path) -> str:
    proc = subprocess.run([sys.executable, "-c", READ_CAPPED, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=90)
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _reader():
    from app.services import spreadsheet

    return spreadsheet


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the memory cap (RLIMIT_AS) is POSIX")


def test_a_genuine_ledger_is_read(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(_ledger_bytes(rows=5))
    sheet = _reader().read_sheet(path, prefer="台账")
    assert sheet.name == "台账" and len(sheet.rows) == 6
    assert sheet.rows[5][:3] == ["〔2025〕第5号", "2025-3-5", "申请人5"]


def test_a_small_file_declaring_the_whole_sheet_with_a_cell_in_its_last_corner_is_refused(tmp_path):
    corner = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    path = _altered(tmp_path / "角落.xlsx", lambda xml: xml.replace(b'<dimension ref="A1:D4"/>',
                                                                 b'<dimension ref="A1:XFD1048576"/>')
                    .replace(b"</sheetData>", corner))
    assert path.stat().st_size < 10_000
    out = _import_capped(path)
    assert out.startswith("REFUSED") and "超出了本程序可以读取的范围" in out and "未导入任何内容" in out


def test_a_shared_strings_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = _shared_strings_bomb(tmp_path / "炸弹.xlsx", megabytes=1400)
    assert path.stat().st_size < 8_000_000  # a few MB that unpack to 1.4 GB of text
    out = _import_capped(path)
    assert out.startswith("REFUSED") and "超出了本程序可以读取的范围" in out and "sharedStrings.xml" in out


def _cell(ref: str, text: bytes = b"x") -> bytes:
    return b'<c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"


@pytest.mark.parametrize("rows, refusal", [
    (b'<row r="150000">' + _cell("A150000") + b"</row>", "却编号到第150000行"),    # rows spread far apart
    (b'<row r="5">' + _cell("A90000") + b"</row>", "不在它所属的行中"),           # a cell outside its row
    (b'<row r="5">' + b"<c><v>1</v></c>" * 20_000 + b"</row>", "没有按常规标明位置"),  # cells without positions
    (b'<row r="5">' + _cell("BM5") + b"</row>", "BL列"),                        # past the ledger's columns
    (b'<row r="5">' + _cell("A5", b"x" * 32_768) + b"</row>", "32767个字符"),    # longer than Excel allows
])
def test_cells_where_no_ledger_has_them_are_refused(tmp_path, rows, refusal):
    path = _altered(tmp_path / "台账.xlsx", lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>"))
    with pytest.raises(_reader().SheetRefused, match=refusal):
        _reader().read_sheet(path)


def test_a_part_declaring_a_false_size_is_counted_by_what_it_unpacks_to(tmp_path):
    path = _shared_strings_bomb(tmp_path / "谎报.xlsx", megabytes=300)
    data = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # declare 1 KB in both headers
        start = data.rfind(signature)
        data[start + at:start + at + 4] = struct.pack("<I", 1024)
    path.write_bytes(bytes(data))
    with pytest.raises(_reader().SheetRefused, match="sharedStrings.xml"):
        _reader().check_bounds(path)
