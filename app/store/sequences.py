"""Gap-free yearly sequences: allocation happens inside the caller's write transaction."""
from __future__ import annotations

from app.store.schema import Sequence


def next_value(name: str, year: int) -> int:
    """Take the next number of `name` for `year`. Call inside store.db.atomic(): if the caller's
    transaction rolls back, the number is not used, so numbers are never skipped or reused."""
    return take(name, year, 1)


def take(name: str, year: int, count: int) -> int:
    """Take the next `count` numbers of `name` for `year` at once (inside store.db.atomic());
    returns the first of them."""
    Sequence.insert(name=name, year=year, last=0).on_conflict_ignore().execute()
    Sequence.update(last=Sequence.last + count).where((Sequence.name == name) & (Sequence.year == year)).execute()
    return Sequence.get((Sequence.name == name) & (Sequence.year == year)).last - count + 1


def peek(name: str, year: int) -> int:
    """The last number taken (0 if none)."""
    row = Sequence.get_or_none((Sequence.name == name) & (Sequence.year == year))
    return row.last if row else 0
