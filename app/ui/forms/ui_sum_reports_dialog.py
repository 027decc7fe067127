# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sum_reports_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_SumReportsDialog(object):
    def setupUi(self, SumReportsDialog):
        if not SumReportsDialog.objectName():
            SumReportsDialog.setObjectName(u"SumReportsDialog")
        SumReportsDialog.resize(600, 280)
        self.outer = QVBoxLayout(SumReportsDialog)
        self.outer.setObjectName(u"outer")
        self.introLabel = QLabel(SumReportsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.outer.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.folderLabel = QLabel(SumReportsDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(SumReportsDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.folderButton = QPushButton(SumReportsDialog)
        self.folderButton.setObjectName(u"folderButton")

        self.folderRow.addWidget(self.folderButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.outLabel = QLabel(SumReportsDialog)
        self.outLabel.setObjectName(u"outLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outLabel)

        self.outRow = QHBoxLayout()
        self.outRow.setObjectName(u"outRow")
        self.outEdit = QLineEdit(SumReportsDialog)
        self.outEdit.setObjectName(u"outEdit")

        self.outRow.addWidget(self.outEdit)

        self.outButton = QPushButton(SumReportsDialog)
        self.outButton.setObjectName(u"outButton")

        self.outRow.addWidget(self.outButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.outRow)


        self.outer.addLayout(self.form)

        self.busyBar = QProgressBar(SumReportsDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.outer.addWidget(self.busyBar)

        self.resultLabel = QLabel(SumReportsDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer.addWidget(self.resultLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.sumButton = QPushButton(SumReportsDialog)
        self.sumButton.setObjectName(u"sumButton")

        self.buttons.addWidget(self.sumButton)

        self.closeButton = QPushButton(SumReportsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.outer.addLayout(self.buttons)


        self.retranslateUi(SumReportsDialog)

        self.sumButton.setDefault(True)


        QMetaObject.connectSlotsByName(SumReportsDialog)
    # setupUi

    def retranslateUi(self, SumReportsDialog):
        SumReportsDialog.setWindowTitle(QCoreApplication.translate("SumReportsDialog", u"\u53bf\u7ea7\u6c47\u603b", None))
        self.introLabel.setText(QCoreApplication.translate("SumReportsDialog", u"\u628a\u5404\u5355\u4f4d\u7528\u672c\u7a0b\u5e8f\u5bfc\u51fa\u7684\u5e74\u5ea6\u62a5\u544a\u7edf\u8ba1\u8868\uff08.xlsx\uff09\u653e\u5728\u540c\u4e00\u4e2a\u6587\u4ef6\u5939\u4e2d\uff0c\u7a0b\u5e8f\u9010\u683c\u76f8\u52a0\uff0c\u751f\u6210\u4e00\u4efd\u6c47\u603b\u8868\u3002\u7248\u5f0f\u4e0d\u540c\u3001\u5e74\u5ea6\u4e0d\u540c\u6216\u6570\u636e\u4e0d\u5e73\u8861\u7684\u6587\u4ef6\u4f1a\u88ab\u62d2\u7edd\u3002", None))
        self.folderLabel.setText(QCoreApplication.translate("SumReportsDialog", u"\u5404\u5355\u4f4d\u62a5\u8868\u6240\u5728\u6587\u4ef6\u5939", None))
        self.folderButton.setText(QCoreApplication.translate("SumReportsDialog", u"\u9009\u62e9\u2026", None))
        self.outLabel.setText(QCoreApplication.translate("SumReportsDialog", u"\u6c47\u603b\u7ed3\u679c\u4fdd\u5b58\u4e3a", None))
        self.outButton.setText(QCoreApplication.translate("SumReportsDialog", u"\u9009\u62e9\u2026", None))
        self.resultLabel.setText("")
        self.sumButton.setText(QCoreApplication.translate("SumReportsDialog", u"\u6c47\u603b", None))
        self.closeButton.setText(QCoreApplication.translate("SumReportsDialog", u"\u5173\u95ed", None))
    # retranslateUi

