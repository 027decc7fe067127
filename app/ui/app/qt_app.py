"""The application object with the program's name, icon, Chinese font stack, style sheet and Qt's
own texts in Simplified Chinese."""
from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME, paths

FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]


def skip_feature_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    PySide's import hook (shibokensupport.feature) asks of each new module whether it uses PySide,
    by `inspect.getsource`, so that a module may opt into `from __feature__ import snake_case`. The
    program uses no such feature, and run from source the scan reads and tokenizes every file the
    start imports on its threads (the store, the services, the holidays package's ~280 modules),
    holding the interpreter long enough to stall the painted window (docs/performance.md,
    Start-up). A frozen program has no sources, so there the scan already finds nothing. Every module
    is then taken as not selecting a feature, which is what PySide assumes of the rest."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False


def prepare_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's name, icon, Chinese font stack and light style sheet."""
    skip_feature_scan()
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = paths.resource("icon.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    qss = paths.resource("style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    _install_chinese_translation(app)
    return app  # type: ignore[return-value]


def _install_chinese_translation(app: QApplication) -> None:
    """Qt's own texts (standard buttons 确定/取消, file dialogs, context menus) in Simplified Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if getattr(app, "_zh_translator", None) is not None:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        app._zh_translator = translator  # keep it alive as long as the application
