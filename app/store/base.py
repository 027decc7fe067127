"""The database proxy and the base of every table: bound to the open file by app/store/db.py.

Kept apart from db.py so the tables (schema.py) and the opening of the file need not import each other.
"""
from __future__ import annotations

import sys

# peewee imports every PostgreSQL driver it knows when it is imported itself; psycopg alone costs a
# start ~80 ms. The SQLite office never needs it, so peewee is imported with psycopg hidden, and the
# server's adapter imports it when a server is first opened (store.server). Every module of the store
# takes peewee from here (`from app.store.base import peewee`), so this is where it is first imported.
_HIDE = "psycopg" not in sys.modules
if _HIDE:
    sys.modules["psycopg"] = None  # type: ignore[assignment]
try:
    import peewee
finally:
    if _HIDE:
        del sys.modules["psycopg"]

database = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
