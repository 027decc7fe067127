"""Errors the services raise for the user to read: every message is Chinese and says what to do."""
from __future__ import annotations

from app.store.db import (
    DatabaseBusy, DatabaseDamaged, DatabaseEmpty, DatabaseInUse, DatabaseMissing, DatabaseReadOnly, DatabaseTooNew,
    DiskFull, LoginRefused, ServerUnavailable, StoreError, WriteConflict,
)

__all__ = ["ServiceError", "ValidationError", "YearLocked", "NotFound", "ReviewRequired", "StoreError",
           "DatabaseDamaged", "DatabaseReadOnly", "DatabaseTooNew", "DatabaseInUse", "DiskFull", "DatabaseBusy",
           "DatabaseMissing", "DatabaseEmpty", "LoginRefused", "ServerUnavailable", "WriteConflict"]


class ServiceError(Exception):
    """A refusal the user must be told about."""


class ValidationError(ServiceError):
    """Bad input: `errors` maps field name → Chinese message. Nothing was saved."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("；".join(errors.values()))


class YearLocked(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ReviewRequired(ServiceError):
    """An answer that releases information waits for the case's secrecy review (先审查、后公开): the
    screen that hears it offers to open that review."""
