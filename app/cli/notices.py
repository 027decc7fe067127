"""Notices: `notice`."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from app.cli.common import add_db, open_db, parse_date


def _extra_value(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"应写作 名称=内容：{text}")
    return name.strip(), value.replace("\\n", "\n")


def _checked_extras(kind_name: str, pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The --set values, refused when a name is not one the kind fills in (a typo would otherwise
    leave the field at its default without a word)."""
    from app.domain import notices as nd
    from app.services.errors import ValidationError

    extras = nd.BY_NAME[kind_name].extras
    known = {e.name for e in extras}
    unknown = [name for name, _ in pairs if name not in known]
    if unknown:
        usable = "、".join(e.name for e in extras) or "（无，本文书不需要填写）"
        raise ValidationError({name: f"“{kind_name}”没有名为“{name}”的填写项。可用 --set 填写的有：{usable}"
                               for name in unknown})
    return dict(pairs)


def _named_by_key(exc: Exception, kind_name: str) -> Exception:
    """The service's messages name a field by its label; on the command line the key to type is named."""
    from app.domain import notices as nd
    from app.services.errors import ValidationError

    keys = {e.name for e in nd.BY_NAME[kind_name].extras}
    return ValidationError({name: f"{message}（用 --set {name}=内容 填写）" if name in keys else message
                            for name, message in exc.errors.items()})


def cmd_notice(args: argparse.Namespace) -> int:
    from app.domain import notices as nd

    if args.list:
        for k in nd.KINDS:
            print(k.name)
        return 0
    if not args.kind:
        print("错误：请指定文书种类（可用 notice --list 查看）", file=sys.stderr)
        return 2
    if args.kind not in nd.BY_NAME:
        print(f"错误：未知的文书种类“{args.kind}”（可用 notice --list 查看）", file=sys.stderr)
        return 2
    if not args.case and nd.BY_NAME[args.kind].needs_case:
        print("错误：请用 --case 指定登记编号", file=sys.stderr)
        return 2
    if not args.out and not args.issue:
        print("错误：请用 --out 指定输出文件（.docx）", file=sys.stderr)
        return 2
    extra = _checked_extras(args.kind, args.set)
    from app.services.errors import ValidationError

    try:
        return _issue(args, extra) if args.issue else _draft(args, extra)
    except ValidationError as exc:
        raise _named_by_key(exc, args.kind) from None


def _issue(args: argparse.Namespace, extra: dict[str, str]) -> int:
    from app.services import files, notices, register

    open_db(args)
    case_id = register.find_case(args.case).id
    issued = notices.issue(args.kind, case_id, extra, args.date or dt.date.today(), accept_late=args.accept_late,
                           accept_unconfirmed=args.accept_unconfirmed, change_reason=args.change_reason or "")
    if args.out:
        files.copy_file(issued.path, args.out)
    print(issued.message)
    print(issued.path)
    return 0


def _draft(args: argparse.Namespace, extra: dict[str, str]) -> int:
    from app.services import files, notices, register

    open_db(args, readonly=True)  # a draft records nothing
    case_id = register.find_case(args.case).id if args.case else None
    draft = notices.render_draft(args.kind, case_id, extra, args.date)
    try:
        files.copy_file(draft, args.out)
    finally:
        notices.discard_draft(draft)
    print(f"已生成草稿（未编文号）：{args.out}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notice", help="按模板生成告知书等文书（--issue 时编定文号并记入办理过程）")
    p.add_argument("kind", nargs="?", metavar="KIND", help="文书种类，即 templates_docx 中的文件名（不含 .docx）")
    p.add_argument("--list", action="store_true", help="列出全部文书种类")
    p.add_argument("--case", metavar="CASE_NO", help="登记编号，例如 〔2026〕第12号")
    p.add_argument("--out", metavar="FILE.docx", help="输出文件")
    p.add_argument("--issue", action="store_true", help="正式签发：编定文号，保存到案件文件夹并记入办理过程")
    p.add_argument("--date", type=parse_date, help="成文（签发）日期 YYYY-MM-DD，默认今天")
    p.add_argument("--set", type=_extra_value, action="append", default=[], metavar="名称=内容",
                   help="需填写的内容，例如 --set 补正事项=所需信息的名称（多行用 \\n 分隔），可重复；"
                        "名称须是该文书的填写项，写错会被拒绝")
    p.add_argument("--accept-late", action="store_true", help="超过期限仍签发（记录为逾期）")
    p.add_argument("--accept-unconfirmed", action="store_true",
                   help="所载日期落在节假日安排未确认的年度时仍签发（文书注明“未确认”，办理过程记录）")
    p.add_argument("--change-reason", metavar="理由",
                   help="重新签发的补正告知书、收费通知书、征求意见书与此前告知的内容不同时，说明理由（记入办理过程）")
    add_db(p)
    p.set_defaults(handler=cmd_notice)
