"""The office's database on a PostgreSQL server (docs/server.md): the connection and its failures in
Chinese, the schema version table, the audit trail's protection and the trigram search index.

Driver: psycopg 3 (the binary wheel, the `server` extra) through peewee's own `PostgresqlDatabase` and
its psycopg 3 adapter (peewee 3.17+ speaks psycopg 2 and 3; `playhouse.postgres_ext.Psycopg3Database`
is the same class plus field types the program does not use). peewee is imported with psycopg hidden
(store.base, for the file's start-up), so the adapter here imports it when a server is first opened;
nothing here is imported unless the location is a server URL.
"""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from app.store.base import peewee

from app.store.errors import (DatabaseDamaged, DatabaseReadOnly, DiskFull, LoginRefused, ServerUnavailable,
                              StoreError, WriteConflict)

SCHEMES = ("postgresql://", "postgres://")
APPLICATION_NAME = "zwgk"  # how the desks show in pg_stat_activity
CONNECT_TIMEOUT_S = 5      # an unreachable server is told within seconds, not minutes
# Per session (docs/server.md, "Several desks"): a desk that dies inside a transaction releases its row
# locks (a number being taken) after a minute; a write waits at most 20 s for another desk's lock; no
# JIT compilation, which the planner starts for any query it thinks costly (a search over 100,000
# requests) and which cost the desk 100–150 ms a keystroke before the query even ran.
SESSION = {"idle_in_transaction_session_timeout": "60s", "lock_timeout": "20s", "jit": "off"}
VERSION_TABLE = "schema_version"
_MIGRATION_LOCK = 0x7A77676B  # pg_advisory_lock key ("zwgk"): two desks starting at once migrate once
SEARCH_INDEX = "request_search_text_trgm"
GRAMS = "request_gram"  # every one- and two-character piece of each request's search_text (below)
GRAMS_INDEX = "request_gram_grams"
GRAMS_TRIGGER = "request_gram_keep"
_APPEND_ONLY = "audit_entry_append_only"
AUDIT_TRIGGERS = {"audit_entry_no_update": "UPDATE", "audit_entry_no_delete": "DELETE",
                  "audit_entry_no_truncate": "TRUNCATE"}


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def display(url: str) -> str:
    """The URL as messages and logs show it: user, host, port and database, never the password."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
        host = parts.hostname or "localhost"
        user = unquote(parts.username or "")
    except ValueError:
        return "（连接地址格式不正确）"
    return f"{user + '@' if user else ''}{host}{port}/{unquote(parts.path.lstrip('/'))}"


def database_name(url: str) -> str:
    return unquote(urlsplit(url).path.lstrip("/"))


# ---- the connection -----------------------------------------------------------------------

class _Psycopg3(peewee.Psycopg3Adapter):
    """peewee's psycopg 3 adapter with the driver imported now rather than at peewee's import."""

    def __init__(self) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("本程序没有安装连接数据库服务器所需的组件 psycopg。请信息技术人员安装："
                             'python -m pip install "psycopg[binary]"（或 pip install -e ".[server]"）。') from None
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        self._psycopg, self._status = psycopg, TransactionStatus
        self.txn_idle, self.txn_inerror = TransactionStatus.IDLE, TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        super().__init__()
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self) -> None:
        pass

    def get_binary_type(self):
        return self._psycopg.Binary

    def connect(self, db, **params):
        params.setdefault("conninfo", db.database)
        return self._psycopg.connect(**params)

    def server_side_cursor(self, conn):
        in_txn = self.txn_status(conn) == self._status.INTRANS
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_txn)


class ServerDatabase(peewee.PostgresqlDatabase):
    """One connection per thread (peewee's), which notices when the server went away: the operation
    under way fails with ServerUnavailable (its transaction is gone with the connection), and the
    next one connects again. A read outside a transaction, or the BEGIN of one, is retried once on a
    fresh connection, so the first click after the server came back works."""

    def __init__(self, url: str, readonly: bool = False):
        settings = dict(SESSION, **({"default_transaction_read_only": "on"} if readonly else {}))
        given = dict(parse_qsl(urlsplit(url).query)).get("options", "")
        options = " ".join([given] + [f"-c {key}={value}" for key, value in settings.items()]).strip()
        super().__init__(url, prefer_psycopg3=True, connect_timeout=CONNECT_TIMEOUT_S,
                         application_name=APPLICATION_NAME, options=options,
                         keepalives=1, keepalives_idle=30, keepalives_interval=10, keepalives_count=3)
        self.url = url

    def init(self, database, **kwargs) -> None:
        super().init(database, **kwargs)
        self._adapter = _Psycopg3()

    def _lost(self) -> bool:
        conn = self._state.conn
        return conn is not None and bool(conn.closed or conn.broken)

    def _forget_lost(self) -> None:
        if not self._state.closed and self._lost() and not self.in_transaction():
            self._state.reset()

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)
        except peewee.DatabaseError as exc:
            raise translate(exc, self.url) from None

    def cursor(self, named_cursor=None):
        self._forget_lost()
        return super().cursor(named_cursor)

    def execute_sql(self, sql, params=None):
        if not params:  # peewee hands psycopg an empty tuple, so a literal % (LIKE '%…%') must be doubled
            sql, params = sql.replace("%", "%%"), ()
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if not self._lost() and not _connection_failure(exc):
                raise
            if self.in_transaction() or not sql.lstrip().upper().startswith("SELECT"):
                raise ServerUnavailable(lost_message(self.url)) from None
        self._state.reset()  # a read outside a transaction: once more, on a new connection
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError):
            raise ServerUnavailable(lost_message(self.url)) from None

    def begin(self, isolation_level=None) -> None:
        try:
            super().begin(isolation_level)
            return
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if not self._lost() and not _connection_failure(exc):
                raise
        self._state.reset()  # nothing ran yet: begin again on a new connection
        try:
            super().begin(isolation_level)
        except (peewee.OperationalError, peewee.InterfaceError):
            raise ServerUnavailable(lost_message(self.url)) from None

    def rollback(self) -> None:
        if self._lost():
            return  # the server dropped the transaction with the connection
        super().rollback()

    def commit(self) -> None:
        if self._lost():
            raise ServerUnavailable(lost_message(self.url))
        super().commit()


def connect(url: str, readonly: bool) -> ServerDatabase:
    """A database object for `url` (no connection yet; `check` makes the first)."""
    return ServerDatabase(url, readonly)


# ---- failures in Chinese ------------------------------------------------------------------

def lost_message(url: str) -> str:
    return (f"与数据库服务器（{display(url)}）的连接中断，操作没有完成，未保存的修改已全部撤回。"
            "服务器恢复后程序会自动重新连接，请稍后重试；如长时间无法连接，请联系信息技术人员。")


def _reason(text: str) -> str:
    lowered = text.lower()
    for needle, reason in (("refused", "服务器拒绝连接，可能没有启动"), ("timeout", "连接超时"),
                           ("timed out", "连接超时"), ("translate host name", "找不到服务器地址"),
                           ("name or service not known", "找不到服务器地址"), ("no route", "网络不通")):
        if needle in lowered:
            return reason
    return text.strip().splitlines()[0] if text.strip() else "原因不明"


def _parts(exc: BaseException) -> tuple[str, str, str]:
    """(driver exception class name, SQLSTATE or "", message) of a peewee or psycopg exception."""
    orig = getattr(exc, "orig", None) or exc
    return type(orig).__name__, getattr(orig, "sqlstate", None) or "", str(orig)


def sqlstate(exc: BaseException) -> str:
    """The SQLSTATE of a peewee or psycopg exception ("" when it carries none)."""
    return _parts(exc)[1]


def _connection_failure(exc: BaseException) -> bool:
    kind, state, text = _parts(exc)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return True
    return not state and kind in ("OperationalError", "InterfaceError") and (
        "connection" in text.lower() or "server" in text.lower())


def translate(exc: BaseException, url: str) -> BaseException:
    """The Chinese StoreError for a server failure the clerk (or IT) can act on; others unchanged."""
    if isinstance(exc, StoreError):
        return exc
    kind, state, text = _parts(exc)
    where = display(url)
    lowered = text.lower()
    # A refused connection carries no SQLSTATE in psycopg: the server's words are matched as well.
    if "no password supplied" in lowered:
        return LoginRefused(f"数据库服务器要求输入密码（{where}）。请输入您的用户名和密码登录；"
                            "程序不保存密码。")
    if state == "28P01" or "password authentication failed" in lowered or (
            "role" in lowered and "does not exist" in lowered):
        return LoginRefused(f"数据库服务器拒绝登录：用户名或密码不正确（{where}）。"
                            "请在连接设置中核对用户名和密码，或联系信息技术人员。程序没有打开任何数据。")
    if state == "28000" or "pg_hba.conf" in lowered:
        return LoginRefused(f"数据库服务器不允许本机以该用户登录（{where}）。请信息技术人员在服务器的 "
                            "pg_hba.conf 中允许本机连接。程序没有打开任何数据。")
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return StoreError(f"服务器上没有名为“{database_name(url)}”的数据库（{where}）。"
                          "请信息技术人员先创建数据库（见说明书“数据放在服务器上”一节）。")
    if state in ("40001", "40P01"):
        return WriteConflict("另一台电脑同时在修改同样的记录，本次修改没有保存（已全部撤回），请重试。")
    if state in ("55P03", "57014"):
        return StoreError("数据库正忙（另一台电脑的操作尚未完成），本次修改没有保存（已全部撤回），请稍后重试。")
    if state.startswith("53"):
        return DiskFull(f"数据库服务器空间不足，本次修改没有保存（已全部撤回）。请联系信息技术人员（{where}）。")
    if state == "25006":
        return DatabaseReadOnly("数据库以只读方式连接，不能保存修改。")
    if state == "42501":
        return StoreError(f"当前登录没有权限进行这项操作（{where}），本次修改没有保存。请联系信息技术人员。")
    if _connection_failure(exc):
        if "closed" in lowered or state.startswith("57P") or "terminat" in lowered:
            return ServerUnavailable(lost_message(url))
        return ServerUnavailable(f"无法连接数据库服务器 {where}（{_reason(text)}）。请检查网络和服务器是否开启，"
                                 "或联系信息技术人员。程序没有打开任何数据。")
    return exc


# ---- what the server keeps instead of the file's PRAGMAs ------------------------------------

def _scalar(db: peewee.Database, sql: str, params: tuple = ()) -> object:
    row = db.execute_sql(sql, params).fetchone()
    return row[0] if row else None


def table_names(db: peewee.Database) -> set[str]:
    return {name for (name,) in db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()}


def schema_version(db: peewee.Database) -> int:
    """The version of the schema: a one-row table (the file keeps it in PRAGMA user_version)."""
    if _scalar(db, "SELECT to_regclass(%s)", (VERSION_TABLE,)) is None:
        return 0
    return int(_scalar(db, f"SELECT max(version) FROM {VERSION_TABLE}") or 0)


def set_schema_version(db: peewee.Database, version: int) -> None:
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version integer NOT NULL)")
    db.execute_sql(f"DELETE FROM {VERSION_TABLE}")
    db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (version,))


@contextlib.contextmanager
def migration_lock(db: peewee.Database) -> Iterator[None]:
    """Held while the schema is checked and migrated: the second desk waits, then finds it done."""
    db.execute_sql("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
    try:
        yield
    finally:
        with contextlib.suppress(peewee.DatabaseError, StoreError):
            db.execute_sql("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))


def object_names(db: peewee.Database) -> set[tuple[str, str]]:
    """(kind, name) of the tables, indexes and triggers, as SQLite's sqlite_master lists them."""
    sql = ("SELECT 'table', tablename FROM pg_tables WHERE schemaname = current_schema() "
           "UNION ALL SELECT 'index', indexname FROM pg_indexes WHERE schemaname = current_schema() "
           "UNION ALL SELECT 'trigger', t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal")
    return {(kind, name) for kind, name in db.execute_sql(sql).fetchall()}


def columns(db: peewee.Database, table: str) -> set[str]:
    return {name for (name,) in db.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s", (table,)).fetchall()}


def check_ours(db: peewee.Database, url: str, own_tables: set[str]) -> None:
    """A database with tables but none of ours, and no schema version, belongs to another program."""
    tables = table_names(db)
    if tables and not (tables & own_tables) and VERSION_TABLE not in tables:
        raise DatabaseDamaged(f"服务器上的数据库“{database_name(url)}”已有其他程序的数据表，不是本程序的数据库"
                              f"（{display(url)}）。请信息技术人员为本程序另建一个数据库。")


# ---- the schema as the server keeps it ------------------------------------------------------
#
# The tables are the same peewee models as in the file. Four differences (docs/server.md):
# peewee's CharField is VARCHAR(255), which the file never enforces, so every bounded varchar is
# widened (the same text fits on both engines); text sorts by code point, as SQLite's BINARY does,
# whatever the database's locale (COLLATE "C"), so lists come in the same order; a B-tree entry is
# limited to about 2.7 KB, so no B-tree index holds a TEXT column (the register's search uses a
# trigram index instead); and the audit trail refuses UPDATE, DELETE and TRUNCATE through triggers.

_UNSHAPED_TEXT = ("SELECT table_name, column_name, data_type FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text') "
                   "AND (character_maximum_length IS NOT NULL OR collation_name IS DISTINCT FROM 'C') "
                   "AND table_name <> 'schema_version'")
_TEXT_BTREES = ("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                "JOIN pg_am am ON am.oid = i.relam WHERE n.nspname = current_schema() AND am.amname = 'btree' "
                "AND NOT x.indisprimary AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid "
                "AND a.attnum = ANY(x.indkey) AND a.atttypid = 'text'::regtype)")


# ---- search as you type ----------------------------------------------------------------------
#
# A term of three characters or more is a LIKE '%term%' that the pg_trgm index on search_text
# answers. A shorter one has no trigram (Chinese names and places are often two characters), and a
# scan of the table took 100–400 ms at 100,000 requests; so the server keeps, beside each request,
# the set of every one- and two-character piece of its search_text (request_gram, kept by a trigger
# in the transaction that writes the request) under a GIN index: such a term is in the text exactly
# when it is in the set (docs/server.md, measured by bench/bench_server.py).

_GRAMS_FUNCTION = (
    "CREATE OR REPLACE FUNCTION zwgk_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
    "SELECT coalesce(array_agg(DISTINCT g), '{}') FROM ("
    "SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i UNION ALL "
    "SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) AS pieces $$")
_GRAMS_KEEP = (
    f"CREATE OR REPLACE FUNCTION {GRAMS_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"INSERT INTO {GRAMS} (id, grams) VALUES (NEW.id, zwgk_grams(NEW.search_text)) "
    "ON CONFLICT (id) DO UPDATE SET grams = EXCLUDED.grams; RETURN NULL; END $$")


def _ensure_grams(db: peewee.Database) -> None:
    db.execute_sql(_GRAMS_FUNCTION)
    db.execute_sql(_GRAMS_KEEP)
    if _scalar(db, "SELECT to_regclass(%s)", (GRAMS,)) is None:
        db.execute_sql(f"CREATE TABLE {GRAMS} (id integer PRIMARY KEY REFERENCES request (id) ON DELETE CASCADE, "
                       "grams text[] NOT NULL)")
        db.execute_sql(f"INSERT INTO {GRAMS} (id, grams) SELECT id, zwgk_grams(search_text) FROM request")
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {GRAMS_INDEX} ON {GRAMS} USING gin (grams)")
    if ("trigger", GRAMS_TRIGGER) not in object_names(db):
        db.execute_sql(f"CREATE TRIGGER {GRAMS_TRIGGER} AFTER INSERT OR UPDATE OF search_text ON request "
                       f"FOR EACH ROW EXECUTE FUNCTION {GRAMS_TRIGGER}()")


def contains_all(column: peewee.Field, terms: list[str]) -> list[peewee.Expression]:
    """Each of `terms` occurs in request.search_text: a long one through LIKE (the trigram index),
    the short ones together through the set of pieces (exact, no recheck)."""
    conds = [peewee.Expression(column, "LIKE", "%" + _like_escaped(t) + "%") for t in terms if len(t) > 2]
    short = sorted({t for t in terms if len(t) <= 2})
    if short:
        pieces = peewee.SQL(f"(SELECT id FROM {GRAMS} WHERE grams @> %s)", (short,))
        conds.append(column.model._meta.primary_key.in_(pieces))
    return conds


def _like_escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def keeps_index(name: str) -> bool:
    """Whether an index the models declare exists on the server (see above): not one holding search_text."""
    return "search_text" not in name


def needs_tidying(db: peewee.Database) -> bool:
    """Whether `tidy` has something to do (a usual start: three catalog queries, no change)."""
    if db.execute_sql(_UNSHAPED_TEXT + " LIMIT 1").fetchone() or db.execute_sql(_TEXT_BTREES).fetchone():
        return True
    names = object_names(db)
    grams = {("table", GRAMS), ("index", GRAMS_INDEX), ("trigger", GRAMS_TRIGGER)}
    if not {("trigger", name) for name in AUDIT_TRIGGERS} | grams <= names:
        return True
    return _trigram_available(db) and ("index", SEARCH_INDEX) not in names


def tidy(db: peewee.Database) -> None:
    """Bring tables made from the models to the server's shape (above); idempotent. Runs inside the
    migration's transaction, after every change of the schema."""
    for table, column, kind in db.execute_sql(_UNSHAPED_TEXT).fetchall():
        plain = "text" if kind == "text" else "varchar"
        db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {plain} COLLATE "C"')
    for (index,) in db.execute_sql(_TEXT_BTREES).fetchall():
        db.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
    protect_audit_trail(db)
    _ensure_grams(db)
    if _install_trigram(db):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON request USING gin (search_text gin_trgm_ops)")


def _trigram_available(db: peewee.Database) -> bool:
    return _scalar(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") == 1 or _scalar(
        db, "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'") == 1


def _install_trigram(db: peewee.Database) -> bool:
    """pg_trgm (a trusted extension: the database's owner may install it). Without it the search
    still works, scanning the table instead of the index."""
    if _scalar(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") == 1:
        return True
    if not _trigram_available(db):
        return False
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except peewee.DatabaseError:
        return False
    return True


def protect_audit_trail(db: peewee.Database) -> None:
    """The audit trail is append-only on the server too: triggers refuse UPDATE, DELETE and TRUNCATE
    for every login (docs/server.md explains why the desks should not own the tables as well)."""
    db.execute_sql(f"CREATE OR REPLACE FUNCTION {_APPEND_ONLY}() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION '审计记录只能追加，不能修改或删除'; END $$")
    existing = {name for kind, name in object_names(db) if kind == "trigger"}
    for name, verb in AUDIT_TRIGGERS.items():
        if name in existing:
            continue
        each = "STATEMENT" if verb == "TRUNCATE" else "ROW"
        db.execute_sql(f"CREATE TRIGGER {name} BEFORE {verb} ON audit_entry FOR EACH {each} "
                       f"EXECUTE FUNCTION {_APPEND_ONLY}()")


# ---- the connection settings of a desk ------------------------------------------------------

DEFAULT_PORT = 5432


def url_of(host: str, port: int, name: str, user: str, password: str) -> str:
    """The URL the desk keeps for a server (user and password quoted as URLs need)."""
    from urllib.parse import quote

    login = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    where = f"[{host}]" if ":" in host else host
    return f"postgresql://{login + '@' if login else ''}{where}:{int(port)}/{quote(name, safe='')}"


def parts_of(url: str) -> dict[str, object]:
    """host, port, name, user, password of a server URL (for the connection dialog)."""
    parts = urlsplit(url)
    return {"host": parts.hostname or "", "port": parts.port or DEFAULT_PORT,
            "name": unquote(parts.path.lstrip("/")), "user": unquote(parts.username or ""),
            "password": unquote(parts.password or "")}


def probe(db: peewee.Database, url: str, own_tables: set[str]) -> tuple[str, int | None]:
    """What the server database `db` (connected for this alone) holds: (the office's short name or
    "", its number of requests, or None for a database without the program's tables yet). Raises
    DatabaseDamaged for another program's database; nothing is written."""
    import json

    check_ours(db, url, own_tables)
    if "request" not in table_names(db):
        return "", None
    row = db.execute_sql("SELECT value FROM setting WHERE key = 'office'").fetchone()
    cases = int(_scalar(db, "SELECT count(*) FROM request") or 0)
    return (str(json.loads(row[0]).get("short_name", "")) if row else ""), cases
