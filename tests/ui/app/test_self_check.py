"""`python -m app --self-check`: the smoke test the frozen build runs in CI, here from source.

Run as a separate process, as CI runs it: it makes its own QApplication offscreen."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _self_check(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the check must switch to offscreen by itself
    env["ZWGK_DATA_DIR"] = str(tmp_path / "userdata")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    temp = tmp_path / "系统临时"  # the child's temp folder, to see what it leaves there
    temp.mkdir(exist_ok=True)
    env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(temp)
    return subprocess.run([sys.executable, "-m", "app", "--self-check", *extra], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=180)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_self_check_passes_in_a_temporary_database_and_leaves_no_user_data(tmp_path):
    out = _self_check(tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("自检通过")
    for step in ("程序目录", "数据库", "登记", "文书 申请接收回执", "台账 1 行", "主窗口"):
        assert step in lines[0]
    # Nothing was written to the user's data folder (no database, no documents).
    assert not (tmp_path / "userdata" / "政务公开.sqlite").exists()


def test_self_check_on_an_existing_database_works_on_a_copy(tmp_path):
    from app.services.demo import demo_settings
    from app.domain.request import CaseQuery
    from app.services import demo, register, settings
    from app.services.workspace import close_workspace, open_workspace

    db = tmp_path / "office.sqlite"
    open_workspace(db)
    settings.save(demo_settings())
    demo.generate(2025, 30, seed=5)
    close_workspace()
    before = _digest(db)

    out = _self_check(tmp_path, "--db", str(db))
    assert out.returncode == 0, out.stderr
    # 30 cases of 2025 are in the copy, the demo case makes one more in this year's ledger, and the
    # office's own file is untouched.
    assert "自检通过" in out.stdout
    assert _digest(db) == before
    open_workspace(db)
    try:
        assert register.count(CaseQuery()) == 30
    finally:
        close_workspace()


def test_self_check_never_creates_a_register_at_a_missing_db_path(tmp_path):
    db = tmp_path / "new" / "check.sqlite"
    db.parent.mkdir()
    out = _self_check(tmp_path, "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "不存在，未创建" in out.stdout
    assert list(db.parent.iterdir()) == []  # no register, no demo settings, no demo case, no lock file
    assert not (tmp_path / "userdata").exists() or list((tmp_path / "userdata").rglob("*.sqlite")) == []
    assert list((tmp_path / "系统临时").iterdir()) == []  # its own temporary folder is removed afterwards


def test_self_check_reports_the_notice_fonts(tmp_path):
    env_fonts = tmp_path / "字体"
    env_fonts.mkdir()
    (env_fonts / "FZXBSJW.TTF").write_bytes(b"\x00\x01\x00\x00")  # a 方正小标宋简体 file by its usual name
    os.environ["ZWGK_FONT_DIRS"] = str(env_fonts)
    try:
        out = _self_check(tmp_path)
    finally:
        del os.environ["ZWGK_FONT_DIRS"]
    assert out.returncode == 0, out.stderr
    assert "缺少公文字体 仿宋_GB2312（正文改用“仿宋”" in out.stdout and "方正小标宋简体（" not in out.stdout


def test_self_check_names_the_step_that_failed(tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    out = _self_check(tmp_path, "--db", str(broken))
    assert out.returncode != 0
    assert out.stdout == ""
    assert "自检失败：打开数据库" in out.stderr
