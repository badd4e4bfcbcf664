"""Screen-kind renderers: how a node looks inside the phone or browser frame, one renderer per kind.

Contract: `render(ctx, view, screen) -> KindOutput`. `screen` is the frame's inner rectangle. The renderer
returns header items (fixed at the top of the screen) and body items laid out at unscrolled positions from
`screen.y + header_h`; the player scene puts the body in a scroll view and animates the typing dots at
`typing_at`. Renderers never draw, never mutate the view, and use only theme roles and Metrics sizes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional

from ...content.schema import Character, Message, Node, Scenario, ScreenKind
from ..display import Item, RectT
from ..layout import Ctx


@dataclass(frozen=True)
class Highlight:
    """A phrase to light up in place: a red flag in the debrief replay (its quote, label and tactic tags), or a
    spot-the-flags part in the real bubble (style 'select' / 'selected' while marking, the outcome's style after)."""

    index: int
    quote: str
    label: str
    tags: tuple[str, ...] = ()
    style: str = "flag"
    """How rich_text draws it: flag, select, selected, missed, false_alarm or plain."""
    marker: str = ""
    """The debrief replay's number for a red flag: drawn at the phrase's start, matching its chip ("1. ...")."""


@dataclass(frozen=True)
class KindView:
    """What a renderer may read: the node, the messages to show now, and display state."""

    scenario: Scenario
    node_id: str
    node: Node
    messages: tuple[Message, ...]
    typing: Optional[str] = None
    """Character id shown as typing after the last message (dots are animated by the scene)."""
    highlights: tuple[Highlight, ...] = ()
    toggles: Mapping[str, bool] = field(default_factory=dict)
    """Current state of settings toggles by id (a chosen `toggle:` shows flipped)."""
    changed_toggle: Optional[str] = None
    asset: Callable[[Optional[str]], Optional[str]] = lambda rel: None
    """Resolves a pack-relative image path to a file, or None (draw a placeholder)."""
    dim: bool = False
    """Debrief replay: draw the conversation dimmed so the highlights stand out."""
    earlier: int = 0
    """Living threads: how many of `messages` (at the start of a chat) came from earlier screens of the same
    conversation; a separator goes before the new ones."""

    def character(self, char_id: Optional[str]) -> Optional[Character]:
        """The character with this id, if any."""
        return self.scenario.character(char_id) if char_id else None

    def name_of(self, char_id: str) -> str:
        """Display name of a speaker."""
        c = self.character(char_id)
        return c.name if c else char_id


@dataclass
class KindOutput:
    """A renderer's result: header and body items, body height, highlight anchors, typing-dots place."""

    header: list[Item] = field(default_factory=list)
    header_h: int = 0
    body: list[Item] = field(default_factory=list)
    body_h: int = 0
    anchors: dict[int, list[RectT]] = field(default_factory=dict)
    typing_at: Optional[RectT] = None
    lit: list[Item] = field(default_factory=list)
    """With `view.dim`: the highlights' own items (lit phrases, flag icons, tactic chips), drawn above the dimming."""


Renderer = Callable[[Ctx, KindView, RectT], KindOutput]


def _renderers() -> dict[ScreenKind, Renderer]:
    from .registry import SPECS  # the registry imports the renderers, which import this module

    return {kind: spec.renderer for kind, spec in SPECS.items()}


RENDERERS: dict[ScreenKind, Renderer] = _renderers()
"""ScreenKind -> renderer, read from `kinds/registry.py` (the fallback, `kinds/generic.py`, renders any kind)."""


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """Render a node with the renderer registered for its screen kind (the generic one for a kind without one)."""
    from .registry import spec_for

    return spec_for(view.node.screen).renderer(ctx, view, screen)
