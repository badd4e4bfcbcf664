"""SugarCube `<<macros>>` and Harlowe `(macros:)[hooks]`: links, gotos, conditions and code to skip."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .twee_tokens import short, split_link, strings_in, top_comma

if TYPE_CHECKING:
    from .twee_scan import Scanner


_SUGAR = re.compile(r"<<(/?)([A-Za-z=\-][\w-]*)")
_HARLOWE = re.compile(r"\(([A-Za-z][\w-]*):")
_SKIPPED_SUGAR = {"script", "silently", "widget", "done", "createplaylist", "createaudiogroup", "run", "set",
                  "unset", "capture", "remember", "forget", "addclass", "removeclass", "toggleclass", "audio",
                  "cacheaudio", "playlist", "masteraudio", "waitforaudio", "track", "stop", "repeat"}
_CONTAINER_SUGAR = {"script", "silently", "widget", "done", "createplaylist", "createaudiogroup", "timed", "repeat",
                    "capture", "link", "button", "click", "linkappend", "linkprepend", "linkreplace", "if", "switch",
                    "nobr", "type", "append", "prepend", "replace", "for"}
_LINK_SUGAR = {"link", "button", "click", "choice"}
_REVEAL_SUGAR = {"linkappend", "linkprepend", "linkreplace"}
_BACK = {"back", "return"}
_HARLOWE_SKIP = {"set", "put", "move", "unpack", "print", "display", "either", "random", "history", "visited",
                 "live", "event", "after", "more", "cond", "nth", "dm", "datamap", "a", "array", "ds", "dataset",
                 "replace", "append", "prepend", "show", "hide", "rerun", "save-game", "load-game", "alert",
                 "prompt", "confirm", "dialog", "restart", "reload", "undo", "redirect", "go-to"}
_HARLOWE_LINKS = {"link-goto", "click-goto", "link-reveal-goto"}
_HARLOWE_REVEAL = {"link", "link-reveal", "link-repeat", "link-rerun", "click", "mouseover", "link-show"}



def _reverse_put(text: str) -> str:
    """Harlowe `(put: 1 into $x)` as `$x to 1`."""
    value, _, var = text.partition(" into ")
    return f"{var.strip()} to {value.strip()}" if var else text


def _macro_name(name: str) -> str:
    """Harlowe macro names ignore case, '-' and '_' (`(linkGoto:)` is `(link-goto:)`); kept with dashes."""
    low = name.lower().replace("_", "-")
    return {"linkgoto": "link-goto", "clickgoto": "click-goto", "linkrevealgoto": "link-reveal-goto",
            "goto": "goto", "elseif": "else-if", "linkreveal": "link-reveal", "linkrepeat": "link-repeat",
            "linkundo": "link-undo", "linkshow": "link-show", "linkrerun": "link-rerun"}.get(low.replace("-", ""),
                                                                                         low)


def sugar(sc: Scanner, i: int, end: int, depth: int) -> int:
    s = sc.src
    m = _SUGAR.match(s, i)
    stop = sc.sugar_end(i, end)
    if not m or stop < 0:
        return i
    closing, name = m.group(1) == "/", m.group(2).lower()
    args = s[m.end():stop - 2].strip()
    if closing or name.startswith("end"):
        if name in ("switch", "endswitch") and sc.switches:
            if sc.switches.pop()[1]:
                sc.emit("end", i)
        elif name in ("if", "endif"):
            sc.emit("end", i)
        return stop
    if name == "else" and re.match(r"if\b", args):  # the older `<<else if cond>>`
        name, args = "elseif", args[2:].strip()
    if name in ("if", "elseif", "else"):
        sc.emit({"if": "if", "elseif": "elif", "else": "else"}[name], i, args)
        return stop
    if name == "switch":
        sc.switches.append([args, ""])
        return stop
    if name in ("case", "default") and sc.switches:
        sw = sc.switches[-1]
        cond = " or ".join(f"{sw[0]} is {v}" for v in args.split()) or "true"
        sc.emit("else" if name == "default" else "elif" if sw[1] else "if", i, cond)
        sw[1] = "open"
        return stop
    if name == "goto":
        return _sugar_goto(sc, i, args, stop)
    if name in _LINK_SUGAR or name in _REVEAL_SUGAR:
        return _sugar_link(sc, i, name, args, stop, end, depth)
    if name == "actions":
        for target in strings_in(args) + [split_link(x, 0)[1] for x in re.findall(r"\[\[(.*?)\]\]", args)]:
            sc.emit("link", i, target, target, ti=i)
        return stop
    if name in _BACK:
        label = (strings_in(args) or [name.capitalize()])[0]
        sc.emit("link", i, label, "previous()")
        return stop
    if name == "set":
        sc.emit("set", i, args)
        return stop
    if name == "timed":
        sc.todo(i, f"text shown after a delay in Twine ({short(args)}); shown at once here")
        return stop
    close = sc.sugar_close(name, i, end) if name in _CONTAINER_SUGAR else None
    if name in _SKIPPED_SUGAR:
        whole = s[i:close[1]] if close else s[i:stop]
        sc.todo(i, f"<<{name}>> skipped: {short(whole)}")
        return close[1] if close else stop
    if name in ("print", "=", "-"):
        sc.todo(i, f"shows a variable: {short(s[i:stop])}")
        return stop
    if name in ("nobr", "type", "for", "append", "prepend", "replace"):
        if name != "nobr" and name != "type":
            sc.todo(i, f"<<{name}>> kept as plain text: {short(s[i:stop])}")
        return stop
    sc.todo(i, f"macro not imported: {short(s[i:stop])}")
    return stop


def _sugar_goto(sc: Scanner, i: int, args: str, stop: int) -> int:
    names = strings_in(args)
    link = re.search(r"\[\[(.*?)\]\]", args)
    target = names[0] if names else split_link(link.group(1), 0)[1] if link else args
    sc.emit("goto", i, "", target, ti=i + sc.src[i:stop].find(target))
    return stop


def _sugar_link(sc: Scanner, i: int, name: str, args: str, stop: int, end: int, depth: int) -> int:
    s = sc.src
    label, target, setter = "", "", ""
    link = re.search(r"\[\[(.*?)\]\]", args)
    names = strings_in(args)
    if link:
        label, target, setter, _ = split_link(link.group(1), 0)
    elif names:
        label = names[0]
        target = names[1] if len(names) > 1 else ""
    if not names and not link:
        label = args
    if "`" in args and not target:
        target = args[args.index("`"):]
    close = sc.sugar_close(name, i, end)
    inner_end = close[1] if close else stop
    if close:
        sub = sc.sub(close[0])
        sub.run(stop, close[0], depth + 1)
        gotos = [t for t in sub.out if t.kind in ("goto", "link")]
        if not target and gotos:
            target = gotos[0].target
        sets = [t.text for t in sub.out if t.kind == "set"]
        setter = "; ".join(x for x in [setter, *sets] if x)
        sc.out.extend(t for t in sub.out if t.kind == "todo")
        if name in _REVEAL_SUGAR or not target:
            if not target:
                sc.todo(i, f"'{short(label)}' reveals text when clicked; convert by hand: "
                             f"{short(s[i:inner_end])}")
                sc.out.extend(t for t in sub.out if t.kind in ("text", "br"))
                return inner_end
    if not target:
        sc.todo(i, f"link without a passage skipped: {short(s[i:stop])}")
        return inner_end
    pos = s.find(target, i, stop)
    sc.emit("link", i, label or target, target, setter, ti=pos if pos >= 0 else i)
    return inner_end


def harlowe(sc: Scanner, i: int, end: int, depth: int) -> int:
    s = sc.src
    m = _HARLOWE.match(s, i)
    if not m:
        return i
    stop = sc.close_paren(i, end)
    if stop < 0:
        return i
    name = _macro_name(m.group(1))
    args = s[m.end():stop - 1].strip()
    hook_at = stop
    while hook_at < end and s[hook_at] in " \t":
        hook_at += 1
    hook_end = sc.close_hook(hook_at, end) if hook_at < end and s[hook_at] == "[" else -1
    after = sc.hook_name_after(hook_end + 1, end) if hook_end > 0 else stop
    if name in ("if", "unless", "else-if", "else"):
        if hook_end < 0:
            sc.todo(i, f"condition without a hook: {short(s[i:stop])}")
            return stop
        cond = args if name != "unless" else f"not ({args})"
        if name in ("else-if", "else"):
            sc.emit("reopen", i)
        sc.emit({"if": "if", "unless": "if", "else-if": "elif", "else": "else"}[name], i, cond)
        sc.run(hook_at + 1, hook_end, depth + 1)
        sc.emit("end", hook_end)
        return after
    if name == "goto":
        target = (strings_in(args) or [args])[0]
        sc.emit("goto", i, "", target, ti=max(i, s.find(target, i, stop)))
        return stop
    if name in _HARLOWE_LINKS:
        first, _, second = top_comma(args)
        label = (strings_in(first) or strings_in(second) or [first])[0]
        target = (strings_in(second) or [second.strip()])[0] if second else label
        sc.emit("link", i, label, target, ti=max(i, s.find(target, i, stop)))
        if hook_end > 0:
            sc.todo(i, f"text revealed by '{short(label)}' skipped: {short(s[hook_at:hook_end + 1])}")
            return after
        return stop
    if name in ("link-undo", "undo", "go-back"):
        sc.emit("link", i, (strings_in(args) or ["Back"])[0], "previous()")
        return stop
    if name in _HARLOWE_REVEAL and hook_end > 0:
        label = (strings_in(args) or [args])[0]
        sub = sc.sub(hook_end)
        sub.run(hook_at + 1, hook_end, depth + 1)
        gotos = [t for t in sub.out if t.kind in ("goto", "link")]
        if gotos:
            setter = "; ".join(t.text for t in sub.out if t.kind == "set")
            sc.flush()
            sc.out.extend(t for t in sub.out if t.kind == "todo")
            sc.emit("link", i, label, gotos[0].target, setter, ti=i)
            return after
        sc.todo(i, f"text revealed after clicking '{short(label)}' (shown at once here): "
                     f"{short(s[i:stop])}")
        sc.flush()
        sc.out.extend(sub.out)
        return after
    if name in ("set", "put") and hook_end < 0:
        sc.emit("set", i, args if name == "set" else " , ".join(_reverse_put(x) for x in args.split(",")))
        return stop
    if name in _HARLOWE_SKIP or hook_end < 0:
        if name in ("print", "display"):
            sc.todo(i, f"shows {'a variable' if name == 'print' else 'another passage'}: {short(s[i:stop])}")
        else:
            sc.todo(i, f"macro not imported: {short(s[i:stop])}")
        if hook_end > 0 and name in _HARLOWE_SKIP:
            return after
        return stop
    sc.run(hook_at + 1, hook_end, depth + 1)  # a style changer: the hook's text is shown
    return after
