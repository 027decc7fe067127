# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'repeal_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_RepealDialog(object):
    def setupUi(self, RepealDialog):
        if not RepealDialog.objectName():
            RepealDialog.setObjectName(u"RepealDialog")
        RepealDialog.resize(480, 260)
        self.outer = QVBoxLayout(RepealDialog)
        self.outer.setObjectName(u"outer")
        self.itemLabel = QLabel(RepealDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.outer.addWidget(self.itemLabel)

        self.explainLabel = QLabel(RepealDialog)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setWordWrap(True)

        self.outer.addWidget(self.explainLabel)

        self.repealForm = QFormLayout()
        self.repealForm.setObjectName(u"repealForm")
        self.lbl_repealed_on = QLabel(RepealDialog)
        self.lbl_repealed_on.setObjectName(u"lbl_repealed_on")

        self.repealForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_repealed_on)

        self.f_repealed_on = QLineEdit(RepealDialog)
        self.f_repealed_on.setObjectName(u"f_repealed_on")

        self.repealForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.f_repealed_on)

        self.err_repealed_on = QLabel(RepealDialog)
        self.err_repealed_on.setObjectName(u"err_repealed_on")
        self.err_repealed_on.setWordWrap(True)

        self.repealForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_repealed_on)


        self.outer.addLayout(self.repealForm)

        self.errGeneral = QLabel(RepealDialog)
        self.errGeneral.setObjectName(u"errGeneral")
        self.errGeneral.setWordWrap(True)

        self.outer.addWidget(self.errGeneral)

        self.buttonBox = QDialogButtonBox(RepealDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(RepealDialog)

        QMetaObject.connectSlotsByName(RepealDialog)
    # setupUi

    def retranslateUi(self, RepealDialog):
        RepealDialog.setWindowTitle(QCoreApplication.translate("RepealDialog", u"\u767b\u8bb0\u5e9f\u6b62\uff08\u5931\u6548\uff09", None))
        self.itemLabel.setStyleSheet(QCoreApplication.translate("RepealDialog", u"font-weight: bold;", None))
        self.lbl_repealed_on.setText(QCoreApplication.translate("RepealDialog", u"\u5e9f\u6b62\uff08\u5931\u6548\uff09\u65e5\u671f", None))
        self.f_repealed_on.setPlaceholderText(QCoreApplication.translate("RepealDialog", u"\u5982 2026-10-12", None))
        self.err_repealed_on.setStyleSheet(QCoreApplication.translate("RepealDialog", u"color: #b00020;", None))
        self.errGeneral.setStyleSheet(QCoreApplication.translate("RepealDialog", u"color: #b00020;", None))
    # retranslateUi

