"""Several desks at the same moment on one server (docs/server.md, "Numbers"): four processes
registering 250 requests each, and issuing each its receipt, get 登记编号 1…1000 and 文号 1…1000 —
no number twice, none skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.services import settings
from app.services.demo import demo_settings
from app.services.workspace import close_workspace, open_workspace
from app.store.schema import Document, Request

ROOT = Path(__file__).resolve().parents[2]
DESKS, EACH = 4, 250


def start_desks(url: str, count: int, receipts: bool) -> list[subprocess.Popen]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    flags = ["--receipts"] if receipts else []
    desks = [subprocess.Popen([sys.executable, "-m", "tests.desk", url, f"desk{d}", str(count), *flags],
                              cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for d in range(DESKS)]
    for desk in desks:  # every desk's database is open before any starts
        line = desk.stdout.readline()
        assert line.strip() == "ready", desk.stderr.read()
    for desk in desks:
        desk.stdin.write("go\n")
        desk.stdin.flush()
    return desks


def wait(desks: list[subprocess.Popen]) -> None:
    for desk in desks:
        out, err = desk.communicate(timeout=900)
        assert desk.returncode == 0, err
        assert out.startswith("done"), out


@pytest.mark.timeout(900)
def test_four_desks_registering_at_once_get_every_number_once(server):
    url = server.new_database()
    open_workspace(url)
    settings.save(demo_settings())
    close_workspace()
    try:
        wait(start_desks(url, EACH, receipts=True))
        open_workspace(url)
        cases = list(Request.select(Request.seq, Request.case_no, Request.name).order_by(Request.seq).tuples())
        receipts = list(Document.select(Document.seq, Document.doc_no).where(Document.kind == "申请接收回执")
                        .order_by(Document.seq).tuples())
        close_workspace()
    finally:
        server.drop(url)
    total = DESKS * EACH
    assert [seq for seq, _no, _name in cases] == list(range(1, total + 1))  # none skipped, none twice
    assert len({no for _seq, no, _name in cases}) == total
    assert [seq for seq, _no in receipts] == list(range(1, total + 1))
    assert len({no for _seq, no in receipts}) == total
    # Every desk's requests are there. (How their numbers interleave depends on how the machine
    # schedules the four processes, so it is not asserted: the numbers must hold whatever it is.)
    owners = [name.split("-")[0] for _seq, _no, name in cases]
    assert Counter(owners) == {f"desk{d}": EACH for d in range(DESKS)}
