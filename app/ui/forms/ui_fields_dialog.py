# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'fields_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

class Ui_FieldsDialog(object):
    def setupUi(self, FieldsDialog):
        if not FieldsDialog.objectName():
            FieldsDialog.setObjectName(u"FieldsDialog")
        FieldsDialog.resize(460, 260)
        self.outer = QVBoxLayout(FieldsDialog)
        self.outer.setObjectName(u"outer")
        self.ruleLabel = QLabel(FieldsDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.outer.addWidget(self.ruleLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_on = QLabel(FieldsDialog)
        self.lbl_on.setObjectName(u"lbl_on")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_on)

        self.f_on = QDateEdit(FieldsDialog)
        self.f_on.setObjectName(u"f_on")
        self.f_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_on)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(FieldsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.outer.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FieldsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(FieldsDialog)

        QMetaObject.connectSlotsByName(FieldsDialog)
    # setupUi

    def retranslateUi(self, FieldsDialog):
        FieldsDialog.setWindowTitle(QCoreApplication.translate("FieldsDialog", u"\u529e\u7406", None))
        self.ruleLabel.setText("")
        self.lbl_on.setText(QCoreApplication.translate("FieldsDialog", u"\u65e5\u671f", None))
        self.f_on.setDisplayFormat(QCoreApplication.translate("FieldsDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.errorLabel.setText("")
    # retranslateUi

