# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QFrame,
    QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QStatusBar, QTableWidget, QToolBar, QVBoxLayout, QWidget)

class Ui_CaseView(object):
    def setupUi(self, CaseView):
        if not CaseView.objectName():
            CaseView.setObjectName(u"CaseView")
        CaseView.resize(1280, 760)
        self.actionSave = QAction(CaseView)
        self.actionSave.setObjectName(u"actionSave")
        self.actionClose = QAction(CaseView)
        self.actionClose.setObjectName(u"actionClose")
        self.centralwidget = QWidget(CaseView)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.headerLayout = QVBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.caseNoLabel = QLabel(self.centralwidget)
        self.caseNoLabel.setObjectName(u"caseNoLabel")

        self.titleRow.addWidget(self.caseNoLabel)

        self.statusLabel = QLabel(self.centralwidget)
        self.statusLabel.setObjectName(u"statusLabel")

        self.titleRow.addWidget(self.statusLabel)

        self.titleSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)


        self.headerLayout.addLayout(self.titleRow)

        self.applicantLabel = QLabel(self.centralwidget)
        self.applicantLabel.setObjectName(u"applicantLabel")
        self.applicantLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.applicantLabel)

        self.receivedLabel = QLabel(self.centralwidget)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.headerLayout.addWidget(self.receivedLabel)


        self.centralLayout.addLayout(self.headerLayout)

        self.bodyRow = QHBoxLayout()
        self.bodyRow.setSpacing(12)
        self.bodyRow.setObjectName(u"bodyRow")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.formScroll = QScrollArea(self.centralwidget)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.formHostLayout = QVBoxLayout(self.formHost)
        self.formHostLayout.setObjectName(u"formHostLayout")
        self.formScroll.setWidget(self.formHost)

        self.leftColumn.addWidget(self.formScroll)


        self.bodyRow.addLayout(self.leftColumn)

        self.sideWidget = QWidget(self.centralwidget)
        self.sideWidget.setObjectName(u"sideWidget")
        self.sideWidget.setMinimumSize(QSize(380, 0))
        self.sideWidget.setMaximumSize(QSize(460, 16777215))
        self.sideColumn = QVBoxLayout(self.sideWidget)
        self.sideColumn.setObjectName(u"sideColumn")
        self.sideColumn.setContentsMargins(0, 0, 0, 0)
        self.deadlinePanel = QGroupBox(self.sideWidget)
        self.deadlinePanel.setObjectName(u"deadlinePanel")
        self.deadlineLayout = QVBoxLayout(self.deadlinePanel)
        self.deadlineLayout.setObjectName(u"deadlineLayout")
        self.deadlineLabel = QLabel(self.deadlinePanel)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setWordWrap(True)

        self.deadlineLayout.addWidget(self.deadlineLabel)


        self.sideColumn.addWidget(self.deadlinePanel)

        self.outcomePanel = QGroupBox(self.sideWidget)
        self.outcomePanel.setObjectName(u"outcomePanel")
        self.formOutcome = QFormLayout(self.outcomePanel)
        self.formOutcome.setObjectName(u"formOutcome")
        self.lbl_outcome = QLabel(self.outcomePanel)
        self.lbl_outcome.setObjectName(u"lbl_outcome")

        self.formOutcome.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_outcome)

        self.cell_outcome = QVBoxLayout()
        self.cell_outcome.setSpacing(2)
        self.cell_outcome.setObjectName(u"cell_outcome")
        self.f_outcome = QComboBox(self.outcomePanel)
        self.f_outcome.setObjectName(u"f_outcome")

        self.cell_outcome.addWidget(self.f_outcome)

        self.err_outcome = QLabel(self.outcomePanel)
        self.err_outcome.setObjectName(u"err_outcome")
        self.err_outcome.setWordWrap(True)

        self.cell_outcome.addWidget(self.err_outcome)


        self.formOutcome.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_outcome)

        self.lbl_answered_on = QLabel(self.outcomePanel)
        self.lbl_answered_on.setObjectName(u"lbl_answered_on")

        self.formOutcome.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_answered_on)

        self.cell_answered_on = QVBoxLayout()
        self.cell_answered_on.setSpacing(2)
        self.cell_answered_on.setObjectName(u"cell_answered_on")
        self.f_answered_on = QDateEdit(self.outcomePanel)
        self.f_answered_on.setObjectName(u"f_answered_on")
        self.f_answered_on.setCalendarPopup(True)

        self.cell_answered_on.addWidget(self.f_answered_on)

        self.err_answered_on = QLabel(self.outcomePanel)
        self.err_answered_on.setObjectName(u"err_answered_on")
        self.err_answered_on.setWordWrap(True)

        self.cell_answered_on.addWidget(self.err_answered_on)


        self.formOutcome.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_answered_on)

        self.recordOutcomeButton = QPushButton(self.outcomePanel)
        self.recordOutcomeButton.setObjectName(u"recordOutcomeButton")

        self.formOutcome.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recordOutcomeButton)


        self.sideColumn.addWidget(self.outcomePanel)

        self.extraPanels = QVBoxLayout()
        self.extraPanels.setObjectName(u"extraPanels")

        self.sideColumn.addLayout(self.extraPanels)

        self.timelinePanel = QGroupBox(self.sideWidget)
        self.timelinePanel.setObjectName(u"timelinePanel")
        self.timelineLayout = QVBoxLayout(self.timelinePanel)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTable = QTableWidget(self.timelinePanel)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timelineTable.setWordWrap(True)
        self.timelineTable.setColumnCount(3)

        self.timelineLayout.addWidget(self.timelineTable)


        self.sideColumn.addWidget(self.timelinePanel)


        self.bodyRow.addWidget(self.sideWidget)


        self.centralLayout.addLayout(self.bodyRow)

        CaseView.setCentralWidget(self.centralwidget)
        self.actionsBar = QToolBar(CaseView)
        self.actionsBar.setObjectName(u"actionsBar")
        self.actionsBar.setMovable(False)
        self.actionsBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        CaseView.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.actionsBar)
        self.statusbar = QStatusBar(CaseView)
        self.statusbar.setObjectName(u"statusbar")
        CaseView.setStatusBar(self.statusbar)

        self.actionsBar.addAction(self.actionSave)
        self.actionsBar.addSeparator()

        self.retranslateUi(CaseView)

        QMetaObject.connectSlotsByName(CaseView)
    # setupUi

    def retranslateUi(self, CaseView):
        CaseView.setWindowTitle(QCoreApplication.translate("CaseView", u"\u6848\u4ef6", None))
        self.actionSave.setText(QCoreApplication.translate("CaseView", u"\u4fdd\u5b58\u4fee\u6539", None))
#if QT_CONFIG(shortcut)
        self.actionSave.setShortcut(QCoreApplication.translate("CaseView", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
#if QT_CONFIG(tooltip)
        self.actionSave.setToolTip(QCoreApplication.translate("CaseView", u"\u4fdd\u5b58\u767b\u8bb0\u4fe1\u606f\u7684\u4fee\u6539\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionClose.setText(QCoreApplication.translate("CaseView", u"\u5173\u95ed", None))
#if QT_CONFIG(tooltip)
        self.actionClose.setToolTip(QCoreApplication.translate("CaseView", u"\u5173\u95ed\u6848\u4ef6\u7a97\u53e3\uff08Ctrl+W\uff09\uff1b\u6709\u672a\u4fdd\u5b58\u7684\u4fee\u6539\u65f6\u5148\u8be2\u95ee", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionClose.setShortcut(QCoreApplication.translate("CaseView", u"Ctrl+W", None))
#endif // QT_CONFIG(shortcut)
        self.caseNoLabel.setText("")
        self.caseNoLabel.setProperty(u"role", QCoreApplication.translate("CaseView", u"title", None))
        self.statusLabel.setText("")
        self.statusLabel.setProperty(u"role", QCoreApplication.translate("CaseView", u"status", None))
        self.applicantLabel.setText("")
        self.receivedLabel.setText("")
        self.deadlinePanel.setTitle(QCoreApplication.translate("CaseView", u"\u671f\u9650", None))
        self.deadlineLabel.setText("")
        self.outcomePanel.setTitle(QCoreApplication.translate("CaseView", u"\u7b54\u590d", None))
        self.lbl_outcome.setText(QCoreApplication.translate("CaseView", u"\u529e\u7406\u7ed3\u679c", None))
#if QT_CONFIG(tooltip)
        self.f_outcome.setToolTip(QCoreApplication.translate("CaseView", u"\u5e74\u5ea6\u62a5\u544a\u8868\u4e09\u7684\u884c\uff08outcomes.md\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.err_outcome.setText("")
        self.err_outcome.setProperty(u"role", QCoreApplication.translate("CaseView", u"error", None))
        self.lbl_answered_on.setText(QCoreApplication.translate("CaseView", u"\u7b54\u590d\u65e5\u671f", None))
        self.f_answered_on.setDisplayFormat(QCoreApplication.translate("CaseView", u"yyyy-MM-dd", None))
        self.err_answered_on.setText("")
        self.err_answered_on.setProperty(u"role", QCoreApplication.translate("CaseView", u"error", None))
        self.recordOutcomeButton.setText(QCoreApplication.translate("CaseView", u"\u8bb0\u5f55\u529e\u7406\u7ed3\u679c", None))
        self.timelinePanel.setTitle(QCoreApplication.translate("CaseView", u"\u529e\u7406\u8fc7\u7a0b", None))
        self.actionsBar.setWindowTitle(QCoreApplication.translate("CaseView", u"\u529e\u7406", None))
    # retranslateUi

