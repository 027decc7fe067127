# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'request_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_RequestForm(object):
    def setupUi(self, RequestForm):
        if not RequestForm.objectName():
            RequestForm.setObjectName(u"RequestForm")
        RequestForm.resize(900, 600)
        self.outer = QVBoxLayout(RequestForm)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.err_general = QLabel(RequestForm)
        self.err_general.setObjectName(u"err_general")
        self.err_general.setWordWrap(True)

        self.outer.addWidget(self.err_general)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.groupApplicant = QGroupBox(RequestForm)
        self.groupApplicant.setObjectName(u"groupApplicant")
        self.formApplicant = QFormLayout(self.groupApplicant)
        self.formApplicant.setObjectName(u"formApplicant")
        self.formApplicant.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formApplicant.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_applicant_type = QLabel(self.groupApplicant)
        self.lbl_applicant_type.setObjectName(u"lbl_applicant_type")

        self.formApplicant.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_applicant_type)

        self.cell_applicant_type = QVBoxLayout()
        self.cell_applicant_type.setSpacing(2)
        self.cell_applicant_type.setObjectName(u"cell_applicant_type")
        self.f_applicant_type = QComboBox(self.groupApplicant)
        self.f_applicant_type.setObjectName(u"f_applicant_type")

        self.cell_applicant_type.addWidget(self.f_applicant_type)

        self.err_applicant_type = QLabel(self.groupApplicant)
        self.err_applicant_type.setObjectName(u"err_applicant_type")
        self.err_applicant_type.setWordWrap(True)

        self.cell_applicant_type.addWidget(self.err_applicant_type)


        self.formApplicant.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_applicant_type)

        self.lbl_applicant_kind = QLabel(self.groupApplicant)
        self.lbl_applicant_kind.setObjectName(u"lbl_applicant_kind")

        self.formApplicant.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_applicant_kind)

        self.cell_applicant_kind = QVBoxLayout()
        self.cell_applicant_kind.setSpacing(2)
        self.cell_applicant_kind.setObjectName(u"cell_applicant_kind")
        self.f_applicant_kind = QComboBox(self.groupApplicant)
        self.f_applicant_kind.setObjectName(u"f_applicant_kind")

        self.cell_applicant_kind.addWidget(self.f_applicant_kind)

        self.err_applicant_kind = QLabel(self.groupApplicant)
        self.err_applicant_kind.setObjectName(u"err_applicant_kind")
        self.err_applicant_kind.setWordWrap(True)

        self.cell_applicant_kind.addWidget(self.err_applicant_kind)


        self.formApplicant.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_applicant_kind)

        self.lbl_name = QLabel(self.groupApplicant)
        self.lbl_name.setObjectName(u"lbl_name")

        self.formApplicant.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_name)

        self.cell_name = QVBoxLayout()
        self.cell_name.setSpacing(2)
        self.cell_name.setObjectName(u"cell_name")
        self.f_name = QLineEdit(self.groupApplicant)
        self.f_name.setObjectName(u"f_name")

        self.cell_name.addWidget(self.f_name)

        self.err_name = QLabel(self.groupApplicant)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setWordWrap(True)

        self.cell_name.addWidget(self.err_name)


        self.formApplicant.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_name)

        self.lbl_id_type = QLabel(self.groupApplicant)
        self.lbl_id_type.setObjectName(u"lbl_id_type")

        self.formApplicant.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_id_type)

        self.cell_id_type = QVBoxLayout()
        self.cell_id_type.setSpacing(2)
        self.cell_id_type.setObjectName(u"cell_id_type")
        self.f_id_type = QComboBox(self.groupApplicant)
        self.f_id_type.setObjectName(u"f_id_type")

        self.cell_id_type.addWidget(self.f_id_type)

        self.err_id_type = QLabel(self.groupApplicant)
        self.err_id_type.setObjectName(u"err_id_type")
        self.err_id_type.setWordWrap(True)

        self.cell_id_type.addWidget(self.err_id_type)


        self.formApplicant.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_id_type)

        self.lbl_id_number = QLabel(self.groupApplicant)
        self.lbl_id_number.setObjectName(u"lbl_id_number")

        self.formApplicant.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_id_number)

        self.cell_id_number = QVBoxLayout()
        self.cell_id_number.setSpacing(2)
        self.cell_id_number.setObjectName(u"cell_id_number")
        self.f_id_number = QLineEdit(self.groupApplicant)
        self.f_id_number.setObjectName(u"f_id_number")

        self.cell_id_number.addWidget(self.f_id_number)

        self.err_id_number = QLabel(self.groupApplicant)
        self.err_id_number.setObjectName(u"err_id_number")
        self.err_id_number.setWordWrap(True)

        self.cell_id_number.addWidget(self.err_id_number)


        self.formApplicant.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell_id_number)

        self.lbl_legal_rep = QLabel(self.groupApplicant)
        self.lbl_legal_rep.setObjectName(u"lbl_legal_rep")

        self.formApplicant.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lbl_legal_rep)

        self.cell_legal_rep = QVBoxLayout()
        self.cell_legal_rep.setSpacing(2)
        self.cell_legal_rep.setObjectName(u"cell_legal_rep")
        self.f_legal_rep = QLineEdit(self.groupApplicant)
        self.f_legal_rep.setObjectName(u"f_legal_rep")

        self.cell_legal_rep.addWidget(self.f_legal_rep)

        self.err_legal_rep = QLabel(self.groupApplicant)
        self.err_legal_rep.setObjectName(u"err_legal_rep")
        self.err_legal_rep.setWordWrap(True)

        self.cell_legal_rep.addWidget(self.err_legal_rep)


        self.formApplicant.setLayout(5, QFormLayout.ItemRole.FieldRole, self.cell_legal_rep)

        self.lbl_contact_person = QLabel(self.groupApplicant)
        self.lbl_contact_person.setObjectName(u"lbl_contact_person")

        self.formApplicant.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lbl_contact_person)

        self.cell_contact_person = QVBoxLayout()
        self.cell_contact_person.setSpacing(2)
        self.cell_contact_person.setObjectName(u"cell_contact_person")
        self.f_contact_person = QLineEdit(self.groupApplicant)
        self.f_contact_person.setObjectName(u"f_contact_person")

        self.cell_contact_person.addWidget(self.f_contact_person)

        self.err_contact_person = QLabel(self.groupApplicant)
        self.err_contact_person.setObjectName(u"err_contact_person")
        self.err_contact_person.setWordWrap(True)

        self.cell_contact_person.addWidget(self.err_contact_person)


        self.formApplicant.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cell_contact_person)

        self.lbl_phone = QLabel(self.groupApplicant)
        self.lbl_phone.setObjectName(u"lbl_phone")

        self.formApplicant.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lbl_phone)

        self.cell_phone = QVBoxLayout()
        self.cell_phone.setSpacing(2)
        self.cell_phone.setObjectName(u"cell_phone")
        self.f_phone = QLineEdit(self.groupApplicant)
        self.f_phone.setObjectName(u"f_phone")

        self.cell_phone.addWidget(self.f_phone)

        self.err_phone = QLabel(self.groupApplicant)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setWordWrap(True)

        self.cell_phone.addWidget(self.err_phone)


        self.formApplicant.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cell_phone)

        self.lbl_address = QLabel(self.groupApplicant)
        self.lbl_address.setObjectName(u"lbl_address")

        self.formApplicant.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lbl_address)

        self.cell_address = QVBoxLayout()
        self.cell_address.setSpacing(2)
        self.cell_address.setObjectName(u"cell_address")
        self.f_address = QLineEdit(self.groupApplicant)
        self.f_address.setObjectName(u"f_address")

        self.cell_address.addWidget(self.f_address)

        self.err_address = QLabel(self.groupApplicant)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setWordWrap(True)

        self.cell_address.addWidget(self.err_address)


        self.formApplicant.setLayout(8, QFormLayout.ItemRole.FieldRole, self.cell_address)

        self.lbl_postcode = QLabel(self.groupApplicant)
        self.lbl_postcode.setObjectName(u"lbl_postcode")

        self.formApplicant.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lbl_postcode)

        self.cell_postcode = QVBoxLayout()
        self.cell_postcode.setSpacing(2)
        self.cell_postcode.setObjectName(u"cell_postcode")
        self.f_postcode = QLineEdit(self.groupApplicant)
        self.f_postcode.setObjectName(u"f_postcode")
        self.f_postcode.setMaxLength(6)

        self.cell_postcode.addWidget(self.f_postcode)

        self.err_postcode = QLabel(self.groupApplicant)
        self.err_postcode.setObjectName(u"err_postcode")
        self.err_postcode.setWordWrap(True)

        self.cell_postcode.addWidget(self.err_postcode)


        self.formApplicant.setLayout(9, QFormLayout.ItemRole.FieldRole, self.cell_postcode)

        self.lbl_email = QLabel(self.groupApplicant)
        self.lbl_email.setObjectName(u"lbl_email")

        self.formApplicant.setWidget(10, QFormLayout.ItemRole.LabelRole, self.lbl_email)

        self.cell_email = QVBoxLayout()
        self.cell_email.setSpacing(2)
        self.cell_email.setObjectName(u"cell_email")
        self.f_email = QLineEdit(self.groupApplicant)
        self.f_email.setObjectName(u"f_email")

        self.cell_email.addWidget(self.f_email)

        self.err_email = QLabel(self.groupApplicant)
        self.err_email.setObjectName(u"err_email")
        self.err_email.setWordWrap(True)

        self.cell_email.addWidget(self.err_email)


        self.formApplicant.setLayout(10, QFormLayout.ItemRole.FieldRole, self.cell_email)


        self.leftColumn.addWidget(self.groupApplicant)

        self.groupHandling = QGroupBox(RequestForm)
        self.groupHandling.setObjectName(u"groupHandling")
        self.formHandling = QFormLayout(self.groupHandling)
        self.formHandling.setObjectName(u"formHandling")
        self.formHandling.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formHandling.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_department = QLabel(self.groupHandling)
        self.lbl_department.setObjectName(u"lbl_department")

        self.formHandling.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_department)

        self.cell_department = QVBoxLayout()
        self.cell_department.setSpacing(2)
        self.cell_department.setObjectName(u"cell_department")
        self.f_department = QComboBox(self.groupHandling)
        self.f_department.setObjectName(u"f_department")
        self.f_department.setEditable(True)

        self.cell_department.addWidget(self.f_department)

        self.err_department = QLabel(self.groupHandling)
        self.err_department.setObjectName(u"err_department")
        self.err_department.setWordWrap(True)

        self.cell_department.addWidget(self.err_department)


        self.formHandling.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_department)

        self.lbl_fee_reduction = QLabel(self.groupHandling)
        self.lbl_fee_reduction.setObjectName(u"lbl_fee_reduction")

        self.formHandling.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_fee_reduction)

        self.cell_fee_reduction = QVBoxLayout()
        self.cell_fee_reduction.setSpacing(2)
        self.cell_fee_reduction.setObjectName(u"cell_fee_reduction")
        self.f_fee_reduction = QCheckBox(self.groupHandling)
        self.f_fee_reduction.setObjectName(u"f_fee_reduction")

        self.cell_fee_reduction.addWidget(self.f_fee_reduction)

        self.err_fee_reduction = QLabel(self.groupHandling)
        self.err_fee_reduction.setObjectName(u"err_fee_reduction")
        self.err_fee_reduction.setWordWrap(True)

        self.cell_fee_reduction.addWidget(self.err_fee_reduction)


        self.formHandling.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_fee_reduction)

        self.lbl_notes = QLabel(self.groupHandling)
        self.lbl_notes.setObjectName(u"lbl_notes")

        self.formHandling.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_notes)

        self.cell_notes = QVBoxLayout()
        self.cell_notes.setSpacing(2)
        self.cell_notes.setObjectName(u"cell_notes")
        self.f_notes = QPlainTextEdit(self.groupHandling)
        self.f_notes.setObjectName(u"f_notes")
        self.f_notes.setTabChangesFocus(True)
        self.f_notes.setMinimumSize(QSize(0, 50))
        self.f_notes.setMaximumSize(QSize(16777215, 70))

        self.cell_notes.addWidget(self.f_notes)

        self.err_notes = QLabel(self.groupHandling)
        self.err_notes.setObjectName(u"err_notes")
        self.err_notes.setWordWrap(True)

        self.cell_notes.addWidget(self.err_notes)


        self.formHandling.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_notes)


        self.leftColumn.addWidget(self.groupHandling)

        self.leftSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.groupInfo = QGroupBox(RequestForm)
        self.groupInfo.setObjectName(u"groupInfo")
        self.formInfo = QFormLayout(self.groupInfo)
        self.formInfo.setObjectName(u"formInfo")
        self.formInfo.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formInfo.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_info_name = QLabel(self.groupInfo)
        self.lbl_info_name.setObjectName(u"lbl_info_name")

        self.formInfo.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_info_name)

        self.cell_info_name = QVBoxLayout()
        self.cell_info_name.setSpacing(2)
        self.cell_info_name.setObjectName(u"cell_info_name")
        self.f_info_name = QLineEdit(self.groupInfo)
        self.f_info_name.setObjectName(u"f_info_name")

        self.cell_info_name.addWidget(self.f_info_name)

        self.err_info_name = QLabel(self.groupInfo)
        self.err_info_name.setObjectName(u"err_info_name")
        self.err_info_name.setWordWrap(True)

        self.cell_info_name.addWidget(self.err_info_name)


        self.formInfo.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_info_name)

        self.lbl_info_doc_no = QLabel(self.groupInfo)
        self.lbl_info_doc_no.setObjectName(u"lbl_info_doc_no")

        self.formInfo.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_info_doc_no)

        self.cell_info_doc_no = QVBoxLayout()
        self.cell_info_doc_no.setSpacing(2)
        self.cell_info_doc_no.setObjectName(u"cell_info_doc_no")
        self.f_info_doc_no = QLineEdit(self.groupInfo)
        self.f_info_doc_no.setObjectName(u"f_info_doc_no")

        self.cell_info_doc_no.addWidget(self.f_info_doc_no)

        self.err_info_doc_no = QLabel(self.groupInfo)
        self.err_info_doc_no.setObjectName(u"err_info_doc_no")
        self.err_info_doc_no.setWordWrap(True)

        self.cell_info_doc_no.addWidget(self.err_info_doc_no)


        self.formInfo.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_info_doc_no)

        self.lbl_info_description = QLabel(self.groupInfo)
        self.lbl_info_description.setObjectName(u"lbl_info_description")

        self.formInfo.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_info_description)

        self.cell_info_description = QVBoxLayout()
        self.cell_info_description.setSpacing(2)
        self.cell_info_description.setObjectName(u"cell_info_description")
        self.f_info_description = QPlainTextEdit(self.groupInfo)
        self.f_info_description.setObjectName(u"f_info_description")
        self.f_info_description.setTabChangesFocus(True)
        self.f_info_description.setMinimumSize(QSize(0, 60))
        self.f_info_description.setMaximumSize(QSize(16777215, 90))

        self.cell_info_description.addWidget(self.f_info_description)

        self.err_info_description = QLabel(self.groupInfo)
        self.err_info_description.setObjectName(u"err_info_description")
        self.err_info_description.setWordWrap(True)

        self.cell_info_description.addWidget(self.err_info_description)


        self.formInfo.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_info_description)

        self.lbl_form_wanted = QLabel(self.groupInfo)
        self.lbl_form_wanted.setObjectName(u"lbl_form_wanted")

        self.formInfo.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_form_wanted)

        self.cell_form_wanted = QVBoxLayout()
        self.cell_form_wanted.setSpacing(2)
        self.cell_form_wanted.setObjectName(u"cell_form_wanted")
        self.f_form_wanted = QComboBox(self.groupInfo)
        self.f_form_wanted.setObjectName(u"f_form_wanted")

        self.cell_form_wanted.addWidget(self.f_form_wanted)

        self.err_form_wanted = QLabel(self.groupInfo)
        self.err_form_wanted.setObjectName(u"err_form_wanted")
        self.err_form_wanted.setWordWrap(True)

        self.cell_form_wanted.addWidget(self.err_form_wanted)


        self.formInfo.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_form_wanted)

        self.lbl_delivery_method = QLabel(self.groupInfo)
        self.lbl_delivery_method.setObjectName(u"lbl_delivery_method")

        self.formInfo.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lbl_delivery_method)

        self.cell_delivery_method = QVBoxLayout()
        self.cell_delivery_method.setSpacing(2)
        self.cell_delivery_method.setObjectName(u"cell_delivery_method")
        self.f_delivery_method = QComboBox(self.groupInfo)
        self.f_delivery_method.setObjectName(u"f_delivery_method")

        self.cell_delivery_method.addWidget(self.f_delivery_method)

        self.err_delivery_method = QLabel(self.groupInfo)
        self.err_delivery_method.setObjectName(u"err_delivery_method")
        self.err_delivery_method.setWordWrap(True)

        self.cell_delivery_method.addWidget(self.err_delivery_method)


        self.formInfo.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell_delivery_method)


        self.rightColumn.addWidget(self.groupInfo)

        self.groupChannel = QGroupBox(RequestForm)
        self.groupChannel.setObjectName(u"groupChannel")
        self.formChannel = QFormLayout(self.groupChannel)
        self.formChannel.setObjectName(u"formChannel")
        self.formChannel.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.formChannel.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lbl_channel = QLabel(self.groupChannel)
        self.lbl_channel.setObjectName(u"lbl_channel")

        self.formChannel.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lbl_channel)

        self.cell_channel = QVBoxLayout()
        self.cell_channel.setSpacing(2)
        self.cell_channel.setObjectName(u"cell_channel")
        self.f_channel = QComboBox(self.groupChannel)
        self.f_channel.setObjectName(u"f_channel")

        self.cell_channel.addWidget(self.f_channel)

        self.err_channel = QLabel(self.groupChannel)
        self.err_channel.setObjectName(u"err_channel")
        self.err_channel.setWordWrap(True)

        self.cell_channel.addWidget(self.err_channel)


        self.formChannel.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell_channel)

        self.lbl_arrived_on = QLabel(self.groupChannel)
        self.lbl_arrived_on.setObjectName(u"lbl_arrived_on")

        self.formChannel.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lbl_arrived_on)

        self.cell_arrived_on = QVBoxLayout()
        self.cell_arrived_on.setSpacing(2)
        self.cell_arrived_on.setObjectName(u"cell_arrived_on")
        self.f_arrived_on = QDateEdit(self.groupChannel)
        self.f_arrived_on.setObjectName(u"f_arrived_on")
        self.f_arrived_on.setCalendarPopup(True)

        self.cell_arrived_on.addWidget(self.f_arrived_on)

        self.err_arrived_on = QLabel(self.groupChannel)
        self.err_arrived_on.setObjectName(u"err_arrived_on")
        self.err_arrived_on.setWordWrap(True)

        self.cell_arrived_on.addWidget(self.err_arrived_on)


        self.formChannel.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell_arrived_on)

        self.lbl_confirmed_on = QLabel(self.groupChannel)
        self.lbl_confirmed_on.setObjectName(u"lbl_confirmed_on")

        self.formChannel.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lbl_confirmed_on)

        self.cell_confirmed_on = QVBoxLayout()
        self.cell_confirmed_on.setSpacing(2)
        self.cell_confirmed_on.setObjectName(u"cell_confirmed_on")
        self.rowConfirmed = QHBoxLayout()
        self.rowConfirmed.setObjectName(u"rowConfirmed")
        self.f_confirmed_check = QCheckBox(self.groupChannel)
        self.f_confirmed_check.setObjectName(u"f_confirmed_check")

        self.rowConfirmed.addWidget(self.f_confirmed_check)

        self.f_confirmed_on = QDateEdit(self.groupChannel)
        self.f_confirmed_on.setObjectName(u"f_confirmed_on")
        self.f_confirmed_on.setCalendarPopup(True)

        self.rowConfirmed.addWidget(self.f_confirmed_on)

        self.rowConfirmed.setStretch(1, 1)

        self.cell_confirmed_on.addLayout(self.rowConfirmed)

        self.err_confirmed_on = QLabel(self.groupChannel)
        self.err_confirmed_on.setObjectName(u"err_confirmed_on")
        self.err_confirmed_on.setWordWrap(True)

        self.cell_confirmed_on.addWidget(self.err_confirmed_on)


        self.formChannel.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell_confirmed_on)

        self.lbl_received_on = QLabel(self.groupChannel)
        self.lbl_received_on.setObjectName(u"lbl_received_on")

        self.formChannel.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lbl_received_on)

        self.cell_received_on = QVBoxLayout()
        self.cell_received_on.setSpacing(2)
        self.cell_received_on.setObjectName(u"cell_received_on")
        self.receivedLabel = QLabel(self.groupChannel)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.cell_received_on.addWidget(self.receivedLabel)

        self.receivedRuleLabel = QLabel(self.groupChannel)
        self.receivedRuleLabel.setObjectName(u"receivedRuleLabel")
        self.receivedRuleLabel.setWordWrap(True)

        self.cell_received_on.addWidget(self.receivedRuleLabel)


        self.formChannel.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell_received_on)


        self.rightColumn.addWidget(self.groupChannel)

        self.rightSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)

        self.outer.addLayout(self.columns)


        self.retranslateUi(RequestForm)

        QMetaObject.connectSlotsByName(RequestForm)
    # setupUi

    def retranslateUi(self, RequestForm):
        self.err_general.setText("")
        self.err_general.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.groupApplicant.setTitle(QCoreApplication.translate("RequestForm", u"\u7533\u8bf7\u4eba", None))
        self.lbl_applicant_type.setText(QCoreApplication.translate("RequestForm", u"\u7533\u8bf7\u4eba\u7c7b\u578b", None))
        self.err_applicant_type.setText("")
        self.err_applicant_type.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_applicant_kind.setText(QCoreApplication.translate("RequestForm", u"\u7c7b\u522b", None))
        self.err_applicant_kind.setText("")
        self.err_applicant_kind.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_name.setText(QCoreApplication.translate("RequestForm", u"\u59d3\u540d/\u540d\u79f0", None))
        self.err_name.setText("")
        self.err_name.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_id_type.setText(QCoreApplication.translate("RequestForm", u"\u8bc1\u4ef6\u7c7b\u578b", None))
        self.err_id_type.setText("")
        self.err_id_type.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_id_number.setText(QCoreApplication.translate("RequestForm", u"\u8bc1\u4ef6\u53f7\u7801", None))
        self.f_id_number.setPlaceholderText(QCoreApplication.translate("RequestForm", u"\u5c45\u6c11\u8eab\u4efd\u8bc1\u53f7\u7801\u6216\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.err_id_number.setText("")
        self.err_id_number.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_legal_rep.setText(QCoreApplication.translate("RequestForm", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba", None))
        self.err_legal_rep.setText("")
        self.err_legal_rep.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_contact_person.setText(QCoreApplication.translate("RequestForm", u"\u8054\u7cfb\u4eba", None))
        self.err_contact_person.setText("")
        self.err_contact_person.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_phone.setText(QCoreApplication.translate("RequestForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.f_phone.setPlaceholderText(QCoreApplication.translate("RequestForm", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd\uff0c\u5982 0576-84123456", None))
        self.err_phone.setText("")
        self.err_phone.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_address.setText(QCoreApplication.translate("RequestForm", u"\u901a\u4fe1\u5730\u5740", None))
        self.err_address.setText("")
        self.err_address.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_postcode.setText(QCoreApplication.translate("RequestForm", u"\u90ae\u653f\u7f16\u7801", None))
        self.err_postcode.setText("")
        self.err_postcode.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_email.setText(QCoreApplication.translate("RequestForm", u"\u7535\u5b50\u90ae\u7bb1", None))
        self.err_email.setText("")
        self.err_email.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.groupHandling.setTitle(QCoreApplication.translate("RequestForm", u"\u529e\u7406", None))
        self.lbl_department.setText(QCoreApplication.translate("RequestForm", u"\u627f\u529e\u79d1\u5ba4", None))
        self.err_department.setText("")
        self.err_department.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_fee_reduction.setText(QCoreApplication.translate("RequestForm", u"\u8d39\u7528", None))
        self.f_fee_reduction.setText(QCoreApplication.translate("RequestForm", u"\u7533\u8bf7\u4eba\u7533\u8bf7\u51cf\u514d\u4fe1\u606f\u5904\u7406\u8d39", None))
        self.err_fee_reduction.setText("")
        self.err_fee_reduction.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_notes.setText(QCoreApplication.translate("RequestForm", u"\u5907\u6ce8", None))
        self.err_notes.setText("")
        self.err_notes.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.groupInfo.setTitle(QCoreApplication.translate("RequestForm", u"\u6240\u9700\u653f\u5e9c\u4fe1\u606f", None))
        self.lbl_info_name.setText(QCoreApplication.translate("RequestForm", u"\u4fe1\u606f\u540d\u79f0", None))
        self.err_info_name.setText("")
        self.err_info_name.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_info_doc_no.setText(QCoreApplication.translate("RequestForm", u"\u6587\u53f7", None))
        self.err_info_doc_no.setText("")
        self.err_info_doc_no.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_info_description.setText(QCoreApplication.translate("RequestForm", u"\u5185\u5bb9\u63cf\u8ff0", None))
        self.f_info_description.setPlaceholderText(QCoreApplication.translate("RequestForm", u"\u6240\u9700\u653f\u5e9c\u4fe1\u606f\u7684\u540d\u79f0\u3001\u6587\u53f7\u6216\u4fbf\u4e8e\u67e5\u8be2\u7684\u5176\u4ed6\u7279\u5f81\u6027\u63cf\u8ff0", None))
        self.err_info_description.setText("")
        self.err_info_description.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_form_wanted.setText(QCoreApplication.translate("RequestForm", u"\u63d0\u4f9b\u5f62\u5f0f", None))
        self.err_form_wanted.setText("")
        self.err_form_wanted.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_delivery_method.setText(QCoreApplication.translate("RequestForm", u"\u83b7\u53d6\u65b9\u5f0f", None))
        self.err_delivery_method.setText("")
        self.err_delivery_method.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.groupChannel.setTitle(QCoreApplication.translate("RequestForm", u"\u7533\u8bf7\u65b9\u5f0f\u4e0e\u6536\u5230\u65e5\u671f\uff08\u6761\u4f8b\u7b2c\u4e09\u5341\u4e00\u6761\uff09", None))
        self.lbl_channel.setText(QCoreApplication.translate("RequestForm", u"\u7533\u8bf7\u65b9\u5f0f", None))
        self.err_channel.setText("")
        self.err_channel.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_arrived_on.setText(QCoreApplication.translate("RequestForm", u"\u5230\u8fbe\u65e5\u671f", None))
        self.f_arrived_on.setDisplayFormat(QCoreApplication.translate("RequestForm", u"yyyy-MM-dd", None))
        self.err_arrived_on.setText("")
        self.err_arrived_on.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_confirmed_on.setText(QCoreApplication.translate("RequestForm", u"\u786e\u8ba4/\u7b7e\u6536\u65e5\u671f", None))
        self.f_confirmed_check.setText(QCoreApplication.translate("RequestForm", u"\u5df2\u786e\u8ba4/\u7b7e\u6536", None))
        self.f_confirmed_on.setDisplayFormat(QCoreApplication.translate("RequestForm", u"yyyy-MM-dd", None))
        self.err_confirmed_on.setText("")
        self.err_confirmed_on.setProperty(u"role", QCoreApplication.translate("RequestForm", u"error", None))
        self.lbl_received_on.setText(QCoreApplication.translate("RequestForm", u"\u6536\u5230\u7533\u8bf7\u4e4b\u65e5", None))
        self.receivedLabel.setText("")
        self.receivedLabel.setProperty(u"role", QCoreApplication.translate("RequestForm", u"received", None))
        self.receivedRuleLabel.setText("")
        self.receivedRuleLabel.setProperty(u"role", QCoreApplication.translate("RequestForm", u"hint", None))
        pass
    # retranslateUi

