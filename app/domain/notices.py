"""The notices (告知书 / 文书) a clerk prints, as plain data (docs/legal/notices.md).

One ``NoticeKind`` per Word template in ``templates_docx/``: its name (= the file name without
``.docx``), the 文号 kind code (补/延/答/征/费/收/送; None for internal forms that carry no 文号),
the outcome codes whose answer it is (docs/legal/outcomes.md), the extra inputs the clerk types, and the
placeholders its template may use. The placeholder catalogue with example values feeds the
reference page and the template check; ``chinese_date`` is the one date format of every notice.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.domain.dates import cn_date

# ------------------------------------------------------------------- dates


def chinese_date(d: dt.date | None) -> str:
    """A date as GB/T 9704 writes it: Arabic numerals, no leading zeros (2026年11月2日)."""
    return cn_date(d)


# ------------------------------------------------------------------- what issuing a notice means
# Issuing some notices is also a case action that moves the legal clock (app/services/actions.py);
# ``NoticeKind.action`` names it. The notice itself is recorded as an EVENT_KIND timeline event.

ACTION_CORRECTION = "correction"    # 条例第三十条: the answer limit restarts from the corrected request
ACTION_EXTENSION = "extension"      # 条例第三十三条第二款: 20 more working days
ACTION_THIRD_PARTY = "third_party"  # 条例第三十二条: the clock pauses while the third party is asked
ACTION_AGENCY = "agency"            # 条例第三十四条: the clock pauses while the other agency is asked
ACTION_FEE = "fee"                  # 国办函〔2020〕109号: the clock pauses until payment

EVENT_KIND = "notice"  # Event.kind of an issued notice on the case timeline

# How a notice whose period runs from its receipt is to be delivered. Only a notice handed over
# on the day it is issued has a receipt date known when it is printed, so only then may it print
# "即于X之前" (国办函〔2020〕109号 "自收到收费通知之次日起"; 条例第三十二条、第三十四条 "自收到征求意见书之日起").
HANDED_OVER_TODAY = "签发当日直接送达"
NOTICE_DELIVERY: tuple[str, ...] = (HANDED_OVER_TODAY, "邮寄送达", "电子送达", "其他方式送达")
# Date placeholders counted from the addressee's receipt: empty unless that day is known.
RECEIPT_DATES: frozenset[str] = frozenset({"征求意见期限", "缴费期限"})
UNCONFIRMED_MARK = "（未确认）"  # after a printed date that rests on an unconfirmed year (docs/legal/requests.md, 未确认)


# ------------------------------------------------------------------- extra inputs


@dataclass(frozen=True)
class ExtraField:
    """One input the clerk types for a notice (the GUI builds a small form from these).

    ``kind``: "text" (one line), "multiline" (one item a line; the template loops over the lines),
    or "choice" (one of ``choices``). ``name`` is the template placeholder.
    """

    name: str
    label: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    default: str = ""
    hint: str = ""


# 不予公开 reasons = outcome rows 3.1–3.7 (docs/legal/outcomes.md) with the article the answer cites.
REFUSAL_REASONS: dict[str, tuple[str, str]] = {
    "3.1": ("属于国家秘密", "《中华人民共和国政府信息公开条例》第十四条"),
    "3.2": ("属于法律、行政法规禁止公开的政府信息", "《中华人民共和国政府信息公开条例》第十四条"),
    "3.3": ("公开后可能危及国家安全、公共安全、经济安全、社会稳定", "《中华人民共和国政府信息公开条例》第十四条"),
    "3.4": ("涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害", "《中华人民共和国政府信息公开条例》第十五条"),
    "3.5": ("属于人事管理、后勤管理、内部工作流程等方面的内部事务信息", "《中华人民共和国政府信息公开条例》第十六条第一款"),
    "3.6": ("属于讨论记录、过程稿、磋商信函、请示报告等过程性信息", "《中华人民共和国政府信息公开条例》第十六条第二款"),
    "3.7": ("属于行政执法案卷信息", "《中华人民共和国政府信息公开条例》第十六条第二款"),
}
REFUSAL_CHOICES: tuple[str, ...] = tuple(label for label, _ in REFUSAL_REASONS.values())


def refusal_code(label: str) -> str | None:
    """The outcome code of a 不予公开 reason label, None if unknown."""
    for code, (text, _) in REFUSAL_REASONS.items():
        if text == label:
            return code
    return None


# ------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class NoticeKind:
    name: str                      # = templates_docx/<name>.docx
    title: str                     # the title printed on the notice
    code: str | None               # 文号 kind code; None: an internal form without 文号
    group: str                     # "流程" | "答复" | "表格"
    outcomes: tuple[str, ...] = ()  # outcome codes this answer notice serves
    extras: tuple[ExtraField, ...] = ()
    dates: tuple[str, ...] = ()    # clock dates the template uses (placeholder names)
    remedy: bool = False           # carries the remedy clause (复议机关 and court)
    action: str | None = None      # the clock action issuing it records (ACTION_*), if any
    needs_case: bool = True

    @property
    def file_name(self) -> str:
        return f"{self.name}.docx"

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Every placeholder the template may use: common ones, its dates and its extras."""
        names = list(OFFICE_PLACEHOLDERS)
        if self.needs_case:
            names += CASE_PLACEHOLDERS + DOCUMENT_PLACEHOLDERS + self.dates + tuple(e.name for e in self.extras)
        else:
            names += ("成文日期",)
        return tuple(dict.fromkeys(names))


_ANSWER = "答复"
_STEP = "流程"
_FORM = "表格"

_HOW_PROVIDED = ExtraField("提供方式说明", "提供信息的方式和时间", default="随本告知书一并提供（纸质）",
                           hint="写明以何种形式、何时、何地提供，页数可写明，例如“随本告知书一并提供（纸质，共3页）”")
_NOTE = ExtraField("补充说明", "补充说明", required=False, hint="可不填；填写后作为单独一段印在答复意见之后")


def _answer(name: str, outcomes: tuple[str, ...], *extras: ExtraField) -> NoticeKind:
    title = "政府信息公开申请答复告知书" if name.startswith("答复") else "政府信息公开申请告知书"
    return NoticeKind(name, title, "答", _ANSWER, outcomes, tuple(extras) + (_NOTE,), ("答复期限",),
                      remedy=True)


KINDS: tuple[NoticeKind, ...] = (
    NoticeKind("申请接收回执", "政府信息公开申请接收回执", "收", _STEP,
               extras=(ExtraField("接收材料", "收到的材料", default="政府信息公开申请表1份",
                                  hint="例如“政府信息公开申请表1份、身份证复印件1份”"),),
               dates=("答复期限",)),
    NoticeKind("补正告知书", "政府信息公开申请补正告知书", "补", _STEP,
               extras=(ExtraField("补正事项", "需要补正的事项", "multiline",
                                  hint="一行一项，例如“所需政府信息的名称、文号或者便于查询的其他特征性描述”"),
                       ExtraField("另定补正期限", "补正期限（日期，可不填）", required=False,
                                  hint="不填时按设置的补正期限计算；重新签发时沿用已告知的补正期限。"
                                       "另定日期的，重新签发须说明理由（条例第三十条：一次性告知）")),
               dates=("补正期限",), action=ACTION_CORRECTION),
    NoticeKind("延期答复告知书", "政府信息公开申请延期答复告知书", "延", _STEP,
               extras=(ExtraField("延期理由", "延期理由", default="所申请信息涉及面广，需调取、核查的材料较多",
                                  hint="不能按期答复的原因"),
                       ExtraField("批准人", "批准延期的负责人", hint="政府信息公开工作机构负责人（不印在告知书上，记入办理过程）")),
               dates=("答复期限", "延期后答复期限"), action=ACTION_EXTENSION),
    NoticeKind("征求意见书（第三方）", "政府信息公开征求第三方意见书", "征", _STEP,
               extras=(ExtraField("第三方名称", "第三方名称", hint="被征求意见的公民、法人或其他组织"),
                       ExtraField("征求意见事项", "征求意见的内容",
                                  default="该信息是否涉及贵方商业秘密、个人隐私，公开后是否会损害贵方合法权益"),
                       ExtraField("送达安排", "本意见书的送达方式", "choice", choices=NOTICE_DELIVERY,
                                  default="邮寄送达",
                                  hint="15个工作日自第三方收到之日起计算；只有签发当日直接送达的，才印出具体日期")),
               dates=("征求意见期限",), action=ACTION_THIRD_PARTY),
    NoticeKind("征求意见书（共同制作机关）", "政府信息公开征求意见书", "征", _STEP,
               extras=(ExtraField("被征求意见机关", "共同制作机关名称"),
                       ExtraField("送达安排", "本意见书的送达方式", "choice", choices=NOTICE_DELIVERY,
                                  default="邮寄送达",
                                  hint="15个工作日自该机关收到之日起计算；只有签发当日直接送达的，才印出具体日期")),
               dates=("征求意见期限",), action=ACTION_AGENCY),
    NoticeKind("征求意见告知书（申请人）", "政府信息公开征求意见告知书", "征", _STEP,
               extras=(ExtraField("被征求意见方", "被征求意见的第三方或机关", hint="可写“相关第三方”"),),
               dates=("征求意见期限",)),
    NoticeKind("收费通知书", "政府信息公开信息处理费收费通知书", "费", _STEP,
               extras=(ExtraField("收费方式", "计收方式", "choice", choices=("按件计收", "按量计收"), default="按件计收",
                                  hint="国办函〔2020〕109号：按件计收或按量计收，只能选其一"),
                       ExtraField("页数", "页数（按量计收时填写）", required=False, hint="提供的政府信息的页数"),
                       ExtraField("收费计算", "计算过程", required=False,
                                  hint="留空时按国办函〔2020〕109号的标准自动计算（按件计收按登记簿统计该申请人本月申请件数）"),
                       ExtraField("收费金额", "应缴金额（元）", required=False, hint="留空时按标准自动计算；与标准不同的须填写调整理由"),
                       ExtraField("金额调整理由", "金额调整理由", required=False,
                                  hint="应缴金额与按标准计算的不同时填写（如申请人申请减免），记入办理过程"),
                       ExtraField("缴费方式", "缴费方式", default="到本机关党政办公室现场缴纳，或通过银行转账缴纳"),
                       ExtraField("送达安排", "本通知书的送达方式", "choice", choices=NOTICE_DELIVERY, default="邮寄送达",
                                  hint="缴费期限自申请人收到之次日起计算；只有签发当日直接送达的，才印出具体日期")),
               dates=("缴费期限",), action=ACTION_FEE),
    _answer("答复告知书（予以公开）", ("1",), _HOW_PROVIDED),
    _answer("答复告知书（已主动公开）", ("1a",),
            ExtraField("公开途径", "获取途径", default="本机关门户网站“政府信息公开”专栏",
                       hint="信息已主动公开的位置，例如网址、公开栏")),
    _answer("答复告知书（部分公开）", ("2",), _HOW_PROVIDED,
            ExtraField("公开部分", "予以公开的部分"),
            ExtraField("不予公开部分", "不予公开的部分"),
            ExtraField("不予公开情形", "不予公开的理由", "choice", choices=REFUSAL_CHOICES)),
    _answer("答复告知书（不予公开）", ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"),
            ExtraField("不予公开情形", "不予公开的理由", "choice", choices=REFUSAL_CHOICES),
            ExtraField("理由说明", "具体理由", required=False, hint="可不填；对所选理由的具体说明")),
    _answer("答复告知书（按有关法律法规办理）", ("3.8",),
            ExtraField("查询途径", "办理查询的机关和途径", hint="例如“不动产登记机构，依照《不动产登记资料查询暂行办法》办理”")),
    _answer("答复告知书（信息不存在）", ("4.1",)),
    _answer("答复告知书（非本机关负责公开）", ("4.1",),
            ExtraField("负责机关", "负责公开该信息的机关"),
            ExtraField("负责机关联系方式", "该机关的联系方式",
                       hint="条例第三十六条第（五）项：能够确定负责公开的机关的，告知其名称、联系方式")),
    _answer("答复告知书（需另行制作）", ("4.2",)),
    _answer("答复告知书（补正后仍不明确）", ("4.3",)),
    _answer("告知书（信访举报投诉类）", ("5.1",),
            ExtraField("处理渠道", "应当通过的渠道", default="信访、投诉、举报渠道（本机关信访接待室）")),
    _answer("告知书（重复申请）", ("5.2",),
            ExtraField("前次答复", "此前的答复", hint="例如“本机关已于2026年3月2日以茅政信答〔2026〕5号答复”")),
    _answer("告知书（公开出版物）", ("5.3",),
            ExtraField("出版物获取途径", "获取该出版物的途径", hint="出版物名称及可查阅、购买的途径")),
    _answer("告知书（大量反复申请）", ("5.4",)),
    _answer("告知书（要求确认或重新出具）", ("5.5",)),
    NoticeKind("送达回证", "送达回证", "送", _STEP,
               extras=(ExtraField("送达文书名称", "送达的文书", hint="默认为本案最近签发的文书"),
                       ExtraField("送达文书文号", "文书文号", required=False),
                       ExtraField("送达方式", "送达方式", "choice",
                                  choices=("直接送达", "邮寄送达", "电子送达", "留置送达", "委托送达")),
                       ExtraField("送达地点", "送达地点", required=False))),
    NoticeKind("政府信息公开审查呈批单", "政府信息公开审查呈批单", None, _FORM,
               extras=(ExtraField("拟办理结果", "拟办理结果", required=False),
                       ExtraField("拟答复意见", "拟答复意见", "multiline", required=False)),
               dates=("答复期限",)),
    NoticeKind("政府信息公开申请表", "政府信息公开申请表", None, _FORM),
    NoticeKind("政府信息公开申请表（空白）", "政府信息公开申请表", None, _FORM, needs_case=False),
)

BY_NAME: dict[str, NoticeKind] = {k.name: k for k in KINDS}
KIND_CODES: tuple[str, ...] = tuple(dict.fromkeys(k.code for k in KINDS if k.code))


def kind(name: str) -> NoticeKind:
    """The kind of this name; KeyError with a Chinese message naming the unknown kind."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"未知的文书种类：{name}") from None


# Forms the program files among a case's documents without issuing them through 出具文书: the printed
# 政府信息公开保密审查表 (docs/legal/notices.md). Each is a document kind of its own: no 文号, dated the
# day it was printed, never offered as a notice to issue.
REVIEW_FORM = "保密审查表"
RECORDED_FORMS: dict[str, str] = {REVIEW_FORM: "政府信息公开保密审查表"}


def is_answer(kind_name: str) -> bool:
    """Whether a stored document of this kind is an answer notice (a recorded form, or a kind this
    version does not know, is not)."""
    k = BY_NAME.get(kind_name)
    return k is not None and k.group == _ANSWER


def title_of(kind_name: str) -> str:
    """The printed title of any stored document kind: a notice, a recorded form, else the name."""
    k = BY_NAME.get(kind_name)
    return k.title if k is not None else RECORDED_FORMS.get(kind_name, kind_name)


def answer_kinds(outcome_code: str) -> tuple[NoticeKind, ...]:
    """The answer notices for an outcome code (4.1 has two: 信息不存在 / 非本机关负责公开)."""
    return tuple(k for k in KINDS if outcome_code in k.outcomes)


# ------------------------------------------------------------------- placeholder catalogue
# name → (what it is, example value). Examples are what the reference page shows.

OFFICE_CATALOGUE: dict[str, tuple[str, str]] = {
    "机关名称": ("机关全称", "黄岩区茅畲乡人民政府"),
    "机关简称": ("机关简称", "茅畲乡"),
    "公开工作机构": ("政府信息公开工作机构", "党政办公室"),
    "机关地址": ("机关通信地址", "台州市黄岩区茅畲乡茅畲村"),
    "机关邮编": ("机关邮政编码", "318026"),
    "机关电话": ("机关联系电话", "0576-84581234"),
    "经办人": ("经办人", "王丽"),
    "分管领导": ("分管领导", "陈建国"),
    "复议机关": ("行政复议机关", "台州市黄岩区人民政府"),
    "人民法院": ("管辖人民法院", "台州市黄岩区人民法院"),
    "成文日期": ("文书落款日期（签发日）", "2026年3月9日"),
}
CASE_CATALOGUE: dict[str, tuple[str, str]] = {
    "登记编号": ("申请登记编号", "〔2026〕第12号"),
    "申请人": ("申请人姓名或名称", "张伟"),
    "申请人类型": ("自然人 / 法人或其他组织", "自然人"),
    "称谓": ("对申请人的称呼：自然人为“您”，法人或其他组织为“贵单位”", "您"),
    "证件类型": ("身份证件或代码类型", "居民身份证"),
    "证件号码": ("身份证件号码或统一社会信用代码", "331003198805120012"),
    "法定代表人": ("法定代表人（法人或其他组织）", "李明"),
    "联系人": ("联系人（法人或其他组织）", "赵敏"),
    "申请人电话": ("申请人联系电话", "13812345678"),
    "申请人地址": ("申请人通信地址", "浙江省台州市黄岩区茅畲乡上垟村18号"),
    "申请人邮编": ("申请人邮政编码", "318020"),
    "申请人邮箱": ("申请人电子邮箱", "zhangwei@example.com"),
    "信息名称": ("所需信息的名称", "上垟村土地征收补偿安置方案"),
    "信息文号": ("所需信息的文号", "茅政发〔2025〕8号"),
    "信息描述": ("所需信息的描述", "请求公开上垟村土地征收补偿安置方案及补偿款发放明细"),
    "申请内容": ("申请内容（信息名称，无名称时为描述）", "上垟村土地征收补偿安置方案"),
    "提供形式": ("所需信息的提供形式", "纸质"),
    "获取方式": ("获取信息的方式", "邮寄"),
    "申请方式": ("提交申请的方式", "当面"),
    "承办科室": ("承办科室", "农业农村办公室"),
    "申请减免费用": ("是否申请减免费用", "否"),
    "到达日期": ("申请到达本机关的日期", "2026年3月2日"),
    "收到申请日期": ("收到申请之日（条例第三十一条）", "2026年3月2日"),
    "收到申请年份": ("收到申请之日的年份", "2026"),
    "办理结果": ("办理结果（年度报告表三的行）", "（一）予以公开"),
    "法律依据": ("答复所依据的条款", "《中华人民共和国政府信息公开条例》第三十六条第（二）项"),
}
DOCUMENT_CATALOGUE: dict[str, tuple[str, str]] = {
    "文号": ("本文书的文号（签发时编定，草稿为××）", "茅政信补〔2026〕3号"),
    "不予公开依据": ("所选不予公开理由对应的条款（自动生成）", "《中华人民共和国政府信息公开条例》第十五条"),
    "收费标准": ("所选计收方式的收费标准（自动生成）", "按件计收，同一申请人一个自然月内累计申请10件以下（含）不收费，"
                 "11～30件每件100元，31件以上每10件为一档，每增加一档每件加收100元。"),
}

# 国办函〔2020〕109号《政府信息公开信息处理费管理办法》第五条的两种计收方式.
FEE_STANDARDS: dict[str, str] = {
    "按件计收": "按件计收，同一申请人一个自然月内累计申请10件以下（含）不收费，11～30件每件100元，"
            "31件以上每10件为一档，每增加一档每件加收100元。",
    "按量计收": "按量计收，同一申请30页以下（含）不收费，31～100页每页10元，101～200页每页20元，"
            "201页以上每页40元。",
}
DATE_CATALOGUE: dict[str, tuple[str, str]] = {
    "答复期限": ("答复期限（条例第三十三条，由期限计算得出）", "2026年3月30日"),
    "补正期限": ("补正期限（条例第三十条，自告知书发出之日起）", "2026年3月30日"),
    "延期后答复期限": ("延期后的答复期限（条例第三十三条第二款）", "2026年4月28日"),
    "征求意见期限": ("征求意见期限（条例第三十二条、第三十四条，自收到之日起15个工作日；"
                "收到日期未知时为空）", "2026年3月30日"),
    "缴费期限": ("缴费期限（国办函〔2020〕109号，自收到之次日起20个工作日；收到日期未知时为空）", "2026年4月7日"),
}
_EXTRA_EXAMPLES: dict[str, str] = {
    "接收材料": "政府信息公开申请表1份、身份证复印件1份",
    "补正事项": "所需政府信息的名称、文号或者便于查询的其他特征性描述\n申请人身份证件复印件",
    "延期理由": "所申请信息涉及面广，需调取、核查的材料较多",
    "批准人": "陈建国",
    "第三方名称": "台州市黄岩东海建材有限公司",
    "征求意见事项": "该信息是否涉及贵方商业秘密，公开后是否会损害贵方合法权益",
    "被征求意见机关": "台州市黄岩区自然资源和规划局",
    "被征求意见方": "相关第三方",
    "收费方式": "按件计收",
    "页数": "",
    "收费计算": "该申请人本月第11件申请；第11件：1件×100元=100元；合计100元",
    "收费金额": "100",
    "金额调整理由": "",
    "送达安排": "签发当日直接送达",
    "另定补正期限": "",
    "缴费方式": "到本机关党政办公室现场缴纳",
    "提供方式说明": "随本告知书一并提供（纸质，共3页）",
    "公开途径": "本机关门户网站“政府信息公开”专栏",
    "公开部分": "补偿安置方案全文",
    "不予公开部分": "补偿款发放明细中的个人身份证号码和银行账号",
    "不予公开情形": REFUSAL_CHOICES[3],
    "理由说明": "该部分内容涉及他人个人隐私",
    "查询途径": "不动产登记机构，依照《不动产登记资料查询暂行办法》办理",
    "负责机关": "台州市黄岩区自然资源和规划局",
    "负责机关联系方式": "0576-84123456",
    "处理渠道": "信访、投诉、举报渠道（本机关信访接待室）",
    "前次答复": "本机关已于2026年2月10日以茅政信答〔2026〕2号作出答复",
    "出版物获取途径": "《黄岩年鉴（2025）》，可在黄岩区图书馆查阅",
    "补充说明": "",
    "送达文书名称": "政府信息公开申请答复告知书",
    "送达文书文号": "茅政信答〔2026〕5号",
    "送达方式": "邮寄送达",
    "送达地点": "浙江省台州市黄岩区茅畲乡上垟村18号",
    "拟办理结果": "（一）予以公开",
    "拟答复意见": "予以公开，提供纸质材料3页",
}

OFFICE_PLACEHOLDERS: tuple[str, ...] = tuple(OFFICE_CATALOGUE)
CASE_PLACEHOLDERS: tuple[str, ...] = tuple(CASE_CATALOGUE)
DOCUMENT_PLACEHOLDERS: tuple[str, ...] = tuple(DOCUMENT_CATALOGUE)
DATE_PLACEHOLDERS: tuple[str, ...] = tuple(DATE_CATALOGUE)


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    example: str
    group: str
    kinds: tuple[str, ...] = field(default=())  # kinds that use it (empty: all)


def extra_field(name: str) -> ExtraField | None:
    for k in KINDS:
        for e in k.extras:
            if e.name == name:
                return e
    return None


def placeholder_catalogue() -> list[Placeholder]:
    """Every placeholder a template may use, with an example value, for the reference page."""
    out = [Placeholder(n, d, ex, "机关设置") for n, (d, ex) in OFFICE_CATALOGUE.items()]
    out += [Placeholder(n, d, ex, "申请") for n, (d, ex) in CASE_CATALOGUE.items()]
    out += [Placeholder(n, d, ex, "文书") for n, (d, ex) in DOCUMENT_CATALOGUE.items()]
    out += [Placeholder(n, d, ex, "期限（自动计算）", tuple(k.name for k in KINDS if n in k.dates))
            for n, (d, ex) in DATE_CATALOGUE.items()]
    seen: set[str] = set()
    for k in KINDS:
        for e in k.extras:
            if e.name in seen:
                continue
            seen.add(e.name)
            users = tuple(x.name for x in KINDS if any(f.name == e.name for f in x.extras))
            example = _EXTRA_EXAMPLES.get(e.name, e.default)
            desc = e.label + ("（一行一项）" if e.kind == "multiline" else "")
            out.append(Placeholder(e.name, desc, example, "需填写", users))
    return out


def example_values() -> dict[str, object]:
    """A full context of example values (multiline fields as lists), for trial renders."""
    values: dict[str, object] = {}
    for p in placeholder_catalogue():
        field_ = extra_field(p.name)
        if field_ is not None and field_.kind == "multiline":
            values[p.name] = [line for line in p.example.splitlines() if line.strip()]
        else:
            values[p.name] = p.example
    return values


def check_extras(k: NoticeKind, extra: dict[str, object]) -> dict[str, str]:
    """Missing or invalid clerk inputs of a kind, placeholder name → Chinese message."""
    errors: dict[str, str] = {}
    for e in k.extras:
        value = extra.get(e.name, e.default)
        text = "\n".join(value) if isinstance(value, (list, tuple)) else str(value or "")
        if e.required and not text.strip():
            errors[e.name] = f"请填写“{e.label}”"
        elif e.kind == "choice" and text and text not in e.choices:
            errors[e.name] = f"“{e.label}”应为以下之一：" + "、".join(e.choices)
    for e in k.extras:
        text = str(extra.get(e.name, e.default) or "")
        if e.name not in errors and re.search(r"共[\s\u3000]*页", text):
            errors[e.name] = f"“{e.label}”中“共  页”缺少页数：请填写页数，或删去“共  页”"
    if k.name == "收费通知书" and "收费金额" not in errors:
        amount = str(extra.get("收费金额", "") or "").strip()
        if amount and not _is_money(amount):
            errors["收费金额"] = "应缴金额应为不小于0的数字，例如 200 或 200.50"
    return errors


def _is_money(text: str) -> bool:
    """Yuan with at most two decimals (no signs, no exponents: it is printed as typed)."""
    return re.fullmatch(r"\d{1,9}(\.\d{1,2})?", text) is not None


def lines(value: object) -> list[str]:
    """A multiline input as its non-empty lines."""
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        items = str(value or "").splitlines()
    return [line.strip() for line in items if line.strip()]


def document_file_name(case_no: str, kind_name: str, doc_no: str | None, on_date: dt.date) -> str:
    """〔2026〕第12号-补正告知书-茅政信补〔2026〕3号.docx (a form without 文号 carries its date)."""
    tail = doc_no or chinese_date(on_date)
    return f"{case_no}-{kind_name}-{tail}.docx"
