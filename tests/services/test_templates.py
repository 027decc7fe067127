"""The templates page's service: the office's copies, restore, and the check in Chinese."""
from __future__ import annotations

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
