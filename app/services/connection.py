"""Where this desk's data is: the office's file on this PC, or its database on a server shared by
several desks (docs/server.md). The choice is the desk's own (paths.connection_file), made in the
first-start dialog or in the settings; --db and ZWGK_DB still win over it.
"""
from __future__ import annotations

from dataclasses import dataclass

from app import paths
from app.store import db as store_db, engine

DEFAULT_DATABASE = "zwgk"


@dataclass(frozen=True)
class ServerAddress:
    """The connection dialog's fields."""

    host: str
    port: int = 5432
    database: str = DEFAULT_DATABASE
    user: str = ""
    password: str = ""

    def location(self) -> str:
        return engine.server_location(self.host.strip(), self.port, self.database.strip(), self.user.strip(),
                                      self.password)


def address(location: paths.Location | None) -> ServerAddress | None:
    """The server fields of `location`, None for a file."""
    if location is None or not paths.is_url(location):
        return None
    fields = engine.server_fields(str(location))
    return ServerAddress(str(fields["host"]), int(fields["port"]), str(fields["name"]), str(fields["user"]),
                         str(fields["password"]))


# A saved connection holds no password (every person logs in as herself, docs/district.md): the one
# typed is kept in memory for this run (paths.TYPED_PASSWORDS), and asked again at the next start.
_typed = paths.TYPED_PASSWORDS


def without_password(location: paths.Location) -> paths.Location:
    """`location` as it is kept on disk: a server's URL without its password; a file as it is."""
    kept = address(location)
    if kept is None or not kept.password:
        return location
    return paths.location(ServerAddress(kept.host, kept.port, kept.database, kept.user).location())


def needs_password(location: paths.Location) -> bool:
    """A server location whose password has not been typed in this run."""
    kept = address(location)
    return kept is not None and not kept.password


def saved() -> paths.Location | None:
    """The desk's saved choice (None: the default file in the user data folder), with the password
    typed for it in this run when there was one."""
    try:
        text = paths.connection_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return paths.location(_typed.get(text, text)) if text else None


def save(location: paths.Location | None) -> None:
    """Keep `location` as this desk's database from the next start on (None: the default file).
    The file never holds a password: it is kept in memory for this run only."""
    target = paths.connection_file()
    if location is None:
        target.unlink(missing_ok=True)
        return
    kept = str(without_password(location))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(kept, encoding="utf-8")
    if kept != str(location):
        _typed[kept] = str(location)


def check(location: paths.Location) -> str:
    """Try `location` without opening it and say, in Chinese, what is there; raises StoreError with
    the reason when it cannot be used (unreachable, wrong password, another program's database …)."""
    if not paths.is_url(location):
        return f"本机数据文件：{location}"
    short_name, cases = store_db.probe(str(location))
    where = engine.display(location)
    if cases is None:
        return f"已连接到 {where}。这是一个新的数据库，第一次使用时程序会建立数据表。"
    office = f"“{short_name}”的" if short_name else ""
    return f"已连接到 {where}：服务器上已有{office}数据，共 {cases} 件申请。"


def load_driver() -> str:
    """The component a desk needs to reach a server, loaded now (the self-check's proof)."""
    return engine.load_driver()


def describe(location: paths.Location) -> str:
    return engine.display(location)
