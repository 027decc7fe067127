"""Whether this PC has the notices' fonts, read from real font files (app/services/fonts.py)."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.services import fonts


def _font_with_names(path: Path, *names: str) -> Path:
    """A minimal TrueType file: the offset table and a 'name' table with Windows (UTF-16) family
    names in Chinese (0x0804) — all a font's family can be read from."""
    strings = [n.encode("utf-16-be") for n in names]
    records, offset = b"", 0
    for name_id, data in zip([1, 4] * len(strings), strings):
        records += struct.pack(">HHHHHH", 3, 1, 0x0804, name_id, len(data), offset)
        offset += len(data)
    table = struct.pack(">HHH", 0, len(strings), 6 + len(records)) + records + b"".join(strings)
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    directory = struct.pack(">4sIII", b"name", 0, 12 + 16, len(table))
    path.write_bytes(header + directory + table)
    return path


@pytest.fixture
def font_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    monkeypatch.setenv("ZWGK_FONT_DIRS", str(folder))
    fonts.forget()
    yield folder
    fonts.forget()


def test_family_names_are_read_from_the_file(tmp_path):
    path = _font_with_names(tmp_path / "simfang.ttf", "仿宋")
    assert fonts.family_names(path) == {"仿宋"}
    assert fonts.family_names(tmp_path / "没有.ttf") == set()


def test_without_the_notice_fonts_the_note_says_what_the_documents_will_look_like(font_folder):
    _font_with_names(font_folder / "simfang.ttf", "仿宋")  # Windows' own 仿宋 is not 仿宋_GB2312
    assert [c.installed for c in fonts.check_notice_fonts()] == [False, False]
    note = fonts.missing_fonts_note()
    assert "仿宋_GB2312" in note and "方正小标宋简体" in note
    assert "正文改用“仿宋”" in note and "标题改用“宋体”" in note and "文书内容不受影响" in note


def test_fonts_are_found_by_their_family_name_or_their_usual_file_name(font_folder):
    _font_with_names(font_folder / "my-fangsong.ttf", "仿宋_GB2312")
    (font_folder / "sub").mkdir()
    (font_folder / "sub" / "FZXBSJW.TTF").write_bytes(b"\x00\x01\x00\x00")
    assert [c.installed for c in fonts.check_notice_fonts()] == [True, True]
    assert fonts.missing_fonts_note() == ""
