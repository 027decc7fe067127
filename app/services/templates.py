"""The Word templates of the notices: shipped defaults, the office's edited copies, the check.

The program ships one template per kind in ``templates_docx/`` (never written to). When the
clerk edits one, the edit is a copy in the office's data folder (paths.user_templates_dir), and
that copy wins from then on, so a program update never overwrites the office's wording.
``restore_default`` moves the copy aside (kept, not deleted) and the shipped one applies again.

Templates are Jinja inside .docx, rendered by docxtpl in a sandboxed environment (a template
is a file anyone can edit; it must not reach Python objects), with every unknown name an error
(StrictUndefined) so a typo never prints as a silent gap in an official document.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import oserrors, paths
from app.domain import notices
from app.services import files
from app.services.errors import ServiceError

_FULLWIDTH = ("｛｛", "｝｝", "｛％", "％｝", "{％", "％}")
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*(p|tr|tc|r)\s")
_PRINT_TAG = re.compile(r"\{\{-?\s*(p|tr|tc|r)\s")


@dataclass(frozen=True)
class TemplateInfo:
    kind: str
    title: str
    path: Path          # the file in use: the office's copy if there is one, else the shipped one
    shipped: Path
    customised: bool
    modified: dt.datetime | None  # when the office's copy was last changed


@dataclass(frozen=True)
class TemplateProblem:
    """One problem found by ``check``: a Chinese message, the paragraph (1-based) if known."""

    message: str
    paragraph: int | None = None
    name: str | None = None

    def __str__(self) -> str:
        where = f"第{self.paragraph}段：" if self.paragraph else ""
        return where + self.message


# ------------------------------------------------------------------- the Jinja environment

@lru_cache(maxsize=1)
def jinja_env():
    """The one sandboxed environment every template is rendered in (autoescape: values are XML), with
    what a template may make the program do bounded (services.template_limits)."""
    from app.services.template_limits import bounded_environment

    return bounded_environment()


# ------------------------------------------------------------------- where templates are


def _db_path() -> Path:
    from app.services.workspace import current_db_path

    return current_db_path()


def shipped_path(kind_name: str) -> Path:
    return paths.shipped_templates_dir() / notices.kind(kind_name).file_name


def user_path(kind_name: str) -> Path:
    return paths.user_templates_dir(_db_path()) / notices.kind(kind_name).file_name


def template_path(kind_name: str) -> Path:
    """The template a notice of this kind is rendered from (the office's copy wins)."""
    custom = user_path(kind_name)
    if custom.exists():
        return custom
    shipped = shipped_path(kind_name)
    if not shipped.exists():
        raise ServiceError(f"找不到“{kind_name}”的默认模板文件：{shipped}。请重新安装本程序。")
    return shipped


def form_template(file_name: str) -> Path:
    """A form outside the notice kinds (保密审查表, the 舆情 reports …): the office's edited copy wins
    over the shipped one, as for the notices."""
    custom = paths.user_templates_dir(_db_path()) / file_name
    if custom.exists():
        return custom
    shipped = paths.shipped_templates_dir() / file_name
    if not shipped.exists():
        raise ServiceError(f"找不到模板文件：{shipped}。请重新安装本程序。")
    return shipped


def list_templates() -> list[TemplateInfo]:
    """Every kind with the template in use and whether the office has edited it."""
    out = []
    for k in notices.KINDS:
        custom = user_path(k.name)
        exists = custom.exists()
        modified = dt.datetime.fromtimestamp(custom.stat().st_mtime).replace(microsecond=0) if exists else None
        out.append(TemplateInfo(k.name, k.title, custom if exists else shipped_path(k.name), shipped_path(k.name),
                                exists, modified))
    return out


def edit_copy(kind_name: str) -> Path:
    """The office's editable copy (made from the shipped one on first use); open it in Word/WPS."""
    custom = user_path(kind_name)
    if not custom.exists():
        shipped = shipped_path(kind_name)
        if not shipped.exists():
            raise ServiceError(f"找不到“{kind_name}”的默认模板文件：{shipped}")
        try:
            custom.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shipped, custom)
        except OSError as exc:
            raise ServiceError(f"无法在{custom.parent}中创建模板副本：{oserrors.reason(exc)}") from None
    return custom


def restore_default(kind_name: str) -> Path | None:
    """Use the shipped template again. The office's copy is moved aside, not deleted; returns
    where it went (None if there was no copy)."""
    custom = user_path(kind_name)
    if not custom.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = custom.parent / "已替换" / f"{custom.stem}-{stamp}.docx"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        custom.replace(aside)
    except OSError as exc:
        raise ServiceError(f"无法恢复默认模板（{custom}）：{oserrors.reason(exc)}。请先在Word/WPS中关闭该模板。") from None
    return aside


# ------------------------------------------------------------------- rendering


def render(template: Path, context: dict, out: Path | io.BytesIO) -> None:
    """Render ``template`` with ``context`` into ``out``. A broken template raises ServiceError with
    a Chinese message and writes nothing to ``out`` (the caller renders to a temporary file)."""
    from app.services.template_limits import budget

    tpl = _open(template)
    try:
        with budget():
            tpl.render(context, jinja_env=jinja_env())
    except Exception as exc:  # jinja2 and docxtpl raise many kinds; all mean "this template is broken"
        raise ServiceError(f"模板“{template.stem}”无法生成文书：{_explain(exc)}。请在“模板”页检查该模板。") from None
    buffer = io.BytesIO()
    tpl.save(buffer)
    if isinstance(out, io.BytesIO):
        out.write(buffer.getvalue())
    else:
        files.write_bytes(Path(out), buffer.getvalue())


def _open(template: Path):
    from docxtpl import DocxTemplate

    if not template.exists():
        raise ServiceError(f"找不到模板文件：{template}")
    if not zipfile.is_zipfile(template):
        raise ServiceError(f"模板“{template.stem}”不是有效的Word文档（.docx）。请恢复默认模板或重新另存为 .docx 格式。")
    try:
        tpl = DocxTemplate(template)
        tpl.init_docx()
    except Exception as exc:  # a damaged package: python-docx raises KeyError, ValueError, lxml errors
        raise ServiceError(f"模板“{template.stem}”已损坏，无法打开（{type(exc).__name__}）。请恢复默认模板。") from None
    return tpl


def _explain(exc: Exception) -> str:
    """A Jinja or docxtpl error as a Chinese sentence."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from app.services.template_limits import RenderLimit

    if isinstance(exc, RenderLimit):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "模板中的宏调用自身的层数过多"
    if isinstance(exc, UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(exc))
        return f"未知的占位符“{name.group(1)}”" if name else f"使用了未定义的内容（{exc}）"
    if isinstance(exc, SecurityError):
        return "模板中有不允许的写法（出于安全考虑，模板只能使用占位符和简单的判断、循环）"
    if isinstance(exc, TemplateSyntaxError):
        return _syntax_message(exc)
    return f"{type(exc).__name__}：{exc}"


_SYNTAX_MESSAGES = (
    (re.compile(r"Unexpected end of template.*looking for.*'(end\w+)'", re.S), "缺少结束标记“{{% {0} %}}”"),
    (re.compile(r"unexpected end of template", re.I), "模板意外结束：有未闭合的 {{{{ }}}} 或 {{% %}}"),
    (re.compile(r"Encountered unknown tag '(\w+)'"), "未知或多余的标记“{0}”（可能缺少与之配对的 if/for）"),
    (re.compile(r"unexpected '(.)'"), "多余的符号“{0}”"),
    (re.compile(r"expected token 'end of print statement', got '([^']+)'"),
     "占位符中有多余的内容“{0}”（占位符名称中不能有空格或标点）"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"), "此处应为“{0}”，实际为“{1}”"),
    (re.compile(r"unexpected char '(.)'"), "占位符中有不允许的字符“{0}”"),
)


def _syntax_message(exc) -> str:
    text = exc.message or str(exc)
    for pattern, message in _SYNTAX_MESSAGES:
        match = pattern.search(text)
        if match:
            return "模板语法错误：" + message.format(*match.groups())
    return f"模板语法错误：{text}"


# ------------------------------------------------------------------- checking


def _paragraph_texts(tpl) -> list[str]:
    """Every paragraph's text, body first (tables included), then headers and footers."""
    from docx.oxml.ns import qn

    def texts(element) -> list[str]:
        return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]

    docx = tpl.docx
    out = texts(docx.element.body)
    for section in docx.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer,
                     section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                out += texts(part._element)
    return out


def _as_jinja_line(text: str) -> str:
    # docxtpl's paragraph/row/cell/run tags ({%p if %}, {{r x }}) are ordinary Jinja once unwrapped.
    return _PRINT_TAG.sub("{{ ", _PARAGRAPH_TAG.sub("{% ", text))


def check(kind_name: str, template: Path | None = None) -> list[TemplateProblem]:
    """Problems of a template in Chinese: not a .docx, full-width braces, Jinja syntax errors (with
    the paragraph), unknown placeholders (with the paragraph), and a trial render with the example
    values of the reference page. An empty list means the template is sound."""
    k = notices.kind(kind_name)
    template = Path(template) if template else template_path(kind_name)
    try:
        tpl = _open(template)
    except ServiceError as exc:
        return [TemplateProblem(str(exc))]
    lines = _paragraph_texts(tpl)
    problems = [TemplateProblem(f"使用了全角括号“{mark}”，请改为半角的“{{{{ }}}}”或“{{% %}}”", i)
                for i, text in enumerate(lines, 1) for mark in _FULLWIDTH if mark in text]
    source = "\n".join(_as_jinja_line(t) for t in lines)
    env = jinja_env()
    try:
        parsed = env.parse(source)
    except Exception as exc:  # TemplateSyntaxError carries the line = the paragraph number
        problems.append(TemplateProblem(_syntax_message(exc), getattr(exc, "lineno", None)))
        return problems
    from jinja2 import meta

    allowed = set(k.placeholders)
    for name in sorted(meta.find_undeclared_variables(parsed) - allowed):
        line = next((i for i, t in enumerate(lines, 1) if name in t), None)
        hint = "（该占位符属于其他文书）" if name in _all_names() else "（请对照“占位符说明”检查名称是否写错）"
        problems.append(TemplateProblem(f"未知的占位符“{name}”{hint}", line, name))
    if problems:
        return problems
    try:
        render(template, trial_context(k), io.BytesIO())
    except ServiceError as exc:
        problems.append(TemplateProblem(str(exc)))
    return problems


@lru_cache(maxsize=1)
def _all_names() -> frozenset[str]:
    return frozenset(p.name for p in notices.placeholder_catalogue())


def trial_context(k: notices.NoticeKind) -> dict:
    """Example values for every placeholder the kind may use (the reference page's examples)."""
    examples = notices.example_values()
    return {name: examples.get(name, "") for name in k.placeholders}


def check_all() -> dict[str, list[TemplateProblem]]:
    """The problems of every template in use, by kind (only kinds with problems)."""
    out = {}
    for k in notices.KINDS:
        problems = check(k.name)
        if problems:
            out[k.name] = problems
    return out
