"""What differs between the two engines the store runs on, in one place (docs/server.md).

SQLite is one file on one PC, the default; PostgreSQL is a server several desks share. The same
tables, migrations and queries serve both; where the SQL or the bookkeeping differs, the store asks
here, and the open database (the proxy's object) says which engine it is. Everything above app/store
passes a location through as it got it: a path, or a server URL (a string).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import peewee

from app.store.base import database

OWN_TABLES = frozenset({"request", "setting", "audit_entry"})  # a database with none of these is not ours


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


SEARCH_CAP = 2000


def search_page(matches: peewee.ModelSelect, descending: bool, offset: int, limit: int) -> list[int]:
    """The ids of one page of `matches` (id, received_on) in list order, on the server. Walking the
    list in order until the page is full is quickest when many requests match, but reads nearly the
    whole register when few do, and the planner cannot tell which (it guesses 1 % for a LIKE). So
    the matches are read first, at most SEARCH_CAP of them, and sorted here; only a term matching
    more than that walks the list."""
    found = list(matches.limit(SEARCH_CAP + 1).tuples())
    if len(found) <= SEARCH_CAP:
        found.sort(key=lambda row: (row[1], row[0]), reverse=descending)
        return [case_id for case_id, _received in found[offset:offset + limit]]
    keys = (matches.model.received_on, matches.model.id)
    walk = matches.select(matches.model.id).order_by(*[k.desc() if descending else k.asc() for k in keys])
    return [case_id for (case_id,) in walk.offset(offset).limit(limit).tuples()]


def is_integrity_error(exc: BaseException) -> bool:
    """Whether a driver's own error (sqlite3's, psycopg's) is a broken constraint (a number used twice)."""
    return any(cls.__name__ == "IntegrityError" for cls in type(exc).__mro__)


def plan_search_by_hand() -> bool:
    """SQLite's planner is steered to walk the search index in list order (store.register.rows);
    PostgreSQL plans the search itself from the trigram index and its statistics."""
    return not on_server()
