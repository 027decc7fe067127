"""A district on one server for the tests (docs/district.md): a fresh database on the session's
PostgreSQL server set up with the program's own IT commands, two offices with their people, and each
office's requests registered through the program. Roles are the cluster's, so every login and group
is named after the test's database and dropped with it."""
from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

import pytest


def _psycopg():
    import psycopg  # the `server` fixture has skipped the test already where it is missing

    return psycopg

PASSWORD = "pw-district-19"


def _login_url(url: str, login: str) -> str:
    parts = urlsplit(url)
    netloc = f"{quote(login, safe='')}:{PASSWORD}@{parts.hostname}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


class District:
    def __init__(self, url: str):
        self.url = url
        self.name = urlsplit(url).path.strip("/")
        self.logins: list[str] = []

    def login(self, who: str) -> str:
        return f"{self.name}_{who}"

    def url_of(self, who: str) -> str:
        return _login_url(self.url, self.login(who))

    def connect(self, who: str, autocommit: bool = True):
        return _psycopg().connect(self.url_of(who), autocommit=autocommit)

    def admin(self):
        return _psycopg().connect(self.url, autocommit=True)


def cli(*argv: str) -> int:
    from app import cli

    return cli.run(list(argv))


@pytest.fixture
def district(server):
    """Offices a (新桥镇) and b (东郊街道), each with a 经办人, a 审核人 and a 单位管理员, and a 区级
    login; a's admin registers 6 requests, b's 4 (through the program)."""
    from app.services import district as service
    from app.store.db import close_database

    url = server.new_database()
    found = District(url)
    people = {"a_clerk": ("a", "clerk"), "a_lead": ("a", "reviewer"), "a_admin": ("a", "admin"),
              "b_clerk": ("b", "clerk"), "b_admin": ("b", "admin"), "qu": (None, "district")}
    try:
        assert cli("server", "init", url) == 0
        assert cli("--db", url, "server", "add-office", "a", "新桥镇") == 0
        assert cli("--db", url, "server", "add-office", "b", "东郊街道") == 0
        for who, (office, role) in people.items():
            service.add_user(url, found.login(who), office, role, PASSWORD)
            found.logins.append(found.login(who))
        close_database()
        assert cli("--db", found.url_of("a_admin"), "demo-data", "--year", "2025", "--count", "6") == 0
        assert cli("--db", found.url_of("b_admin"), "demo-data", "--year", "2025", "--count", "4") == 0
        yield found
    finally:
        close_database()
        server.drop(url)
        with _psycopg().connect(server.url, autocommit=True) as con:
            for role in found.logins + [f"{found.name}_{g}" for g in service.ROLES]:
                con.execute(f'DROP ROLE IF EXISTS "{role}"')
