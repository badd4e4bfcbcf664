"""The one mapping from a play-through's current beat to the scene that shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...engine.beats import DebriefBeat, SummaryBeat

if TYPE_CHECKING:
    from ...session.play import PlaySession
    from ..host import SceneHost
    from ..scene import Scene


def scene_for_beat(app: SceneHost, session: PlaySession, *, class_summary: bool = True) -> Scene:
    """The scene for the session's current beat: the debrief (while leading a class, the class summary comes
    first unless `class_summary` is False), the summary, or the player for everything else."""
    beat = session.beat()
    if isinstance(beat, DebriefBeat):
        if class_summary and app.classroom is not None:  # the class sees its votes first, then the debrief
            from .class_summary import ClassSummaryScene

            return ClassSummaryScene(app, session)
        from .debrief import DebriefScene

        return DebriefScene(app, session)
    if isinstance(beat, SummaryBeat):
        from .summary import SummaryScene

        return SummaryScene(app, session)
    from .player import PlayerScene

    return PlayerScene(app, session)
