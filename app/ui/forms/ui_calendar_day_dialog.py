# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_day_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QRadioButton, QVBoxLayout)

class Ui_CalendarDayDialog(object):
    def setupUi(self, CalendarDayDialog):
        if not CalendarDayDialog.objectName():
            CalendarDayDialog.setObjectName(u"CalendarDayDialog")
        CalendarDayDialog.resize(420, 240)
        self.outer = QVBoxLayout(CalendarDayDialog)
        self.outer.setObjectName(u"outer")
        self.dayLabel = QLabel(CalendarDayDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.outer.addWidget(self.dayLabel)

        self.sourceLabel = QLabel(CalendarDayDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setWordWrap(True)

        self.outer.addWidget(self.sourceLabel)

        self.choices = QHBoxLayout()
        self.choices.setObjectName(u"choices")
        self.workButton = QRadioButton(CalendarDayDialog)
        self.workButton.setObjectName(u"workButton")

        self.choices.addWidget(self.workButton)

        self.offButton = QRadioButton(CalendarDayDialog)
        self.offButton.setObjectName(u"offButton")

        self.choices.addWidget(self.offButton)

        self.defaultButton = QRadioButton(CalendarDayDialog)
        self.defaultButton.setObjectName(u"defaultButton")

        self.choices.addWidget(self.defaultButton)


        self.outer.addLayout(self.choices)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.lbl_note = QLabel(CalendarDayDialog)
        self.lbl_note.setObjectName(u"lbl_note")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_note)

        self.f_note = QLineEdit(CalendarDayDialog)
        self.f_note.setObjectName(u"f_note")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_note)


        self.outer.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(CalendarDayDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(CalendarDayDialog)

        QMetaObject.connectSlotsByName(CalendarDayDialog)
    # setupUi

    def retranslateUi(self, CalendarDayDialog):
        CalendarDayDialog.setWindowTitle(QCoreApplication.translate("CalendarDayDialog", u"\u4fee\u6539\u5de5\u4f5c\u65e5\u5386", None))
        self.dayLabel.setText("")
        self.sourceLabel.setText("")
        self.workButton.setText(QCoreApplication.translate("CalendarDayDialog", u"\u4e0a\u73ed\uff08\u8c03\u4f11\u4e0a\u73ed\u65e5\uff09", None))
        self.offButton.setText(QCoreApplication.translate("CalendarDayDialog", u"\u4f11\u606f\uff08\u8282\u5047\u65e5\uff09", None))
        self.defaultButton.setText(QCoreApplication.translate("CalendarDayDialog", u"\u6062\u590d\u9ed8\u8ba4", None))
        self.lbl_note.setText(QCoreApplication.translate("CalendarDayDialog", u"\u4f9d\u636e", None))
        self.f_note.setPlaceholderText(QCoreApplication.translate("CalendarDayDialog", u"\u5982\uff1a\u56fd\u529e\u53d1\u660e\u7535\u30142026\u3015X\u53f7", None))
    # retranslateUi

