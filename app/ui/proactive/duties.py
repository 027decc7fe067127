"""Dialogs of the 主动公开 register for what goes out with an entry: the 政策解读 of a 行政规范性文件
(谁起草谁解读, approved by the 分管领导, published with the document) and the registration of a release
after its check (信息发布审核, 登记存档). Rules: app/domain/interpretation.py, app/domain/publication.py;
docs/legal/duties.md. Views call services only.
"""
from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.domain import proactive as pr
from app.domain import publication as pub
from app.domain.interpretation import FORMS, InterpretationData
from app.domain.publication import PublicationData
from app.services import audit, interpretation, proactive, publication
from app.ui.common.context import Context
from app.ui.common.record_form import FileRow, RecordDialog, Spec

INTERPRETATION_RULE = ("本乡行政规范性文件政策解读公开工作流程：谁起草谁解读，解读初稿随文件拟稿一并报送；文件印发后同步完成修改；"
                       "经分管领导审定后，与文件在同一平台同日一并公开。")
INTERPRETATION_SPECS = [
    Spec("title", "解读标题"),
    Spec("section", "解读科室", tip="谁起草谁解读：文件牵头起草科室"),
    Spec("interpreter", "解读人"),
    Spec("contact", "联系方式"),
    Spec("forms", "解读形式", "multi", FORMS),
    Spec("draft_on", "初稿随文件报送日期", "date", tip="第一条：报送文件拟稿时一并报送解读初稿"),
    Spec("revised_on", "印发后修改完成日期", "date", tip="第二条：文件印发后同步完成修改"),
    Spec("approved_by", "审定的分管领导", tip="第三条：解读文本送分管领导审定"),
    Spec("approved_on", "审定日期", "date"),
    Spec("published_on", "公开日期", "date", tip="第四条：与对应的行政规范性文件一并公开（同日）"),
    Spec("place", "公开平台", "combo", ("",) + pr.PLACES, tip="与文件在同一平台公开"),
    Spec("link", "链接"),
    Spec("notes", "备注"),
]


class InterpretationDialog(RecordDialog):
    """The 政策解读 of one 行政规范性文件, with what is flagged about it."""

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context):
        self.item_id = item_id
        item = proactive.get(item_id)
        super().__init__(parent, f"政策解读：{item.data.title[:24]}", INTERPRETATION_RULE, INTERPRETATION_SPECS, ctx,
                         self._store)
        record = interpretation.for_item(item_id)
        self.form.set_values(asdict(record.data if record else interpretation.draft_for(item_id)))
        flags = interpretation.flags(item_id)
        self.flags = QLabel("\n".join(f"⚠ {f}" for f in flags), self)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #7f5a00;")
        self.flags.setVisible(bool(flags))
        self.layout().insertWidget(1, self.flags)

    def _store(self, values: dict[str, Any]):
        data = InterpretationData(**{f.name: values[f.name] for f in fields(InterpretationData)})
        return interpretation.save(self.item_id, data, self.ctx.today())


PUBLICATION_RULE = ("本乡政务信息发布审核制度：发布前须经审核（谁审查、谁负责：科室报送、党政办复核，重要内容经分管领导审核确定），"
                    "即本条信息的保密审查表逐级签署通过；网站管理员对发布的信息登记并存档（第六条）。")
PUBLICATION_SPECS = [
    Spec("published_on", "发布日期", "date"),
    Spec("place", "发布平台", "choice", ("",) + pr.PLACES),
    Spec("link", "链接", placeholder="https://"),
    Spec("publisher", "发布人（网站管理员）"),
    Spec("important", "重要内容", "check", placeholder="重要内容，经分管领导审核确定", tip="第五条"),
    Spec("content_checked", "内容核对", "check", placeholder=pub.CONTENT_CHECK, tip="第七条：" + "；".join(pub.PROHIBITED)),
    Spec("proofread", "校对审核", "check", placeholder=pub.PROOF_CHECK, tip="第三条、第八条"),
    Spec("notes", "备注"),
]


class PublicationDialog(RecordDialog):
    """登记 one release of an entry (date, platform, link, who published, a copy kept)."""

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context):
        self.item_id = item_id
        item = proactive.get(item_id)
        super().__init__(parent, f"发布登记：{item.data.title[:24]}", PUBLICATION_RULE, PUBLICATION_SPECS, ctx,
                         self._store, save_text="登记发布")
        self.form.set_values({"published_on": ctx.today(), "place": item.data.place, "publisher": audit.operator()})
        block = publication.release_block(item_id)
        self.gate = QLabel(f"⚠ {block}" if block else "发布审核已通过。", self)
        self.gate.setWordWrap(True)
        self.gate.setStyleSheet("color: #b00020;" if block else "color: #1e7e34;")
        self.layout().insertWidget(1, self.gate)
        self.copy = FileRow(self, "发布页面的截图、PDF 或发布稿（存档一份副本，第六条）", "选择存档文件…")
        self.layout().insertWidget(3, self.copy)

    def _store(self, values: dict[str, Any]):
        data = PublicationData(**{f.name: values[f.name] for f in fields(PublicationData)})
        return publication.register(self.item_id, data, self.copy.path or None, self.ctx.today())
