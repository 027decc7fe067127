"""The bounds of the template sandbox: how long, how many loop steps, how large a value, how large a
document (the numbers below).

Jinja's sandbox keeps a template away from Python's internals, but not from work: two nested loops
over range(100000) never finish, 'x' * 10**9 asks for gigabytes, and a part of the document past
~10 MB is cut short by the XML parser without a word. Here every loop of a parsed template counts
its steps against the render's budget (which also keeps the clock), the operators and calls that
build values refuse a result too large before building it, and the rendered text is measured as it
is produced. Going past a bound raises RenderLimit with a Chinese sentence naming it.
"""
from __future__ import annotations

import contextlib
import functools
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

# A template is a file anyone can edit. Beyond the sandbox (no Python internals), what it may make
# the program do is bounded: loops, values, the document and the time. A notice is a page or two.
MAX_ITERATIONS = 200_000        # loop steps in one document, nested loops counted together
MAX_SECONDS = 10.0
MAX_VALUE_CHARS = 1_000_000     # one value built in the template ('x' * n, a ~ b, a filter's result)
MAX_OUTPUT_CHARS = 4_000_000    # one part of the document (the body, a header …) as rendered XML


class RenderLimit(Exception):
    """A template went past one of the bounds above; the message (Chinese) says which."""

_state = threading.local()
# A field width or precision of a million or more ('%999999999d', '{:>999999999}', '%*d' is checked by
# its numbers): the formatted text alone would be gigabytes.
_WIDE_FORMAT = re.compile(r"%[-+ #0]*\d{7,}|%[-+ #0]*\d*\.\d{7,}|\{[^{}]*:[^{}]*\d{7,}[^{}]*\}")
_SIZED = (str, bytes, list, tuple, dict, set, frozenset)


class _Budget:
    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_ITERATIONS:
            raise RenderLimit(f"模板中的循环共执行超过{MAX_ITERATIONS}次（可能有嵌套过深的循环），已停止")
        if time.monotonic() > self.deadline:
            raise RenderLimit(f"模板运行超过{MAX_SECONDS:g}秒仍未完成（可能有嵌套过深的循环），已停止")


@contextlib.contextmanager
def budget() -> Iterator[None]:
    """One document's budget of loop steps and seconds, for the renders on this thread inside."""
    previous = getattr(_state, "budget", None)
    _state.budget = _Budget()
    try:
        yield
    finally:
        _state.budget = previous


def _current() -> _Budget:
    current = getattr(_state, "budget", None)
    if current is None:  # a render outside budget(): one of its own
        current = _state.budget = _Budget()
    return current


def _too_large(what: str = "运算结果") -> RenderLimit:
    return RenderLimit(f"模板中的{what}过大（超过{MAX_VALUE_CHARS}个字符），已停止")


def _check_size(value: Any) -> Any:
    if isinstance(value, _SIZED) and len(value) > MAX_VALUE_CHARS:
        raise _too_large()
    return value


def _check_numbers(args: Iterable[Any]) -> None:
    """Widths, counts and exponents are numbers a template passes on: none may reach a million."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE_CHARS:
            raise RenderLimit(f"模板中的数值{arg}过大，已停止")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise _too_large("格式宽度")


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's items, each one a step of the render's budget."""
    spend = _current()
    for item in iterable:
        spend.step()
        yield item


def _bounded_concat(parts: Iterable[str]) -> str:
    """The rendered text (Environment.concat), measured as it is produced."""
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT_CHARS:
            raise RenderLimit(f"生成的文书内容过大（超过{MAX_OUTPUT_CHARS // 1_000_000}百万字符），"
                              "模板中的循环或运算可能产生了过多内容，已停止")
        out.append(part)
    return "".join(out)


def _check_binop(operator: str, left: Any, right: Any) -> None:
    sequences = (str, list, tuple)
    if operator == "*":
        count = right if isinstance(left, sequences) else left if isinstance(right, sequences) else None
        item = left if isinstance(left, sequences) else right
        if isinstance(count, int) and count > 0 and len(item) * count > MAX_VALUE_CHARS:
            raise _too_large()
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
            raise _too_large("数值")
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 1 and abs(left) > 1 and left.bit_length() * right > 4096:
            raise _too_large("数值")
    elif operator == "+" and isinstance(left, sequences) and isinstance(right, sequences):
        if len(left) + len(right) > MAX_VALUE_CHARS:
            raise _too_large()
    elif operator == "%" and isinstance(left, str):
        _check_format(left)
        _check_numbers(right if isinstance(right, tuple) else [right])


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps jinja_pass_arg (pass_context, pass_environment …)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_numbers(args[1:] if not getattr(function, "jinja_pass_arg", None) else args[2:])
        _check_numbers(kwargs.values())
        if name == "format":
            for arg in args:
                _check_format(arg)
        return _check_size(function(*args, **kwargs))

    return bounded


def bounded_environment() -> "SandboxedEnvironment":
    """The sandboxed environment with the bounds: loops counted, values and output measured."""
    from jinja2 import StrictUndefined, nodes
    from jinja2.sandbox import SandboxedEnvironment
    from jinja2.visitor import NodeTransformer

    class _Bound(NodeTransformer):
        """Every loop iterates through `counted`; every `a ~ b` is measured by `sized`."""

        def visit_For(self, node: nodes.For) -> nodes.Node:
            self.generic_visit(node)
            node.iter = nodes.Call(nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None,
                                   lineno=node.lineno)
            return node

        def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
            self.generic_visit(node)
            return nodes.Call(nodes.EnvironmentAttribute("sized"), [node], [], None, None, lineno=node.lineno)

    class BoundedEnvironment(SandboxedEnvironment):
        intercepted_binops = frozenset(("*", "**", "+", "%"))

        def _parse(self, source, name, filename):  # noqa: ANN001 - Jinja's signature
            return _Bound().visit(super()._parse(source, name, filename))

        def call_binop(self, context, operator, left, right):  # noqa: ANN001
            _check_binop(operator, left, right)
            return _check_size(super().call_binop(context, operator, left, right))

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805, ANN001 - Jinja's signature
            if __obj is not _counted and __obj is not _check_size:
                _check_numbers(args)
                _check_numbers(kwargs.values())
                method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
                if getattr(method, "__name__", "") in ("format", "format_map"):
                    _check_format(getattr(method, "__self__", ""))
            return _check_size(super().call(__context, __obj, *args, **kwargs))

    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.counted = _counted
    env.sized = _check_size
    env.concat = _bounded_concat
    env.filters = {name: _bounded_filter(name, function) for name, function in env.filters.items()}
    return env
