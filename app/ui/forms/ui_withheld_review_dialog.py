# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'withheld_review_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WithheldReviewDialog(object):
    def setupUi(self, WithheldReviewDialog):
        if not WithheldReviewDialog.objectName():
            WithheldReviewDialog.setObjectName(u"WithheldReviewDialog")
        WithheldReviewDialog.resize(560, 460)
        self.outer = QVBoxLayout(WithheldReviewDialog)
        self.outer.setObjectName(u"outer")
        self.itemLabel = QLabel(WithheldReviewDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.outer.addWidget(self.itemLabel)

        self.dueLabel = QLabel(WithheldReviewDialog)
        self.dueLabel.setObjectName(u"dueLabel")
        self.dueLabel.setWordWrap(True)

        self.outer.addWidget(self.dueLabel)

        self.reviewForm = QFormLayout()
        self.reviewForm.setObjectName(u"reviewForm")
        self.lbl_reviewed_on = QLabel(WithheldReviewDialog)
        self.lbl_reviewed_on.setObjectName(u"lbl_reviewed_on")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_reviewed_on)

        self.f_reviewed_on = QLineEdit(WithheldReviewDialog)
        self.f_reviewed_on.setObjectName(u"f_reviewed_on")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_reviewed_on)

        self.err_reviewed_on = QLabel(WithheldReviewDialog)
        self.err_reviewed_on.setObjectName(u"err_reviewed_on")
        self.err_reviewed_on.setWordWrap(True)

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_reviewed_on)

        self.lbl_decision = QLabel(WithheldReviewDialog)
        self.lbl_decision.setObjectName(u"lbl_decision")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_decision)

        self.f_decision = QWidget(WithheldReviewDialog)
        self.f_decision.setObjectName(u"f_decision")
        self.decisionRow = QHBoxLayout(self.f_decision)
        self.decisionRow.setObjectName(u"decisionRow")
        self.decisionRow.setContentsMargins(0, 0, 0, 0)
        self.keepButton = QRadioButton(self.f_decision)
        self.keepButton.setObjectName(u"keepButton")
        self.keepButton.setChecked(True)

        self.decisionRow.addWidget(self.keepButton)

        self.releaseButton = QRadioButton(self.f_decision)
        self.releaseButton.setObjectName(u"releaseButton")

        self.decisionRow.addWidget(self.releaseButton)

        self.decisionRow_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionRow.addItem(self.decisionRow_spacer)


        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_decision)

        self.err_decision = QLabel(WithheldReviewDialog)
        self.err_decision.setObjectName(u"err_decision")
        self.err_decision.setWordWrap(True)

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_decision)

        self.lbl_reason = QLabel(WithheldReviewDialog)
        self.lbl_reason.setObjectName(u"lbl_reason")

        self.reviewForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_reason)

        self.f_reason = QPlainTextEdit(WithheldReviewDialog)
        self.f_reason.setObjectName(u"f_reason")
        self.f_reason.setMinimumSize(QSize(0, 70))
        self.f_reason.setMaximumSize(QSize(16777215, 90))

        self.reviewForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_reason)

        self.err_reason = QLabel(WithheldReviewDialog)
        self.err_reason.setObjectName(u"err_reason")
        self.err_reason.setWordWrap(True)

        self.reviewForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_reason)


        self.outer.addLayout(self.reviewForm)

        self.effectLabel = QLabel(WithheldReviewDialog)
        self.effectLabel.setObjectName(u"effectLabel")
        self.effectLabel.setWordWrap(True)

        self.outer.addWidget(self.effectLabel)

        self.historyLabel = QLabel(WithheldReviewDialog)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)

        self.outer.addWidget(self.historyLabel)

        self.errGeneral = QLabel(WithheldReviewDialog)
        self.errGeneral.setObjectName(u"errGeneral")
        self.errGeneral.setWordWrap(True)

        self.outer.addWidget(self.errGeneral)

        self.vspacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.vspacer)

        self.buttonBox = QDialogButtonBox(WithheldReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(WithheldReviewDialog)

        QMetaObject.connectSlotsByName(WithheldReviewDialog)
    # setupUi

    def retranslateUi(self, WithheldReviewDialog):
        WithheldReviewDialog.setWindowTitle(QCoreApplication.translate("WithheldReviewDialog", u"\u52a8\u6001\u8c03\u6574\u590d\u6838", None))
        self.itemLabel.setStyleSheet(QCoreApplication.translate("WithheldReviewDialog", u"font-weight: bold;", None))
        self.lbl_reviewed_on.setText(QCoreApplication.translate("WithheldReviewDialog", u"\u590d\u6838\u65e5\u671f", None))
        self.f_reviewed_on.setPlaceholderText(QCoreApplication.translate("WithheldReviewDialog", u"\u5982 2026-10-12", None))
        self.err_reviewed_on.setStyleSheet(QCoreApplication.translate("WithheldReviewDialog", u"color: #b00020;", None))
        self.lbl_decision.setText(QCoreApplication.translate("WithheldReviewDialog", u"\u590d\u6838\u7ed3\u8bba", None))
        self.keepButton.setText(QCoreApplication.translate("WithheldReviewDialog", u"\u7ee7\u7eed\u4e0d\u4e88\u516c\u5f00", None))
        self.releaseButton.setText(QCoreApplication.translate("WithheldReviewDialog", u"\u7406\u7531\u5df2\u6d88\u5931\uff0c\u8c03\u6574\u4e3a\u4e3b\u52a8\u516c\u5f00", None))
        self.err_decision.setStyleSheet(QCoreApplication.translate("WithheldReviewDialog", u"color: #b00020;", None))
        self.lbl_reason.setText(QCoreApplication.translate("WithheldReviewDialog", u"\u590d\u6838\u610f\u89c1", None))
        self.f_reason.setPlaceholderText(QCoreApplication.translate("WithheldReviewDialog", u"\u7ee7\u7eed\u4e0d\u4e88\u516c\u5f00\u7684\u7406\u7531\uff1b\u6216\u4e0d\u4e88\u516c\u5f00\u7684\u7406\u7531\u5df2\u6d88\u5931\u7684\u60c5\u51b5\uff08\u5fc5\u586b\uff0c\u8bb0\u5165\u4fee\u6539\u8bb0\u5f55\uff09", None))
        self.err_reason.setStyleSheet(QCoreApplication.translate("WithheldReviewDialog", u"color: #b00020;", None))
        self.errGeneral.setStyleSheet(QCoreApplication.translate("WithheldReviewDialog", u"color: #b00020;", None))
    # retranslateUi

