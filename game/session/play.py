"""One play-through: the scenario, the engine state, the beats, and the records written for each decision."""

from __future__ import annotations

import os
import secrets
import sys
from typing import Any, Callable, Mapping, Optional

from ..content.catalog import resolve_asset
from ..content.schema import Scenario, TagVocabulary
from ..engine import runner
from ..engine.beats import Beat, ChoiceBeat, SpotBeat, SummaryBeat
from ..engine.record import messages_of, thread
from ..engine.replay import Replayed, locate_flags
from ..engine.state import Phase, PlayState, Value
from . import log
from . import trace as T
from .catalog import CatalogItem
from .classroom import ClassDecision
from .device_store import VoteSplit, writer
from .progress import steps_to_end


def _safely(what: str, fn: Callable[[], Any]) -> Any:
    """Run a record write; a failure is logged, never shown as a crash."""
    try:
        return fn()
    except Exception:  # noqa: BLE001 - records must never stop a class
        log.exception("could not %s", what)
        return None


class PlaySession:
    """The player's way through one scenario (engine calls + records). Scenes read `beat()` only."""

    def __init__(self, item: CatalogItem, vocab: Optional[TagVocabulary], store: Any = None,
                 nickname: Optional[str] = None, start_at: Optional[str] = None,
                 preset: Optional[Mapping[str, Value]] = None, mode: str = "solo",
                 class_label: Optional[str] = None, trace: Optional[T.Trace] = None,
                 seed: Optional[int] = None, shuffle: bool = True) -> None:
        scn = item.scenario
        if scn is None:
            raise ValueError(f"scenario '{item.id}' has errors and cannot be played")
        self.item = item
        self.scn: Scenario = scn
        self.vocab = vocab
        self.store = store
        self.nickname = nickname
        self.best_score = item.best_score
        self.seed: Optional[int] = (secrets.randbelow(2**31) if seed is None else seed) if shuffle else None
        """Orders the options of every screen of this play-through (the same seed, the same order); None when the
        options are shown in the order written (`shuffle=False`)."""
        self.state: PlayState = runner.start(scn, start_at, preset, seed=self.seed)
        self.finished = False
        self._beat: Optional[Beat] = None
        self.session_id: Optional[int] = None
        self.mode = mode
        self.log: list[ClassDecision] = []
        """Every confirmed decision of this play-through, in order (the class summary shows them)."""
        self.questions_reached = 0
        """How many debrief discussion questions were shown (the debrief sets it)."""
        self.trace = trace
        """Where the trace of this play goes (`--trace FILE`, tests), or None."""
        self._replay: Optional[tuple[list[Replayed], list[int], list[int]]] = None
        self._traced = 0
        self._trace_visits()
        if store is not None:
            self.session_id = _safely("start a session", lambda: store.start_session(
                scn.id, mode=mode, class_label=class_label, nickname=nickname))
        self._dist = steps_to_end(self.scn)

    # ------------------------------------------------------------- reading
    def beat(self) -> Beat:
        """The current beat (cached until the state changes)."""
        if self._beat is None:
            self._beat = runner.current_beat(self.scn, self.state, best_score=self.best_score, vocab=self.vocab)
        return self._beat

    def help_ids(self) -> list[str]:
        """The help resource ids the scenario's debrief names (the Help screen lists them)."""
        return list(self.scn.debrief.resources) if self.scn.debrief else []

    def replay(self) -> tuple[list[Replayed], list[int], list[int]]:
        """What the debrief replay shows: the nodes (as each first visit showed them), the red flags seen (in the
        order they appeared) and those not seen. Read from the record of the play, never re-evaluated."""
        if self._replay is None:
            self._replay = locate_flags(self.scn, self.state.shown)
        return self._replay

    def _set(self, st: PlayState) -> None:
        self.state = st
        self._beat = None
        self._replay = None
        self._trace_visits()
        if st.phase is Phase.DEBRIEF and self.trace is not None:
            nodes, seen, _unseen = self.replay()
            if self.scn.debrief is not None and seen:  # the replay page is shown only when a red flag was seen
                for r in nodes:
                    self.trace.emit(T.replay_event(r.node_id, r.messages))

    def _trace_visits(self) -> None:
        """A node event for each visit not traced yet."""
        if self.trace is None:
            return
        shown = self.state.shown
        for k in range(self._traced, len(shown)):
            node = self.scn.nodes.get(shown[k].node)
            if node is not None:
                self.trace.emit(T.node_event(self.scn, node, shown[k], messages_of(self.scn, shown[k]),
                                             thread(self.scn, shown, k)))
        self._traced = len(shown)

    def set_state(self, st: PlayState) -> None:
        """Play on from another state of the same scenario (author jump); nothing is recorded."""
        self._set(st)

    def reload(self, item: CatalogItem, st: PlayState) -> None:
        """Play on with a re-checked version of the same file (author reload), from state `st`."""
        if item.scenario is None:
            raise ValueError(f"scenario '{item.id}' has errors and cannot be played")
        self.item, self.scn, self.best_score = item, item.scenario, item.best_score
        self._set(st)
        self._dist = steps_to_end(self.scn)

    def asset(self, rel: Optional[str]) -> Optional[str]:
        """A pack-confined asset path, or None (a placeholder is drawn and a warning logged)."""
        if not rel:
            return None
        path, code = resolve_asset(self.item.pack, self.item.path.parent, rel)
        if path is None:
            log.warning("%s: image '%s' not shown (%s); a placeholder is drawn", self.item.path, rel, code)
            return None
        return str(path)

    def progress(self) -> tuple[int, int]:
        """(screens seen, estimated total) for the progress dots."""
        seen = len(self.state.visited)
        left = self._dist.get(self.state.node, 0)
        return seen, seen + left

    # ------------------------------------------------------------- acting
    def choose(self, index: int, votes: Optional[list[int]] = None, how: str = "majority",
               split: Optional[VoteSplit] = None) -> None:
        """Take the choice with this node index; one decision record is written.

        With `votes` (a class vote: one count per visible option, in the order shown) the record holds the options
        offered, the counts, and the chosen and safer options as positions among them, all in file order (so reports
        never mix options up, however each play shuffled them); `how` says how the class decided. `split` says which
        of the votes came from hands and which from students' devices (with each device's anonymous answer).
        """
        beat = self.beat()
        if not isinstance(beat, ChoiceBeat):
            raise runner.EngineError("there is no choice here")
        node_id = self.state.node
        visit = self.state.visit
        self._set(runner.choose(self.scn, self.state, index))
        step = self.state.steps[-1]
        if self.trace is not None and visit is not None:
            if votes is not None:
                self.trace.emit(T.vote_event(node_id, list(votes), index,
                                             devices=sum(split.devices) if split is not None else 0))
            self.trace.emit(T.choice_event(beat.node, visit, index, step.verdict))
        offered = [o.choice.text for o in beat.options]
        pos = next((i for i, o in enumerate(beat.options) if o.index == index), None)
        safer_pos = max(range(len(beat.options)), key=lambda i: beat.options[i].choice.points) if beat.options \
            else None
        top = max((o.choice.points for o in beat.options), default=0)
        self.log.append(ClassDecision(node_id, "choice", beat.prompt or "", offered, list(votes) if votes else None,
                                      pos, safer_pos, how, step.points,
                                      safest=[i for i, o in enumerate(beat.options) if o.choice.points == top]))
        if self.store is not None and self.session_id is not None:
            if votes is not None:
                in_file = sorted(range(len(beat.options)), key=lambda k: beat.options[k].index)
                texts = [beat.options[k].choice.text for k in in_file]
                counts = [int(votes[k]) if k < len(votes) else 0 for k in in_file]
                chosen = next((j for j, k in enumerate(in_file) if beat.options[k].index == index), None)
                safer = max(range(len(in_file)), key=lambda j: beat.options[in_file[j]].choice.points) if in_file \
                    else None
                _safely("record a class vote", lambda: self._announce(self.store.record_decision(
                    self.session_id, node_id=node_id, kind="choice", options=texts, chosen=chosen, safer=safer,
                    points=step.points, votes=counts,
                    after=writer(split.reordered(in_file)) if split is not None else None)))
                return
            choices = beat.node.choices or []
            best = max(beat.options, key=lambda o: o.choice.points).index if beat.options else None
            _safely("record a decision", lambda: self._announce(self.store.record_decision(
                self.session_id, node_id=node_id, kind="choice", options=[c.text for c in choices],
                chosen=index, safer=best, points=step.points)))

    def submit_spot(self, selected: list[int]) -> None:
        """Submit the marked parts; one decision record is written."""
        beat = self.beat()
        if not isinstance(beat, SpotBeat):
            raise runner.EngineError("there is no spot task here")
        node_id = self.state.node
        visit = self.state.visit
        before = (self.state.hits, self.state.misses, self.state.false_alarms)
        self._set(runner.submit_spot(self.scn, self.state, selected))
        st = self.state
        if self.trace is not None and visit is not None:
            self.trace.emit(T.spot_event(beat.node, visit, st.steps[-1].selected, st.steps[-1].points,
                                         runner.current_beat(self.scn, st)))
        self.log.append(ClassDecision(
            node_id, "spot", beat.spot.prompt, [p.text for p in beat.spot.parts], points=st.steps[-1].points,
            hits=st.hits - before[0], misses=st.misses - before[1], false_alarms=st.false_alarms - before[2],
            selected=sorted(set(selected)), flags=[bool(p.flag) for p in beat.spot.parts]))
        if self.store is not None and self.session_id is not None:
            _safely("record a spot answer", lambda: self._announce(self.store.record_decision(
                self.session_id, node_id=node_id, kind="spot", options=[p.text for p in beat.spot.parts],
                chosen=None, safer=None, points=st.steps[-1].points, hits=st.hits - before[0],
                misses=st.misses - before[1], false_alarms=st.false_alarms - before[2],
                selected=sorted(set(selected)))))

    def forget(self) -> None:
        """All data was just cleared: record nothing more of this play-through (no decisions, no progress)."""
        self.session_id = None
        self.nickname = None

    @staticmethod
    def _announce(decision_id: object) -> None:
        """Test hook: with RFR_PRINT_RECORDS=1 in the environment, print each decision id once it is on disk."""
        if os.environ.get("RFR_PRINT_RECORDS") == "1":
            print(f"recorded decision {decision_id}", file=sys.stdout, flush=True)

    def advance(self) -> None:
        """Next on a message, feedback, ending or debrief beat."""
        self._set(runner.advance(self.scn, self.state))
        if isinstance(self.beat(), SummaryBeat):
            self._finish()

    def _finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        beat = self.beat()
        assert isinstance(beat, SummaryBeat)
        node = self.scn.nodes.get(self.state.node)
        tone = node.ending.tone.value if node is not None and node.ending is not None else ""
        if self.trace is not None:
            self.trace.emit(T.end_event(self.state.node, tone, beat.score, beat.best_score, beat.stars))
        if self.store is None:
            return
        if self.session_id is not None:
            _safely("finish the session", lambda: self.store.finish_session(
                self.session_id, ending_id=self.state.node, ending_tone=tone, score=beat.score,
                best_score=beat.best_score, questions_reached=self.questions_reached))
        if self.nickname:
            _safely("save progress", lambda: self.store.save_progress(
                self.nickname, self.scn.id, score=beat.score, stars=beat.stars, badges=[b.id for b in beat.badges]))
