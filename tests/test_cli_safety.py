"""Backups on the command line, and every subcommand facing a damaged database file."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
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
    "migrate-to": ["postgresql://zwgk@127.0.0.1:9/zwgk"],  # the file is refused before any server is asked
    "district-report": ["--year", "2026"],
}
# restore is the cure for a damaged file (tested below); sum-reports reads other offices' exported
# spreadsheets and fee computes the 国办函〔2020〕109号 standard: neither opens a database; server sets up
# a district on a PostgreSQL server and refuses a file (docs/district.md).
NOT_APPLICABLE = {"restore", "sum-reports", "fee", "server"}


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
    assert "已恢复：备份.sqlite（12件申请：2026年度12件" in capsys.readouterr().out
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


# ---- busy, empty and missing files --------------------------------------------------------

def _office(tmp_path, cases: int = 5) -> Path:
    db = tmp_path / "office.sqlite"
    assert cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", str(cases), "--seed", "1"]) == 0
    return db


def test_a_file_another_program_holds_is_called_busy_and_restore_does_not_touch_it(tmp_path, capsys):
    from tests.sqlite_holder import held

    db = _office(tmp_path)
    assert cli.run(["--db", str(db), "backup"]) == 0
    taken = next((tmp_path / "office_文件" / "备份").glob("*.sqlite"))
    cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "3", "--seed", "2"])
    capsys.readouterr()
    before = db.read_bytes()
    with held(db, "exclusive"):
        assert cli.run(["--db", str(db), "list"]) == 2
        err = capsys.readouterr().err
        assert "数据库正忙" in err and "已损坏" not in err
    with held(db, "open"):
        assert cli.run(["--db", str(db), "restore", str(taken)]) == 2
        err = capsys.readouterr().err
        assert "不能恢复" in err and "数据库正忙" in err and "未作任何改动" in err
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*已损坏*")) and not list(taken.parent.glob("*恢复前*"))
    assert cli.run(["--db", str(db), "list"]) == 0
    assert capsys.readouterr().out.strip().endswith("共 8 件")


def test_an_empty_file_beside_backups_is_refused_and_offers_restore(tmp_path, capsys):
    db = _office(tmp_path, cases=4)
    assert cli.run(["--db", str(db), "backup"]) == 0
    db.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    capsys.readouterr()
    assert cli.run(["--db", str(db), "list"]) == 2
    err = capsys.readouterr().err
    assert "空的（0字节）" in err and "restore" in err
    assert db.stat().st_size == 0
    assert cli.run(["--db", str(db), "demo-data", "--count", "1"]) == 2  # no new register over it either
    taken = next((tmp_path / "office_文件" / "备份").glob("*.sqlite"))
    assert cli.run(["--db", str(db), "restore", str(taken)]) == 0
    capsys.readouterr()
    assert cli.run(["--db", str(db), "list"]) == 0
    assert capsys.readouterr().out.strip().endswith("共 4 件")


@pytest.mark.parametrize("command", [["list"], ["annual-report", "--year", "2026"],
                                     ["export-ledger", "--year", "2026", "--out", "{tmp}/台账.xlsx"],
                                     ["backup"], ["settings", "--show"], ["deadline", "--received", "2026-03-05"]])
def test_a_read_command_on_a_missing_file_says_so_and_creates_nothing(tmp_path, capsys, command):
    db = tmp_path / "没有这个文件.sqlite"
    args = [a.format(tmp=tmp_path) for a in command]
    assert cli.run(["--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert "数据库文件不存在" in err and str(db) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_import_dry_run_on_a_new_file_checks_without_creating_it(tmp_path, capsys):
    from openpyxl import Workbook

    sheet = tmp_path / "台账.xlsx"
    wb = Workbook()
    wb.active.append(["登记编号", "收到日期", "申请人", "申请内容"])
    wb.active.append(["〔2025〕第1号", "2025-3-5", "张三", "财政预算"])
    wb.save(sheet)
    db = tmp_path / "新.sqlite"
    assert cli.run(["--db", str(db), "import-ledger", str(sheet), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "可导入 1 行" in out and "试运行" in out and "不可写" not in err
    assert not db.exists()
    assert cli.run(["--db", str(db), "import-ledger", str(sheet)]) == 0  # importing makes the register
    assert "已导入 1 件" in capsys.readouterr().out


def test_list_reads_while_the_program_has_the_file_open(tmp_path, capsys):
    from app.services.workspace import close_workspace, open_workspace

    db = _office(tmp_path, cases=3)
    capsys.readouterr()
    script = ("import sys, time\nfrom app.services.workspace import open_workspace\n"
              "open_workspace(sys.argv[1])\nprint('open', flush=True)\nsys.stdin.read()\n")
    gui = subprocess.Popen([sys.executable, "-c", script, str(db)], cwd=ROOT, stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert gui.stdout.readline().strip() == "open"
        assert cli.run(["--db", str(db), "list"]) == 0
        assert capsys.readouterr().out.strip().endswith("共 3 件")
    finally:
        gui.stdin.close()
        gui.wait(timeout=30)


# ---- backup --out writes exactly what it is told -------------------------------------------

def test_backup_out_writes_the_named_file_or_into_the_named_folder(tmp_path, capsys):
    db = _office(tmp_path, cases=2)
    capsys.readouterr()
    assert cli.run(["--db", str(db), "backup", "--out", str(tmp_path / "b.db")]) == 0
    assert capsys.readouterr().out.strip() == f"已备份到：{tmp_path / 'b.db'}"
    assert (tmp_path / "b.db").is_file() and not (tmp_path / "b.db.sqlite").exists()
    assert (tmp_path / "b.zip").is_file()
    folder = tmp_path / "U盘" / "备份"
    assert cli.run(["--db", str(db), "backup", "--out", f"{folder}{os.sep}"]) == 0
    printed = Path(capsys.readouterr().out.strip().removeprefix("已备份到："))
    assert printed.parent == folder and printed.is_file() and printed.suffix == ".sqlite"
    assert not (tmp_path / "U盘" / "备份.sqlite").exists()
    con = sqlite3.connect(printed)
    assert con.execute("SELECT count(*) FROM request").fetchone()[0] == 2
    con.close()


# ---- notice --set names the key; settings from the command line ------------------------------

def test_notice_set_errors_name_the_key_and_unknown_keys_are_refused(tmp_path, capsys):
    db = _office(tmp_path, cases=2)
    out = tmp_path / "补正.docx"
    capsys.readouterr()
    base = ["--db", str(db), "notice", "补正告知书", "--case", "〔2026〕第1号", "--out", str(out)]
    assert cli.run(base) == 2
    err = capsys.readouterr().err
    assert "--set 补正事项=" in err
    assert cli.run([*base, "--set", "补正项目=身份证复印件"]) == 2
    err = capsys.readouterr().err
    assert "补正项目" in err and "补正事项" in err and not out.exists()
    assert cli.run([*base, "--set", "补正事项=身份证复印件"]) == 0
    assert out.is_file()


def test_settings_show_set_and_import(tmp_path, capsys):
    db = tmp_path / "新装.sqlite"
    values = tmp_path / "机关.json"
    values.write_text(json.dumps({"office_name": "黄岩区茅畲乡人民政府", "short_name": "茅畲乡", "doc_prefix": "茅政信",
                                  "reconsideration_body": "台州市黄岩区人民政府", "court": "台州市黄岩区人民法院"},
                                 ensure_ascii=False), encoding="utf-8")
    assert cli.run(["--db", str(db), "settings", "--import", str(values)]) == 0
    assert cli.run(["--db", str(db), "settings", "--set", "全宗号=0194", "org_code=BGS", "limit_draft=5"]) == 0
    capsys.readouterr()
    assert cli.run(["--db", str(db), "settings", "--show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["office_name"], shown["fonds_no"], shown["org_code"], shown["limit_draft"]) == (
        "黄岩区茅畲乡人民政府", "0194", "BGS", 5)
    assert cli.run(["--db", str(db), "settings"]) == 0
    assert "fonds_no\t全宗号\t0194" in capsys.readouterr().out
    assert cli.run(["--db", str(db), "settings", "--set", "fond_no=1", "limit_draft=abc"]) == 2
    err = capsys.readouterr().err
    assert "fond_no" in err and "limit_draft" in err and "整数" in err
    assert cli.run(["--db", str(db), "settings", "--show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["limit_draft"] == 5  # refused whole


# ---- Chinese throughout ---------------------------------------------------------------------

ARGPARSE_ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:", "show this help",
                    "show program's version", "error:", "invalid", "required", "unrecognized", "expected")


@pytest.mark.parametrize("command", [[]] + [[c] for c in subcommands()])
def test_help_is_chinese_throughout(command):
    proc = subprocess.run([sys.executable, "-m", "app", *command, "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.startswith("用法：")
    assert [w for w in ARGPARSE_ENGLISH if w in proc.stdout.lower()] == []


@pytest.mark.parametrize("argv", [["list", "--year", "abc"], ["export-ledger", "--year", "2026"],
                                  ["list", "--bogus"], ["bogus"], ["deadline", "--received"]])
def test_usage_errors_are_chinese(argv):
    proc = subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "错误：" in proc.stderr and proc.stderr.startswith("用法：")
    assert [w for w in ARGPARSE_ENGLISH if w in proc.stderr.lower()] == []


@pytest.mark.parametrize("command", [["export-ledger", "--year", "2026", "--out", "{out}/台账.xlsx"],
                                     ["notice", "政府信息公开申请表", "--case", "〔2026〕第1号", "--out", "{out}/表.docx"]])
def test_os_errors_are_told_in_chinese_with_the_path(tmp_path, capsys, command):
    db = _office(tmp_path, cases=1)
    blocker = tmp_path / "不是文件夹"  # like a drive letter that is no longer a folder
    blocker.write_text("x")
    capsys.readouterr()
    code = cli.run(["--db", str(db), *[a.format(out=blocker) for a in command]])
    err = capsys.readouterr().err
    assert code == 2 and str(blocker) in err
    assert re.findall(r"[A-Za-z]{3,}", err.replace(str(tmp_path), "")) == []  # the reason is Chinese too
    left = [p.name for p in tmp_path.rglob("*") if p.suffix in (".xlsx", ".docx", ".part")]
    assert left == []  # nothing half-written, and the draft made for the copy is gone too


# ---- a full or pulled-out USB stick ---------------------------------------------------------

ON_A_SMALL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past the limit fails with EFBIG, as on a full stick
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from app.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


def _on_a_small_disk(limit: int, *argv: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-c", ON_A_SMALL_DISK, str(limit), *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def office_2025(tmp_path) -> Path:
    db = tmp_path / "office.sqlite"
    assert cli.run(["--db", str(db), "demo-data", "--year", "2025", "--count", "40", "--seed", "4"]) == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode = DELETE")  # reading it then needs no -shm file beside it
    con.close()
    return db


@pytest.mark.skipif(os.name == "nt", reason="file-size limits (RLIMIT_FSIZE) are POSIX")
@pytest.mark.parametrize("command, written", [
    (["export-ledger", "--year", "2025", "--out", "{stick}/台账.xlsx"], "{stick}/台账.xlsx"),
    (["annual-report", "--year", "2025", "--out", "{stick}"], "{stick}"),
    (["backup", "--out", "{stick}/备份.sqlite"], "{stick}/备份.sqlite"),
])
def test_an_export_onto_a_full_stick_leaves_nothing_and_says_where_in_chinese(office_2025, tmp_path, command,
                                                                             written):
    stick = tmp_path / "U盘"
    stick.mkdir()
    argv = [a.format(stick=stick) for a in command]
    before = office_2025.read_bytes()
    proc = _on_a_small_disk(3000, "--db", str(office_2025), *argv)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert "File too large" not in proc.stderr and "错误：" in proc.stderr
    assert "空间已满" in proc.stderr and written.format(stick=stick) in proc.stderr
    assert sorted(p.name for p in stick.rglob("*")) == []  # no 0-byte file, no .part, no .zip.part
    assert office_2025.read_bytes() == before


@pytest.mark.skipif(os.name == "nt", reason="file-size limits (RLIMIT_FSIZE) are POSIX")
def test_an_archive_onto_a_full_stick_leaves_nothing_and_the_year_open(tmp_path):
    db = tmp_path / "office.sqlite"
    assert cli.run(["--db", str(db), "demo-data", "--year", "2025", "--count", "40", "--seed", "4"]) == 0
    con = sqlite3.connect(db)
    case_no, case_id = con.execute("SELECT case_no, id FROM request WHERE status IN ('已答复', '已办结') "
                                   "AND answered_on LIKE '2025%' LIMIT 1").fetchone()
    con.close()
    from app import paths

    scan = paths.case_dir(db, case_no) / "扫描件.docx"
    scan.parent.mkdir(parents=True)
    scan.write_bytes(os.urandom(600_000))
    con = sqlite3.connect(db)
    con.execute("INSERT INTO document (request_id, kind, doc_no, year, path, issued_on, sha256, operator, created_at, "
                "delivery_method) VALUES (?, '答复告知书（予以公开）', NULL, 2025, ?, '2025-06-01', '', '', "
                "'2025-06-01 09:00:00', '')",
                (case_id, scan.relative_to(paths.documents_dir(db)).as_posix()))
    con.commit()
    con.close()
    stick = tmp_path / "U盘"
    stick.mkdir()
    proc = _on_a_small_disk(400_000, "--db", str(db), "archive", "--year", "2025", "--out", str(stick))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "File too large" not in proc.stderr
    assert "空间已满" in proc.stderr and str(stick) in proc.stderr
    assert sorted(p.name for p in stick.iterdir()) == []
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM year_lock").fetchone()[0] == 0
    con.close()


@pytest.mark.parametrize("argv, problem", [
    (["deadline", "--received", "0001-01-01"], "早于2008年5月1日"),
    (["deadline", "--received", "9999-01-01"], "过于遥远"),
    (["notice", "政府信息公开申请表", "--date", "2007-12-31", "--out", "x.docx"], "早于2008年5月1日"),
])
def test_implausible_dates_on_the_command_line_are_refused(argv, problem):
    proc = subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and problem in proc.stderr and "Traceback" not in proc.stderr
