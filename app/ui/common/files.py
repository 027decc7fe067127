"""Where the file dialogs open, and what this desk remembers between starts (app.paths.ui_settings_path):
each kind of file opens in the folder the clerk used for it last, else her Documents folder — never
the program's own folder, and never on a sample file shipped with the program."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from app import paths


def desk_settings() -> QSettings:
    """This desk's settings file (INI, in the user data folder)."""
    return QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)


def start_folder(kind: str) -> Path:
    """The folder last used for `kind` (e.g. "ledger-export"), if it still exists, else Documents."""
    last = desk_settings().value(f"folders/{kind}", "")
    folder = Path(str(last)) if last else None
    return folder if folder is not None and folder.is_dir() else paths.home_documents_dir()


def remember_folder(kind: str, chosen: Path | str) -> None:
    chosen = Path(chosen)
    settings = desk_settings()
    settings.setValue(f"folders/{kind}", str(chosen if chosen.is_dir() else chosen.parent))
    settings.sync()


def save_path(parent: QWidget | None, title: str, kind: str, name: str, file_filter: str) -> Path | None:
    """A save dialog for `name` in the folder last used for `kind`; None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / name), file_filter)
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)


def open_path(parent: QWidget | None, title: str, kind: str, file_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), file_filter)
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)


def folder_path(parent: QWidget | None, title: str, kind: str, current: str = "") -> Path | None:
    start = current if current and Path(current).is_dir() else str(start_folder(kind))
    chosen = QFileDialog.getExistingDirectory(parent, title, start)
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)
