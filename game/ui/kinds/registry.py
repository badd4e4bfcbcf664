"""One entry per screen kind: its renderer, device frame, label, animation and default app (`spec_for` never raises).

Labels and default app names are functions that translate a literal message when called (`kind_label`,
`kind_default_app`), so a language switch applies to them and the catalogs can be extracted. Whether a kind shows
its messages above its card is `content.texts.MESSAGES_FIRST` (pure content code, which the replay's quote lookup
reads); each renderer draws in that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal, Optional

from ...content.schema import ScreenKind
from ..i18n import _
from . import Renderer, chat, generic, listing, lobby, mail, narration, settings, social

Frame = Literal["phone", "browser", "window", "plain"]
"""The device around the screen: a phone, a browser window (with an address bar), a game window (title bar) or a
plain story panel."""


@dataclass(frozen=True)
class KindSpec:
    """What the front end knows about one screen kind."""

    renderer: Renderer
    frame: Frame
    label: Callable[[], str]
    """A word for the kind of screen in the UI language (the debrief replay's captions)."""
    animated: bool
    """Messages arrive one by one with typing dots, and the view follows the newest (chats); other kinds show
    everything at once and start at the top."""
    default_app: Optional[Callable[[], str]] = None
    """The app named in the header when the node names none, in the UI language (None: no default)."""
    site: str = ""
    """The address shown in a browser frame when the node names no app."""


SPECS: dict[ScreenKind, KindSpec] = {
    ScreenKind.DM: KindSpec(chat.render_dm, "phone", lambda: _("Chat"), True),
    ScreenKind.SMS: KindSpec(chat.render_sms, "phone", lambda: _("Text messages"), True,
                             default_app=lambda: _("Messages")),
    ScreenKind.FEED: KindSpec(social.render_feed, "phone", lambda: _("Feed"), False),
    ScreenKind.PROFILE: KindSpec(social.render_profile, "phone", lambda: _("Profile"), False),
    ScreenKind.JOB_AD: KindSpec(listing.render_job_ad, "browser", lambda: _("Job ad"), False,
                                site="gigboard.example/jobs"),
    ScreenKind.MARKETPLACE: KindSpec(listing.render_marketplace, "phone", lambda: _("Listing"), False),
    ScreenKind.GAME_LOBBY: KindSpec(lobby.render, "window", lambda: _("Game lobby"), True),
    ScreenKind.EMAIL: KindSpec(mail.render, "browser", lambda: _("Email"), False, default_app=lambda: _("Mailbox"),
                               site="mailbox.example/inbox"),
    ScreenKind.SETTINGS: KindSpec(settings.render, "phone", lambda: _("Settings"), False,
                                  default_app=lambda: _("Settings")),
    ScreenKind.NARRATION: KindSpec(narration.render, "plain", lambda: _("Story"), False),
}
"""ScreenKind -> its entry, registered explicitly."""

FALLBACK = KindSpec(generic.render, "phone", lambda: _("Screen"), False)
"""The entry for a kind without one (a kind added to the schema before its renderer): the generic renderer, which
draws any node, in a phone with a neutral label."""


_BY_VALUE: dict[str, KindSpec] = {kind.value: spec for kind, spec in SPECS.items()}


def spec_for(kind: object) -> KindSpec:
    """The entry for a screen kind (a `ScreenKind` or its value), or `FALLBACK` for anything else (never raises)."""
    value = kind.value if isinstance(kind, ScreenKind) else kind
    return _BY_VALUE.get(value, FALLBACK) if isinstance(value, str) else FALLBACK


def kind_label(kind: object) -> str:
    """The kind's label in the UI language."""
    return spec_for(kind).label()


def kind_default_app(kind: object) -> str:
    """The kind's default app name in the UI language ("" for none)."""
    app = spec_for(kind).default_app
    return app() if app is not None else ""

