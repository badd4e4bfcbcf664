"""The student pages' own words (index.html, play.html) in the room's language: a JSON block the page's t() reads,
its fixed markup translated and <html lang> set, all when the page is served (the script and style never change)."""

from __future__ import annotations

import html as _html
import json
import re
from typing import Any

from babel import Locale, UnknownLocaleError

from ..session import lang as _lang


def _(message: str) -> str:
    """Marks a page string for `python -m game.tools.i18n extract`; it is translated when the page is served."""
    return message


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a page string with a count (the page's tn() picks the form for the number it shows)."""
    return singular, plural


KEEP = frozenset({"R", "F12", "H", "Red Flag Radar"})
"""Markup text that stays as it is in every language (the brand and key names)."""

WORDS: tuple[str, ...] = (
    # both pages: joining
    _("Red Flag Radar: join your class"), _("Join your class"), _("Room code (4 digits, on the class screen)"),
    _("Join"), _("The room code has 4 digits."), _("That code is not right. Check the screen and try again."),
    _("Cannot reach the class screen. Check you are on the same Wi-Fi as your teacher."),
    _("Slow down a little, then try again."), _("Connection lost. Trying again\u2026"),
    _("Not connected yet. Trying again\u2026"), _("Thanks for taking part. You can close this page."),
    # index.html: class votes and the radar check
    _("Your answers are anonymous: no names, no accounts."), _("You're in. Watch the screen."),
    _("When your teacher opens a vote, it shows up here. Nobody can see what you choose."), _("Class vote"),
    _("How the class voted"), _("Watch the screen: the story goes on there."), _("The room has closed"),
    _("The room is full. Raise your hand to vote instead."), _("That vote has closed."), _("Red flag or OK?"),
    _("What do you do?"), _("Your answer"), _("{answer} (your answer)"),
    _("You chose {option}. You can change it until the teacher goes on. Answers are shown at the end."),
    _("You chose {option}. You can change it until the teacher reveals the vote."),
    _("Tap Red flag or Looks OK. Nobody can see what you choose."),
    _("Tap an option. Nobody can see what you choose."), _(" and "),
    # play.html: the chrome
    _("Quick exit"), _("Get help"), _("Leave this story"), _("Tap again to leave the story"),
    _("Tap Leave again to stop playing this story."), _("Press Escape again for Quick exit."),
    _("You play the story on this device, at your own pace. No names, no accounts."),
    _("The room is full. Ask your teacher."), _("That did not work. Try again."),
    _("Your teacher picked this story for the class, so there is no other one to choose."),
    _("Progress: {filled} of {total}"), _("Score {score}"), _("Page {n} of {total}"),
    # play.html: the story's screens
    _("red flag, you spotted it"), _("red flag, missed"), _("not a red flag"), _("Red flag {n}: "),
    _("Screen"), _("{screen} on {app}"), _("{screen} with {name}"), _("You"), _("Notice"), _("Picture"),
    _("Messages"), _("Notifications"), _("Posts"), _("Public"), _("Friends"), _("From"), _("Subject"), _("On"),
    _("Off"), _(" (just changed)"), _("{name} is typing"),
    # play.html: the views
    _("Please wait"), _("Your teacher's screen is getting the next part ready."), _("What you do"),
    _("Content note"), _("Start"), _("I would rather not play this story"), _("Options"),
    _("Tap an option, or press its number, or use the arrows and Enter."), _("Nothing looks wrong"), _("Submit"),
    _("Tap a part of the message to mark it (or press its number, or Tab to it and press Space). S submits."),
    _("When you are ready, go on."), _("Next"), _("Reading\u2026"), _("Show everything"), _("What happened"),
    _("What can still help"), _("See who can help"), _("Continue to the debrief"), _("Back"), _("Badges earned"),
    _("You have finished. Wait for your teacher, or close this page."), _("You have left the story"),
    _("See the stories"), _("Red flag: {label}"), _("Replay: what you saw"),
    _("Each red flag is lit up where it appeared."), _("The screens you saw"), _("The red flag"),
    _("Red flag {n} of {total}"), _("Previous red flag"), _("Left and right arrows step through the red flags."),
    _("Pick a story"), _("Your teacher lets you choose. Each story starts with a note on what it is about."),
    _("About {n} minutes"), _("Play {title}"), _("The lesson has ended"),
    _("If anything in the story worried you, talk to your teacher or another adult you trust."),
    _("You're in"), _("Your story is on its way."),
    # play.html: the plain notes page Quick exit leaves on screen
    _("Notes"), _("Math: worksheet 4, questions 1 to 10"), _("Bring a water bottle on Friday"),
    _("Library books due Tuesday"), _("Science: read pages 32 to 35"),
)
"""Every fixed string the pages show (the English is the key the page's t("...") looks up)."""

SERVER_WORDS: tuple[str, ...] = (
    _("the story could not start"), _("something went wrong; try again"), _("the room is full"),
)
"""Errors game/net/plays.py sends that a student can meet; play.html shows them through t(msg.error)."""

ACTION_WORDS: tuple[str, ...] = (
    _("unknown action"), _("bad action"), _("that screen has moved on"), _("you have left this story"),
    _("the help page is already open"), _("the help page is not open"), _("close the help page first"),
    _("the content note is open: start or choose not to play"), _("there is no choice here"),
    _("that option is not here"), _("there is nothing to mark here"), _("those marks do not fit this message"),
    _("choose an option first"), _("mark the parts, or choose Nothing looks wrong"), _("the story is over"),
    _("there is no going back here"), _("the story has already started"), _("this is the first page"),
)
"""Why a device's action did not fit its screen (session/device_play.py's ActionError, sent on by plays.py as the
error; a double tap, a slow network or a stale page can meet them)."""

PLURALS: tuple[tuple[str, str], ...] = (
    ngettext("Too many tries. Wait {n} second, then check the code on the screen.",
             "Too many tries. Wait {n} seconds, then check the code on the screen."),
    ngettext("That code is not right. Check the screen and try again ({n} try left).",
             "That code is not right. Check the screen and try again ({n} tries left)."),
    ngettext("{n} vote, {pct}%", "{n} votes, {pct}%"),
    ngettext("{n} vote from devices", "{n} votes from devices"),
    ngettext("{n} hand counted", "{n} hands counted"),
    ngettext("{n} like", "{n} likes"), ngettext("{n} comment", "{n} comments"),
    ngettext("{n} part marked", "{n} parts marked"),
)
"""Strings with a count, keyed by the singular (the page's tn("one", "other", n))."""

_SAMPLES = (*range(0, 200), 1000, 10_000, 100_000, 1_000_000, 2_000_000)
"""Counts tried to find one number of each CLDR plural category (Spanish 'many' starts at a million)."""


def _categories(code: str) -> dict[str, int]:
    """One sample count for each plural category of the language ('one': 1, 'other': 0, ...)."""
    try:
        rule = Locale.parse(code).plural_form
    except (UnknownLocaleError, ValueError):
        return {"one": 1, "other": 0}
    found: dict[str, int] = {}
    for n in _SAMPLES:
        found.setdefault(rule(n), n)
    return found


def table() -> dict[str, Any]:
    """The pages' words in the active language ({} for English, whose words are the page's own)."""
    code = _lang.current_language()
    if code == _lang.SOURCE_LANG:
        return {"lang": code, "words": {}, "plurals": {}}
    words = {w: _lang._(w) for w in WORDS + SERVER_WORDS + ACTION_WORDS}
    plurals = {one: {cat: _lang.ngettext(one, other, n) for cat, n in _categories(code).items()}
               for one, other in PLURALS}
    return {"lang": code, "words": words, "plurals": plurals}


def data_block(words: dict[str, Any]) -> str:
    """A non-executable JSON block; <, > and & escaped so no text can end it or open a tag."""
    text = json.dumps(words, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="words">{text}</script>\n'


_BLOCKS = re.compile(r"(<style>.*?</style>|<script>.*?</script>)", re.S)
_TEXT = re.compile(r">([^<>]+)<")


def markup_texts(page: str) -> list[str]:
    """The page's fixed markup text (outside its style and script), stripped."""
    out = []
    for i, part in enumerate(_BLOCKS.split(page)):
        if i % 2 == 0:
            out += [m.group(1).strip() for m in _TEXT.finditer(part) if m.group(1).strip()]
    return out


def localize(page: str) -> str:
    """The page in the active language: <html lang>, its markup text, and the words block before its script."""
    words = table()
    tr: dict[str, str] = words["words"]

    def text(m: re.Match[str]) -> str:
        raw = m.group(1)
        key = raw.strip()
        if key not in tr:
            return m.group(0)
        lead, trail = raw[:len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()):]
        return ">" + lead + _html.escape(tr[key], quote=False) + trail + "<"

    parts = _BLOCKS.split(page)
    for i in range(0, len(parts), 2):
        parts[i] = _TEXT.sub(text, parts[i])
    out = "".join(parts)
    out = out.replace('<html lang="en">', f'<html lang="{_html.escape(words["lang"])}">', 1)
    return out.replace("<script>", data_block(words) + "<script>", 1)
