"""Build templates_docx/政府信息公开保密审查表.docx (docs/legal/notices.md, 保密审查表).

A table form on GB/T 9704 paper, made with the layout helpers of make_templates.py. Options are
printed as □ in front of each choice; the program fills ☑ for the chosen ones through the
placeholders 框.<选项>. The steps (three, or four for offices that use four) are one table row
repeated by docxtpl's {%tr for %}; each carries the opinion, the reviewer's name, a blank line for
the hand signature and the date. Run ``python templates_docx/make_review_form.py`` after a change
and commit the .docx.

Placeholders (app/services/review.py form_context): 机关名称 填表日期 信息名称 信息编号 科室
框.<公文类|非公文类|政府网站|公开栏|报刊|广播电视|依申请提供|其他|全文公开|非密处理后公开|不予公开>
其他方式 拟公开时间 检查.<国家秘密|商业秘密|个人隐私|三安全一稳定>.<是|否|说明> 处理理由
步骤 (each: 名称 意见 审查人 日期) 退回记录 关联.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_templates as gb  # noqa: E402  (GB/T 9704 page, fonts and table helpers)

OUT = Path(__file__).resolve().parent / "政府信息公开保密审查表.docx"
SP = "\u3000"


def _choices(*names: str, other: str = "") -> str:
    return SP.join("{{ 框." + n + " }}" + n for n in names) + other


def _check_row(label: str) -> tuple[str, str, str, str]:
    v = "{{ 检查." + label + "."
    return (f"涉及{label}", v + "是 }}是" + SP * 2 + v + "否 }}否", "说明", v + "说明 }}")


ROWS: list[tuple[str, ...]] = [
    ("信息名称", "{{ 信息名称 }}"),
    ("信息编号/文号", "{{ 信息编号 }}"),
    ("拟公开信息科室", "{{ 科室 }}", "拟公开时间", "{{ 拟公开时间 }}"),
    ("载体形式", _choices("公文类", "非公文类")),
    ("拟公开方式", _choices("政府网站", "公开栏", "报刊", "广播电视", "依申请提供", "其他", other="{{ 其他方式 }}")),
    _check_row("国家秘密"),
    _check_row("商业秘密"),
    _check_row("个人隐私"),
    _check_row("三安全一稳定"),
    ("处理建议", _choices("全文公开", "非密处理后公开", "不予公开") + "\n理由：{{ 处理理由 }}"),
    ("{%tr for s in 步骤 %}", ""),
    ("{{ s.名称 }}", "{{ s.意见 }}"),
    ("", "审查人：{{ s.审查人 }}" + SP * 3 + "签名：" + "＿" * 8 + "\n{{ s.日期 }}"),
    ("{%tr endfor %}", ""),
    ("退回记录", "{{ 退回记录 }}"),
]
PROPOSAL_ROW = 9
STEP_OPINION_ROW = 11
STEP_SIGN_ROW = 12
WIDTHS_MM = (38, 46, 26, 46)  # 156 mm = the GB/T 9704 text block
FORM_PT = 12                  # 小四: a one-page form with room for hand-written opinions
FORM_LINE_PT = 20


def _plain_grid(doc) -> None:
    """A form is not body text: drop the 28-characters-a-line grid, which spreads digits apart."""
    grid = doc.sections[0]._sectPr.find(gb.qn("w:docGrid"))
    for attr in ("w:type", "w:charSpace"):
        grid.attrib.pop(gb.qn(attr), None)


def _form_font(table, line_pt: float = FORM_LINE_PT) -> None:
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.line_spacing = gb.Pt(line_pt)
                for run in p.runs:
                    run.font.size = gb.Pt(FORM_PT)


def build():
    doc = gb.new_document()
    # docxtpl renders the core properties too, so this note must hold no Jinja braces.
    doc.core_properties.comments = "占位符说明见 make_review_form.py；双花括号内的名称请勿改动。"
    doc.core_properties.title = "政府信息公开保密审查表"
    _plain_grid(doc)
    gb.title(doc, "政府信息公开保密审查表", with_office=False)
    gb._para(doc, "填表单位：{{ 机关名称 }}" + SP * 3 + "填表日期：{{ 填表日期 }}", indent=False,
             size=FORM_PT, line=26, align=WD_ALIGN_PARAGRAPH.LEFT)
    table = gb._table(doc, ROWS, WIDTHS_MM, heights_mm={PROPOSAL_ROW: 15, STEP_OPINION_ROW: 15, STEP_SIGN_ROW: 12})
    # The step's label spans its opinion row and its signature row (one box per step on paper).
    table.cell(STEP_OPINION_ROW, 0).merge(table.cell(STEP_SIGN_ROW, 0))
    for row in (STEP_OPINION_ROW, STEP_SIGN_ROW):
        table.cell(row, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _form_font(table)
    gb._para(doc, "注：本表审查通过后，随公开信息或答复材料一并归档。关联：{{ 关联 }}", indent=False,
             size=10.5, line=18, space_before=4, align=WD_ALIGN_PARAGRAPH.LEFT)
    return doc


def main(out: Path = OUT) -> Path:
    build().save(out)
    return out


if __name__ == "__main__":
    print(main().name)
