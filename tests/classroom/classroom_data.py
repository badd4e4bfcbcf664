"""A known set of class and solo records for the classroom tests (the exact sums are asserted there)."""

from __future__ import annotations

from pathlib import Path

from game.session.store import Store

EVIL = "<script>alert(1)</script>"
EVIL_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"

TEAM = ["How about Team Comet?", "What about The Lab Rats?", "Not sure yet. What do you like?"]
PLAN = ["Thursday works. What time do we start?", "Cool, see you there!"]
PRIZE = [
    "Science Club meets Thursdays in Room 114.",
    "Bring a notebook and a snack to share.",
    "New members win a free tablet!",
    "Tap this link and enter your school password to claim it.",
]
WHAT_NOW = ["Show the message to Ms. Tran", "Ask Ravi if he got it too", "Report and block the sender",
            "Tap the link to see the prize"]


def write_known_records(folder: Path) -> None:
    """Two class sessions and five solo sessions with exactly known counts (see the tests for the sums)."""
    store = Store.open(folder)
    try:
        # Class session 1: the label is hostile on purpose; it must come out escaped everywhere.
        a = store.start_session("tutorial", mode="facilitator", class_label=EVIL)
        store.record_decision(a, node_id="team_name", kind="choice", options=TEAM, chosen=0, safer=0, points=2,
                              votes=[12, 5, 3])
        store.record_decision(a, node_id="plan", kind="choice", options=PLAN, chosen=1, safer=0, points=1,
                              votes=[4, 16])
        store.record_decision(a, node_id="prize", kind="spot", options=PRIZE, chosen=None, safer=None, points=3,
                              hits=2, misses=0, false_alarms=1, selected=[0, 2, 3])
        store.finish_session(a, ending_id="end_help", ending_tone="help_sought", score=10, best_score=14,
                             questions_reached=2)
        # Class session 2: a tie the teacher settled (chose B), not finished.
        b = store.start_session("tutorial", mode="facilitator", class_label="Period 3")
        store.record_decision(b, node_id="team_name", kind="choice", options=TEAM, chosen=1, safer=0, points=2,
                              votes=[7, 7, 6])
        # Solo play on the tutorial: four sessions, aggregated per node.
        s1 = store.start_session("tutorial", nickname="nick-robin-7731")
        store.record_decision(s1, node_id="team_name", kind="choice", options=TEAM, chosen=0, safer=0, points=2)
        store.record_decision(s1, node_id="prize", kind="spot", options=PRIZE, chosen=None, safer=None, points=2,
                              hits=1, misses=1, false_alarms=0, selected=[2])
        store.record_decision(s1, node_id="what_now", kind="choice", options=WHAT_NOW, chosen=3, safer=0, points=0)
        store.finish_session(s1, ending_id="end_help", ending_tone="help_sought", score=8, best_score=14,
                             questions_reached=3)
        s2 = store.start_session("tutorial", nickname="nick-sky-4410")
        store.record_decision(s2, node_id="team_name", kind="choice", options=TEAM, chosen=1, safer=0, points=2)
        store.record_decision(s2, node_id="prize", kind="spot", options=PRIZE, chosen=None, safer=None, points=2,
                              hits=2, misses=0, false_alarms=2, selected=[0, 1, 2, 3])
        store.record_decision(s2, node_id="what_now", kind="choice", options=WHAT_NOW, chosen=0, safer=0, points=4)
        store.finish_session(s2, ending_id="end_safe", ending_tone="safe", score=12, best_score=14,
                             questions_reached=1)
        # Conditional choices: the options offered differ, so they are matched by text.
        s3 = store.start_session("tutorial")
        store.record_decision(s3, node_id="team_name", kind="choice", options=TEAM, chosen=0, safer=0, points=2)
        store.record_decision(s3, node_id="thursday", kind="choice",
                              options=["Wait, what time do we start?", "Guess it starts at 4:30 and go then"],
                              chosen=1, safer=0, points=0)
        store.finish_session(s3, ending_id="end_missed", ending_tone="risky", score=5, best_score=14)
        s4 = store.start_session("tutorial")
        store.record_decision(s4, node_id="thursday", kind="choice", options=["See you at 3:30!"], chosen=0, safer=0,
                              points=1)
        # Solo play on another scenario.
        g = store.start_session("gaming", nickname="nick-zed-9025")
        store.record_decision(g, node_id="invite", kind="choice", options=["Yes", "No thanks"], chosen=1, safer=1,
                              points=3)
    finally:
        store.close()

NICKNAMES = ("nick-robin-7731", "nick-sky-4410", "nick-zed-9025")
