"""`政务公开工作台 --self-check [--db PATH]`: prove, without a screen, that the program (frozen or not)
finds its forms, templates and resources and does its main jobs.

Steps, each named in the result: find the program's files, load the libraries used later, open a
database, register a demo case, render one notice from the shipped templates, export one ledger,
look for the notices' fonts (reported, never a failure: they belong to the PC, not the program),
check Chinese sorting and codecs,
show the main window and close it. Exit 0 with a one-line summary, or 1 naming the step that failed.

The user's data is never written: the check works in a temporary folder of its own, removed
afterwards. An existing --db file is copied there first (read, never opened for writing); a --db
path that does not exist is reported and left alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Callable

FLAG = "--self-check"
NOTICE_KIND = "申请接收回执"
WINDOW_TIMEOUT_MS = 10_000


class CheckFailed(Exception):
    """One step failed; the message (Chinese) names what is wrong."""


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(FLAG, action="store_true")
    parser.add_argument("--db", default=None)
    args, _unknown = parser.parse_known_args(argv)
    return args


# ------------------------------------------------------------------- the steps


def _resources() -> str:
    """forms/, resources/ and templates_docx/ where app/paths.py looks (in a bundle: _internal/)."""
    from app import paths

    wanted = [paths.forms_dir(), paths.resource("icon.png"), paths.resource("style.qss"),
              paths.shipped_templates_dir()]
    missing = [str(p) for p in wanted if not p.exists()]
    if missing:
        raise CheckFailed(f"程序目录{paths.root()}中缺少：{'、'.join(missing)}")
    return f"程序目录 {paths.root()}"


# Loaded only when first used (start-up speed), so a bundle missing one would start fine and fail later;
# so is the driver a desk on a database server needs (docs/server.md).
LAZY_LIBRARIES = ("docxtpl", "docx", "openpyxl", "python_calamine", "holidays", "argon2", "jinja2", "platformdirs")


def _libraries() -> str:
    import importlib

    from app.services import connection

    for name in LAZY_LIBRARIES:
        importlib.import_module(name)
    driver = connection.load_driver()
    return f"组件 {len(LAZY_LIBRARIES) + 1} 个（含数据库服务器组件 {driver}）"


def _database(folder: Path, given: str | None) -> str:
    """Open (create, migrate) the check's own database in `folder`; an existing --db file is checked
    on a copy taken there, a missing one is named and never created, a server only connected to (the
    rest of the check runs on a file of its own)."""
    from app import paths
    from app.services.demo import demo_settings
    from app.services import settings
    from app.services.workspace import open_workspace

    target = folder / "自检.sqlite"
    note = ""
    server = ""
    if given and paths.is_url(given):  # a server is only tried: the check never writes to the office's data
        from app.services import connection

        server = connection.check(given) + "；"
        given = None
    if given and Path(given).exists():
        from app.services.backup import export_to

        target = export_to(target, Path(given))
        note = f"（{Path(given).name} 的副本）"
    elif given:
        note = f"（--db 指定的 {given} 不存在，未创建；在临时文件夹中检查）"
    ws = open_workspace(target)
    if not settings.is_configured():
        settings.save(demo_settings())
    return f"{server}数据库 {ws.db_path.name}{note}"


def _register(state: dict) -> str:
    from app.services import demo, register

    today = dt.date.today()
    data = demo.make_request(random.Random(9), today - dt.timedelta(days=5), 5, today.year)
    case = register.register(data, today=today)
    if register.get_case(case.id).case_no != case.case_no:
        raise CheckFailed("登记后读回的案件编号不一致")
    state["case"] = case
    return f"登记 {case.case_no}"


def _notice(state: dict) -> str:
    """One notice rendered from the shipped templates (templates_docx/ must be in the bundle)."""
    from app.services import notices, templates

    missing = [t.shipped.name for t in templates.list_templates() if not t.shipped.exists()]
    if missing:
        raise CheckFailed(f"缺少默认模板：{'、'.join(missing)}")
    case = state["case"]
    out = notices.render_draft(NOTICE_KIND, case.id)
    try:
        with zipfile.ZipFile(out) as docx:
            body = docx.read("word/document.xml").decode("utf-8")
    finally:
        notices.discard_draft(out)
    if case.case_no not in body:
        raise CheckFailed(f"生成的{NOTICE_KIND}中没有案件编号{case.case_no}")
    return f"文书 {NOTICE_KIND}"


def _ledger(state: dict, folder: Path) -> str:
    from app.services import ledger

    case = state["case"]
    result = ledger.export_ledger(case.year, folder / f"台账-{case.year}.xlsx")
    if result.rows < 1 or not zipfile.is_zipfile(result.path):
        raise CheckFailed(f"导出的台账无效（{result.rows} 行）")
    return f"台账 {result.rows} 行"


def _fonts() -> str:
    """The notices' fonts on this PC (services.fonts): named when missing, with what that means."""
    from app.services import fonts

    missing = [c.font for c in fonts.check_notice_fonts() if not c.installed]
    if not missing:
        return "公文字体齐全"
    return "缺少公文字体 " + "、".join(f"{f.name}（{f.without}）" for f in missing)


def _chinese_text() -> str:
    """Qt's ICU data (trimmed to the Chinese and English locales in the Linux bundle, build.spec):
    names sort by pinyin and the GB18030 codec opens."""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    names = ["张三", "安然", "王五", "李四"]
    ordered = sorted(names, key=collator.sortKey)
    if ordered != ["安然", "李四", "王五", "张三"]:
        raise CheckFailed(f"中文排序不是拼音顺序：{'、'.join(ordered)}")
    if not QStringDecoder("GB18030").isValid():
        raise CheckFailed("缺少GB18030编码")
    return "中文排序与编码"


def _main_window() -> str:
    """Show the main window offscreen, wait for its first paint, close it."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.ui.app.main_window import MainWindow
    from app.ui.app.qt_app import prepare_app

    app = prepare_app([])
    window = MainWindow()
    painted: list[bool] = []

    class _Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = _Painted()
    window.installEventFilter(watcher)
    QTimer.singleShot(WINDOW_TIMEOUT_MS, app.quit)
    window.show()
    app.exec()
    window.removeEventFilter(watcher)
    closed = window.close()
    from app.ui.common import tasks

    tasks.wait_for_all()
    window.deleteLater()
    if not painted:
        raise CheckFailed(f"主窗口在{WINDOW_TIMEOUT_MS // 1000}秒内没有显示")
    if not closed:
        raise CheckFailed("主窗口无法关闭")
    return f"主窗口 {len(window.pages())} 页"


# ------------------------------------------------------------------- running them


def _steps(state: dict, folder: Path, db: str | None) -> list[tuple[str, Callable[[], str]]]:
    return [
        ("查找程序文件", _resources),
        ("加载组件", _libraries),
        ("打开数据库", lambda: _database(folder, db)),
        ("登记演示案件", lambda: _register(state)),
        ("生成告知书", lambda: _notice(state)),
        ("导出台账", lambda: _ledger(state, folder)),
        ("检查公文字体", _fonts),
        ("检查中文排序", _chinese_text),
        ("显示主窗口", _main_window),
    ]


def _say(line: str, failed: bool) -> None:
    """Print the result; a windowed Windows program has no console, so it also goes to a file."""
    stream = sys.stderr if failed else sys.stdout
    if stream is not None:
        print(line, file=stream, flush=True)
    else:
        from app import paths

        try:
            paths.user_data_dir().mkdir(parents=True, exist_ok=True)
            (paths.user_data_dir() / "自检结果.txt").write_text(line + "\n", encoding="utf-8")
        except OSError:
            pass


def run_self_check(argv: list[str]) -> int:
    """Run every step in order; stop at the first failure. Returns the process exit code."""
    # Before any QApplication exists: the check must run on a machine without a screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    args = _parse(argv)
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="zwgk-selfcheck-"))
    state: dict = {}
    done: list[str] = []
    try:
        for name, step in _steps(state, folder, args.db):
            try:
                done.append(step())
            except Exception as exc:  # noqa: BLE001 - every failure is reported by its step's name
                detail = str(exc) or type(exc).__name__
                if not isinstance(exc, CheckFailed) and sys.stderr is not None:
                    traceback.print_exc(file=sys.stderr)
                _say(f"自检失败：{name}：{type(exc).__name__}：{detail}", failed=True)
                return 1
    finally:
        _cleanup(folder)
    seconds = time.perf_counter() - started
    _say(f"自检通过（{seconds:.1f}秒）：" + "；".join(done), failed=False)
    return 0


def _cleanup(folder: Path) -> None:
    from app.services.workspace import close_workspace

    try:
        close_workspace()
    except Exception:  # noqa: BLE001 - closing is best effort; the result is already decided
        pass
    shutil.rmtree(folder, ignore_errors=True)
