"""政策解读 of a 行政规范性文件 in the proactive register (docs/legal/duties.md, 政策解读).

Rules (本乡行政规范性文件政策解读公开工作流程 一至四; 本乡关于做好行政规范性文件政策解读工作的通知):

* 一: "谁起草谁解读" — the section drafting the document sends a draft interpretation together with
  the draft document (报送文件拟稿时一并报送解读文件初稿).
* 二: after the document is issued (印发), the disclosure office and the drafting section finish the
  interpretation together (同步完成解读文件修改).
* 三: the revised text goes to the 分管领导 for approval (审定).
* 四: the approved interpretation is published on the district portal and the 政务服务网 together
  with its document (与对应的行政规范性文件一并公开): the same day, the same place. 富阳区实施意见第2条
  and 六宣发〔2019〕26号 四 say the same (同步发布).
* 通知 三: forms — text, 图解, audio/video, 在线访谈, 专家解读 …; 通知 二(四): the interpreting
  section, the interpreter and their contact are named.

Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.dates import cn_date
from app.domain.validation import link_problem

FORMS: tuple[str, ...] = ("文字解读", "图解", "音视频", "在线访谈", "专家解读")


@dataclass
class InterpretationData:
    title: str = ""
    section: str = ""                  # 解读科室: the section that drafted the document
    interpreter: str = ""              # 解读人
    contact: str = ""                  # 联系方式
    forms: tuple[str, ...] = ()
    draft_on: dt.date | None = None    # 初稿随文件拟稿报送之日
    revised_on: dt.date | None = None  # 文件印发后修改完成之日
    approved_by: str = ""              # 审定的分管领导
    approved_on: dt.date | None = None
    published_on: dt.date | None = None
    place: str = ""                    # 公开平台
    link: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Interpretation:
    id: int
    item_id: int
    data: InterpretationData


@dataclass(frozen=True)
class Document:
    """What the rules need of the interpreted 行政规范性文件 (an entry of the proactive register)."""

    title: str
    section: str
    issued_on: dt.date | None
    published_on: dt.date | None
    place: str


def validate(data: InterpretationData, today: dt.date) -> dict[str, str]:
    """Problems that make the record incoherent, field → Chinese message."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = "请填写解读标题"
    if not data.section.strip():
        errors["section"] = "请填写解读科室（谁起草谁解读：文件牵头起草科室）"
    if not data.forms or any(f not in FORMS for f in data.forms):
        errors["forms"] = "请选择解读形式（文字解读、图解、音视频、在线访谈、专家解读）"
    dates = {"draft_on": ("初稿报送日期", data.draft_on), "revised_on": ("修改完成日期", data.revised_on),
             "approved_on": ("审定日期", data.approved_on), "published_on": ("公开日期", data.published_on)}
    for name, (label, value) in dates.items():
        if value is not None and value > today:
            errors[name] = f"{label}不能晚于今天"
    if bool(data.approved_by.strip()) != bool(data.approved_on):
        errors["approved_on" if data.approved_by.strip() else "approved_by"] = "审定请同时填写分管领导和审定日期"
    if data.published_on and not data.approved_on:
        errors["published_on"] = "政策解读须经分管领导审定后方可公开（政策解读公开工作流程第三条、第四条）"
    elif data.published_on and data.approved_on and data.published_on < data.approved_on:
        errors.setdefault("published_on", "公开日期不能早于审定日期")
    if data.approved_on and data.revised_on and data.approved_on < data.revised_on:
        errors.setdefault("approved_on", "审定日期不能早于修改完成日期")
    if data.published_on and not data.place.strip():
        errors["place"] = "请填写公开平台（应与文件在同一平台公开）"
    if problem := link_problem(data.link):
        errors["link"] = problem
    return errors


def sync_flags(data: InterpretationData | None, doc: Document) -> list[str]:
    """Whether the interpretation went out with its document: the same day and the same place
    (政策解读公开工作流程第四条). A document published without it is flagged."""
    if doc.published_on is None:
        return []
    if data is None or data.published_on is None:
        return [f"文件已于{cn_date(doc.published_on)}公开，政策解读尚未公开（应与文件一并公开）"]
    out = []
    if data.published_on != doc.published_on:
        days = (data.published_on - doc.published_on).days
        when = f"晚于文件{days}天" if days > 0 else f"早于文件{-days}天"
        out.append(f"政策解读于{cn_date(data.published_on)}公开，{when}，未与文件同步公开"
                   f"（文件公开于{cn_date(doc.published_on)}）")
    if doc.place.strip() and data.place.strip() and data.place.strip() != doc.place.strip():
        out.append(f"政策解读公开平台（{data.place}）与文件（{doc.place}）不同，应在同一平台一并公开")
    return out


def process_flags(data: InterpretationData, doc: Document) -> list[str]:
    """The steps before publication: drafted with the document by its drafting section, revised
    after issue, approved (政策解读公开工作流程第一至三条)."""
    out = []
    if doc.section.strip() and data.section.strip() != doc.section.strip():
        out.append(f"解读科室（{data.section}）与文件起草科室（{doc.section}）不一致（谁起草谁解读）")
    if data.draft_on is None:
        out.append("未登记解读初稿的报送日期（起草科室应在报送文件拟稿时一并报送解读初稿）")
    elif doc.issued_on and data.draft_on > doc.issued_on:
        out.append(f"解读初稿于{cn_date(data.draft_on)}报送，晚于文件印发（{cn_date(doc.issued_on)}），未随文件拟稿一并报送")
    if data.revised_on and doc.issued_on and data.revised_on < doc.issued_on:
        out.append("解读文本的修改应在文件印发后，与文件同步完成")
    if doc.published_on and not data.approved_on:
        out.append("政策解读尚未经分管领导审定")
    return out


def flags(data: InterpretationData | None, doc: Document) -> list[str]:
    """Everything the register flags on a document's interpretation."""
    return sync_flags(data, doc) + (process_flags(data, doc) if data is not None else [])
