"""What differs between the two engines the store runs on, in one place (docs/server.md).

SQLite is one file on one PC, the default; PostgreSQL is a server several desks share. The same
tables, migrations and queries serve both; where the SQL or the bookkeeping differs, the store asks
here, and the open database (the proxy's object) says which engine it is. Everything above app/store
passes a location through as it got it: a path, or a server URL (a string).
"""
from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from app.store.base import peewee

from app.store.base import database

OWN_TABLES = frozenset({"request", "setting", "audit_entry"})  # a database with none of these is not ours


_T = TypeVar("_T")


def remembered(db: peewee.Database, key: str, work_out: Callable[[], _T]) -> _T:
    """A fact of the open database `db` (which indexes or tables its version has), worked out once per
    database object: opening another file or server makes a new object, which asks again."""
    facts = db.__dict__.setdefault("_zwgk_facts", {})
    if key not in facts:
        facts[key] = work_out()
    return facts[key]


def is_server(location: object) -> bool:
    """Whether `location` (a --db value, ZWGK_DB, the saved connection) names a PostgreSQL server."""
    from app.store import server

    return server.is_url(location)


def display(location: Path | str) -> str:
    """The location for messages: a file's path, or a server's address without the password."""
    if is_server(location):
        from app.store import server

        return server.display(str(location))
    return str(location)


def server_location(host: str, port: int, name: str, user: str, password: str) -> str:
    """The location of a database on a server, from the connection dialog's fields."""
    from app.store import server

    return server.url_of(host, port, name, user, password)


def server_fields(location: str) -> dict[str, object]:
    """The connection dialog's fields (host, port, name, user, password) of a server location."""
    from app.store import server

    return server.parts_of(location)


def load_driver() -> str:
    """Import the server's driver now (it is imported when a server is first opened, so a bundle
    without it would start and fail only then); its name and version."""
    import psycopg

    return f"psycopg {psycopg.__version__}"


def on_server(db: peewee.Database | None = None) -> bool:
    """Whether `db` (default: the open database) is a server."""
    return isinstance(db if db is not None else database.obj, peewee.PostgresqlDatabase)


# ---- transactions -------------------------------------------------------------------------

def write_args(db: peewee.Database | None = None) -> tuple[str, ...]:
    """How a write transaction begins. SQLite: IMMEDIATE, the file's write lock at once, so two
    writers queue instead of failing at commit. The server: READ COMMITTED (its default); numbers are
    taken under the sequence row's lock (store.sequences), so two desks queue on that row only."""
    return () if on_server(db) else ("IMMEDIATE",)


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """Several reads that must see one state of the database. SQLite: any transaction (WAL reads one
    snapshot). The server: REPEATABLE READ, since READ COMMITTED sees each statement's own."""
    if on_server() and not database.in_transaction():
        with database.atomic(isolation_level="REPEATABLE READ"):
            yield
        return
    with database.atomic():
        yield


def for_update(select: peewee.Select) -> peewee.Select:
    """Rows read in a write transaction to decide what it writes: on the server they are locked
    until it ends (another desk's change of them waits); a SQLite write transaction holds the whole
    file already."""
    return select.for_update() if on_server() else select


def lock_rows() -> str:
    """The same for a query written in SQL: the clause that ends it."""
    return " FOR UPDATE" if on_server() else ""


# ---- SQL that differs ---------------------------------------------------------------------

# A statement written for SQLite, as the store's plain SQL is (docs/performance.md): its string
# literals, its placeholders (? and :name), SQLite's INDEXED BY, and a literal % (the server's driver
# reads % as the start of a placeholder).
_SQL_PIECES = re.compile(r"('(?:[^']|'')*')|(\?)|(?<![:\w]):([A-Za-z_]\w*)|(\s+INDEXED BY \w+)|(%)")


def sql(text: str) -> str:
    """A statement written for SQLite, as the open database reads it. The server: placeholders in
    its driver's spelling (%s, %(name)s), no INDEXED BY (its planner picks its own indexes), a
    literal % doubled. The same query, the same answer (the tests run both engines)."""
    if not on_server():
        return text

    def piece(match: re.Match) -> str:
        literal, question, name, indexed, percent = match.groups()
        if literal is not None:
            return literal.replace("%", "%%")
        if question is not None:
            return "%s"
        if name is not None:
            return f"%({name})s"
        if indexed is not None:
            return ""
        return "%%"

    return _SQL_PIECES.sub(piece, text)


def ids_in(column: str) -> str:
    """`column IN` a list of ids given as one parameter (`id_list`): SQLite reads it as JSON, the
    server as an array."""
    return f"{column} = ANY(CAST(? AS integer[]))" if on_server() else f"{column} IN (SELECT value FROM json_each(?))"


def id_list(ids: Sequence[int]) -> object:
    return [int(i) for i in ids] if on_server() else json.dumps([int(i) for i in ids])


def false() -> str:
    """The stored false of a BooleanField in plain SQL (SQLite keeps 0, the server a boolean)."""
    return "FALSE" if on_server() else "0"


def as_int(expression: str) -> str:
    """A boolean column as 0 or 1 in arithmetic."""
    return f"CAST({expression} AS integer)" if on_server() else expression


def count_if(condition: str) -> str:
    """How many rows of a group meet `condition`: the same on both engines (SQLite has read FILTER
    since 3.30, and the register's text index needs 3.34), and quicker on SQLite than summing the 0
    or 1 of a comparison."""
    return f"count(*) FILTER (WHERE {condition})"


def json_value(column: str, *keys: str) -> str:
    """The value at `keys` of a JSON text column (event.data) in plain SQL, NULL where there is none
    or it is null: SQLite gives the stored number or text, the server its text (->>)."""
    if on_server():
        return f"(CAST({column} AS jsonb) #>> '{{{','.join(keys)}}}')"
    return f"json_extract({column}, '$.{'.'.join(keys)}')"


def month_of_text(column: str) -> str:
    """The month (1–12) of a date column in plain SQL: SQLite stores YYYY-MM-DD text (characters 6
    and 7), the server a date."""
    return f"CAST(EXTRACT(MONTH FROM {column}) AS integer)" if on_server() else f"substr({column}, 6, 2)"


def _id_sequence(db: peewee.Database, table: str, column: str = "id") -> str:
    """The server's sequence behind `table`'s serial `column` (schema-qualified, from the catalogue)."""
    return db.execute_sql("SELECT pg_get_serial_sequence(%s, %s)", (table, column)).fetchone()[0]


def after_ids_given(table: str, db: peewee.Database | None = None, column: str = "id") -> None:
    """Rows inserted with their ids given: the server's id sequence moves past them (SQLite takes
    the next id from the table itself). Never back: under a district's row-level security a desk
    sees only its own office's largest id (docs/district.md)."""
    db = db if db is not None else database
    if not on_server(db):
        return
    sequence = _id_sequence(db, table, column)
    db.execute_sql(f'SELECT setval(%s::regclass, greatest((SELECT coalesce(max("{column}"), 0) FROM "{table}"), '
                   f"s.last_value)) FROM {sequence} AS s", (sequence,))


def ids_taken(table: str, db: peewee.Database, column: str = "id") -> bool:
    """Whether the server's id sequence of `table` has handed out an id: rows exist or existed, the
    desk's own or (under a district's row-level security, unseen) another office's."""
    sequence = _id_sequence(db, table, column)
    return bool(db.execute_sql(f"SELECT is_called FROM {sequence}").fetchone()[0])


def reserve_ids(table: str, count: int) -> int:
    """The first of `count` consecutive ids for rows the caller inserts with their ids given, inside
    its transaction. A file has one writer: the ids after the largest. On a server other desks insert
    meanwhile and, in a district, a desk does not see the other offices' rows: the table is locked
    against inserts until the transaction ends, and its id sequence moved past the block."""
    if not on_server():
        return (database.execute_sql(f'SELECT max(id) FROM "{table}"').fetchone()[0] or 0) + 1
    database.execute_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
    sequence = _id_sequence(database, table)
    first = database.execute_sql("SELECT nextval(%s::regclass)", (sequence,)).fetchone()[0]
    if count > 1:
        database.execute_sql("SELECT setval(%s::regclass, %s)", (sequence, first + count - 1))
    return first


def take_ids(table: str, count: int, db: peewee.Database) -> list[int]:
    """`count` ids of the server's id sequence of `table`, each taken by its own nextval, in order:
    no other desk is ever given one of them, and no table is locked (other offices go on inserting
    meanwhile, so the ids need not be consecutive). For rows moved in with new ids (store.transfer)."""
    if count <= 0:
        return []
    sequence = _id_sequence(db, table)
    rows = db.execute_sql("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", (sequence, count)).fetchall()
    return sorted(value for (value,) in rows)


class BooleanFalse(peewee.Node):
    """`false()` inside a model's DDL (a partial index): the context tells the engine, by its
    placeholder (the server's driver spells it %s)."""

    def __sql__(self, ctx):
        return ctx.literal("FALSE" if ctx.state.param == "%s" else "0")

def contains_all(column: peewee.Field, terms: list[str]) -> list[peewee.Expression]:
    """Conditions that each of `terms` occurs in `column` (request.search_text; both lower-cased by
    the caller). SQLite: instr(), a plain substring test per term. The server: its search indexes
    (store.server.contains_all, docs/server.md)."""
    if on_server():
        from app.store import server

        return server.contains_all(column, terms)
    return [peewee.fn.instr(column, term) > 0 for term in terms]


def month(column: peewee.Field) -> peewee.Node:
    """The month (1–12) of a date column, as an integer."""
    if on_server():  # EXTRACT(MONTH FROM …) without a parameter, so GROUP BY sees the same expression
        return peewee.fn.EXTRACT(peewee.NodeList((peewee.SQL("MONTH"), peewee.SQL("FROM"), column))).cast("integer")
    return peewee.fn.strftime("%m", column).cast("integer")


def differs() -> str:
    """The null-safe "is different from" operator."""
    return "IS DISTINCT FROM" if on_server() else "IS NOT"


def executemany(sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """One statement for many rows on the open connection's own driver (no peewee round trip per
    row); `sql` uses ? placeholders, which the server's driver spells %s. The driver's errors come
    through as they are (store.db.translate makes them Chinese)."""
    if on_server():
        sql = sql.replace("?", "%s")
    database.cursor().executemany(sql, rows)


def substring(column: peewee.Field, term: str) -> peewee.Expression:
    """`term` occurs in `column`, tested row by row without an index (SQLite instr, the server strpos)."""
    return peewee.fn.strpos(column, term) > 0 if on_server() else peewee.fn.instr(column, term) > 0


SEARCH_CAP = 2000
WALK_ROWS = 20000  # the newest (or oldest) requests a page is first looked for among, row by row


def search_page(matches: peewee.ModelSelect, walked: peewee.ModelSelect, descending: bool, offset: int,
                limit: int) -> list[int]:
    """The ids of one page of `matches` (id, received_on) in list order, on the server. Walking the
    list in order until the page is full is quickest when many requests match, but reads nearly the
    whole register when few do, and the planner cannot tell which (it guesses 1 % for a LIKE); and
    the search indexes find every match before the first row is returned, tens of milliseconds for
    a common character. So: the first WALK_ROWS requests in list order are tested row by row
    (`walked`: the same conditions without the indexes); a page found among them is the page. Else
    the matches are read through the indexes, at most SEARCH_CAP of them, and sorted here; only a
    term matching more than that walks the whole list."""
    direction = "DESC" if descending else "ASC"
    if offset + limit <= WALK_ROWS:
        sql, params = _walk_of_newest(walked, direction)
        sql += f" OFFSET {int(offset)} LIMIT {int(limit)}"
        found = [case_id for (case_id,) in database.execute_sql(sql, params).fetchall()]
        if len(found) == limit:
            return found
    found = list(matches.limit(SEARCH_CAP + 1).tuples())
    if len(found) <= SEARCH_CAP:
        found.sort(key=lambda row: (row[1], row[0]), reverse=descending)
        return [case_id for case_id, _received in found[offset:offset + limit]]
    return walk_whole_list(walked, descending, offset, limit)


def walk_whole_list(walked: peewee.ModelSelect, descending: bool, offset: int, limit: int) -> list[int]:
    """The ids of one page of `walked` (the conditions tested row by row), the whole list walked in order."""
    keys = (walked.model.received_on, walked.model.id)
    walk = walked.order_by(*[k.desc() if descending else k.asc() for k in keys])
    return [case_id for (case_id,) in walk.offset(offset).limit(limit).tuples()]


def search_first_page(matches: peewee.ModelSelect, walked: peewee.ModelSelect, shown: peewee.ModelSelect,
                      descending: bool, limit: int, at_most: int) -> tuple[list[tuple] | None, int]:
    """A keystroke's first page of `matches` in list order (the columns of `shown`, the id first) and
    how many there are, counted up to `at_most`, from one statement on the server: every statement
    is a wait for the server, and on a busy machine a wait for a core too (search_page, a count and
    the rows were four or five). The matches are read through the indexes, at most SEARCH_CAP of them
    (cheap for a rare term, which is what walking the list is slow for): as many or fewer, they are
    the count and the page is sorted from them. More: the count is `at_most` and the page is the
    first rows of the newest WALK_ROWS that meet the conditions, walked in order (quick, as the term
    is common). The page is None when that walk finds less than a page: walk_whole_list finds it."""
    assert limit <= at_most <= SEARCH_CAP
    direction = "DESC" if descending else "ASC"
    keys = (walked.model.id, walked.model.received_on)
    hits_sql, hits_params = matches.select(*keys).limit(SEARCH_CAP + 1).sql()
    walk_sql, walk_params = _walk_of_newest(walked.select(*keys), direction)
    shown_sql, shown_params = shown.sql()
    order = f"received_on {direction}, id {direction}"
    found = database.execute_sql(
        f"WITH hits AS MATERIALIZED ({hits_sql}), "
        f"many AS (SELECT count(*) > {SEARCH_CAP} AS yes, count(*) AS n FROM hits), "
        f"walk AS MATERIALIZED ({walk_sql} LIMIT {int(limit)}), "
        f"page AS ((SELECT id, received_on FROM hits WHERE NOT (SELECT yes FROM many) ORDER BY {order} "
        f"LIMIT {int(limit)}) UNION ALL (SELECT id, received_on FROM walk WHERE (SELECT yes FROM many))) "
        f"SELECT many.n, shown.* FROM many LEFT JOIN (page JOIN ({shown_sql}) AS shown ON shown.id = page.id) "
        f"ON TRUE ORDER BY page.{order.replace(', ', ', page.')}",
        [*hits_params, *walk_params, *shown_params]).fetchall()
    matched = found[0][0]
    rows = [row[1:] for row in found if row[1] is not None]
    if matched <= SEARCH_CAP:
        return rows, min(matched, at_most)
    return (rows if len(rows) == limit else None), at_most


def _walk_of_newest(walked: peewee.ModelSelect, direction: str) -> tuple[str, list]:
    """`walked` (the conditions tested row by row) over the first WALK_ROWS requests in list order,
    in that order, as SQL."""
    order = f'"received_on" {direction}, "id" {direction}'
    table = f'"{walked.model._meta.table_name}"'
    sql, params = walked.sql()
    head = f"(SELECT * FROM {table} ORDER BY {order} LIMIT {WALK_ROWS})"
    sql = sql.replace(f'FROM {table} AS "t1"', f'FROM {head} AS "t1"', 1)
    return sql + f' ORDER BY "t1"."received_on" {direction}, "t1"."id" {direction}', params


def is_integrity_error(exc: BaseException) -> bool:
    """Whether a driver's own error (sqlite3's, psycopg's) is a broken constraint (a number used twice)."""
    return any(cls.__name__ == "IntegrityError" for cls in type(exc).__mro__)


def plan_search_by_hand() -> bool:
    """SQLite's planner is steered to walk the search index in list order (store.register.rows);
    PostgreSQL plans the search itself from the trigram index and its statistics."""
    return not on_server()
