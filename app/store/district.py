"""A district on one server: offices kept apart by PostgreSQL itself (docs/district.md).

Every table that holds an office's data has an `office` column, filled by the server from the login
(`DEFAULT zwgk_office()`), never by the program: the models do not know it, so nothing above the
store can write a wrong one. `server init` turns on row-level security on each of those tables with
one policy per group role: a login of an office (经办人, 审核人, 单位管理员) meets `office =` its office,
read from `office_login` through `session_user` (which a client cannot change), so it reads and
changes no row of another office whatever SQL it sends; the 区级 role reads every office and has no
right to write. The server records the login that wrote a review step, a case's step and an audit
entry (triggers), and restrictive policies let only a 审核人 sign the 保密审查 and 分管领导 steps and
record a 延期 (and the 单位管理员, who moves an office's history in), and only a 单位管理员 change the
机关设置.

Two parts: `add_office_columns` is the schema step of the migrations chain (every server database,
also one office alone: its rows are then office ""), and `install` — run by `server init` as the
database's owner — the roles, privileges, policies and triggers.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from app.store.base import peewee

from app.store import district_defaults
from app.store.errors import StoreError

# role key (the group role's suffix, group_role) → its Chinese name
ROLES = {"clerk": "经办人", "reviewer": "审核人", "admin": "单位管理员", "district": "区级"}
OFFICE_ROLES = ("clerk", "reviewer", "admin")
# The steps only a 审核人 may sign (app.domain.review: 保密审查, 分管领导审批 / 保密审核人, 主要领导签发).
REVIEWER_STEPS = ("secrecy", "leader")

OFFICE_TABLES = (
    "setting", "sequence", "request", "event", "document", "stored_file", "calendar_entry", "calendar_year",
    "audit_entry", "year_lock", "dispute", "hearing", "proactive_item", "proactive_comment", "secrecy_review",
    "review_step", "opinion_item", "opinion_step", "press_event", "press_inquiry", "spokesperson",
    "interpretation", "publication", "request_gram", "case_limit", "clock_state")
# Keys that were the office's alone and become the office's among many: primary keys …
_REKEYED = {"setting": ("key",), "sequence": ("name", "year"), "stored_file": ("area", "name"),
            "calendar_entry": ("day",), "calendar_year": ("year",), "year_lock": ("year",)}
# … and unique indexes, kept under their names (create_tables(safe=True) then finds them).
_UNIQUE = {"request_case_no": ("request", "case_no"), "document_doc_no": ("document", "doc_no"),
           "opinion_item_no": ("opinion_item", "no")}
_WRITE_ONCE = ("audit_entry", "review_step")
# A B-tree over (office, …) for the tables the register and the district page read most.
_INDEXES = {"request_office_received": ("request", "office, received_on, id"),
            "request_office_due": ("request", "office, due_on"),
            "event_office": ("event", "office"), "document_office": ("document", "office")}
# The search's indexes with the office in them (btree_gin): a keystroke then reads the office's matches
# only, where the search's own index (store.server) reads every office's and a B-tree on office reads
# the office's whole register (bench/bench_district.py: 50 ms → 12 ms for a common character).
OFFICE_GRAMS_INDEX, OFFICE_SEARCH_INDEX = "request_gram_office_grams", "request_office_search_trgm"
_GIN = {OFFICE_GRAMS_INDEX: ("request_gram", "office, grams"),
        OFFICE_SEARCH_INDEX: ("request", "office, search_text gin_trgm_ops")}

_FUNCTIONS = (
    # SECURITY DEFINER: they read office_login, which no desk may read itself; keyed on session_user,
    # the login of the connection, which neither SET ROLE nor anything else a desk sends can change.
    "CREATE OR REPLACE FUNCTION zwgk_office() RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path FROM CURRENT AS $$ SELECT coalesce((SELECT office FROM office_login "
    "WHERE login = session_user::text), '') $$",
    "CREATE OR REPLACE FUNCTION zwgk_role() RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path FROM CURRENT AS $$ SELECT coalesce((SELECT role FROM office_login "
    "WHERE login = session_user::text), '') $$",
    # The office the 区级 login is looking at (the drill-down): a lens, not a right.
    "CREATE OR REPLACE FUNCTION zwgk_lens() RETURNS varchar LANGUAGE sql STABLE AS "
    "$$ SELECT coalesce(current_setting('zwgk.view_office', true), '') $$",
    # What the 区级 login reads: every office, or the one it looks at (none for any other login).
    "CREATE OR REPLACE FUNCTION zwgk_district_offices() RETURNS varchar[] LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path FROM CURRENT AS $$ SELECT CASE WHEN zwgk_role() <> 'district' THEN '{}'::varchar[] "
    "WHEN zwgk_lens() = '' THEN coalesce((SELECT array_agg(code) FROM office), '{}') "
    "ELSE ARRAY[zwgk_lens()] END $$",
)


def _open(db: peewee.Database | None) -> peewee.Database:
    """`db`, or the open database (the proxy's)."""
    from app.store.base import database

    return db if db is not None else database.obj


def _scalar(db: peewee.Database, sql: str, params: tuple = ()) -> object:
    row = db.execute_sql(sql, params).fetchone()
    return row[0] if row else None


def _exists(db: peewee.Database, relation: str) -> bool:
    return _scalar(db, "SELECT to_regclass(%s)", (relation,)) is not None


def _columns(db: peewee.Database, table: str) -> set[str]:
    return {name for (name,) in db.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s", (table,)).fetchall()}


# ---- the schema step (migrations chain, server only) ------------------------------------------------

def add_office_columns(db: peewee.Database) -> None:
    """The office table, the login → office map, and an `office` column on every office table with the
    keys that were unique in one office made unique per office. Idempotent."""
    db.execute_sql('CREATE TABLE IF NOT EXISTS office (code varchar COLLATE "C" PRIMARY KEY, '
                   'name varchar COLLATE "C" NOT NULL, created_at timestamp NOT NULL DEFAULT now())')
    db.execute_sql('CREATE TABLE IF NOT EXISTS office_login (login varchar COLLATE "C" PRIMARY KEY, '
                   'office varchar COLLATE "C" REFERENCES office (code), role varchar COLLATE "C" NOT NULL '
                   "CHECK (role IN ('clerk', 'reviewer', 'admin', 'district')), "
                   "CHECK ((role = 'district') = (office IS NULL)))")
    for sql in _FUNCTIONS:
        db.execute_sql(sql)
    for table in OFFICE_TABLES:
        if not _exists(db, table):
            continue  # request_gram is made by store.server.tidy after the chain; install adds it there
        if "office" not in _columns(db, table):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN office varchar COLLATE "C" NOT NULL '
                           "DEFAULT zwgk_office()")
    for table, key in _REKEYED.items():
        if not _exists(db, table):
            continue
        current = _scalar(db, "SELECT array_to_string(array_agg(a.attname::text ORDER BY k.n), ',') "
                              "FROM pg_index x CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) "
                              "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum "
                              "WHERE x.indrelid = %s::regclass AND x.indisprimary", (table,))
        if current != ",".join(("office",) + key):
            db.execute_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{table}_pkey"')
            db.execute_sql(f'ALTER TABLE "{table}" ADD CONSTRAINT "{table}_pkey" PRIMARY KEY '
                           f'(office, {", ".join(key)})')
    for name, (table, column) in _UNIQUE.items():
        if not _exists(db, table):
            continue
        definition = _scalar(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                                 "AND indexname = %s", (name,))
        if definition is None or "office" not in str(definition):
            db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
            db.execute_sql(f'CREATE UNIQUE INDEX "{name}" ON "{table}" (office, "{column}")')
    _ensure_indexes(db)
    district_defaults.create_tables(db)  # the district's shared calendar and template defaults


def _ensure_indexes(db: peewee.Database) -> None:
    for name, (table, columns) in _INDEXES.items():
        if _exists(db, table):
            db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns})')
    db.execute_sql('DROP INDEX IF EXISTS "request_gram_office"')
    if not _install_btree_gin(db):
        return  # the search stays right, only slower
    trigram = _scalar(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") == 1
    for name, (table, columns) in _GIN.items():
        if _exists(db, table) and (trigram or "trgm" not in columns):
            db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({columns})')


def _install_btree_gin(db: peewee.Database) -> bool:
    """btree_gin, a trusted extension (the database's owner may install it, PostgreSQL 13+)."""
    if _scalar(db, "SELECT count(*) FROM pg_extension WHERE extname = 'btree_gin'") == 1:
        return True
    if _scalar(db, "SELECT count(*) FROM pg_available_extensions WHERE name = 'btree_gin'") != 1:
        return False
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS btree_gin")
    except peewee.DatabaseError:
        return False
    return True


def conflict_key(*fields: peewee.Field) -> list:
    """An ON CONFLICT target of the open database: on a server the office comes first in every key (above)."""
    from app.store import engine
    from app.store.base import database

    if engine.on_server() and _has_offices(database.obj):
        return [peewee.SQL("office"), *fields]
    return list(fields)


def _has_offices(db: peewee.Database) -> bool:
    from app.store import engine

    return engine.remembered(db, "offices", lambda: "office" in _columns(db, "setting"))


# ---- server init: roles, privileges, policies --------------------------------------------------------

def group_role(database: str, role: str) -> str:
    """The group role of `role` in `database` (roles are the cluster's, so each database names its own)."""
    return f"{database}_{role}"


def database_name(db: peewee.Database | None = None) -> str:
    db = _open(db)
    return str(_scalar(db, "SELECT current_database()"))


@dataclasses.dataclass(frozen=True)
class Rights:
    login: str
    superuser: bool
    createrole: bool
    owner: bool


def rights(db: peewee.Database | None = None) -> Rights:
    db = _open(db)
    row = db.execute_sql(
        "SELECT r.rolname, r.rolsuper, r.rolcreaterole, d.datdba = r.oid FROM pg_roles r, pg_database d "
        "WHERE r.rolname = current_user AND d.datname = current_database()").fetchone()
    return Rights(row[0], bool(row[1]), bool(row[2]), bool(row[3]))


def refuse_unless_it(what: str, roles: bool = False, db: peewee.Database | None = None) -> None:
    """Refuse (Chinese) a login that neither owns the database nor is a superuser (and, for `roles`,
    may not create roles)."""
    db = _open(db)
    who = rights(db)
    if not (who.superuser or who.owner):
        raise StoreError(f"当前登录“{who.login}”不是数据库的所有者，不能{what}。请由区里的信息技术人员"
                         "以数据库所有者（或超级用户）的身份运行这条命令。")
    if roles and not (who.superuser or who.createrole):
        raise StoreError(f"当前登录“{who.login}”没有创建数据库用户的权限（CREATEROLE），不能{what}。"
                         "请由区里的信息技术人员以有此权限的身份运行这条命令。")


def install(db: peewee.Database | None = None) -> None:
    """Roles, privileges, row-level security and the review steps' signature (idempotent; as owner)."""
    db = _open(db)
    refuse_unless_it("初始化区级服务器", roles=True, db=db)
    add_office_columns(db)  # request_gram (made after the chain) gets its column here
    name = database_name(db)
    groups = {role: group_role(name, role) for role in ROLES}
    for role, group in groups.items():
        if _scalar(db, "SELECT count(*) FROM pg_roles WHERE rolname = %s", (group,)) == 0:
            db.execute_sql(f'CREATE ROLE "{group}" NOLOGIN')
        db.execute_sql(f'GRANT CONNECT ON DATABASE "{name}" TO "{group}"')
        db.execute_sql(f'GRANT USAGE ON SCHEMA "{_scalar(db, "SELECT current_schema()")}" TO "{group}"')
        db.execute_sql(f'GRANT SELECT ON office, schema_version TO "{group}"')
        db.execute_sql(f'REVOKE ALL ON office_login FROM "{group}"')
    tables = [t for t in OFFICE_TABLES if _exists(db, t)]
    everyone = ", ".join(f'"{group}"' for group in groups.values())
    for table in tables:
        db.execute_sql(f'REVOKE ALL ON "{table}" FROM {everyone}')
        db.execute_sql(f'GRANT SELECT ON "{table}" TO "{groups["district"]}"')
        for role in OFFICE_ROLES:
            # the audit trail and the signatures are written once, never changed (schema.ReviewStep)
            verbs = "SELECT, INSERT" if table in _WRITE_ONCE else "SELECT, INSERT, UPDATE, DELETE"
            db.execute_sql(f'GRANT {verbs} ON "{table}" TO "{groups[role]}"')
    for role in OFFICE_ROLES:
        db.execute_sql(f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA '
                       f'"{_scalar(db, "SELECT current_schema()")}" TO "{groups[role]}"')
    # One policy per group role (TO …), so a login meets a single condition: an equality on `office` that
    # the office's indexes answer (two policies would be OR-ed, and an OR is answered by no index).
    # A login of no office (zwgk_office() "") matches no row, not the rows of office "".
    offices_of = ", ".join(f'"{groups[role]}"' for role in OFFICE_ROLES)
    own = "office = (SELECT nullif(zwgk_office(), ''))"
    district = "office = ANY ((SELECT zwgk_district_offices())::varchar[])"
    for table in tables:
        db.execute_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        for policy in ("office_own", "district_reads", "signer_role", "office_settings_admin",
                       "office_settings_admin_change"):
            db.execute_sql(f'DROP POLICY IF EXISTS {policy} ON "{table}"')
        db.execute_sql(f'CREATE POLICY office_own ON "{table}" TO {offices_of} USING ({own}) WITH CHECK ({own})')
        db.execute_sql(f'CREATE POLICY district_reads ON "{table}" FOR SELECT TO "{groups["district"]}" '
                       f"USING ({district})")
    steps = ", ".join(f"'{s}'" for s in REVIEWER_STEPS)
    # The 单位管理员 may too: it moves an office's history in (migrate-to), signatures and all.
    db.execute_sql(f"CREATE POLICY signer_role ON review_step AS RESTRICTIVE FOR INSERT WITH CHECK "
                   f"(step NOT IN ({steps}) OR (SELECT zwgk_role()) IN ('reviewer', 'admin'))")
    # 延期 is approved by the 审核人 / 分管领导 (条例第三十三条第二款: 经政府信息公开工作机构负责人同意).
    extension = "(kind <> 'extended' OR (SELECT zwgk_role()) IN ('reviewer', 'admin'))"
    db.execute_sql("DROP POLICY IF EXISTS extension_by_reviewer ON event")
    db.execute_sql("DROP POLICY IF EXISTS extension_by_reviewer_change ON event")
    db.execute_sql(f"CREATE POLICY extension_by_reviewer ON event AS RESTRICTIVE FOR INSERT WITH CHECK ({extension})")
    db.execute_sql(f"CREATE POLICY extension_by_reviewer_change ON event AS RESTRICTIVE FOR UPDATE "
                   f"USING ({extension}) WITH CHECK ({extension})")
    # 机关设置 (the office's name, numbering, limits) is the 单位管理员's.
    admin = "(key <> 'office' OR (SELECT zwgk_role()) = 'admin')"
    db.execute_sql(f"CREATE POLICY office_settings_admin ON setting AS RESTRICTIVE FOR INSERT WITH CHECK ({admin})")
    db.execute_sql(f"CREATE POLICY office_settings_admin_change ON setting AS RESTRICTIVE FOR UPDATE "
                   f"USING ({admin}) WITH CHECK ({admin})")
    _sign_review_steps(db)
    # The district's shared calendar and template defaults: every login reads, the 区级 login writes.
    district_defaults.grant(db, groups, OFFICE_ROLES)
    _search_through_policies(db)
    # The search's pieces (store.server) belong to their request's office, whoever writes them.
    db.execute_sql("CREATE OR REPLACE FUNCTION zwgk_gram_office() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "NEW.office := (SELECT office FROM request WHERE id = NEW.id); RETURN NEW; END $$")
    db.execute_sql("DROP TRIGGER IF EXISTS request_gram_office ON request_gram")
    db.execute_sql("CREATE TRIGGER request_gram_office BEFORE INSERT OR UPDATE ON request_gram "
                   "FOR EACH ROW EXECUTE FUNCTION zwgk_gram_office()")


# The register's search (store.server: LIKE over the trigram index, @> over the pieces' GIN index)
# behind a policy: PostgreSQL applies a condition of the query under an index before the policy's
# only when the operator is LEAKPROOF (it cannot reveal a row by an error or a side effect), and
# neither is declared so, though neither raises an error that depends on a row (LIKE: only on its own
# pattern; @>: only on arrays of different types). Without it each keystroke reads the office's
# whole register (bench/bench_district.py). Declaring them is a superuser's act, on the server's
# catalog; `server init` does it when it can.
_LEAKPROOF = ("textlike(text, text)", "arraycontains(anyarray, anyarray)")


def _search_through_policies(db: peewee.Database) -> None:
    if not rights(db).superuser:
        return
    for function in _LEAKPROOF:
        db.execute_sql(f"ALTER FUNCTION pg_catalog.{function} LEAKPROOF")


def search_through_policies(db: peewee.Database | None = None) -> bool:
    """Whether the search's operators are declared LEAKPROOF in this database (above), so that a
    keystroke reads the office's matches through the indexes, not its whole register."""
    db = _open(db)
    regprocs = ", ".join(f"'pg_catalog.{function}'::regprocedure" for function in _LEAKPROOF)
    return bool(_scalar(db, f"SELECT bool_and(proleakproof) FROM pg_proc WHERE oid IN ({regprocs})"))


# The database login recorded, by the server, on every row written to these tables: who signed a review
# step, who recorded a step of a case (an extension among them), who wrote an audit entry. A value the
# client sends is overwritten.
_RECORDED_BY = {"review_step": "signed_by", "event": "recorded_by", "audit_entry": "login"}


def _sign_review_steps(db: peewee.Database) -> None:
    db.execute_sql("CREATE OR REPLACE FUNCTION zwgk_recorded_by() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text)); "
                   "RETURN NEW; END $$")
    for table, column in _RECORDED_BY.items():
        if column not in _columns(db, table):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" varchar COLLATE "C" NOT NULL '
                           "DEFAULT session_user")
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_{column}" ON "{table}"')
        verbs = "INSERT" if table == "audit_entry" else "INSERT OR UPDATE"  # the audit trail is never updated
        db.execute_sql(f'CREATE TRIGGER "{table}_{column}" BEFORE {verbs} ON "{table}" FOR EACH ROW '
                       f"EXECUTE FUNCTION zwgk_recorded_by('{column}')")


def installed(db: peewee.Database | None = None) -> bool:
    db = _open(db)
    return _exists(db, "office_login") and bool(_scalar(
        db, "SELECT relrowsecurity FROM pg_class WHERE oid = 'request'::regclass"))


# ---- offices and people ------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Office:
    code: str
    name: str


@dataclasses.dataclass(frozen=True)
class Login:
    login: str
    office: str | None
    office_name: str
    role: str
    can_login: bool


def add_office(code: str, name: str, db: peewee.Database | None = None) -> None:
    db = _open(db)
    refuse_unless_it("添加单位", db=db)
    if not installed(db):
        raise StoreError("这个数据库还没有初始化为区级服务器，请先运行 server init。")
    db.execute_sql("INSERT INTO office (code, name) VALUES (%s, %s) ON CONFLICT (code) DO UPDATE "
                   "SET name = EXCLUDED.name", (code, name))


def offices(db: peewee.Database | None = None) -> list[Office]:
    db = _open(db)
    return [Office(c, n) for c, n in db.execute_sql("SELECT code, name FROM office ORDER BY code").fetchall()]


def _quoted(db: peewee.Database, name: str) -> str:
    return str(_scalar(db, "SELECT quote_ident(%s)", (name,)))


def add_user(login: str, office: str | None, role: str, password: str | None, db: peewee.Database | None = None) -> None:
    db = _open(db)
    refuse_unless_it("添加用户", roles=True, db=db)
    if not installed(db):
        raise StoreError("这个数据库还没有初始化为区级服务器，请先运行 server init。")
    if role not in ROLES:
        raise StoreError(f"没有“{role}”这种角色；可选：{'、'.join(f'{k}（{v}）' for k, v in ROLES.items())}")
    if role == "district":
        office = None
    elif not office:
        raise StoreError(f"{ROLES[role]}必须属于一个单位（--office 单位代码）")
    elif _scalar(db, "SELECT count(*) FROM office WHERE code = %s", (office,)) == 0:
        raise StoreError(f"没有代码为“{office}”的单位；请先用 server add-office 添加")
    database = database_name(db)
    quoted = _quoted(db, login)
    with db.atomic():
        if _scalar(db, "SELECT count(*) FROM pg_roles WHERE rolname = %s", (login,)) == 0:
            db.execute_sql(f"CREATE ROLE {quoted} LOGIN")
        elif _scalar(db, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = %s", (login,)):
            raise StoreError(f"“{login}”是管理数据库的账号，不能作为单位的用户")
        if password:  # a utility statement takes no parameters: the literal is quoted by the server
            db.execute_sql(f"ALTER ROLE {quoted} PASSWORD {_scalar(db, 'SELECT quote_literal(%s)', (password,))}")
        for other in ROLES:
            if other != role:
                db.execute_sql(f'REVOKE "{group_role(database, other)}" FROM {quoted}')
        db.execute_sql(f'GRANT "{group_role(database, role)}" TO {quoted}')
        db.execute_sql("INSERT INTO office_login (login, office, role) VALUES (%s, %s, %s) ON CONFLICT (login) "
                       "DO UPDATE SET office = EXCLUDED.office, role = EXCLUDED.role", (login, office, role))


def list_users(db: peewee.Database | None = None) -> list[Login]:
    db = _open(db)
    refuse_unless_it("查看用户", db=db)
    rows = db.execute_sql(
        "SELECT l.login, l.office, coalesce(o.name, ''), l.role, coalesce(r.rolcanlogin, false) "
        "FROM office_login l LEFT JOIN office o ON o.code = l.office LEFT JOIN pg_roles r ON r.rolname = l.login "
        "ORDER BY l.office NULLS FIRST, l.login").fetchall()
    return [Login(*row) for row in rows]


def whoami(db: peewee.Database | None = None) -> tuple[str, str]:
    """(office, role) of the login: ("", "") outside a district."""
    db = _open(db)
    if not _exists(db, "office_login"):
        return "", ""
    return str(_scalar(db, "SELECT zwgk_office()")), str(_scalar(db, "SELECT zwgk_role()"))


def look_at(office: str, db: peewee.Database | None = None) -> None:
    """The 区级 login reads one office (`office`) or every office (""): every query of the store
    then sees those rows alone, so the office's register, home page and report are the office's own."""
    db = _open(db)
    db.execute_sql("SELECT set_config('zwgk.view_office', %s, false)", (office,))


# ---- the district page's figures ---------------------------------------------------------------------

def due_counts(today: dt.date, soon_until: dt.date,
               open_statuses: tuple[str, ...], db: peewee.Database | None = None) -> dict[str, tuple[int, int]]:
    """office → (open cases past their nearest limit, open cases whose limit falls today … soon_until)."""
    db = _open(db)
    rows = db.execute_sql(
        "SELECT office, count(*) FILTER (WHERE due_on < %s), count(*) FILTER (WHERE due_on BETWEEN %s AND %s) "
        "FROM request WHERE status = ANY(%s) AND due_on IS NOT NULL GROUP BY office",
        (today, today, soon_until, list(open_statuses))).fetchall()
    return {office: (int(a), int(b)) for office, a, b in rows}


def archived_years(year: int, db: peewee.Database | None = None) -> set[str]:
    """The offices whose `year` is archived (year_lock)."""
    db = _open(db)
    return {o for (o,) in db.execute_sql("SELECT office FROM year_lock WHERE year = %s", (year,)).fetchall()}


def open_opinion_counts(db: peewee.Database | None = None) -> dict[str, int]:
    """office → 舆情 items not closed."""
    db = _open(db)
    rows = db.execute_sql(
        "SELECT i.office, count(*) FROM opinion_item i WHERE NOT EXISTS (SELECT 1 FROM opinion_step s "
        "WHERE s.item_id = i.id AND s.key = 'close') GROUP BY i.office").fetchall()
    return {office: int(n) for office, n in rows}


# ---- a server's rows from before `server init` given to an office ------------------------------------

def unassigned_rows(db: peewee.Database | None = None) -> int:
    """How many rows of the office tables belong to no office (office "": written before `server init`)."""
    db = _open(db)
    return sum(int(_scalar(db, f'SELECT count(*) FROM "{t}" WHERE office = %s', ("",)))
               for t in OFFICE_TABLES if _exists(db, t))


def assign_unassigned(code: str, db: peewee.Database | None = None) -> int:
    """Give every row of office "" (a server used by one office before `server init`) to the office
    `code`, which must exist and hold no row yet; one transaction; the number of rows given. Only the
    `office` column changes: the rows keep their ids, and the server's own records of who wrote them
    (signatures, the logins of steps and of the audit trail) are kept as written — the triggers that
    fill them, and the audit trail's refusal of any change, are off for this one statement per table
    (as the tables' owner; docs/district.md)."""
    db = _open(db)
    refuse_unless_it("把原有数据划归单位", db=db)
    if not installed(db):
        raise StoreError("这个数据库还没有初始化为区级服务器，请先运行 server init。")
    if _scalar(db, "SELECT count(*) FROM office WHERE code = %s", (code,)) == 0:
        raise StoreError(f"没有代码为“{code}”的单位；请先用 server add-office 添加")
    tables = [t for t in OFFICE_TABLES if _exists(db, t)]
    with db.atomic():
        for table in tables:
            db.execute_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')  # no desk writes meanwhile
        held = [t for t in tables if db.execute_sql(f'SELECT 1 FROM "{t}" WHERE office = %s LIMIT 1',
                                                    (code,)).fetchone()]
        if held:
            raise StoreError(f"单位“{code}”在服务器上已有数据（{'、'.join(held)}），原有数据只能划归还没有任何数据的单位，"
                             "本次没有改动服务器。")
        given = 0
        for table in tables:
            db.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
            given += db.execute_sql(f'UPDATE "{table}" SET office = %s WHERE office = %s', (code, "")).rowcount
            db.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    return given
