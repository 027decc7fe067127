"""The audit trail: every kind of change recorded with who, old and new values; the case timeline
shows it with identity and phone numbers masked; nothing can rewrite it."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from app.services.demo import demo_settings
from app.domain.request import RequestData
from app.services import audit as audit_service, backup, calendar, register, security, settings
from app.services.errors import ValidationError
from app.store import audit
from app.store.db import database

D = dt.date
TODAY = D(2026, 10, 20)


def person(name: str = "张三", **kw) -> RequestData:
    base = dict(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                info_name="茅畲村土地征收补偿方案", info_description="土地征收补偿方案",
                arrived_on=D(2026, 9, 28), channel="当面", department="国土所")
    return RequestData(**(base | kw))


@pytest.fixture(autouse=True)
def operator_name():
    audit.set_operator("王丽")
    yield
    audit.set_operator("")


def last(entity: str) -> audit.AuditRow:
    return audit.entries(entity=entity)[-1]


def test_registering_and_editing_a_case_records_old_and_new_values(workspace):
    case = register.register(person(), today=TODAY)
    first = last("request")
    assert (first.action, first.operator, first.entity_id) == ("登记", "王丽", str(case.id))
    assert first.changes["case_no"] == [None, "〔2026〕第1号"]
    register.update(case.id, replace(register.as_data(case), phone="13900000000", address="茅畲村2号"),
                    today=TODAY)
    edit = last("request")
    assert edit.action == "修改"
    assert edit.changes == {"phone": ["13812345678", "13900000000"], "address": ["茅畲村1号", "茅畲村2号"]}


def test_recording_an_outcome_is_audited(workspace):
    case = register.register(person(), today=TODAY)
    register.record_outcome(case.id, "3.1", D(2026, 10, 10))
    row = last("request")
    assert row.action == "办理结果"
    assert row.changes["outcome"] == [None, "3.1"] and row.changes["answered_on"] == [None, "2026-10-10"]


def test_settings_changes_are_audited_with_old_and_new(workspace):
    s = settings.load()
    settings.save(replace(s, handler="李明", idle_lock_minutes=10))
    row = last("settings")
    assert row.action == "修改机关设置"
    assert row.changes == {"handler": ["王丽", "李明"], "idle_lock_minutes": [0, 10]}


def test_the_password_is_stored_only_as_a_salted_hash_and_its_change_is_audited(workspace, db_path):
    security.set_password("茅畲乡2026")
    assert security.password_required() and security.verify("茅畲乡2026") and not security.verify("错误")
    with pytest.raises(ValidationError):
        security.set_password("新的密码12", current="错误")
    security.set_password("新的密码12", current="茅畲乡2026")
    assert security.verify("新的密码12") and not security.verify("茅畲乡2026")
    dump = "\n".join(str(row) for table in database.get_tables()
                      for row in database.execute_sql(f'SELECT * FROM "{table}"').fetchall())
    assert "茅畲乡2026" not in dump and "新的密码12" not in dump
    (stored,) = database.execute_sql("SELECT value FROM setting WHERE key = 'security.password_hash'").fetchone()
    assert json.loads(stored).startswith("$argon2id$")
    assert [r.action for r in audit.entries(entity="settings", entity_id="password")] == ["设置启动密码"] * 2
    security.set_password(None, current="新的密码12")
    assert not security.password_required() and security.idle_lock_minutes() == 0


def test_a_short_password_is_refused(workspace):
    with pytest.raises(ValidationError, match="至少"):
        security.set_password("123")
    assert not security.password_required()


def test_idle_lock_minutes_apply_only_with_a_password(workspace):
    settings.save(replace(settings.load(), idle_lock_minutes=5))
    assert security.idle_lock_minutes() == 0
    security.set_password("茅畲乡2026")
    assert security.idle_lock_minutes() == 5


def test_calendar_changes_are_audited(workspace):
    calendar.set_day(D(2026, 10, 10), True, "调休上班")
    row = last("calendar")
    assert row.entity_id == "2026-10-10" and row.changes["day"][0] is None and "调休上班" in row.changes["day"][1]


def test_review_and_dispute_changes_belong_to_the_case_history(workspace):
    from app.services import disputes
    from tests.review_support import approve_case_review

    case = register.register(person(), today=TODAY)
    approve_case_review(case.id, D(2026, 10, 12))
    disputes.add(case.id, "行政复议", "台州市黄岩区人民政府", D(2026, 10, 15), today=TODAY)
    kinds = {e.entity for e in audit_service.case_history(case.id)}
    assert {"申请", "保密审查", "复议诉讼"} <= kinds


def test_the_case_history_masks_identity_and_phone_numbers(workspace):
    case = register.register(person(), today=TODAY)
    register.update(case.id, replace(register.as_data(case), id_number="330106198001011235",
                                     phone="13900001111"), today=TODAY)
    history = audit_service.case_history(case.id)
    assert [h.action for h in history] == ["登记", "修改"]
    text = "\n".join(h.summary for h in history)
    assert "11010519491231002X" not in text and "13900001111" not in text and "13812345678" not in text
    assert "110105********002X" in text and "139****1111" in text
    assert history[1].operator == "王丽"


def test_issuing_a_notice_is_in_the_case_history(workspace):
    from app.services import notices

    case = register.register(person(), today=TODAY)
    issued = notices.issue("补正告知书", case.id, extra={"补正事项": "请说明所需信息的具体名称"}, on_date=D(2026, 9, 29))
    entry = [h for h in audit_service.case_history(case.id) if h.entity == "文书"][-1]
    assert entry.action == "签发" and any(c.new == issued.doc_no for c in entry.changes)


@pytest.mark.sqlite_only("a restore replaces the file; a server's data is restored by its administrators")
def test_a_restore_is_in_the_audit_trail_of_the_restored_file(workspace):
    register.register(person(), today=TODAY)
    taken = backup.backup_now()
    backup.restore(taken.path)
    assert audit_service.history("database")[-1].action == "从备份恢复"


def test_the_trail_reads_in_chinese_and_is_signed_by_the_handler_entered_at_first_start(db_path):
    from app.services.workspace import close_workspace, open_workspace
    from tests.review_support import approve_case_review
    from app.services import review

    audit.set_operator("")
    open_workspace(db_path)
    try:
        settings.save(replace(demo_settings(), handler="赵敏"))  # the first start's 机关设置
        case = register.register(person(arrived_on=D(2026, 3, 2)), today=D(2026, 3, 2))
        assert last("request").operator == "赵敏"
        review_id = approve_case_review(case.id, D(2026, 3, 10))
        review.render_form(review_id, today=D(2026, 3, 10))
        register.record_outcome(case.id, "1", D(2026, 3, 12))
        entries = audit_service.case_history(case.id)
        texts = [e.summary for e in entries]
        assert any(t.startswith("打印保密审查表：文件：（空） → 保密审查表-") for t in texts), texts
        assert any("意见：（空） → 同意" in t and "签署人：（空） → 测试审查人" in t for t in texts), texts
        outcome = next(t for t in texts if "办理结果" in t)
        assert "办理结果：（空） → （一）予以公开" in outcome and "→ 1；" not in outcome + "；"
        assert not any(key in t for t in texts for key in ("path", "opinion", "person", "signed_on"))
        assert {e.operator for e in entries} == {"赵敏"}
    finally:
        close_workspace()
    # Opened again: still 赵敏, not the computer's login name.
    audit.set_operator("")
    open_workspace(db_path)
    try:
        assert audit.operator() == "赵敏"
    finally:
        close_workspace()
