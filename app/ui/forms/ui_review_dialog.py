# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QVBoxLayout, QWidget)

class Ui_ReviewDialog(object):
    def setupUi(self, ReviewDialog):
        if not ReviewDialog.objectName():
            ReviewDialog.setObjectName(u"ReviewDialog")
        ReviewDialog.resize(1180, 720)
        self.outer = QVBoxLayout(ReviewDialog)
        self.outer.setObjectName(u"outer")
        self.targetLabel = QLabel(ReviewDialog)
        self.targetLabel.setObjectName(u"targetLabel")
        self.targetLabel.setWordWrap(True)

        self.outer.addWidget(self.targetLabel)

        self.statusLabel = QLabel(ReviewDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.outer.addWidget(self.statusLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.groupContent = QGroupBox(ReviewDialog)
        self.groupContent.setObjectName(u"groupContent")
        self.contentBox = QVBoxLayout(self.groupContent)
        self.contentBox.setObjectName(u"contentBox")
        self.formContent = QFormLayout()
        self.formContent.setObjectName(u"formContent")
        self.formContent.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formContent.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_0 = QLabel(self.groupContent)
        self.lbl_0.setObjectName(u"lbl_0")

        self.formContent.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_0)

        self.cell_info_name = QVBoxLayout()
        self.cell_info_name.setSpacing(2)
        self.cell_info_name.setObjectName(u"cell_info_name")
        self.f_info_name = QLineEdit(self.groupContent)
        self.f_info_name.setObjectName(u"f_info_name")

        self.cell_info_name.addWidget(self.f_info_name)

        self.err_info_name = QLabel(self.groupContent)
        self.err_info_name.setObjectName(u"err_info_name")
        self.err_info_name.setWordWrap(True)

        self.cell_info_name.addWidget(self.err_info_name)


        self.formContent.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_info_name)

        self.lbl_1 = QLabel(self.groupContent)
        self.lbl_1.setObjectName(u"lbl_1")

        self.formContent.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_1)

        self.cell_info_no = QVBoxLayout()
        self.cell_info_no.setSpacing(2)
        self.cell_info_no.setObjectName(u"cell_info_no")
        self.f_info_no = QLineEdit(self.groupContent)
        self.f_info_no.setObjectName(u"f_info_no")

        self.cell_info_no.addWidget(self.f_info_no)

        self.err_info_no = QLabel(self.groupContent)
        self.err_info_no.setObjectName(u"err_info_no")
        self.err_info_no.setWordWrap(True)

        self.cell_info_no.addWidget(self.err_info_no)


        self.formContent.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_info_no)

        self.lbl_2 = QLabel(self.groupContent)
        self.lbl_2.setObjectName(u"lbl_2")

        self.formContent.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_2)

        self.cell_section = QVBoxLayout()
        self.cell_section.setSpacing(2)
        self.cell_section.setObjectName(u"cell_section")
        self.f_section = QLineEdit(self.groupContent)
        self.f_section.setObjectName(u"f_section")

        self.cell_section.addWidget(self.f_section)

        self.err_section = QLabel(self.groupContent)
        self.err_section.setObjectName(u"err_section")
        self.err_section.setWordWrap(True)

        self.cell_section.addWidget(self.err_section)


        self.formContent.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_section)

        self.lbl_3 = QLabel(self.groupContent)
        self.lbl_3.setObjectName(u"lbl_3")

        self.formContent.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_3)

        self.cell_carrier = QVBoxLayout()
        self.cell_carrier.setSpacing(2)
        self.cell_carrier.setObjectName(u"cell_carrier")
        self.f_carrier = QComboBox(self.groupContent)
        self.f_carrier.setObjectName(u"f_carrier")

        self.cell_carrier.addWidget(self.f_carrier)

        self.err_carrier = QLabel(self.groupContent)
        self.err_carrier.setObjectName(u"err_carrier")
        self.err_carrier.setWordWrap(True)

        self.cell_carrier.addWidget(self.err_carrier)


        self.formContent.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_carrier)

        self.lbl_4 = QLabel(self.groupContent)
        self.lbl_4.setObjectName(u"lbl_4")

        self.formContent.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_4)

        self.cell_channels = QVBoxLayout()
        self.cell_channels.setSpacing(2)
        self.cell_channels.setObjectName(u"cell_channels")
        self.f_channels = QWidget(self.groupContent)
        self.f_channels.setObjectName(u"f_channels")
        self.channelsBox = QHBoxLayout(self.f_channels)
        self.channelsBox.setObjectName(u"channelsBox")
        self.channelsBox.setContentsMargins(0, 0, 0, 0)
        self.ch_0 = QCheckBox(self.f_channels)
        self.ch_0.setObjectName(u"ch_0")

        self.channelsBox.addWidget(self.ch_0)

        self.ch_1 = QCheckBox(self.f_channels)
        self.ch_1.setObjectName(u"ch_1")

        self.channelsBox.addWidget(self.ch_1)

        self.ch_2 = QCheckBox(self.f_channels)
        self.ch_2.setObjectName(u"ch_2")

        self.channelsBox.addWidget(self.ch_2)

        self.ch_3 = QCheckBox(self.f_channels)
        self.ch_3.setObjectName(u"ch_3")

        self.channelsBox.addWidget(self.ch_3)

        self.ch_4 = QCheckBox(self.f_channels)
        self.ch_4.setObjectName(u"ch_4")

        self.channelsBox.addWidget(self.ch_4)

        self.ch_5 = QCheckBox(self.f_channels)
        self.ch_5.setObjectName(u"ch_5")

        self.channelsBox.addWidget(self.ch_5)


        self.cell_channels.addWidget(self.f_channels)

        self.err_channels = QLabel(self.groupContent)
        self.err_channels.setObjectName(u"err_channels")
        self.err_channels.setWordWrap(True)

        self.cell_channels.addWidget(self.err_channels)

        self.f_channel_other = QLineEdit(self.groupContent)
        self.f_channel_other.setObjectName(u"f_channel_other")

        self.cell_channels.addWidget(self.f_channel_other)

        self.err_channel_other = QLabel(self.groupContent)
        self.err_channel_other.setObjectName(u"err_channel_other")
        self.err_channel_other.setWordWrap(True)

        self.cell_channels.addWidget(self.err_channel_other)


        self.formContent.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell_channels)

        self.lbl_5 = QLabel(self.groupContent)
        self.lbl_5.setObjectName(u"lbl_5")

        self.formContent.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lbl_5)

        self.cell_planned_on = QVBoxLayout()
        self.cell_planned_on.setSpacing(2)
        self.cell_planned_on.setObjectName(u"cell_planned_on")
        self.f_planned_on = QLineEdit(self.groupContent)
        self.f_planned_on.setObjectName(u"f_planned_on")

        self.cell_planned_on.addWidget(self.f_planned_on)

        self.err_planned_on = QLabel(self.groupContent)
        self.err_planned_on.setObjectName(u"err_planned_on")
        self.err_planned_on.setWordWrap(True)

        self.cell_planned_on.addWidget(self.err_planned_on)


        self.formContent.setLayout(5, QFormLayout.ItemRole.FieldRole, self.cell_planned_on)

        self.lbl_6 = QLabel(self.groupContent)
        self.lbl_6.setObjectName(u"lbl_6")

        self.formContent.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lbl_6)

        self.cell_filled_on = QVBoxLayout()
        self.cell_filled_on.setSpacing(2)
        self.cell_filled_on.setObjectName(u"cell_filled_on")
        self.f_filled_on = QLineEdit(self.groupContent)
        self.f_filled_on.setObjectName(u"f_filled_on")

        self.cell_filled_on.addWidget(self.f_filled_on)

        self.err_filled_on = QLabel(self.groupContent)
        self.err_filled_on.setObjectName(u"err_filled_on")
        self.err_filled_on.setWordWrap(True)

        self.cell_filled_on.addWidget(self.err_filled_on)


        self.formContent.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cell_filled_on)

        self.lbl_7 = QLabel(self.groupContent)
        self.lbl_7.setObjectName(u"lbl_7")

        self.formContent.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lbl_7)

        self.cell_check_state_secret = QVBoxLayout()
        self.cell_check_state_secret.setSpacing(2)
        self.cell_check_state_secret.setObjectName(u"cell_check_state_secret")
        self.box_state_secret = QHBoxLayout()
        self.box_state_secret.setObjectName(u"box_state_secret")
        self.f_check_state_secret = QComboBox(self.groupContent)
        self.f_check_state_secret.setObjectName(u"f_check_state_secret")

        self.box_state_secret.addWidget(self.f_check_state_secret)

        self.note_state_secret = QLineEdit(self.groupContent)
        self.note_state_secret.setObjectName(u"note_state_secret")

        self.box_state_secret.addWidget(self.note_state_secret)


        self.cell_check_state_secret.addLayout(self.box_state_secret)

        self.err_check_state_secret = QLabel(self.groupContent)
        self.err_check_state_secret.setObjectName(u"err_check_state_secret")
        self.err_check_state_secret.setWordWrap(True)

        self.cell_check_state_secret.addWidget(self.err_check_state_secret)


        self.formContent.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cell_check_state_secret)

        self.lbl_8 = QLabel(self.groupContent)
        self.lbl_8.setObjectName(u"lbl_8")

        self.formContent.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lbl_8)

        self.cell_check_commercial_secret = QVBoxLayout()
        self.cell_check_commercial_secret.setSpacing(2)
        self.cell_check_commercial_secret.setObjectName(u"cell_check_commercial_secret")
        self.box_commercial_secret = QHBoxLayout()
        self.box_commercial_secret.setObjectName(u"box_commercial_secret")
        self.f_check_commercial_secret = QComboBox(self.groupContent)
        self.f_check_commercial_secret.setObjectName(u"f_check_commercial_secret")

        self.box_commercial_secret.addWidget(self.f_check_commercial_secret)

        self.note_commercial_secret = QLineEdit(self.groupContent)
        self.note_commercial_secret.setObjectName(u"note_commercial_secret")

        self.box_commercial_secret.addWidget(self.note_commercial_secret)


        self.cell_check_commercial_secret.addLayout(self.box_commercial_secret)

        self.err_check_commercial_secret = QLabel(self.groupContent)
        self.err_check_commercial_secret.setObjectName(u"err_check_commercial_secret")
        self.err_check_commercial_secret.setWordWrap(True)

        self.cell_check_commercial_secret.addWidget(self.err_check_commercial_secret)


        self.formContent.setLayout(8, QFormLayout.ItemRole.FieldRole, self.cell_check_commercial_secret)

        self.lbl_9 = QLabel(self.groupContent)
        self.lbl_9.setObjectName(u"lbl_9")

        self.formContent.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lbl_9)

        self.cell_check_privacy = QVBoxLayout()
        self.cell_check_privacy.setSpacing(2)
        self.cell_check_privacy.setObjectName(u"cell_check_privacy")
        self.box_privacy = QHBoxLayout()
        self.box_privacy.setObjectName(u"box_privacy")
        self.f_check_privacy = QComboBox(self.groupContent)
        self.f_check_privacy.setObjectName(u"f_check_privacy")

        self.box_privacy.addWidget(self.f_check_privacy)

        self.note_privacy = QLineEdit(self.groupContent)
        self.note_privacy.setObjectName(u"note_privacy")

        self.box_privacy.addWidget(self.note_privacy)


        self.cell_check_privacy.addLayout(self.box_privacy)

        self.err_check_privacy = QLabel(self.groupContent)
        self.err_check_privacy.setObjectName(u"err_check_privacy")
        self.err_check_privacy.setWordWrap(True)

        self.cell_check_privacy.addWidget(self.err_check_privacy)


        self.formContent.setLayout(9, QFormLayout.ItemRole.FieldRole, self.cell_check_privacy)

        self.lbl_10 = QLabel(self.groupContent)
        self.lbl_10.setObjectName(u"lbl_10")

        self.formContent.setWidget(10, QFormLayout.ItemRole.LabelRole, self.lbl_10)

        self.cell_check_stability = QVBoxLayout()
        self.cell_check_stability.setSpacing(2)
        self.cell_check_stability.setObjectName(u"cell_check_stability")
        self.box_stability = QHBoxLayout()
        self.box_stability.setObjectName(u"box_stability")
        self.f_check_stability = QComboBox(self.groupContent)
        self.f_check_stability.setObjectName(u"f_check_stability")

        self.box_stability.addWidget(self.f_check_stability)

        self.note_stability = QLineEdit(self.groupContent)
        self.note_stability.setObjectName(u"note_stability")

        self.box_stability.addWidget(self.note_stability)


        self.cell_check_stability.addLayout(self.box_stability)

        self.err_check_stability = QLabel(self.groupContent)
        self.err_check_stability.setObjectName(u"err_check_stability")
        self.err_check_stability.setWordWrap(True)

        self.cell_check_stability.addWidget(self.err_check_stability)


        self.formContent.setLayout(10, QFormLayout.ItemRole.FieldRole, self.cell_check_stability)

        self.lbl_11 = QLabel(self.groupContent)
        self.lbl_11.setObjectName(u"lbl_11")

        self.formContent.setWidget(11, QFormLayout.ItemRole.LabelRole, self.lbl_11)

        self.cell_proposal = QVBoxLayout()
        self.cell_proposal.setSpacing(2)
        self.cell_proposal.setObjectName(u"cell_proposal")
        self.f_proposal = QComboBox(self.groupContent)
        self.f_proposal.setObjectName(u"f_proposal")

        self.cell_proposal.addWidget(self.f_proposal)

        self.err_proposal = QLabel(self.groupContent)
        self.err_proposal.setObjectName(u"err_proposal")
        self.err_proposal.setWordWrap(True)

        self.cell_proposal.addWidget(self.err_proposal)


        self.formContent.setLayout(11, QFormLayout.ItemRole.FieldRole, self.cell_proposal)

        self.lbl_12 = QLabel(self.groupContent)
        self.lbl_12.setObjectName(u"lbl_12")

        self.formContent.setWidget(12, QFormLayout.ItemRole.LabelRole, self.lbl_12)

        self.cell_proposal_reason = QVBoxLayout()
        self.cell_proposal_reason.setSpacing(2)
        self.cell_proposal_reason.setObjectName(u"cell_proposal_reason")
        self.f_proposal_reason = QLineEdit(self.groupContent)
        self.f_proposal_reason.setObjectName(u"f_proposal_reason")

        self.cell_proposal_reason.addWidget(self.f_proposal_reason)

        self.err_proposal_reason = QLabel(self.groupContent)
        self.err_proposal_reason.setObjectName(u"err_proposal_reason")
        self.err_proposal_reason.setWordWrap(True)

        self.cell_proposal_reason.addWidget(self.err_proposal_reason)


        self.formContent.setLayout(12, QFormLayout.ItemRole.FieldRole, self.cell_proposal_reason)


        self.contentBox.addLayout(self.formContent)

        self.err_content = QLabel(self.groupContent)
        self.err_content.setObjectName(u"err_content")
        self.err_content.setWordWrap(True)

        self.contentBox.addWidget(self.err_content)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.saveButton = QPushButton(self.groupContent)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.contentBox.addLayout(self.saveRow)


        self.columns.addWidget(self.groupContent)

        self.groupSteps = QGroupBox(ReviewDialog)
        self.groupSteps.setObjectName(u"groupSteps")
        self.stepsBox = QVBoxLayout(self.groupSteps)
        self.stepsBox.setObjectName(u"stepsBox")
        self.stepsTable = QTableWidget(self.groupSteps)
        self.stepsTable.setObjectName(u"stepsTable")
        self.stepsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stepsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stepsTable.setAlternatingRowColors(True)

        self.stepsBox.addWidget(self.stepsTable)

        self.nextStepLabel = QLabel(self.groupSteps)
        self.nextStepLabel.setObjectName(u"nextStepLabel")
        self.nextStepLabel.setWordWrap(True)

        self.stepsBox.addWidget(self.nextStepLabel)

        self.formSign = QFormLayout()
        self.formSign.setObjectName(u"formSign")
        self.lbl_sign_0 = QLabel(self.groupSteps)
        self.lbl_sign_0.setObjectName(u"lbl_sign_0")

        self.formSign.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_sign_0)

        self.cell_person = QVBoxLayout()
        self.cell_person.setSpacing(2)
        self.cell_person.setObjectName(u"cell_person")
        self.f_person = QLineEdit(self.groupSteps)
        self.f_person.setObjectName(u"f_person")

        self.cell_person.addWidget(self.f_person)

        self.err_person = QLabel(self.groupSteps)
        self.err_person.setObjectName(u"err_person")
        self.err_person.setWordWrap(True)

        self.cell_person.addWidget(self.err_person)


        self.formSign.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_person)

        self.lbl_sign_1 = QLabel(self.groupSteps)
        self.lbl_sign_1.setObjectName(u"lbl_sign_1")

        self.formSign.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_sign_1)

        self.cell_signed_on = QVBoxLayout()
        self.cell_signed_on.setSpacing(2)
        self.cell_signed_on.setObjectName(u"cell_signed_on")
        self.f_signed_on = QLineEdit(self.groupSteps)
        self.f_signed_on.setObjectName(u"f_signed_on")

        self.cell_signed_on.addWidget(self.f_signed_on)

        self.err_signed_on = QLabel(self.groupSteps)
        self.err_signed_on.setObjectName(u"err_signed_on")
        self.err_signed_on.setWordWrap(True)

        self.cell_signed_on.addWidget(self.err_signed_on)


        self.formSign.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_signed_on)

        self.lbl_sign_2 = QLabel(self.groupSteps)
        self.lbl_sign_2.setObjectName(u"lbl_sign_2")

        self.formSign.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_sign_2)

        self.cell_opinion = QVBoxLayout()
        self.cell_opinion.setSpacing(2)
        self.cell_opinion.setObjectName(u"cell_opinion")
        self.f_opinion = QPlainTextEdit(self.groupSteps)
        self.f_opinion.setObjectName(u"f_opinion")
        self.f_opinion.setMaximumSize(QSize(16777215, 70))

        self.cell_opinion.addWidget(self.f_opinion)

        self.err_opinion = QLabel(self.groupSteps)
        self.err_opinion.setObjectName(u"err_opinion")
        self.err_opinion.setWordWrap(True)

        self.cell_opinion.addWidget(self.err_opinion)


        self.formSign.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_opinion)


        self.stepsBox.addLayout(self.formSign)

        self.err_step = QLabel(self.groupSteps)
        self.err_step.setObjectName(u"err_step")
        self.err_step.setWordWrap(True)

        self.stepsBox.addWidget(self.err_step)

        self.signButtons = QHBoxLayout()
        self.signButtons.setObjectName(u"signButtons")
        self.approveButton = QPushButton(self.groupSteps)
        self.approveButton.setObjectName(u"approveButton")

        self.signButtons.addWidget(self.approveButton)

        self.rejectButton = QPushButton(self.groupSteps)
        self.rejectButton.setObjectName(u"rejectButton")

        self.signButtons.addWidget(self.rejectButton)

        self.signSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signButtons.addItem(self.signSpacer)

        self.resubmitButton = QPushButton(self.groupSteps)
        self.resubmitButton.setObjectName(u"resubmitButton")

        self.signButtons.addWidget(self.resubmitButton)


        self.stepsBox.addLayout(self.signButtons)


        self.columns.addWidget(self.groupSteps)


        self.outer.addLayout(self.columns)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.printButton = QPushButton(ReviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.bottomRow.addWidget(self.printButton)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.closeButton = QPushButton(ReviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomRow.addWidget(self.closeButton)


        self.outer.addLayout(self.bottomRow)


        self.retranslateUi(ReviewDialog)

        QMetaObject.connectSlotsByName(ReviewDialog)
    # setupUi

    def retranslateUi(self, ReviewDialog):
        ReviewDialog.setWindowTitle(QCoreApplication.translate("ReviewDialog", u"\u653f\u5e9c\u4fe1\u606f\u516c\u5f00\u4fdd\u5bc6\u5ba1\u67e5", None))
        self.targetLabel.setText("")
        self.statusLabel.setText("")
        self.groupContent.setTitle(QCoreApplication.translate("ReviewDialog", u"\u5ba1\u67e5\u8868\u5185\u5bb9", None))
        self.lbl_0.setText(QCoreApplication.translate("ReviewDialog", u"\u4fe1\u606f\u540d\u79f0", None))
        self.err_info_name.setText("")
        self.lbl_1.setText(QCoreApplication.translate("ReviewDialog", u"\u4fe1\u606f\u7f16\u53f7/\u6587\u53f7", None))
        self.f_info_no.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u5982\uff1a\u8305\u653f\u53d1\u30142026\u301512\u53f7", None))
        self.err_info_no.setText("")
        self.lbl_2.setText(QCoreApplication.translate("ReviewDialog", u"\u4ea7\u751f\u4fe1\u606f\u7684\u79d1\u5ba4", None))
        self.f_section.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u5982\uff1a\u519c\u4e1a\u519c\u6751\u529e", None))
        self.err_section.setText("")
        self.lbl_3.setText(QCoreApplication.translate("ReviewDialog", u"\u8f7d\u4f53\u5f62\u5f0f", None))
        self.err_carrier.setText("")
        self.lbl_4.setText(QCoreApplication.translate("ReviewDialog", u"\u62df\u516c\u5f00\u65b9\u5f0f", None))
        self.ch_0.setText(QCoreApplication.translate("ReviewDialog", u"\u653f\u5e9c\u7f51\u7ad9", None))
        self.ch_1.setText(QCoreApplication.translate("ReviewDialog", u"\u516c\u5f00\u680f", None))
        self.ch_2.setText(QCoreApplication.translate("ReviewDialog", u"\u62a5\u520a", None))
        self.ch_3.setText(QCoreApplication.translate("ReviewDialog", u"\u5e7f\u64ad\u7535\u89c6", None))
        self.ch_4.setText(QCoreApplication.translate("ReviewDialog", u"\u4f9d\u7533\u8bf7\u63d0\u4f9b", None))
        self.ch_5.setText(QCoreApplication.translate("ReviewDialog", u"\u5176\u4ed6", None))
        self.err_channels.setText("")
        self.f_channel_other.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u9009\u62e9\u201c\u5176\u4ed6\u201d\u65f6\u5199\u660e\u65b9\u5f0f", None))
        self.err_channel_other.setText("")
        self.lbl_5.setText(QCoreApplication.translate("ReviewDialog", u"\u62df\u516c\u5f00\u65f6\u95f4", None))
        self.f_planned_on.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u5982 2026-10-12 \u6216 2026\u5e7410\u670812\u65e5", None))
        self.err_planned_on.setText("")
        self.lbl_6.setText(QCoreApplication.translate("ReviewDialog", u"\u586b\u8868\u65e5\u671f", None))
        self.f_filled_on.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u5982 2026-10-12 \u6216 2026\u5e7410\u670812\u65e5", None))
        self.err_filled_on.setText("")
        self.lbl_7.setText(QCoreApplication.translate("ReviewDialog", u"\u6d89\u53ca\u56fd\u5bb6\u79d8\u5bc6", None))
        self.note_state_secret.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u8bf4\u660e\uff08\u9009\u201c\u662f\u201d\u65f6\u5fc5\u586b\uff09", None))
        self.err_check_state_secret.setText("")
        self.lbl_8.setText(QCoreApplication.translate("ReviewDialog", u"\u6d89\u53ca\u5546\u4e1a\u79d8\u5bc6", None))
        self.note_commercial_secret.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u8bf4\u660e\uff08\u9009\u201c\u662f\u201d\u65f6\u5fc5\u586b\uff09", None))
        self.err_check_commercial_secret.setText("")
        self.lbl_9.setText(QCoreApplication.translate("ReviewDialog", u"\u6d89\u53ca\u4e2a\u4eba\u9690\u79c1", None))
        self.note_privacy.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u8bf4\u660e\uff08\u9009\u201c\u662f\u201d\u65f6\u5fc5\u586b\uff09", None))
        self.err_check_privacy.setText("")
        self.lbl_10.setText(QCoreApplication.translate("ReviewDialog", u"\u6d89\u53ca\u4e09\u5b89\u5168\u4e00\u7a33\u5b9a", None))
        self.note_stability.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u8bf4\u660e\uff08\u9009\u201c\u662f\u201d\u65f6\u5fc5\u586b\uff09", None))
        self.err_check_stability.setText("")
        self.lbl_11.setText(QCoreApplication.translate("ReviewDialog", u"\u5904\u7406\u5efa\u8bae", None))
        self.err_proposal.setText("")
        self.lbl_12.setText(QCoreApplication.translate("ReviewDialog", u"\u7406\u7531/\u975e\u5bc6\u5904\u7406\u5185\u5bb9", None))
        self.f_proposal_reason.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u4e0d\u4e88\u516c\u5f00\u6216\u975e\u5bc6\u5904\u7406\u540e\u516c\u5f00\u65f6\u5fc5\u586b", None))
        self.err_proposal_reason.setText("")
        self.err_content.setText("")
        self.saveButton.setText(QCoreApplication.translate("ReviewDialog", u"\u4fdd\u5b58\u5ba1\u67e5\u8868\u5185\u5bb9", None))
        self.groupSteps.setTitle(QCoreApplication.translate("ReviewDialog", u"\u5ba1\u67e5\u6b65\u9aa4\uff08\u5148\u5ba1\u67e5\u3001\u540e\u516c\u5f00\uff1b\u9010\u7ea7\u7b7e\u7f72\uff09", None))
        self.nextStepLabel.setText("")
        self.lbl_sign_0.setText(QCoreApplication.translate("ReviewDialog", u"\u5ba1\u67e5\u4eba", None))
        self.f_person.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u7b7e\u7f72\u4eba\u59d3\u540d", None))
        self.err_person.setText("")
        self.lbl_sign_1.setText(QCoreApplication.translate("ReviewDialog", u"\u7b7e\u7f72\u65e5\u671f", None))
        self.f_signed_on.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u5982 2026-10-12 \u6216 2026\u5e7410\u670812\u65e5", None))
        self.err_signed_on.setText("")
        self.lbl_sign_2.setText(QCoreApplication.translate("ReviewDialog", u"\u610f\u89c1", None))
        self.f_opinion.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"\u540c\u610f\u65f6\u53ef\u4e0d\u586b\uff08\u9ed8\u8ba4\u201c\u540c\u610f\u201d\uff09\uff1b\u9000\u56de\u65f6\u5fc5\u987b\u5199\u660e\u7406\u7531", None))
        self.err_opinion.setText("")
        self.err_step.setText("")
        self.approveButton.setText(QCoreApplication.translate("ReviewDialog", u"\u540c\u610f\uff08\u7b7e\u7f72\u672c\u6b65\u9aa4\uff09", None))
        self.rejectButton.setText(QCoreApplication.translate("ReviewDialog", u"\u9000\u56de\uff08\u987b\u5199\u660e\u7406\u7531\uff09", None))
        self.resubmitButton.setText(QCoreApplication.translate("ReviewDialog", u"\u4fee\u6539\u540e\u91cd\u65b0\u63d0\u4ea4", None))
        self.printButton.setText(QCoreApplication.translate("ReviewDialog", u"\u6253\u5370\u5ba1\u67e5\u8868\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ReviewDialog", u"\u5173\u95ed", None))
    # retranslateUi

