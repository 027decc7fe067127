"""The fonts the notices are set in, and whether this PC has them (GB/T 9704 《党政机关公文格式》).

The shipped templates set the body in 仿宋_GB2312 (3号) and the title in 方正小标宋简体 (2号).
Windows ships neither: they come with WPS, or from the office's IT staff. Without them Word and WPS
use the substitute each template names (仿宋, 宋体), LibreOffice its own CJK serif, and the document
is still correct in content but not in the official look. The installed fonts are found in the
system's font folders (app.paths.font_folders) by the family names inside each font file.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths

_FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


@dataclass(frozen=True)
class NoticeFont:
    name: str
    role: str
    aliases: tuple[str, ...]   # family names the font file may carry (Chinese and English)
    file_hints: tuple[str, ...]  # usual file names, checked before reading any file
    without: str               # what the documents look like on a PC without it


NOTICE_FONTS: tuple[NoticeFont, ...] = (
    NoticeFont("仿宋_GB2312", "正文", ("仿宋_GB2312", "FangSong_GB2312", "仿宋GB2312"), ("fs_gb2312", "仿宋_gb2312"),
               "正文改用“仿宋”（Windows 自带）显示和打印，字形与仿宋_GB2312 几乎相同，个别字宽略有差异；"
               "没有“仿宋”时使用宋体等默认字体"),
    NoticeFont("方正小标宋简体", "标题", ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
               ("fzxbsjw", "方正小标宋"),
               "标题改用“宋体”显示和打印，笔画较细，不像正式公文的标题"),
)


@dataclass(frozen=True)
class FontCheck:
    font: NoticeFont
    installed: bool


def check_notice_fonts() -> list[FontCheck]:
    """Whether each notice font is installed on this PC (the font folders are read once)."""
    found = _installed_names()
    return [FontCheck(f, any(_norm(a) in found for a in f.aliases)) for f in NOTICE_FONTS]


def missing_fonts_note() -> str:
    """One Chinese paragraph about the notice fonts this PC lacks and what that means; "" if none."""
    missing = [c.font for c in check_notice_fonts() if not c.installed]
    if not missing:
        return ""
    parts = "；".join(f"缺少{f.role}字体“{f.name}”：{f.without}" for f in missing)
    return (f"{parts}。文书内容不受影响。如需标准公文样式，请安装这些字体（随 WPS 提供，或向信息技术人员索取），"
            "装好后重新打开文书即可，无需重新生成。")


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).lower()


@lru_cache(maxsize=1)
def _installed_names() -> frozenset[str]:
    """Normalised family names of the installed fonts; a file named like a notice font (FZXBSJW.TTF)
    counts as that font without being read."""
    names: set[str] = set()
    for folder in paths.font_folders():
        for file in _font_files(folder):
            stem = _norm(file.stem)
            hinted = [f for f in NOTICE_FONTS if any(_norm(h) in stem for h in f.file_hints)]
            if hinted:
                names |= {_norm(a) for f in hinted for a in f.aliases}
            else:
                names |= {_norm(n) for n in family_names(file)}
    return frozenset(names)


def forget() -> None:
    """Look at the font folders again next time (after fonts were installed)."""
    _installed_names.cache_clear()


def _font_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.rglob("*") if p.suffix.lower() in _FONT_SUFFIXES and p.is_file()]
    except OSError:
        return []


def family_names(path: Path) -> set[str]:
    """The family and full names recorded in a TrueType/OpenType file (or collection): the 'name'
    table, Windows (UTF-16) and Macintosh (Latin) records. An unreadable file has none."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                offsets = struct.unpack(f">{min(count, 64)}I", fh.read(4 * min(count, 64)))
            else:
                offsets = (0,)
            names: set[str] = set()
            for offset in offsets:
                names |= _names_at(fh, offset)
            return names
    except (OSError, struct.error, ValueError):
        return set()


def _names_at(fh, offset: int) -> set[str]:
    fh.seek(offset + 4)
    (tables,) = struct.unpack(">H", fh.read(2))
    fh.seek(offset + 12)
    directory = fh.read(16 * min(tables, 256))
    for i in range(0, len(directory), 16):
        tag, _checksum, table, _length = struct.unpack(">4sIII", directory[i:i + 16])
        if tag == b"name":
            return _name_table(fh, table)
    return set()


def _name_table(fh, table: int) -> set[str]:
    fh.seek(table)
    _format, count, strings = struct.unpack(">HHH", fh.read(6))
    records = fh.read(12 * min(count, 1024))
    names = set()
    for i in range(0, len(records), 12):
        platform, encoding, _language, name_id, length, at = struct.unpack(">HHHHHH", records[i:i + 12])
        if name_id not in (1, 4):
            continue
        fh.seek(table + strings + at)
        raw = fh.read(length)
        if platform in (0, 3):
            names.add(raw.decode("utf-16-be", errors="ignore"))
        elif platform == 1 and encoding == 0:
            names.add(raw.decode("mac_roman", errors="ignore"))
    return {n.strip("\x00 ") for n in names if n.strip("\x00 ")}
