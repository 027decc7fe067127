"""Shared by the issue-3 GUI tests: a configured office and cases received on chosen days."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

from app.services.demo import demo_settings
from app.services import demo, register, settings
from app.services.workspace import open_workspace


def office_with_cases(db_path, *received: dt.date) -> list[int]:
    """Open a fresh database, configure the office, register one 当面 request per day given."""
    open_workspace(db_path)
    # services.calendar caches the calendar per process, not per database file: start clean.
    from app.services.calendar import invalidate

    invalidate()
    settings.save(demo_settings())
    ids = []
    for n, day in enumerate(received):
        data = demo.make_request(random.Random(n), day, 1, day.year)
        data = dataclasses.replace(data, channel="当面", arrived_on=day, confirmed_on=None,
                                   name=f"申请人{n + 1}")
        ids.append(register.register(data, dt.date.today()).id)
    return ids


def case_view_received_today(qtbot, db_path):
    """A shown case window over a fresh office's one case, received today."""
    from app.ui.case.view import CaseView

    (case_id,) = office_with_cases(db_path, dt.date.today())
    view = CaseView(case_id)
    qtbot.addWidget(view)
    view.show()
    return view
