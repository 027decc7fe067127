"""The register's text index: SQLite FTS5 with the trigram tokenizer over `request.search_text`.

Chinese has no word boundaries, so the index holds every three-character run of the text (a
trigram) and a search term of three or more characters is a phrase of its trigrams, which matches
exactly where the term is a substring. A term of one or two characters has no trigram of its own:
it is looked up in the index's vocabulary instead (every trigram that starts with it; the text is
stored with two padding characters so that its last characters start a trigram too), and matches
where any of those trigrams does. Everything here is SQLite's own: on a PostgreSQL server the
register searches through pg_trgm and a set of one- and two-character pieces instead (store.server,
docs/server.md), so `available` says no there and the register takes its plain conditions.

The table is contentless (the text lives in `request` only) and kept in step by triggers, so every
write of a request, whatever writes it, updates the index in the same transaction.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from app.store.base import peewee

from app.store import engine
from app.store.base import database

TABLE = "request_search"
TERMS = "request_search_terms"  # fts5vocab over TABLE: one row per trigram, with its document count
PAD = "char(31, 31)"  # appended to the indexed text: the last one or two characters start a trigram too
_TRIGGERS = {
    "request_search_insert": f"AFTER INSERT ON request BEGIN "
                             f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.search_text || {PAD}); END",
    "request_search_delete": f"AFTER DELETE ON request BEGIN "
                             f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.search_text || {PAD}); END",
    "request_search_update": f"AFTER UPDATE OF search_text ON request BEGIN "
                             f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.search_text || {PAD}); "
                             f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.search_text || {PAD}); END",
}
OBJECTS = frozenset({("table", TABLE), ("table", TERMS), *(("trigger", name) for name in _TRIGGERS)})
_LAST_CHAR = "\U0010ffff"
_available: dict[str, object] = {"db": None, "ok": False}


def ensure(db: peewee.Database) -> None:
    """Create the index, its vocabulary and its triggers and fill it from the register, unless all
    of them are there already; one that is incomplete is made again from scratch. A server keeps
    its own search indexes (store.server.tidy)."""
    if engine.on_server(db):
        return
    names = {(kind, name) for kind, name in db.execute_sql(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'request_search%'").fetchall()}
    if OBJECTS <= names:
        return
    for name in _TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    db.execute_sql(f"DROP TABLE IF EXISTS {TERMS}")
    db.execute_sql(f"DROP TABLE IF EXISTS {TABLE}")
    # case_sensitive 1: search_text and the terms are lower-cased by Python already, so matching is
    # the plain substring test instr() does, character for character.
    db.execute_sql(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content='', "
                   "tokenize='trigram case_sensitive 1')")
    db.execute_sql(f"CREATE VIRTUAL TABLE {TERMS} USING fts5vocab({TABLE}, 'row')")
    db.execute_sql(f"INSERT INTO {TABLE}(rowid, text) SELECT id, search_text || {PAD} FROM request")
    for name, body in _TRIGGERS.items():
        db.execute_sql(f"CREATE TRIGGER {name} {body}")
    _available["db"] = None


@contextlib.contextmanager
def filled_after(first_id: int) -> Iterator[None]:
    """Requests inserted inside this block (ids from `first_id` on) are put into the index together at
    its end, not one by one by the trigger (half the time for demo data and imports); call inside the
    caller's atomic(), so the trigger is back before anything else sees the file."""
    if not available():
        yield
        return
    name = "request_search_insert"
    database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
        database.execute_sql(f"INSERT INTO {TABLE}(rowid, text) SELECT id, search_text || {PAD} FROM request "
                             "WHERE id >= ?", (first_id,))
    finally:
        database.execute_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {_TRIGGERS[name]}")


def available() -> bool:
    """Whether the open file has the index (a file of an older version opened read-only has not)."""
    obj = database.obj
    if engine.on_server(obj):
        return False
    if _available["db"] is not obj:
        found = database.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                     (TABLE,)).fetchone()
        _available.update(db=obj, ok=found is not None)
    return bool(_available["ok"])


class NoMatch(Exception):
    """A term that occurs in no request: the search finds nothing, whatever else it asks."""


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def short_term_trigrams(term: str) -> list[tuple[str, int]]:
    """The trigrams that start with a one- or two-character `term`, each with how many requests hold
    it (the vocabulary is read in term order, so this is one range of it)."""
    high = term + _LAST_CHAR * (3 - len(term))
    return database.execute_sql(f"SELECT term, doc FROM {TERMS} WHERE term >= ? AND term <= ?",
                                (term, high)).fetchall()


def expression(terms: Iterable[str], cheap: int, common: int) -> tuple[str | None, str | None, list[str]]:
    """MATCH expressions for `terms` (lower-cased, without spaces): the one to read at once, the whole
    one (with the short terms whose trigrams are many: looking them all up costs more than walking
    the list for a page of them, so it is only done when that walk turns out long), and the terms left
    for a plain substring test: a short term held by more than `common` requests in all (a very
    common character, whose page any walk finds at once). A short term starting more than `cheap`
    trigrams waits for the whole expression.

    Raises NoMatch when a short term starts no trigram at all."""
    now, later, rest = [], [], []
    for term in terms:
        if len(term) >= 3:
            now.append(_phrase(term))
            continue
        trigrams = short_term_trigrams(term)
        if not trigrams:
            raise NoMatch(term)
        if sum(doc for _t, doc in trigrams) > common:
            rest.append(term)
        else:
            (now if len(trigrams) <= cheap else later).append("(" + " OR ".join(_phrase(t) for t, _d in trigrams) + ")")
    return (" AND ".join(now) or None), (" AND ".join(now + later) if later else None), rest


def matches_sql(expr: str) -> tuple[str, list]:
    """A subquery (`SELECT rowid AS hit …`) of the requests that match `expr`, with its parameter."""
    return f"SELECT rowid AS hit FROM {TABLE} WHERE {TABLE} MATCH ?", [expr]
