"""The one place that knows where forms, resources, templates and the user's data live.

Source and frozen layouts are the same (build.spec puts forms/, resources/ and templates_docx/
beside the app package), so nothing here mentions the frozen bundle.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

DB_ENV = "ZWGK_DB"
DATA_ENV = "ZWGK_DATA_DIR"

# Where an office's database is: a file, or the URL of a database server (a string with "://").
# Which engine a URL means is the store's business (app/store/engine.py); here a URL only gets the
# desk's own folder for what stays local (docs/server.md).
Location = Path | str
SERVER_EXAMPLE = "postgresql://用户名@服务器:5432/zwgk"  # how a server's location is written, for help texts

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


def is_url(location: object) -> bool:
    """Whether `location` is a URL (a database server), not a file path."""
    return isinstance(location, str) and "://" in location


def location(text: str | Path) -> Location:
    """A --db value, ZWGK_DB or the saved connection as the program passes it on: a URL stays the
    string it is (Path() would fold its '//'), anything else is a file path."""
    return text.strip() if is_url(text) else Path(text)  # type: ignore[union-attr]


def connection_file() -> Path:
    """The desk's saved choice of database (a server URL, or a file elsewhere), set in the settings
    dialog; absent, the default file is used."""
    return user_data_dir() / "数据库连接.txt"


def default_db_path() -> Location:
    """The database: ZWGK_DB, else the saved connection, else 政务公开.sqlite in the user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return location(override)
    try:
        saved = connection_file().read_text(encoding="utf-8").strip()
    except OSError:
        saved = ""
    return location(TYPED_PASSWORDS.get(saved, saved)) if saved else default_file()


# The saved connection holds no password (services.connection): the location with the password typed
# in this run, by the location as saved; gone when the program ends.
TYPED_PASSWORDS: dict[str, str] = {}


def default_file() -> Path:
    return user_data_dir() / "政务公开.sqlite"


def data_dir_for(db_path: Location) -> Path:
    """Documents, backups and edited templates live beside the database they belong to.

    Keeping them beside the database (not in a global folder) means a test database in tmp_path,
    or a database moved to a new PC with its folder, carries its own files. A server's database
    gets a folder of the desk's own in the user data folder, named after server and database.
    """
    if is_url(db_path):
        return user_data_dir() / "服务器" / safe_filename(_server_folder(str(db_path)))
    db_path = Path(db_path)
    if db_path.resolve() == (user_data_dir() / "政务公开.sqlite").resolve():
        return user_data_dir()
    return db_path.parent / (db_path.stem + "_文件")


def _server_folder(url: str) -> str:
    """host_port_database of a URL (never its user or password)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "localhost", parts.port or ""
    except ValueError:
        return "server"
    return "_".join(str(p) for p in (host, port, unquote(parts.path.strip("/"))) if p != "")


def documents_dir(db_path: Location) -> Path:
    return data_dir_for(db_path) / "文书"


def case_dir(db_path: Location, case_no: str) -> Path:
    """One folder per case, named after its case number made safe for file systems."""
    return documents_dir(db_path) / safe_filename(case_no)


def user_templates_dir(db_path: Location) -> Path:
    """The office's edited templates: a program update never overwrites them."""
    return data_dir_for(db_path) / "模板"


def backups_dir(db_path: Location) -> Path:
    return data_dir_for(db_path) / "备份"


def archives_dir(db_path: Location) -> Path:
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
