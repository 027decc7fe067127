"""信息发布审核 and 登记存档 on a real database (app/services/publication.py; docs/legal/duties.md,
信息发布审核)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain.proactive import ItemData
from app.domain.publication import PublicationData
from app.services import audit, kept_files, proactive, publication, review
from app.services.errors import ServiceError, ValidationError
from tests.review_support import full_release

D = dt.date
TODAY = D(2026, 5, 8)


def news_item() -> int:
    return proactive.create(ItemData(title="茅畲乡召开防汛工作部署会", kind="非公文类信息", section="党政办",
                                     made_on=D(2026, 5, 6), attribute="主动公开"), today=TODAY).id


def released(**more) -> PublicationData:
    return PublicationData(**{**dict(published_on=D(2026, 5, 7), place="政府门户网站", publisher="王丽",
                                     link="https://maoshe.gov.cn/a/1", content_checked=True, proofread=True), **more})


def sign_all(item_id: int, on: dt.date = D(2026, 5, 7)) -> None:
    r = review.create_for_item(item_id, full_release(review.draft_for_item(item_id, today=on)), today=on)
    for key, person in zip(("section", "secrecy", "leader"), ("张三", "李四", "陈建国")):
        r = review.approve(r.id, key, person, on, today=on)


def test_nothing_is_registered_as_released_before_the_check(workspace):
    item_id = news_item()
    with pytest.raises(ServiceError, match="尚未经发布审核"):
        publication.register(item_id, released(), today=TODAY)
    r = review.create_for_item(item_id, full_release(review.draft_for_item(item_id, today=TODAY)), today=TODAY)
    review.approve(r.id, "section", "张三", TODAY, today=TODAY)
    with pytest.raises(ServiceError, match="待“保密审查”签署"):
        publication.register(item_id, released(important=True), today=TODAY)
    assert publication.rows() == [] and proactive.get(item_id).data.published_on is None


def test_a_release_names_its_reviewers_keeps_a_copy_and_publishes_the_entry(workspace, tmp_path):
    item_id = news_item()
    sign_all(item_id)
    page = tmp_path / "网页截图.pdf"
    page.write_bytes(b"%PDF-1.4 the page as published")
    first = publication.register(item_id, released(important=True), copy=page, today=TODAY)
    assert first.reviewers == "科室初审：张三（2026年5月7日）；保密审查：李四（2026年5月7日）；分管领导审批：陈建国（2026年5月7日）"
    assert kept_files.absolute(first.file).read_bytes() == page.read_bytes()
    assert first.sha256 == kept_files.sha256(page)
    entry = proactive.get(item_id).data
    assert (entry.published_on, entry.place) == (D(2026, 5, 7), "政府门户网站")
    second = publication.register(item_id, released(published_on=D(2026, 5, 8), place="公开栏", link=""), today=TODAY)
    assert proactive.get(item_id).data.published_on == D(2026, 5, 7)  # the first release is the publication
    assert [p.id for p in publication.rows(item_id)] == [first.id, second.id]
    assert audit.history("publication", second.id)[0].action == "登记信息发布"
    sheet = openpyxl.load_workbook(publication.export(2026, tmp_path / "登记表.xlsx")).active
    lines = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [(r[0], r[2], r[5]) for r in lines] == [("2026年5月7日", "政府门户网站", "是"), ("2026年5月8日", "公开栏", "否")]


def test_the_content_checks_are_required_and_a_refusal_keeps_no_copy(workspace, tmp_path):
    item_id = news_item()
    sign_all(item_id)
    page = tmp_path / "稿件.docx"
    page.write_bytes(b"draft")
    with pytest.raises(ValidationError) as caught:
        publication.register(item_id, released(proofread=False), copy=page, today=TODAY)
    assert set(caught.value.errors) == {"proofread"}
    assert not (kept_files.documents_root() / publication.FOLDER).exists()
    assert publication.rows() == []
