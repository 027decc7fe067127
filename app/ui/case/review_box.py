"""The case view's 保密审查 box: where the answer's secrecy review stands, and a link to it.

先审查、后公开 (本乡保密审查制度, docs/legal/requests.md): an answer that releases information waits for this review, so
the clerk sees its state beside the answer box and opens the review form from here.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services import review
from app.ui.common.review_dialog import open_review_for_case


class CaseReviewBox(QWidget):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setToolTip("保密审查制度：先审查、后公开；谁公开、谁审查。予以公开、部分公开的答复须先经保密审查。")
        self.button = QPushButton("保密审查表…", self)
        self.button.clicked.connect(self.open_review)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.button)
        view.case_loaded.connect(lambda _case: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(review.release_status(self.view.case_id))

    def open_review(self) -> None:
        """The case's 保密审查表; each step signed there is announced, and the view reloads."""
        open_review_for_case(self.view, self.view.case_id, self.view.ctx)
