# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QRect, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QListWidget, QMenu, QMenuBar, QStackedWidget,
    QStatusBar, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1366, 768)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionNewRequest = QAction(MainWindow)
        self.actionNewRequest.setObjectName(u"actionNewRequest")
        self.actionOpenCase = QAction(MainWindow)
        self.actionOpenCase.setObjectName(u"actionOpenCase")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionOfficeSettings = QAction(MainWindow)
        self.actionOfficeSettings.setObjectName(u"actionOfficeSettings")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionPassword = QAction(MainWindow)
        self.actionPassword.setObjectName(u"actionPassword")
        self.actionOperator = QAction(MainWindow)
        self.actionOperator.setObjectName(u"actionOperator")
        self.actionGuide = QAction(MainWindow)
        self.actionGuide.setObjectName(u"actionGuide")
        self.actionPrint = QAction(MainWindow)
        self.actionPrint.setObjectName(u"actionPrint")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(6)
        self.centralLayout.setObjectName(u"centralLayout")
        self.navList = QListWidget(self.centralwidget)
        self.navList.setObjectName(u"navList")
        self.navList.setMaximumSize(QSize(140, 16777215))
        self.navList.setMinimumSize(QSize(120, 0))

        self.centralLayout.addWidget(self.navList)

        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menubar.setGeometry(QRect(0, 0, 1366, 24))
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuRegister = QMenu(self.menubar)
        self.menuRegister.setObjectName(u"menuRegister")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuRegister.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionPrint)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuRegister.addAction(self.actionNewRequest)
        self.menuRegister.addAction(self.actionOpenCase)
        self.menuRegister.addSeparator()
        self.menuRegister.addAction(self.actionFind)
        self.menuSettings.addAction(self.actionOfficeSettings)
        self.menuSettings.addAction(self.actionPassword)
        self.menuSettings.addAction(self.actionOperator)
        self.menuHelp.addAction(self.actionGuide)
        self.menuHelp.addSeparator()
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u653f\u52a1\u516c\u5f00\u5de5\u4f5c\u53f0", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa(&X)", None))
        self.actionNewRequest.setText(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u65b0\u7533\u8bf7(&N)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionNewRequest.setToolTip(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u4e00\u4ef6\u4f9d\u7533\u8bf7\u516c\u5f00\u7533\u8bf7\uff08Ctrl+N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionOpenCase.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6848\u4ef6(&O)", None))
#if QT_CONFIG(tooltip)
        self.actionOpenCase.setToolTip(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6240\u9009\u6848\u4ef6\uff08\u56de\u8f66\u6216\u53cc\u51fb\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e(&F)", None))
#if QT_CONFIG(tooltip)
        self.actionFind.setToolTip(QCoreApplication.translate("MainWindow", u"\u5c06\u5149\u6807\u79fb\u5230\u641c\u7d22\u6846\uff08Ctrl+F\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionOfficeSettings.setText(QCoreApplication.translate("MainWindow", u"\u673a\u5173\u8bbe\u7f6e(&O)\u2026", None))
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"\u5907\u4efd\u4e0e\u6062\u590d(&B)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionBackup.setToolTip(QCoreApplication.translate("MainWindow", u"\u7acb\u5373\u5907\u4efd\u3001\u5907\u4efd\u5230U\u76d8\u3001\u4ece\u5907\u4efd\u6062\u590d\uff08\u6062\u590d\u524d\u81ea\u52a8\u4fdd\u5b58\u5f53\u524d\u6587\u4ef6\uff0c\u53ef\u64a4\u9500\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionPassword.setText(QCoreApplication.translate("MainWindow", u"\u542f\u52a8\u5bc6\u7801\u4e0e\u81ea\u52a8\u9501\u5b9a(&P)\u2026", None))
        self.actionOperator.setText(QCoreApplication.translate("MainWindow", u"\u64cd\u4f5c\u4eba(&U)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionOperator.setToolTip(QCoreApplication.translate("MainWindow", u"\u5ba1\u8ba1\u8bb0\u5f55\u4e2d\u201c\u64cd\u4f5c\u4eba\u201d\u7684\u59d3\u540d\uff08\u9ed8\u8ba4\u4e3a\u9996\u6b21\u4f7f\u7528\u65f6\u586b\u5199\u7684\u7ecf\u529e\u4eba\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionGuide.setText(QCoreApplication.translate("MainWindow", u"\u4f7f\u7528\u8bf4\u660e(&H)", None))
#if QT_CONFIG(tooltip)
        self.actionGuide.setToolTip(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u3001\u671f\u9650\u3001\u6587\u4e66\u3001\u5e74\u7ec8\u5f52\u6863\u7684\u64cd\u4f5c\u8bf4\u660e\u548c\u6cd5\u5f8b\u4f9d\u636e\uff08F1\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionPrint.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5370(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionPrint.setToolTip(QCoreApplication.translate("MainWindow", u"\u6253\u5370\u5f53\u524d\u9875\u9762\u7684\u5217\u8868\uff08Ctrl+P\uff09\uff1b\u6848\u4ef6\u7a97\u53e3\u4e2d\u6253\u5370\u6240\u9009\u6587\u4e66", None))
#endif // QT_CONFIG(tooltip)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e(&A)", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u9875\u9762\u5bfc\u822a", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.menuRegister.setTitle(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0(&R)", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"\u8bbe\u7f6e(&S)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
    # retranslateUi

