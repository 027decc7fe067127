"""The 保密审查 page: reviews waiting at each step, oldest first; returned ones first.

本乡保密审查制度: "先审查、后公开" (docs/legal/requests.md). The form itself is
app/ui/common/review_dialog.py. Views call services only.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import review as rv
from app.domain.dates import cn_date
from app.services import review
from app.ui.common.context import Context
from app.ui.common.page import Page
from app.ui.common.review_dialog import ReviewDialog
from app.ui.common.tables import make_table, selected_key, set_row


class ReviewPage(Page):
    """Reviews waiting at each step, oldest first; returned ones first (nothing moves until resubmitted)."""

    title = "保密审查"
    HEADERS = ["待办步骤", "等待自", "信息名称", "产生信息科室", "关联", "处理建议", "备注"]

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = make_table(self.HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("打开审查表")
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton("刷新")
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = review.waiting()
        self.table.setRowCount(len(rows))
        counts: dict[str, int] = {}
        for i, r in enumerate(rows):
            counts[r.step_label] = counts.get(r.step_label, 0) + 1
            target = f"申请 {r.target_label}" if r.target == rv.CASE else (
                "主动公开" if r.target_label == r.info_name else f"主动公开 {r.target_label}")
            colour = "#f8d7da" if r.status == rv.RETURNED else None
            set_row(self.table, i, [r.step_label, cn_date(r.waiting_since), r.info_name, r.section, target,
                                     r.proposal, r.note], r.review_id, colour)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        parts = "，".join(f"{k} {v} 件" for k, v in counts.items())
        self.summary.setText(f"待办保密审查共 {len(rows)} 件" + (f"：{parts}" if parts else "") +
                             "。先审查、后公开：审查通过前，信息不得公开，答复不得发出。\n"
                             "新建审查表：申请的答复在该案件窗口右侧“保密审查”栏点“保密审查表…”；"
                             "主动公开的信息在“主动公开”页选中后点“保密审查…”。")

    def selected_id(self) -> int | None:
        return selected_key(self.table)

    def open_selected(self) -> ReviewDialog | None:
        review_id = self.selected_id()
        if review_id is None:
            return None
        return self.open_review(review_id)

    def open_review(self, review_id: int | None = None, case_id: int | None = None,
                    item_id: int | None = None) -> ReviewDialog:
        dialog = ReviewDialog(self, review_id=review_id, case_id=case_id, item_id=item_id, today=self.today())
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog
