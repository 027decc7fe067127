# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'district_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpinBox, QSplitter, QTabWidget, QTableWidget, QVBoxLayout, QWidget)

class Ui_DistrictPage(object):
    def setupUi(self, DistrictPage):
        if not DistrictPage.objectName():
            DistrictPage.setObjectName(u"DistrictPage")
        DistrictPage.resize(1200, 700)
        self.outer = QVBoxLayout(DistrictPage)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.summaryRow = QHBoxLayout()
        self.summaryRow.setObjectName(u"summaryRow")
        self.summaryLabel = QLabel(DistrictPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.summaryRow.addWidget(self.summaryLabel)

        self.refreshButton = QPushButton(DistrictPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.summaryRow.addWidget(self.refreshButton)


        self.outer.addLayout(self.summaryRow)

        self.tabs = QTabWidget(DistrictPage)
        self.tabs.setObjectName(u"tabs")
        self.officesTab = QWidget()
        self.officesTab.setObjectName(u"officesTab")
        self.officesLayout = QVBoxLayout(self.officesTab)
        self.officesLayout.setObjectName(u"officesLayout")
        self.officesSplitter = QSplitter(self.officesTab)
        self.officesSplitter.setObjectName(u"officesSplitter")
        self.officesSplitter.setOrientation(Qt.Orientation.Vertical)
        self.officesSplitter.setChildrenCollapsible(False)
        self.officesTable = QTableWidget(self.officesSplitter)
        self.officesTable.setObjectName(u"officesTable")
        self.officesSplitter.addWidget(self.officesTable)
        self.registerBox = QWidget(self.officesSplitter)
        self.registerBox.setObjectName(u"registerBox")
        self.registerLayout = QVBoxLayout(self.registerBox)
        self.registerLayout.setObjectName(u"registerLayout")
        self.registerLayout.setContentsMargins(0, 0, 0, 0)
        self.registerBar = QHBoxLayout()
        self.registerBar.setObjectName(u"registerBar")
        self.registerTitle = QLabel(self.registerBox)
        self.registerTitle.setObjectName(u"registerTitle")
        sizePolicy.setHeightForWidth(self.registerTitle.sizePolicy().hasHeightForWidth())
        self.registerTitle.setSizePolicy(sizePolicy)

        self.registerBar.addWidget(self.registerTitle)

        self.searchEdit = QLineEdit(self.registerBox)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setEnabled(False)
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(320, 0))

        self.registerBar.addWidget(self.searchEdit)


        self.registerLayout.addLayout(self.registerBar)

        self.registerTable = QTableWidget(self.registerBox)
        self.registerTable.setObjectName(u"registerTable")

        self.registerLayout.addWidget(self.registerTable)

        self.officesSplitter.addWidget(self.registerBox)

        self.officesLayout.addWidget(self.officesSplitter)

        self.tabs.addTab(self.officesTab, "")
        self.reportTab = QWidget()
        self.reportTab.setObjectName(u"reportTab")
        self.reportLayout = QVBoxLayout(self.reportTab)
        self.reportLayout.setObjectName(u"reportLayout")
        self.reportBar = QHBoxLayout()
        self.reportBar.setObjectName(u"reportBar")
        self.yearLabel = QLabel(self.reportTab)
        self.yearLabel.setObjectName(u"yearLabel")

        self.reportBar.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(self.reportTab)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2008)
        self.yearSpin.setMaximum(2100)

        self.reportBar.addWidget(self.yearSpin)

        self.countButton = QPushButton(self.reportTab)
        self.countButton.setObjectName(u"countButton")

        self.reportBar.addWidget(self.countButton)

        self.reportStatus = QLabel(self.reportTab)
        self.reportStatus.setObjectName(u"reportStatus")
        self.reportStatus.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.reportStatus.sizePolicy().hasHeightForWidth())
        self.reportStatus.setSizePolicy(sizePolicy)

        self.reportBar.addWidget(self.reportStatus)

        self.exportButton = QPushButton(self.reportTab)
        self.exportButton.setObjectName(u"exportButton")

        self.reportBar.addWidget(self.exportButton)


        self.reportLayout.addLayout(self.reportBar)

        self.reportSplitter = QSplitter(self.reportTab)
        self.reportSplitter.setObjectName(u"reportSplitter")
        self.reportSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.reportSplitter.setChildrenCollapsible(False)
        self.reportTabs = QTabWidget(self.reportSplitter)
        self.reportTabs.setObjectName(u"reportTabs")
        self.reportSplitter.addWidget(self.reportTabs)
        self.breakdownBox = QWidget(self.reportSplitter)
        self.breakdownBox.setObjectName(u"breakdownBox")
        self.breakdownBox.setMinimumSize(QSize(200, 0))
        self.breakdownBox.setMaximumSize(QSize(300, 16777215))
        self.breakdownLayout = QVBoxLayout(self.breakdownBox)
        self.breakdownLayout.setObjectName(u"breakdownLayout")
        self.breakdownLayout.setContentsMargins(0, 0, 0, 0)
        self.breakdownTitle = QLabel(self.breakdownBox)
        self.breakdownTitle.setObjectName(u"breakdownTitle")
        self.breakdownTitle.setWordWrap(True)

        self.breakdownLayout.addWidget(self.breakdownTitle)

        self.breakdownTable = QTableWidget(self.breakdownBox)
        self.breakdownTable.setObjectName(u"breakdownTable")

        self.breakdownLayout.addWidget(self.breakdownTable)

        self.reportSplitter.addWidget(self.breakdownBox)

        self.reportLayout.addWidget(self.reportSplitter)

        self.tabs.addTab(self.reportTab, "")

        self.outer.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DistrictPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DistrictPage)
    # setupUi

    def retranslateUi(self, DistrictPage):
        self.refreshButton.setText(QCoreApplication.translate("DistrictPage", u"\u5237\u65b0", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("DistrictPage", u"\u91cd\u65b0\u7edf\u8ba1\u5404\u5355\u4f4d\u7684\u8d85\u671f\u3001\u4e34\u671f\u3001\u5f52\u6863\u548c\u8206\u60c5\uff08F5\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.officesTable.setToolTip(QCoreApplication.translate("DistrictPage", u"\u53cc\u51fb\u6216\u6309\u56de\u8f66\uff0c\u67e5\u770b\u8be5\u5355\u4f4d\u7684\u767b\u8bb0\u7c3f\uff08\u53ea\u8bfb\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.registerTitle.setText(QCoreApplication.translate("DistrictPage", u"\u53cc\u51fb\u4e0a\u8868\u4e2d\u7684\u5355\u4f4d\uff08\u6216\u9009\u4e2d\u540e\u6309\u56de\u8f66\uff09\uff0c\u67e5\u770b\u5176\u767b\u8bb0\u7c3f\uff08\u53ea\u8bfb\uff09\u3002", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("DistrictPage", u"\u5728\u8be5\u5355\u4f4d\u767b\u8bb0\u7c3f\u4e2d\u641c\u7d22\uff08Ctrl+F\uff09", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("DistrictPage", u"\u767b\u8bb0\u7f16\u53f7\u3001\u7533\u8bf7\u4eba\u3001\u7535\u8bdd\u3001\u8bc1\u4ef6\u53f7\u7801\u3001\u7533\u8bf7\u5185\u5bb9\uff1b\u6309\u56de\u8f66\u641c\u7d22\uff08Ctrl+F\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.registerTable.setToolTip(QCoreApplication.translate("DistrictPage", u"\u53ea\u8bfb\uff1a\u533a\u7ea7\u7528\u6237\u67e5\u770b\u5404\u5355\u4f4d\u7684\u6848\u4ef6\uff0c\u4e0d\u80fd\u4fee\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.officesTab), QCoreApplication.translate("DistrictPage", u"\u5404\u5355\u4f4d", None))
#if QT_CONFIG(tooltip)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.officesTab), QCoreApplication.translate("DistrictPage", u"\u5404\u5355\u4f4d\u7684\u671f\u9650\u3001\u5f52\u6863\u548c\u8206\u60c5\uff0c\u53ca\u5176\u767b\u8bb0\u7c3f\uff08Ctrl+1\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.yearLabel.setText(QCoreApplication.translate("DistrictPage", u"\u5e74\u5ea6(&Y)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("DistrictPage", u" \u5e74\u5ea6", None))
        self.countButton.setText(QCoreApplication.translate("DistrictPage", u"\u6c47\u603b", None))
#if QT_CONFIG(tooltip)
        self.countButton.setToolTip(QCoreApplication.translate("DistrictPage", u"\u6309\u5404\u5355\u4f4d\u81ea\u5df1\u7684\u5e74\u5ea6\u62a5\u544a\u7edf\u8ba1\u8be5\u5e74\u5ea6\u8868\u4e8c\u81f3\u8868\u56db\u5e76\u9010\u683c\u76f8\u52a0\uff08Ctrl+R\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("DistrictPage", u"\u5bfc\u51fa\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("DistrictPage", u"\u5bfc\u51fa\u5168\u533a\u6c47\u603b\u7edf\u8ba1\u8868\uff08.xlsx\uff0c\u56fd\u5bb6\u683c\u5f0f\uff0c\u4e0e\u201c\u53bf\u7ea7\u6c47\u603b\u201d\u76f8\u540c\uff09\uff08Ctrl+E\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.breakdownTitle.setText(QCoreApplication.translate("DistrictPage", u"\u70b9\u51fb\u8868\u4e2d\u7684\u4e00\u683c\uff0c\u67e5\u770b\u5404\u5355\u4f4d\u7684\u6570\u5b57\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reportTab), QCoreApplication.translate("DistrictPage", u"\u5168\u533a\u5e74\u5ea6\u62a5\u544a", None))
#if QT_CONFIG(tooltip)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.reportTab), QCoreApplication.translate("DistrictPage", u"\u5404\u5355\u4f4d\u7684\u8868\u4e8c\u81f3\u8868\u56db\u9010\u683c\u76f8\u52a0\uff0c\u4efb\u4e00\u683c\u53ef\u770b\u5404\u5355\u4f4d\u7684\u6570\u5b57\uff08Ctrl+2\uff09", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

