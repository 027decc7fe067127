"""What a district sets once for every office (docs/district.md, "The district's defaults"): the shared
working-day calendar (days off, 调休 working days, confirmed years) and the template defaults.

Three tables of the district, not of an office, so they have no `office` column: every login of the
database reads them (an office counts its limits on them), and the server lets only the 区级 login
(and the database's owner, the district's IT) change them — privileges granted by `server init`
(`grant`), not a check of the program. An office's own rows (calendar_entry, calendar_year, the
edited templates in stored_file) stay behind its row-level security and win over the district's.

A SQLite file, or a server that is not a district, has none of them: every reader returns nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from app.store.base import peewee

from app.store import engine
from app.store.errors import StoreError

CALENDAR_ENTRY, CALENDAR_YEAR, TEMPLATE = "district_calendar_entry", "district_calendar_year", "district_template"
TABLES = (CALENDAR_ENTRY, CALENDAR_YEAR, TEMPLATE)
# Who changed a row, set by the server on every write (the trigger of store.district: a value sent is overwritten).
_DDL = (
    f'CREATE TABLE IF NOT EXISTS {CALENDAR_ENTRY} (day date PRIMARY KEY, is_workday boolean NOT NULL, '
    f'note varchar COLLATE "C" NOT NULL DEFAULT \'\', changed_by varchar COLLATE "C" NOT NULL DEFAULT session_user, '
    f"changed_at timestamp NOT NULL DEFAULT now())",
    f'CREATE TABLE IF NOT EXISTS {CALENDAR_YEAR} (year integer PRIMARY KEY, note varchar COLLATE "C" NOT NULL '
    f'DEFAULT \'\', changed_by varchar COLLATE "C" NOT NULL DEFAULT session_user, '
    f"changed_at timestamp NOT NULL DEFAULT now())",
    f'CREATE TABLE IF NOT EXISTS {TEMPLATE} (name varchar COLLATE "C" PRIMARY KEY, data bytea NOT NULL, '
    f'sha256 varchar NOT NULL, changed_by varchar COLLATE "C" NOT NULL DEFAULT session_user, '
    f"changed_at timestamp NOT NULL DEFAULT now())",
)


def _db() -> peewee.Database:
    from app.store.base import database

    return database.obj


# ---- server init (called by store.district) -------------------------------------------------------

def create_tables(db: peewee.Database) -> None:
    """The district's tables (idempotent; the schema step of store.district.add_office_columns)."""
    for sql in _DDL:
        db.execute_sql(sql)


def grant(db: peewee.Database, groups: dict[str, str], office_roles: tuple[str, ...]) -> None:
    """Every role reads the district's rows; only the 区级 group writes them (the owner may anyway)."""
    create_tables(db)
    everyone = ", ".join(f'"{group}"' for group in groups.values())
    for table in TABLES:
        db.execute_sql(f'REVOKE ALL ON "{table}" FROM PUBLIC, {everyone}')
        db.execute_sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO "{groups["district"]}"')
        for role in office_roles:
            db.execute_sql(f'GRANT SELECT ON "{table}" TO "{groups[role]}"')
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_changed_by" ON "{table}"')
        db.execute_sql(f'CREATE TRIGGER "{table}_changed_by" BEFORE INSERT OR UPDATE ON "{table}" FOR EACH ROW '
                       f"EXECUTE FUNCTION zwgk_recorded_by('changed_by')")


# ---- reading ---------------------------------------------------------------------------------------

def present() -> bool:
    """Whether the open database has the district's tables (a district's server)."""
    if not engine.on_server():
        return False
    db = _db()
    return engine.remembered(db, "district_defaults", lambda: db.execute_sql(
        "SELECT to_regclass(%s)", (CALENDAR_ENTRY,)).fetchone()[0] is not None)


def sees_one_office() -> bool:
    """Whether the login reads one office's rows: False for the 区级 login looking at no office, which
    reads every office's (its calendar and templates are then the district's alone; store.district)."""
    if not present():
        return True
    # the tables come with the functions (store.district.add_office_columns)
    row = _db().execute_sql("SELECT zwgk_role() = 'district' AND zwgk_lens() = ''").fetchone()
    return not row[0]


def calendar_entries() -> dict[dt.date, tuple[bool, str]]:
    """The district's days off and working days (date → (working, note)); {} outside a district."""
    if not present():
        return {}
    rows = _db().execute_sql(f"SELECT day, is_workday, note FROM {CALENDAR_ENTRY} ORDER BY day").fetchall()
    return {day: (bool(work), note) for day, work, note in rows}


def confirmed_years() -> dict[int, str]:
    """The years the district confirmed (year → the notice named); {} outside a district."""
    if not present():
        return {}
    rows = _db().execute_sql(f"SELECT year, note FROM {CALENDAR_YEAR} ORDER BY year").fetchall()
    return {int(year): note for year, note in rows}


def calendar_stamp() -> str:
    """A short digest of the district's calendar as it is now ("" outside a district): a desk compares
    it with the one its calendar was built from (services.work_calendar)."""
    if not present():
        return ""
    row = _db().execute_sql(
        f"SELECT md5(coalesce((SELECT string_agg(day::text || is_workday::text || note, '|' ORDER BY day) "
        f"FROM {CALENDAR_ENTRY}), '') || '/' || coalesce((SELECT string_agg(year::text || note, '|' ORDER BY year) "
        f"FROM {CALENDAR_YEAR}), ''))").fetchone()
    return str(row[0])


def template(name: str) -> tuple[bytes, str] | None:
    """The district's default of the template file `name`: (its bytes, their SHA-256), or None."""
    if not present():
        return None
    row = _db().execute_sql(f"SELECT data, sha256 FROM {TEMPLATE} WHERE name = %s", (name,)).fetchone()
    return (bytes(row[0]), row[1]) if row else None


def template_digest(name: str) -> str | None:
    """The SHA-256 of the district's default of `name` (None: no default), without reading the file."""
    if not present():
        return None
    row = _db().execute_sql(f"SELECT sha256 FROM {TEMPLATE} WHERE name = %s", (name,)).fetchone()
    return row[0] if row else None


def template_names() -> dict[str, dt.datetime]:
    """The templates the district set a default for (file name → when)."""
    if not present():
        return {}
    return dict(_db().execute_sql(f"SELECT name, changed_at FROM {TEMPLATE} ORDER BY name").fetchall())


# ---- writing (the 区级 login or the owner; the server refuses every other) -------------------------

_REFUSED = ("当前登录不能修改全区统一的{what}：只有区级用户（或区里的信息技术人员以数据库所有者身份）可以修改，"
            "各单位只能读取。本单位自己的设定请在本单位修改（本单位的设定优先）。")


def _write(what: str, sql: str, params: tuple) -> int:
    if not present():
        raise StoreError(f"这个数据库还没有全区统一的{what}：请区里的信息技术人员运行 server init（升级后需再运行一次）。")
    try:
        cursor = _db().execute_sql(sql, params)
    except peewee.DatabaseError as exc:
        from app.store.server import sqlstate

        if sqlstate(exc) == "42501":  # insufficient privilege: the server's own refusal
            raise StoreError(_REFUSED.format(what=what)) from None
        raise
    return cursor.rowcount


def put_calendar_entry(day: dt.date, working: bool, note: str) -> None:
    _write("工作日历", f"INSERT INTO {CALENDAR_ENTRY} (day, is_workday, note) VALUES (%s, %s, %s) ON CONFLICT (day) "
           "DO UPDATE SET is_workday = EXCLUDED.is_workday, note = EXCLUDED.note, changed_at = now()",
           (day, working, note))


def delete_calendar_entry(day: dt.date) -> None:
    _write("工作日历", f"DELETE FROM {CALENDAR_ENTRY} WHERE day = %s", (day,))


def put_confirmed_year(year: int, note: str) -> None:
    _write("工作日历", f"INSERT INTO {CALENDAR_YEAR} (year, note) VALUES (%s, %s) ON CONFLICT (year) "
           "DO UPDATE SET note = EXCLUDED.note, changed_at = now()", (year, note))


def delete_confirmed_year(year: int) -> None:
    _write("工作日历", f"DELETE FROM {CALENDAR_YEAR} WHERE year = %s", (year,))


def put_template(name: str, data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    _write("模板", f"INSERT INTO {TEMPLATE} (name, data, sha256) VALUES (%s, %s, %s) ON CONFLICT (name) "
           "DO UPDATE SET data = EXCLUDED.data, sha256 = EXCLUDED.sha256, changed_at = now()",
           (name, data, digest))


def delete_template(name: str) -> bool:
    """Remove the district's default of `name`; False when there was none."""
    return _write("模板", f"DELETE FROM {TEMPLATE} WHERE name = %s", (name,)) > 0
