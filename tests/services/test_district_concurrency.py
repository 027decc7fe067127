"""Numbers stay gap-free per office when several desks of several offices register at the same moment
on one district server (docs/district.md, "Numbers"): two desks of office a and two of office b, each
registering with its receipt, give each office 登记编号 and 文号 1…n of its own — checked with raw SQL."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EACH = 40
YEAR = 2026  # tests/desk.py registers on 2026-03-06


def _desks(urls: list[str]) -> list[subprocess.Popen]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    desks = [subprocess.Popen([sys.executable, "-m", "tests.desk", url, f"desk{d}", str(EACH), "--receipts"],
                              cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for d, url in enumerate(urls)]
    for desk in desks:
        assert desk.stdout.readline().strip() == "ready", desk.stderr.read()
    for desk in desks:
        desk.stdin.write("go\n")
        desk.stdin.flush()
    return desks


@pytest.mark.timeout(900)
def test_desks_of_two_offices_registering_at_once_number_each_office_from_one(district):
    from app.store.db import close_database

    close_database()
    with district.admin() as owner:
        before = dict(owner.execute("SELECT office, count(*) FROM request WHERE year = %s GROUP BY office",
                                    (YEAR,)).fetchall())
    desks = _desks([district.url_of(who) for who in ("a_clerk", "a_lead", "b_clerk", "b_admin")])
    for desk in desks:
        out, err = desk.communicate(timeout=900)
        assert desk.returncode == 0 and out.startswith("done"), err
    with district.admin() as owner:
        for office in ("a", "b"):
            seqs = [s for (s,) in owner.execute("SELECT seq FROM request WHERE office = %s AND year = %s "
                                                "ORDER BY seq", (office, YEAR)).fetchall()]
            assert seqs == list(range(1, before.get(office, 0) + 2 * EACH + 1))
            receipts = [s for (s,) in owner.execute(
                "SELECT seq FROM document WHERE office = %s AND year = %s AND kind = '申请接收回执' ORDER BY seq",
                (office, YEAR)).fetchall()]
            assert receipts == list(range(1, len(receipts) + 1)) and len(receipts) >= 2 * EACH
