"""One student device's whole play-through of one story, server-side: the content note, every beat, the debrief
pages and the summary, as JSON views the device's page draws, and the device's actions, checked as hostile input.

Actions (JSON objects from the device; every one may carry `"step": N`, the `step` of the view it answers, and is
refused when the view has moved on, so a double tap never acts twice):

- `{"do": "note", "go": true|false}`: the content note: play the story, or opt out (the device has then left).
- `{"do": "choose", "option": N}`: take the option whose `index` the view sent (a choice beat).
- `{"do": "spot", "marks": [i, ...]}`: submit the parts marked, by the `id`s the view sent; `[]` is "Nothing
  looks wrong".
- `{"do": "next"}`: go on (messages, feedback, spot result, ending, each debrief page; on the replay page: the
  next red flag first).
- `{"do": "back"}`: the debrief's previous red flag or page.
- `{"do": "help", "open": true|false}`: show or close the help lines (from any page, as H does).
- `{"do": "leave"}`: stop playing this story.

Views always have `kind` (note, node, feedback, spot_result, ending, debrief, summary, help, left) and `step`.
"""

from __future__ import annotations

from typing import Any, Optional

from ..content.catalog import load_shared
from ..content.schema import Scenario, TagVocabulary, Tone
from ..engine.beats import (
    ChoiceBeat,
    DebriefBeat,
    EndingBeat,
    FeedbackBeat,
    MessageBeat,
    NodeBeat,
    SpotBeat,
    SpotResultBeat,
    SummaryBeat,
)
from ..engine.record import FEED_KINDS, history, messages_of
from ..engine.state import Phase
from . import device_view as V
from . import log
from . import words as W
from .catalog import CatalogItem, Library
from .lang import _, current_language, ngettext
from .play import PlaySession
from .progress import ProgressDots
from .trace import Trace

Json = dict[str, Any]

ACTIONS: dict[str, frozenset[str]] = {
    "note": frozenset({"go"}), "choose": frozenset({"option"}), "spot": frozenset({"marks"}),
    "next": frozenset(), "back": frozenset(), "help": frozenset({"open"}), "leave": frozenset(),
}
"""Each action and the fields it must have (besides `do` and an optional `step`)."""


class ActionError(ValueError):
    """A device's action that does not fit what it is on; str(e) is short and safe to show."""


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class DevicePlay:
    """One device's whole play-through of one story, server-side: content note, beats, debrief, summary."""

    def __init__(self, item: CatalogItem, vocab: Optional[TagVocabulary], *, seed: int,
                 store: Any = None, trace: Optional[Trace] = None, mode: str = "solo",
                 class_label: Optional[str] = None) -> None:
        if item.scenario is None:
            raise ValueError(f"scenario '{item.id}' has errors and cannot be played")
        self.item = item
        self.scn: Scenario = item.scenario
        self.vocab = vocab
        self.seed = seed
        self._store, self._trace, self._mode, self._class_label = store, trace, mode, class_label
        self._session = PlaySession(item, vocab, None, seed=seed)
        """Until the content note is accepted: a play that records and traces nothing (aggregates read zeros)."""
        self._started = False
        self._left = False
        self._help = False
        self._step = 0
        self._visits = -1
        self._toggles: dict[str, bool] = {}
        self._changed: Optional[str] = None
        self._dots = ProgressDots(self.scn, self.scn.start)
        self._pages: list[tuple[str, int]] = []
        self._page = 0
        self._flag = 0

    # ------------------------------------------------------------- reading
    @property
    def finished(self) -> bool:
        """Reached the summary."""
        return self._started and self._session.finished

    @property
    def left(self) -> bool:
        """Opted out at the content note or left ("do": "leave")."""
        return self._left

    @property
    def started(self) -> bool:
        """The content note was accepted (the play is recorded and traced from then on)."""
        return self._started

    @property
    def outcome(self) -> Optional[tuple[str, str, int]]:
        """(ending id, tone, score) once an ending is reached."""
        st = self._session.state
        node = self.scn.nodes.get(st.node)
        if not self._started or st.phase not in (Phase.ENDING, Phase.DEBRIEF, Phase.SUMMARY) or node is None \
                or node.ending is None:
            return None
        return st.node, node.ending.tone.value, st.score

    @property
    def session(self) -> PlaySession:
        """The play-through (for aggregates: misses, riskier choices, and records)."""
        return self._session

    @property
    def step(self) -> int:
        """Counts every change of view; actions may name the step they answer."""
        return self._step

    # ------------------------------------------------------------- acting
    def act(self, action: object) -> None:
        """Check a device's action (hostile input), then apply it, or raise ActionError (state unchanged)."""
        if not isinstance(action, dict) or not isinstance(action.get("do"), str) or action["do"] not in ACTIONS:
            raise ActionError("unknown action")
        do = action["do"]
        keys = set(action) - {"do", "step"}
        if keys != ACTIONS[do]:
            raise ActionError("bad action")
        if "step" in action and (not _int(action["step"]) or action["step"] != self._step):
            raise ActionError("that screen has moved on")
        if self._left and do != "help":  # the help lines stay open to a device that left
            raise ActionError("you have left this story")
        if do == "leave":
            self._left = True
            self._help = False
        elif do == "help":
            if not isinstance(action["open"], bool):
                raise ActionError("bad action")
            if action["open"] == self._help:
                raise ActionError("the help page is already open" if self._help else "the help page is not open")
            self._help = action["open"]
        elif self._help:
            raise ActionError("close the help page first")
        elif not self._started:
            self._note(do, action)
        else:
            self._play(do, action)
        self._step += 1

    def _note(self, do: str, action: dict[str, Any]) -> None:
        if do != "note" or not isinstance(action["go"], bool):
            raise ActionError("the content note is open: start or choose not to play")
        if not action["go"]:
            self._left = True
            return
        self._session = PlaySession(self.item, self.vocab, self._store, None, mode=self._mode,
                                    class_label=self._class_label, trace=self._trace, seed=self.seed)
        self._started = True
        self._on_state()

    def _play(self, do: str, action: dict[str, Any]) -> None:
        s = self._session
        beat = s.beat()
        if do == "choose":
            if not isinstance(beat, ChoiceBeat):
                raise ActionError("there is no choice here")
            opt = next((o for o in beat.options if _int(action["option"]) and o.index == action["option"]), None)
            if opt is None:
                raise ActionError("that option is not here")
            if opt.choice.toggle and opt.choice.toggle in self._toggles:  # a settings switch flips, as on screen
                self._toggles[opt.choice.toggle] = not self._toggles[opt.choice.toggle]
                self._changed = opt.choice.toggle
            s.choose(opt.index)
        elif do == "spot":
            marks = action["marks"]
            if not isinstance(beat, SpotBeat):
                raise ActionError("there is nothing to mark here")
            if not isinstance(marks, list) or len(marks) > len(beat.spot.parts) \
                    or not all(_int(i) and i in beat.order for i in marks) or len(set(marks)) != len(marks):
                raise ActionError("those marks do not fit this message")
            s.submit_spot(sorted(marks))
        elif do == "next":
            if isinstance(beat, DebriefBeat):
                self._debrief_next()
                return
            if not isinstance(beat, (MessageBeat, FeedbackBeat, SpotResultBeat, EndingBeat)):
                raise ActionError("choose an option first" if isinstance(beat, ChoiceBeat) else
                                  "mark the parts, or choose Nothing looks wrong" if isinstance(beat, SpotBeat)
                                  else "the story is over")
            s.advance()
        elif do == "back":
            if not isinstance(beat, DebriefBeat):
                raise ActionError("there is no going back here")
            self._debrief_back()
            return
        else:
            raise ActionError("the story has already started")
        self._on_state()

    def _on_state(self) -> None:
        """After the engine moved: a new visit resets its switches; the debrief gets its pages."""
        st = self._session.state
        if len(st.shown) != self._visits:
            self._visits = len(st.shown)
            node = self.scn.nodes.get(st.node)
            self._toggles = {t.id: t.enabled for t in (node.card.toggles if node and node.card else [])}
            self._changed = None
        if st.phase is Phase.DEBRIEF and not self._pages:
            _nodes, seen, unseen = self._session.replay()
            d = self.scn.debrief
            if d is not None:
                self._pages = ([("replay", 0)] if seen else []) + ([("others", 0)] if unseen else []) + \
                    [("question", i) for i in range(len(d.questions))] + [("friend", 0), ("resources", 0)]
            self._page = self._flag = 0
            if not self._pages:  # nothing to discuss: straight on to the summary, as the desktop does
                self._session.advance()
            else:
                self._reached()

    # ------------------------------------------------------------- the debrief pages
    def _debrief_next(self) -> None:
        kind = self._pages[self._page][0]
        if kind == "replay" and self._flag < len(self._session.replay()[1]) - 1:
            self._flag += 1
        elif self._page < len(self._pages) - 1:
            self._page += 1
            self._flag = 0
            self._reached()
        else:
            self._session.advance()

    def _debrief_back(self) -> None:
        kind = self._pages[self._page][0]
        if kind == "replay" and self._flag > 0:
            self._flag -= 1
        elif self._page > 0:
            self._page -= 1
            if self._pages[self._page][0] == "replay":
                self._flag = max(0, len(self._session.replay()[1]) - 1)
        else:
            raise ActionError("this is the first page")

    def _reached(self) -> None:
        """Record how many discussion questions were shown (class reports), as the desktop debrief does."""
        kind, idx = self._pages[self._page]
        s = self._session
        if kind != "question" or idx + 1 <= s.questions_reached:
            return
        s.questions_reached = idx + 1
        if s.store is not None and s.session_id is not None:
            try:
                s.store.set_questions_reached(s.session_id, idx + 1)
            except Exception:  # noqa: BLE001 - records never stop a class
                log.exception("could not record the questions reached")

    # ------------------------------------------------------------- views
    def view(self) -> Json:
        """Everything the page draws now (JSON-safe); always has "kind" and "step"."""
        base: Json = {"step": self._step, "story": {"id": self.scn.id, "title": self.scn.title}}
        if self._help:
            return {**base, **self._help_view()}
        if self._left:
            return {**base, "kind": "left", "finished": self.finished,
                    "text": _("That is always OK. If something in it worried you, talk to an adult you trust, or "
                              "open Get help.")}
        if not self._started:
            return {**base, **self._note_view()}
        s = self._session
        beat = s.beat()
        seen, total = s.progress()
        filled = self._dots.update(seen, total, isinstance(beat, (EndingBeat, DebriefBeat, SummaryBeat)))
        base.update(score=s.state.score, progress={"filled": filled, "dots": self._dots.count})
        if isinstance(beat, NodeBeat):
            return {**base, **self._node_view(beat)}
        if isinstance(beat, FeedbackBeat):
            return {**base, **self._feedback_view(beat)}
        if isinstance(beat, SpotResultBeat):
            return {**base, **self._spot_result_view(beat)}
        if isinstance(beat, EndingBeat):
            return {**base, **self._ending_view(beat)}
        if isinstance(beat, DebriefBeat):
            return {**base, **self._debrief_view()}
        assert isinstance(beat, SummaryBeat)
        return {**base, **self._summary_view(beat)}

    def _note_view(self) -> Json:
        scn = self.scn
        tag = self.vocab.get(scn.theme) if self.vocab is not None else None
        return {"kind": "note", "title": scn.title, "summary": scn.summary, "theme": tag.label if tag else scn.theme,
                "minutes": _("About {n} minutes").format(n=scn.minutes),
                "age": _("Ages 12-14") if scn.age_tier.value == "core" else _("Ages 15-18"),
                "note": scn.content_note,
                "stop": _("You can stop at any time: Quick exit hides the story at once, and H shows people who "
                          "can help.")}

    def _screen(self, spot: Any = None, *, with_new: bool = True) -> Optional[Json]:
        """The current visit's screen as the player sees it: the conversation's history and this visit's messages
        (a feed lists the new posts first), the card with its switches, the spot task's message as `spot`."""
        st = self._session.state
        k = len(st.shown) - 1
        node = self.scn.nodes.get(st.node)
        if node is None or k < 0:
            return None
        new = messages_of(self.scn, st.shown[k]) if with_new else ()
        past = history(self.scn, st.shown, k)
        msgs = new + past if node.screen in FEED_KINDS else past + new
        return V.screen(self.scn, node, msgs, earlier=len(past), toggles=self._toggles, changed=self._changed,
                        spot=spot)

    def _node_view(self, beat: NodeBeat) -> Json:
        out: Json = {"kind": "node", "node": beat.node_id}
        if isinstance(beat, SpotBeat):
            place = {i: k + 1 for k, i in enumerate(beat.order)}
            spans = V.spans(beat.spot.text, [({"part": i, "n": place[i]}, beat.spot.parts[i].text)
                                             for i in beat.order])
            out["beat"] = "spot"
            out["spot"] = {"prompt": beat.spot.prompt, "who": V.person(self.scn, beat.spot.speaker),
                           "hint": _("Not everything is a red flag. Mark only what worries you."),
                           "parts": [{"id": i, "n": place[i], "text": beat.spot.parts[i].text} for i in beat.order]}
            out["screen"] = self._screen(spans)
        elif isinstance(beat, ChoiceBeat):
            out["beat"] = "choice"
            out["choice"] = {"prompt": beat.prompt or _("What do you do?"),
                             "options": [{"index": o.index, "n": k + 1, "letter": chr(65 + k) if k < 26 else "",
                                          "text": o.choice.text} for k, o in enumerate(beat.options)]}
            out["screen"] = self._screen()
        else:
            out["beat"] = "message"
            out["screen"] = self._screen()
        return out

    def _feedback_view(self, beat: FeedbackBeat) -> Json:
        icon, role, mark = W.verdict_mark(beat.verdict)
        c = beat.choice
        out: Json = {"kind": "feedback", "node": beat.node_id, "verdict": beat.verdict, "icon": icon, "role": role,
                     "headline": c.headline or mark, "chose": _("You chose: {text}").format(text=c.text),
                     "feedback": c.feedback or "",
                     "chips": V.chips(self.vocab, c.tags), "points": W.points_text(beat.points),
                     "screen": self._screen()}
        if not beat.is_best and beat.best_points > beat.points:
            out["safer"] = _("Another choice here was even safer. The debrief shows why.")
        return out

    def _spot_result_view(self, beat: SpotResultBeat) -> Json:
        hits = sum(1 for r in beat.results if r.outcome == "hit")
        flags = sum(1 for r in beat.results if r.part.flag)
        found = _("You found {hits} of {flags} red flags").format(hits=hits, flags=flags) if flags else _(
            "Nothing here was a red flag")
        spans = V.spans(beat.spot.text, [({"part": r.index, "outcome": r.outcome}, r.part.text)
                                         for r in beat.results])
        before = self._session.state.score - beat.points
        return {"kind": "spot_result", "node": beat.node_id, "found": found, "screen": self._screen(spans),
                "results": [{"id": r.index, "outcome": r.outcome, "label": W.outcome_label(r.outcome),
                             "flag": bool(r.part.flag), "points": W.points_text(r.points), "text": r.part.text,
                             "explain": r.part.explain,
                             "chips": V.chips(self.vocab, r.part.tags) if r.part.flag else []}
                            for r in beat.results],
                "total": _("{points} in all: score {before} \u2192 {after}").format(
                    points=W.points_text(beat.points), before=before, after=before + beat.points)}

    def _ending_view(self, beat: EndingBeat) -> Json:
        e = beat.ending
        title, line = W.headline(e.tone)
        screen = self._screen() if (beat.messages or beat.thread or beat.node.card is not None) else None
        return {"kind": "ending", "node": beat.node_id, "tone": e.tone.value, "title": e.title, "text": e.text,
                "still_helps": W.still_helps(e), "risky": e.tone == Tone.RISKY, "headline": title, "line": line,
                "screen": screen}

    def _debrief_view(self) -> Json:
        kind, idx = self._pages[self._page]
        d = self.scn.debrief
        assert d is not None
        last = self._page == len(self._pages) - 1
        out: Json = {"kind": "debrief", "title": _("Debrief: {title}").format(title=self.scn.title),
                     "page": {"kind": kind, "n": self._page + 1, "total": len(self._pages)},
                     "next": _("See my results") if last else _("Next"), "back": self._page > 0}
        nodes, seen, unseen = self._session.replay()
        if kind == "replay":
            number = {i: n + 1 for n, i in enumerate(seen)}
            screens = []
            where: dict[int, int] = {}
            for k, r in enumerate(nodes):
                here = [({"flag": number[i], "current": i == seen[self._flag],
                          "tactic": self._flag_json(d.red_flags[i])["tactic"]}, d.red_flags[i].quote)
                        for i in seen if d.red_flags[i].at == r.node_id]
                for i in seen:
                    if d.red_flags[i].at == r.node_id:
                        where.setdefault(i, k)
                cap = f"{k + 1}. {W.kind_label(r.node.screen.value)}" + (f" \u00b7 {r.node.app}" if r.node.app else "")
                screens.append({"caption": cap, "screen": V.screen(self.scn, r.node, r.messages, quotes=here)})
            out["replay"] = {"screens": screens, "current": self._flag,
                             "flags": [{**self._flag_json(d.red_flags[i]), "n": n + 1, "screen": where.get(i)}
                                       for n, i in enumerate(seen)]}
            out["next"] = _("Next red flag") if self._flag < len(seen) - 1 else _("Continue")
            out["back"] = self._flag > 0 or self._page > 0
        elif kind == "others":
            out["heading"] = _("Other red flags in this story") if seen else _("The red flags in this story")
            if seen:
                out["text"] = _("These were on screens your path did not show.")
            out["flags"] = [self._flag_json(d.red_flags[i]) for i in unseen]
        elif kind == "question":
            out["heading"] = _("Question {n} of {total}").format(n=idx + 1, total=len(d.questions))
            out["question"] = d.questions[idx]
            out["text"] = _("Talk it over before you go on.")
        elif kind == "friend":
            out["heading"] = _("If this happens to a friend")
            out["text"] = d.help_a_friend
        else:
            out["heading"] = _("Who can help")
            out.update(self._lines(list(d.resources), limit=4))
        return out

    def _flag_json(self, rf: Any) -> Json:
        tactic = next((t.label for t in (self.vocab.get(x) if self.vocab else None for x in rf.tags)
                       if t is not None and t.on_screen), rf.label)
        return {"label": rf.label, "tactic": tactic, "quote": rf.quote, "explain": rf.explain,
                "chips": V.chips(self.vocab, rf.tags, tactic_word=True)}

    def _lines(self, ids: list[str], limit: Optional[int] = None) -> Json:
        """The verified help lines (the story's own first, then its theme's) and the pack's own, apart."""
        lib = Library(lang=current_language())  # the room's language: in Spanish, the lines confirmed in Spanish
        res = lib.resources(self.scn.theme, ids, self.item.pack)
        name, extra = lib.pack_resources(self.item.pack)
        out: Json = {"resources": [V.resource(r) for r in (res[:limit] if limit else res)]}
        if extra:
            out["pack"] = {"heading": _("From this pack: {name}").format(name=name),
                           "note": _("These were added by the people who made this story pack. They are not "
                                     "checked by Red Flag Radar. Ask your teacher before you use one."),
                           "resources": [V.resource(r) for r in extra]}
        return out

    def _help_view(self) -> Json:
        out: Json = {"kind": "help", "heading": _("You are not alone"),
                     "text": _("If something online worries you, tell an adult you trust, like a parent, a teacher or "
                               "a school counselor. These services are free and they will listen:")}
        out.update(self._lines(self._session.help_ids()))
        if not out["resources"]:
            out["empty"] = _("No help lines are listed here yet. Please ask your teacher.")
        return out

    def _summary_view(self, beat: SummaryBeat) -> Json:
        title, line = W.headline(beat.tone)
        c = beat.credit
        return {"kind": "summary", "title": _("Your results: {title}").format(title=self.scn.title),
                "headline": title, "line": line,
                "tone": beat.tone.value if beat.tone else None, "stars": beat.stars,
                "stars_label": ngettext("{n} of 3 stars", "{n} of 3 stars", beat.stars).format(n=beat.stars),
                "why": (W.why_line(c.choices, c.best_choices, c.parts, c.parts_right) + " "
                        + _("Score: {score} of {best}.").format(score=beat.score, best=beat.best_score)).strip(),
                "score": beat.score, "best": beat.best_score, "warm": W.warm_line(beat.hits),
                "counts": [{"n": beat.hits, "label": _("Red flags spotted"), "kind": "flag"},
                           {"n": beat.misses, "label": _("Red flags missed"), "kind": "missed"},
                           {"n": beat.false_alarms, "label": _("Safe parts marked as red flags"), "kind": "safe"}],
                "badges": [{"label": b.label, "why": b.why, "shape": b.shape} for b in beat.badges],
                "badges_none": _(
                    "No badges this time. Each story has more to find: try another path or another story."),
                "kept": _("No names are kept: your teacher's laptop keeps your answers with no name on them.")}


def load_vocab(item: CatalogItem) -> Optional[TagVocabulary]:
    """The tags and badges of an item's pack (the shipped ones as fallback), as the desktop passes them, in the
    language in use (tags.<lang>.yaml where there is one)."""
    return load_shared(item.pack, current_language()).tags
