import datetime as dt

import pytest

from app.domain.request import CaseQuery, RequestData
from app.services import register
from app.services.errors import ValidationError
from app.store.db import database

TODAY = dt.date(2026, 11, 20)


def person(name="张三", arrived=dt.date(2026, 3, 5), **kw) -> RequestData:
    base = dict(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                info_description="土地征收补偿方案", arrived_on=arrived, channel="当面")
    base.update(kw)
    return RequestData(**base)


def test_register_allocates_yearly_numbers_and_records_the_rule(workspace):
    a = register.register(person("甲"), today=TODAY)
    b = register.register(person("乙"), today=TODAY)
    assert (a.case_no, b.case_no) == ("〔2026〕第1号", "〔2026〕第2号")
    entries = register.timeline(a.id)
    assert entries[0].kind == "registered" and "条例第三十一条" in entries[0].summary


def test_case_numbers_restart_each_year_by_the_legal_date_received(workspace):
    # Arrived by post on 31 December 2025, signed for on 4 January 2026: a 2026 case.
    late = register.register(person("丙", arrived=dt.date(2025, 12, 31), channel="邮寄",
                                    confirmed_on=dt.date(2026, 1, 4)), today=TODAY)
    old = register.register(person("丁", arrived=dt.date(2025, 12, 30)), today=TODAY)
    new = register.register(person("戊", arrived=dt.date(2026, 1, 5)), today=TODAY)
    assert late.case_no == "〔2026〕第1号" and late.received_on == dt.date(2026, 1, 4)
    assert old.case_no == "〔2025〕第1号"
    assert new.case_no == "〔2026〕第2号"


def test_a_refused_request_burns_no_number(workspace):
    with pytest.raises(ValidationError) as info:
        register.register(person(id_number="110105194912310021"), today=TODAY)
    assert "校验位" in info.value.errors["id_number"]
    assert register.count(CaseQuery()) == 0
    assert register.register(person(), today=TODAY).case_no == "〔2026〕第1号"


def test_a_failing_insert_rolls_back_the_number(workspace, db_path):
    register.register(person(), today=TODAY)
    # A case number that already exists makes the insert fail inside the transaction.
    database.execute_sql("UPDATE sequence SET last = 0 WHERE name = 'case' AND year = 2026")
    with pytest.raises(Exception):
        register.register(person("己"), today=TODAY)
    assert database.execute_sql("SELECT last FROM sequence WHERE name='case' AND year=2026").fetchone() == (0,)
    assert database.execute_sql("SELECT COUNT(*) FROM request").fetchone() == (1,)


def test_edit_records_what_changed_with_masked_ids(workspace):
    case = register.register(person(), today=TODAY)
    data = register.as_data(case)
    data.phone = "13900001111"
    data.id_number = "91350100M000100Y43"
    data.id_type = "统一社会信用代码"
    data.applicant_type, data.applicant_kind = "organisation", "商业企业"
    data.legal_rep, data.contact_person = "李四", "王五"
    register.update(case.id, data, today=TODAY)
    edited = [e for e in register.timeline(case.id) if e.kind == "edited"][0]
    assert "联系电话：13812345678 → 13900001111" in edited.summary
    assert "110105********002X → 913501********0Y43" in edited.summary


def test_search_matches_number_applicant_and_content(workspace):
    register.register(person("张三", info_description="宅基地审批"), today=TODAY)
    register.register(person("李四", info_description="危房改造名单"), today=TODAY)
    assert [r.name for r in register.list_rows(CaseQuery(text="危房"))] == ["李四"]
    assert [r.name for r in register.list_rows(CaseQuery(text="张"))] == ["张三"]
    assert [r.name for r in register.list_rows(CaseQuery(text="第2号"))] == ["李四"]
    assert register.count(CaseQuery(text="不存在的词")) == 0


def test_outcome_sets_status_and_checks_dates(workspace):
    case = register.register(person(), today=TODAY)
    with pytest.raises(ValidationError) as info:
        register.record_outcome(case.id, "3.1", dt.date(2026, 3, 1))
    assert info.value.errors["answered_on"] == "答复日期不能早于收到申请日期"
    done = register.record_outcome(case.id, "6.3", dt.date(2026, 3, 30))  # e.g. withdrawn by the applicant
    assert (done.status, done.outcome) == ("已办结", "6.3")


@pytest.mark.parametrize("arrived", [dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(2008, 4, 30)])
def test_a_request_dated_before_the_regulation_is_refused(workspace, arrived):
    with pytest.raises(ValidationError) as info:
        register.register(person(arrived=arrived), today=TODAY)
    assert "2008年5月1日" in info.value.errors["arrived_on"]
    assert register.count(CaseQuery()) == 0
    case = register.register(person(arrived=dt.date(2008, 5, 1)), today=TODAY)
    assert case.case_no == "〔2008〕第1号"
    with pytest.raises(ValidationError, match="2008年5月1日"):
        register.register(person(channel="网络平台", arrived=dt.date(2008, 5, 1), confirmed_on=dt.date(1, 1, 1)),
                          today=TODAY)


def test_identity_numbers_are_stored_in_one_form(workspace):
    from app.domain.request import mask_id

    case = register.register(person(id_number=" 1101 0519 4912 3100 2x ", id_type="居民身份证"), today=TODAY)
    assert register.get_case(case.id).id_number == "11010519491231002X"
    other = register.register(person(name="李四", id_type="护照", id_number="e 1234 5678"), today=TODAY)
    assert register.get_case(other.id).id_number == "E12345678"
    assert mask_id(register.get_case(case.id).id_number) == "110105********002X"


def test_a_save_another_desk_collided_with_runs_again_whole(workspace, monkeypatch):
    """WriteConflict: the server rolled the save back (a serialization failure or a deadlock with
    another desk, docs/server.md); it runs again and takes its number once."""
    from app.services import register as service
    from app.store.errors import WriteConflict

    real, calls = service.audit.record, []

    def collides_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise WriteConflict("另一台电脑同时在修改同样的记录，本次修改没有保存（已全部撤回），请重试。")
        return real(*args, **kwargs)

    monkeypatch.setattr(service.audit, "record", collides_once)
    assert register.register(person(), today=TODAY).case_no == "〔2026〕第1号"
    assert len(calls) == 2 and register.count(CaseQuery()) == 1


def test_a_save_that_keeps_colliding_is_told_and_saves_nothing(workspace, monkeypatch):
    from app.services import register as service
    from app.store.errors import WriteConflict

    def collides(*args, **kwargs):
        raise WriteConflict("另一台电脑同时在修改同样的记录，本次修改没有保存（已全部撤回），请重试。")

    monkeypatch.setattr(service.audit, "record", collides)
    with pytest.raises(WriteConflict, match="请重试"):
        register.register(person(), today=TODAY)
    assert register.count(CaseQuery()) == 0
    assert database.execute_sql("SELECT count(*) FROM sequence WHERE last > 0").fetchone() == (0,)
