import datetime as dt
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


# ---- the rules of docs/legal/rules.md from outside ------------------------------------------------


def test_deadline_dispute_reconsideration_counts_working_days(capsys):
    """行政复议法第四十八条 (十日) with 第八十八条第二款 (working days): copy received Mon 2026-09-28 →
    29, 30, [国庆], 10/8, 9, Sat 10/10 调休, 12–16 = Fri 10/16; the township's 10 working days (docs/legal/sources.md): the same day."""
    assert cli.run(["deadline", "--dispute", "reconsideration", "--copy-received", "2026-09-28", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["reply_due"], out["township_due"], out["unconfirmed_years"]) == ("2026-10-16", "2026-10-16", [])


def test_deadline_dispute_litigation_counts_calendar_days(capsys):
    """行政诉讼法第六十七条: 15 days from Wed 9/16 = Thu 10/1, a holiday → Thu 10/8; the township's 10 working
    days: 17, 18, Sun 9/20 调休, 21–24, 28, 29, 30 = Wed 9/30."""
    assert cli.run(["deadline", "--dispute", "litigation", "--copy-received", "2026-09-16", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["reply_due"], out["township_due"]) == ("2026-10-08", "2026-09-30")


def test_deadline_dispute_into_an_unconfirmed_year(capsys):
    """Copy received Tue 2026-12-22: 10 working days → 23, 24, 25, 28–31 (7), [Fri 1/1 元旦], 1/4, 5, 6 = 2027-01-06."""
    assert cli.run(["deadline", "--dispute", "reconsideration", "--copy-received", "2026-12-22", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reply_due"] == "2027-01-06" and out["unconfirmed_years"] == [2027]
    assert "未确认" in out["explanations"]["reply_due"]


def test_fee_command_prints_the_109_standard(capsys):
    """国办函〔2020〕109号: 45 requests in a month → 0 + 20×100 + 10×200 + 5×300 = 5500; 250 pages →
    0 + 70×10 + 100×20 + 50×40 = 4700."""
    assert cli.run(["fee", "--count", "45", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["amount"] == 5500 and isinstance(out["amount"], int)
    assert out["steps"][1] == "第11～30件：20件×100元=2000元"
    assert cli.run(["fee", "--pages", "250", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["amount"] == 4700
    assert cli.run(["fee", "--count", "10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["amount"] == 0


def test_fee_command_refuses_both_methods_and_bad_numbers():
    for args in (["--count", "3", "--pages", "40"], ["--pages", "abc"], []):
        proc = subprocess.run([sys.executable, "-m", "app", "fee", *args], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_deadline_pause_and_fee_have_their_own_terms(capsys):
    """--pause is a consultation (15 working days at most), --fee a fee notice (20). Both sent Thu 11/5 and
    never answered, counted on 12/10: the consultation's term ended 11/26 (15 after 11/5), so the clock
    resumed: 11/30 + 15 paused = 12/21. The fee's 20 ended 12/3: 11/30 + 20 = 12/28."""
    assert cli.run(["deadline", "--received", "2026-11-02", "--pause", "2026-11-05", "--today", "2026-12-10",
                    "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["answer_due"], out["answer_paused"]) == ("2026-12-21", False)
    assert "条例第三十三条第三款" in out["explanations"]["answer_due"]
    assert cli.run(["deadline", "--received", "2026-11-02", "--fee", "2026-11-05", "--today", "2026-12-10",
                    "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answer_due"] == "2026-12-28"
    assert "条例第四十二条" in out["explanations"]["answer_due"] and "第三十二条" not in out["explanations"]["answer_due"]


def test_deadline_open_pause_past_its_term_is_not_paused_in_text(capsys):
    assert cli.run(["deadline", "--received", "2026-11-02", "--pause", "2026-11-05", "--today", "2026-12-10"]) == 0
    text = capsys.readouterr().out
    assert "答复期限：2026年12月21日" in text and "暂停" not in text
    assert cli.run(["deadline", "--received", "2026-11-02", "--pause", "2026-11-05", "--today", "2026-11-20"]) == 0
    assert "答复期限：暂停计算" in capsys.readouterr().out


def test_deadline_refuses_a_correction_before_the_request():
    proc = subprocess.run([sys.executable, "-m", "app", "deadline", "--received", "2026-11-02", "--corrected",
                           "2026-10-30"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "不能早于收到申请" in proc.stderr and "Traceback" not in proc.stderr


def test_list_json_marks_limits_in_an_unconfirmed_year(tmp_path, capsys):
    """docs/legal/requests.md, 未确认: never shown as if certain. Received Tue 2026-12-15 → 2027-01-13 (20 working days,
    元旦 counted as a statutory holiday), so the row carries unconfirmed_years [2027]."""
    from app.domain.request import RequestData
    from app.services import register
    from app.services.workspace import close_workspace, open_workspace

    db = tmp_path / "r.sqlite"
    open_workspace(db)
    from app.services import settings
    from app.services.demo import demo_settings

    settings.save(demo_settings())
    register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678", address="x",
                                  info_description="预算", arrived_on=dt.date(2026, 12, 15), channel="当面"),
                      today=dt.date(2026, 12, 31))
    register.register(RequestData(name="李四", id_number="11010519491231002X", phone="13812345678", address="x",
                                  info_description="预算", arrived_on=dt.date(2026, 11, 2), channel="当面"),
                      today=dt.date(2026, 12, 31))
    close_workspace()
    assert cli.run(["list", "--json", "--db", str(db)]) == 0
    rows = {r["applicant"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["张三"]["due_on"], rows["张三"]["unconfirmed_years"]) == ("2027-01-13", [2027])
    assert (rows["李四"]["due_on"], rows["李四"]["unconfirmed_years"]) == ("2026-11-30", [])
