# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(900, 560)
        self.outer = QVBoxLayout(SettingsDialog)
        self.outer.setObjectName(u"outer")
        self.introLabel = QLabel(SettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.outer.addWidget(self.introLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.groupOffice = QGroupBox(SettingsDialog)
        self.groupOffice.setObjectName(u"groupOffice")
        self.formOffice = QFormLayout(self.groupOffice)
        self.formOffice.setObjectName(u"formOffice")
        self.formOffice.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formOffice.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_office_name = QLabel(self.groupOffice)
        self.lbl_office_name.setObjectName(u"lbl_office_name")

        self.formOffice.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_office_name)

        self.cell_office_name = QVBoxLayout()
        self.cell_office_name.setSpacing(2)
        self.cell_office_name.setObjectName(u"cell_office_name")
        self.f_office_name = QLineEdit(self.groupOffice)
        self.f_office_name.setObjectName(u"f_office_name")

        self.cell_office_name.addWidget(self.f_office_name)

        self.err_office_name = QLabel(self.groupOffice)
        self.err_office_name.setObjectName(u"err_office_name")
        self.err_office_name.setWordWrap(True)

        self.cell_office_name.addWidget(self.err_office_name)


        self.formOffice.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_office_name)

        self.lbl_short_name = QLabel(self.groupOffice)
        self.lbl_short_name.setObjectName(u"lbl_short_name")

        self.formOffice.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_short_name)

        self.cell_short_name = QVBoxLayout()
        self.cell_short_name.setSpacing(2)
        self.cell_short_name.setObjectName(u"cell_short_name")
        self.f_short_name = QLineEdit(self.groupOffice)
        self.f_short_name.setObjectName(u"f_short_name")

        self.cell_short_name.addWidget(self.f_short_name)

        self.err_short_name = QLabel(self.groupOffice)
        self.err_short_name.setObjectName(u"err_short_name")
        self.err_short_name.setWordWrap(True)

        self.cell_short_name.addWidget(self.err_short_name)


        self.formOffice.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_short_name)

        self.lbl_doc_prefix = QLabel(self.groupOffice)
        self.lbl_doc_prefix.setObjectName(u"lbl_doc_prefix")

        self.formOffice.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_doc_prefix)

        self.cell_doc_prefix = QVBoxLayout()
        self.cell_doc_prefix.setSpacing(2)
        self.cell_doc_prefix.setObjectName(u"cell_doc_prefix")
        self.f_doc_prefix = QLineEdit(self.groupOffice)
        self.f_doc_prefix.setObjectName(u"f_doc_prefix")

        self.cell_doc_prefix.addWidget(self.f_doc_prefix)

        self.err_doc_prefix = QLabel(self.groupOffice)
        self.err_doc_prefix.setObjectName(u"err_doc_prefix")
        self.err_doc_prefix.setWordWrap(True)

        self.cell_doc_prefix.addWidget(self.err_doc_prefix)


        self.formOffice.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_doc_prefix)

        self.lbl_disclosure_unit = QLabel(self.groupOffice)
        self.lbl_disclosure_unit.setObjectName(u"lbl_disclosure_unit")

        self.formOffice.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_disclosure_unit)

        self.cell_disclosure_unit = QVBoxLayout()
        self.cell_disclosure_unit.setSpacing(2)
        self.cell_disclosure_unit.setObjectName(u"cell_disclosure_unit")
        self.f_disclosure_unit = QLineEdit(self.groupOffice)
        self.f_disclosure_unit.setObjectName(u"f_disclosure_unit")

        self.cell_disclosure_unit.addWidget(self.f_disclosure_unit)

        self.err_disclosure_unit = QLabel(self.groupOffice)
        self.err_disclosure_unit.setObjectName(u"err_disclosure_unit")
        self.err_disclosure_unit.setWordWrap(True)

        self.cell_disclosure_unit.addWidget(self.err_disclosure_unit)


        self.formOffice.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_disclosure_unit)

        self.lbl_address = QLabel(self.groupOffice)
        self.lbl_address.setObjectName(u"lbl_address")

        self.formOffice.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_address)

        self.cell_address = QVBoxLayout()
        self.cell_address.setSpacing(2)
        self.cell_address.setObjectName(u"cell_address")
        self.f_address = QLineEdit(self.groupOffice)
        self.f_address.setObjectName(u"f_address")

        self.cell_address.addWidget(self.f_address)

        self.err_address = QLabel(self.groupOffice)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setWordWrap(True)

        self.cell_address.addWidget(self.err_address)


        self.formOffice.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell_address)

        self.lbl_postcode = QLabel(self.groupOffice)
        self.lbl_postcode.setObjectName(u"lbl_postcode")

        self.formOffice.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lbl_postcode)

        self.cell_postcode = QVBoxLayout()
        self.cell_postcode.setSpacing(2)
        self.cell_postcode.setObjectName(u"cell_postcode")
        self.f_postcode = QLineEdit(self.groupOffice)
        self.f_postcode.setObjectName(u"f_postcode")
        self.f_postcode.setMaxLength(6)

        self.cell_postcode.addWidget(self.f_postcode)

        self.err_postcode = QLabel(self.groupOffice)
        self.err_postcode.setObjectName(u"err_postcode")
        self.err_postcode.setWordWrap(True)

        self.cell_postcode.addWidget(self.err_postcode)


        self.formOffice.setLayout(5, QFormLayout.ItemRole.FieldRole, self.cell_postcode)

        self.lbl_phone = QLabel(self.groupOffice)
        self.lbl_phone.setObjectName(u"lbl_phone")

        self.formOffice.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lbl_phone)

        self.cell_phone = QVBoxLayout()
        self.cell_phone.setSpacing(2)
        self.cell_phone.setObjectName(u"cell_phone")
        self.f_phone = QLineEdit(self.groupOffice)
        self.f_phone.setObjectName(u"f_phone")

        self.cell_phone.addWidget(self.f_phone)

        self.err_phone = QLabel(self.groupOffice)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setWordWrap(True)

        self.cell_phone.addWidget(self.err_phone)


        self.formOffice.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cell_phone)

        self.lbl_handler = QLabel(self.groupOffice)
        self.lbl_handler.setObjectName(u"lbl_handler")

        self.formOffice.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lbl_handler)

        self.cell_handler = QVBoxLayout()
        self.cell_handler.setSpacing(2)
        self.cell_handler.setObjectName(u"cell_handler")
        self.f_handler = QLineEdit(self.groupOffice)
        self.f_handler.setObjectName(u"f_handler")

        self.cell_handler.addWidget(self.f_handler)

        self.err_handler = QLabel(self.groupOffice)
        self.err_handler.setObjectName(u"err_handler")
        self.err_handler.setWordWrap(True)

        self.cell_handler.addWidget(self.err_handler)


        self.formOffice.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cell_handler)

        self.lbl_leader = QLabel(self.groupOffice)
        self.lbl_leader.setObjectName(u"lbl_leader")

        self.formOffice.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lbl_leader)

        self.cell_leader = QVBoxLayout()
        self.cell_leader.setSpacing(2)
        self.cell_leader.setObjectName(u"cell_leader")
        self.f_leader = QLineEdit(self.groupOffice)
        self.f_leader.setObjectName(u"f_leader")

        self.cell_leader.addWidget(self.f_leader)

        self.err_leader = QLabel(self.groupOffice)
        self.err_leader.setObjectName(u"err_leader")
        self.err_leader.setWordWrap(True)

        self.cell_leader.addWidget(self.err_leader)


        self.formOffice.setLayout(8, QFormLayout.ItemRole.FieldRole, self.cell_leader)

        self.lbl_reconsideration_body = QLabel(self.groupOffice)
        self.lbl_reconsideration_body.setObjectName(u"lbl_reconsideration_body")

        self.formOffice.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lbl_reconsideration_body)

        self.cell_reconsideration_body = QVBoxLayout()
        self.cell_reconsideration_body.setSpacing(2)
        self.cell_reconsideration_body.setObjectName(u"cell_reconsideration_body")
        self.f_reconsideration_body = QLineEdit(self.groupOffice)
        self.f_reconsideration_body.setObjectName(u"f_reconsideration_body")

        self.cell_reconsideration_body.addWidget(self.f_reconsideration_body)

        self.err_reconsideration_body = QLabel(self.groupOffice)
        self.err_reconsideration_body.setObjectName(u"err_reconsideration_body")
        self.err_reconsideration_body.setWordWrap(True)

        self.cell_reconsideration_body.addWidget(self.err_reconsideration_body)


        self.formOffice.setLayout(9, QFormLayout.ItemRole.FieldRole, self.cell_reconsideration_body)

        self.lbl_court = QLabel(self.groupOffice)
        self.lbl_court.setObjectName(u"lbl_court")

        self.formOffice.setWidget(10, QFormLayout.ItemRole.LabelRole, self.lbl_court)

        self.cell_court = QVBoxLayout()
        self.cell_court.setSpacing(2)
        self.cell_court.setObjectName(u"cell_court")
        self.f_court = QLineEdit(self.groupOffice)
        self.f_court.setObjectName(u"f_court")

        self.cell_court.addWidget(self.f_court)

        self.err_court = QLabel(self.groupOffice)
        self.err_court.setObjectName(u"err_court")
        self.err_court.setWordWrap(True)

        self.cell_court.addWidget(self.err_court)


        self.formOffice.setLayout(10, QFormLayout.ItemRole.FieldRole, self.cell_court)

        self.lbl_fonds_no = QLabel(self.groupOffice)
        self.lbl_fonds_no.setObjectName(u"lbl_fonds_no")

        self.formOffice.setWidget(11, QFormLayout.ItemRole.LabelRole, self.lbl_fonds_no)

        self.cell_fonds_no = QVBoxLayout()
        self.cell_fonds_no.setSpacing(2)
        self.cell_fonds_no.setObjectName(u"cell_fonds_no")
        self.f_fonds_no = QLineEdit(self.groupOffice)
        self.f_fonds_no.setObjectName(u"f_fonds_no")

        self.cell_fonds_no.addWidget(self.f_fonds_no)

        self.err_fonds_no = QLabel(self.groupOffice)
        self.err_fonds_no.setObjectName(u"err_fonds_no")
        self.err_fonds_no.setWordWrap(True)

        self.cell_fonds_no.addWidget(self.err_fonds_no)


        self.formOffice.setLayout(11, QFormLayout.ItemRole.FieldRole, self.cell_fonds_no)

        self.lbl_org_code = QLabel(self.groupOffice)
        self.lbl_org_code.setObjectName(u"lbl_org_code")

        self.formOffice.setWidget(12, QFormLayout.ItemRole.LabelRole, self.lbl_org_code)

        self.cell_org_code = QVBoxLayout()
        self.cell_org_code.setSpacing(2)
        self.cell_org_code.setObjectName(u"cell_org_code")
        self.f_org_code = QLineEdit(self.groupOffice)
        self.f_org_code.setObjectName(u"f_org_code")

        self.cell_org_code.addWidget(self.f_org_code)

        self.err_org_code = QLabel(self.groupOffice)
        self.err_org_code.setObjectName(u"err_org_code")
        self.err_org_code.setWordWrap(True)

        self.cell_org_code.addWidget(self.err_org_code)


        self.formOffice.setLayout(12, QFormLayout.ItemRole.FieldRole, self.cell_org_code)


        self.columns.addWidget(self.groupOffice)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.groupNumbers = QGroupBox(SettingsDialog)
        self.groupNumbers.setObjectName(u"groupNumbers")
        self.formNumbers = QFormLayout(self.groupNumbers)
        self.formNumbers.setObjectName(u"formNumbers")
        self.formNumbers.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formNumbers.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_case_no_format = QLabel(self.groupNumbers)
        self.lbl_case_no_format.setObjectName(u"lbl_case_no_format")

        self.formNumbers.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_case_no_format)

        self.cell_case_no_format = QVBoxLayout()
        self.cell_case_no_format.setSpacing(2)
        self.cell_case_no_format.setObjectName(u"cell_case_no_format")
        self.f_case_no_format = QLineEdit(self.groupNumbers)
        self.f_case_no_format.setObjectName(u"f_case_no_format")

        self.cell_case_no_format.addWidget(self.f_case_no_format)

        self.hint_case_no_format = QLabel(self.groupNumbers)
        self.hint_case_no_format.setObjectName(u"hint_case_no_format")
        self.hint_case_no_format.setWordWrap(True)

        self.cell_case_no_format.addWidget(self.hint_case_no_format)

        self.err_case_no_format = QLabel(self.groupNumbers)
        self.err_case_no_format.setObjectName(u"err_case_no_format")
        self.err_case_no_format.setWordWrap(True)

        self.cell_case_no_format.addWidget(self.err_case_no_format)


        self.formNumbers.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_case_no_format)

        self.lbl_doc_no_format = QLabel(self.groupNumbers)
        self.lbl_doc_no_format.setObjectName(u"lbl_doc_no_format")

        self.formNumbers.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_doc_no_format)

        self.cell_doc_no_format = QVBoxLayout()
        self.cell_doc_no_format.setSpacing(2)
        self.cell_doc_no_format.setObjectName(u"cell_doc_no_format")
        self.f_doc_no_format = QLineEdit(self.groupNumbers)
        self.f_doc_no_format.setObjectName(u"f_doc_no_format")

        self.cell_doc_no_format.addWidget(self.f_doc_no_format)

        self.hint_doc_no_format = QLabel(self.groupNumbers)
        self.hint_doc_no_format.setObjectName(u"hint_doc_no_format")
        self.hint_doc_no_format.setWordWrap(True)

        self.cell_doc_no_format.addWidget(self.hint_doc_no_format)

        self.err_doc_no_format = QLabel(self.groupNumbers)
        self.err_doc_no_format.setObjectName(u"err_doc_no_format")
        self.err_doc_no_format.setWordWrap(True)

        self.cell_doc_no_format.addWidget(self.err_doc_no_format)


        self.formNumbers.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_doc_no_format)

        self.lbl_limit_accept = QLabel(self.groupNumbers)
        self.lbl_limit_accept.setObjectName(u"lbl_limit_accept")

        self.formNumbers.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_limit_accept)

        self.cell_limit_accept = QVBoxLayout()
        self.cell_limit_accept.setSpacing(2)
        self.cell_limit_accept.setObjectName(u"cell_limit_accept")
        self.f_limit_accept = QSpinBox(self.groupNumbers)
        self.f_limit_accept.setObjectName(u"f_limit_accept")
        self.f_limit_accept.setMinimum(1)
        self.f_limit_accept.setMaximum(60)

        self.cell_limit_accept.addWidget(self.f_limit_accept)

        self.err_limit_accept = QLabel(self.groupNumbers)
        self.err_limit_accept.setObjectName(u"err_limit_accept")
        self.err_limit_accept.setWordWrap(True)

        self.cell_limit_accept.addWidget(self.err_limit_accept)


        self.formNumbers.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_limit_accept)

        self.lbl_limit_review = QLabel(self.groupNumbers)
        self.lbl_limit_review.setObjectName(u"lbl_limit_review")

        self.formNumbers.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_limit_review)

        self.cell_limit_review = QVBoxLayout()
        self.cell_limit_review.setSpacing(2)
        self.cell_limit_review.setObjectName(u"cell_limit_review")
        self.f_limit_review = QSpinBox(self.groupNumbers)
        self.f_limit_review.setObjectName(u"f_limit_review")
        self.f_limit_review.setMinimum(1)
        self.f_limit_review.setMaximum(60)

        self.cell_limit_review.addWidget(self.f_limit_review)

        self.err_limit_review = QLabel(self.groupNumbers)
        self.err_limit_review.setObjectName(u"err_limit_review")
        self.err_limit_review.setWordWrap(True)

        self.cell_limit_review.addWidget(self.err_limit_review)


        self.formNumbers.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_limit_review)

        self.lbl_limit_draft = QLabel(self.groupNumbers)
        self.lbl_limit_draft.setObjectName(u"lbl_limit_draft")

        self.formNumbers.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_limit_draft)

        self.cell_limit_draft = QVBoxLayout()
        self.cell_limit_draft.setSpacing(2)
        self.cell_limit_draft.setObjectName(u"cell_limit_draft")
        self.f_limit_draft = QSpinBox(self.groupNumbers)
        self.f_limit_draft.setObjectName(u"f_limit_draft")
        self.f_limit_draft.setMinimum(1)
        self.f_limit_draft.setMaximum(60)

        self.cell_limit_draft.addWidget(self.f_limit_draft)

        self.err_limit_draft = QLabel(self.groupNumbers)
        self.err_limit_draft.setObjectName(u"err_limit_draft")
        self.err_limit_draft.setWordWrap(True)

        self.cell_limit_draft.addWidget(self.err_limit_draft)


        self.formNumbers.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell_limit_draft)

        self.lbl_limit_proactive_scope = QLabel(self.groupNumbers)
        self.lbl_limit_proactive_scope.setObjectName(u"lbl_limit_proactive_scope")

        self.formNumbers.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lbl_limit_proactive_scope)

        self.cell_limit_proactive_scope = QVBoxLayout()
        self.cell_limit_proactive_scope.setSpacing(2)
        self.cell_limit_proactive_scope.setObjectName(u"cell_limit_proactive_scope")
        self.f_limit_proactive_scope = QSpinBox(self.groupNumbers)
        self.f_limit_proactive_scope.setObjectName(u"f_limit_proactive_scope")
        self.f_limit_proactive_scope.setMinimum(1)
        self.f_limit_proactive_scope.setMaximum(60)

        self.cell_limit_proactive_scope.addWidget(self.f_limit_proactive_scope)

        self.err_limit_proactive_scope = QLabel(self.groupNumbers)
        self.err_limit_proactive_scope.setObjectName(u"err_limit_proactive_scope")
        self.err_limit_proactive_scope.setWordWrap(True)

        self.cell_limit_proactive_scope.addWidget(self.err_limit_proactive_scope)


        self.formNumbers.setLayout(5, QFormLayout.ItemRole.FieldRole, self.cell_limit_proactive_scope)

        self.lbl_limit_sign = QLabel(self.groupNumbers)
        self.lbl_limit_sign.setObjectName(u"lbl_limit_sign")

        self.formNumbers.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lbl_limit_sign)

        self.cell_limit_sign = QVBoxLayout()
        self.cell_limit_sign.setSpacing(2)
        self.cell_limit_sign.setObjectName(u"cell_limit_sign")
        self.f_limit_sign = QSpinBox(self.groupNumbers)
        self.f_limit_sign.setObjectName(u"f_limit_sign")
        self.f_limit_sign.setMinimum(1)
        self.f_limit_sign.setMaximum(60)

        self.cell_limit_sign.addWidget(self.f_limit_sign)

        self.err_limit_sign = QLabel(self.groupNumbers)
        self.err_limit_sign.setObjectName(u"err_limit_sign")
        self.err_limit_sign.setWordWrap(True)

        self.cell_limit_sign.addWidget(self.err_limit_sign)


        self.formNumbers.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cell_limit_sign)

        self.lbl_correction_period = QLabel(self.groupNumbers)
        self.lbl_correction_period.setObjectName(u"lbl_correction_period")

        self.formNumbers.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lbl_correction_period)

        self.cell_correction_period = QVBoxLayout()
        self.cell_correction_period.setSpacing(2)
        self.cell_correction_period.setObjectName(u"cell_correction_period")
        self.f_correction_period = QSpinBox(self.groupNumbers)
        self.f_correction_period.setObjectName(u"f_correction_period")
        self.f_correction_period.setMinimum(1)
        self.f_correction_period.setMaximum(60)

        self.cell_correction_period.addWidget(self.f_correction_period)

        self.err_correction_period = QLabel(self.groupNumbers)
        self.err_correction_period.setObjectName(u"err_correction_period")
        self.err_correction_period.setWordWrap(True)

        self.cell_correction_period.addWidget(self.err_correction_period)


        self.formNumbers.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cell_correction_period)


        self.rightColumn.addWidget(self.groupNumbers)

        self.rightSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)

        self.columns.setStretch(0, 4)
        self.columns.setStretch(1, 5)

        self.outer.addLayout(self.columns)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u673a\u5173\u8bbe\u7f6e", None))
        self.introLabel.setText("")
        self.groupOffice.setTitle(QCoreApplication.translate("SettingsDialog", u"\u673a\u5173\u4fe1\u606f", None))
        self.lbl_office_name.setText(QCoreApplication.translate("SettingsDialog", u"\u673a\u5173\u5168\u79f0", None))
        self.f_office_name.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u9ec4\u5ca9\u533a\u8305\u7572\u4e61\u4eba\u6c11\u653f\u5e9c", None))
        self.err_office_name.setText("")
        self.err_office_name.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_short_name.setText(QCoreApplication.translate("SettingsDialog", u"\u7b80\u79f0", None))
        self.f_short_name.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u8305\u7572\u4e61", None))
        self.err_short_name.setText("")
        self.err_short_name.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_doc_prefix.setText(QCoreApplication.translate("SettingsDialog", u"\u6587\u53f7\u524d\u7f00", None))
        self.f_doc_prefix.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u8305\u653f\u4fe1", None))
        self.err_doc_prefix.setText("")
        self.err_doc_prefix.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_disclosure_unit.setText(QCoreApplication.translate("SettingsDialog", u"\u653f\u5e9c\u4fe1\u606f\u516c\u5f00\u5de5\u4f5c\u673a\u6784", None))
        self.f_disclosure_unit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u515a\u653f\u529e\u516c\u5ba4", None))
        self.err_disclosure_unit.setText("")
        self.err_disclosure_unit.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_address.setText(QCoreApplication.translate("SettingsDialog", u"\u5730\u5740", None))
        self.err_address.setText("")
        self.err_address.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_postcode.setText(QCoreApplication.translate("SettingsDialog", u"\u90ae\u7f16", None))
        self.err_postcode.setText("")
        self.err_postcode.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_phone.setText(QCoreApplication.translate("SettingsDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.err_phone.setText("")
        self.err_phone.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_handler.setText(QCoreApplication.translate("SettingsDialog", u"\u7ecf\u529e\u4eba", None))
        self.err_handler.setText("")
        self.err_handler.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_leader.setText(QCoreApplication.translate("SettingsDialog", u"\u5206\u7ba1\u9886\u5bfc", None))
        self.err_leader.setText("")
        self.err_leader.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_reconsideration_body.setText(QCoreApplication.translate("SettingsDialog", u"\u884c\u653f\u590d\u8bae\u673a\u5173", None))
        self.f_reconsideration_body.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u53f0\u5dde\u5e02\u9ec4\u5ca9\u533a\u4eba\u6c11\u653f\u5e9c", None))
        self.err_reconsideration_body.setText("")
        self.err_reconsideration_body.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_court.setText(QCoreApplication.translate("SettingsDialog", u"\u7ba1\u8f96\u4eba\u6c11\u6cd5\u9662", None))
        self.f_court.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u53f0\u5dde\u5e02\u9ec4\u5ca9\u533a\u4eba\u6c11\u6cd5\u9662", None))
        self.err_court.setText("")
        self.err_court.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_fonds_no.setText(QCoreApplication.translate("SettingsDialog", u"\u5168\u5b97\u53f7", None))
        self.err_fonds_no.setText("")
        self.err_fonds_no.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_org_code.setText(QCoreApplication.translate("SettingsDialog", u"\u673a\u6784\uff08\u95ee\u9898\uff09\u4ee3\u7801", None))
        self.err_org_code.setText("")
        self.err_org_code.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.groupNumbers.setTitle(QCoreApplication.translate("SettingsDialog", u"\u7f16\u53f7\u683c\u5f0f\u4e0e\u5185\u90e8\u65f6\u9650\uff08\u672c\u673a\u5173\u89c4\u5b9a\uff0c\u975e\u6cd5\u5b9a\u671f\u9650\uff09", None))
        self.lbl_case_no_format.setText(QCoreApplication.translate("SettingsDialog", u"\u767b\u8bb0\u7f16\u53f7\u683c\u5f0f", None))
#if QT_CONFIG(tooltip)
        self.f_case_no_format.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u53ef\u7528\u5360\u4f4d\u7b26\uff1a{year} \u5e74\u5ea6\uff0c{seq} \u5e8f\u53f7", None))
#endif // QT_CONFIG(tooltip)
        self.hint_case_no_format.setText(QCoreApplication.translate("SettingsDialog", u"{year} \u5904\u586b\u5e74\u5ea6\uff0c{seq} \u5904\u586b\u5f53\u5e74\u7684\u5e8f\u53f7", None))
        self.hint_case_no_format.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"hint", None))
        self.err_case_no_format.setText("")
        self.err_case_no_format.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_doc_no_format.setText(QCoreApplication.translate("SettingsDialog", u"\u6587\u53f7\u683c\u5f0f", None))
#if QT_CONFIG(tooltip)
        self.f_doc_no_format.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u53ef\u7528\u5360\u4f4d\u7b26\uff1a{prefix} \u6587\u53f7\u524d\u7f00\uff0c{code} \u6587\u4e66\u4ee3\u5b57\uff0c{year} \u5e74\u5ea6\uff0c{seq} \u5e8f\u53f7", None))
#endif // QT_CONFIG(tooltip)
        self.hint_doc_no_format.setText(QCoreApplication.translate("SettingsDialog", u"{prefix} \u5904\u586b\u6587\u53f7\u524d\u7f00\uff0c{code} \u5904\u586b\u6587\u4e66\u4ee3\u5b57\uff08\u8865\u3001\u5ef6\u3001\u7b54\u2026\uff09\uff0c{year} \u5904\u586b\u5e74\u5ea6\uff0c{seq} \u5904\u586b\u5e8f\u53f7", None))
        self.hint_doc_no_format.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"hint", None))
        self.err_doc_no_format.setText("")
        self.err_doc_no_format.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_limit_accept.setText(QCoreApplication.translate("SettingsDialog", u"\u53d7\u7406\u767b\u8bb0", None))
        self.f_limit_accept.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_limit_accept.setText("")
        self.err_limit_accept.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_limit_review.setText(QCoreApplication.translate("SettingsDialog", u"\u5ba1\u67e5", None))
        self.f_limit_review.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_limit_review.setText("")
        self.err_limit_review.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_limit_draft.setText(QCoreApplication.translate("SettingsDialog", u"\u62df\u7b54\u590d\u610f\u89c1", None))
        self.f_limit_draft.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_limit_draft.setText("")
        self.err_limit_draft.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_limit_proactive_scope.setText(QCoreApplication.translate("SettingsDialog", u"\u4e3b\u52a8\u516c\u5f00\u8303\u56f4\u544a\u77e5", None))
        self.f_limit_proactive_scope.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_limit_proactive_scope.setText("")
        self.err_limit_proactive_scope.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_limit_sign.setText(QCoreApplication.translate("SettingsDialog", u"\u9001\u7b7e", None))
        self.f_limit_sign.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_limit_sign.setText("")
        self.err_limit_sign.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
        self.lbl_correction_period.setText(QCoreApplication.translate("SettingsDialog", u"\u8865\u6b63\u671f\u9650", None))
        self.f_correction_period.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.err_correction_period.setText("")
        self.err_correction_period.setProperty(u"role", QCoreApplication.translate("SettingsDialog", u"error", None))
    # retranslateUi

