"""Screenshots of the register GUI at 1366×768 over 300 demo cases, for a human to look at.

    python bench/screenshots.py [OUT_DIR]      (default /tmp/shots; PNGs are never committed)
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp(prefix="zwgk-shots-")) / "演示.sqlite"
    subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo-data", "--year", "2026", "--count", "300"],
                   cwd=ROOT, check=True)

    from PySide6.QtCore import QDate

    from app.ui.app.application import build_main_window, open_database, prepare_app
    from app.ui.register.dialog import RegisterDialog
    from app.ui.settings.dialog import SettingsDialog

    app = prepare_app([])
    assert open_database(db)
    window = build_main_window()
    window.resize(1366, 768)
    window.show()
    window.show_register()
    app.processEvents()
    window.grab().save(str(out / "main_window.png"))

    page = window.register_page
    page.ui.searchEdit.setText("土地征收")
    page.apply_filters()
    app.processEvents()
    window.grab().save(str(out / "main_window_search.png"))

    dialog = RegisterDialog(window)
    dialog.resize(1000, 680)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "register_form.png"))

    form = dialog.form.ui
    form.f_applicant_type.setCurrentIndex(1)
    form.f_name.setText("台州市黄岩东海建材有限公司")
    form.f_id_number.setText("91350100M000100Y41")
    form.f_channel.setCurrentIndex(form.f_channel.findText("网络平台"))
    form.f_arrived_on.setDate(QDate.currentDate().addDays(-2))
    dialog.form.validate()
    app.processEvents()
    dialog.grab().save(str(out / "register_form_errors.png"))
    dialog.form.mark_clean()
    dialog.close()

    view = window.open_case(page.model.row(0).id)
    view.resize(1366, 768)
    app.processEvents()
    view.grab().save(str(out / "case_view.png"))
    view.close()

    settings = SettingsDialog(window)
    settings.show()
    app.processEvents()
    settings.grab().save(str(out / "settings_dialog.png"))
    settings.close()
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
