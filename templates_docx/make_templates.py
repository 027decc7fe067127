"""Build every default notice template (templates_docx/<kind>.docx) with python-docx.

The wording and layout live here as code so they can be reviewed; run
``python templates_docx/make_templates.py`` after a change and commit the .docx files.

Layout is GB/T 9704-2012 (docs/legal/notices.md): A4, margins 37/35/28/26 mm (top, bottom,
left, right), title 2号 (22 pt) 小标宋, body 3号 (16 pt) 仿宋_GB2312, 22 lines × 28 characters
(exact line spacing 28.95 pt and a character grid), page numbers "— 1 —" in 4号 宋体, odd pages
right and even pages left. Placeholders are Chinese Jinja variables rendered by docxtpl; the list
of names each kind may use is app/domain/notices.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START  # noqa: F401  (kept for editors extending sections)
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from app.domain import notices  # noqa: E402

OUT = Path(__file__).resolve().parent

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
SONG = "宋体"
HEI = "黑体"
# Word substitutes a missing font by its altName; Windows and WPS have these without extra installs.
ALT_NAMES = {BODY_FONT: "仿宋", TITLE_FONT: "宋体", "楷体_GB2312": "楷体"}

BODY_PT = 16          # 3号
TITLE_PT = 22         # 2号
TABLE_PT = 14         # 4号: forms in tables need the room
LINE_PT = 28.95       # 225 mm / 22 lines
TITLE_LINE_PT = 32    # a 2号 title needs a little more than a body line; two title lines = 2.2 lines
CONDENSE_TWIPS = -5   # -0.25 pt: 156 mm / 28 characters = 15.79 pt ≥ 16 − 0.25


# ------------------------------------------------------------------- document set-up


def _set_fonts(rpr, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _font(run, name: str, size: float, bold: bool = False) -> None:
    """Both the Latin and the East Asian font slots: Word uses w:eastAsia for Chinese text."""
    run.font.name = name
    _set_fonts(run._element.get_or_add_rPr(), name)
    run.font.size = Pt(size)
    run.font.bold = bold


def _defaults(doc) -> None:
    """Document defaults and the Normal style, so text the clerk types in Word looks right too."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, BODY_FONT)
    for tag, val in (("w:sz", "32"), ("w:szCs", "32")):
        rpr_default.find(qn(tag)).set(qn("w:val"), val)
    rpr_default.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    ppr_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(round(LINE_PT * 20)))
    spacing.set(qn("w:lineRule"), "exact")

    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.widow_control = False
    # No automatic gap between Chinese and digits: dates print as 2026年3月9日, not 2026 年 3 月 9 日.
    ppr = normal.element.get_or_add_pPr()
    _flag(ppr, "w:autoSpaceDE", "0", ("w:autoSpaceDN",) + _PPR_AFTER_AUTOSPACE)
    _flag(ppr, "w:autoSpaceDN", "0", _PPR_AFTER_AUTOSPACE)
    _flag(normal.element.get_or_add_rPr(), "w:spacing", str(CONDENSE_TWIPS), _RPR_AFTER_SPACING)


def _page(doc) -> None:
    """A4, GB/T 9704 margins, 22 lines × 28 characters."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    # The page number sits 7 mm below the text block: its 6 mm line ends about 22 mm from the edge.
    section.footer_distance = Mm(22)
    # 22 lines: a line grid of 28.95 pt (579 twentieths). 28 characters: not a character grid
    # (linesAndChars with charSpace -849) but Normal's characters condensed by 0.25 pt, because
    # LibreOffice snaps a 16 pt character into two 15.79 pt grid cells and prints 14 a line; the
    # condensed spacing gives 15.75 pt a character and 28 a line in Word, WPS and LibreOffice alike.
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "579")


def _page_number(paragraph) -> None:
    """"— PAGE —" in 4号 宋体 (a PAGE field between two em dashes)."""
    def run(text: str = ""):
        r = paragraph.add_run(text)
        _font(r, SONG, 14)
        return r

    run("— ")
    for kind in ("begin", None, "separate", "1", "end"):
        r = run()
        if kind in ("begin", "separate", "end"):
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._element.append(fld)
        elif kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            r._element.append(instr)
        else:
            r.text = kind
    run(" —")


def _footers(doc) -> None:
    """Odd pages: number at the right, one character in; even pages: at the left (GB/T 9704 7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(18)
        _off_grid(p)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(14)
        else:
            fmt.left_indent = Pt(14)
        _page_number(p)


def _font_alternates(doc) -> None:
    """Declare the GB2312 fonts with the Windows names as altName, so a PC without them falls back."""
    table = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    from docx.oxml import parse_xml

    root = parse_xml(table.blob)
    for name, alt in ALT_NAMES.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt_el = OxmlElement("w:altName")
        alt_el.set(qn("w:val"), alt)
        font.append(alt_el)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        root.append(font)
    from lxml import etree

    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document():
    doc = Document()
    _defaults(doc)
    _page(doc)
    _footers(doc)
    _font_alternates(doc)
    props = doc.core_properties
    props.author = "政务公开工作台"
    props.title = ""
    props.comments = "占位符说明见程序“模板”页；双花括号内的名称请勿改动。"
    return doc


# ------------------------------------------------------------------- paragraphs


# Word refuses a file whose property elements are out of schema order, so insert, never append.
_PPR_AFTER_AUTOSPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")
_PPR_AFTER_SNAP = _PPR_AFTER_AUTOSPACE[3:]
_RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                      "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                      "w:specVanish", "w:oMath")


def _flag(parent, tag: str, value: str, successors: tuple[str, ...]) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    parent.insert_element_before(element, *successors)


def _off_grid(paragraph) -> None:
    """A line of its own height: on the 28.95 pt line grid a taller line would take two grid lines."""
    _flag(paragraph._p.get_or_add_pPr(), "w:snapToGrid", "0", _PPR_AFTER_SNAP)


def _para(doc_or_cell, text: str, *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True,
          font: str = BODY_FONT, size: float = BODY_PT, bold: bool = False, right_chars: float = 0,
          line: float | None = None, space_before: float = 0):
    p = doc_or_cell.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Pt(2 * size)
        p._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")
    if right_chars:
        fmt.right_indent = Pt(right_chars * size)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
        _off_grid(p)
    if space_before:
        fmt.space_before = Pt(space_before)
    if text:
        _font(p.add_run(text), font, size, bold)
    return p


def body(doc, text: str):
    return _para(doc, text)


def plain(doc, text: str):
    return _para(doc, text, indent=False)


def blank(doc):
    return _para(doc, "", indent=False)


def tag(doc, text: str):
    """A docxtpl paragraph tag ({%p … %}): the whole paragraph disappears when rendered."""
    return _para(doc, text, indent=False)


def title(doc, text: str, with_office: bool = True) -> None:
    if with_office:
        _para(doc, "{{ 机关名称 }}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, font=TITLE_FONT,
              size=TITLE_PT, line=TITLE_LINE_PT)
    _para(doc, text, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, font=TITLE_FONT, size=TITLE_PT, line=TITLE_LINE_PT)


def doc_no(doc) -> None:
    _para(doc, "{{ 文号 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=1)


def addressee(doc, name: str = "{{ 申请人 }}") -> None:
    plain(doc, f"{name}：")


def signature(doc, contact: bool = True) -> None:
    """Office and date at the lower right, one blank line below the text: the seal's top must be
    within one line of the text and it covers office and date (GB/T 9704 7.3.5.1)."""
    blank(doc)
    _para(doc, "{{ 机关名称 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=2)
    _para(doc, "{{ 成文日期 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=4)
    if contact:
        body(doc, "（联系人：{{ 经办人 }}，联系电话：{{ 机关电话 }}）")


def remedy(doc, what: str = "本答复") -> None:
    """The remedy clause: 行政复议法 (60 days) and 行政诉讼法 (6 months), naming the office's bodies."""
    body(doc, f"如对{what}不服，可以自收到{what}之日起60日内向{{{{ 复议机关 }}}}申请行政复议，"
              f"或者自收到{what}之日起6个月内向{{{{ 人民法院 }}}}提起行政诉讼。")


def note(doc) -> None:
    tag(doc, "{%p if 补充说明 %}")
    body(doc, "{{ 补充说明 }}。")
    tag(doc, "{%p endif %}")


# ------------------------------------------------------------------- letters

RECEIVED = ("本机关于{{ 收到申请日期 }}收到{{ 称谓 }}提出的政府信息公开申请（登记编号：{{ 登记编号 }}），"
            "申请获取“{{ 申请内容 }}”的政府信息。")
LAW = "《中华人民共和国政府信息公开条例》"


def letter(kind: notices.NoticeKind, paragraphs: list, *, to: str = "{{ 申请人 }}",
           remedy_what: str | None = None, contact: bool = True) -> object:
    doc = new_document()
    title(doc, kind.title)
    doc_no(doc)
    addressee(doc, to)
    for item in paragraphs:
        if callable(item):
            item(doc)
        else:
            body(doc, item)
    if remedy_what:
        remedy(doc, remedy_what)
    signature(doc, contact)
    return doc


def answer(kind: notices.NoticeKind, decision: str) -> object:
    """An answer notice: the request as received, the decision with its article, the remedy."""
    what = "本答复" if kind.name.startswith("答复") else "本告知"
    return letter(kind, [RECEIVED + "经审查，现答复如下：", decision, note], remedy_what=what)


def correction_items(doc) -> None:
    tag(doc, "{%p for 项 in 补正事项 %}")
    body(doc, "{{ loop.index }}．{{ 项 }}")
    tag(doc, "{%p endfor %}")


LETTERS: dict[str, object] = {
    "申请接收回执": lambda k: letter(k, [
        "本机关于{{ 收到申请日期 }}收到{{ 称谓 }}以{{ 申请方式 }}方式提出的政府信息公开申请，"
        "登记编号为{{ 登记编号 }}。申请内容：{{ 申请内容 }}。收到材料：{{ 接收材料 }}。",
        f"根据{LAW}第三十三条的规定，本机关将自收到申请之日起20个工作日内，即最迟于{{{{ 答复期限 }}}}作出答复；"
        "需要延长答复期限的，将另行书面告知。申请内容不明确的，本机关将自收到申请之日起7个工作日内一次性告知补正。",
        "特此回执。",
    ]),
    "补正告知书": lambda k: letter(k, [
        RECEIVED + f"经审查，{{{{ 称谓 }}}}的申请内容不明确。根据{LAW}第二十九条、第三十条的规定，"
        "请对以下内容作出补正：",
        correction_items,
        "请于{{ 补正期限 }}之前（含当日）将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]),
    "延期答复告知书": lambda k: letter(k, [
        RECEIVED + "因{{ 延期理由 }}，本机关不能在{{ 答复期限 }}之前作出答复。",
        f"根据{LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，"
        "本机关将于{{ 延期后答复期限 }}之前（含当日）作出答复。",
        "特此告知。",
    ]),
    "征求意见书（第三方）": lambda k: letter(k, [
        "本机关于{{ 收到申请日期 }}收到政府信息公开申请（登记编号：{{ 登记编号 }}），申请获取“{{ 申请内容 }}”的政府信息。"
        f"经审查，该信息的公开可能损害贵方合法权益。根据{LAW}第三十二条的规定，现书面征求贵方意见：{{{{ 征求意见事项 }}}}。",
        "请贵方自收到本意见书之日起15个工作日内{% if 征求意见期限 %}，即于{{ 征求意见期限 }}之前（含当日）{% endif %}，"
        "书面提出意见并说明理由。"
        "逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；"
        "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知贵方。",
    ], to="{{ 第三方名称 }}"),
    "征求意见书（共同制作机关）": lambda k: letter(k, [
        "本机关于{{ 收到申请日期 }}收到政府信息公开申请（登记编号：{{ 登记编号 }}），申请获取“{{ 申请内容 }}”的政府信息。"
        f"该信息由本机关与贵机关共同制作。根据{LAW}第三十四条的规定，现征求贵机关意见。",
        "请贵机关自收到本意见书之日起15个工作日内{% if 征求意见期限 %}，即于{{ 征求意见期限 }}之前（含当日）{% endif %}"
        "提出意见；逾期未提出意见的，视为同意公开。",
    ], to="{{ 被征求意见机关 }}"),
    "征求意见告知书（申请人）": lambda k: letter(k, [
        RECEIVED + "因该信息的公开需要征求{{ 被征求意见方 }}的意见，本机关已于{{ 成文日期 }}书面征求意见，"
        "被征求意见方应自收到征求意见书之日起15个工作日内{% if 征求意见期限 %}（即于{{ 征求意见期限 }}之前）{% endif %}"
        "提出意见。",
        f"根据{LAW}第三十二条、第三十四条的规定，征求意见所需时间不计算在答复期限内。"
        "本机关将在收到意见或者征求意见期限届满后依法作出答复。",
        "特此告知。",
    ]),
    "收费通知书": lambda k: letter(k, [
        "本机关于{{ 收到申请日期 }}收到{{ 称谓 }}的政府信息公开申请（登记编号：{{ 登记编号 }}），申请公开的数量、频次"
        f"明显超过合理范围。根据{LAW}第四十二条和国办函〔2020〕109号的规定，现收取信息处理费。",
        "收费标准：{{ 收费标准 }}计算过程：{{ 收费计算 }}。应缴金额：人民币{{ 收费金额 }}元。",
        "请自收到本通知书之次日起20个工作日内{% if 缴费期限 %}，即于{{ 缴费期限 }}之前（含当日）{% endif %}缴纳"
        "（{{ 缴费方式 }}）；逾期未缴纳的，视为放弃申请，本机关不再处理该申请。",
    ]),
}

ANSWERS: dict[str, str] = {
    "答复告知书（予以公开）": f"{{{{ 称谓 }}}}申请获取的政府信息属于公开范围。根据{LAW}第三十六条第（二）项的规定，"
                       "本机关予以公开。提供方式：{{ 提供方式说明 }}。",
    "答复告知书（已主动公开）": f"{{{{ 称谓 }}}}申请获取的政府信息本机关已经主动公开。根据{LAW}第三十六条第（一）项的规定，"
                        "现告知获取该信息的方式和途径：{{ 公开途径 }}。",
    "答复告知书（部分公开）": "{{ 称谓 }}申请获取的政府信息中，{{ 公开部分 }}属于公开范围，予以公开；"
                       "{{ 不予公开部分 }}{{ 不予公开情形 }}，根据{{ 不予公开依据 }}的规定，不予公开。"
                       f"根据{LAW}第三十七条的规定，本机关对可以公开的部分作区分处理后予以提供。"
                       "提供方式：{{ 提供方式说明 }}。",
    "答复告知书（不予公开）": "{{ 称谓 }}申请获取的政府信息{{ 不予公开情形 }}。"
                       "{% if 理由说明 %}具体理由：{{ 理由说明 }}。{% endif %}"
                       "根据{{ 不予公开依据 }}的规定，本机关决定不予公开。",
    "答复告知书（按有关法律法规办理）": "{{ 称谓 }}申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项。"
                            f"根据{LAW}第三十六条第（七）项的规定，请依照有关法律、行政法规的规定办理：{{{{ 查询途径 }}}}。",
    "答复告知书（信息不存在）": f"经检索查找，本机关未制作或者获取{{{{ 称谓 }}}}申请的政府信息，该政府信息不存在。"
                        f"根据{LAW}第三十六条第（四）项的规定，特此告知。",
    "答复告知书（非本机关负责公开）": f"{{{{ 称谓 }}}}申请获取的政府信息不属于本机关负责公开。根据{LAW}第三十六条第（五）项的规定，"
                           "该信息由{{ 负责机关 }}负责公开（联系方式：{{ 负责机关联系方式 }}），请向该机关提出申请。",
    "答复告知书（需另行制作）": f"本机关不掌握{{{{ 称谓 }}}}所申请的现成信息，提供该信息需要对现有政府信息进行加工、分析或者另行制作。"
                        f"根据{LAW}第三十八条的规定，本机关不予提供。",
    "答复告知书（补正后仍不明确）": "本机关已就该申请书面告知补正。经审查，补正后的申请内容仍不明确，本机关无法确定所需政府信息。"
                          f"根据{LAW}第三十条的规定，本机关无法提供该政府信息。",
    "告知书（信访举报投诉类）": f"{{{{ 称谓 }}}}提出的申请是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{LAW}"
                       "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请通过{{ 处理渠道 }}提出。",
    "告知书（重复申请）": "{{ 称谓 }}提出的申请属于重复申请：{{ 前次答复 }}。"
                   f"根据{LAW}第三十六条第（六）项的规定，本机关不予重复处理。",
    "告知书（公开出版物）": f"{{{{ 称谓 }}}}申请获取的信息属于公开出版物。根据{LAW}第三十九条第二款的规定，本机关可以不予提供，"
                    "可以通过以下途径获取：{{ 出版物获取途径 }}。",
    "告知书（大量反复申请）": f"{{{{ 称谓 }}}}申请公开政府信息的数量、频次明显超过合理范围，且未说明理由或者说明的理由不合理。"
                      f"根据{LAW}第三十五条的规定，本机关不予处理。",
    "告知书（要求确认或重新出具）": "{{ 称谓 }}的申请是要求本机关确认或者重新出具已获取的信息，"
                         f"不属于{LAW}规定的政府信息公开申请，本机关不作为政府信息公开申请处理。",
}


# ------------------------------------------------------------------- forms (tables)


def _cell(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(22)
    _off_grid(p)
    if text:
        _font(p.add_run(text), HEI if bold else BODY_FONT, TABLE_PT)


def _table(doc, rows: list[tuple], widths_mm: tuple[float, ...], heights_mm: dict[int, float] | None = None):
    """A bordered table; a row of two cells spans the value over the remaining columns."""
    cols = len(widths_mm)
    table = doc.add_table(rows=len(rows), cols=cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(rows):
        if len(row) == 2 and cols > 2:
            table.cell(i, 1).merge(table.cell(i, cols - 1))
        for j, text in enumerate(row):
            _cell(table.cell(i, j), text, align=WD_ALIGN_PARAGRAPH.CENTER if j % 2 == 0 else WD_ALIGN_PARAGRAPH.LEFT)
        if heights_mm and i in heights_mm:
            table.rows[i].height = Mm(heights_mm[i])
    _widths(table, widths_mm)
    return table


def _widths(table, widths_mm: tuple[float, ...]) -> None:
    """The columns' widths in the table grid (what LibreOffice and WPS lay out by) and in every cell,
    a merged cell as wide as the columns it spans: an 18-digit ID number stays on one line."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    for row in table.rows:
        start = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            tc.width = Mm(sum(widths_mm[start:start + span]))
            start += span


def delivery_receipt(kind: notices.NoticeKind):
    doc = new_document()
    title(doc, kind.title)
    doc_no(doc)
    _table(doc, [
        ("送达文书名称", "{{ 送达文书名称 }}"),
        ("文书文号", "{{ 送达文书文号 }}"),
        ("受送达人", "{{ 申请人 }}"),
        ("送达地点", "{{ 送达地点 }}"),
        ("送达方式", "{{ 送达方式 }}"),
        ("送达人（签名）", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("受送达人（签名或盖章）", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("代收人及代收理由", ""),
        ("备注", "登记编号：{{ 登记编号 }}"),
    ], (50, 106), heights_mm={5: 18, 6: 18, 7: 16})
    signature(doc, contact=False)
    return doc


def approval_sheet(kind: notices.NoticeKind):
    doc = new_document()
    title(doc, kind.title)
    blank(doc)
    table = _table(doc, [
        ("登记编号", "{{ 登记编号 }}", "收到申请日期", "{{ 收到申请日期 }}"),
        ("申请人", "{{ 申请人 }}", "联系电话", "{{ 申请人电话 }}"),
        ("申请内容", "{{ 申请内容 }}"),
        ("承办科室", "{{ 承办科室 }}", "答复期限", "{{ 答复期限 }}"),
        ("拟办理结果", "{{ 拟办理结果 }}"),
        ("拟答复意见", ""),
        ("承办科室意见", "\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("{{ 公开工作机构 }}意见", "\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("分管领导审批意见", "\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
    ], (32, 46, 32, 46), heights_mm={5: 30, 6: 26, 7: 26, 8: 26})
    # 拟答复意见 is a list typed by the clerk, one paragraph a line.
    cell = table.cell(5, 1)
    for text in ("{%p for 行 in 拟答复意见 %}", "{{ 行 }}", "{%p endfor %}"):
        p = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(22)
        _off_grid(p)
        _font(p.add_run(text), BODY_FONT, TABLE_PT)
    _para(doc, "经办人：{{ 经办人 }}\u3000\u3000\u3000\u3000填表日期：{{ 成文日期 }}", indent=False, size=TABLE_PT,
          space_before=6)
    return doc


def application_form(kind: notices.NoticeKind, filled: bool):
    """The 条例第二十九条 fields; blank for walk-in applicants or filled from the register."""
    doc = new_document()
    title(doc, kind.title)
    _para(doc, "受理机关：{{ 机关名称 }}{{ 公开工作机构 }}", indent=False, size=TABLE_PT,
          right_chars=0, line=24)
    if filled:
        _para(doc, "登记编号：{{ 登记编号 }}\u3000\u3000收到申请日期：{{ 收到申请日期 }}", indent=False, size=TABLE_PT, line=24)
    v = (lambda name: "{{ " + name + " }}") if filled else (lambda name: "")
    rows = [
        ("申请人类型", v("申请人类型") if filled else "□自然人\u3000\u3000□法人或其他组织"),
        ("姓名或名称", v("申请人")),
        # The 18-character ID number and an e-mail address get a whole row: in a half row they wrap.
        ("证件类型", v("证件类型"), "联系电话", v("申请人电话")),
        ("证件号码", v("证件号码")),
        ("法定代表人", v("法定代表人"), "联系人", v("联系人")),
        ("电子邮箱", v("申请人邮箱")),
        ("通信地址", v("申请人地址"), "邮政编码", v("申请人邮编")),
        ("所需信息名称", v("信息名称")),
        ("所需信息文号", v("信息文号")),
        ("所需信息描述", v("信息描述")),
        ("提供形式", v("提供形式") if filled else "□纸质\u3000\u3000□电子\u3000\u3000□其他"),
        ("获取方式", v("获取方式") if filled else "□邮寄\u3000□电子邮件\u3000□传真\u3000□自行领取\u3000□当场阅读抄录"),
        ("是否申请减免费用", v("申请减免费用") if filled else "□是\u3000\u3000□否"),
        ("申请人签名（盖章）", "\n\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
    ]
    _table(doc, rows, (34, 50, 24, 48), heights_mm={9: 20, 13: 14})
    _para(doc, "说明：根据《中华人民共和国政府信息公开条例》第二十九条，申请应当包括申请人的姓名或者名称、身份证明、"
               "联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径。"
               "地址：{{ 机关地址 }}；电话：{{ 机关电话 }}。", indent=False, size=12, line=18, space_before=6)
    return doc


# ------------------------------------------------------------------- build all


def build(kind: notices.NoticeKind):
    if kind.name in LETTERS:
        return LETTERS[kind.name](kind)
    if kind.name in ANSWERS:
        return answer(kind, ANSWERS[kind.name])
    if kind.name == "送达回证":
        return delivery_receipt(kind)
    if kind.name == "政府信息公开审查呈批单":
        return approval_sheet(kind)
    if kind.name.startswith("政府信息公开申请表"):
        return application_form(kind, filled=kind.needs_case)
    raise KeyError(f"no template builder for {kind.name}")


def main(out: Path = OUT) -> list[Path]:
    written = []
    for kind in notices.KINDS:
        path = out / kind.file_name
        build(kind).save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p.name)
