# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout)

class Ui_RegisterPage(object):
    def setupUi(self, RegisterPage):
        if not RegisterPage.objectName():
            RegisterPage.setObjectName(u"RegisterPage")
        RegisterPage.resize(1200, 700)
        self.outer = QVBoxLayout(RegisterPage)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.searchEdit = QLineEdit(RegisterPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.searchEdit)

        self.yearCombo = QComboBox(RegisterPage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.filterRow.addWidget(self.yearCombo)

        self.statusCombo = QComboBox(RegisterPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterRow.addWidget(self.statusCombo)

        self.outcomeCombo = QComboBox(RegisterPage)
        self.outcomeCombo.setObjectName(u"outcomeCombo")
        self.outcomeCombo.setMinimumSize(QSize(180, 0))
        self.outcomeCombo.setMaximumSize(QSize(260, 16777215))

        self.filterRow.addWidget(self.outcomeCombo)

        self.newButton = QPushButton(RegisterPage)
        self.newButton.setObjectName(u"newButton")

        self.filterRow.addWidget(self.newButton)


        self.outer.addLayout(self.filterRow)

        self.table = QTableView(RegisterPage)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.outer.addWidget(self.table)

        self.emptyLabel = QLabel(RegisterPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setVisible(False)

        self.outer.addWidget(self.emptyLabel)


        self.retranslateUi(RegisterPage)

        QMetaObject.connectSlotsByName(RegisterPage)
    # setupUi

    def retranslateUi(self, RegisterPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u641c\u7d22\u767b\u8bb0\u7f16\u53f7\u3001\u7533\u8bf7\u4eba\u3001\u7535\u8bdd\u3001\u8bc1\u4ef6\u53f7\u7801\u3001\u7533\u8bf7\u5185\u5bb9\uff08Ctrl+F\uff09", None))
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("RegisterPage", u"\u6309\u5e74\u5ea6\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("RegisterPage", u"\u6309\u529e\u7406\u72b6\u6001\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.outcomeCombo.setToolTip(QCoreApplication.translate("RegisterPage", u"\u6309\u529e\u7406\u7ed3\u679c\u7b5b\u9009\uff08\u5e74\u5ea6\u62a5\u544a\u8868\u4e09\u7684\u884c\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("RegisterPage", u"\u767b\u8bb0\u65b0\u7533\u8bf7", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("RegisterPage", u"Ctrl+N", None))
#endif // QT_CONFIG(tooltip)
        self.emptyLabel.setText("")
        pass
    # retranslateUi

