"""The database proxy and the base of every table: bound to the open file by app/store/db.py.

Kept apart from db.py so the tables (schema.py) and the opening of the file need not import each other.
"""
from __future__ import annotations

import peewee

database = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
