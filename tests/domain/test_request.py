import datetime as dt

import pytest

from app.domain.request import RequestData, legal_received_on, mask_id, mask_phone
from app.domain.validation import validate_request

ARRIVED = dt.date(2026, 3, 5)
CONFIRMED = dt.date(2026, 3, 9)


@pytest.mark.parametrize("channel, expected, article", [
    ("当面", ARRIVED, "第（一）项"),
    ("邮寄", CONFIRMED, "签收之日"),
    ("平常信函", CONFIRMED, "确认之日"),
    ("网络平台", CONFIRMED, "双方确认之日"),
    ("传真", CONFIRMED, "双方确认之日"),
    ("电子邮件", CONFIRMED, "双方确认之日"),
])
def test_legal_date_received_for_every_channel(channel, expected, article):
    result = legal_received_on(channel, ARRIVED, CONFIRMED)
    assert result.date == expected
    assert "条例第三十一条" in result.rule and article in result.rule


def test_post_with_no_signature_date_falls_back_to_arrival():
    assert legal_received_on("邮寄", ARRIVED, None).date == ARRIVED


def test_online_without_confirmation_has_no_legal_date():
    assert legal_received_on("网络平台", ARRIVED, None).date is None


def test_unknown_channel_is_refused():
    with pytest.raises(ValueError, match="未知的申请方式"):
        legal_received_on("飞鸽", ARRIVED, None)


def test_masking_keeps_first_six_and_last_four():
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"


def _person(**kw) -> RequestData:
    base = dict(name="张三", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                info_description="土地征收补偿方案", arrived_on=ARRIVED, channel="当面")
    base.update(kw)
    return RequestData(**base)


def test_a_complete_person_request_has_no_errors():
    assert validate_request(_person(), today=dt.date(2026, 11, 1)) == {}


def test_required_fields_of_article_29():
    errors = validate_request(_person(name="", info_description="", phone="", address="", email="",
                                      delivery_method="自行领取"), today=dt.date(2026, 11, 1))
    assert set(errors) == {"name", "info_description", "phone"}
    assert "条例第二十九条" in errors["name"]


def test_organisation_needs_representative_and_contact():
    data = _person(applicant_type="organisation", applicant_kind="商业企业", id_type="统一社会信用代码",
                   id_number="91350100M000100Y43")
    errors = validate_request(data, today=dt.date(2026, 11, 1))
    assert set(errors) == {"legal_rep", "contact_person"}


def test_dates_not_in_future_nor_before_arrival():
    today = dt.date(2026, 3, 6)
    assert "不能晚于今天" in validate_request(_person(arrived_on=dt.date(2026, 3, 7)), today=today)["arrived_on"]
    errors = validate_request(_person(channel="传真", confirmed_on=dt.date(2026, 3, 4)), today=today)
    assert errors["confirmed_on"] == "确认/签收日期不能早于申请到达日期"
    errors = validate_request(_person(channel="网络平台", confirmed_on=None), today=today)
    assert "条例第三十一条" in errors["confirmed_on"]
