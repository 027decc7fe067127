"""A PostgreSQL server for the tests' server half (docs/server.md, "Tests").

`ZWGK_TEST_PG_URL` names a server on which the tests may create and drop databases (CI's .ci/run
starts one and sets it). Without it, when PostgreSQL's programs are installed (initdb, pg_ctl), a
throwaway cluster is started for the session in a temporary directory, on a free port of
127.0.0.1, and stopped at the end. Without either, the server half is skipped with SKIP_MESSAGE —
unless `ZWGK_TEST_PG_REQUIRED=1` (CI), which makes that a failure.

A cluster is started as an unprivileged user (initdb refuses root): as root, the `postgres` user of
Debian's package runs it. Its readiness is awaited with pg_isready, bounded, never with sleeps.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

URL_ENV = "ZWGK_TEST_PG_URL"
REQUIRED_ENV = "ZWGK_TEST_PG_REQUIRED"
SKIP_MESSAGE = "PostgreSQL 不可用：设置 ZWGK_TEST_PG_URL 或安装 PostgreSQL 以运行服务器测试"
READY_TIMEOUT_S = 120  # a busy 2-core machine may take a while to start a cluster
RUN_AS = "postgres"


class Unavailable(Exception):
    """No server for the tests, and why."""


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, else Debian's /usr/lib/postgresql/<v>/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_user() -> list[str]:
    """The command prefix that runs PostgreSQL's programs unprivileged."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    try:
        import pwd

        pwd.getpwnam(RUN_AS)
    except KeyError:
        raise Unavailable(f"以 root 运行测试时需要用户 {RUN_AS}（initdb 拒绝以 root 运行）") from None
    if not runuser:
        raise Unavailable("以 root 运行测试时需要 runuser 命令")
    return [runuser, "-u", RUN_AS, "--"]


def _cluster_base() -> str | None:
    """Where a cluster's directory is made: the system's shared /tmp, which the unprivileged user can
    reach (a test's own temporary folder lies under the runner's private one)."""
    shared = Path("/tmp")
    return str(shared) if shared.is_dir() and os.access(shared, os.W_OK) and shared.stat().st_mode & 0o1000 else None


class Cluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1 with password login (scram-sha-256)."""

    def __init__(self, bin_dir: Path, fast: bool = True):
        self.bin = bin_dir
        self.fast = fast
        self.password = secrets.token_hex(8)
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="zwgk-pg-", dir=_cluster_base()))
        self.data = self.dir / "data"
        self.prefix = _as_user()
        if self.prefix:
            shutil.chown(self.dir, RUN_AS)

    @property
    def url(self) -> str:
        return f"postgresql://postgres:{self.password}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = READY_TIMEOUT_S) -> None:
        subprocess.run([*self.prefix, *args], check=True, timeout=timeout, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)

    def init(self) -> "Cluster":
        pwfile = self.dir / "pw"
        pwfile.write_text(self.password + "\n")
        if self.prefix:
            shutil.chown(pwfile, RUN_AS)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "-A", "scram-sha-256", f"--pwfile={pwfile}")
        pwfile.unlink()
        return self

    def start(self) -> "Cluster":
        options = [f"-p {self.port}", "-c listen_addresses=127.0.0.1", f"-c unix_socket_directories={self.dir}",
                   "-c max_connections=60"]
        if self.fast:  # a throwaway cluster: durability is not what the tests are about
            options += ["-c fsync=off", "-c full_page_writes=off", "-c synchronous_commit=off"]
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-o",
                  " ".join(options), "-w", "-t", str(READY_TIMEOUT_S), "start")
        self.wait_ready()
        return self

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        isready = [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-t", "5"]
        while subprocess.run(isready, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            if time.monotonic() > deadline:
                raise Unavailable(f"PostgreSQL 未能在 {READY_TIMEOUT_S} 秒内启动：{self.dir / 'log'}")
            time.sleep(0.2)

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def start_cluster(fast: bool = True) -> Cluster:
    bin_dir = binaries()
    if bin_dir is None:
        raise Unavailable("没有找到 initdb 和 pg_ctl")
    cluster = Cluster(bin_dir, fast)
    try:
        return cluster.init().start()
    except (subprocess.SubprocessError, OSError) as exc:
        cluster.remove()
        detail = getattr(exc, "stderr", b"") or b""
        raise Unavailable(f"无法启动 PostgreSQL：{exc} {detail.decode(errors='replace')[-300:]}") from None


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


class Server:
    """The session's server: makes a fresh database for each test that asks for one."""

    _names = itertools.count(1)

    def __init__(self, url: str, cluster: Cluster | None = None):
        self.url = url
        self.cluster = cluster
        self._made: list[str] = []

    def _admin(self):
        import psycopg

        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        name = f"zwgk_test_{os.getpid()}_{next(self._names)}"
        with self._admin() as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        self._made.append(name)
        return with_database(self.url, name)

    def drop(self, url: str) -> None:
        name = urlsplit(url).path.strip("/")
        with contextlib.suppress(Exception), self._admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._made:
            self._made.remove(name)

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.remove()  # its databases go with it
            return
        for name in list(self._made):
            self.drop(with_database(self.url, name))


def require(found: "Server | Unavailable") -> Server:
    """The server, else skip with the message saying how to get one (a failure where CI requires it)."""
    import pytest

    if isinstance(found, Server):
        return found
    message = f"{SKIP_MESSAGE}（{found}）"
    if os.environ.get(REQUIRED_ENV):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def session_server() -> Server:
    """ZWGK_TEST_PG_URL's server, else a throwaway cluster; raises Unavailable."""
    try:
        import psycopg  # noqa: F401 - the driver the program uses (the `server` extra)
    except ImportError:
        raise Unavailable("没有安装 psycopg（pip install -e \".[test]\"）") from None
    url = os.environ.get(URL_ENV)
    if url:
        return Server(url)
    cluster = start_cluster()
    return Server(cluster.url, cluster)
