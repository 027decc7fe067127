import datetime as dt

import pytest

from app.domain import ids

# The standards' own examples: GB 11643-1999 (11010519491231002X), GB 32100-2015 (91350100M000100Y43).
VALID_ID_CARDS = ["11010519491231002X"]
VALID_USCC = ["91350100M000100Y43"]


@pytest.mark.parametrize("number", VALID_ID_CARDS)
def test_valid_id_cards_pass(number):
    assert ids.check_id_card(number, dt.date(2026, 11, 1)) is None


def test_lowercase_x_is_accepted():
    assert ids.check_id_card("11010519491231002x", dt.date(2026, 11, 1)) is None


@pytest.mark.parametrize("number, fragment", [
    ("110105194912310021", "校验位错误（末位应为 X）"),
    ("11010519491231002", "应为18位"),
    ("11010519490231002X", "不是真实日期"),      # 31 February
    ("1101051949123100AX", "前17位应为数字"),
    ("110105203012310020", "不合理"),              # born in the future
])
def test_invalid_id_cards_name_the_problem(number, fragment):
    message = ids.check_id_card(number, dt.date(2026, 11, 1))
    assert message is not None and fragment in message


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_credit_codes_pass(code):
    assert ids.check_uscc(code) is None


@pytest.mark.parametrize("code, fragment", [
    ("91350100M000100Y44", "校验位错误（末位应为 3）"),
    ("91350100M000100Y4", "应为18位"),
    ("91350100M0001O0Y43", "不允许的字符：O"),
    ("91ABCDEFM000100Y43", "行政区划码"),
])
def test_invalid_credit_codes_name_the_problem(code, fragment):
    message = ids.check_uscc(code)
    assert message is not None and fragment in message


@pytest.mark.parametrize("phone", ["13812345678", "0576-84123456", "057684123456", "84123456", "400-810-8888"])
def test_phone_formats_accepted(phone):
    assert ids.check_phone(phone) is None


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "abc", "0576-123"])
def test_phone_formats_refused(phone):
    assert ids.check_phone(phone)


def test_postcode_and_email():
    assert ids.check_postcode("318020") is None
    assert ids.check_postcode("31802") == "邮政编码应为6位数字"
    assert ids.check_email("a@b.cn") is None
    assert ids.check_email("a@b") is not None
