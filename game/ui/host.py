"""SceneHost: everything a scene may ask of the app (the stack, services, notices, settings), precisely typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol

if TYPE_CHECKING:
    from ..net.server import RoomServer
    from ..session.catalog import Library
    from ..session.classroom import Classroom
    from ..session.settings import Settings
    from ..session.store import Store
    from .app import AppOptions
    from .author_tools import AuthorTools
    from .display import Painter
    from .intents import Intent
    from .layout import Ctx
    from .scene import Scene
    from .scene_stack import SceneStack
    from .theme import Theme


class SceneHost(Protocol):
    """What scenes (and the author tools) see of the App. Scenes never reach past it: no private attribute, no
    editing of the stack except through `scenes` and the push/pop/replace/reset calls."""

    # ------------------------------------------------------------- the stack
    @property
    def scenes(self) -> SceneStack:
        """The scene stack (read it; change it only with its methods)."""
        ...

    @property
    def top(self) -> Optional[Scene]:
        """The scene that receives intents."""
        ...

    def push(self, scene: Scene, on_result: Optional[Callable[[Any], None]] = None) -> None:
        """Put a scene on top; `on_result` receives what it dismisses with."""
        ...

    def pop(self, scene: Optional[Scene] = None, result: Any = None) -> None:
        """Remove the top scene and resume the one below with the result."""
        ...

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        ...

    def reset(self, *scenes: Scene) -> None:
        """Clear the stack and start over with these scenes."""
        ...

    def go_title(self) -> None:
        """Back to the title screen, dropping everything else."""
        ...

    def dispatch(self, intent: Intent) -> None:
        """Handle an intent as if the player had given it (a button standing for a key)."""
        ...

    def quit(self) -> None:
        """Stop the game (records are already written)."""
        ...

    # ------------------------------------------------------------- services
    opts: AppOptions
    """How the game was started (read only)."""
    ctx: Ctx
    """Theme, metrics and caches for layout."""
    painter: Painter
    theme: Theme
    settings: Settings
    """The player's settings (change them with apply_settings / change_settings)."""
    classroom: Optional[Classroom]
    """Facilitator mode while leading a class, else None."""
    room: Optional[RoomServer]
    """The room students' devices join while leading a class with devices, else None."""
    room_notice: Optional[str]
    """Why the room could not open, when it could not."""
    devices_wanted: bool
    """'Let students join' is on for the next class."""
    author: Optional[AuthorTools]
    """Author tools with --author, else None."""
    notices: list[str]
    """What the player must know about saving (settings not saved, ...)."""
    asked_nickname: bool
    """True once the nickname screen was offered this run."""
    exit_code: int
    last_class_label: Optional[str]
    seed: Optional[int]
    """The seed each play-through's option order comes from (None: a new order every play)."""

    @property
    def store(self) -> Store:
        """The record store (opened on first use)."""
        ...

    @property
    def open_store(self) -> Optional[Store]:
        """The record store if it is open already (never opens it)."""
        ...

    @property
    def library(self) -> Library:
        """The scenarios on offer and the help resources."""
        ...

    @property
    def shown_settings(self) -> Settings:
        """The settings on screen (the projector's while leading a class)."""
        ...

    @property
    def animate(self) -> bool:
        """True when eases and reveals animate."""
        ...

    def apply_settings(self, new: Settings, save: bool = True) -> Optional[str]:
        """Use new settings now and save them; returns a notice or None."""
        ...

    def change_settings(self, **changes: Any) -> Optional[str]:
        """Change settings from the settings screen (the class's projector settings while leading a class)."""
        ...

    def relayout_all(self) -> None:
        """Lay every scene out again."""
        ...

    def start_class(self, label: Optional[str]) -> None:
        """Enter facilitator mode."""
        ...

    def play_sound(self, name: str) -> None:
        """A soft interface sound, when sound is on."""
        ...
