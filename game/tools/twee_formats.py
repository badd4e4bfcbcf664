"""Snowman `<% code %>`, Chapbook variables, modifiers and `{inserts}`, and HTML tags in passages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .twee_tokens import short, strings_in

if TYPE_CHECKING:
    from .twee_scan import Scanner


_CHAPBOOK_MOD = re.compile(r"\[([A-Za-z][^\[\]\n]*)\]\s*$")
_CHAPBOOK_VAR = re.compile(r"\s*[\w.$]+\s*(\([^)\n]*\))?\s*:\s*\S.*$")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_ANCHOR = re.compile(r'<a\b[^<>]*\bdata-passage\s*=\s*"([^"]*)"[^<>]*>(.*?)</a\s*>', re.S | re.I)


def snowman(sc: Scanner, i: int, code: str) -> None:
    body = code.strip()
    if code.startswith("="):
        sc.todo(i, f"shows a value: {short('<%' + code + '%>')}")
        return
    m = re.fullmatch(r"(\}\s*else\s*)?(?:if\s*\((.*)\))?\s*\{", body, re.S)
    if m and (m.group(1) or m.group(2) is not None):
        kind = "if" if not m.group(1) else "elif" if m.group(2) is not None else "else"
        sc.emit(kind, i, m.group(2) or "")
    elif body == "}":
        sc.emit("end", i)
    elif re.fullmatch(r"(?:\s*s\.\w+\s*=\s*[^;=]+;?)+\s*", code):
        sc.emit("set", i, code.replace(";", ","))
    else:
        sc.todo(i, f"JavaScript skipped: {short('<%' + code + '%>')}")


def chapbook_vars(sc: Scanner, i: int, end: int) -> int:
    lines = sc.src[i:end].split("\n")
    if "--" not in [x.strip() for x in lines]:
        return i
    cut = [x.strip() for x in lines].index("--")
    head = [x for x in lines[:cut] if x.strip()]
    if not head or not all(_CHAPBOOK_VAR.match(x) for x in head):
        return i
    pos = i
    for x in lines[:cut]:
        name, _, value = x.partition(":")
        if x.strip() and "(" not in name:
            sc.emit("set", pos, f"{name.strip()} to {value.strip()}")
        elif x.strip():
            sc.todo(pos, f"Chapbook variable set only when a condition holds: {short(x)}")
        pos += len(x) + 1
    return pos + len(lines[cut]) + 1


def chapbook_modifier(sc: Scanner, i: int, end: int) -> int:
    s = sc.src
    nl = s.find("\n", i, end)
    line_end = end if nl < 0 else nl
    m = _CHAPBOOK_MOD.match(s, i, line_end)
    if not m or s.startswith("[[", i):
        return i
    word = m.group(1).strip()
    head = word.split()[0].lower()
    if sc.chapbook_open:
        sc.emit("end", i)
        sc.chapbook_open = False
    if head in ("if", "unless"):
        cond = word[len(head):].strip()
        sc.emit("if", i, cond if head == "if" else f"not ({cond})")
        sc.chapbook_open = True
    elif head == "else":
        sc.emit("reopen", i)
        sc.emit("else", i, "")
        sc.chapbook_open = True
    elif head in ("javascript", "note", "notes", "todo", "fixme", "css"):
        nxt = re.compile(r"^\[[A-Za-z][^\[\]\n]*\]\s*$", re.M).search(s, line_end, end)
        stop = end if nxt is None else nxt.start()
        sc.todo(i, f"[{word}] section skipped: {short(s[line_end:stop])}")
        return stop
    elif head not in ("continue", "cont'd", "cont", "align", "fork", "after"):
        sc.todo(i, f"modifier not imported: [{word}]")
    return line_end


def chapbook_insert(sc: Scanner, i: int, end: int) -> int:
    s = sc.src
    k = s.find("}", i, end)
    if k < 0 or "\n" in s[i:k]:
        return i
    inner = s[i + 1:k].strip()
    low = inner.lower()
    names = strings_in(inner)
    if low.startswith("back link"):
        sc.emit("link", i, names[0] if names else "Back", "previous()")
    elif low.startswith("restart link"):
        sc.emit("link", i, names[0] if names else "Restart", "restart()")
    elif low.startswith("link to"):
        target = names[0] if names else inner[7:].strip(" :,")
        label = names[1] if len(names) > 1 else target
        sc.emit("link", i, label, target, ti=max(i, s.find(target, i, k)))
    elif low.startswith("embed passage"):
        sc.todo(i, f"shows another passage: {{{short(inner)}}}")
    elif re.fullmatch(r"[\w.$]+", inner):
        sc.todo(i, f"shows a variable: {{{inner}}}")
    else:
        sc.todo(i, f"insert not imported: {{{short(inner)}}}")
    return k + 1


def html(sc: Scanner, i: int, end: int) -> int:
    s = sc.src
    a = _ANCHOR.match(s, i, end)
    if a:
        label = re.sub(r"<[^<>]*>", "", a.group(2)).strip()
        sc.emit("link", i, label or a.group(1), a.group(1), ti=a.start(1))
        return a.end()
    tag = _TAG.match(s, i, end)
    if not tag:
        return i
    word = re.match(r"</?([A-Za-z]+)", tag.group()).group(1).lower()  # type: ignore[union-attr]
    if word in ("br", "p", "div"):
        sc.emit("br", i)
    elif word == "img":
        sc.todo(i, f"picture not imported: {short(tag.group())}")
    return tag.end()
