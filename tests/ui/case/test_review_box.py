"""The case view shows where the answer's secrecy review stands and opens it."""
import datetime as dt

from app.domain.request import RequestData
from app.services import register


def test_case_view_shows_review_state_and_opens_the_form(qtbot, workspace):
    from app.ui.case.view import CaseView

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    view = CaseView(case.id)
    qtbot.addWidget(view)
    assert "未进行保密审查" in view.review_box.status.text()
    view.review_box.button.click()
    dialogs = [w for w in view.findChildren(object) if type(w).__name__ == "ReviewDialog"]
    assert dialogs and dialogs[0].isVisible()
    dialogs[0].reject()
