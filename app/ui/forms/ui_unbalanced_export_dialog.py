# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unbalanced_export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_UnbalancedExportDialog(object):
    def setupUi(self, UnbalancedExportDialog):
        if not UnbalancedExportDialog.objectName():
            UnbalancedExportDialog.setObjectName(u"UnbalancedExportDialog")
        UnbalancedExportDialog.resize(640, 420)
        self.outer = QVBoxLayout(UnbalancedExportDialog)
        self.outer.setObjectName(u"outer")
        self.introLabel = QLabel(UnbalancedExportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.outer.addWidget(self.introLabel)

        self.errorList = QListWidget(UnbalancedExportDialog)
        self.errorList.setObjectName(u"errorList")
        self.errorList.setWordWrap(True)

        self.outer.addWidget(self.errorList)

        self.noteLabel = QLabel(UnbalancedExportDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.outer.addWidget(self.noteLabel)

        self.noteEdit = QPlainTextEdit(UnbalancedExportDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.outer.addWidget(self.noteEdit)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.exportButton = QPushButton(UnbalancedExportDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setEnabled(False)

        self.buttons.addWidget(self.exportButton)

        self.cancelButton = QPushButton(UnbalancedExportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnbalancedExportDialog)

        self.cancelButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnbalancedExportDialog)
    # setupUi

    def retranslateUi(self, UnbalancedExportDialog):
        UnbalancedExportDialog.setWindowTitle(QCoreApplication.translate("UnbalancedExportDialog", u"\u5e74\u5ea6\u62a5\u544a\u6570\u636e\u4e0d\u5e73\u8861", None))
        self.introLabel.setText(QCoreApplication.translate("UnbalancedExportDialog", u"\u5e74\u5ea6\u62a5\u544a\u6570\u636e\u4e0d\u5e73\u8861\uff0c\u4e0b\u5217\u5355\u5143\u683c\u4e0d\u7b26\u5408\u56fd\u5bb6\u683c\u5f0f\uff08\u56fd\u529e\u516c\u5f00\u529e\u51fd\u30142021\u301530\u53f7\uff09\u7684\u52fe\u7a3d\u5173\u7cfb\uff0c\u4e0d\u80fd\u76f4\u63a5\u5bfc\u51fa\u3002\u8bf7\u5148\u5728\u767b\u8bb0\u7c3f\u4e2d\u6838\u5bf9\u6709\u5173\u7533\u8bf7\u7684\u529e\u7406\u7ed3\u679c\u548c\u65e5\u671f\u3002", None))
        self.noteLabel.setText(QCoreApplication.translate("UnbalancedExportDialog", u"\u5982\u786e\u9700\u5bfc\u51fa\uff0c\u8bf7\u8bf4\u660e\u539f\u56e0\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("UnbalancedExportDialog", u"\u4f8b\u5982\uff1a\u4e0a\u7ea7\u8981\u6c42\u5148\u62a5\u9001\u521d\u7a3f\uff0c\u6570\u636e\u6838\u5bf9\u540e\u518d\u66f4\u6b63", None))
        self.exportButton.setText(QCoreApplication.translate("UnbalancedExportDialog", u"\u4ecd\u8981\u5bfc\u51fa", None))
        self.cancelButton.setText(QCoreApplication.translate("UnbalancedExportDialog", u"\u53d6\u6d88", None))
    # retranslateUi

