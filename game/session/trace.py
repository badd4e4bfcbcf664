"""The trace of a play: one JSON object per event (node, choice, spot, vote, replay, end), kept and/or written as
JSON Lines, flushed per line so a crash leaves a valid prefix. Authors use it as a regression tool."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

from .atomic import LineLog

if TYPE_CHECKING:  # the trace is opened before the window: it must not wait for the content model
    from ..content.schema import Message, Node, Scenario
    from ..engine.state import Shown

Record = dict[str, Any]


class Trace:
    """Collects trace records in `records` (tests read them) and, with a file, writes each one as it happens."""

    def __init__(self, log: Optional[LineLog] = None, keep: bool = True) -> None:
        self.records: list[Record] = []
        self._log = log
        self._keep = keep

    @classmethod
    def to_file(cls, path: Path) -> Trace:
        """A trace written to `path` (created or emptied now, so an unwritable path fails before play starts).
        Raises OSError."""
        return cls(LineLog(path), keep=False)

    def emit(self, record: Record) -> None:
        """Add one record; a file gets it as one line at once (a write that fails stops writing, never the game)."""
        if self._keep:
            self.records.append(record)
        if self._log is not None:
            try:
                self._log.write_line(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            except OSError:
                self._log = None

    def events(self, kind: str) -> list[Record]:
        """The kept records of one event kind."""
        return [r for r in self.records if r.get("event") == kind]

    def close(self) -> None:
        """Close the file, if any."""
        if self._log is not None:
            try:
                self._log.close()
            except OSError:
                pass
            self._log = None


def said(messages: Iterable[Message]) -> list[Record]:
    """Messages as trace objects: who (a character id, 'me' or 'system') and what."""
    return [{"from": m.speaker, "text": m.text} for m in messages]


def node_event(scn: Scenario, node: Node, visit: Shown, messages: tuple[Message, ...],
               thread: Optional[tuple[Message, ...]] = None) -> Record:
    """A screen as the player saw it: the messages new on it and every bubble or post it shows for its
    conversation (earlier screens of the same chat or feed and the player's sent replies, `from` "me")."""
    return {"event": "node", "scenario": scn.id, "node": visit.node, "screen": node.screen.value,
            "app": node.app, "with": node.with_, "messages": said(messages),
            "thread": said(messages if thread is None else thread)}


def choice_event(node: Node, visit: Shown, chosen: int, verdict: str = "none") -> Record:
    """The options as shown (file `index`, on-screen place `shown` from 1), which one was taken, and the mark the
    feedback card showed."""
    choices = node.choices or []
    return {"event": "choice", "node": visit.node,
            "options": [{"index": i, "shown": k + 1, "text": choices[i].text, "points": choices[i].points}
                        for k, i in enumerate(visit.options) if i < len(choices)],
            "chosen": chosen, "verdict": verdict}


def spot_event(node: Node, visit: Shown, marked: Iterable[int], points: int, result: object = None) -> Record:
    """The parts as shown (in the message's reading order), which the player marked (file indices), each part's
    outcome and points (from the spot result beat, when given) and the total change of score."""
    parts = node.spot.parts if node.spot is not None else []
    outcome = {r.index: r for r in getattr(result, "results", ())}
    out = []
    for k, i in enumerate(visit.parts):
        if i >= len(parts):
            continue
        part: Record = {"index": i, "shown": k + 1, "text": parts[i].text, "flag": bool(parts[i].flag)}
        if i in outcome:
            part.update(outcome=outcome[i].outcome, points=outcome[i].points)
        out.append(part)
    return {"event": "spot", "node": visit.node, "parts": out, "marked": sorted(set(marked)), "points": points}


def vote_event(node_id: str, counts: list[int], followed: int, devices: int = 0,
               hands: Optional[int] = None) -> Record:
    """A class vote: the counts per shown option (hands and devices together), how many came from hands and how
    many from students' devices, and the option (file index) the story followed."""
    total = sum(int(c) for c in counts)
    return {"event": "vote", "node": node_id, "counts": [int(c) for c in counts],
            "hands": total - int(devices) if hands is None else int(hands), "devices": int(devices),
            "followed": followed}


def replay_event(node_id: str, messages: tuple[Message, ...]) -> Record:
    """One node the debrief replay shows, with the messages it shows there."""
    return {"event": "replay", "node": node_id, "messages": said(messages)}


def end_event(ending: str, tone: str, score: int, best: int, stars: int) -> Record:
    """The end of a play-through."""
    return {"event": "end", "ending": ending, "tone": tone, "score": score, "best": best, "stars": stars}


def radar_event(item: str, form: str, flag: bool, answer: str, shown: int, confidence: Optional[int] = None,
                hands: Optional[tuple[int, int]] = None, devices: Optional[tuple[int, int]] = None) -> Record:
    """One radar check item answered: its id, form, truth (`flag`), the answer ('flag' or 'ok'; leading a class,
    the majority of the answers, with `hands` and `counted`: hands and devices added up, and of them
    `device_flags` of `devices` from students' devices), its place from 1, and how sure when given."""
    record: Record = {"event": "radar", "item": item, "form": form, "flag": bool(flag), "answer": answer,
                      "shown": shown}
    if confidence is not None:
        record["confidence"] = confidence
    if hands is not None:
        record["hands"], record["counted"] = int(hands[0]), int(hands[1])
    if devices is not None:
        record["device_flags"], record["devices"] = int(devices[0]), int(devices[1])
    return record


def radar_score_event(hits: int, false_alarms: int, correct_rejections: int, misses: int, d_prime: float,
                      c: float) -> Record:
    """The end of a radar check: the four counts, discernment d′ and criterion c (3 decimals)."""
    return {"event": "radar_score", "hits": hits, "false_alarms": false_alarms,
            "correct_rejections": correct_rejections, "misses": misses, "d_prime": round(d_prime, 3) + 0.0,
            "c": round(c, 3) + 0.0}  # + 0.0: never "-0.0"
