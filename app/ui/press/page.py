"""新闻发布: the year's press events against the quota of the office's pattern ("1+2+N" or "4·2·1+N",
showing which quarter or half-year is still short), journalists' questions with their one-working-day
reply, and the roster of spokespersons with the one-month report and the published list.

Rules: app/domain/press.py (富阳区实施意见第1、6、7、11条; 六宣发〔2019〕26号); docs/legal/duties.md.
Views call services only.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QSpinBox, QTabWidget, QVBoxLayout,
                               QWidget)

from app.domain import clock
from app.domain import press as pr
from app.domain.dates import cn_date
from app.services import press
from app.ui.common import tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page
from app.ui.common.tables import button_row, fit_columns, make_table, selected_key, set_row, texts
from app.ui.press.dialogs import EventDialog, InquiryDialog, PersonDialog, ReplyDialog

QUOTA_COLOURS = {pr.SHORT: "#f8d7da", pr.RUNNING: "#fff3cd", pr.MET: "#d4edda"}
DAY_COLOURS = {clock.OVERDUE: "#f8d7da", clock.DUE_TODAY: "#ffe5b4", clock.DUE_SOON: "#fff3cd"}


def _left(days: int | None, state: str) -> str:
    if state == clock.DONE:
        return "已完成"
    if days is None:
        return ""
    return f"已超期{-days}个工作日" if days < 0 else ("今日到期" if days == 0 else f"剩余{days}个工作日")


class PressPage(Page):
    title = "新闻发布"
    EVENT_HEADERS = ["日期", "形式", "举办方式", "主题", "发布人", "身份", "报批", "回应的舆情", "提示"]
    QUOTA_HEADERS = ["期间", "考核内容", "要求", "已举行", "状态"]
    INQUIRY_HEADERS = ["收到日期", "媒体", "记者", "方式", "问询内容", "答复期限", "剩余", "答复日期", "答复情况"]
    ROSTER_HEADERS = ["身份", "姓名", "职务", "联系电话", "任命日期", "报送宣传部", "免职日期", "报送期限", "状态"]

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._events_tab(), "新闻发布与考核")
        self.tabs.addTab(self._inquiries_tab(), "记者问询")
        self.tabs.addTab(self._roster_tab(), "新闻发言人")
        QVBoxLayout(self).addWidget(self.tabs)
        self.refresh()

    # ---- building ----

    def _events_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.year = QSpinBox(tab)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.pattern = QComboBox(tab)
        self.pattern.addItems(list(pr.PATTERNS))
        self.pattern.setToolTip("\n".join(pr.PATTERN_HELP.values()))
        self.pattern.activated.connect(lambda _i: self.set_pattern(self.pattern.currentText()))
        self.pattern_help = QLabel(tab)
        self.pattern_help.setWordWrap(True)
        for widget in (QLabel("年度", tab), self.year, QLabel("考核模式", tab), self.pattern):
            top.addWidget(widget)
        top.addWidget(self.pattern_help, 1)
        layout.addLayout(top)
        self.quota_table = make_table(self.QUOTA_HEADERS)
        layout.addWidget(self.quota_table, 2)
        self.events_table = make_table(self.EVENT_HEADERS)
        self.events_table.doubleClicked.connect(lambda _i: self.edit_event())
        layout.addWidget(self.events_table, 3)
        row, self.event_buttons = button_row(tab, (
            ("new", "登记新闻发布(&N)", "新闻发布会、政策吹风会、媒体采访、在线访谈、集体采访"),
            ("edit", "修改(&E)", "修改选中的新闻发布记录")), "press_event")
        self.event_buttons["new"].clicked.connect(self.new_event)
        self.event_buttons["edit"].clicked.connect(self.edit_event)
        layout.addLayout(row)
        return tab

    def _inquiries_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        rule = QLabel("富阳区实施意见第11条：对于记者问询，要在一个工作日内予以回复，及时说明受理情况。", tab)
        layout.addWidget(rule)
        self.inquiry_table = make_table(self.INQUIRY_HEADERS)
        self.inquiry_table.doubleClicked.connect(lambda _i: self.reply_inquiry())
        layout.addWidget(self.inquiry_table, 1)
        row, self.inquiry_buttons = button_row(tab, (
            ("new", "登记问询(&Q)", "登记记者的问询（电话、电子邮件、传真、当面）"),
            ("reply", "答复(&R)", "记录答复日期和答复情况"),
            ("edit", "修改", "修改选中的问询")), "press_inquiry")
        self.inquiry_buttons["new"].clicked.connect(self.new_inquiry)
        self.inquiry_buttons["reply"].clicked.connect(self.reply_inquiry)
        self.inquiry_buttons["edit"].clicked.connect(self.edit_inquiry)
        layout.addLayout(row)
        return tab

    def _roster_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel("富阳区实施意见第7条：新闻发言人及新闻发言人助理任免后一个月内报送区委宣传部（区政府新闻办），"
                                "名单和联系方式定期向社会公布。", tab))
        self.roster_table = make_table(self.ROSTER_HEADERS)
        self.roster_table.doubleClicked.connect(lambda _i: self.edit_person())
        layout.addWidget(self.roster_table, 1)
        row, self.roster_buttons = button_row(tab, (
            ("new", "新增(&P)", "新增新闻发言人或新闻发言人助理"),
            ("edit", "修改", "登记报送日期、免职等"),
            ("export", "导出名单(&L)…", "导出现任新闻发言人名单和联系方式（供向社会公布）")), "press_roster")
        self.roster_buttons["new"].clicked.connect(self.new_person)
        self.roster_buttons["edit"].clicked.connect(self.edit_person)
        self.roster_buttons["export"].clicked.connect(self._choose_roster_export)
        layout.addLayout(row)
        return tab

    # ---- showing ----

    def concerned_by(self, changes: Changes) -> bool:
        return changes.touches_duties()

    def refresh(self) -> None:
        self._show_quota()
        self._show_events()
        self._show_inquiries()
        self._show_roster()

    def _show_quota(self) -> None:
        name = press.pattern()
        self.pattern.setCurrentText(name)
        self.pattern_help.setText(pr.PATTERN_HELP[name])
        periods = press.quota(self.year.value(), self.today(), name)
        self.quota_table.setRowCount(len(periods))
        for i, p in enumerate(periods):
            state = {pr.MET: "已完成", pr.SHORT: f"未完成，缺{p.missing}次", pr.RUNNING: f"尚缺{p.missing}次"}[p.state]
            set_row(self.quota_table, i, [p.name, p.rule.label, f"{p.required}次", f"{p.held}次", state],
                    p.period, QUOTA_COLOURS[p.state])
            self.quota_table.item(i, 1).setToolTip(p.rule.rule)
        fit_columns(self.quota_table, 1)

    def _show_events(self) -> None:
        rows = press.event_rows(self.year.value())
        self.events_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            d = r.event.data
            approval = f"{d.approved_by}（{cn_date(d.approved_on)}）" if d.approved_on else "未登记"
            set_row(self.events_table, i, [cn_date(d.held_on), d.kind, d.host, d.topic, d.speakers, "、".join(d.roles),
                                           approval, r.opinion, "；".join(r.warnings)], r.event.id)
        fit_columns(self.events_table, 3)

    def _show_inquiries(self) -> None:
        rows = press.inquiry_rows(today=self.today())
        self.inquiry_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            d = r.inquiry.data
            set_row(self.inquiry_table, i, [cn_date(d.received_on), d.outlet, d.journalist, d.channel, d.question,
                                            cn_date(r.limit.due), _left(r.days_left, r.state), cn_date(d.replied_on),
                                            d.reply], r.inquiry.id, DAY_COLOURS.get(r.state))
            self.inquiry_table.item(i, 5).setToolTip(r.limit.explanation)
        fit_columns(self.inquiry_table, 4)

    def _show_roster(self) -> None:
        rows = press.roster_rows(self.today())
        self.roster_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            d = r.person.data
            due = cn_date(r.urgent.due) if r.urgent else ""
            state = (_left(r.days_left, r.state) if r.urgent else "已报送") + ("" if r.serving else "（已免职）")
            set_row(self.roster_table, i, [d.role, d.name, d.post, d.phone, cn_date(d.appointed_on),
                                           cn_date(d.appointment_reported_on), cn_date(d.removed_on), due, state],
                    r.person.id, DAY_COLOURS.get(r.state) if r.urgent else None)
            if r.urgent is not None:
                self.roster_table.item(i, 7).setToolTip(r.urgent.explanation)
        fit_columns(self.roster_table, 2)

    def quota_text(self) -> list[list[str]]:
        return texts(self.quota_table)

    def events_text(self) -> list[list[str]]:
        return texts(self.events_table)

    # ---- acting ----

    def _open(self, dialog):
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def set_pattern(self, name: str) -> None:
        tasks.Operation(self, lambda: press.set_pattern(name), busy="正在保存考核模式…", failure_title="未能保存考核模式") \
            .success(lambda _r: self.refresh()).announce(self.ctx.events, Changes(settings=True, duties=True)).run()

    def new_event(self) -> EventDialog:
        return self._open(EventDialog(self, self.ctx))

    def edit_event(self) -> EventDialog | None:
        event_id = selected_key(self.events_table)
        return None if event_id is None else self._open(EventDialog(self, self.ctx, event_id))

    def new_inquiry(self) -> InquiryDialog:
        return self._open(InquiryDialog(self, self.ctx))

    def edit_inquiry(self) -> InquiryDialog | None:
        inquiry_id = selected_key(self.inquiry_table)
        return None if inquiry_id is None else self._open(InquiryDialog(self, self.ctx, inquiry_id))

    def reply_inquiry(self) -> ReplyDialog | None:
        inquiry_id = selected_key(self.inquiry_table)
        return None if inquiry_id is None else self._open(ReplyDialog(self, self.ctx, inquiry_id))

    def new_person(self) -> PersonDialog:
        return self._open(PersonDialog(self, self.ctx))

    def edit_person(self) -> PersonDialog | None:
        person_id = selected_key(self.roster_table)
        return None if person_id is None else self._open(PersonDialog(self, self.ctx, person_id))

    def _choose_roster_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "导出新闻发言人名单", "新闻发言人名单.xlsx", "Excel 工作簿 (*.xlsx)")
        if name:
            self.export_roster(Path(name))

    def export_roster(self, path: Path) -> None:
        today = self.today()
        tasks.Operation(self, lambda: press.export_roster(path, today), busy="正在导出名单…",
                        failure_title="未能导出名单").success(lambda out: self.ctx.show_status(f"已导出：{out}", 8000)).run()
