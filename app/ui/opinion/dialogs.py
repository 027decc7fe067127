"""The dialogs of the 舆情 page: an item (登记 / 修改), one step of handling it, and the choice of a
report's week or period. The rules behind them: app/domain/opinion.py (本乡政务公开舆情应对工作制度;
国办发〔2016〕61号; 富阳区实施意见第4条); docs/legal/duties.md. Views call services only.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from app.domain import opinion as op
from app.domain.dates import parse_date
from app.domain.opinion import ItemData
from app.services import audit, opinion
from app.ui.common import messages
from app.ui.common.context import Context
from app.ui.common.record_form import FileRow, RecordDialog, Spec

ITEM_RULE = ("回应时限自发现时起按小时连续计算（夜间、周末、节假日照常计算）：一般舆情48小时内回应（国办发〔2016〕61号 三）；"
             "重要舆情第一时间报告分管领导、当天回应（本乡政务公开舆情应对工作制度 四(三)）；" + op.EMERGENCY_HELP)
ITEM_SPECS = [
    Spec("found_at", "发现时间", "moment", tip="日期和时刻：回应时限自此按小时计算"),
    Spec("source", "来源", "choice", ("",) + op.SOURCES, tip="媒体报道、网络平台、网信部门抄告、上级转办等"),
    Spec("source_detail", "媒体或平台", placeholder="如 台州日报、某论坛、区网信办抄告单"),
    Spec("title", "标题", placeholder="一句话概括舆情"),
    Spec("summary", "主要内容", "multiline"),
    Spec("link", "原文链接", placeholder="https://"),
    Spec("concerned", "涉及科室或村居"),
    Spec("level", "级别", "choice", op.LEVELS, tip=op.IMPORTANT_HELP),
    Spec("emergency", "突发事件", "check", tip=op.EMERGENCY_HELP, placeholder="涉及特别重大、重大突发事件"),
    Spec("notes", "备注"),
]


def _item_data(values: dict[str, Any]) -> ItemData:
    return ItemData(**{k: values[k] for k in asdict(ItemData()) if k in values})


class ItemDialog(RecordDialog):
    """登记 (or 修改) a 舆情 item; a new one may bring its file (screenshot, article, 抄告单) along."""

    def __init__(self, parent: QWidget | None, ctx: Context, item_id: int | None = None):
        self.item_id = item_id
        super().__init__(parent, "登记舆情" if item_id is None else "修改舆情", ITEM_RULE, ITEM_SPECS, ctx, self._store)
        self.level_help = QLabel(op.IMPORTANT_HELP, self)
        self.level_help.setWordWrap(True)
        self.level_help.setStyleSheet("color: #7f5a00;")
        self.layout().insertWidget(2, self.level_help)
        self.form.widget("level").currentTextChanged.connect(self._show_level_help)
        self.attachment = FileRow(self, "可附截图、原文或网信抄告单（保存一份副本）", "选择附件…")
        self.layout().insertWidget(3, self.attachment)
        self.attachment.setVisible(item_id is None)  # an item's later files: 添加附件 on the page
        if item_id is not None:
            self.form.set_values(asdict(opinion.get(item_id).data))
        self._show_level_help()

    def _show_level_help(self) -> None:
        self.level_help.setVisible(self.form.widget("level").currentText() == op.LEVEL_IMPORTANT)
        self.adjustSize()  # room for the definition, or none

    def _store(self, values: dict[str, Any]):
        data, now = _item_data(values), self.ctx.now()
        if self.item_id is None:
            return opinion.create(data, now, attachment=self.attachment.path or None)
        return opinion.update(self.item_id, data, now)


def step_specs(key: str) -> list[Spec]:
    """The moment and who, then the step's own fields (app/domain/opinion.py STEP_FIELDS)."""
    specs = [Spec("at", "时间", "moment", tip="这一步骤办理的日期和时刻"), Spec("person", "经办人")]
    for f in op.STEP_FIELDS[key]:
        kind = "choice" if f.kind == "choice" else f.kind
        specs.append(Spec(f.name, f.label, kind, ("",) + f.choices if f.choices else (),
                          placeholder="https://" if f.name == "link" else ""))
    return specs


class StepDialog(RecordDialog):
    """Record one step of an item with who and when; the rule behind the step on top."""

    def __init__(self, parent: QWidget | None, ctx: Context, item_id: int, key: str):
        self.item_id, self.key = item_id, key
        item = opinion.get(item_id)
        title = f"{op.STEP_LABELS[key]}：{item.no} {item.data.title[:20]}"
        super().__init__(parent, title, op.STEP_RULES[key], step_specs(key), ctx, self._store, save_text="记录")
        self.form.set_values({"person": audit.operator()})

    def _store(self, values: dict[str, Any]):
        at, person = values.pop("at"), values.pop("person")
        return opinion.record_step(self.item_id, self.key, at, person, values, self.ctx.now())


def allowed_steps(item: op.Item, now: dt.datetime) -> dict[str, str]:
    """Each step → "" when it may be recorded now, else why not (the menu shows it greyed out)."""
    out = {}
    for key in op.STEPS:
        problem = op.check_step(item, key, now, "x", {f.name: "x" for f in op.STEP_FIELDS[key]}, now).get("step", "")
        out[key] = problem
    return out


class PeriodDialog(QDialog):
    """The report's week (a day in it) or period (a year and a quarter, or the whole year)."""

    def __init__(self, parent: QWidget | None, title: str, today: dt.date, week: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout()
        self.week = week
        if week:
            self.day = QLineEdit(today.isoformat(), self)
            self.day.setToolTip("本乡政务公开舆情应对工作制度 四(一)：普通政务舆情一周一报告（周一至周日）")
            form.addRow("所在周的任一天", self.day)
        else:
            self.year = QSpinBox(self)
            self.year.setRange(2000, 2100)
            self.year.setValue(today.year)
            self.quarter = QComboBox(self)
            self.quarter.addItems(["全年", "第一季度", "第二季度", "第三季度", "第四季度"])
            self.quarter.setCurrentIndex((today.month - 1) // 3 + 1)
            form.addRow("年度", self.year)
            form.addRow("期间", self.quarter)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        messages.chinese_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.error)
        outer.addWidget(buttons)

    def _check(self) -> None:
        if self.week and parse_date(self.day.text()) is None:
            self.error.setText("日期格式不正确，请按 2026-10-12 或 2026年10月12日 填写")
            return
        self.accept()

    def chosen_day(self) -> dt.date:
        return parse_date(self.day.text())

    def chosen_period(self) -> tuple[int, int | None]:
        return self.year.value(), (self.quarter.currentIndex() or None)
