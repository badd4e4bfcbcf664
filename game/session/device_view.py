"""JSON for a student's device: a screen as the desktop draws it (header, card, bubbles, living thread), people,
chips, help lines, and texts cut into spans where a phrase is marked (spot parts, red flags lit in place)."""

from __future__ import annotations

import zlib
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..content.schema import ME, SYSTEM, Card, Message, Node, Resource, Scenario, TagVocabulary
from ..content.texts import MESSAGES_FIRST
from . import words as W
from .lang import _

Json = dict[str, Any]
Rich = Any
"""A text: a plain string, or a list of spans {"t": text, ...marks} when a phrase in it is marked."""
AVATARS = 6
"""Avatar disc colours (as ui.theme.AVATAR_COUNT): the page has `avatar-1` ... `avatar-6`."""


def person(scn: Scenario, who: str) -> Json:
    """A speaker id or poster name as its avatar shows it: name, initials and a stable colour (as ui.people)."""
    if who == ME:
        return {"key": ME, "name": "You", "initials": "Y", "color": 1, "me": True}
    ch = next((c for c in scn.characters if c.id == who), None)
    if ch is None:
        low = who.strip().lower()
        ch = next((c for c in scn.characters if c.name.strip().lower() == low), None)
    key, name = (ch.id, ch.name) if ch is not None else (who, who or "?")
    out: Json = {"key": key, "name": name, "initials": W.initials(name),
                 "color": zlib.crc32(key.encode("utf-8")) % AVATARS + 1}
    if ch is not None and ch.note:
        out["note"] = ch.note
    return out


def spans(text: str, quotes: Sequence[tuple[Mapping[str, Any], str]], used: Optional[set[int]] = None) -> Rich:
    """Cut `text` where each quote appears (exact, else ignoring case; each quote once, never overlapping, as
    ui.kinds.rich.split_quotes); each marked span carries its quote's marks. `used` (ids of the marks' objects)
    keeps a quote lit only where it first appears on a screen. A text with no mark stays a plain string."""
    marks: list[tuple[int, int, Mapping[str, Any]]] = []
    low = text.lower()
    for mark, q in quotes:
        if not q or (used is not None and id(mark) in used):
            continue
        i = text.find(q)
        if i < 0:
            i = low.find(q.lower())
        if i < 0 or any(not (i + len(q) <= a or i >= b) for a, b, _m in marks):
            continue
        marks.append((i, i + len(q), mark))
        if used is not None:
            used.add(id(mark))
    if not marks:
        return text
    marks.sort(key=lambda t: t[0])
    out: list[Json] = []
    pos = 0
    for a, b, mark in marks:
        if a > pos:
            out.append({"t": text[pos:a]})
        out.append({"t": text[a:b], **mark})
        pos = b
    if pos < len(text):
        out.append({"t": text[pos:]})
    return out


def message(scn: Scenario, m: Message, rich: Rich = None, *, earlier: bool = False) -> Json:
    """One bubble or post: who sent it (as their avatar shows them), the words, time, post details."""
    out: Json = {"from": m.speaker, "me": m.speaker == ME, "system": m.speaker == SYSTEM,
                 "text": m.text if rich is None else rich}
    if m.speaker not in (ME, SYSTEM):
        out["who"] = person(scn, m.speaker)
    if m.time:
        out["time"] = m.time
    if m.image:
        out["image"] = True
    if m.post is not None:
        out["post"] = {"visibility": m.post.visibility.value, "location": m.post.location, "likes": m.post.likes,
                       "comments": m.post.comments}
    if earlier:
        out["earlier"] = True
    return out


def card(scn: Scenario, c: Card, mark: Any, toggles: Mapping[str, bool], changed: Optional[str],
         body: Optional[str] = None) -> Json:
    """A listing, email, profile or settings card in the order it shows its texts; `mark(text)` marks phrases;
    `body` stands in for a missing body (an email whose body is the spot task's text)."""
    out: Json = {}
    for key in ("title", "price", "poster", "poster_note", "address"):
        value = getattr(c, key)
        if value:
            out[key] = mark(value)
    if c.poster:
        out["poster_who"] = person(scn, c.poster)
    text = c.body or body
    if text:
        out["body"] = [mark(p) for p in text.split("\n") if p.strip()]
    if c.bio:
        out["bio"] = [{"key": k, "value": v, "text": mark(f"{k}: {v}")} for k, v in c.bio.items()]
    if c.details:
        out["details"] = [mark(d) for d in c.details]
    if c.toggles:
        out["toggles"] = [{"id": t.id, "label": mark(t.label), "help": mark(t.help) if t.help else None,
                           "on": bool(toggles.get(t.id, t.enabled)), "changed": t.id == changed}
                          for t in c.toggles]
    if c.button:
        out["button"] = mark(c.button)
    if c.image:
        out["image"] = True
    return out


def screen(scn: Scenario, node: Node, messages: Sequence[Message], *, earlier: int = 0,
           toggles: Optional[Mapping[str, bool]] = None, changed: Optional[str] = None,
           quotes: Sequence[tuple[Mapping[str, Any], str]] = (), spot: Optional[Sequence[Any]] = None) -> Json:
    """A node's screen as the desktop shows it: the frame, the app header (app, who it is with, the clock), the
    card and the messages in the kind's order (`earlier` of them are the conversation's history). Phrases in
    `quotes` are marked where they first appear; `spot` (spans) is the spot task's message, drawn in place: as
    the last bubble, or as an email's body when the email has none."""
    kind = node.screen.value
    used: set[int] = set()

    def mark(text: str) -> Rich:
        return spans(text, quotes, used) if quotes else text

    app = node.app or W.DEFAULT_APPS.get(kind, "")
    out: Json = {"kind": kind, "frame": W.KIND_FRAMES.get(kind, "phone"), "label": W.kind_label(kind),
                 "app": app, "app_key": W.app_key(app) if app else "other", "chat": kind in W.ANIMATED,
                 "messages_first": node.screen in MESSAGES_FIRST}
    if W.KIND_FRAMES.get(kind) == "browser":
        out["site"] = node.app.lower().replace(" ", "") + ".example" if node.app else W.SITES.get(kind, "")
    if node.with_:
        out["with"] = person(scn, node.with_)
    if node.title:
        out["title"] = node.title
    spot_body = spot is not None and node.card is not None and not node.card.body and kind == "email"
    bubbles = []
    if node.screen in MESSAGES_FIRST or node.card is None:
        bubbles = _bubbles(scn, messages, earlier, mark, kind == "feed")
    if node.card is not None:
        out["card"] = card(scn, node.card, mark, toggles or {}, changed)
        if spot_body:
            out["card"]["body"] = [spot]
            out["card"]["spot"] = True
    if node.screen not in MESSAGES_FIRST and node.card is not None:
        bubbles = _bubbles(scn, messages, earlier, mark, kind == "feed")
    if spot is not None and not spot_body and node.spot is not None:
        bubble = message(scn, Message.model_validate({"from": node.spot.speaker, "text": node.spot.text}), spot)
        bubble["spot"] = True
        if kind == "feed":  # a feed lists the newest post first, its history below
            bubbles.insert(len(messages) - earlier, bubble)
        else:
            bubbles.append(bubble)
    out["messages"] = bubbles
    times = [m.time for m in messages if m.time]
    out["clock"] = times[-1] if times else "9:41"
    return out


def _bubbles(scn: Scenario, messages: Sequence[Message], earlier: int, mark: Any, feed: bool) -> list[Json]:
    """The bubbles; the conversation's history (`earlier` of them) comes first in a chat, last in a feed."""
    first_new = 0 if feed else earlier
    last_new = len(messages) - earlier if feed else len(messages)
    return [message(scn, m, mark(m.text), earlier=not first_new <= k < last_new) for k, m in enumerate(messages)]


def chips(vocab: Optional[TagVocabulary], tags: Iterable[str], tactic_word: bool = False) -> list[Json]:
    """Chips naming skills (green, a check) and red flags or tactics (a flag), as ui.scenes.panel.tag_chips."""
    out = []
    for t in tags:
        tag = vocab.get(t) if vocab is not None else None
        if tag is not None and not tag.on_screen:
            continue
        label = tag.label if tag else t
        if t.startswith("skill."):
            out.append({"kind": "skill", "text": _("Skill: {label}").format(label=label)})
        else:
            word = _("Tactic: {label}") if tactic_word else _("Red flag: {label}")
            out.append({"kind": "flag", "text": word.format(label=label)})
    return out


def resource(r: Resource) -> Json:
    """One help line as the Help screen's card shows it."""
    return {"id": r.id, "name": r.name, "for": r.for_,
            "contacts": [{"kind": c.kind, "text": W.contact_line(c.kind, c.label, c.value)} for c in r.contacts],
            "hours": _("Hours: {hours}").format(hours=r.hours), "what_happens": r.what_happens}
