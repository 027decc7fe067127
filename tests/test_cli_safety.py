"""Backups on the command line, and every subcommand facing a damaged database file."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[1]

# Sample arguments for subcommands that need some; a new subcommand without required arguments
# needs no entry.
SAMPLE_ARGS = {
    "deadline": ["--received", "2026-03-05"],
    "annual-report": ["--year", "2026"],
    "archive": ["--year", "2025", "--out", "{tmp}/归档"],
    "export-ledger": ["--year", "2026", "--out", "{tmp}/台账.xlsx"],
    "import-ledger": ["{tmp}/台账.xlsx"],
    "notice": ["补正告知书", "--case", "〔2026〕第1号", "--out", "{tmp}/补正.docx"],
    "opinion": ["list"],
    "press": ["quota", "--year", "2026"],
}
# restore is the cure for a damaged file (tested below); sum-reports reads other offices' exported
# spreadsheets and fee computes the 国办函〔2020〕109号 standard: neither opens a database.
NOT_APPLICABLE = {"restore", "sum-reports", "fee"}


def subcommands() -> list[str]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.fixture
def damaged(tmp_path) -> Path:
    path = tmp_path / "损坏.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x17" * 9000)
    return path


@pytest.mark.parametrize("command", [c for c in subcommands() if c not in NOT_APPLICABLE])
def test_every_subcommand_gives_the_same_chinese_message_for_a_damaged_file(command, damaged, capsys):
    before = damaged.read_bytes()
    try:
        sample = [a.format(tmp=damaged.parent) for a in SAMPLE_ARGS.get(command, [])]
        code = cli.run([command, *sample, "--db", str(damaged)])
    except SystemExit as exc:  # argparse refused the sample arguments
        pytest.fail(f"add sample arguments for `{command}` to SAMPLE_ARGS ({exc})")
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("错误：数据库文件已损坏，无法打开") and "原文件已原样保留" in err
    assert "Traceback" not in err
    assert damaged.read_bytes() == before


def test_the_message_is_printed_without_a_traceback_by_the_real_program(damaged):
    proc = subprocess.run([sys.executable, "-m", "app", "backup", "--db", str(damaged)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("错误：数据库文件已损坏，无法打开")


def test_backup_out_and_restore_round_trip(tmp_path, capsys):
    db = tmp_path / "office.sqlite"
    assert cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "12", "--seed", "1"]) == 0
    out = tmp_path / "U盘" / "备份.sqlite"
    out.parent.mkdir()
    assert cli.run(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert out.exists() and out.with_suffix(".zip").exists()
    fresh = tmp_path / "新电脑.sqlite"
    capsys.readouterr()
    assert cli.run(["--db", str(fresh), "restore", str(out)]) == 0
    assert "已恢复：备份.sqlite（12件申请）" in capsys.readouterr().out
    assert cli.run(["--db", str(fresh), "list"]) == 0
    assert capsys.readouterr().out.strip().endswith("共 12 件")


def test_restore_cures_a_damaged_file_and_can_be_undone(tmp_path, capsys):
    db = tmp_path / "office.sqlite"
    cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "5", "--seed", "1"])
    cli.run(["--db", str(db), "backup"])
    capsys.readouterr()
    assert cli.run(["--db", str(db), "backup", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "手动备份" in listing and "5件" in listing
    backup_file = Path(listing.split("\t")[-1].strip())
    db.write_bytes(b"broken" * 2000)
    assert cli.run(["--db", str(db), "restore", str(backup_file)]) == 0
    said = capsys.readouterr().out
    assert "已损坏" in said and "已恢复" in said
    cli.run(["--db", str(db), "list"])
    assert "共 5 件" in capsys.readouterr().out


def test_restore_without_a_file_says_what_to_give(tmp_path, capsys):
    assert cli.run(["--db", str(tmp_path / "x.sqlite"), "restore"]) == 2
    assert "请指定要恢复的备份文件" in capsys.readouterr().err


def test_list_output_carries_no_identity_or_phone_numbers(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "office.sqlite"
    cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "30", "--seed", "2"])
    con = sqlite3.connect(db)
    secrets = [v for row in con.execute("SELECT id_number, phone FROM request") for v in row if v]
    con.close()
    assert len(secrets) >= 30
    capsys.readouterr()
    cli.run(["--db", str(db), "list", "--json"])
    cli.run(["--db", str(db), "list"])
    printed = capsys.readouterr().out
    leaked = [s for s in secrets if s in printed]
    assert leaked == []
