"""政策解读 use cases: the interpretation of a 行政规范性文件 of the proactive register — drafted by
the drafting section with the document, revised after issue, approved by the 分管领导 and published
together with the document — and the documents flagged for it. Every change is audited.

Rules: app/domain/interpretation.py (本乡行政规范性文件政策解读公开工作流程; docs/legal/duties.md).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, replace

from app.domain import interpretation as rules
from app.domain import proactive as pr
from app.domain.dates import or_today
from app.domain.interpretation import Interpretation, InterpretationData
from app.services import proactive
from app.services.errors import ServiceError, ValidationError
from app.store import audit
from app.store import publishing as store
from app.store import review as items
from app.store.db import atomic


def document(item: pr.Item) -> rules.Document:
    d = item.data
    return rules.Document(d.title, d.section, d.issued_on, d.published_on, d.place)


def for_item(item_id: int) -> Interpretation | None:
    return store.interpretation_for(item_id)


def draft_for(item_id: int) -> InterpretationData:
    """A new interpretation pre-filled from its document: 谁起草谁解读 (the drafting section), and
    the document's place and day of publication (一并公开)."""
    item = proactive.get(item_id)
    d = item.data
    return InterpretationData(title=d.interpretation_title or f"《{d.title}》政策解读", section=d.section,
                              forms=("文字解读",), place=d.place)


def save(item_id: int, data: InterpretationData, today: dt.date | None = None) -> Interpretation:
    """Record (or revise) the interpretation of a 行政规范性文件; the register shows its title and
    date beside the document."""
    item = proactive.get(item_id)
    if item.data.kind != pr.NORM_DOC:
        raise ServiceError("政策解读按行政规范性文件登记（政策解读公开工作流程）；其他信息无需登记政策解读")
    data = replace(data, **{k: v.strip() for k, v in asdict(data).items() if isinstance(v, str)})
    errors = rules.validate(data, or_today(today))
    if errors:
        raise ValidationError(errors)
    old = store.interpretation_for(item_id)
    before = asdict(old.data) if old else {}
    changes = {k: [before.get(k), v] for k, v in asdict(data).items() if before.get(k) != v}
    if old is not None and not changes:
        return old
    with atomic():
        store.save_interpretation(item_id, data)
        audit.record("interpretation", item_id, "登记政策解读" if old is None else "修改政策解读", changes)
    return store.interpretation_for(item_id)


def flags(item_id: int) -> list[str]:
    item = proactive.get(item_id)
    record = store.interpretation_for(item_id)
    return rules.flags(record.data if record else None, document(item))


@dataclass(frozen=True)
class DocumentRow:
    """A 行政规范性文件 with its interpretation (if any) and what is flagged."""

    item: pr.Item
    interpretation: Interpretation | None
    flags: tuple[str, ...]
    exempt: bool  # not interpreted, with the 分管领导's consent recorded


def documents() -> list[DocumentRow]:
    """Every 行政规范性文件 to be published, newest first, with its interpretation's state."""
    out = []
    for item in items.items(kind=pr.NORM_DOC, attribute=pr.PROACTIVE):
        record = store.interpretation_for(item.id)
        exempt = bool(item.data.no_interpretation_reason.strip())
        found = [] if exempt else rules.flags(record.data if record else None, document(item))
        out.append(DocumentRow(item, record, tuple(found), exempt))
    return out


@dataclass(frozen=True)
class YearFigures:
    """The year's 政策解读 for the annual report: documents published, interpreted, in step."""

    documents: int        # 行政规范性文件 published in the year
    interpreted: int      # of them, with a published interpretation
    in_step: int          # of them, interpretation published the same day and place
    exempt: int           # not interpreted with the 分管领导's consent
    forms: dict[str, int]


def year_figures(year: int) -> YearFigures:
    rows = [r for r in documents() if r.item.data.published_on and r.item.data.published_on.year == year]
    interpreted = [r for r in rows if r.interpretation and r.interpretation.data.published_on]
    in_step = [r for r in interpreted if not rules.sync_flags(r.interpretation.data, document(r.item))]
    forms = Counter(f for r in interpreted for f in r.interpretation.data.forms)
    return YearFigures(len(rows), len(interpreted), len(in_step), sum(1 for r in rows if r.exempt), dict(forms))
