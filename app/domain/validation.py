"""Field-level checks of a request before it is saved (条例第二十九条), and of the web links the other records
carry, messages in Chinese."""
from __future__ import annotations

import datetime as dt

from app.domain import ids
from app.domain.dates import check_plausible
from app.domain.request import (
    APPLICANT_KINDS, CHANNELS, DELIVERY_METHODS, FORMS_WANTED, ORGANISATION, PERSON, RequestData,
    channel_needs_confirmation,
)


def validate_request(data: RequestData, today: dt.date | None = None) -> dict[str, str]:
    """Every problem of `data` as field name → message; empty when the request may be saved.

    条例第二十九条: the applicant's name and identity document, contact details, a description of
    the information wanted, and the form and way of getting it.
    """
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    _check_applicant(data, errors, today)
    _check_contact(data, errors)
    _check_content(data, errors)
    _check_dates(data, errors, today)
    return errors


def _required(value: str) -> bool:
    return bool((value or "").strip())


def _check_applicant(data: RequestData, errors: dict[str, str], today: dt.date) -> None:
    if data.applicant_type not in (PERSON, ORGANISATION):
        errors["applicant_type"] = "请选择申请人类型"
    if data.applicant_kind not in APPLICANT_KINDS:
        errors["applicant_kind"] = "请选择申请人类别"
    elif (data.applicant_type == PERSON) != (data.applicant_kind == "自然人"):
        errors["applicant_kind"] = "申请人类型与类别不一致"
    if not _required(data.name):
        errors["name"] = "请填写申请人姓名或名称（条例第二十九条）"
    if not _required(data.id_number):
        errors["id_number"] = "请填写身份证件号码或统一社会信用代码（条例第二十九条）"
    elif data.id_type == "居民身份证":
        message = ids.check_id_card(data.id_number, today)
        if message:
            errors["id_number"] = message
    elif data.id_type == "统一社会信用代码":
        message = ids.check_uscc(data.id_number)
        if message:
            errors["id_number"] = message
    if data.applicant_type == ORGANISATION:
        if not _required(data.legal_rep):
            errors["legal_rep"] = "请填写法定代表人或主要负责人（条例第二十九条）"
        if not _required(data.contact_person):
            errors["contact_person"] = "请填写联系人（条例第二十九条）"


def _check_contact(data: RequestData, errors: dict[str, str]) -> None:
    if not any(_required(v) for v in (data.phone, data.address, data.email)):
        errors["phone"] = "请至少填写一种联系方式：电话、通信地址或电子邮箱（条例第二十九条）"
    if _required(data.phone) and (message := ids.check_phone(data.phone)):
        errors["phone"] = message
    if _required(data.postcode) and (message := ids.check_postcode(data.postcode)):
        errors["postcode"] = message
    if _required(data.email) and (message := ids.check_email(data.email)):
        errors["email"] = message
    if data.delivery_method == "邮寄" and not _required(data.address):
        errors["address"] = "选择邮寄获取时请填写通信地址"
    if data.delivery_method == "电子邮件" and not _required(data.email):
        errors["email"] = "选择电子邮件获取时请填写电子邮箱"


def _check_content(data: RequestData, errors: dict[str, str]) -> None:
    if not any(_required(v) for v in (data.info_name, data.info_doc_no, data.info_description)):
        errors["info_description"] = "请填写所需政府信息的名称、文号或便于查询的其他特征性描述（条例第二十九条）"
    if data.form_wanted not in FORMS_WANTED:
        errors["form_wanted"] = "请选择所需信息的提供形式"
    if data.delivery_method not in DELIVERY_METHODS:
        errors["delivery_method"] = "请选择获取信息的方式"


def _check_dates(data: RequestData, errors: dict[str, str], today: dt.date) -> None:
    if data.channel not in CHANNELS:
        errors["channel"] = "请选择申请方式"
        return
    if data.arrived_on is None:
        errors["arrived_on"] = "请填写申请到达日期"
    elif data.arrived_on > today:
        errors["arrived_on"] = "申请到达日期不能晚于今天"
    elif problem := check_plausible(data.arrived_on, today):
        errors["arrived_on"] = f"申请到达{problem}"
    needs = channel_needs_confirmation(data.channel) and data.channel != "邮寄"
    if data.confirmed_on is None:
        if needs:
            errors["confirmed_on"] = f"{data.channel}方式提交的申请须填写确认日期（条例第三十一条）"
        return
    if data.confirmed_on > today:
        errors["confirmed_on"] = "确认/签收日期不能晚于今天"
    elif problem := check_plausible(data.confirmed_on, today):
        errors["confirmed_on"] = f"确认/签收{problem}"
    elif data.arrived_on and data.confirmed_on < data.arrived_on:
        errors["confirmed_on"] = "确认/签收日期不能早于申请到达日期"


def link_problem(link: str) -> str | None:
    """A web address the office recorded (原文链接, where an answer or a release was published): empty, or
    starting with http:// or https:// so that it opens; otherwise the Chinese message."""
    text = link.strip()
    if text and not text.lower().startswith(("http://", "https://")):
        return "链接应以 http:// 或 https:// 开头"
    return None
