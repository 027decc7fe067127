"""Faults of a database server as the clerk meets them (docs/server.md, "When the server fails"): the
server stopped in the middle of a save (she is told, nothing is half-saved, the program connects
again once it is back), the server down at start, a wrong password, a server nobody listens on.

These tests stop and start a cluster of their own (tests/pg_server.py), so they need PostgreSQL's
programs; the session's server is left alone."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.request import CaseQuery, RequestData
from app.services import register, settings
from app.services.demo import demo_settings
from app.services.errors import StoreError
from app.services.workspace import close_workspace, open_workspace
from app.store import db as store_db
from app.store.errors import LoginRefused, ServerUnavailable
from app.store.schema import AuditEntry, Event, Sequence
from tests import pg_server as pg

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def cluster():
    """A cluster of these tests' own, to stop and start (skipped without PostgreSQL's programs)."""
    try:
        own = pg.start_cluster()
    except pg.Unavailable as exc:
        pg.require(pg.Unavailable(f"这些测试要启动和停止自己的 PostgreSQL：{exc}"))
    yield own
    own.remove()


@pytest.fixture
def url(cluster):
    server = pg.Server(cluster.url)
    made = server.new_database()
    open_workspace(made)
    settings.save(demo_settings())
    yield made
    close_workspace()
    if not _running(cluster):
        cluster.start()
    server.drop(made)


def _running(cluster: pg.Cluster) -> bool:
    import subprocess

    return subprocess.run([str(cluster.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(cluster.port)],
                          capture_output=True).returncode == 0


def person(name: str) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")


def test_the_server_stopped_in_the_middle_of_a_save(url, cluster, monkeypatch):
    first = register.register(person("甲"), today=TODAY)
    events = Event.select().count()
    from app.services import register as service

    real_record = service.audit.record

    def stop_then_record(*args, **kwargs):
        cluster.stop("fast")  # the case row and its number are written, the audit entry not yet
        return real_record(*args, **kwargs)

    monkeypatch.setattr(service.audit, "record", stop_then_record)
    with pytest.raises(ServerUnavailable) as info:
        register.register(person("乙"), today=TODAY)
    message = str(info.value)
    assert "连接中断" in message and "没有完成" in message and "撤回" in message and "重新连接" in message
    assert "Traceback" not in message and cluster.password not in message
    monkeypatch.setattr(service.audit, "record", real_record)

    with pytest.raises(ServerUnavailable, match="无法连接数据库服务器"):  # still down: told again, plainly
        register.count(CaseQuery())
    cluster.start()
    # Back: the program connects again by itself, and nothing of the failed save is there.
    assert [r.name for r in register.list_rows(CaseQuery())] == ["甲"]
    assert Event.select().count() == events
    assert Sequence.get((Sequence.name == "case") & (Sequence.year == 2026)).last == 1
    second = register.register(person("乙"), today=TODAY)
    assert (first.case_no, second.case_no) == ("〔2026〕第1号", "〔2026〕第2号")
    assert AuditEntry.select().where(AuditEntry.entity_id == str(second.id)).count() == 1


def test_a_restarted_server_is_reconnected_on_the_next_read_and_write(url, cluster):
    register.register(person("甲"), today=TODAY)
    cluster.stop("fast")
    cluster.start()
    assert register.count(CaseQuery()) == 1  # the old connection is gone; a new one is made
    assert register.register(person("乙"), today=TODAY).case_no == "〔2026〕第2号"


def test_the_server_down_at_start_is_told_and_nothing_opens(url, cluster):
    close_workspace()
    cluster.stop("fast")
    with pytest.raises(ServerUnavailable) as info:
        open_workspace(url)
    assert "无法连接数据库服务器" in str(info.value) and "127.0.0.1" in str(info.value)
    assert cluster.password not in str(info.value)
    assert not store_db.is_open()
    cluster.start()
    open_workspace(url)
    assert settings.load().short_name == "茅畲乡"


def test_a_wrong_password_is_told_and_nothing_opens(url, cluster):
    close_workspace()
    wrong = url.replace(cluster.password, "wrong-password")
    with pytest.raises(LoginRefused) as info:
        open_workspace(wrong)
    assert "用户名或密码不正确" in str(info.value) and "wrong-password" not in str(info.value)
    assert not store_db.is_open()


def test_no_such_database_and_no_server_at_all_are_told(url, cluster):
    close_workspace()
    with pytest.raises(StoreError, match="没有名为“nothing_here”的数据库"):
        open_workspace(pg.with_database(url, "nothing_here"))
    nobody = url.replace(f":{cluster.port}/", f":{pg.free_port()}/")
    with pytest.raises(ServerUnavailable, match="服务器拒绝连接"):
        open_workspace(nobody)
    assert not store_db.is_open()
