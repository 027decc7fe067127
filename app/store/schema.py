"""Every table of the program, in one place (peewee models). The store's modules query them and hand
plain objects of app/domain back; nothing above app/store sees a model."""
from __future__ import annotations

import datetime as dt

from app.store.base import peewee as pw

from app.domain.request import REGISTERED
from app.domain.review import PENDING
from app.store import engine
from app.store.base import BaseModel


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Setting(BaseModel):
    """Office settings and other key/value state; values are JSON text."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class Sequence(BaseModel):
    """Yearly counters for case numbers and 文号 per kind: never reused, never skipped."""

    name = pw.CharField()
    year = pw.IntegerField()
    last = pw.IntegerField(default=0)

    class Meta:
        primary_key = pw.CompositeKey("name", "year")


# Indexes the annual report counts from (store.report; schema version 7), holding every column it
# reads: the requests not concluded in a year (the open ones in the order of its groups), the year's
# disputes, and the year's fee notices and payments.
REPORT_INDEXES = {"request": ("answered_on", "applicant_kind", "outcome", "received_on"),
                  "dispute": ("copy_received_on", "kind", "result", "decided_on"),
                  "event": ("kind", "happened_on")}


def index_name(table: str, columns: tuple[str, ...]) -> str:
    """peewee's name for the index of `columns` a model declares."""
    return "_".join((table, *columns))


REPORT_UNCONCLUDED_INDEX = index_name("request", REPORT_INDEXES["request"])


class Request(BaseModel):
    """依申请公开申请 (条例第二十九条)."""

    class Meta:
        # The register's search as you type scans this narrow index in list order instead of the
        # table (store.register.rows): every column it filters on is in it. Every other order of the
        # list has an index of its own to walk (docs/performance.md).
        # The annual report counts the year's cases from one more, in its groups' order, and those not
        # concluded in the year (open, or answered after it) from another in answer-date order
        # (store.report; schema version 7).
        indexes = ((("received_on", "id", "year", "status", "outcome", "search_text"), False),
                   (("year", "seq"), False),
                   (("applicant_kind", "outcome", "answered_on", "received_on"), False),
                   (REPORT_INDEXES["request"], False))

    case_no = pw.CharField(unique=True)
    year = pw.IntegerField(index=True)
    seq = pw.IntegerField()
    applicant_type = pw.CharField()
    applicant_kind = pw.CharField(index=True)
    name = pw.CharField(index=True)
    id_type = pw.CharField(default="")
    id_number = pw.CharField(default="")
    legal_rep = pw.CharField(default="")
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    address = pw.CharField(default="")
    postcode = pw.CharField(default="")
    email = pw.CharField(default="")
    info_name = pw.CharField(default="", index=True)
    info_doc_no = pw.CharField(default="")
    info_description = pw.TextField(default="")
    form_wanted = pw.CharField(default="")
    delivery_method = pw.CharField(default="")
    channel = pw.CharField()
    arrived_on = pw.DateField()
    confirmed_on = pw.DateField(null=True)
    received_on = pw.DateField(index=True)
    department = pw.CharField(default="")
    fee_reduction = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    status = pw.CharField(default=REGISTERED, index=True)
    outcome = pw.CharField(null=True, index=True)
    answered_on = pw.DateField(null=True, index=True)
    delivered_on = pw.DateField(null=True)
    # Denormalised for search-as-you-type: case number, applicant, content in one column.
    search_text = pw.TextField(default="")
    # Cached nearest legal limit, recomputed whenever events or the calendar change.
    due_on = pw.DateField(null=True, index=True)
    due_key = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


# A request answered before it was received cannot be counted in the annual report; this index holds
# only such requests (none, normally), so the report finds them without reading every request.
Request.add_index(Request.index(Request.id, name="request_answered_before_received",
                                where=Request.answered_on < Request.received_on))


class Event(BaseModel):
    """One entry of a case's timeline (registered, edited, notices, clock events)."""

    class Meta:
        indexes = ((REPORT_INDEXES["event"], False),)  # the annual report's fees (store.report)

    request = pw.ForeignKeyField(Request, backref="events", on_delete="RESTRICT")
    kind = pw.CharField(index=True)
    happened_on = pw.DateField()
    summary = pw.TextField(default="")
    data = pw.TextField(default="{}")
    operator = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)


class Document(BaseModel):
    """A generated document (notice, form) with its 文号 once issued."""

    request = pw.ForeignKeyField(Request, backref="documents", null=True, on_delete="RESTRICT")
    kind = pw.CharField(index=True)
    doc_no = pw.CharField(null=True, unique=True)
    year = pw.IntegerField()
    seq = pw.IntegerField(null=True)
    path = pw.TextField(default="")
    issued_on = pw.DateField(null=True)
    delivered_on = pw.DateField(null=True)  # 送达: the day the addressee received it (schema v3)
    delivery_method = pw.CharField(default="")  # 直接送达 / 邮寄送达 / … (schema v3)
    sha256 = pw.CharField(default="")
    operator = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)


class StoredFile(BaseModel):
    """A document file kept in the database itself, where every desk reaches it: on a server the
    issued notices live here (docs/server.md); a SQLite office keeps them in its folder, and this
    table stays empty."""

    area = pw.CharField()      # the office's folder it belongs in: 文书 (documents)
    name = pw.CharField()      # its path inside that folder, with forward slashes
    data = pw.BlobField()
    sha256 = pw.CharField()
    saved_at = pw.DateTimeField(default=now)

    class Meta:
        primary_key = pw.CompositeKey("area", "name")


class CalendarEntry(BaseModel):
    """The office's own calendar day: a day off or a working day, with its source."""

    day = pw.DateField(primary_key=True)
    is_workday = pw.BooleanField()
    note = pw.CharField(default="")


class CalendarYear(BaseModel):
    """A year whose holiday schedule the office has entered and confirmed."""

    year = pw.IntegerField(primary_key=True)
    note = pw.CharField(default="")


class AuditEntry(BaseModel):
    """Who changed what, when, with old and new values. Never edited or deleted by any screen."""

    at = pw.DateTimeField(default=now, index=True)
    operator = pw.CharField(default="")
    entity = pw.CharField(index=True)
    entity_id = pw.CharField(default="", index=True)
    action = pw.CharField()
    changes = pw.TextField(default="{}")
    case_id = pw.IntegerField(null=True, index=True)  # the case a notice/review/dispute change belongs to


class YearLock(BaseModel):
    """A year archived and locked: its cases are read-only."""

    year = pw.IntegerField(primary_key=True)
    locked_at = pw.DateTimeField(default=now)
    package = pw.TextField(default="")


# ---- 行政复议 / 行政诉讼 (table 4 of the annual report)

class Dispute(BaseModel):
    class Meta:
        indexes = ((REPORT_INDEXES["dispute"], False),)  # the annual report's table 4 (store.report)

    request = pw.ForeignKeyField(Request, backref="disputes", on_delete="RESTRICT")
    kind = pw.CharField()                 # 行政复议 | 未经复议直接起诉 | 复议后起诉
    body = pw.CharField(default="")       # 复议机关 or court
    copy_received_on = pw.DateField(index=True)
    forwarded_on = pw.DateField(null=True)  # copy forwarded to the section holding the evidence
    evidence = pw.TextField(default="")   # evidence list
    reply_filed_on = pw.DateField(null=True)
    result = pw.CharField(null=True)      # 维持 | 纠正 | 其他结果; None while open
    decided_on = pw.DateField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)


class Hearing(BaseModel):
    dispute = pw.ForeignKeyField(Dispute, backref="hearings", on_delete="RESTRICT")
    held_on = pw.DateField()
    place = pw.CharField(default="")
    note = pw.TextField(default="")


DISPUTE_MODELS = [Dispute, Hearing]


# ---- 保密审查 and 主动公开

class ProactiveItem(BaseModel):
    """One entry of the 主动公开 register (条例第二十六条; 本乡公文类信息主动公开工作流程, docs/legal/sources.md)."""

    title = pw.CharField()
    doc_no = pw.CharField(default="")
    kind = pw.CharField(index=True)
    section = pw.CharField(default="")
    made_on = pw.DateField(index=True)
    issued_on = pw.DateField(null=True)
    attribute = pw.CharField(index=True)
    attribute_reason = pw.TextField(default="")
    published_on = pw.DateField(null=True)
    place = pw.CharField(default="")
    loaded_on = pw.DateField(null=True)
    interpretation_title = pw.CharField(default="")
    interpretation_on = pw.DateField(null=True)
    no_interpretation_reason = pw.TextField(default="")
    comment_start = pw.DateField(null=True)
    comment_end = pw.DateField(null=True)
    comment_exempt_reason = pw.TextField(default="")
    repealed_on = pw.DateField(null=True)
    review_due_on = pw.DateField(null=True, index=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class ProactiveComment(BaseModel):
    """A comment received while a draft 行政规范性文件 was out for 征求意见, and its handling."""

    item = pw.ForeignKeyField(ProactiveItem, backref="comments", on_delete="CASCADE")
    received_on = pw.DateField()
    commenter = pw.CharField(default="")
    content = pw.TextField()
    handling = pw.CharField(default="")
    reply = pw.TextField(default="")


class SecrecyReview(BaseModel):
    """A 政府信息公开保密审查表: belongs to a request's answer or to a proactive item."""

    request = pw.ForeignKeyField(Request, backref="secrecy_reviews", null=True, on_delete="RESTRICT")
    item = pw.ForeignKeyField(ProactiveItem, backref="secrecy_reviews", null=True, on_delete="RESTRICT")
    info_name = pw.CharField()
    info_no = pw.CharField(default="")
    section = pw.CharField(default="")
    carrier = pw.CharField(default="")
    channels = pw.TextField(default="[]")
    channel_other = pw.CharField(default="")
    planned_on = pw.DateField(null=True)
    filled_on = pw.DateField(null=True)
    checks = pw.TextField(default="{}")
    proposal = pw.CharField(default="")
    proposal_reason = pw.TextField(default="")
    # Fixed when the review is created, so changing the office setting never reshapes a review.
    four_steps = pw.BooleanField(default=False)
    round = pw.IntegerField(default=1)
    submitted_on = pw.DateField(null=True)
    # Cached from the signatures for the review page's query; the domain derives the truth.
    status = pw.CharField(default=PENDING, index=True)
    next_step = pw.CharField(null=True)
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class ReviewStep(BaseModel):
    """One step signed (同意 or 退回) in one round of a review. Never edited or deleted."""

    review = pw.ForeignKeyField(SecrecyReview, backref="steps", on_delete="CASCADE")
    round = pw.IntegerField()
    step = pw.CharField()
    decision = pw.CharField()
    opinion = pw.TextField(default="")
    person = pw.CharField()
    signed_on = pw.DateField()
    created_at = pw.DateTimeField(default=now)


REVIEW_MODELS = [ProactiveItem, ProactiveComment, SecrecyReview, ReviewStep]


# ---- 舆情回应, 新闻发布, 政策解读, 信息发布登记 (docs/legal/duties.md)

class OpinionItem(BaseModel):
    """A 政务舆情 item (本乡政务公开舆情应对工作制度; 国办发〔2016〕61号)."""

    no = pw.CharField(unique=True)          # 舆情编号, 2026-003
    year = pw.IntegerField(index=True)
    seq = pw.IntegerField()
    found_at = pw.DateTimeField(index=True)  # the hour limits count from this moment
    source = pw.CharField()
    source_detail = pw.CharField(default="")
    title = pw.CharField()
    summary = pw.TextField(default="")
    link = pw.TextField(default="")
    concerned = pw.CharField(default="")
    level = pw.CharField()
    emergency = pw.BooleanField(default=False)
    attachment = pw.TextField(default="")    # relative to the documents folder
    attachment_sha256 = pw.CharField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class OpinionStep(BaseModel):
    """One step of handling an item (报告, 调查, 审定口径, 回应, 发布会, 跟踪, 办结). Never edited or deleted."""

    item = pw.ForeignKeyField(OpinionItem, backref="steps", on_delete="RESTRICT")
    key = pw.CharField()
    at = pw.DateTimeField()
    person = pw.CharField()
    values = pw.TextField(default="{}")
    created_at = pw.DateTimeField(default=now)


class PressEvent(BaseModel):
    """新闻发布会, 政策吹风会, 媒体采访, 在线访谈, 集体采访 (富阳区实施意见; 六宣发〔2019〕26号)."""

    held_on = pw.DateField(index=True)
    kind = pw.CharField()
    host = pw.CharField()
    topic = pw.TextField()
    speakers = pw.CharField(default="")
    roles = pw.TextField(default="[]")
    approved_by = pw.CharField(default="")
    approved_on = pw.DateField(null=True)
    materials = pw.TextField(default="")
    coverage = pw.TextField(default="")
    opinion = pw.ForeignKeyField(OpinionItem, backref="press_events", null=True, on_delete="SET NULL")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class PressInquiry(BaseModel):
    """记者问询, answered within one working day (富阳区实施意见第11条)."""

    received_on = pw.DateField(index=True)
    journalist = pw.CharField(default="")
    outlet = pw.CharField()
    contact = pw.CharField(default="")
    channel = pw.CharField(default="")
    question = pw.TextField()
    replied_on = pw.DateField(null=True)
    reply = pw.TextField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class Spokesperson(BaseModel):
    """新闻发言人 and 新闻发言人助理, reported within a month of appointment or removal (富阳区实施意见第7条)."""

    name = pw.CharField()
    role = pw.CharField()
    post = pw.CharField(default="")
    phone = pw.CharField(default="")
    appointed_on = pw.DateField()
    appointment_reported_on = pw.DateField(null=True)
    removed_on = pw.DateField(null=True)
    removal_reported_on = pw.DateField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class Interpretation(BaseModel):
    """The 政策解读 of a 行政规范性文件 of the proactive register (政策解读公开工作流程)."""

    item = pw.ForeignKeyField(ProactiveItem, backref="interpretations", unique=True, on_delete="RESTRICT")
    title = pw.CharField()
    section = pw.CharField(default="")
    interpreter = pw.CharField(default="")
    contact = pw.CharField(default="")
    forms = pw.TextField(default="[]")
    draft_on = pw.DateField(null=True)
    revised_on = pw.DateField(null=True)
    approved_by = pw.CharField(default="")
    approved_on = pw.DateField(null=True)
    published_on = pw.DateField(null=True)
    place = pw.CharField(default="")
    link = pw.TextField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class Publication(BaseModel):
    """One release of a register entry on a platform, registered and kept (政务信息发布审核制度第六条)."""

    item = pw.ForeignKeyField(ProactiveItem, backref="publications", on_delete="RESTRICT")
    review = pw.ForeignKeyField(SecrecyReview, null=True, on_delete="RESTRICT")
    published_on = pw.DateField(index=True)
    place = pw.CharField()
    link = pw.TextField(default="")
    publisher = pw.CharField()
    important = pw.BooleanField(default=False)
    content_checked = pw.BooleanField(default=False)
    proofread = pw.BooleanField(default=False)
    reviewers = pw.TextField(default="")
    file = pw.TextField(default="")
    sha256 = pw.CharField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)


DUTY_MODELS = [OpinionItem, OpinionStep, PressEvent, PressInquiry, Spokesperson, Interpretation, Publication]


# ---------------------------------------------------------------- the limits of open cases (store.limits)


class CaseLimit(BaseModel):
    """One limit of an open case as the clock last counted it (app.domain.clock.Limit, field for field)."""

    request = pw.ForeignKeyField(Request, on_delete="CASCADE")
    position = pw.IntegerField()
    key = pw.CharField()
    label = pw.CharField()
    due = pw.DateField(null=True, index=True)
    explanation = pw.TextField(default="")
    legal = pw.BooleanField()
    start = pw.DateField(null=True)
    unconfirmed_years = pw.CharField(default="")  # "2027,2028"
    paused = pw.BooleanField(default=False)
    done_on = pw.DateField(null=True)
    optional = pw.BooleanField(default=False)
    superseded = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("request", "position"), True),)


class ClockState(BaseModel):
    """For which days an open case's stored limits hold, and what they were counted from."""

    request = pw.ForeignKeyField(Request, primary_key=True, on_delete="CASCADE")
    counted_on = pw.DateField()
    valid_from = pw.DateField(null=True)   # the limits hold from this day (None: from any day) ...
    valid_until = pw.DateField(null=True)  # ... until the day before this one (None: for good)
    fingerprint = pw.CharField()


# The home page ranks the running limits of every open case (store.limits.most_urgent) from this
# index alone.
CaseLimit.add_index(CaseLimit.index(CaseLimit.request, CaseLimit.due, CaseLimit.legal, CaseLimit.paused,
                                    CaseLimit.optional, CaseLimit.position, name="case_limit_running",
                                    where=(CaseLimit.superseded == engine.BooleanFalse()) & CaseLimit.done_on.is_null()))
LIMIT_MODELS = [CaseLimit, ClockState]


CORE_MODELS = [Setting, Sequence, Request, Event, Document, StoredFile, CalendarEntry, CalendarYear, AuditEntry,
               YearLock]


def all_models() -> list[type[BaseModel]]:
    """Every table of the program."""
    return list(CORE_MODELS) + REVIEW_MODELS + DISPUTE_MODELS + DUTY_MODELS + LIMIT_MODELS
