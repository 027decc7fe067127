"""A township's file joining a district (docs/district.md, "A township that joins later"): how long
`migrate-to` takes when the rows take new ids, against the same file moved into a server no office has
used yet (its rows keep their ids), measured in the same run. A plain script, not a test.

    python bench/bench_join.py [--cases 20000] [--url URL]

Without --url a PostgreSQL cluster is started for the run (tests/pg_server.py, durable defaults) and
removed afterwards; with --url (a superuser's) new databases are made on it and dropped. The file is
the benchmarks' demo office (bench/common.py, cached in ZWGK_BENCH_WORK), copied first so the cache is
never written. Each move is made --rounds times in turn and the fastest counts. Each database is set up with the program's own commands; in the second one another
office registers --others demo requests first. No budget: the move is done once per township (it has
to stay within an evening's work); the figure is said beside its baseline and the machine's load.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, database, env, line, load  # noqa: E402

PASSWORD = "bench-join"


def _cli(*argv: str, stdin: str | None = None) -> None:
    try:  # the progress lines on stderr are said on failure only
        subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, env=env(), check=True, input=stdin, text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except subprocess.CalledProcessError as exc:
        print(exc.stderr, file=sys.stderr)
        raise


def _login_url(url: str, login: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{quote(login, safe='')}:{PASSWORD}@{parts.hostname}:{parts.port}"))


def _office(url: str, code: str) -> str:
    """Office `code` with its 单位管理员 on the district at `url`; the admin's URL."""
    name = urlsplit(url).path.strip("/")
    login = f"{name}_{code}_admin"
    _cli("--db", url, "server", "add-office", code, f"单位{code}")
    _cli("--db", url, "server", "add-user", login, "--office", code, "--role", "admin", "--password-stdin",
         stdin=PASSWORD + "\n")
    return _login_url(url, login)


def _moved(server, source: Path, others: int) -> float:
    """Seconds of `migrate-to` of `source` as a new office's admin into a new district where another office
    registered `others` requests first (0: a server no office has used)."""
    url = server.new_database()
    _cli("server", "init", url)
    if others:
        _cli("--db", _office(url, "first"), "demo-data", "--year", "2026", "--count", str(others))
    admin = _office(url, "joins")
    start = time.perf_counter()
    _cli("--db", str(source), "migrate-to", admin)
    seconds = time.perf_counter() - start
    server.drop(url)
    _drop_roles(server.url, urlsplit(url).path.strip("/"))
    return seconds


def _drop_roles(admin_url: str, name: str) -> None:
    """The database's logins and group roles (roles are the cluster's, named after the database)."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as con:
        for (role,) in con.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (name + "_",)).fetchall():
            con.execute(f'DROP ROLE IF EXISTS "{role}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--others", type=int, default=200, help="requests the first office registers")
    parser.add_argument("--rounds", type=int, default=2, help="each move this often, in turn; the fastest counts")
    parser.add_argument("--url", help="a PostgreSQL superuser's URL (default: a throwaway cluster)")
    args = parser.parse_args()
    from tests import pg_server

    cluster = None
    server = pg_server.Server(args.url) if args.url else pg_server.Server(
        (cluster := pg_server.start_cluster(fast=False)).url, cluster)
    private = Path(tempfile.mkdtemp(prefix="zwgk-bench-join-"))
    try:
        source = private / "joins.sqlite"
        shutil.copyfile(database(args.cases), source)  # migrate-to checks the file and may bring it up to date
        print(f"{args.cases:,} demo requests in the file; {load()}", flush=True)
        kept, renumbered = float("inf"), float("inf")
        for _round in range(args.rounds):  # in turn, so a change of the machine's load falls on both
            kept = min(kept, _moved(server, source, 0))
            renumbered = min(renumbered, _moved(server, source, args.others))
        print(line("migrate-to, a server no office has used (ids kept)", kept, None)[0])
        print(line(f"migrate-to, after another office ({args.others} requests): new ids", renumbered, None,
                   baseline=kept, baseline_label="ids kept")[0])
        print(load(), flush=True)
    finally:
        shutil.rmtree(private, ignore_errors=True)
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
