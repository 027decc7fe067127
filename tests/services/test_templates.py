"""The templates page's service: the office's copies, restore, and the check in Chinese."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from app import paths
from app.domain import notices as nd
from app.services import templates
from app.services.errors import ServiceError


def write(path, *paragraphs: str) -> None:
    """A template whose body is exactly these paragraphs (paragraph 1 is the first)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


@pytest.mark.parametrize("kind", [k.name for k in nd.KINDS])
def test_every_shipped_template_checks_clean(workspace, kind):
    assert templates.check(kind) == []


def test_edit_copy_lives_in_the_office_folder_and_wins(workspace, db_path):
    copy = templates.edit_copy("补正告知书")
    assert copy.parent == paths.user_templates_dir(db_path)
    assert copy.read_bytes() == templates.shipped_path("补正告知书").read_bytes()
    assert templates.template_path("补正告知书") == copy
    info = {t.kind: t for t in templates.list_templates()}
    assert info["补正告知书"].customised and not info["延期答复告知书"].customised
    assert len(info) == len(nd.KINDS)


def test_restore_default_keeps_the_office_copy_aside(workspace):
    copy = templates.edit_copy("补正告知书")
    write(copy, "{{ 申请人 }}：办公室改过的措辞")
    aside = templates.restore_default("补正告知书")
    assert not copy.exists() and aside.exists()
    assert "办公室改过的措辞" in docx.Document(str(aside)).paragraphs[0].text
    assert templates.template_path("补正告知书") == templates.shipped_path("补正告知书")
    assert templates.restore_default("补正告知书") is None


def test_unknown_placeholder_is_named_with_its_paragraph(workspace, tmp_path):
    path = tmp_path / "t.docx"
    write(path, "{{ 申请人 }}：", "本机关于{{ 收到申请日期 }}收到申请。", "请于{{ 补正期线 }}之前补正。")
    problems = templates.check("补正告知书", path)
    assert [(p.name, p.paragraph) for p in problems] == [("补正期线", 3)]
    assert "未知的占位符“补正期线”" in str(problems[0]) and str(problems[0]).startswith("第3段")


def test_placeholder_of_another_kind_is_explained(workspace, tmp_path):
    path = tmp_path / "t.docx"
    write(path, "{{ 申请人 }}：", "缴费期限为{{ 缴费期限 }}。")
    problems = templates.check("补正告知书", path)
    assert problems[0].paragraph == 2 and "属于其他文书" in problems[0].message


def test_syntax_errors_are_reported_in_chinese_with_the_paragraph(workspace, tmp_path):
    path = tmp_path / "t.docx"
    write(path, "{{ 申请人 }}：", "正文", "{%p for 项 in 补正事项 %}", "{{ 项 }}", "第五段")
    problems = templates.check("补正告知书", path)
    assert len(problems) == 1 and "缺少结束标记" in problems[0].message and "endfor" in problems[0].message

    write(path, "{{ 申请人 }}：", "{{ 收到 申请日期 }}")
    problems = templates.check("补正告知书", path)
    assert problems[0].paragraph == 2 and "占位符" in problems[0].message


def test_full_width_braces_from_word_autocorrect_are_flagged(workspace, tmp_path):
    path = tmp_path / "t.docx"
    write(path, "｛｛ 申请人 ｝｝：")
    problems = templates.check("补正告知书", path)
    assert problems and problems[0].paragraph == 1 and "全角" in problems[0].message


def test_not_a_docx_is_a_problem_not_a_crash(workspace, tmp_path):
    path = tmp_path / "t.docx"
    path.write_text("这不是Word文档", encoding="utf-8")
    problems = templates.check("补正告知书", path)
    assert len(problems) == 1 and "不是有效的Word文档" in problems[0].message
    with pytest.raises(ServiceError, match="不是有效的Word文档"):
        templates.render(path, {}, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_sandbox_refuses_python_internals(workspace, tmp_path):
    path = tmp_path / "t.docx"
    write(path, "{{ 申请人.__class__.__mro__ }}")
    problems = templates.check("补正告知书", path)
    assert problems and "不允许" in problems[0].message
    with pytest.raises(ServiceError):
        templates.render(path, {"申请人": "张伟"}, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_check_all_after_a_bad_edit(workspace):
    write(templates.edit_copy("延期答复告知书"), "{{ 申请人 }}：{{ 未知 }}")
    assert list(templates.check_all()) == ["延期答复告知书"]


# ---- a template's work is bounded: loops, values, the document, the time ---------------------

CHECK_IN_A_CHILD = """
import json, resource, sys, docx
if hasattr(resource, "RLIMIT_AS"):
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: 'x' * 10**9 would need three
from app.services import templates
document = docx.Document()
document.add_paragraph("{{ 申请人 }}：")
document.add_paragraph(sys.argv[2])
document.save(sys.argv[1])
print(json.dumps([str(p) for p in templates.check("补正告知书", __import__("pathlib").Path(sys.argv[1]))],
                 ensure_ascii=False))
"""


def _checked_in_a_child(tmp_path, body: str) -> list[str]:
    """templates.check in a process of its own, memory capped, given 60 s: a template that never
    finishes or takes all memory fails the test instead of stalling the run."""
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", CHECK_IN_A_CHILD, str(tmp_path / "t.docx"), body],
                          cwd=paths.root(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-1500:]
    return json.loads(proc.stdout)


@pytest.mark.parametrize("body, limit", [
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "循环共执行超过"),
    ("{{ 'x' * 10**9 }}", "运算结果过大"),
    ("{{ '申请人'.center(10**9) }}", "数值1000000000过大"),
    ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "运算结果过大"),
    ("{% for i in range(60000) %}{{ '申请内容' * 25 }}{% endfor %}", "生成的文书内容过大"),
])
def test_a_template_past_a_bound_is_stopped_and_the_bound_named(tmp_path, body, limit):
    problems = _checked_in_a_child(tmp_path, body)
    assert len(problems) == 1 and limit in problems[0] and "已停止" in problems[0]


def test_issuing_with_a_runaway_template_burns_no_number(workspace, tmp_path):
    from app.domain.request import RequestData
    from app.services import notices, register

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="预算", arrived_on=dt.date(2026, 3, 5),
                                         channel="当面"), today=dt.date(2026, 3, 6))
    write(templates.edit_copy("补正告知书"), "{{ 申请人 }}",
          "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}")
    with pytest.raises(ServiceError, match="循环共执行超过"):
        notices.issue("补正告知书", case.id, {"补正事项": "身份证复印件"}, dt.date(2026, 3, 9))
    assert notices.documents(case.id) == []
    templates.restore_default("补正告知书")
    issued = notices.issue("补正告知书", case.id, {"补正事项": "身份证复印件"}, dt.date(2026, 3, 9))
    assert issued.doc_no.endswith("〔2026〕1号")
