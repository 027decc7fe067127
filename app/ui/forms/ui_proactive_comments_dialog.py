# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proactive_comments_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout)

class Ui_ProactiveCommentsDialog(object):
    def setupUi(self, ProactiveCommentsDialog):
        if not ProactiveCommentsDialog.objectName():
            ProactiveCommentsDialog.setObjectName(u"ProactiveCommentsDialog")
        ProactiveCommentsDialog.resize(780, 700)
        self.outer = QVBoxLayout(ProactiveCommentsDialog)
        self.outer.setObjectName(u"outer")
        self.itemLabel = QLabel(ProactiveCommentsDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.outer.addWidget(self.itemLabel)

        self.periodLabel = QLabel(ProactiveCommentsDialog)
        self.periodLabel.setObjectName(u"periodLabel")
        self.periodLabel.setWordWrap(True)

        self.outer.addWidget(self.periodLabel)

        self.warningLabel = QLabel(ProactiveCommentsDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.outer.addWidget(self.warningLabel)

        self.commentsTable = QTableWidget(ProactiveCommentsDialog)
        self.commentsTable.setObjectName(u"commentsTable")

        self.outer.addWidget(self.commentsTable)

        self.groupAdd = QGroupBox(ProactiveCommentsDialog)
        self.groupAdd.setObjectName(u"groupAdd")
        self.addForm = QFormLayout(self.groupAdd)
        self.addForm.setObjectName(u"addForm")
        self.lbl_received_on = QLabel(self.groupAdd)
        self.lbl_received_on.setObjectName(u"lbl_received_on")

        self.addForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_received_on)

        self.f_received_on = QLineEdit(self.groupAdd)
        self.f_received_on.setObjectName(u"f_received_on")

        self.addForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_received_on)

        self.err_received_on = QLabel(self.groupAdd)
        self.err_received_on.setObjectName(u"err_received_on")
        self.err_received_on.setWordWrap(True)

        self.addForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_received_on)

        self.lbl_commenter = QLabel(self.groupAdd)
        self.lbl_commenter.setObjectName(u"lbl_commenter")

        self.addForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_commenter)

        self.f_commenter = QLineEdit(self.groupAdd)
        self.f_commenter.setObjectName(u"f_commenter")

        self.addForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_commenter)

        self.err_commenter = QLabel(self.groupAdd)
        self.err_commenter.setObjectName(u"err_commenter")
        self.err_commenter.setWordWrap(True)

        self.addForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_commenter)

        self.lbl_content = QLabel(self.groupAdd)
        self.lbl_content.setObjectName(u"lbl_content")

        self.addForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_content)

        self.f_content = QPlainTextEdit(self.groupAdd)
        self.f_content.setObjectName(u"f_content")
        self.f_content.setMinimumSize(QSize(0, 50))
        self.f_content.setMaximumSize(QSize(16777215, 70))

        self.addForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.f_content)

        self.err_content = QLabel(self.groupAdd)
        self.err_content.setObjectName(u"err_content")
        self.err_content.setWordWrap(True)

        self.addForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_content)


        self.outer.addWidget(self.groupAdd)

        self.addButtons = QHBoxLayout()
        self.addButtons.setObjectName(u"addButtons")
        self.addButtons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtons.addItem(self.addButtons_spacer)

        self.addButton = QPushButton(ProactiveCommentsDialog)
        self.addButton.setObjectName(u"addButton")

        self.addButtons.addWidget(self.addButton)


        self.outer.addLayout(self.addButtons)

        self.groupHandle = QGroupBox(ProactiveCommentsDialog)
        self.groupHandle.setObjectName(u"groupHandle")
        self.handleForm = QFormLayout(self.groupHandle)
        self.handleForm.setObjectName(u"handleForm")
        self.lbl_handling = QLabel(self.groupHandle)
        self.lbl_handling.setObjectName(u"lbl_handling")

        self.handleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_handling)

        self.f_handling = QComboBox(self.groupHandle)
        self.f_handling.setObjectName(u"f_handling")

        self.handleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_handling)

        self.err_handling = QLabel(self.groupHandle)
        self.err_handling.setObjectName(u"err_handling")
        self.err_handling.setWordWrap(True)

        self.handleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_handling)

        self.lbl_reply = QLabel(self.groupHandle)
        self.lbl_reply.setObjectName(u"lbl_reply")

        self.handleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_reply)

        self.f_reply = QLineEdit(self.groupHandle)
        self.f_reply.setObjectName(u"f_reply")

        self.handleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.f_reply)

        self.err_reply = QLabel(self.groupHandle)
        self.err_reply.setObjectName(u"err_reply")
        self.err_reply.setWordWrap(True)

        self.handleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_reply)


        self.outer.addWidget(self.groupHandle)

        self.handleButtons = QHBoxLayout()
        self.handleButtons.setObjectName(u"handleButtons")
        self.selectedLabel = QLabel(ProactiveCommentsDialog)
        self.selectedLabel.setObjectName(u"selectedLabel")
        self.selectedLabel.setWordWrap(True)

        self.handleButtons.addWidget(self.selectedLabel)

        self.handleButtons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.handleButtons.addItem(self.handleButtons_spacer)

        self.handleButton = QPushButton(ProactiveCommentsDialog)
        self.handleButton.setObjectName(u"handleButton")

        self.handleButtons.addWidget(self.handleButton)


        self.outer.addLayout(self.handleButtons)

        self.errGeneral = QLabel(ProactiveCommentsDialog)
        self.errGeneral.setObjectName(u"errGeneral")
        self.errGeneral.setWordWrap(True)

        self.outer.addWidget(self.errGeneral)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom.addItem(self.bottom_spacer)

        self.closeButton = QPushButton(ProactiveCommentsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.bottom.addWidget(self.closeButton)


        self.outer.addLayout(self.bottom)


        self.retranslateUi(ProactiveCommentsDialog)

        QMetaObject.connectSlotsByName(ProactiveCommentsDialog)
    # setupUi

    def retranslateUi(self, ProactiveCommentsDialog):
        ProactiveCommentsDialog.setWindowTitle(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5f81\u6c42\u610f\u89c1\u53ca\u5904\u7406\u60c5\u51b5", None))
        self.itemLabel.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"font-weight: bold;", None))
        self.warningLabel.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.groupAdd.setTitle(QCoreApplication.translate("ProactiveCommentsDialog", u"\u6dfb\u52a0\u610f\u89c1", None))
        self.lbl_received_on.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u6536\u5230\u65e5\u671f", None))
        self.f_received_on.setPlaceholderText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5982 2026-10-12", None))
        self.err_received_on.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.lbl_commenter.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u63d0\u51fa\u4eba", None))
        self.f_commenter.setPlaceholderText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5355\u4f4d\u6216\u4e2a\u4eba\uff1b\u53ef\u4e0d\u586b", None))
        self.err_commenter.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.lbl_content.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u610f\u89c1\u5185\u5bb9", None))
        self.f_content.setPlaceholderText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u610f\u89c1\u7684\u4e3b\u8981\u5185\u5bb9", None))
        self.err_content.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.addButton.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u6dfb\u52a0\u610f\u89c1", None))
        self.groupHandle.setTitle(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5904\u7406\u9009\u4e2d\u7684\u610f\u89c1", None))
        self.lbl_handling.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5904\u7406\u60c5\u51b5", None))
        self.err_handling.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.lbl_reply.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u8bf4\u660e\u6216\u53cd\u9988", None))
        self.f_reply.setPlaceholderText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u4e0d\u4e88\u91c7\u7eb3\u7684\uff0c\u987b\u5199\u660e\u5411\u63d0\u8bae\u4eba\u53cd\u9988\u7684\u7406\u7531", None))
        self.err_reply.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.handleButton.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5904\u7406\u610f\u89c1", None))
        self.errGeneral.setStyleSheet(QCoreApplication.translate("ProactiveCommentsDialog", u"color: #b00020;", None))
        self.closeButton.setText(QCoreApplication.translate("ProactiveCommentsDialog", u"\u5173\u95ed", None))
    # retranslateUi

