"""Power-cut test: a process registering cases is killed with SIGKILL at random moments, many times.

Afterwards the file passes PRAGMA integrity_check, every case whose save had returned is there, and
the case numbers have no gaps (a number is taken in the same transaction as the case).
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

WORKER = textwrap.dedent("""
    import datetime as dt, sys
    from app.services.demo import demo_settings
    from app.domain.request import RequestData
    from app.services import register, settings
    from app.services.workspace import open_workspace
    open_workspace(sys.argv[1])
    if not settings.is_configured():
        settings.save(demo_settings())
    print("open", flush=True)
    i = 0
    while True:
        i += 1
        case = register.register(RequestData(
            name=f"申请人{i}", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
            info_description="土地征收补偿方案" * 20, arrived_on=dt.date(2026, 3, 5), channel="当面"),
            today=dt.date(2026, 11, 20))
        print(case.case_no, flush=True)
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killing_the_program_at_random_moments_loses_no_saved_case(tmp_path):
    db = tmp_path / "crash.sqlite"
    rng = random.Random(20261120)
    saved: set[str] = set()
    opened_rounds = 0
    deadline = time.monotonic() + 40
    rounds = 0
    while rounds < 40 and time.monotonic() < deadline:
        rounds += 1
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        # Early kills land while the file is created or migrated, later ones mid-save.
        time.sleep(rng.uniform(0.05, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        lines = out.split()
        assert "Traceback" not in err, err
        if lines and lines[0] == "open":
            opened_rounds += 1
        saved.update(line for line in lines if line.startswith("〔"))

    assert rounds >= 15 and opened_rounds >= rounds // 2  # a stale lock never kept the next copy out
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {no for (no,) in con.execute("SELECT case_no FROM request")}
        seqs = [s for (s,) in con.execute("SELECT seq FROM request WHERE year = 2026 ORDER BY seq")]
        events = con.execute("SELECT count(*) FROM event WHERE kind = 'registered'").fetchone()[0]
        audits = con.execute("SELECT count(*) FROM audit_entry WHERE action = '登记'").fetchone()[0]
    finally:
        con.close()
    assert len(saved) > 20
    assert saved <= stored, sorted(saved - stored)[:5]
    assert seqs == list(range(1, len(seqs) + 1))
    assert events == audits == len(stored)  # never a case without its event and audit entry
