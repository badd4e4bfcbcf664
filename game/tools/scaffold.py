"""`python main.py new ID`: write a short scenario that validates, plays to every ending and explains itself."""

from __future__ import annotations

import re
from pathlib import Path

from ..content.storygraph import shorten
from .schema_export import schema_line

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")

TEMPLATE = """\
@SCHEMA@
#
# A new scenario made by `python main.py new @ID@`. It already validates and plays:
#   python main.py validate @PATH@ --strict
#   python main.py paths @PATH@
#   python main.py play --scenario @ID@
# Change the story and keep the shape. docs/authoring.md explains every field.

schema_version: 1        # the format version this file is written for: keep 1
# The unique id (lowercase letters, digits, '-', '_' or '.'); usually the file name.
id: @ID@
lang: en                 # language; a translation lives in scenarios/<lang>/ under the same file name
# The picker card title (60 characters at most).
title: @TITLE@
# One or two sentences for the picker and the teacher guide.
summary: Someone new sends a friendly message and asks where you go to school.
theme: theme.grooming    # one theme.* tag from scenarios/tags.yaml
age_tier: core           # core = ages 12-14, extended = ages 15-18 (sets the reading-level target)
minutes: 3               # about how long one play takes
# Shown before play, next to a real "skip" button.
content_note: This story is about a message from someone you do not know.
learning_goals:          # what students can do afterwards
  - Pause before you share details with someone new.
  - Name a person you could tell.

variables:               # story state (true/false, whole numbers or text), tested by `when:`
  asked_friend: false

characters:              # everyone who speaks; `me` is the player and `system` is the app
  - id: alex
    name: alex_draws     # a made-up handle: never a real person's name or photo
    role: stranger       # friend, stranger, partner, recruiter, peer, family, adult, business, player, other
    note: new follower   # small line under the name
  - id: mia
    name: Mia
    role: friend

start: hello             # the first node

nodes:                   # every screen of the story, keyed by id
  hello:
    screen: dm           # dm, sms, feed, profile, job_ad, marketplace, game_lobby, email, settings, narration
    app: Chattr          # a made-up app name for the header
    with: alex           # who the chat is with
    messages:            # oldest first; `from:` is a character id, me or system
      - from: alex
        text: Hey! I love your drawings. What school do you go to?
        time: "4:02 PM"  # quote times so they stay text
    prompt: What do you do?
    choices:             # a node ends with exactly one of: choices, spot, next or ending
      - text: Ask my friend Mia first
        goto: friend     # the node this choice leads to
        points: 3        # -10 to 10: safer choices score more
        headline: "Smart move: you checked first"
        feedback: A friend can help you think it over. You do not have to answer right away.
        tags: [skill.pause]            # skills shown (skill.*) or tactics exposed (stage.*, pcw.*)
        set: {asked_friend: true}      # change variables when this choice is made
      - text: Tell them my school
        goto: chat
        points: 0        # a risky choice scores 0: never take points away for being tricked
        feedback: Lots of people answer a kind message. Your school helps a stranger find you, so it is worth a pause.
        tags: [stage.riskcheck]

  friend:
    screen: sms
    with: mia
    messages:
      - from: me
        text: Someone I don't know wants to know my school. Should I say?
      - from: mia
        text: I would not. Let's see what they say next.
    next: chat           # no choice here: the player taps Next

  chat:
    screen: dm
    app: Chattr
    with: alex
    spot:                # spot the flags: the player taps the parts that worry them
      prompt: Tap the parts that worry you, then press Submit.
      from: alex
      text: Cool! I draw too. Let's talk on Hush, it's more private. Don't tell your parents, ok?
      parts:             # each part is a red flag (flag: true) or a harmless look-alike (flag: false)
        - text: I draw too.
          flag: false
          explain: Sharing a hobby is normal. On its own it is not a red flag.
        - text: Let's talk on Hush, it's more private.
          flag: true
          explain: Moving to a private app means no one else can see the chat.
          tags: [stage.isolate]
        - text: Don't tell your parents, ok?
          flag: true
          explain: Asking you to keep secrets keeps the adults who could help out of it.
          tags: [stage.isolate]
      scoring: {hit: 2, miss: 0, false_alarm: -1}
      goto: decide

  decide:
    screen: dm
    app: Chattr
    with: alex
    messages:
      - from: system
        text: You remember what Mia said.
        when: {var: asked_friend, equals: true}    # shown only if the player asked Mia
    prompt: What now?
    choices:
      - text: Say no and block them
        goto: end_safe
        points: 3
        feedback: Blocking is always OK. You do not owe anyone a reason.
        tags: [skill.exit_block_report]
      - text: Show the chat to my dad
        goto: end_help
        points: 3
        feedback: Telling a trusted adult is a strong step. They can help you report it.
        tags: [skill.tell_trusted_adult]
      - text: Send Mia a screenshot
        goto: end_help
        points: 2
        feedback: Keeping proof and telling a friend helps. Mia can go with you to an adult.
        tags: [skill.preserve_evidence]
        when: {var: asked_friend, equals: true}    # offered only when the condition holds
      - text: Move to Hush
        goto: end_risky
        points: 0
        feedback: This trick is built to feel friendly. It is not your fault. You can still tell someone.
        tags: [stage.isolate]

  end_safe:
    screen: narration
    ending:
      tone: safe         # safe, risky or help_sought
      title: You stayed in control
      text: You blocked alex_draws. Later you showed Mia how to block too.

  end_help:
    screen: narration
    ending:
      tone: help_sought
      title: You got help
      text: Your dad helped you report the account. The app closed it the next day.

  end_risky:
    screen: narration
    ending:
      tone: risky        # a risky ending is never "game over": it says what still helps
      title: The chat moved
      text: On Hush, alex_draws asks more and more questions. This is on them, not on you.
      still_helps: Stop replying, keep the messages, and show them to an adult you trust.

debrief:                 # shown after every ending, made for class discussion
  red_flags:             # each quote must appear in the node named by `at`
    - at: chat
      quote: Let's talk on Hush, it's more private.
      label: Moves you to a private app
      explain: A private app hides the chat from people who could help.
      tags: [stage.isolate]
    - at: chat
      quote: Don't tell your parents, ok?
      label: Asks for secrets
      explain: Secrets keep trusted adults out. A real friend does not ask for them.
      tags: [stage.isolate]
  tactics: [stage.riskcheck, stage.isolate]
  questions:             # three or more, about the characters, never "has this happened to you?"
    - What did alex_draws ask for first?
    - Why might someone want to move a chat to another app?
    - Who could the player tell, and what could they say?
  help_a_friend: If a friend gets messages like these, help them save the chat and tell an adult they trust.
  teacher_notes: If a student starts to share a personal story, thank them and follow up in private.
  resources: [report_in_app, cybertipline]     # ids from scenarios/resources.yaml
"""


def default_path(scenario_id: str) -> Path:
    """Where `new ID` writes without -o: scenarios/en/ID.yaml under the current folder."""
    return Path("scenarios") / "en" / f"{scenario_id}.yaml"


def title_for(scenario_id: str) -> str:
    """A readable title from an id: 'my-first_story' -> 'My first story'."""
    words = re.sub(r"[-_.]+", " ", scenario_id).strip()
    return shorten(words[:1].upper() + words[1:], 60) or "New story"


def scaffold(scenario_id: str, out: Path) -> str:
    """The text of a new scenario with this id, to be written at `out`."""
    title = title_for(scenario_id)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ]*", title):
        title = '"' + title + '"'
    return (TEMPLATE.replace("@SCHEMA@", schema_line(out)).replace("@ID@", scenario_id)
            .replace("@PATH@", out.as_posix()).replace("@TITLE@", title))
