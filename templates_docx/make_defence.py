"""Build templates_docx/答辩状.docx: the draft reply to a 行政复议 or 行政诉讼 about a disclosure answer
(行政复议法第四十八条: 答复书 within 10 days; 行政诉讼法第六十七条: 答辩状 within 15 days).

GB/T 9704 paper and fonts from make_templates.py. The clerk edits the draft in Word/WPS: the facts
of the case are filled in, the reasons are marked 【请补充】. Run ``python templates_docx/make_defence.py``
after a change and commit the .docx.

Placeholders (app/services/dispute_docs.py defence_context): 文书名称 机关名称 机关地址 机关电话 经办人
对方称谓 本机关称谓 申请人 申请人地址 受理机关 提起方式 副本名称 收到副本日期 收到申请日期 登记编号
申请内容 答复日期 答复期限 答复逾期 (True when the answer came after the legal limit) 办理结果 法律依据 请求事项
证据 (a list) 成文日期.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_templates as gb  # noqa: E402  (GB/T 9704 page, fonts and paragraph helpers)

OUT = Path(__file__).resolve().parent / "答辩状.docx"
TODO = "【请补充】"

PARAGRAPHS = (
    "{{ 对方称谓 }}{{ 申请人 }}不服{{ 本机关称谓 }}于{{ 答复日期 }}作出的政府信息公开答复（登记编号：{{ 登记编号 }}），"
    "向{{ 受理机关 }}{{ 提起方式 }}。{{ 本机关称谓 }}于{{ 收到副本日期 }}收到{{ 副本名称 }}，现提出答辩如下：",
    "一、{{ 本机关称谓 }}依法受理了申请。{{ 收到申请日期 }}，{{ 本机关称谓 }}收到{{ 对方称谓 }}提出的政府信息公开申请，"
    "申请获取“{{ 申请内容 }}”的政府信息，依法予以登记。",
    # A case recorded as answered late must not be defended as answered in time (条例第三十三条).
    "二、{% if 答复逾期 %}关于答复期限。本申请的法定答复期限至{{ 答复期限 }}，{{ 本机关称谓 }}于{{ 答复日期 }}作出答复，"
    f"晚于法定答复期限，逾期原因：{TODO}。"
    "{% else %}{{ 本机关称谓 }}在法定期限内作出了答复。{{ 本机关称谓 }}于{{ 答复日期 }}作出答复。{% endif %}"
    "办理结果为：{{ 办理结果 }}，依据为{{ 法律依据 }}，并依法送达{{ 对方称谓 }}。",
    f"三、答复认定事实清楚、适用法律正确。{TODO}",
    f"四、{{% if 答复逾期 %}}答复的其他程序。{TODO}{{% else %}}答复程序合法。{TODO}{{% endif %}}",
    "综上，{{ 本机关称谓 }}作出的政府信息公开答复认定事实清楚，适用法律正确"
    "{% if 答复逾期 %}，答复虽晚于法定期限，但不影响答复内容的合法性{% else %}，程序合法{% endif %}。"
    "请求{{ 受理机关 }}依法{{ 请求事项 }}。",
)


def build():
    doc = gb.new_document()
    gb.title(doc, "{{ 文书名称 }}", with_office=False)
    gb.blank(doc)
    gb.body(doc, "{{ 本机关称谓 }}：{{ 机关名称 }}，住所地：{{ 机关地址 }}，联系电话：{{ 机关电话 }}。")
    gb.body(doc, f"法定代表人：{TODO}，职务：{TODO}。")
    gb.body(doc, "{{ 对方称谓 }}：{{ 申请人 }}，住所地：{{ 申请人地址 }}。")
    for text in PARAGRAPHS:
        gb.body(doc, text)
    gb.body(doc, "此致")
    gb.plain(doc, "{{ 受理机关 }}")
    gb.blank(doc)
    gb._para(doc, "{{ 本机关称谓 }}：{{ 机关名称 }}（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=2)
    gb._para(doc, "{{ 成文日期 }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, right_chars=4)
    gb.blank(doc)
    gb.plain(doc, "附：证据清单")
    gb.tag(doc, "{%p for 项 in 证据 %}")
    gb.body(doc, "{{ loop.index }}．{{ 项 }}")
    gb.tag(doc, "{%p endfor %}")
    gb.body(doc, "（经办人：{{ 经办人 }}）")
    return doc


def main(out: Path = OUT) -> Path:
    build().save(out)
    return out


if __name__ == "__main__":
    print(main().name)
