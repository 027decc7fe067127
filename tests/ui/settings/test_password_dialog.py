"""Setting the start-up password through the settings dialog stores only a hash and is verifiable."""
import sqlite3

from app.services import security


def test_set_change_and_clear_the_password(qtbot, workspace, db_path):
    from app.ui.settings.password_dialog import PasswordSettingsDialog

    dialog = PasswordSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.new.setText("maoshe2026")
    dialog.repeat.setText("maoshe2027")
    dialog.save()
    assert "不一致" in dialog.message.text() and not security.password_required()
    dialog.repeat.setText("maoshe2026")
    dialog.minutes.setValue(10)
    dialog.save()
    assert security.password_required() and security.verify("maoshe2026")
    assert security.idle_lock_minutes() == 10
    raw = sqlite3.connect(db_path).execute("SELECT group_concat(value) FROM setting").fetchone()[0]
    assert "maoshe2026" not in raw

    change = PasswordSettingsDialog()
    qtbot.addWidget(change)
    change.current.setText("wrong-one")
    change.new.setText("")
    change.save()
    assert "当前密码不正确" in change.message.text() and security.password_required()
    change.current.setText("maoshe2026")
    change.save()
    assert not security.password_required()
