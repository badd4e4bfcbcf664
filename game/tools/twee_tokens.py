"""Tokens of a Twee passage, and the small readers every story format shares (links, quoted arguments)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Tok:
    """One piece of a passage.

    kind: text, br, link, goto, if, elif, else, end, reopen (a Harlowe else after its hook closed), todo
    (something skipped or kept for a person; `text` says what) or open (a `[[` with no `]]` on its line)."""

    kind: str
    text: str = ""
    target: str = ""
    setter: str = ""
    line: int = 0
    col: int = 0
    tcol: int = 0


def split_link(inner: str, col: int) -> tuple[str, str, str, int]:
    """(text, target, setter, target column) of a link's inside; `col` is where the inside starts."""
    part, setter = inner, ""
    if "][" in inner:
        part, setter = inner.split("][", 1)
    if "->" in part:
        cut = part.rindex("->")
        return part[:cut].strip(), part[cut + 2:].strip(), setter, col + cut + 2 + _lead(part[cut + 2:])
    if "<-" in part:
        cut = part.index("<-")
        return part[cut + 2:].strip(), part[:cut].strip(), setter, col + _lead(part)
    if "|" in part:
        cut = part.rindex("|")
        return part[:cut].strip(), part[cut + 1:].strip(), setter, col + cut + 1 + _lead(part[cut + 1:])
    return part.strip(), part.strip(), setter, col + _lead(part)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


_CODE_TARGET = re.compile(r"[()`]|^[$_]|^javascript:|^\s*$|^(?:State|Story|Engine|setup|window|s)\.")


def is_code_target(target: str) -> bool:
    """True when a link target is an expression (`previous()`, `$next`) rather than a passage name."""
    return bool(_CODE_TARGET.search(target))




_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')


def short(text: str, limit: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


def strings_in(args: str) -> list[str]:
    """The quoted string literals in macro arguments, unescaped."""
    return [re.sub(r"\\(.)", r"\1", a if a or not b else b) for a, b in _STRING.findall(args)]


def top_comma(args: str) -> tuple[str, str, str]:
    """Macro arguments split at the first comma outside quotes and brackets."""
    depth, quote = 0, ""
    for j, c in enumerate(args):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            return args[:j], ",", args[j + 1:]
    return args, "", ""
