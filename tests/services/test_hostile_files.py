"""Malformed .xlsx and .docx files given to every import and as templates: a Chinese message,
never a crash, never a half-written result (property tests with hypothesis)."""
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.services import calendar, ledger, templates
from app.services.errors import ServiceError, ValidationError

pytestmark = pytest.mark.usefixtures("workspace")
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _real_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["登记编号", "收到日期", "申请人", "申请内容", "办理结果"])
    ws.append(["〔2026〕第1号", "2026-3-5", "张三", "财政预算", "3.1"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _mangled(data: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    """A real file truncated and with some bytes changed, like a broken USB copy."""
    buf = bytearray(data[: max(1, cut % (len(data) + 1))])
    for pos, value in flips:
        if buf:
            buf[pos % len(buf)] = value
    return bytes(buf)


BYTES = st.one_of(st.binary(max_size=2000), st.builds(_mangled, st.just(_real_xlsx()), st.integers(0, 10**6),
                                                      st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                                               max_size=8)))


def _refused_cleanly(call) -> None:
    try:
        call()
    except (ServiceError, ValidationError) as exc:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc) or "".join(exc.errors.values()))


@FUZZ
@given(data=BYTES)
def test_ledger_import_never_crashes_on_a_broken_file(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("x") / "台账.xlsx"
    path.write_bytes(data)
    _refused_cleanly(lambda: ledger.preview_import(path))


@FUZZ
@given(data=BYTES)
def test_holiday_import_never_crashes_and_saves_nothing(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("x") / "安排.xlsx"
    path.write_bytes(data)
    before = calendar.confirmed_years()
    try:
        calendar.import_schedule(path)
    except (ServiceError, ValidationError):
        assert calendar.confirmed_years() == before


def _docx_with(text: str) -> bytes:
    shipped = templates.shipped_path("补正告知书").read_bytes()
    src = zipfile.ZipFile(io.BytesIO(shipped))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body.replace("补正".encode(), text.encode("utf-8"), 1)
            dst.writestr(item, body)
    return out.getvalue()


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000),
                      st.sampled_from(["{{", "{% for %}", "{{ 申请人 | attr('__class__') }}", "{{ ''.__class__ }}",
                                       "{% include '/etc/passwd' %}", "{{ 未知占位符 }}", "}}{{"]).map(_docx_with)))
def test_a_broken_template_is_reported_in_chinese(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("t") / "补正告知书.docx"
    path.write_bytes(data)
    problems = templates.check("补正告知书", path)
    assert problems and all(any("\u4e00" <= ch <= "\u9fff" for ch in str(p.message)) for p in problems)


def test_the_sandbox_refuses_to_reach_python_internals(tmp_path):
    out = tmp_path / "out.docx"
    path = tmp_path / "evil.docx"
    path.write_bytes(_docx_with("{{ 申请人.__class__.__mro__ }}"))
    with pytest.raises(ServiceError):
        templates.render(path, {"申请人": "张三"}, out)
    assert not out.exists()
