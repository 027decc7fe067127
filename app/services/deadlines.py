"""The cached nearest limit of each case (Request.due_on), kept in step with the clock."""
from __future__ import annotations


def refresh_case(case_id: int) -> None:
    """Recompute one case's cached limit. Filled in when the clock lands (issue 3)."""
    return None
