"""The only package that talks to the database (peewee over SQLite)."""
