# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'clock_action_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

class Ui_ClockActionDialog(object):
    def setupUi(self, ClockActionDialog):
        if not ClockActionDialog.objectName():
            ClockActionDialog.setObjectName(u"ClockActionDialog")
        ClockActionDialog.resize(460, 260)
        self.outer = QVBoxLayout(ClockActionDialog)
        self.outer.setObjectName(u"outer")
        self.ruleLabel = QLabel(ClockActionDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.outer.addWidget(self.ruleLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_on = QLabel(ClockActionDialog)
        self.lbl_on.setObjectName(u"lbl_on")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_on)

        self.f_on = QDateEdit(ClockActionDialog)
        self.f_on.setObjectName(u"f_on")
        self.f_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_on)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(ClockActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.outer.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ClockActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(ClockActionDialog)

        QMetaObject.connectSlotsByName(ClockActionDialog)
    # setupUi

    def retranslateUi(self, ClockActionDialog):
        ClockActionDialog.setWindowTitle(QCoreApplication.translate("ClockActionDialog", u"\u529e\u7406", None))
        self.ruleLabel.setText("")
        self.lbl_on.setText(QCoreApplication.translate("ClockActionDialog", u"\u65e5\u671f", None))
        self.f_on.setDisplayFormat(QCoreApplication.translate("ClockActionDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.errorLabel.setText("")
    # retranslateUi

