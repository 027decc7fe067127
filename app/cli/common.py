"""What every command shares: the Chinese parser, the date argument, the --db option and opening the workspace."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import TYPE_CHECKING, Callable, NoReturn

if TYPE_CHECKING:
    from app.services.workspace import Workspace

# argparse's own English messages (Python 3.11–3.13), most specific first → Chinese.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.S), t) for p, t in (
    (r"^argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$",
     "参数 {arg} 的取值无效：{value}（可选：{choices}）"),
    (r"^argument (?P<arg>.+?): invalid \S+ value: (?P<value>.+)$", "参数 {arg} 的值无效：{value}"),
    (r"^argument (?P<arg>.+?): expected one argument$", "参数 {arg} 后面需要一个值"),
    (r"^argument (?P<arg>.+?): expected at most one argument$", "参数 {arg} 后面最多只能有一个值"),
    (r"^argument (?P<arg>.+?): expected at least one argument$", "参数 {arg} 后面至少需要一个值"),
    (r"^argument (?P<arg>.+?): expected \d+ arguments?$", "参数 {arg} 后面的值的个数不对"),
    (r"^argument (?P<arg>.+?): not allowed with argument (?P<other>.+)$", "参数 {arg} 不能与 {other} 同时使用"),
    (r"^argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)$", "参数 {arg} 不需要值（收到 {value}）"),
    (r"^argument (?P<arg>.+?): (?P<message>.+)$", "参数 {arg}：{message}"),  # a type check's own (Chinese) message
    (r"^the following arguments are required: (?P<args>.+)$", "缺少必需的参数：{args}"),
    (r"^one of the arguments (?P<args>.+) is required$", "必须指定以下参数之一：{args}"),
    (r"^unrecognized arguments: (?P<args>.+)$", "无法识别的参数：{args}"),
    (r"^ambiguous option: (?P<opt>\S+) could match (?P<matches>.+)$", "选项 {opt} 不明确，可能是：{matches}"),
    (r"^unexpected option string: (?P<opt>.+)$", "多余的选项：{opt}"),
))


def chinese_message(message: str) -> str:
    """An argparse error message in Chinese (unknown ones are kept, after "参数有误")."""
    for pattern, text in _MESSAGES:
        match = pattern.match(message)
        if match:
            return text.format(**match.groupdict())
    return f"参数有误：{message}"


class _ChineseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """argparse with its own words in Chinese: 用法, 位置参数, 选项, 显示本帮助并退出, and the errors.

    Subcommand parsers are made of the same class (argparse passes the class on)."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _ChineseFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{chinese_message(message)}（用 {self.prog} -h 查看说明）\n")


def parse_date(text: str, future: bool = False) -> dt.date:
    """A date typed on the command line: YYYY-MM-DD, from 2008-05-01 to today (`future`: a few years
    ahead too, for the limits calculator, which records nothing) — app.domain.dates.check_plausible."""
    from app.domain.dates import check_plausible

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None
    problem = check_plausible(day, future=future)
    if problem:
        raise argparse.ArgumentTypeError(f"{text}：{problem}")
    return day


def parse_any_date(text: str) -> dt.date:
    """parse_date allowing dates ahead (what-if questions to the limits calculator)."""
    return parse_date(text, future=True)


def add_db(parser: argparse.ArgumentParser) -> None:
    # --db is accepted both before and after the subcommand.
    parser.add_argument("--db", dest="db_sub", metavar="PATH", help="数据库文件或服务器地址（默认：用户数据目录）")


def db_path(args: argparse.Namespace) -> str | None:
    return args.db_sub or args.db


def open_db(args: argparse.Namespace, readonly: bool = False, create: bool = False) -> "Workspace":
    """Open the workspace of --db. Commands that only read open it read-only (they work beside a
    running program); only commands that make a register (`create`) may create the file."""
    from app.services.workspace import open_workspace

    return open_workspace(db_path(args), readonly=readonly, create=create)


def progress_printer(what: str) -> Callable[[int, int], None] | None:
    """A progress(done, total) callback for long commands: a line updated in place on a terminal,
    nothing when the output goes to a file or a script."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{what}：{done}/{total}", end=end, file=stream, flush=True)

    return show
