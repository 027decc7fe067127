"""The 答辩状 draft says what happened, read back from the .docx (docs/legal/requests.md, 行政争议).

条例第三十三条: answer within 20 working days. A case recorded as answered after that limit must not be
defended as answered "在法定期限内"; one answered in time is.
Received Mon 2026-03-02: 20 working days → Mon 3/30 (March 2026 has no holidays).
"""
from __future__ import annotations

import datetime as dt

import docx

from app.domain.request import RequestData
from app.services import dispute_docs, disputes, register
from tests.services.test_notices import all_text

D = dt.date


def answered_case(on: dt.date):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算", arrived_on=D(2026, 3, 2),
                                         channel="当面"), today=D(2026, 12, 31))
    register.record_outcome(case.id, "4.1", on)
    return disputes.add(case.id, "行政复议", "台州市黄岩区人民政府", D(2026, 5, 6), today=D(2026, 5, 6))


def test_a_late_answer_is_not_defended_as_timely(workspace):
    dispute = answered_case(D(2026, 4, 2))
    text = all_text(docx.Document(str(dispute_docs.render_defence(dispute.id, D(2026, 5, 8)))))
    assert "在法定期限内" not in text and "程序合法" not in text
    assert "法定答复期限至2026年3月30日" in text and "2026年4月2日作出答复，晚于法定答复期限" in text


def test_a_timely_answer_says_so(workspace):
    dispute = answered_case(D(2026, 3, 30))
    text = all_text(docx.Document(str(dispute_docs.render_defence(dispute.id, D(2026, 5, 8)))))
    assert "在法定期限内作出了答复" in text and "晚于" not in text
