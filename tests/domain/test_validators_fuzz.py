"""Random input to every validator: a Chinese message or None, never an unexpected exception."""
from __future__ import annotations

import datetime as dt
import string

from hypothesis import example, given, settings, strategies as st

from app.domain import ids, request, validation
from app.domain.request import RequestData
from app.domain.settings import OfficeSettings, check_number_format, check_settings

# Text a clerk or a pasted spreadsheet might produce: digits of every script, full-width forms,
# Chinese, control characters, and the characters the validators look for.
tricky = st.text(alphabet=st.one_of(
    st.characters(),
    st.sampled_from("0123456789Xx０１２３４５６７８９²³¹٣߁-—()（） @.\t\n\x00"),
    st.sampled_from(string.ascii_uppercase),
), max_size=40)
near_id = st.builds(lambda a, b: a + b, st.from_regex(r"\A[0-9]{6}(19|20)[0-9]{6}[0-9]{3}", fullmatch=True),
                    tricky.map(lambda t: t[:2]))
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def is_message(result) -> bool:
    return result is None or (isinstance(result, str) and result != "")


any_digits = st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=17, max_size=18)


@settings(max_examples=400, deadline=None)
@given(st.one_of(tricky, near_id, any_digits), dates)
@example("110105194912310²2X", None)  # found by this test: a superscript digit crashed the check digit
def test_check_id_card(value, today):
    assert is_message(ids.check_id_card(value, today))


def test_full_width_digits_are_refused_not_stored_as_typed():
    assert ids.check_id_card("１１０１０５１９４９１２３１００２X") is not None
    assert ids.check_phone("１３８１２３４５６７８") is not None
    assert ids.check_postcode("３１８０２６") is not None


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_check_uscc_phone_postcode_email(value):
    for check in (ids.check_uscc, ids.check_phone, ids.check_postcode, ids.check_email):
        assert is_message(check(value))


@settings(max_examples=200, deadline=None)
@given(tricky, tricky)
def test_check_number_format(fmt, extra):
    assert is_message(check_number_format(fmt + extra, ("year", "seq")))
    assert is_message(check_number_format(fmt, ("prefix", "code", "year", "seq")))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(request.CHANNELS), tricky), dates, dates)
def test_legal_received_on_raises_only_the_documented_value_error(channel, arrived, confirmed):
    try:
        result = request.legal_received_on(channel, arrived, confirmed)
    except ValueError:
        assert channel not in request.CHANNELS
        return
    assert "条例第三十一条" in result.rule
    assert result.date in (arrived, confirmed)


def pick(choices):
    return st.one_of(st.sampled_from(choices), tricky)


request_data = st.builds(
    RequestData,
    applicant_type=pick((request.PERSON, request.ORGANISATION)),
    applicant_kind=pick(request.APPLICANT_KINDS),
    name=tricky, id_type=pick(request.ID_TYPES_PERSON + request.ID_TYPES_ORGANISATION),
    id_number=st.one_of(tricky, near_id), legal_rep=tricky, contact_person=tricky, phone=tricky,
    address=tricky, postcode=tricky, email=tricky, info_name=tricky, info_doc_no=tricky,
    info_description=tricky, form_wanted=pick(request.FORMS_WANTED),
    delivery_method=pick(request.DELIVERY_METHODS), channel=pick(request.CHANNELS),
    arrived_on=dates, confirmed_on=dates, department=tricky, fee_reduction=st.booleans(), notes=tricky,
)


@settings(max_examples=400, deadline=None)
@given(request_data, dates)
def test_validate_request_returns_messages_for_any_input(data, today):
    errors = validation.validate_request(data, today)
    assert isinstance(errors, dict)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["office_name", "short_name", "doc_prefix", "court", "unknown"]), tricky))
def test_office_settings_checks(values):
    errors = check_settings(OfficeSettings.from_dict(values))
    assert all(isinstance(v, str) and v for v in errors.values())
