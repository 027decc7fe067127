"""The Word templates of the notices: shipped defaults, the office's edited copies, the check.

The program ships one template per kind in ``templates_docx/`` (never written to). When the
clerk edits one, the edit is a copy in the office's data folder (paths.user_templates_dir), and
that copy wins from then on, so a program update never overwrites the office's wording.
``restore_default`` moves the copy aside (kept, not deleted) and the shipped one applies again.

On a database server every desk of the office has a data folder of its own, so the office's copy is
also kept in the database (store.files, area 模板) and each desk's folder holds a copy of it, brought
up to date whenever a template is looked up (``_office_copy``). In a district the lookup is: the
office's edited copy → the district's default (store.district_defaults, set by the 区级 login with
`server district-template`) → the shipped template (docs/district.md, "The district's defaults").

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
from app.store import district_defaults, engine, files as kept

_FULLWIDTH = ("｛｛", "｝｝", "｛％", "％｝", "{％", "％}")
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*(p|tr|tc|r)\s")
_PRINT_TAG = re.compile(r"\{\{-?\s*(p|tr|tc|r)\s")


# Where the template in use comes from (the templates page shows it).
OFFICE, DISTRICT, SHIPPED = "本单位", "区统一", "程序自带"


@dataclass(frozen=True)
class TemplateInfo:
    kind: str
    title: str
    path: Path          # the file in use: the office's copy, else the district's default, else the shipped one
    shipped: Path
    customised: bool
    modified: dt.datetime | None  # when the office's copy was last changed
    origin: str = SHIPPED  # OFFICE, DISTRICT or SHIPPED


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


def _own_path(file_name: str) -> Path:
    return paths.user_templates_dir(_db_path()) / file_name


def _marker(custom: Path) -> Path:
    """Beside a desk's copy of the office's template: the SHA-256 of the database's version it was
    last brought level with (a server only)."""
    return custom.with_name(f".{custom.name}.kept")


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ServiceError(f"无法读取模板{path}：{oserrors.reason(exc)}") from None


def _set_aside(custom: Path, failure: str = "无法移开模板") -> Path:
    """Move this desk's copy to 已替换 (kept, not deleted); where it went."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = custom.parent / "已替换" / f"{custom.stem}-{stamp}{custom.suffix}"
    n = 1
    while aside.exists():
        n += 1
        aside = custom.parent / "已替换" / f"{custom.stem}-{stamp}-{n}{custom.suffix}"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        custom.replace(aside)
    except OSError as exc:
        raise ServiceError(f"{failure}（{custom}）：{oserrors.reason(exc)}。请先在Word/WPS中关闭该模板。") from None
    return aside


def _write_marked(custom: Path, data: bytes) -> None:
    try:
        kept.write(custom, data)
        kept.write(_marker(custom), _sha256(data).encode("ascii"))
    except OSError as exc:
        raise ServiceError(f"无法在{custom.parent}中保存模板：{oserrors.reason(exc)}") from None


def _office_copy(file_name: str) -> Path | None:
    """The office's edited copy of `file_name` on this desk, or None. On a server this desk's copy is
    first brought level with the database's: an edit made here since (the copy differs from the version
    it came from) is kept in the database for every desk; a version saved by another desk replaces it
    (an edit made here meanwhile is set aside in 已替换, not lost); a copy the office removed is set aside."""
    custom = _own_path(file_name)
    if not engine.on_server():
        return custom if custom.exists() else None
    if not district_defaults.sees_one_office():
        return None  # the 区级 login reads every office's copies: its own are the district's defaults
    local = _read(custom)
    marker = _read(_marker(custom))
    base = marker.decode("ascii", "replace") if marker else None
    stored = kept.digest(kept.TEMPLATES, file_name)
    if local is None:
        if stored is None:
            return None
        _write_marked(custom, kept.get(kept.TEMPLATES, file_name) or b"")
        return custom
    here = _sha256(local)
    if stored == here:
        if base != here:
            _write_marked(custom, local)
        return custom
    if (base == stored) if stored is not None else (base != here):
        # Edited on this desk since it came from the database (or never kept there): every desk gets it.
        if kept.in_transaction():
            return custom  # inside a write (a notice issued) that may be undone: kept at the next lookup
        kept.put(kept.TEMPLATES, file_name, local)
        _write_marked(custom, local)
        return custom
    if stored is None:
        _set_aside(custom)  # the office went back to the default on another desk: this copy kept aside
        _marker(custom).unlink(missing_ok=True)
        return None
    if base != here:
        _set_aside(custom)  # edited here (or never kept) while another desk saved another version: kept aside
    _write_marked(custom, kept.get(kept.TEMPLATES, file_name) or b"")
    return custom


def _district_default(file_name: str) -> Path | None:
    """This desk's copy of the district's default of `file_name` (written from the database), or None."""
    digest = district_defaults.template_digest(file_name)
    if digest is None:
        return None
    copy = paths.user_templates_dir(_db_path()) / DISTRICT / file_name
    local = _read(copy)
    if local is None or _sha256(local) != digest:
        found = district_defaults.template(file_name)
        if found is None:
            return None
        try:
            kept.write(copy, found[0])
        except OSError as exc:
            raise ServiceError(f"无法在{copy.parent}中保存全区统一模板：{oserrors.reason(exc)}") from None
    return copy


def resolve(file_name: str) -> tuple[Path, str]:
    """The template `file_name` is rendered from and where it comes from: the office's copy (OFFICE),
    the district's default (DISTRICT), or the shipped one (SHIPPED)."""
    own = _office_copy(file_name)
    if own is not None:
        return own, OFFICE
    district = _district_default(file_name)
    if district is not None:
        return district, DISTRICT
    return paths.shipped_templates_dir() / file_name, SHIPPED


def template_path(kind_name: str) -> Path:
    """The template a notice of this kind is rendered from (the office's copy wins, then the district's)."""
    path, origin = resolve(notices.kind(kind_name).file_name)
    if origin == SHIPPED and not path.exists():
        raise ServiceError(f"找不到“{kind_name}”的默认模板文件：{path}。请重新安装本程序。")
    return path


def form_template(file_name: str) -> Path:
    """A form outside the notice kinds (保密审查表, the 舆情 reports …): the office's edited copy wins
    over the district's default and the shipped one, as for the notices."""
    path, origin = resolve(file_name)
    if origin == SHIPPED and not path.exists():
        raise ServiceError(f"找不到模板文件：{path}。请重新安装本程序。")
    return path


def list_templates() -> list[TemplateInfo]:
    """Every kind with the template in use, where it comes from and whether the office has edited it."""
    out = []
    for k in notices.KINDS:
        path, origin = resolve(k.file_name)
        custom = origin == OFFICE
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0) if custom else None
        out.append(TemplateInfo(k.name, k.title, path, shipped_path(k.name), custom, modified, origin))
    return out


def edit_copy(kind_name: str) -> Path:
    """The office's editable copy (made on first use from the district's default, else the shipped
    one); open it in Word/WPS. On a server it is kept in the database at once (every desk uses it)."""
    file_name = notices.kind(kind_name).file_name
    path, origin = resolve(file_name)
    if origin == OFFICE:
        return path
    if not path.exists():
        raise ServiceError(f"找不到“{kind_name}”的默认模板文件：{path}")
    custom = _own_path(file_name)
    data = _read(path) or b""
    if engine.on_server():
        if not district_defaults.sees_one_office():
            raise ServiceError("区级用户没有本单位的模板；全区统一的模板请用 server district-template 设置。")
        kept.put(kept.TEMPLATES, file_name, data)
        _write_marked(custom, data)
        return custom
    try:
        custom.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, custom)
    except OSError as exc:
        raise ServiceError(f"无法在{custom.parent}中创建模板副本：{oserrors.reason(exc)}") from None
    return custom


def default_origin(kind_name: str) -> str:
    """What 恢复默认 goes back to: the district's default (DISTRICT) or the shipped template (SHIPPED)."""
    return DISTRICT if district_defaults.template_digest(notices.kind(kind_name).file_name) else SHIPPED


def restore_default(kind_name: str) -> Path | None:
    """Use the district's default (or the shipped template) again. The office's copy is moved aside,
    not deleted; returns where it went (None if there was no copy). On a server the database's copy
    goes too, so every desk uses the default again."""
    file_name = notices.kind(kind_name).file_name
    custom = _office_copy(file_name)
    if custom is None:
        return None
    aside = _set_aside(custom, "无法恢复默认模板")
    if engine.on_server():
        kept.delete(kept.TEMPLATES, file_name)
        _marker(custom).unlink(missing_ok=True)
    return aside


def set_district_default(kind_name: str, source: Path | str) -> None:
    """The district's default of this kind for every office (the 区级 login; the server refuses any
    other): checked like an office's template first, so no office gets a template that cannot render."""
    source = Path(source)
    k = _kind(kind_name)
    if not district_defaults.present():
        raise ServiceError("全区统一模板只能在区级服务器上设置（server init 之后）。")
    problems = check(kind_name, source)
    if problems:
        raise ServiceError(f"“{source.name}”不能作为“{kind_name}”的全区统一模板：" + "；".join(map(str, problems)))
    data = _read(source)
    if data is None:
        raise ServiceError(f"找不到文件：{source}")
    district_defaults.put_template(k.file_name, data)


def district_defaults_in_use() -> dict[str, dt.datetime]:
    """The template files the district set a default for (file name → when)."""
    return district_defaults.template_names()


def remove_district_default(kind_name: str) -> bool:
    """Offices without their own copy use the shipped template again; False when there was no default."""
    if not district_defaults.present():
        raise ServiceError("全区统一模板只能在区级服务器上设置（server init 之后）。")
    return district_defaults.delete_template(_kind(kind_name).file_name)


def _kind(kind_name: str) -> notices.NoticeKind:
    try:
        return notices.kind(kind_name)
    except KeyError:
        raise ServiceError(f"没有“{kind_name}”这种文书；可选：{'、'.join(k.name for k in notices.KINDS)}") from None


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
