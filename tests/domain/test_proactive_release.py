"""A withheld 公文 released by 动态调整 is judged from the day it became 主动公开, not its old issue
date (条例第二十六条; 本乡公文类信息主动公开工作流程, docs/legal/sources.md第四条, 动态调整机制)."""
from __future__ import annotations

import datetime as dt

from app.domain import proactive as pr
from app.domain.calendar import WorkCalendar

D = dt.date


def test_released_document_loads_and_publishes_from_the_release_day():
    cal = WorkCalendar()
    # Issued and withheld Mon 15 Sep 2025; released on Tue 20 Oct 2026 (the service moves made_on there).
    released = pr.ItemData(title="关于村级财务审计问题线索的处理意见", kind=pr.OTHER_DOC, made_on=D(2026, 10, 20),
                           issued_on=D(2025, 9, 15), attribute=pr.PROACTIVE)
    due = {lim.key: lim.due for lim in pr.limits(released, cal)}
    # Wed 21 Oct is the next working day; 20 working days on (no holiday in between) is Tue 17 Nov.
    assert due == {pr.KEY_LOAD: D(2026, 10, 21), pr.KEY_PUBLISH: D(2026, 11, 17)}


def test_document_made_before_issue_loads_from_the_issue_day():
    cal = WorkCalendar()
    data = pr.ItemData(title="x", kind=pr.NORM_DOC, made_on=D(2026, 10, 12), issued_on=D(2026, 10, 14),
                       attribute=pr.PROACTIVE)
    assert {lim.key: lim.due for lim in pr.limits(data, cal)}[pr.KEY_LOAD] == D(2026, 10, 15)
