"""The annual report's arithmetic over plain records (条例第四十九条、第五十条; 国办公开办函〔2021〕30号).

Tables 2, 3 and 4 of the national format (docs/legal/annual-report.md) are counts over plain
records handed in by the store: `ReportCase` (one disclosure request), `ReportDispute` (one
行政复议 or 行政诉讼) and `ProactiveDoc` (one 规章 or 行政规范性文件). Nothing here touches a
database or Qt: a table can also be built from raw numbers (a loaded or edited xlsx, a county's sum)
and checked by `check_balance`.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from decimal import Decimal

from app.domain import disputes
from app.domain.outcomes import BY_CODE, GROUP_LABELS, OUTCOMES, report_row
from app.domain.request import APPLICANT_KINDS

# ---------------------------------------------------------------- table 3: rows and columns

TOTAL = "总计"
COLUMNS: tuple[str, ...] = (*APPLICANT_KINDS, TOTAL)
TOTAL_COLUMN = len(APPLICANT_KINDS)  # index of the 总计 column
GROUPS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6")
SUB_GROUPS: tuple[str, ...] = ("3", "4", "5", "6")  # groups printed as sub-rows 1. 2. …
SUB_ROWS: dict[str, tuple[str, ...]] = {
    g: tuple(o.code for o in OUTCOMES if o.group == g) for g in SUB_GROUPS
}
OUTCOME_ROWS: tuple[str, ...] = ("1", "2", *(c for g in SUB_GROUPS for c in SUB_ROWS[g]))

# Every row key in printed order, with each group row before its sub-rows.
ROW_KEYS: tuple[str, ...] = (
    "new", "carried_in", "1", "2",
    *(k for g in SUB_GROUPS for k in (g, *SUB_ROWS[g])),
    "total", "carried_out",
)
# Rows counted directly from records (the rest are sums of these).
LEAF_ROWS: tuple[str, ...] = ("new", "carried_in", *OUTCOME_ROWS, "carried_out")

ROW_LABELS: dict[str, str] = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_in": "二、上年结转政府信息公开申请数量",
    **GROUP_LABELS,
    **{c: BY_CODE[c].label for g in SUB_GROUPS for c in SUB_ROWS[g]},
    "total": "（七）总计",
    "carried_out": "四、结转下年度继续办理",
}
RESULTS_HEADING = "三、本年度办理结果"
CORNER_TEXT = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

RULE_CORNER = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
RULE_GROUP = "各分项之和应等于所属大项"
RULE_TOTAL_ROW = "（七）总计应等于（一）至（六）之和"
RULE_TOTAL_COLUMN = "总计列应等于自然人与法人或其他组织各列之和"
RULE_NON_NEGATIVE = "数值应为非负整数"
RULE_TABLE4_TOTAL = "总计应等于结果维持、结果纠正、其他结果、尚未审结之和"


def default_year(today: dt.date) -> int:
    """The report is due by 31 January for the year before (条例第四十九条); later in the year the
    clerk looks at the year in progress."""
    return today.year - 1 if today.month <= 3 else today.year


def row_name(key: str) -> str:
    """The row as a clerk can find it in the printed table, e.g. （三）不予公开 1.属于国家秘密."""
    if key in BY_CODE and BY_CODE[key].group in SUB_GROUPS:
        return f"{GROUP_LABELS[BY_CODE[key].group]} {ROW_LABELS[key]}"
    return ROW_LABELS[key]


def column_index(column: int | str) -> int:
    """A column given by index (0–6) or by its printed name (自然人 … 总计)."""
    if isinstance(column, int):
        if 0 <= column < len(COLUMNS):
            return column
    elif column in COLUMNS:
        return COLUMNS.index(column)
    raise KeyError(f"表三没有这一列：{column}")


# ---------------------------------------------------------------- input records


@dataclass(frozen=True)
class ReportCase:
    """One request as the report sees it (docs/legal/requests.md; docs/legal/outcomes.md).

    `concluded_on` decides whether the request is concluded; an `outcome` without it is a draft
    and the request still counts as open. A request without `received_on` (not yet received in
    law, 条例第三十一条: e.g. a letter not yet confirmed) is not counted.
    """

    case_id: object
    received_on: dt.date | None
    applicant_kind: str
    outcome: str | None = None
    concluded_on: dt.date | None = None


@dataclass(frozen=True)
class ReportDispute:
    """One 行政复议 or 行政诉讼 about a disclosure answer (docs/legal/requests.md, 行政争议; table 4)."""

    kind: str  # 行政复议 | 未经复议直接起诉 | 复议后起诉
    received_on: dt.date
    result: str | None = None  # 维持 | 纠正 | 其他结果 | None
    decided_on: dt.date | None = None


@dataclass(frozen=True)
class ProactiveDoc:
    """One 规章 or 行政规范性文件 (条例第二十条第（一）项; table 2)."""

    kind: str  # 规章 | 行政规范性文件
    issued_on: dt.date
    repealed_on: dt.date | None = None


# ---------------------------------------------------------------- table 3


def _as_count(value: object, where: str) -> int:
    """A cell value as an int; Chinese ValueError for text or fractions."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{where}不是整数：{value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise ValueError(f"{where}不是整数：{value!r}")


def _sum_rows(rows: Iterable[Sequence[int]]) -> tuple[int, ...]:
    return tuple(sum(col) for col in zip(*rows))


@dataclass(frozen=True)
class Table3:
    """收到和处理政府信息公开申请情况: 7 numbers per row key (国办公开办函〔2021〕30号 表三).

    `counts` maps every key of ROW_KEYS to (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
    其他, 总计). `leaf_ids` keeps, for tables counted from records, the case_ids behind each
    (leaf row, applicant column); it is empty for tables built from raw numbers.
    """

    counts: Mapping[str, tuple[int, ...]]
    leaf_ids: Mapping[tuple[str, int], tuple] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_counts(cls, counts: Mapping[str, Sequence[object]]) -> Table3:
        """A table from raw numbers (an edited grid, a loaded or summed xlsx).

        Every leaf row, （七）总计 and 四 must be given with 7 numbers; group rows 3–6 are derived
        from their sub-rows when absent (the national table prints no subtotal for them). Numbers
        are kept as given, so `check_balance` can find the cell that breaks a rule.
        """
        table: dict[str, tuple[int, ...]] = {}
        for key in ROW_KEYS:
            if key not in counts:
                if key in SUB_GROUPS:
                    continue
                raise ValueError(f"表三缺少一行：{row_name(key)}")
            values = list(counts[key])
            if len(values) != len(COLUMNS):
                raise ValueError(f"表三「{row_name(key)}」应有{len(COLUMNS)}个数，实际{len(values)}个")
            table[key] = tuple(_as_count(v, f"表三「{row_name(key)}」行「{COLUMNS[i]}」列")
                               for i, v in enumerate(values))
        for g in SUB_GROUPS:
            table.setdefault(g, _sum_rows(table[c] for c in SUB_ROWS[g]))
        return cls({k: table[k] for k in ROW_KEYS})

    def row(self, key: str) -> tuple[int, ...]:
        if key not in self.counts:
            raise KeyError(f"表三没有这一行：{key}")
        return self.counts[key]

    def cell(self, row: str, column: int | str) -> int:
        return self.row(row)[column_index(column)]

    def case_ids(self, row: str, column: int | str) -> list:
        """The case_ids counted in a cell (the UI lists them when a cell is clicked)."""
        self.row(row)
        col = column_index(column)
        cols = range(TOTAL_COLUMN) if col == TOTAL_COLUMN else (col,)
        leaves = _leaves_of(row)
        return [cid for leaf in leaves for c in cols for cid in self.leaf_ids.get((leaf, c), ())]

    def with_cell(self, row: str, column: int | str, value: int) -> Table3:
        """A copy with one number changed (an edit); the balance is not restored."""
        values = list(self.row(row))
        values[column_index(column)] = _as_count(value, f"表三「{row_name(row)}」")
        return Table3({**self.counts, row: tuple(values)})

    def __add__(self, other: Table3) -> Table3:
        """Cell-by-cell sum (a county's table is the sum of its units' tables)."""
        return Table3({k: tuple(a + b for a, b in zip(self.counts[k], other.counts[k])) for k in ROW_KEYS})


def _leaves_of(row: str) -> tuple[str, ...]:
    if row in SUB_GROUPS:
        return SUB_ROWS[row]
    if row == "total":
        return OUTCOME_ROWS
    return (row,)


def _kind_index(kind: str, case_id: object) -> int:
    try:
        return _KIND_INDEX[kind]
    except KeyError:
        raise ValueError(f"申请{case_id}的申请人类别无法计入表三：{kind!r}") from None


_KIND_INDEX = {k: i for i, k in enumerate(APPLICANT_KINDS)}
_OUTCOME_ROW = {code: report_row(code) for code in BY_CODE}


def _outcome_row(outcome: str | None, case_id: object) -> str:
    if outcome is None:
        raise ValueError(f"申请{case_id}已办结但没有记录办理结果，无法计入表三")
    try:
        return _OUTCOME_ROW[outcome]
    except KeyError:
        raise ValueError(f"申请{case_id}的办理结果代码无法识别：{outcome!r}") from None


def _cells(kind: str, outcome: str | None, carried_in: bool, concluded_in_year: bool,
           case_id: object) -> tuple[tuple[str, int], tuple[str, int]]:
    """The two cells of table 3 a request of the year counts in: 新收 or 上年结转, and its outcome's
    row or 结转下年度, in its applicant's column."""
    col = _kind_index(kind, case_id)
    second = _outcome_row(outcome, case_id) if concluded_in_year else "carried_out"
    return ("carried_in" if carried_in else "new", col), (second, col)


def _count_cases(cases: Iterable[ReportCase], year: int) -> dict[tuple[str, int], list]:
    """One pass over the records: the case_ids of every (leaf row, applicant column)."""
    jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ids: dict[tuple[str, int], list] = {(r, c): [] for r in LEAF_ROWS for c in range(TOTAL_COLUMN)}
    for case in cases:
        received, concluded = case.received_on, case.concluded_on
        if received is None or received > dec31 or (concluded is not None and concluded < jan1):
            continue
        if concluded is not None and concluded < received:
            raise ValueError(f"申请{case.case_id}的办结日期早于收到日期")
        concluded_in_year = concluded is not None and concluded <= dec31
        for cell in _cells(case.applicant_kind, case.outcome, received < jan1, concluded_in_year, case.case_id):
            ids[cell].append(case.case_id)
    return ids


def _table3(leaf_counts: Mapping[tuple[str, int], int], leaf_ids: Mapping[tuple[str, int], tuple]) -> Table3:
    counts: dict[str, tuple[int, ...]] = {}
    for row in LEAF_ROWS:
        per_kind = [leaf_counts.get((row, c), 0) for c in range(TOTAL_COLUMN)]
        counts[row] = (*per_kind, sum(per_kind))
    for g in SUB_GROUPS:
        counts[g] = _sum_rows(counts[c] for c in SUB_ROWS[g])
    counts["total"] = _sum_rows(counts[g] for g in GROUPS)
    return Table3({k: counts[k] for k in ROW_KEYS}, leaf_ids)


def table3(cases: Iterable[ReportCase], year: int) -> Table3:
    """Count table 3 for `year` (国办公开办函〔2021〕30号; docs/legal/outcomes.md).

    新收 = received in the year; 上年结转 = received before 1 January and not concluded before it;
    a request concluded in the year counts in its outcome's row ("1a" in （一）); 结转下年度 =
    received by 31 December and not concluded by then.
    """
    ids = _count_cases(cases, year)
    return _table3({key: len(v) for key, v in ids.items()}, {key: tuple(v) for key, v in ids.items() if v})


class ReportGroup(NamedTuple):
    """Requests of the year alike for table 3, as a database counts them (store.report): how many,
    and one of them to name when they cannot be counted."""

    applicant_kind: str
    outcome: str | None
    carried_in: bool          # received before 1 January
    concluded_in_year: bool   # concluded by 31 December
    count: int
    example_id: object


def table3_from_groups(groups: Iterable[ReportGroup]) -> Table3:
    """Table 3 from the year's requests counted by group instead of one by one (the same cells as
    `table3`; no case ids kept: `cell_leaves` says which requests a cell counts)."""
    counts: dict[tuple[str, int], int] = {}
    for g in groups:
        for cell in _cells(g.applicant_kind, g.outcome, g.carried_in, g.concluded_in_year, g.example_id):
            counts[cell] = counts.get(cell, 0) + g.count
    return _table3(counts, {})


class Leaf(NamedTuple):
    """The requests of the year one leaf cell of table 3 counts: received before 1 January or in the
    year (None: either), concluded in the year with one of `outcomes` or not by 31 December, and of
    `kind` (None: every kind)."""

    carried_in: bool | None
    concluded_in_year: bool | None
    outcomes: tuple[str, ...]
    kind: str | None


def cell_leaves(row: str, column: int | str) -> list[Leaf]:
    """What the requests counted in a cell of table 3 are, leaf by leaf (the report page lists them)."""
    col = column_index(column)
    kinds = APPLICANT_KINDS if col == TOTAL_COLUMN else (APPLICANT_KINDS[col],)
    out = []
    for leaf in _leaves_of(row):
        if leaf in ("new", "carried_in"):
            spec = (leaf == "carried_in", None, ())
        elif leaf == "carried_out":
            spec = (None, False, ())
        else:
            spec = (None, True, tuple(code for code, r in _OUTCOME_ROW.items() if r == leaf))
        out += [Leaf(*spec, kind) for kind in kinds]
    return out


# ---------------------------------------------------------------- table 4

DISPUTE_KINDS: tuple[str, ...] = disputes.KINDS
DISPUTE_RESULTS: tuple[str, ...] = disputes.RESULTS
DISPUTE_COLUMNS: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
PENDING_COLUMN = 3


@dataclass(frozen=True)
class Table4:
    """政府信息公开行政复议、行政诉讼情况: per kind (结果维持, 结果纠正, 其他结果, 尚未审结, 总计)."""

    counts: Mapping[str, tuple[int, ...]]

    @classmethod
    def from_counts(cls, counts: Mapping[str, Sequence[object]]) -> Table4:
        """A table from raw numbers; 5 numbers for each of the three kinds."""
        table = {}
        for kind in DISPUTE_KINDS:
            values = list(counts.get(kind, ()))
            if len(values) != len(DISPUTE_COLUMNS):
                raise ValueError(f"表四「{kind}」应有{len(DISPUTE_COLUMNS)}个数，实际{len(values)}个")
            table[kind] = tuple(_as_count(v, f"表四「{kind}」「{DISPUTE_COLUMNS[i]}」")
                                for i, v in enumerate(values))
        return cls(table)

    def cell(self, kind: str, column: int | str) -> int:
        col = column if isinstance(column, int) else DISPUTE_COLUMNS.index(column)
        return self.counts[kind][col]

    def __add__(self, other: Table4) -> Table4:
        return Table4({k: tuple(a + b for a, b in zip(self.counts[k], other.counts[k])) for k in DISPUTE_KINDS})


def _dispute_column(d: ReportDispute, dec31: dt.date) -> int:
    if d.kind not in DISPUTE_KINDS:
        raise ValueError(f"无法识别的复议诉讼类别：{d.kind!r}")
    if d.decided_on is None or d.decided_on > dec31:
        return PENDING_COLUMN
    if d.result not in DISPUTE_RESULTS:
        raise ValueError(f"{d.received_on}收到的{d.kind}已于{d.decided_on}审结，但结果无法识别：{d.result!r}")
    return DISPUTE_RESULTS.index(d.result)


def table4(disputes: Iterable[ReportDispute], year: int) -> Table4:
    """Count table 4 for `year` (docs/legal/annual-report.md; docs/legal/requests.md, 行政争议).

    A 复议 or 诉讼 counts in the year it was received; 尚未审结 = not decided by 31 December.
    """
    return table4_from_groups(((d, 1) for d in disputes), year)


def table4_from_groups(groups: Iterable[tuple[ReportDispute, int]], year: int) -> Table4:
    """Table 4 from the year's disputes counted by group (store.report): each group as one of its
    disputes and how many are alike (kind, result, decided by 31 December or not)."""
    dec31 = dt.date(year, 12, 31)
    counts = {k: [0] * 4 for k in DISPUTE_KINDS}
    for d, count in groups:
        if d.received_on.year == year:
            column = _dispute_column(d, dec31)
            counts[d.kind][column] += count
    return Table4({k: (*v, sum(v)) for k, v in counts.items()})


# ---------------------------------------------------------------- table 2

DOC_KINDS: tuple[str, ...] = ("规章", "行政规范性文件")
DOC_COLUMNS: tuple[str, ...] = ("本年制发件数", "本年废止件数", "现行有效件数")


@dataclass(frozen=True)
class Table2:
    """主动公开政府信息情况 (条例第二十条; 国办公开办函〔2021〕30号 表二).

    `documents` maps 规章 / 行政规范性文件 to (本年制发, 本年废止, 现行有效), counted from records;
    the other rows are hand-entered: 行政许可, 行政处罚, 行政强制 本年处理决定数量 and
    行政事业性收费 本年收费金额（万元）.
    """

    documents: Mapping[str, tuple[int, int, int]]
    licensing: int = 0
    penalties: int = 0
    coercion: int = 0
    fees_wan: Decimal = Decimal(0)

    def __add__(self, other: Table2) -> Table2:
        docs = {k: tuple(a + b for a, b in zip(self.documents[k], other.documents[k])) for k in DOC_KINDS}
        return Table2(docs, self.licensing + other.licensing, self.penalties + other.penalties,
                      self.coercion + other.coercion, Decimal(self.fees_wan) + Decimal(other.fees_wan))


def table2(docs: Iterable[ProactiveDoc], year: int, *, licensing: int = 0, penalties: int = 0,
           coercion: int = 0, fees_wan: Decimal | int | str = 0) -> Table2:
    """Table 2: 规章 and 行政规范性文件 counted from records (条例第二十条第（一）项), the rest as entered.

    本年制发 = issued in the year; 本年废止 = repealed in the year; 现行有效 = issued by 31 December
    and not repealed by then.
    """
    dec31 = dt.date(year, 12, 31)
    counts = {k: [0, 0, 0] for k in DOC_KINDS}
    for d in docs:
        if d.kind not in counts:
            raise ValueError(f"表二只统计规章和行政规范性文件，无法识别：{d.kind!r}")
        row = counts[d.kind]
        row[0] += d.issued_on.year == year
        row[1] += d.repealed_on is not None and d.repealed_on.year == year
        row[2] += d.issued_on <= dec31 and (d.repealed_on is None or d.repealed_on > dec31)
    return Table2({k: tuple(v) for k, v in counts.items()}, licensing, penalties, coercion,
                  Decimal(str(fees_wan)))


# ---------------------------------------------------------------- balance


@dataclass(frozen=True)
class BalanceError:
    """One broken rule: the table, the cell (row key + column name), the rule and a Chinese message."""

    table: str
    row: str
    column: str
    rule: str
    message: str

    def __str__(self) -> str:
        return self.message


def _err(row: str, col: int, rule: str, detail: str) -> BalanceError:
    column = COLUMNS[col]
    return BalanceError("表三", row, column, rule,
                        f"表三「{row_name(row)}」行「{column}」列{detail}（{rule}）")


def _non_negative_errors(t: Table3) -> list[BalanceError]:
    return [_err(r, c, RULE_NON_NEGATIVE, f"为{v}")
            for r in ROW_KEYS for c, v in enumerate(t.counts[r]) if v < 0]


def _group_errors(t: Table3) -> list[BalanceError]:
    errors = []
    for g in SUB_GROUPS:
        subs = _sum_rows(t.counts[c] for c in SUB_ROWS[g])
        for c, (given, summed) in enumerate(zip(t.counts[g], subs)):
            if given != summed:
                errors.append(_err(g, c, RULE_GROUP, f"为{given}，其分项之和为{summed}"))
    return errors


def _total_row_errors(t: Table3) -> list[BalanceError]:
    summed = _sum_rows(t.counts[g] for g in GROUPS)
    return [_err("total", c, RULE_TOTAL_ROW, f"为{given}，（一）至（六）之和为{s}")
            for c, (given, s) in enumerate(zip(t.counts["total"], summed)) if given != s]


def _total_column_errors(t: Table3) -> list[BalanceError]:
    errors = []
    for r in ROW_KEYS:
        values = t.counts[r]
        s = sum(values[:TOTAL_COLUMN])
        if values[TOTAL_COLUMN] != s:
            errors.append(_err(r, TOTAL_COLUMN, RULE_TOTAL_COLUMN, f"为{values[TOTAL_COLUMN]}，各列之和为{s}"))
    return errors


def _corner_errors(t: Table3) -> list[BalanceError]:
    errors = []
    for c in range(len(COLUMNS)):
        left = t.counts["new"][c] + t.counts["carried_in"][c]
        right = t.counts["total"][c] + t.counts["carried_out"][c]
        if left != right:
            errors.append(BalanceError(
                "表三", "carried_out", COLUMNS[c], RULE_CORNER,
                f"表三「{COLUMNS[c]}」列：第一项加第二项之和为{left}，第三项（七）总计加第四项之和为"
                f"{right}，两者不等（{RULE_CORNER}）"))
    return errors


def _table4_errors(t: Table4) -> list[BalanceError]:
    errors = []
    for kind in DISPUTE_KINDS:
        values = t.counts[kind]
        if any(v < 0 for v in values):
            errors.append(BalanceError("表四", kind, "", RULE_NON_NEGATIVE, f"表四「{kind}」有负数（{RULE_NON_NEGATIVE}）"))
        if values[4] != sum(values[:4]):
            errors.append(BalanceError("表四", kind, "总计", RULE_TABLE4_TOTAL,
                                       f"表四「{kind}」「总计」为{values[4]}，各项之和为{sum(values[:4])}"
                                       f"（{RULE_TABLE4_TOTAL}）"))
    return errors


def check_balance(table3: Table3, table4: Table4 | None = None) -> list[BalanceError]:
    """Every rule of the national table the figures break; empty when the report balances.

    Table 3 (国办公开办函〔2021〕30号): in every column 新收 + 上年结转 = （七）总计 + 结转下年度;
    sub-rows add up to their group; （七）总计 = （一）+…+（六）; 总计 column = the six applicant
    columns; no negative numbers. Table 4: 总计 = the four result columns.
    """
    errors = (_non_negative_errors(table3) + _group_errors(table3) + _total_row_errors(table3)
              + _total_column_errors(table3) + _corner_errors(table3))
    if table4 is not None:
        errors += _table4_errors(table4)
    return errors


# ---------------------------------------------------------------- JSON


def to_dict(year: int, t3: Table3, t4: Table4) -> dict:
    """The report's figures as plain data: {"year", "table3", "table4", "balanced"}."""
    return {
        "year": year,
        "table3": {k: list(t3.counts[k]) for k in ROW_KEYS},
        "table4": {k: list(t4.counts[k]) for k in DISPUTE_KINDS},
        "balanced": not check_balance(t3, t4),
    }


def to_json(year: int, t3: Table3, t4: Table4) -> str:
    """`to_dict` as JSON text: UTF-8 characters kept, keys in printed order, one row a line."""
    data = to_dict(year, t3, t4)

    def block(rows: dict) -> str:
        lines = (f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in rows.items())
        return "{\n" + ",\n".join(lines) + "\n  }"

    return (f'{{\n  "year": {year},\n  "table3": {block(data["table3"])},\n'
            f'  "table4": {block(data["table4"])},\n  "balanced": {json.dumps(data["balanced"])}\n}}\n')


# ---------------------------------------------------------------- pre-written text

PREFACE = "前言"
SECTION_TITLES: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
TODO = "【待补充】"


def _fmt_wan(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


def text_preface(year: int, office_name: str) -> str:
    """The opening paragraph every report carries (条例第四十九条、第五十条)."""
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条和"
            f"《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，"
            f"由{office_name}编制。本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。")


@dataclass(frozen=True)
class DutiesFigures:
    """The year's 政策解读 and 回应关切 as recorded (docs/legal/duties.md), for section 一."""

    norm_docs: int = 0           # 行政规范性文件 published in the year
    interpreted: int = 0         # of them with a published 政策解读
    in_step: int = 0             # of them published the same day and place as the document
    not_interpreted: int = 0     # not interpreted, with the 分管领导's consent
    forms: tuple[tuple[str, int], ...] = ()
    opinions: int = 0            # 政务舆情 found in the year
    important: int = 0
    responded: int = 0
    responded_in_time: int = 0
    events: tuple[tuple[str, int], ...] = ()  # press events by kind
    inquiries: int = 0           # 记者问询
    inquiries_in_time: int = 0


def _counted(pairs: tuple[tuple[str, int], ...]) -> str:
    return "、".join(f"{name}{n}次" for name, n in pairs if n)


def text_interpretation(year: int, d: DutiesFigures) -> str:
    """政策解读 (本乡政策解读公开工作流程): documents published and their interpretations."""
    if not d.norm_docs:
        return f"政策解读方面，{year}年本机关未公开行政规范性文件。{TODO}"
    forms = "、".join(f"{name}{n}件" for name, n in d.forms if n)
    return (f"政策解读方面，{year}年本机关公开行政规范性文件{d.norm_docs}件，按照“谁起草谁解读”的要求同步公开政策解读"
            f"{d.interpreted}件，其中与文件同日、同平台公开{d.in_step}件"
            + (f"；解读形式有{forms}" if forms else "")
            + (f"；经分管领导同意不作解读{d.not_interpreted}件" if d.not_interpreted else "") + f"。{TODO}")


def text_response(year: int, d: DutiesFigures) -> str:
    """回应关切 (本乡舆情应对工作制度; 国办发〔2016〕61号; 新闻发布 by 富阳区实施意见 and 六宣发〔2019〕26号)."""
    parts = [f"回应关切方面，{year}年本机关收集处置政务舆情{d.opinions}件（其中重要舆情{d.important}件），"
             f"已回应{d.responded}件，其中在规定时限内回应{d.responded_in_time}件"]
    events = _counted(d.events)
    parts.append(f"开展新闻发布活动{events}" if events else "未开展新闻发布活动")
    if d.inquiries:
        parts.append(f"答复记者问询{d.inquiries}件，其中一个工作日内答复{d.inquiries_in_time}件")
    return "；".join(parts) + f"。{TODO}"


def text_overview(year: int, office_name: str, t3: Table3, t4: Table4, duties: DutiesFigures | None = None) -> str:
    """Section 一: a frame for the clerk, with the request figures filled in, and — when the office
    keeps them in the program — the year's 政策解读 and 回应关切 under （一）主动公开."""
    disputes = sum(t4.counts[k][4] for k in DISPUTE_KINDS)
    proactive = (f"（一）主动公开。{TODO}",)
    if duties is not None:
        proactive += (text_interpretation(year, duties), text_response(year, duties))
    return "\n".join((
        f"{year}年，{office_name}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，{TODO}",
        *proactive,
        f"（二）依申请公开。全年新收政府信息公开申请{t3.cell('new', TOTAL)}件，"
        f"上年结转{t3.cell('carried_in', TOTAL)}件，办结{t3.cell('total', TOTAL)}件，"
        f"结转下年度继续办理{t3.cell('carried_out', TOTAL)}件；"
        f"因政府信息公开工作被申请行政复议、提起行政诉讼共{disputes}件。",
        f"（三）政府信息管理。{TODO}",
        f"（四）平台建设。{TODO}",
        f"（五）监督保障。{TODO}",
    ))


def text_proactive(year: int, t2: Table2) -> str:
    """Section 二: the figures of table 2 in words (条例第二十条)."""
    r, n = t2.documents["规章"], t2.documents["行政规范性文件"]
    return (f"{year}年，本机关制发规章{r[0]}件、废止{r[1]}件，现行有效{r[2]}件；"
            f"制发行政规范性文件{n[0]}件、废止{n[1]}件，现行有效{n[2]}件。"
            f"本年作出行政许可决定{t2.licensing}件，行政处罚决定{t2.penalties}件，"
            f"行政强制决定{t2.coercion}件；行政事业性收费{_fmt_wan(t2.fees_wan)}万元。具体情况见下表。")


def _sub_reasons(t3: Table3, group: str) -> str:
    parts = [f"{BY_CODE[c].label.split('.', 1)[1]}{t3.cell(c, TOTAL)}件"
             for c in SUB_ROWS[group] if t3.cell(c, TOTAL)]
    return f"（其中{'，'.join(parts)}）" if parts else ""


def text_requests(year: int, t3: Table3) -> str:
    """Section 三: 新收, 上年结转, applicants, outcomes and 结转 in words (表三)."""
    persons = t3.cell("new", "自然人")
    orgs = t3.cell("new", TOTAL) - persons
    results = [f"予以公开{t3.cell('1', TOTAL)}件", f"部分公开{t3.cell('2', TOTAL)}件"]
    for g in SUB_GROUPS:
        label = GROUP_LABELS[g][3:]
        results.append(f"{label}{t3.cell(g, TOTAL)}件{_sub_reasons(t3, g)}")
    if not any(t3.cell(k, TOTAL) for k in ("new", "carried_in", "total", "carried_out")):
        return f"{year}年，本机关未收到政府信息公开申请，无上年结转申请。具体情况见下表。"
    return (f"本年度共收到政府信息公开申请{t3.cell('new', TOTAL)}件，上年结转{t3.cell('carried_in', TOTAL)}件。"
            f"本年新收申请中，自然人申请{persons}件，法人或其他组织申请{orgs}件。"
            f"本年度办结{t3.cell('total', TOTAL)}件，其中{'，'.join(results)}。"
            f"结转下年度继续办理{t3.cell('carried_out', TOTAL)}件。具体情况见下表。")


def text_disputes(year: int, t4: Table4) -> str:
    """Section 四: 行政复议 and 行政诉讼 in words (表四)."""
    def part(kind: str) -> str:
        v = t4.counts[kind]
        return f"{v[4]}件（结果维持{v[0]}件，结果纠正{v[1]}件，其他结果{v[2]}件，尚未审结{v[3]}件）"
    suits = t4.counts[disputes.LITIGATION_DIRECT][4] + t4.counts[disputes.LITIGATION_AFTER][4]
    if not suits and not t4.counts[disputes.RECONSIDERATION][4]:
        return f"{year}年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。具体情况见下表。"
    return (f"{year}年，本机关因政府信息公开工作被申请行政复议{part('行政复议')}；"
            f"被提起行政诉讼{suits}件，其中未经复议直接起诉{part('未经复议直接起诉')}，"
            f"复议后起诉{part('复议后起诉')}。具体情况见下表。")


def text_problems(year: int) -> str:
    """Section 五: a frame only; the problems are the clerk's to write."""
    return "\n".join((
        f"（一）上年度存在问题的改进情况。{TODO}",
        f"（二）{year}年存在的主要问题。{TODO}",
        f"（三）改进措施。{TODO}",
    ))


def text_other(year: int, fee_notices: int = 0, fees_collected_yuan: Decimal | int | str = 0) -> str:
    """Section 六: 信息处理费 (《政府信息公开信息处理费管理办法》国办函〔2020〕109号) and other matters."""
    fees = Decimal(str(fees_collected_yuan))
    if fee_notices or fees:
        fee_text = (f"{year}年，本机关依据《政府信息公开信息处理费管理办法》发出收费通知{fee_notices}件，"
                    f"收取信息处理费{format(fees.normalize(), 'f')}元。")
    else:
        fee_text = f"{year}年，本机关未收取信息处理费。"
    return "\n".join((fee_text, f"本年度政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况等：{TODO}"))


def draft_texts(year: int, office_name: str, t2: Table2, t3: Table3, t4: Table4, *,
                fee_notices: int = 0, fees_collected_yuan: Decimal | int | str = 0,
                duties: DutiesFigures | None = None) -> dict[str, str]:
    """Pre-written text for the preface and sections 一–六, keyed by PREFACE and SECTION_TITLES.

    Paragraphs are separated by newlines; 【待补充】 marks what the clerk must write.
    """
    bodies = (
        text_overview(year, office_name, t3, t4, duties),
        text_proactive(year, t2),
        text_requests(year, t3),
        text_disputes(year, t4),
        text_problems(year),
        text_other(year, fee_notices, fees_collected_yuan),
    )
    return {PREFACE: text_preface(year, office_name), **dict(zip(SECTION_TITLES, bodies))}
