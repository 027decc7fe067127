import json
import subprocess
import sys

import pytest

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


def test_opinion_list_and_press_quota_as_json(tmp_path, capsys):
    """`opinion list --json` and `press quota --year Y --json` (docs/legal/duties.md) for scripts."""
    import datetime as dt

    from app.domain import opinion as op
    from app.domain import press as pr
    from app.services import opinion, press, settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    db = tmp_path / "duties.sqlite"
    open_workspace(db)
    settings.save(demo_settings())
    found = dt.datetime(2025, 9, 30, 23, 0)
    opinion.create(op.ItemData(found_at=found, source="网络媒体", title="道路积水", level=op.LEVEL_IMPORTANT), found)
    press.save_event(None, pr.EventData(held_on=dt.date(2025, 2, 10), kind=pr.CONFERENCE, host=pr.OWN, topic="x",
                                        speakers="张乡长", roles=(pr.SPOKESPERSON,)), dt.date(2025, 3, 1))
    close_workspace()

    assert cli.run(["opinion", "list", "--json", "--now", "2025-10-01 00:30", "--db", str(db)]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["no"], item["found_at"], item["level"], item["status"]) == ("2025-001", "2025-09-30T23:00", "重要", "待报告")
    shown = {lim["key"]: (lim["due_at"], lim["state"]) for lim in item["limits"] if not lim["superseded"]}
    assert shown == {"opinion_report": ("2025-10-01T00:00", "overdue"), "opinion_respond_day": ("2025-10-01T00:00", "overdue")}

    assert cli.run(["press", "quota", "--year", "2025", "--today", "2026-01-05", "--json", "--db", str(db)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pattern"] == "1+2+N"
    assert [(p["period"], p["required"], p["held"]) for p in report["periods"]] == [
        ("2025-H1", 1, 1), ("2025-H2", 1, 0), ("2025", 2, 1)]
    assert cli.run(["press", "quota", "--year", "2025", "--pattern", "4·2·1+N", "--json", "--db", str(db)]) == 0
    assert [p["period"] for p in json.loads(capsys.readouterr().out)["periods"]][:4] == [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    with pytest.raises(SystemExit) as usage:  # a time is required, not only a day
        cli.run(["opinion", "list", "--now", "2025-10-01", "--db", str(db)])
    assert usage.value.code == 2 and "YYYY-MM-DD HH:MM" in capsys.readouterr().err
