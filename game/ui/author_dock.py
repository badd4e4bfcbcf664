"""Layout of the author layer: the dock (problems, notice, play state) on the right, or a small badge when closed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.safetext import escape
from .display import Box, Group, Icon, Item, Text
from .i18n import _, ngettext
from .layout import Ctx, Metrics
from .widgets import button_width, text_block

if TYPE_CHECKING:
    from ..session.play import PlaySession
    from .author_tools import AuthorTools

MAX_PROBLEMS = 6
"""Problems listed in the dock; `validate` prints the rest."""


def show_value(value: object) -> str:
    """A variable's value as it is written in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else repr(str(value))


def build(tools: AuthorTools, ctx: Ctx, full: Metrics, session: PlaySession, items: list[Item]) -> int:
    """Fill `items` with the open dock, or with the badge in the bottom bar when the dock is closed.

    Returns the height of the dock's scrolling content (0 for the badge).
    """
    if tools.shown:
        return _dock(tools, ctx, full, session, items)
    _badge(tools, ctx, full, items)
    return 0


def _badge(tools: AuthorTools, ctx: Ctx, m: Metrics, items: list[Item]) -> None:
    """A pill in the middle of the bottom bar: the author keys, the last notice, or the problem count."""
    from .scenes.page import bar_height

    bar = bar_height(ctx)
    side = min(m.w // 3, button_width(ctx, _("Get help"), icon="help", hint="H", size=m.small)) + 2 * m.pad
    room = m.w - 2 * side
    errors = sum(1 for p in tools.problems if p.severity == "error")
    if errors:
        bg, fg, icon = "caution_soft", "caution", "wrench"
        texts = [ngettext("{n} error in the file: F6 shows it", "{n} errors in the file: F6 shows them",
                          errors).format(n=errors), _("Errors: F6")]
    elif tools.notice:
        bg, fg, icon = "primary_soft", "on_primary_soft", "check"
        texts = [tools.notice, _("Reloaded")]
    elif tools.problems:  # warnings only: the story plays
        bg, fg, icon = "surface_alt", "text", "wrench"
        n = len(tools.problems)
        texts = [ngettext("{n} warning in the file: F6 shows it", "{n} warnings in the file: F6 shows them",
                          n).format(n=n), _("Warnings: F6")]
    else:
        bg, fg, icon = "surface_alt", "text", "wrench"
        texts = [_("Author: F5 reload · F6 play state · F7 jump"), _("Author: F5 · F6 · F7")]
    font = m.font("bold", m.small)
    ic = round(m.small * 1.1)
    for text in texts:
        tw, th = ctx.measure(text, font, ctx.c(fg))
        w = tw + ic + 3 * m.gap
        if w <= room:
            break
    else:
        return  # no room beside the bar's buttons
    h = bar - 2 * max(4, m.gap // 2)
    x, y = (m.w - w) // 2, m.h - bar + (bar - h) // 2
    items.append(Box((x, y, w, h), ctx.c(bg), h // 2))
    items.append(Box((x, y, w, h), ctx.c(fg if ctx.theme.high_contrast else "border"), h // 2, 1))
    items.append(Icon((x + m.gap, y + (h - ic) // 2, ic, ic), icon, ctx.c(fg), ctx.c(bg)))
    items.append(Text(x + m.gap * 2 + ic, y + (h - th) // 2, text, font, ctx.c(fg), 0, "left", tw, th))


def _dock(tools: AuthorTools, ctx: Ctx, full: Metrics, session: PlaySession, items: list[Item]) -> int:
    from .author_tools import dock_width
    from .scenes.page import bar_height

    m = ctx.m
    dw = dock_width(full)
    x0, h = full.w - dw, full.h
    bar = bar_height(ctx)
    items.append(Box((x0, 0, dw, h), ctx.c("surface")))
    items.append(Box((x0, 0, dw, bar), ctx.c("topbar")))
    line = ctx.c("border" if ctx.theme.high_contrast else "surface_alt")
    items.append(Box((x0, bar - m.border, dw, m.border), line))
    items.append(Box((x0, 0, max(2, m.border), h), ctx.c("border")))
    ic = round(m.body * 1.1)
    x, w = x0 + m.pad, dw - 2 * m.pad
    items.append(Icon((x, (bar - ic) // 2, ic, ic), "wrench", ctx.c("on_topbar"), ctx.c("topbar")))
    title = _("Author tools")
    font = m.font("bold", m.body)
    tw, th = ctx.measure(title, font, ctx.c("on_topbar"), max(20, w - ic - m.gap))
    items.append(Text(x + ic + m.gap, (bar - th) // 2, title, font, ctx.c("on_topbar"), max(20, w - ic - m.gap),
                      "left", tw, th))
    inner: list[Item] = []
    y = bar + m.gap
    y += _keys(ctx, inner, x, y, w) + m.gap
    if tools.notice and not any(p.severity == "error" for p in tools.problems):  # errors say it themselves
        y += _notice(ctx, inner, x, y, w, tools.notice, False) + m.gap
    if tools.problems:
        y += _problems(tools, ctx, inner, x, y, w, session) + m.gap
    y += _state(ctx, inner, x, y, w, session)
    y += m.pad
    items.append(Group((x0 + max(2, m.border), bar, dw - max(2, m.border), h - bar), tuple(inner), "author-dock",
                       y - bar))
    return y - bar


def _keys(ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
    """The three keys with what they do, flowing onto more lines when narrow."""
    m = ctx.m
    kfont, lfont = m.font("bold", m.small), m.font("regular", m.small)
    cx, cy, line_h = x, y, 0
    for key, label in (("F5", _("reload")), ("F6", _("hide")), ("F7", _("jump"))):
        kw, kh = ctx.measure(key, kfont, ctx.c("text"))
        lw, lh = ctx.measure(label, lfont, ctx.c("text"))
        space = max(m.gap // 2, round(m.small * 0.35))
        need = kw + m.gap + space + lw
        if cx > x and cx + need > x + w:
            cx, cy = x, cy + line_h + m.gap // 2
        items.append(Box((cx, cy, kw + m.gap, kh + 4), ctx.c("text"), m.small_radius, 2))
        items.append(Text(cx + m.gap // 2, cy + 2, key, kfont, ctx.c("text"), 0, "left", kw, kh))
        items.append(Text(cx + kw + m.gap + space, cy + 2, label, lfont, ctx.c("text"), 0, "left", lw, lh))
        cx += need + m.pad
        line_h = max(line_h, kh + 4)
    return cy + line_h - y


def _notice(ctx: Ctx, items: list[Item], x: int, y: int, w: int, text: str, problem: bool) -> int:
    m = ctx.m
    bg, fg, icon = ("caution_soft", "caution", "wrench") if problem else ("primary_soft", "on_primary_soft", "check")
    ic = round(m.small * 1.2)
    inner: list[Item] = []
    th = text_block(ctx, inner, x + m.gap * 2 + ic, y + m.gap, w - 3 * m.gap - ic, text, style="bold", size=m.small,
                    color=ctx.c(fg))
    h = th + 2 * m.gap
    items.append(Box((x, y, w, h), ctx.c(bg), m.small_radius))
    items.append(Icon((x + m.gap, y + m.gap, ic, ic), icon, ctx.c(fg), ctx.c(bg)))
    items.extend(inner)
    return h


def source_excerpt(ctx: Ctx, items: list[Item], x: int, y: int, w: int, source: str, col: int) -> int:
    """The file's line (around the column when it is long) and a caret under the column, as validate prints it."""
    m = ctx.m
    line = escape(source.replace("\t", "    "))
    at = len(escape(source[: max(col - 1, 0)].replace("\t", "    ")))
    start = max(0, at - 40)
    line, at = line[start:start + 80], at - start
    color = ctx.c("text")
    def width(text: str, style: str = "regular") -> int:
        return ctx.measure(text, m.font(style, m.small), color, 10 ** 6, "left")[0] if text else 0

    under = width(line[:at]) + (width(line[at:at + 1]) - width("^", "bold")) // 2  # centred under the character
    h = text_block(ctx, items, x, y, w, line, size=m.small)
    return h + text_block(ctx, items, x + max(0, min(under, w - m.small)), y + h, m.small * 2, "^", style="bold",
                          size=m.small, role="caution")


def _problems(tools: AuthorTools, ctx: Ctx, items: list[Item], x: int, y: int, w: int, session: PlaySession) -> int:
    """Each problem as validate prints it: file:line:col, severity and code, message, hint."""
    m = ctx.m
    y0 = y
    ic = round(m.body * 1.1)
    items.append(Icon((x, y, ic, ic), "wrench", ctx.c("caution")))
    errors = any(p.severity == "error" for p in tools.problems)
    heading = _("Problems in {file}") if errors else _("Warnings in {file}")
    y += max(ic, text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, heading.format(
        file=tools.problem_file), style="bold", size=m.body, role="caution")) + m.gap // 2
    y += text_block(ctx, items, x, y, w, _(
        "The last good version keeps playing. Fix the file and save it: it reloads by itself.") if errors else _(
        "It plays; a shipped story must have none (validate --strict)."), role="muted", size=m.small) + m.gap
    stripe = max(4, m.gap // 2)
    for p in tools.problems[:MAX_PROBLEMS]:
        inner: list[Item] = []
        iy, ix, iw = y + m.gap // 2, x + stripe + m.gap, w - stripe - 2 * m.gap
        label = f"{p.severity}[{p.code}]" if p.code else p.severity
        iy += text_block(ctx, inner, ix, iy, iw, f"{p.where}  {label}", style="bold", size=m.small)
        iy += text_block(ctx, inner, ix, iy, iw, p.message, size=m.small)
        if p.source:
            iy += source_excerpt(ctx, inner, ix, iy, iw, p.source, p.col)
        if p.hint:
            iy += text_block(ctx, inner, ix, iy, iw, _("hint: {hint}").format(hint=p.hint), size=m.small)
        h = iy - y + m.gap // 2
        items.append(Box((x, y, w, h), ctx.c("surface_alt" if p.severity != "error" else "caution_soft"),
                         m.small_radius))
        items.append(Box((x, y, stripe, h), ctx.c("caution" if p.severity == "error" else "border")))
        items.extend(inner)
        y += h + m.gap // 2
    more = len(tools.problems) - MAX_PROBLEMS
    if more > 0:
        y += text_block(ctx, items, x, y, w, _("...and {n} more: python main.py validate {file}").format(
            n=more, file=tools.problem_file), role="muted", size=m.small) + m.gap // 2
    del session
    return y - y0


def _state(ctx: Ctx, items: list[Item], x: int, y: int, w: int, session: PlaySession) -> int:
    """Node, score, variables and the visited path, label above value."""
    m = ctx.m
    st = session.state
    node = session.scn.nodes.get(st.node)
    y0 = y
    y += text_block(ctx, items, x, y, w, _("Play state"), style="bold", size=m.body) + m.gap // 2
    kind = node.screen.value if node is not None else "?"
    variables = "\n".join(f"{k} = {show_value(v)}" for k, v in st.variables) or _("(none declared)")
    rows = [
        (_("Node"), f"{st.node}  ·  {kind}  ·  {st.phase.value}"),
        (_("Score"), _("{score} (best path: {best})").format(score=st.score, best=session.best_score)),
        (_("Variables"), variables),
        (_("Path"), " › ".join(st.visited)),
        (_("File"), session.item.path.name),
    ]
    for label, value in rows:
        y += text_block(ctx, items, x, y, w, label, role="muted", size=m.small)
        y += text_block(ctx, items, x, y, w, value, style="bold", size=m.small) + m.gap
    return y - y0
