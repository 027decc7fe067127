import json
import subprocess
import sys

from app import cli


def test_demo_data_then_list_json(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "60", "--seed", "7"]) == 0
    capsys.readouterr()
    assert cli.run(["list", "--year", "2026", "--json", "--db", str(db)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 57  # one in twenty demo cases is received in the previous year
    for row in rows:
        assert row["received_on"].startswith("2026-")
        assert row["applicant_kind"] in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
        assert set(row) >= {"case_no", "received_on", "applicant_kind", "status", "outcome", "answered_on"}
    assert cli.run(["list", "--json", "--db", str(db)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 60


def test_demo_data_is_reproducible(tmp_path, capsys):
    outputs = []
    for name in ("a", "b"):
        db = tmp_path / f"{name}.sqlite"
        cli.run(["--db", str(db), "demo-data", "--year", "2026", "--count", "40", "--seed", "3"])
        capsys.readouterr()
        cli.run(["--db", str(db), "list", "--json"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_damaged_database_gives_a_chinese_message_and_no_traceback(tmp_path):
    db = tmp_path / "bad.sqlite"
    db.write_bytes(b"\x00garbage" * 100)
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(db), "list", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "已损坏" in proc.stderr and "Traceback" not in proc.stderr


def test_help_lists_subcommands():
    proc = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "demo-data" in proc.stdout and "list" in proc.stdout


def test_deadline_with_a_reversed_pause_is_a_usage_error_not_a_traceback():
    proc = subprocess.run([sys.executable, "-m", "app", "deadline", "--received", "2026-09-28",
                           "--pause", "2026-10-20:2026-10-09"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "结束日期早于开始日期" in proc.stderr and "Traceback" not in proc.stderr


def test_deadline_json_matches_the_worked_examples(capsys):
    assert cli.run(["deadline", "--received", "2026-11-02", "--extended", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["correction_notice_due"], out["answer_due"], out["extended_due"]) == (
        "2026-11-11", "2026-11-30", "2026-12-28")
    assert out["unconfirmed_years"] == []
    assert cli.run(["deadline", "--received", "2026-12-15", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unconfirmed_years"] == [2027]
