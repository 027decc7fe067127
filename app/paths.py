"""The one place that knows where forms, resources, templates and the user's data live.

Source and frozen layouts are the same (build.spec puts forms/, resources/ and templates_docx/
beside the app package), so nothing here mentions the frozen bundle.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

DB_ENV = "ZWGK_DB"
DATA_ENV = "ZWGK_DATA_DIR"

_ROOT = Path(__file__).resolve().parent.parent


def root() -> Path:
    """The folder holding app/, forms/, resources/ and templates_docx/."""
    return _ROOT


def forms_dir() -> Path:
    return _ROOT / "forms"


def resources_dir() -> Path:
    return _ROOT / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name


def shipped_templates_dir() -> Path:
    """The default Word templates shipped with the program (never written to)."""
    return _ROOT / "templates_docx"


def user_data_dir() -> Path:
    """The user's data folder (Windows: %LOCALAPPDATA%\\政务公开工作台); ZWGK_DATA_DIR overrides."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _udd

    return Path(_udd("政务公开工作台", appauthor=False, roaming=False))


def ui_settings_path() -> Path:
    """This desk's window size and position and the folders its file dialogs last used (an INI file
    in the user data folder: these belong to the desk, not to the office's register)."""
    return user_data_dir() / "界面设置.ini"


def home_documents_dir() -> Path:
    """Where a file dialog first opens: the user's Documents folder (never the program's folder)."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def default_db_path() -> Path:
    """The database file: ZWGK_DB, else 政务公开.sqlite in the user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override)
    return user_data_dir() / "政务公开.sqlite"


def data_dir_for(db_path: Path) -> Path:
    """Documents, backups and edited templates live beside the database they belong to.

    Keeping them beside the database (not in a global folder) means a test database in tmp_path,
    or a database moved to a new PC with its folder, carries its own files.
    """
    db_path = Path(db_path)
    if db_path.resolve() == (user_data_dir() / "政务公开.sqlite").resolve():
        return user_data_dir()
    return db_path.parent / (db_path.stem + "_文件")


def documents_dir(db_path: Path) -> Path:
    return data_dir_for(db_path) / "文书"


def case_dir(db_path: Path, case_no: str) -> Path:
    """One folder per case, named after its case number made safe for file systems."""
    return documents_dir(db_path) / safe_filename(case_no)


def user_templates_dir(db_path: Path) -> Path:
    """The office's edited templates: a program update never overwrites them."""
    return data_dir_for(db_path) / "模板"


def backups_dir(db_path: Path) -> Path:
    return data_dir_for(db_path) / "备份"


def archives_dir(db_path: Path) -> Path:
    return data_dir_for(db_path) / "归档"


def log_dir() -> Path:
    """The program's log files (日志), in the user data folder whatever database is open: an error
    can happen before any database is open."""
    return user_data_dir() / "日志"


def drafts_dir(db_path: Path) -> Path:
    """Draft notices for previewing: beside the office's data, never in the shared system temp folder
    (an application form's draft carries the applicant's full ID number and phone)."""
    return data_dir_for(db_path) / "草稿"


DRAFT_PREFIX = "zwgk-draft-"


def instance_lock_path(db_path: Path) -> Path:
    """The lock file beside the database that tells a second copy of the program it is in use."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def damaged_copy_path(db_path: Path, stamp: str) -> Path:
    """Where a damaged database is moved, untouched, before a backup is restored in its place."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.已损坏-{stamp}{db_path.suffix}")


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_filename(name: str) -> str:
    """A file name Windows accepts: reserved characters replaced, trailing dots and spaces cut."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    return cleaned or "_"


FONTS_ENV = "ZWGK_FONT_DIRS"


def font_folders() -> list[Path]:
    """Where this system keeps installed fonts (services.fonts looks for the notices' fonts there);
    ZWGK_FONT_DIRS (folders separated by os.pathsep) overrides."""
    override = os.environ.get(FONTS_ENV)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    home = Path.home()
    if os.name == "nt":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]  # per-user installs (Windows 10+)
    if os.uname().sysname == "Darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]
