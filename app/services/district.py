"""A district on one server (docs/district.md): setting it up (offices, people, roles) and the 区级
login's live view — every office's limits, archives and 舆情, and the annual report over all offices.

The separation of offices is the server's (store.district: row-level security keyed on the login);
this module only asks. The 区级 login reads one office at a time by looking at it
(`store.district.look_at`): the existing register, home and report code then sees that office's
rows alone, so the district's figures are the offices' own figures, computed by the same code.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.calendar import WorkCalendar
from app.domain.clock import SOON_WORKING_DAYS
from app.domain.request import CONCLUDED_STATUSES, STATUSES
from app.services.errors import ServiceError
from app.services.workspace import Workspace, open_workspace
from app.store import district as store

if TYPE_CHECKING:  # the report's domain loads with the report, not with the window (start-up)
    from app.domain import annual_report as ar

ROLES = store.ROLES
# The year must be archived by 31 January of the next (docs/district.md, 归档).
ARCHIVE_BY = (1, 31)


# ---- setting a district up (IT) -------------------------------------------------------------------

def init(url: str) -> Workspace:
    """Create (or bring up to date) the program's schema on the server, then the roles, privileges and
    row-level security (idempotent). Run as the database's owner with the right to create roles."""
    workspace = open_workspace(url, create=True)
    store.install()
    return workspace


def search_through_policies() -> bool:
    """Whether the open district server searches an office's register through its indexes (the
    operators are LEAKPROOF, which only a superuser's `server init` can declare; docs/district.md)."""
    return store.search_through_policies()


def add_office(url: str, code: str, name: str) -> None:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ServiceError("单位代码和名称都不能为空")
    open_workspace(url, create=False)
    store.add_office(code, name)


def add_user(url: str, login: str, office: str | None, role: str, password: str | None = None) -> None:
    if not login.strip():
        raise ServiceError("用户名不能为空")
    open_workspace(url, create=False)
    store.add_user(login.strip(), (office or "").strip() or None, role, password)


def list_users(url: str) -> list[store.Login]:
    open_workspace(url, create=False)
    return store.list_users()


def whoami() -> tuple[str, str]:
    """(office code, role key) of the open database's login; ("", "") outside a district."""
    return store.whoami()


@dataclass(frozen=True)
class Desk:
    """Who this desk is logged in as: a file office has no login and is one office (role "")."""

    login: str
    office: str
    role: str  # a key of ROLES, "" outside a district

    @property
    def is_district(self) -> bool:
        """The 区级 login: reads every office, writes nothing (docs/district.md)."""
        return self.role == "district"

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, "")


def desk() -> Desk:
    """The open database's login, its office and role (the server's `office_login`, read through
    `store.district`); a file, or a server that is not a district, is one office: role ""."""
    from app.store import db as store_db

    if not store_db.on_server():
        return Desk("", "", "")
    office, role = store.whoami()
    return Desk(store.rights().login, office, role)


def is_district_login() -> bool:
    return desk().is_district


# ---- looking at one office -------------------------------------------------------------------------

@contextlib.contextmanager
def looking_at(office: str) -> Iterator[None]:
    """Everything read inside sees `office`'s rows alone (for the 区级 login; others see their own)."""
    from app.services import work_calendar

    store.look_at(office)
    work_calendar.invalidate()  # the calendar is the office's own
    try:
        yield
    finally:
        store.look_at("")
        work_calendar.invalidate()


# ---- the district's home page -----------------------------------------------------------------------

@dataclass(frozen=True)
class OfficeLine:
    code: str
    name: str
    overdue: int
    due_soon: int
    year_archived: bool | None  # None before 1 February: not yet due
    open_opinions: int


@dataclass(frozen=True)
class DistrictHome:
    today: dt.date
    archive_year: int
    lines: list[OfficeLine]

    @property
    def not_archived(self) -> list[OfficeLine]:
        return [line for line in self.lines if line.year_archived is False]

    @property
    def totals(self) -> dict[str, int]:
        return {"overdue": sum(x.overdue for x in self.lines), "due_soon": sum(x.due_soon for x in self.lines),
                "open_opinions": sum(x.open_opinions for x in self.lines), "not_archived": len(self.not_archived)}


def home(today: dt.date) -> DistrictHome:
    """Every office's overdue and due-soon open cases (the cached nearest limit, as each office's own
    home page keeps it), whether last year is archived once 31 January has passed, and open 舆情."""
    soon_until = WorkCalendar().add_working_days(today, SOON_WORKING_DAYS)
    open_statuses = tuple(s for s in STATUSES if s not in CONCLUDED_STATUSES)
    due = store.due_counts(today, soon_until, open_statuses)
    year = today.year - 1
    archive_due = today > dt.date(today.year, *ARCHIVE_BY)
    archived = store.archived_years(year) if archive_due else set()
    opinions = store.open_opinion_counts()
    lines = [OfficeLine(o.code, o.name, *due.get(o.code, (0, 0)),
                        (o.code in archived) if archive_due else None, opinions.get(o.code, 0))
             for o in store.offices()]
    return DistrictHome(today, year, lines)


# ---- the district's annual report --------------------------------------------------------------------

@dataclass
class DistrictReport:
    year: int
    offices: list[store.Office]
    reports: dict[str, object] = field(default_factory=dict)  # office code → annual_report.Report
    t2: ar.Table2 | None = None
    t3: ar.Table3 | None = None
    t4: ar.Table4 | None = None

    @property
    def errors(self) -> list[ar.BalanceError]:
        from app.domain import annual_report as ar

        return ar.check_balance(self.t3, self.t4)

    def breakdown(self, row: str, column: int | str) -> dict[str, int]:
        """Table 3's cell (row, column) of each office (its sum is the district's cell)."""
        from app.domain import annual_report as ar

        try:
            return {code: report.t3.cell(row, column) for code, report in self.reports.items()}
        except KeyError as exc:
            raise ServiceError(f"{exc.args[0]}（行可用：{'、'.join(ar.ROW_KEYS)}；列可用：{'、'.join(ar.COLUMNS)}）") from None

    def breakdown_t4(self, kind: str, column: int | str) -> dict[str, int]:
        return {code: report.t4.cell(kind, column) for code, report in self.reports.items()}


def annual_report(year: int) -> DistrictReport:
    """Tables 2–4 of `year` for each office (its own annual report, counted by the same code) and
    summed cell by cell as `sum-reports` sums the offices' exported files."""
    from app.services import annual_report as office_report
    from app.services.report_export import sum_tables

    offices = store.offices()
    if not offices:
        raise ServiceError("服务器上还没有单位；请先用 server add-office 添加")
    result = DistrictReport(year, offices)
    for office in offices:
        with looking_at(office.code):
            result.reports[office.code] = office_report.build(year)
    reports = list(result.reports.values())
    result.t2 = sum_tables(r.t2 for r in reports)
    result.t3 = sum_tables(r.t3 for r in reports)
    result.t4 = sum_tables(r.t4 for r in reports)
    return result


def export(report: DistrictReport, out_path) -> None:
    """The district's table as `sum-reports` writes it (the national layout, with the number of units)."""
    from app.services.report_export import export_xlsx

    export_xlsx(report.year, f"{len(report.offices)}个单位汇总", report.t2, report.t3, report.t4, out_path,
                units=len(report.offices))


# ---- an office alone on the server before `server init` keeps its history -------------------------

def assign_office(url: str, code: str) -> int:
    """Give the rows written before `server init` (office "") to the office `code` (IT, as the
    database's owner): the office that was alone on the server keeps its history; the number of rows.
    Recorded in that office's audit trail."""
    from app.store import audit
    from app.store.db import atomic

    code = code.strip()
    if not code:
        raise ServiceError("单位代码不能为空")
    open_workspace(url, create=False)
    store.refuse_unless_it("把原有数据划归单位")
    with atomic():
        waiting = store.unassigned_rows()
        if waiting == 0:
            raise ServiceError("服务器上没有尚未划归单位的数据（server init 之前写入的数据），无需划归。")
        # written as office "" and given with the rest, so the entry is the office's own
        audit.record("database", code, "把区级初始化之前的数据划归本单位", {"office": ["", code], "rows": [None, waiting]})
        return store.assign_unassigned(code)
