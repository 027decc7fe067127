"""A district on one PostgreSQL server on localhost (docs/district.md): offices × cases at several
sizes, clients working at once, the 区级 page. A plain script, not a test.

    python bench/bench_district.py [--offices 5,10,20] [--cases 20000] [--clients 10] [--seconds 30] [--url URL]
                                   [--pace]

Without --url a PostgreSQL cluster is started for the run (tests/pg_server.py, durable defaults) and
removed afterwards; with --url (a superuser's) a new database is made on it. The district is set up
with the program's own commands (`server init`, `add-office`, `add-user`). The first office is a demo
office of --cases requests (`demo-data` into a file, cached in /tmp/zwgk-bench-district, then
`migrate-to` as that office's 单位管理员); every other office is a copy of it made on the server (the
requests, their timelines, settings and numbers, with the office changed), so each office holds the
same register and the sizes grow 5 → 10 → 20 in one database.

At each size:
1. Search as you type, one clerk alone: per keystroke the first page and the count up to 1000, as
   the register page asks them (`register.search` with the page's PAGE and COUNT_AT_MOST; p50, p95,
   max). Budget: p95 ≤ 100 ms.
2. The district page as the 区级 login (every office's overdue / due-soon / archive / 舆情): median of 5.
   Budget: ≤ 2 s. And the district's annual report (each office's tables 2–4, summed): one run.
3. --clients processes, each a clerk of an office (round robin), for --seconds: register a request
   with its 申请接收回执 (a 文号), type a search of four keystrokes, open a case (its record and
   timeline) — while the 区级 page is recounted in a loop. Then: errors (must be 0), every
   registration a client reported is in its office (no lost write), and each office's numbers of the
   year are 1…n without a gap or a duplicate. The clients work without a pause: ten processes
   each wanting a core all the time, more than ten clerks ever ask of the server.
4. With --pace, step 3 again with each client paced as a clerk works: a keystroke every
   TYPING_S (a fast typist; the register's own debounce is 150 ms), and a pause of THINK_S between one
   action and the next (reading the screen, speaking with the applicant; a registration itself
   takes a clerk minutes of typing, not counted). Both runs are printed, the unpaced one first.
Beside each run's keystrokes: their time less the waits for a core of the client's thread and of its
server process (Linux's schedstat; the two may overlap a little, so a figure can fall below 0), and
the CPU the two used: what is the program's, apart from a machine shared with other work.

`--keep` keeps the district's database (its name is printed); `--again NAME` measures it again
(with --url), adding the offices it lacks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path("/tmp/zwgk-bench-district")
PASSWORD = "bench-district"
WORDS = ["王丽", "上垟村", "〔2026〕第123", "土地征收补偿", "xyz不存在"]  # as bench_register.py
TODAY = dt.date(2026, 3, 6)
REGISTER_TEXTS = ["土地", "王", "补偿方案"]
TYPING_S = 0.25  # --pace: between two keystrokes of a search
THINK_S = (1.0, 3.0)  # --pace: between two actions of a clerk (uniform in this range)


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), ZWGK_DATA_DIR=str(WORK / "userdata"))


def login_url(url: str, login: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{quote(login, safe='')}:{PASSWORD}@{parts.hostname}:{parts.port}"))


def office_code(n: int) -> str:
    return f"o{n:02d}"


def demo_file(count: int) -> Path:
    path = WORK / f"cases-{count}.sqlite"
    if not path.exists():
        print(f"generating {count} demo cases into {path} (once) …", flush=True)
        partial = path.with_suffix(".partial.sqlite")
        subprocess.run([sys.executable, "-m", "app", "--db", str(partial), "demo-data", "--count", str(count)],
                       cwd=ROOT, check=True, env=_env(), stdout=subprocess.DEVNULL)
        for suffix in ("-wal", "-shm", ".lock"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def _cli(*argv: str) -> None:
    subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, env=_env(), check=True,
                   stdout=subprocess.DEVNULL)


# ---- the district's data ---------------------------------------------------------------------------

def set_up(url: str, source: Path) -> None:
    _cli("server", "init", url)
    _cli("--db", url, "server", "add-office", office_code(1), "第1单位")
    for login, role in ((f"{office_code(1)}_admin", "admin"), (f"{office_code(1)}_clerk", "clerk"), ("qu", "district")):
        subprocess.run([sys.executable, "-m", "app", "--db", url, "server", "add-user", login,
                        "--office", office_code(1), "--role", role, "--password-stdin"], cwd=ROOT, env=_env(),
                       input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    _cli("--db", str(source), "migrate-to", login_url(url, f"{office_code(1)}_admin"))
    print(f"office {office_code(1)}: migrate-to of {source.name} {time.perf_counter() - start:.1f} s", flush=True)


_COPIED = ("setting", "sequence")


def copy_office(admin, url: str, n: int) -> None:
    """Office n as a copy of office 1, made on the server (as the superuser; the policies do not bind it)."""
    code = office_code(n)
    _cli("--db", url, "server", "add-office", code, f"第{n}单位")
    subprocess.run([sys.executable, "-m", "app", "--db", url, "server", "add-user", f"{code}_clerk",
                    "--office", code, "--role", "clerk", "--password-stdin"], cwd=ROOT, env=_env(),
                   input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)

    def cols(table: str) -> list[str]:
        return [c for (c,) in admin.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND column_name NOT IN ('id', 'office') ORDER BY ordinal_position",
            (table,)).fetchall()]

    with admin.transaction():
        for table in _COPIED:
            names = ", ".join(f'"{c}"' for c in cols(table))
            admin.execute(f'INSERT INTO "{table}" (office, {names}) SELECT %s, {names} FROM "{table}" '
                          "WHERE office = %s", (code, office_code(1)))
        names = ", ".join(f'"{c}"' for c in cols("request"))
        admin.execute(f"INSERT INTO request (office, {names}) SELECT %s, {names} FROM request WHERE office = %s "
                      "ORDER BY id", (code, office_code(1)))
        event = [c for c in cols("event") if c != "request_id"]
        names = ", ".join(f'e."{c}"' for c in event)
        admin.execute(f"INSERT INTO event (office, request_id, {', '.join(event)}) SELECT %s, n.id, {names} "
                      "FROM event e JOIN request o ON o.id = e.request_id AND o.office = %s "
                      "JOIN request n ON n.office = %s AND n.case_no = o.case_no", (code, office_code(1), code))


# ---- 1. search as you type --------------------------------------------------------------------------

def keystroke(text: str) -> list:
    """What the register page asks of the database for one keystroke (ui/register/model.py): the
    first page and the count up to COUNT_AT_MOST; its rows."""
    from app.domain.request import CaseQuery
    from app.services import register
    from app.ui.register.model import COUNT_AT_MOST, PAGE

    rows, _total = register.search(CaseQuery(text=text), PAGE, COUNT_AT_MOST)
    return rows


def search(url: str) -> list[float]:
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(url, readonly=True, create=False)
    for word in WORDS[:1]:  # warm-up
        keystroke(word)
    timings = []
    for word in WORDS:
        for n in range(1, len(word) + 1):
            start = time.perf_counter()
            keystroke(word[:n])
            timings.append(time.perf_counter() - start)
    close_workspace()
    return timings


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# ---- 2. the district page ----------------------------------------------------------------------------

def district_page(url: str, runs: int = 5) -> tuple[float, float, int]:
    from app.services import district
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(url, readonly=True, create=False)
    district.home(TODAY)  # warm-up
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        page = district.home(TODAY)
        seconds.append(time.perf_counter() - start)
    start = time.perf_counter()
    report = district.annual_report(TODAY.year)
    report_s = time.perf_counter() - start
    close_workspace()
    return statistics.median(seconds), report_s, len(page.lines) and report.t3.cell("new", "总计")


# ---- 3. clients at once ------------------------------------------------------------------------------

def core_waits() -> Callable[[], tuple[float, float]]:
    """A reader of the seconds this client's thread and its server process (the same machine) have
    spent ready to run but waiting for a core, and running (Linux's schedstat); of 0 elsewhere."""
    import threading

    from app.store.base import database

    backend = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    try:
        fds = [os.open(f"/proc/self/task/{threading.get_native_id()}/schedstat", os.O_RDONLY),
               os.open(f"/proc/{backend}/schedstat", os.O_RDONLY)]
    except OSError:
        return lambda: (0.0, 0.0)

    def read() -> tuple[float, float]:
        stats = [os.pread(fd, 64, 0).split() for fd in fds]
        return sum(int(s[1]) for s in stats) / 1e9, sum(int(s[0]) for s in stats) / 1e9

    return read


def worker(url: str, seconds: float, seed: int, pace: bool = False) -> dict:
    """One clerk's desk for `seconds`: register + receipt, a search typed, a case opened; its timings.
    `pace`: with a clerk's pauses (TYPING_S, THINK_S), else none."""
    from app.domain.request import RequestData
    from app.services import notices, register
    from app.services.workspace import open_workspace

    rng = random.Random(seed)

    def pause(seconds: float) -> None:
        if pace:
            time.sleep(seconds)

    open_workspace(url, create=False)
    importlib.import_module("app.ui.register.model")  # keystroke's constants: the import is no keystroke's time
    waited = core_waits()
    print("ready", flush=True)
    sys.stdin.readline()
    done = {"register": [], "search": [], "open": [], "search less waits for a core": [],
            "search CPU, client and server": []}
    errors, registered = [], 0
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        try:
            start = time.perf_counter()
            case = register.register(RequestData(
                name=f"客户{seed}-{n}", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                info_description=f"压测第{seed}号客户第{n}件：土地征收补偿方案", arrived_on=TODAY, channel="当面"),
                today=TODAY)
            notices.issue("申请接收回执", case.id, on_date=TODAY)
            done["register"].append(time.perf_counter() - start)
            registered += 1
            pause(rng.uniform(*THINK_S))
            word = rng.choice(REGISTER_TEXTS + WORDS)
            for k in range(1, min(4, len(word)) + 1):
                pause(TYPING_S)
                start, (waits, ran) = time.perf_counter(), waited()
                rows = keystroke(word[:k])
                done["search"].append(time.perf_counter() - start)
                waits_after, ran_after = waited()
                done["search less waits for a core"].append(done["search"][-1] - (waits_after - waits))
                done["search CPU, client and server"].append(ran_after - ran)
            if rows:
                pause(rng.uniform(*THINK_S))
                start = time.perf_counter()
                picked = rng.choice(rows)
                register.get_case(picked.id)
                register.timeline(picked.id)
                done["open"].append(time.perf_counter() - start)
            pause(rng.uniform(*THINK_S))
        except Exception as exc:  # noqa: BLE001 - counted and reported, the bench goes on
            errors.append(f"{type(exc).__name__}: {exc}")
    return {"timings": done, "errors": errors, "registered": registered}


def clients(url: str, offices: int, count: int, seconds: float, pace: bool = False) -> dict:
    procs = []
    for i in range(count):
        code = office_code(i % offices + 1)
        procs.append((code, subprocess.Popen(
            [sys.executable, __file__, "--worker", login_url(url, f"{code}_clerk"), "--seconds", str(seconds),
             "--seed", str(i), *(["--pace"] if pace else [])], cwd=ROOT, env=_env(), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)))
    for _code, proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    from app.services import district
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(login_url(url, "qu"), readonly=True, create=False)
    for _code, proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    page_times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        district.home(TODAY)
        page_times.append(time.perf_counter() - start)
        time.sleep(0.5)
    close_workspace()
    results = []
    for code, proc in procs:
        out, _err = proc.communicate(timeout=seconds + 120)
        results.append((code, json.loads(out.strip().splitlines()[-1])))
    return {"results": results, "page": page_times}


def check_writes(admin, offices: int, before: dict[str, int], results: list) -> list[str]:
    problems = []
    added: dict[str, int] = {}
    for code, result in results:
        added[code] = added.get(code, 0) + result["registered"]
    for n in range(1, offices + 1):
        code = office_code(n)
        now = admin.execute("SELECT count(*) FROM request WHERE office = %s", (code,)).fetchone()[0]
        if now - before[code] != added.get(code, 0):
            problems.append(f"{code}: {now - before[code]} new requests, clients reported {added.get(code, 0)}")
        seqs = [s for (s,) in admin.execute("SELECT seq FROM request WHERE office = %s AND year = %s ORDER BY seq",
                                            (code, TODAY.year)).fetchall()]
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append(f"{code}: 登记编号 of {TODAY.year} not 1…{len(seqs)}")
        docs = [s for (s,) in admin.execute("SELECT seq FROM document WHERE office = %s AND year = %s AND seq "
                                            "IS NOT NULL AND kind = '申请接收回执' ORDER BY seq",
                                            (code, TODAY.year)).fetchall()]
        if len(set(docs)) != len(docs):
            problems.append(f"{code}: a 文号 given twice")
    return problems


def counts_by_office(admin) -> dict[str, int]:
    return dict(admin.execute("SELECT office, count(*) FROM request GROUP BY office").fetchall())


def run_clients(admin, url: str, size: int, clients_n: int, seconds: float, pace: bool) -> float:
    """Step 3 (or 4, paced) at one size, printed; the search's p95."""
    before = counts_by_office(admin)
    run = clients(url, size, clients_n, seconds, pace)
    merged: dict[str, list[float]] = {}
    errors, registered = [], 0
    for _code, result in run["results"]:
        for key, values in result["timings"].items():
            merged.setdefault(key, []).extend(values)
        errors += result["errors"]
        registered += result["registered"]
    problems = check_writes(admin, size, before, run["results"])
    one, five, _ = os.getloadavg()
    how = f"paced as clerks (keystrokes {TYPING_S:g} s apart, {THINK_S[0]:g}–{THINK_S[1]:g} s between actions)" \
        if pace else "unpaced"
    print(f"{clients_n} clients for {seconds:.0f} s, {how}: {registered} registrations with receipts "
          f"({registered / seconds:.1f}/s), errors {len(errors)}, lost or doubled writes {len(problems)} "
          f"(load {one:.1f}/{five:.1f} on {os.cpu_count()} cores)")
    for key, values in merged.items():
        if values:
            print(f"  {key:<8} n {len(values):>5}  p50 {ms(_p(values, .5)):>7}  p95 "
                  f"{ms(_p(values, .95)):>7}  max {ms(max(values)):>7}")
    page = run["page"]
    print(f"  district page under load  n {len(page)}  p50 {ms(_p(page, .5))}  p95 {ms(_p(page, .95))}"
          f"  max {ms(max(page))}", flush=True)
    for line in (errors[:5] + problems[:5]):
        print(f"  ! {line}")
    return _p(merged["search"], .95) if merged.get("search") else 0.0


# ---- the run -----------------------------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", default="5,10,20")
    parser.add_argument("--cases", type=int, default=20000, help="requests per office")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--url", help="a PostgreSQL superuser's URL (default: a throwaway cluster)")
    parser.add_argument("--keep", action="store_true", help="keep the database (with --url)")
    parser.add_argument("--again", metavar="DATABASE", help="measure a database kept by an earlier run "
                        "(with --url; offices it lacks are added)")
    parser.add_argument("--pace", action="store_true", help="also run the clients paced as clerks (step 4)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.seconds, args.seed, args.pace), ensure_ascii=False), flush=True)
        return 0
    if args.again and not args.url:
        parser.error("--again needs --url")
    import psycopg

    from tests import pg_server
    from tests.pg_server import with_database

    WORK.mkdir(parents=True, exist_ok=True)
    source = demo_file(args.cases)
    if args.url:
        server = pg_server.Server(args.url)
    else:
        server = pg_server.Server((cluster := pg_server.start_cluster(fast=False)).url, cluster)
    try:
        if args.again:
            url = with_database(args.url, args.again)
        else:
            url = server.new_database()
            set_up(url, source)
            print(f"the district's database: {urlsplit(url).path.strip('/')} (--keep, then --again it)", flush=True)
        with psycopg.connect(url, autocommit=True) as admin:
            made = admin.execute("SELECT count(*) FROM office").fetchone()[0]
            for size in [int(x) for x in args.offices.split(",")]:
                start = time.perf_counter()
                for n in range(made + 1, size + 1):
                    copy_office(admin, url, n)
                made = max(made, size)
                admin.execute("ANALYZE")
                total = admin.execute("SELECT count(*) FROM request").fetchone()[0]
                print(f"\n== {size} offices, {total} requests on the server (copies made in "
                      f"{time.perf_counter() - start:.0f} s)", flush=True)
                timings = search(login_url(url, f"{office_code(1)}_clerk"))
                print(f"search as you type, one clerk alone      p50 {ms(_p(timings, .5))}  p95 "
                      f"{ms(_p(timings, .95))}  max {ms(max(timings))}  (budget p95 ≤ 100 ms)", flush=True)
                page_s, report_s, new_cases = district_page(login_url(url, "qu"))
                print(f"district page (区级), idle                median {ms(page_s)}  (budget ≤ 2 s)")
                print(f"district annual report {TODAY.year}, all offices  {ms(report_s)}  "
                      f"(table 3 new requests {new_cases})", flush=True)
                searched = {}
                for pace in (False, True) if args.pace else (False,):
                    searched[pace] = run_clients(admin, url, size, args.clients, args.seconds, pace)
                print(f"search under load p95: unpaced {ms(searched[False])}"
                      + (f", paced as clerks {ms(searched[True])}" if args.pace else "")
                      + "  (budget p95 ≤ 100 ms)", flush=True)
    finally:
        if not (args.keep or args.again):
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
