"""信息发布审核 and 登记存档: an entry of the proactive register is released on a platform only
after its check is approved (the secrecy review's steps: the section, the 党政办 reviewer, the
分管领导), and each release is registered with who checked it and a kept copy (本乡政务信息发布审核制度
第二、五、六、七、八条; docs/legal/duties.md). Every change is audited.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace
from pathlib import Path

from app.domain import proactive as pr
from app.domain import publication as rules
from app.domain.dates import cn_date, or_today
from app.domain.publication import Publication, PublicationData
from app.services import kept_files, proactive, review
from app.services.errors import NotFound, ServiceError, ValidationError
from app.store import audit
from app.store import publishing as store
from app.store.db import atomic

FOLDER = "发布存档"


def release_block(item_id: int, important: bool = False) -> str | None:
    """Why the entry may not be released yet (None: its check is approved)."""
    proactive.get(item_id)
    return rules.release_block(review.for_item(item_id), important)


def register(item_id: int, data: PublicationData, copy: Path | str | None = None,
             today: dt.date | None = None) -> Publication:
    """Register one release (第六条): refused before the check is approved or without the content
    and proof checks; the entry's first release is also its publication in the register (date and
    place, 条例第二十六条). A copy of what was published is kept with it."""
    item = proactive.get(item_id)
    data = replace(data, **{k: v.strip() for k, v in asdict(data).items() if isinstance(v, str)})
    errors = rules.validate(data, pr.PLACES, or_today(today))
    if errors:
        raise ValidationError(errors)
    if item.data.attribute != pr.PROACTIVE:
        raise ServiceError(f"公开属性为“{item.data.attribute}”的信息不主动发布")
    checked = review.for_item(item_id)
    block = rules.release_block(checked, data.important)
    if block:
        raise ServiceError(block)
    kept = kept_files.keep(copy, f"{FOLDER}/{data.published_on.year}", _copy_name(item, data, copy)) if copy else None
    try:
        with atomic():
            pub_id = store.add_publication(item_id, checked.id, data, rules.reviewers(checked))
            if kept:
                store.set_publication_file(pub_id, *kept)
            if item.data.published_on is None:
                proactive.publish(item_id, data.published_on, data.place, today)
            audit.record("publication", pub_id, "登记信息发布",
                         {"item": [None, item_id], **{k: [None, v] for k, v in asdict(data).items()},
                          "file": [None, kept[0] if kept else None]})
    except BaseException:
        if kept:
            kept_files.absolute(kept[0]).unlink(missing_ok=True)
        raise
    return get(pub_id)


def _copy_name(item: pr.Item, data: PublicationData, copy: Path | str) -> str:
    return f"{data.published_on:%Y%m%d}-{data.place}-{item.data.title[:30]}{Path(copy).suffix.lower()}"


def get(publication_id: int) -> Publication:
    found = store.get_publication(publication_id)
    if found is None:
        raise NotFound(f"找不到编号为 {publication_id} 的发布登记")
    return found


def rows(item_id: int | None = None, year: int | None = None) -> list[Publication]:
    return store.publications(item_id, year)


COLUMNS = ("发布日期", "信息名称", "发布平台", "链接", "发布人", "重要内容", "审核签署（谁审查、谁负责）", "存档文件")


def export(year: int, out: Path | str) -> Path:
    """信息发布登记表 of ``year`` (第六条: 登记并存档) as .xlsx."""
    from app.services import settings as office
    from app.services.xlsx import write_table

    title = f"{office.load().office_name}{year}年度政务信息发布登记表"
    return write_table(Path(out), title, [("发布登记", COLUMNS, table_rows(year))])


def table_rows(year: int) -> list[list[str]]:
    """The lines of the 信息发布登记表 (COLUMNS), in the order published."""
    return [[cn_date(p.data.published_on), p.item_title, p.data.place, p.data.link, p.data.publisher,
             "是" if p.data.important else "否", p.reviewers, p.file] for p in rows(year=year)]
