"""The class vote with students' devices: the question sent to them, the live 'N of M devices answered' panel, and
the hands + devices split at the reveal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...net.room import Question, Result, Snapshot, short
from ...session.classroom import letter
from ...session.device_store import VoteSplit
from ..display import Box, Icon, Item
from ..i18n import _, ngettext
from ..layout import Ctx
from ..widgets import text_block
from .room import short_address, spaced

if TYPE_CHECKING:
    from .vote import VoteScene

MESSAGE_CHARS = 240
"""The short form of the message being voted on, as devices show it."""


def question_for(scene: VoteScene) -> Question:
    """The question devices answer: this decision (a new id for each time a vote opens at it), the last message on
    screen in short, the prompt and the lettered options in the order shown."""
    beat = scene.beat
    said = [m for m in beat.messages if m.speaker != "me"] or list(beat.messages) or list(beat.thread)
    message = short(said[-1].text, MESSAGE_CHARS) if said else ""
    qid = f"{scene.session.scn.id}:{scene.node_id}:{len(scene.session.log)}"
    return Question(qid, "choice", beat.prompt or _("What do you do?"), message, tuple(scene.options),
                    tuple(letter(i) for i in range(len(scene.options))))


def device_counts(snap: Snapshot, question: Optional[Question]) -> list[int]:
    """The devices' votes per option on this question (zeros when the room is on another one)."""
    n = len(question.options) if question is not None else 0
    if question is None or snap.question != question.id or len(snap.counts) != n:
        return [0] * n
    return list(snap.counts)


def answers_for(snap: Snapshot, question: Optional[Question]) -> tuple[tuple[int, int], ...]:
    """(anonymous device number, option) on this question."""
    return snap.answers if question is not None and snap.question == question.id else ()


def split_of(hands: list[int], snap: Snapshot, question: Optional[Question]) -> VoteSplit:
    """The vote by source, as recorded."""
    return VoteSplit(tuple(hands), tuple(device_counts(snap, question)), answers_for(snap, question), snap.devices)


def result_for(question: Question, split: VoteSplit) -> Result:
    """What devices see after the reveal."""
    return Result(question.id, tuple(split.totals), sum(split.hands), sum(split.devices))


def answered_line(snap: Snapshot, question: Optional[Question]) -> str:
    """'12 of 25 devices answered'."""
    n = len(answers_for(snap, question))
    return ngettext("{n} of {m} device answered", "{n} of {m} devices answered", snap.devices).format(
        n=n, m=snap.devices)


def sources_line(hands: int, devices: int) -> str:
    """'12 votes from devices and 5 from hands' (at the reveal)."""
    return ngettext("{d} vote from devices", "{d} votes from devices", devices).format(d=devices) + _(" and ") + \
        ngettext("{h} from hands", "{h} from hands", hands).format(h=hands)


def device_panel(scene: VoteScene, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
    """The live panel above the cards: how many devices answered (never which way before the reveal), how to
    join, and that hands can be added; returns its height."""
    m = ctx.m
    room = scene.app.room
    if room is None:
        return 0
    snap = room.snapshot
    ic = round(m.h1 * 1.2)
    pad = m.pad
    inner: list[Item] = []
    tx = x + pad + ic + m.gap
    tw = max(20, x + w - pad - tx)
    ty = y + pad
    ty += text_block(ctx, inner, tx, ty, tw, answered_line(snap, scene.question), style="bold", size=m.h1) + m.gap // 2
    ty += text_block(ctx, inner, tx, ty, tw, _(
        "Join: {address} \u00b7 code {code}. Add the hands of students without a device below.").format(
        address=short_address(room.url), code=spaced(room.code)), role="on_primary_soft")
    h = ty - y + pad
    items.append(Box((x, y, w, h), ctx.c("primary_soft"), m.radius))
    items.append(Icon((x + pad, y + pad, ic, ic), "phone", ctx.c("primary")))
    items.extend(inner)
    return h
