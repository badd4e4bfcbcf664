"""`python main.py guide`: one printable, self-contained HTML facilitator guide built from the scenario files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

from ..content.catalog import Shared, load_shared, pack_root, scenarios_dir
from ..content.radar import ITEMS_PER_FORM, Form
from ..content.schema import Resource, Scenario
from ..session.atomic import atomic_write_text
from ..session.catalog import is_tutorial, load_pack
from ..session.radar import radar_folder
from ..usage import UsageError
from .doc_i18n import D_, N_, documents_in
from .html import render
from .storymap import StoryMap, story_map

AGE_TIERS = {"core": N_("Core: ages 12–14"), "extended": N_("Extended: ages 15–18")}
CONTACT_WORDS = {"call": N_("Call"), "text": N_("Text"), "chat": N_("Chat"), "web": N_("Web"), "email": N_("Email"),
                 "tty": N_("TTY"), "app": N_("In the app")}
LESSON_MINUTES = 45


@dataclass(frozen=True)
class Step:
    """One step of the suggested lesson plan."""

    minutes: int
    title: str
    detail: str


@dataclass(frozen=True)
class Pause:
    """A node with a class discussion prompt or a teacher note."""

    node_id: str
    discussion: Optional[str]
    teacher_note: Optional[str]


@dataclass
class ScenarioGuide:
    """Everything the guide prints for one scenario."""

    scenario: Scenario
    tutorial: bool
    theme_label: str
    age: str
    map: StoryMap
    tactics: list[tuple[str, str]]
    pauses: list[Pause]
    resources: list[Resource]
    theme_resources: list[Resource]
    plan: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class RadarGuide:
    """What the guide's radar check page says about the item set."""

    items: int = ITEMS_PER_FORM
    refresh_items: int = 0


def radar_guide(folder: Path) -> RadarGuide:
    """The size of a form and of the refresh set in a radar folder (the defaults when it has none)."""
    from ..content.radar_check import load_radar_set

    rs = load_radar_set(folder)
    return RadarGuide(len(rs.form(Form.A)) or ITEMS_PER_FORM, len(rs.form(Form.REFRESH)))


@dataclass
class Guide:
    """The whole guide."""

    made_on: str
    scenarios: list[ScenarioGuide]
    verified: list[Resource]
    to_verify: list[Resource]
    contact_words: dict[str, str]
    pack_name: str = ""
    pack_lines: list[Resource] = field(default_factory=list)
    """Help lines the pack adds (never verified; printed in their own section)."""
    radar: RadarGuide = field(default_factory=RadarGuide)
    """The radar check page's item counts."""


def lesson_plan(scn: Scenario, resources: list[Resource]) -> list[Step]:
    """A 45-minute lesson around one scenario: rules, content note, play with votes, debrief, help lines."""
    pauses = [nid for nid, n in scn.nodes.items() if n.discussion]
    names = ", ".join(r.name for r in resources) or D_("the help card at the end of this guide")
    plan = [
        Step(5, D_("Ground rules"),
             D_("Agree the ground rules: talk about the characters, no names or personal stories, anyone may pass. "
                "Say what you must report under school policy. Show Get help (H) and Quick exit (F12).")),
        Step(5, D_("Practice round and content note"),
             D_("If the class is new to the game, play the practice round. Read the content note aloud: "
                "\u201c{note}\u201d Anyone may sit out and do the alternative activity, no reason needed.")
             .format(note=scn.content_note)),
        Step(20, D_("Play together with votes"),
             D_("Play \u201c{title}\u201d (about {minutes} minutes of reading; the rest is voting and talk). "
                "At each choice the class votes by show of hands and the vote steers the story.")
             .format(title=scn.title, minutes=scn.minutes)
             + (" " + D_("Pause for discussion at: {nodes}.").format(nodes=", ".join(pauses)) if pauses else "")),
        Step(12, D_("Debrief discussion"),
             D_("Go through the red flags, then pick two or three discussion questions below. Use the timer (T). "
                "Close by saying plainly that the person causing harm is responsible.")),
        Step(3, D_("Help lines and close"),
             D_("Show the help card ({names}). Say how to reach the school counsellor privately, and point to the "
                "anonymous question box.").format(names=names)),
    ]
    return plan


def _theme_label(shared: Shared, theme: str) -> str:
    tag = shared.tags.get(theme) if shared.tags else None
    return tag.label if tag is not None else theme


def scenario_guide(scn: Scenario, shared: Shared) -> ScenarioGuide:
    """Collect one scenario's guide page."""
    res = shared.resources
    debrief = scn.debrief
    listed = [res.get(rid) for rid in (debrief.resources if debrief else [])] if res else []
    resources = [r for r in listed if r is not None and r.verified]
    theme_resources = [r for r in (res.resources if res else []) if r.verified and scn.theme in r.themes
                       and r not in resources]
    tactics: list[tuple[str, str]] = []
    for tag_id in debrief.tactics if debrief else []:
        tag = shared.tags.get(tag_id) if shared.tags else None
        tactics.append((tag.label, tag.explain) if tag is not None else (tag_id, ""))
    tutorial = is_tutorial(scn)
    return ScenarioGuide(
        scenario=scn, tutorial=tutorial, theme_label=_theme_label(shared, scn.theme),
        age=D_(AGE_TIERS.get(scn.age_tier.value, scn.age_tier.value)), map=story_map(scn), tactics=tactics,
        pauses=[Pause(nid, n.discussion, n.teacher_note) for nid, n in scn.nodes.items()
                if n.discussion or n.teacher_note],
        resources=resources, theme_resources=theme_resources,
        plan=[] if tutorial else lesson_plan(scn, resources),
    )


def build_guide(scenarios: list[Scenario], shared: Shared, today: Optional[date] = None,
                radar: Optional[RadarGuide] = None) -> Guide:
    """The guide for scenarios already in guide order."""
    all_res = shared.resources.resources if shared.resources else []
    return Guide(
        made_on=(today or date.today()).isoformat(),
        scenarios=[scenario_guide(s, shared) for s in scenarios],
        verified=[r for r in all_res if r.verified],
        to_verify=[r for r in all_res if not r.verified],
        contact_words={kind: D_(word) for kind, word in CONTACT_WORDS.items()},
        pack_name=shared.pack_name,
        pack_lines=list(shared.pack_resources),
        radar=radar or RadarGuide(),
    )


def render_guide(guide: Guide) -> str:
    """The guide as one self-contained HTML page."""
    return render("guide.html.j2", guide=guide)


def cmd_guide(ns: argparse.Namespace) -> int:
    """The `guide` command: exit 0 written, 1 when a scenario file has errors (the rest is still written)."""
    folder = Path(ns.pack) if ns.pack else scenarios_dir() / ns.lang
    if not folder.is_dir():
        raise UsageError(f"no such scenario folder: '{folder}'")
    pack = load_pack(folder)
    if not pack.scenarios and not pack.problems:
        raise UsageError(f"no scenario files found in '{folder}'")
    for d in pack.problems:
        print(d.format(), file=sys.stderr)
    lang = getattr(ns, "lang", None) or "en"
    radar = radar_guide(radar_folder(Path(ns.pack) if ns.pack else None, lang))
    with documents_in(lang):
        guide = build_guide(pack.scenarios, load_shared(pack_root(folder / "scenario.yaml"), lang), radar=radar)
        page = render_guide(guide)
    try:
        atomic_write_text(Path(ns.output), page)
    except OSError as exc:
        raise UsageError(f"cannot write '{ns.output}': {exc.strerror or exc}") from exc
    print(f"wrote {ns.output}: {len(guide.scenarios)} scenario(s)"
          + (f"; {len(pack.problems)} problem(s) in scenario files left out" if pack.problems else ""))
    return 1 if pack.problems else 0
