"""The screens of a desk on a database server, driven like a person (docs/server.md): the connection
dialog tries a server before keeping it; the first-start dialog joins an office already on the
server, or sets one up there; a server that cannot be reached at start is told, with 重试 and
连接设置…, and nothing opens half-way; the backup screen says backups are the server's and exports."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from app import paths
from app.domain.request import CaseQuery, RequestData
from app.services import connection, register, settings
from app.services.demo import demo_settings
from app.services.workspace import close_workspace, open_workspace
from app.store import db as store_db
from app.ui.app.application import ensure_configured
from app.ui.app.backup_dialogs import BackupDialog, ServerFailureBox, open_or_recover
from app.ui.settings.connection_dialog import ConnectionDialog
from app.ui.settings.dialog import SettingsDialog
from tests import pg_server as pg

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def url(server_url):
    return server_url


def fill(dialog: ConnectionDialog, location: str) -> None:
    fields = connection.address(location)
    dialog.server.setChecked(True)
    dialog.host.setText(fields.host)
    dialog.port.setValue(fields.port)
    dialog.database.setText(fields.database)
    dialog.user.setText(fields.user)
    dialog.password.setText(fields.password)


def click(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def test_the_connection_dialog_tries_the_server_before_keeping_it(qtbot, url):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    fill(dialog, url)
    dialog.password.setText("wrong-password")
    dialog.save()
    assert "用户名或密码不正确" in dialog.result.text() and dialog.chosen is None
    assert not paths.connection_file().exists()
    fill(dialog, url)
    dialog.test_button.click()
    assert "新的数据库" in dialog.result.text()
    dialog.save()
    assert dialog.chosen == url and connection.saved() == url == paths.default_db_path()

    again = ConnectionDialog()
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.location() == url  # the fields come back as kept
    again.local.setChecked(True)
    again.save()
    assert connection.saved() is None and paths.default_db_path() == paths.default_file()


def test_first_start_joins_an_office_already_on_the_server(qtbot, modal, tmp_path, url):
    open_workspace(url)
    settings.save(demo_settings())
    close_workspace()
    open_workspace(tmp_path / "新电脑.sqlite")  # the new desk's own file, opened at its first start
    told = {}

    def first_start(dialog: SettingsDialog) -> None:
        modal(ConnectionDialog, lambda c: (fill(c, url), c.save()), needs_focus=False)
        modal(QMessageBox, lambda box: (told.setdefault("text", box.text()), box.accept()), needs_focus=False)
        next(b for b in dialog.ui.buttonBox.buttons() if b.text() == "连接服务器…").click()

    modal(SettingsDialog, first_start, needs_focus=False)
    assert ensure_configured() is True
    modal.check()
    assert "茅畲乡" in told["text"] and "无需再填写" in told["text"]
    assert store_db.current_path() == url and connection.saved() == url


def test_first_start_on_an_empty_server_sets_the_office_up_there(qtbot, modal, tmp_path, url):
    open_workspace(tmp_path / "新电脑.sqlite")
    wanted = demo_settings()

    def first_start(dialog: SettingsDialog) -> None:
        modal(ConnectionDialog, lambda c: (fill(c, url), c.save()), needs_focus=False)
        next(b for b in dialog.ui.buttonBox.buttons() if b.text() == "连接服务器…").click()
        assert "服务器上还没有本机关的设置" in dialog.ui.introLabel.text()
        dialog._load(wanted)
        dialog.save()

    modal(SettingsDialog, first_start, needs_focus=False)
    assert ensure_configured() is True
    modal.check()
    close_workspace()
    open_workspace(url)
    assert settings.load().office_name == wanted.office_name


def test_a_server_nobody_answers_at_start_is_told_and_the_connection_can_be_changed(qtbot, modal, url):
    nobody = url.replace(url.rsplit("@", 1)[1].split("/")[0], f"127.0.0.1:{pg.free_port()}")
    seen = {}

    def quit_(box: ServerFailureBox) -> None:
        seen["text"] = box.text()
        click(box, "退出")

    modal(ServerFailureBox, quit_, needs_focus=False)
    assert open_or_recover(nobody) is False
    modal.check()
    assert "无法连接数据库服务器" in seen["text"] and not store_db.is_open()

    def change(box: ServerFailureBox) -> None:
        modal(ConnectionDialog, lambda c: (fill(c, url), c.save()), needs_focus=False)
        click(box, "连接设置…")

    modal(ServerFailureBox, change, needs_focus=False)
    assert open_or_recover(nobody) is True
    modal.check()
    assert store_db.current_path() == url


def test_the_backup_screen_on_a_server_says_whose_job_it_is_and_exports(qtbot, url, tmp_path):
    open_workspace(url)
    settings.save(demo_settings())
    register.register(RequestData(name="李四", id_number="11010519491231002X", phone="13812345678",
                                  address="茅畲村1号", info_description="土地征收补偿方案",
                                  arrived_on=dt.date(2026, 3, 5), channel="当面"), today=TODAY)
    dialog = BackupDialog()
    qtbot.addWidget(dialog)
    assert dialog.on_server and dialog.restore_button.parent() is None  # no restore on this desk
    target = tmp_path / "导出.sqlite"
    dialog.export_copy(str(target))
    assert "已导出到" in dialog.status.text() and target.is_file()
    close_workspace()
    open_workspace(target)
    assert [r.name for r in register.list_rows(CaseQuery())] == ["李四"]


def test_a_saved_connection_holds_no_password_and_the_next_start_asks_for_it(qtbot, modal, url):
    password = connection.address(url).password
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    fill(dialog, url)
    dialog.save()
    assert dialog.chosen == url
    kept = paths.connection_file().read_text(encoding="utf-8")
    assert password and password not in kept and connection.address(kept).user == connection.address(url).user

    connection._typed.clear()  # the next start: nothing typed yet in this run
    assert connection.saved() == kept and connection.needs_password(kept)
    seen = {}

    def log_in(login: ConnectionDialog) -> None:
        seen["text"] = login.result.text()
        assert login.host.text() == connection.address(url).host and login.password.text() == ""
        login.password.setText(password)
        login.save()

    modal(ConnectionDialog, log_in, needs_focus=False)
    assert open_or_recover(connection.saved()) is True
    modal.check()
    assert "要求输入密码" in seen["text"] and store_db.current_path() == url
    assert password not in paths.connection_file().read_text(encoding="utf-8")
