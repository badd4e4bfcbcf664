"""The player's right-hand (or lower) panel for each beat: choices, feedback card, spot task, result, ending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...content.schema import ME, Tone
from ...engine.beats import ChoiceBeat, EndingBeat, FeedbackBeat, MessageBeat, SpotBeat, SpotResultBeat
from ...session.words import headline, outcome_label, points_text, still_helps, verdict_mark
from ..display import Box, Circle, FocusRing, Hit, Icon, Item, RectT
from ..i18n import _, ngettext
from ..kinds.rich import rich_text
from ..layout import Ctx
from ..people import person_avatar
from ..widgets import chip, chip_size, choice_row, one_line, text_block
from .class_panel import class_chose, in_class

if TYPE_CHECKING:
    from .player import PlayerScene


def tag_chips(scene: PlayerScene, ctx: Ctx, items: list[Item], x: int, y: int, w: int, tags: list[str],
              tactic_word: bool = False) -> int:
    """Chips naming skills (check, green) and red flags (flag icon + 'Red flag:' or 'Tactic:' label); returns
    the height used."""
    m = ctx.m
    cx, cy, row_h = x, y, 0
    lib = scene.app.library
    for t in tags:
        tag = lib.tag(t, scene.session.item.pack)
        if tag is not None and not tag.on_screen:
            continue
        label = tag.label if tag else t
        if t.startswith("skill."):
            text, icon, fg, bg = _("Skill: {label}").format(label=label), "check", "safe", "safe_soft"
        else:
            word = _("Tactic: {label}") if tactic_word else _("Red flag: {label}")
            text, icon, fg, bg = word.format(label=label), "flag", "flag", "flag_soft"
        from ..widgets import chip_size

        cw, ch = chip_size(ctx, text, icon=icon, max_w=w)
        if cx > x and cx + cw > x + w:
            cx, cy = x, cy + row_h + m.gap // 2
            row_h = 0
        cw, ch = chip(ctx, items, cx, cy, text, icon=icon, fg=fg, bg=bg, max_w=w)
        cx += cw + m.gap // 2
        row_h = max(row_h, ch)
    return (cy + row_h - y) if row_h else 0


def message_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: MessageBeat, x: int, y: int, w: int) -> int:
    """Messages only: a Next button."""
    m = ctx.m
    y0 = y
    if scene.revealing:
        return text_block(ctx, items, x, y, w, _("Reading... press Enter to show everything."), role="muted")
    y += text_block(ctx, items, x, y, w, _("When you are ready, go on."), role="muted") + m.gap
    r = scene.focus_button(ctx, items, x, y, w, _("Next"), "next", icon="chevron_right", hint=_("Enter"), footer=True)
    return r[1] + r[3] - y0


def choice_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: ChoiceBeat, x: int, y: int, w: int) -> int:
    """The prompt and the numbered choices (1-9 keys, arrows + Enter, click or tap)."""
    m = ctx.m
    y0 = y
    if scene.revealing:
        return text_block(ctx, items, x, y, w, _("Reading... press Enter to show everything."), role="muted")
    y += text_block(ctx, items, x, y, w, beat.prompt or _("What do you do?"), style="bold", size=m.h2) + m.pad
    for pos, opt in enumerate(beat.options):
        target = ("choice", pos)
        r = choice_row(ctx, items, x, y, w, pos + 1, opt.choice.text, target=target, focused=scene.focus == target)
        scene.add_focus(target, r, "panel")
        y += r[3] + m.gap
    y += text_block(ctx, items, x, y, w, _("Press a number, or use the arrows and Enter."), role="muted",
                    size=m.small)
    return y - y0


def feedback_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: FeedbackBeat, x: int, y: int,
                   w: int) -> int:
    """Why the choice mattered: icon, headline, plain words, chips, points. Never red for the choice itself."""
    m = ctx.m
    c = beat.choice
    icon, role, headline = verdict_mark(beat.verdict)
    headline = c.headline or headline
    inner: list[Item] = []
    ix, iw = x + m.pad, w - 2 * m.pad
    iy = y + m.pad
    ic = round(m.body * 2)
    inner.append(Icon((ix, iy, ic, ic), icon, ctx.c(role), ctx.c("surface")))
    th = text_block(ctx, inner, ix + ic + m.gap, iy, iw - ic - m.gap, headline, style="bold", size=m.h2)
    iy += max(ic, th) + m.gap
    chose = class_chose(scene, beat.node_id) if in_class(scene) else _("You chose: {text}")
    iy += text_block(ctx, inner, ix, iy, iw, chose.format(text=c.text), role="muted", size=m.small) + m.gap
    if c.feedback:
        iy += text_block(ctx, inner, ix, iy, iw, c.feedback) + m.gap
    ch = tag_chips(scene, ctx, inner, ix, iy, iw, list(c.tags))
    iy += ch + (m.gap if ch else 0)
    cw, chh = chip(ctx, inner, ix, iy, points_text(beat.points), icon="star", max_w=iw)
    iy += chh
    if not beat.is_best and beat.best_points > beat.points and not in_class(scene):  # a class sees it beside
        iy += m.gap // 2
        iy += text_block(ctx, inner, ix, iy, iw, _("Another choice here was even safer. The debrief shows why."),
                         role="muted", size=m.small)
    iy += m.pad
    h = iy - y
    items.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    items.append(Box((x, y, w, max(4, m.gap // 2)), ctx.c(role), m.radius))
    items.append(Box((x, y, w, h), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius,
                     m.border))
    items.extend(inner)
    y2 = y + h + m.pad
    r = scene.focus_button(ctx, items, x, y2, w, _("Next"), "next", icon="chevron_right", hint=_("Enter"), footer=True)
    return r[1] + r[3] - y


def spot_message(scene: PlayerScene, ctx: Ctx, items: list[Item], speaker: str, text: str, parts: list[str],
                 styles: dict[int, str], x: int, y: int, w: int, focus_parts: bool) -> tuple[int, dict]:
    """The spot-the-flags message as a big bubble with its parts as spans; returns (height, rects by part)."""
    m = ctx.m
    who = scene.session.scn.character(speaker)
    name = who.name if who else (_("You") if speaker == ME else speaker)
    r = round(m.body * 0.9)
    person_avatar(ctx, items, x + r, y + r, r, scene.session.scn, speaker, scene.session.asset)
    one_line(ctx, items, x + 2 * r + m.gap, y + r - m.body // 2 - 2, name, style="bold", max_w=w - 2 * r - m.gap)
    y0 = y
    y += 2 * r + m.gap
    spans: list[tuple[str, object]] = []
    from ..kinds.rich import split_quotes

    spans = split_quotes(text, list(enumerate(parts)))  # type: ignore[arg-type]
    pad = m.pad
    probe: list[Item] = []
    size = round(m.body * 1.1)
    _w, th, _r = rich_text(ctx, probe, 0, 0, w - 2 * pad, spans, ctx.c("text"), size=size, marked=styles,
                           leading=size // 3)
    bh = th + 2 * pad
    items.append(Box((x, y, w, bh), ctx.c("surface"), m.radius))
    items.append(Box((x, y, w, bh), ctx.c("border"), m.radius, m.border))
    _w, th, rects = rich_text(ctx, items, x + pad, y + pad, w - 2 * pad, spans, ctx.c("text"), size=size,
                              marked=styles, leading=size // 3)
    if focus_parts:
        for key, rs in rects.items():
            target = ("part", int(key))  # type: ignore[call-overload]
            for rr in rs:
                items.append(Hit((rr[0] - 4, rr[1] - 2, rr[2] + 8, rr[3] + 4), target))
            if rs:
                scene.add_focus(target, rs[0], "panel")
                if scene.focus == target:
                    for rr in rs:
                        items.append(FocusRing((rr[0] - 3, rr[1], rr[2] + 6, rr[3]), 4, m.focus_w, m.focus_gap,
                                               ctx.c("focus"), ctx.c("focus_gap")))
    return y + bh - y0, rects


def spot_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: SpotBeat, x: int, y: int, w: int) -> int:
    """Mark the parts that worry you (click/tap, or Tab/arrows + Space), then Submit."""
    m = ctx.m
    y0 = y
    if scene.revealing:
        return text_block(ctx, items, x, y, w, _("Reading... press Enter to show everything."), role="muted")
    spot = beat.spot
    y += text_block(ctx, items, x, y, w, spot.prompt, style="bold", size=m.h2 if len(spot.prompt) <= 60 else m.body)
    y += m.gap
    hint = _("Ask the class what worries them, and mark each part they call out. Not everything is a red flag.") \
        if in_class(scene) else _("Not everything is a red flag. Mark only what worries you.")
    y += text_block(ctx, items, x, y, w, hint, role="muted", size=m.small) + m.pad
    styles = {i: ("selected" if i in scene.selected else "select") for i in range(len(spot.parts))}
    h, rects = spot_message(scene, ctx, items, spot.speaker, spot.text, [p.text for p in spot.parts], styles, x, y, w,
                            True)
    y += h + m.gap
    n = len(scene.selected)
    y += text_block(ctx, items, x, y, w, ngettext("{n} part marked", "{n} parts marked", n).format(n=n),
                    role="muted", size=m.small) + m.gap
    r = scene.focus_button(ctx, items, x, y, w, _("Nothing looks wrong"), "nothing", style="secondary",
                           icon="shield")
    y = r[1] + r[3] + m.gap
    r = scene.focus_button(ctx, items, x, y, w, _("Submit"), "submit", icon="check", hint="S", footer=True)
    y = r[1] + r[3] + m.gap
    y += text_block(ctx, items, x, y, w, _("Tab or arrows to move, Space or a number to mark, S to submit. If "
                                           "nothing here worries you, choose Nothing looks wrong."),
                    role="muted", size=m.small)
    return y - y0


OUTCOME = {
    "hit": ("flag", "flag", "flag_soft"),
    "miss": ("flag_outline", "flag", "flag_soft"),
    "false_alarm": ("shield", "safe", "safe_soft"),
    "clear": ("check", "safe", "safe_soft"),
}


def spot_result_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: SpotResultBeat, x: int, y: int,
                      w: int) -> int:
    """Every part explained: hits, misses and false alarms, and the benign parts too."""
    m = ctx.m
    y0 = y
    spot = beat.spot
    hits = sum(1 for r in beat.results if r.outcome == "hit")
    flags = sum(1 for r in beat.results if r.part.flag)
    if flags:
        found = _("The class found {hits} of {flags} red flags") if in_class(scene) else \
            _("You found {hits} of {flags} red flags")
    else:
        found = _("Nothing here was a red flag")
    y += text_block(ctx, items, x, y, w, found.format(hits=hits, flags=flags), style="bold", size=m.h2) + m.gap
    styles = {r.index: {"hit": "flag", "miss": "missed", "false_alarm": "false_alarm", "clear": "plain"}[r.outcome]
              for r in beat.results}
    h, _rects = spot_message(scene, ctx, items, spot.speaker, spot.text, [p.text for p in spot.parts], styles, x, y,
                             w, False)
    y += h + m.pad
    for r in beat.results:
        icon, fg, bg = OUTCOME[r.outcome]
        inner: list[Item] = []
        iy = y + m.gap
        cw, ch = chip(ctx, inner, x + m.gap, iy, outcome_label(r.outcome), icon=icon, fg=fg, bg=bg, max_w=w - 2 * m.gap)
        used = cw
        if r.outcome == "hit":
            inner.append(Icon((x + m.gap + cw + m.gap // 2, iy + 2, ch - 4, ch - 4), "check", ctx.c("safe")))
            used += m.gap // 2 + ch
        pts = points_text(r.points)  # each part's change of score, so the total never changes silently
        pw, ph = chip_size(ctx, pts, max_w=w - 2 * m.gap)
        if used + m.gap + pw <= w - 2 * m.gap:
            chip(ctx, inner, x + w - m.gap - pw, iy, pts, max_w=w - 2 * m.gap)
        else:
            iy += ch + m.gap // 2
            ch = chip(ctx, inner, x + m.gap, iy, pts, max_w=w - 2 * m.gap)[1]
        iy += ch + m.gap // 2
        iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, f"\u201c{r.part.text}\u201d", style="bold") + 2
        iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, r.part.explain)
        if r.part.flag and r.part.tags:
            iy += m.gap // 2
            iy += tag_chips(scene, ctx, inner, x + m.gap, iy, w - 2 * m.gap, list(r.part.tags))
        hh = iy - y + m.gap
        items.append(Box((x, y, w, hh), ctx.c("surface"), m.small_radius))
        items.append(Box((x, y, max(4, m.gap // 2), hh), ctx.c(fg)))
        items.extend(inner)
        y += hh + m.gap
    before = scene.session.state.score - beat.points
    total = _("{points} in all: score {before} \u2192 {after}").format(points=points_text(beat.points), before=before,
                                                                      after=before + beat.points)
    cw, ch = chip(ctx, items, x, y, total, icon="star", max_w=w)
    y += ch + m.pad
    r2 = scene.focus_button(ctx, items, x, y, w, _("Next"), "next", icon="chevron_right", hint=_("Enter"),
                            footer=True)
    return r2[1] + r2[3] - y0


TONE_ART = {Tone.SAFE: ("shield", "safe"), Tone.HELP_SOUGHT: ("reach_out", "safe"),
            Tone.RISKY: ("lightbulb", "caution")}


def _section(ctx: Ctx, items: list[Item], x: int, y: int, w: int, icon: str, role: str, heading: str,
             text: str) -> int:
    """A tinted card: an icon and a heading, then the words; returns its height."""
    m = ctx.m
    inner: list[Item] = []
    ic = round(m.body * 1.3)
    ix, iw = x + m.pad, w - 2 * m.pad
    iy = y + m.pad
    inner.append(Icon((ix, iy, ic, ic), icon, ctx.c(role), ctx.c(f"{role}_soft")))
    hh = text_block(ctx, inner, ix + ic + m.gap, iy, iw - ic - m.gap, heading, style="bold", size=m.h2)
    iy += max(ic, hh) + m.gap // 2
    iy += text_block(ctx, inner, ix, iy, iw, text)
    h = iy + m.pad - y
    items.append(Box((x, y, w, h), ctx.c(f"{role}_soft"), m.radius))
    items.append(Box((x, y, max(4, m.gap // 2), h), ctx.c(role), m.radius))
    items.extend(inner)
    return h


def ending_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: EndingBeat, x: int, y: int, w: int) -> int:
    """The ending, calmly and in full: its title, what happened, what can still help, and the help lines (first for
    a hard ending), then on to the debrief."""
    m = ctx.m
    y0 = y
    e = beat.ending
    icon, role = TONE_ART[e.tone]
    ic = round(m.body * 2.4)
    items.append(Icon((x, y, ic, ic), icon, ctx.c(role), ctx.c("surface")))
    th = text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, e.title, style="bold", size=m.h1)
    y += max(ic, th) + m.pad
    y += _section(ctx, items, x, y, w, "notes", "primary", _("What happened"), e.text) + m.gap
    y += _section(ctx, items, x, y, w, "help", "caution" if e.tone == Tone.RISKY else "safe",
                  _("What can still help"), still_helps(e)) + m.pad
    risky = e.tone == Tone.RISKY
    r = scene.focus_button(ctx, items, x, y, w, _("See who can help"), "gethelp", icon="help", hint="H",
                           style="primary" if risky else "secondary", footer=True)
    y += r[3] + m.gap
    r = scene.focus_button(ctx, items, x, y, w, _("Continue to the debrief"), "next",
                           style="secondary" if risky else "primary", icon="chevron_right",
                           hint=None if risky else _("Enter"), footer=True)
    return r[1] + r[3] - y0


def ending_art(ctx: Ctx, items: list[Item], area: RectT, beat: EndingBeat) -> None:
    """Where the phone was, for an ending without a screen: the tone's picture large in soft rings, and a calm
    headline for how it ended (the panel beside it has the ending's own title and words)."""
    m = ctx.m
    icon, role = TONE_ART[beat.ending.tone]
    title, line = headline(beat.ending.tone)
    x, y, w, h = area
    items.append(Box(area, ctx.c("surface"), m.radius))
    items.append(Box(area, ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius, m.border))
    tw = w - 2 * m.pad
    title_h = ctx.measure(title, m.font("bold", m.h2), ctx.c("text"), tw, "center")[1]
    note_h = ctx.measure(line, m.font("regular"), ctx.c("muted"), tw, "center")[1] if line else 0
    s = max(m.body * 3, min(w - 2 * m.pad, h - title_h - note_h - 4 * m.pad) * 3 // 4)
    top = y + max(m.pad, (h - s - title_h - note_h - 2 * m.gap) // 2)
    cx, cy = x + w // 2, top + s // 2
    for k, share in enumerate((0.5, 0.4, 0.3)):  # soft rings, like a calm radar
        items.append(Circle((cx, cy), round(s * share), ctx.c(f"{role}_soft") if k != 1 else ctx.c("surface")))
    items.append(Circle((cx, cy), round(s * 0.5), ctx.c(role), max(2, m.border)))
    ic = round(s * 0.42)
    items.append(Icon((cx - ic // 2, cy - ic // 2, ic, ic), icon, ctx.c(role), ctx.c(f"{role}_soft")))
    ty = top + s + m.gap
    ty += text_block(ctx, items, x + m.pad, ty, tw, title, style="bold", size=m.h2, align="center")
    if line:
        text_block(ctx, items, x + m.pad, ty + m.gap // 2, tw, line, role="muted", align="center")
