"""The annual report (国办公开办函〔2021〕30号) counted from the register, checked, exported.

Every figure of tables 3 and 4 is a count over stored outcome codes, applicant kinds and dates
(docs/architecture.md); table 2's 规章/行政规范性文件 rows come from the proactive register, its 收费金额
row from the 信息处理费 recorded as paid, its other rows are entered by hand and kept per year.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.domain import annual_report as ar
from app.domain.request import CaseRow
from app.services import files, settings as office
from app.services.errors import ServiceError, ValidationError
from app.store import audit, kv, report as store
from app.store.db import atomic

# Table 2's rows entered by hand. Its 收费金额 row is not among them: it is the 信息处理费 recorded as
# paid in the year (国办函〔2020〕109号; the fee notices and payments on the timelines), in 万元.
MANUAL_FIELDS = {"licensing": "行政许可 本年处理决定数量", "penalties": "行政处罚 本年处理决定数量",
                 "coercion": "行政强制 本年处理决定数量"}


@dataclass
class Report:
    year: int
    t2: ar.Table2
    t3: ar.Table3
    t4: ar.Table4
    errors: list[ar.BalanceError] = field(default_factory=list)
    fee_notices: int = 0
    fees_collected_yuan: Decimal = Decimal(0)

    @property
    def balanced(self) -> bool:
        return not self.errors


def _manual_key(year: int) -> str:
    return f"annual_report:{year}:table2"


def manual_table2(year: int) -> dict[str, str]:
    """The hand-entered rows of table 2 for `year` (strings as typed)."""
    return {k: str(v) for k, v in kv.get(_manual_key(year), {}).items()}


def save_manual_table2(year: int, values: dict[str, object]) -> None:
    errors, clean = {}, {}
    for name, label in MANUAL_FIELDS.items():
        raw = str(values.get(name, "0") or "0").strip()
        try:
            number = Decimal(raw)
        except ArithmeticError:
            errors[name] = f"{label}应为数字"
            continue
        if number < 0 or number != int(number):
            errors[name] = f"{label}应为非负整数"
            continue
        clean[name] = str(int(number))
    if errors:
        raise ValidationError(errors)
    old = kv.get(_manual_key(year), {})
    with atomic():
        kv.put(_manual_key(year), clean)
        audit.record("annual_report", year, "修改表二手工填报数", {k: [old.get(k), v] for k, v in clean.items()
                                                                if old.get(k) != v})


def _proactive_docs() -> list[ar.ProactiveDoc]:
    """规章/行政规范性文件 from the proactive register, where the office keeps one."""
    try:
        from app.services import proactive
    except ImportError:
        return []
    return list(proactive.table2_docs()) if hasattr(proactive, "table2_docs") else []


def build(year: int) -> Report:
    """Tables 2–4 of `year` with their balance check (国办公开办函〔2021〕30号)."""
    # Table 3 as the database counts it, grouped (the cells are the domain's: ar.table3_from_groups).
    groups, wrong = store.table3_groups(year)
    if wrong is not None:
        raise ValueError(f"申请{wrong}的办结日期早于收到日期")
    t3 = ar.table3_from_groups(groups)
    disputes = [(ar.ReportDispute(*one), count) for one, count in store.report_disputes(year)]
    manual = {k: int(v) for k, v in manual_table2(year).items() if k in MANUAL_FIELDS}
    notices, yuan = store.fees_of_year(year)
    t2 = ar.table2(_proactive_docs(), year, **manual, fees_wan=yuan / Decimal(10000))
    t4 = ar.table4_from_groups(disputes, year)
    return Report(year, t2, t3, t4, ar.check_balance(t3, t4), notices, yuan)


def to_json(report: Report) -> str:
    return ar.to_json(report.year, report.t3, report.t4)


def cases_in_cell(report: Report, row: str, column: int | str) -> list[CaseRow]:
    """The register lines counted in one cell of table 3 (the report page lists them on click)."""
    from app.store import register as cases

    if report.t3.leaf_ids:  # counted from records, which kept them
        return cases.rows_by_ids([int(i) for i in report.t3.case_ids(row, column)])
    return cases.rows_by_ids(store.leaf_case_ids(report.year, ar.cell_leaves(row, column)))


def export(report: Report, out_dir: Path | str, override_note: str = "") -> list[Path]:
    """Write the tables (.xlsx, the national layout) and the whole report (.docx, sections 一–六).

    An unbalanced report is refused unless the clerk overrides it with a note, which is audited."""
    from app.services import report_export

    if report.errors and not override_note.strip():
        raise ServiceError("年度报告数据不平衡，不能导出：\n" + "\n".join(str(e) for e in report.errors)
                           + "\n请先核对数据，或填写说明后强制导出。")
    cfg = office.load()
    out = files.make_folder(out_dir)
    stem = f"{cfg.short_name or cfg.office_name}{report.year}年度政府信息公开工作年度报告"
    from app.services import duties

    texts = ar.draft_texts(report.year, cfg.office_name, report.t2, report.t3, report.t4,
                           fee_notices=report.fee_notices, fees_collected_yuan=report.fees_collected_yuan,
                           duties=duties.annual_figures(report.year))
    forced = bool(report.errors)
    xlsx = report_export.export_xlsx(report.year, cfg.office_name, report.t2, report.t3, report.t4,
                                     out / f"{stem}（统计表）.xlsx", allow_unbalanced=forced)
    try:
        docx = report_export.export_docx(report.year, cfg.office_name, report.t2, report.t3, report.t4, texts,
                                         out / f"{stem}.docx", allow_unbalanced=forced)
    except BaseException:
        files.remove_quietly(xlsx)  # the two files go out together or not at all
        raise
    if forced:
        with atomic():
            audit.record("annual_report", report.year, "强制导出不平衡的年度报告",
                         {"note": [None, override_note.strip()], "errors": [None, [str(e) for e in report.errors]]})
    return [xlsx, docx]


def sum_reports(folder: Path | str, out_path: Path | str):
    """The county's table: the units' exported .xlsx files added cell by cell."""
    from app.services import report_export

    try:
        return report_export.sum_reports(folder, out_path)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None
