"""The scene stack: owns the scenes (bottom first) and every hand-over between them, each lifecycle call guarded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, TypeVar

if TYPE_CHECKING:
    from .scene import Scene

Guard = Callable[["Scene", Callable[[], Any]], Any]
"""Runs scene code for a scene; an exception becomes the error screen (or is re-raised in strict tests)."""
S = TypeVar("S", bound="Scene")


class SceneStack:
    """Push, pop, replace, reset and swap scenes, calling `enter`/`leave`/`pause`/`resume` in order and handing
    a modal scene's result to whoever pushed it. Read it with iteration, `len`, `top`, `below` and `find`; only its
    methods change it.

    A scene may ask to be handed over to another (`Scene.hand_over`): on the stack the two swap places at once;
    a scene that is not on the stack yet (it asked while being built) is swapped as soon as it enters.
    """

    def __init__(self, guard: Guard, on_empty: Callable[[], None]) -> None:
        self._scenes: list[Scene] = []
        self._guard = guard
        self._on_empty = on_empty

    # ------------------------------------------------------------- reading
    def __iter__(self) -> Iterator[Scene]:
        return iter(tuple(self._scenes))

    def __len__(self) -> int:
        return len(self._scenes)

    def __bool__(self) -> bool:
        return bool(self._scenes)

    def __contains__(self, scene: object) -> bool:
        return any(s is scene for s in self._scenes)

    @property
    def top(self) -> Optional[Scene]:
        """The scene that receives intents."""
        return self._scenes[-1] if self._scenes else None

    def is_top(self, scene: Scene) -> bool:
        """True when `scene` is on top."""
        return self.top is scene

    def below(self, scene: Scene) -> Optional[Scene]:
        """The scene under `scene` (None at the bottom or when it is not on the stack)."""
        for i, s in enumerate(self._scenes):
            if s is scene:
                return self._scenes[i - 1] if i > 0 else None
        return None

    def find(self, kind: type[S]) -> Optional[S]:
        """The topmost scene of this class, if any."""
        for s in reversed(self._scenes):
            if isinstance(s, kind):
                return s
        return None

    def visible(self) -> list[Scene]:
        """Scenes to draw: from the lowest opaque one up to the top."""
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        return self._scenes[start:]

    # ------------------------------------------------------------- changing
    def _enter(self, scene: Scene) -> None:
        self._guard(scene, scene.enter)
        forward = scene.take_hand_over()
        if forward is not None and scene in self:
            self.swap(scene, forward)

    def push(self, scene: Scene, on_result: Optional[Callable[[Any], None]] = None) -> None:
        """Put a scene on top (the one below pauses); `on_result` receives what it dismisses with."""
        below = self.top
        if below is not None:
            self._guard(below, below.pause)
        scene.on_result = on_result
        self._scenes.append(scene)
        self._enter(scene)

    def pop(self, scene: Optional[Scene] = None, result: Any = None) -> None:
        """Remove the top scene (or `scene`, only if it is on top) and resume the one below with the result."""
        if not self._scenes or (scene is not None and self._scenes[-1] is not scene):
            return
        old = self._scenes.pop()
        self._guard(old, old.leave)
        if old.on_result is not None:
            cb, old.on_result = old.on_result, None
            self._guard(self.top or old, lambda: cb(result))
        top = self.top
        if top is not None:
            self._guard(top, lambda: top.resume(result))
        if not self._scenes:
            self._on_empty()

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self._scenes:
            old = self._scenes.pop()
            self._guard(old, old.leave)
        self._scenes.append(scene)
        self._enter(scene)

    def swap(self, old: Scene, new: Scene) -> bool:
        """Put `new` where `old` is, wherever it is in the stack (`old` leaves, `new` enters, the scenes above stay);
        False when `old` is not on the stack."""
        for i, s in enumerate(self._scenes):
            if s is old:
                self._guard(old, old.leave)
                new.on_result, old.on_result = old.on_result, None
                self._scenes[i] = new
                self._enter(new)
                return True
        return False

    def reset(self, *scenes: Scene) -> None:
        """Clear the stack (every scene leaves, top first) and start over with these scenes."""
        while self._scenes:
            old = self._scenes.pop()
            self._guard(old, old.leave)
        for s in scenes:
            self._scenes.append(s)
            self._enter(s)
