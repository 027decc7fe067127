"""The dialogs of the 新闻发布 page: a press event, a journalist's question and its reply, a
spokesperson of the roster. Rules: app/domain/press.py (富阳区实施意见第1、6、7、11条; 六宣发〔2019〕26号;
省实施意见第3条 报批); docs/legal/duties.md. Views call services only.
"""
from __future__ import annotations

from dataclasses import asdict, fields, replace
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain import press as pr
from app.domain.press import EventData, InquiryData, PersonData
from app.services import opinion, press
from app.ui.common.context import Context
from app.ui.common.record_form import RecordDialog, Spec

NO_OPINION = "（不关联）"

EVENT_RULE = ("“1+2+N”（富阳区实施意见第1条）或“4·2·1+N”（六宣发〔2019〕26号）按年度考核新闻发布会场次；"
              "召开新闻发布会须事先报批（省实施意见第3条）。")
EVENT_SPECS = [
    Spec("held_on", "日期", "date"),
    Spec("kind", "形式", "choice", pr.EVENT_KINDS),
    Spec("host", "举办方式", "choice", pr.HOSTS, tip="“4·2·1+N”：新闻发言人每半年、主要负责同志每年至少出席一次政府新闻发布会"),
    Spec("topic", "主题"),
    Spec("speakers", "发布人（出席人）", placeholder="姓名，多人用顿号分隔"),
    Spec("roles", "发布人身份", "multi", pr.SPEAKER_ROLES),
    Spec("approved_by", "报批：审批单位或人", placeholder="如 区委宣传部（区政府新闻办）"),
    Spec("approved_on", "报批：审批日期", "date"),
    Spec("materials", "发布材料", "multiline", placeholder="新闻通稿、答问口径、解读材料等"),
    Spec("coverage", "媒体报道情况", "multiline"),
    Spec("opinion", "回应的舆情", "choice", tip="“N”：为回应舆情、突发事件而举行的发布"),
    Spec("notes", "备注"),
]

INQUIRY_RULE = "富阳区实施意见第11条：对于记者问询，要在一个工作日内予以回复，及时说明受理情况。"
INQUIRY_SPECS = [
    Spec("received_on", "收到日期", "date"),
    Spec("outlet", "媒体"),
    Spec("journalist", "记者"),
    Spec("contact", "联系方式"),
    Spec("channel", "问询方式", "choice", pr.INQUIRY_CHANNELS),
    Spec("question", "问询内容", "multiline"),
    Spec("replied_on", "答复日期", "date"),
    Spec("reply", "答复情况", "multiline", placeholder="说明受理情况或答复内容"),
    Spec("notes", "备注"),
]
REPLY_SPECS = [Spec("replied_on", "答复日期", "date"), Spec("reply", "答复情况", "multiline")]

PERSON_RULE = ("富阳区实施意见第6条：行政正职为新闻发言人，分管宣传领导为新闻发言人助理；第7条：任免后一个月内将相关信息"
               "报送区委宣传部（区政府新闻办），名单和联系方式定期向社会公布。")
PERSON_SPECS = [
    Spec("name", "姓名"),
    Spec("role", "身份", "choice", pr.ROSTER_ROLES),
    Spec("post", "职务"),
    Spec("phone", "联系电话"),
    Spec("appointed_on", "任命日期", "date"),
    Spec("appointment_reported_on", "任命报送宣传部日期", "date", tip="任命后一个月内报送"),
    Spec("removed_on", "免职日期", "date"),
    Spec("removal_reported_on", "免职报送宣传部日期", "date", tip="免职后一个月内报送"),
    Spec("notes", "备注"),
]


def _data(cls, values: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})


class EventDialog(RecordDialog):
    """登记 (or 修改) a press event; it counts in the quota from its date."""

    def __init__(self, parent: QWidget | None, ctx: Context, event_id: int | None = None):
        self.event_id = event_id
        super().__init__(parent, "登记新闻发布" if event_id is None else "修改新闻发布", EVENT_RULE, EVENT_SPECS, ctx,
                         self._store)
        self.opinions = {NO_OPINION: None} | {f"{r.item.no} {r.item.data.title[:24]}": r.item.id
                                               for r in opinion.rows(now=ctx.now())}
        self.form.widget("opinion").addItems(list(self.opinions))
        if event_id is None:
            self.form.set_values({"held_on": ctx.today()})
        else:
            data = press.get_event(event_id).data
            chosen = next((text for text, oid in self.opinions.items() if oid == data.opinion_id), NO_OPINION)
            self.form.set_values(asdict(data) | {"opinion": chosen})

    def _store(self, values: dict[str, Any]):
        data = replace(_data(EventData, values), opinion_id=self.opinions.get(values["opinion"]))
        return press.save_event(self.event_id, data, self.ctx.today())


class InquiryDialog(RecordDialog):
    """登记 (or 修改) a journalist's question; its reply is due one working day later."""

    def __init__(self, parent: QWidget | None, ctx: Context, inquiry_id: int | None = None):
        self.inquiry_id = inquiry_id
        super().__init__(parent, "登记记者问询" if inquiry_id is None else "修改记者问询", INQUIRY_RULE, INQUIRY_SPECS,
                         ctx, self._store)
        if inquiry_id is None:
            self.form.set_values({"received_on": ctx.today()})
        else:
            self.form.set_values(asdict(press.get_inquiry(inquiry_id).data))

    def _store(self, values: dict[str, Any]):
        return press.save_inquiry(self.inquiry_id, _data(InquiryData, values), self.ctx.today())


class ReplyDialog(RecordDialog):
    """答复 a journalist's question."""

    def __init__(self, parent: QWidget | None, ctx: Context, inquiry_id: int):
        self.inquiry_id = inquiry_id
        q = press.get_inquiry(inquiry_id).data
        super().__init__(parent, f"答复记者问询：{q.outlet}", INQUIRY_RULE + f"\n问询：{q.question}", REPLY_SPECS, ctx,
                         self._store, save_text="记录答复")
        self.form.set_values({"replied_on": ctx.today()})

    def _store(self, values: dict[str, Any]):
        return press.reply(self.inquiry_id, values["replied_on"], values["reply"], self.ctx.today())


class PersonDialog(RecordDialog):
    """新增 (or 修改) a spokesperson or assistant: appointment, report to the 宣传部, removal."""

    def __init__(self, parent: QWidget | None, ctx: Context, person_id: int | None = None):
        self.person_id = person_id
        super().__init__(parent, "新增新闻发言人" if person_id is None else "修改新闻发言人", PERSON_RULE, PERSON_SPECS,
                         ctx, self._store)
        if person_id is not None:
            self.form.set_values(asdict(press.get_person(person_id).data))

    def _store(self, values: dict[str, Any]):
        return press.save_person(self.person_id, _data(PersonData, values), self.ctx.today())
