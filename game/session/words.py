"""The words the game says around a story (feedback marks, spot outcomes, endings, the summary, help lines), for the
desktop screens and students' devices alike: one sentence, one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .lang import _, ngettext

if TYPE_CHECKING:  # the models (and pydantic) stay off the way to the first frame: tones compare as their text
    from ..content.schema import Ending, Tone


def points_text(points: int) -> str:
    """'+3 points' / '0 points' / '-1 point'."""
    sign = "+" if points > 0 else ""
    return sign + ngettext("{n} point", "{n} points", abs(points)).format(n=points)


def verdict_mark(verdict: str) -> tuple[str, str, str]:
    """The feedback card's icon, colour role and headline for a verdict."""
    if verdict == "best":
        return "check_circle", "safe", _("Smart move")
    if verdict == "risky":
        return "lightbulb", "caution", _("Something to think about")
    return "half_circle", "primary", _("Good thinking - and there was a safer choice")


def outcome_label(outcome: str) -> str:
    """Words for a spot result, never colour alone."""
    return {"hit": _("Red flag - you spotted it"), "miss": _("Red flag - missed"),
            "false_alarm": _("Not a red flag"), "clear": _("Not a red flag - well left alone")}[outcome]


def still_helps(e: Ending) -> str:
    """What can still help after an ending."""
    if e.still_helps:
        return e.still_helps
    if e.tone == "safe":
        return _("If something like this happens again: pause, check with someone you trust, and block and report. "
                 "Help lines are here any time.")
    if e.tone == "help_sought":
        return _("Telling someone was a strong move. If anything else worries you, talk to them again, or to a "
                 "help line.")
    return _("It is never too late to tell an adult you trust. Help lines listen and can help you plan.")


def headline(tone: Optional[Tone]) -> tuple[str, str]:
    """A calm headline and a line under it for how the story ended."""
    if tone == "safe":
        return _("You kept yourself safe"), _("You noticed what was off and made safer choices.")
    if tone == "help_sought":
        return _("You reached out for help"), _("Telling someone is one of the strongest moves there is.")
    if tone == "risky":
        return _("This story ended in a hard place"), _(
            "That is on the person who did harm, not on you. Now you know the signs, and where help is.")
    return _("You finished the story"), ""


def warm_line(hits: int) -> str:
    """A warm word to end on."""
    if hits:
        return ngettext("You spotted {n} red flag. Each one you can see, you can point out to a friend.",
                        "You spotted {n} red flags. Each one you can see, you can point out to a friend.",
                        hits).format(n=hits)
    return _("Thank you for playing. What you practised here helps you and your friends.")


def why_line(choices: int, best_choices: int, parts: int, parts_right: int) -> str:
    """Where the stars came from."""
    out = []
    if choices:
        out.append(ngettext("{n} of {total} choice was the safest one there.",
                            "{n} of {total} choices were the safest one there.", choices)
                   .format(n=best_choices, total=choices))
    if parts:
        out.append(ngettext("You judged {n} of {total} message part right.",
                            "You judged {n} of {total} message parts right.", parts)
                   .format(n=parts_right, total=parts))
    return " ".join(out)


def contact_kind(kind: str) -> str:
    """A student-friendly word for a contact kind."""
    return {"call": _("Call"), "text": _("Text"), "chat": _("Chat"), "web": _("Website"), "email": _("Email"),
            "tty": _("TTY"), "app": _("App")}.get(kind, kind)


def contact_line(kind: str, label: Optional[str], value: str) -> str:
    """'Call: 1-888-373-7888', a label naming the way said once."""
    word = contact_kind(kind)
    if not label:
        return f"{word}: {value}"
    named = {w.strip("().,:").lower() for w in label.split()}
    if word.lower() in named or kind.lower() in named:
        return f"{label} {value}"
    return f"{word}: {label} {value}"


KIND_LABELS = {"dm": "Chat", "sms": "Text messages", "feed": "Feed", "profile": "Profile", "job_ad": "Job ad",
               "marketplace": "Listing", "game_lobby": "Game lobby", "email": "Email", "settings": "Settings",
               "narration": "Story"}
"""A word for each kind of screen (the debrief replay's captions; as ui.kinds.registry)."""
KIND_FRAMES = {"dm": "phone", "sms": "phone", "feed": "phone", "profile": "phone", "job_ad": "browser",
               "marketplace": "phone", "game_lobby": "window", "email": "browser", "settings": "phone",
               "narration": "plain"}
"""The device around each kind of screen (as ui.kinds.registry)."""
DEFAULT_APPS = {"sms": "Messages", "email": "Mailbox", "settings": "Settings"}
"""The app a header names when the node names none (as ui.kinds.registry)."""
DEFAULT_MARKS = {"Messages": "messages", "Mailbox": "mailbox", "Settings": "settings"}
"""The default apps' English names and their marks (translated names find the same mark)."""
SITES = {"job_ad": "gigboard.example/jobs", "email": "mailbox.example/inbox"}
"""The address a browser frame shows when the node names no app (as ui.kinds.registry)."""
ANIMATED = frozenset({"dm", "sms", "game_lobby"})
"""Kinds whose messages arrive one by one and whose view follows the newest (chats)."""
APP_MARKS = frozenset({"chattr", "picstream", "gigboard", "swapspot", "questline", "hush", "mailbox", "messages",
                       "settings"})
"""The fictional apps with their own mark and colour (as ui.kinds.common.MARKS)."""


def kind_label(kind: str) -> str:
    """The word for a kind of screen ('Screen' for one without an entry)."""
    return _(KIND_LABELS.get(kind, "Screen"))


def app_key(name: str) -> str:
    """'Chattr · Beat Lab' -> 'chattr'; a default app in the UI language ('Ajustes') -> its mark ('settings');
    unknown apps -> 'other'."""
    key = _app_word(name)
    if key in APP_MARKS:
        return key
    return next((mark for english, mark in DEFAULT_MARKS.items() if key == _app_word(_(english))), "other")


def _app_word(name: str) -> str:
    return name.split("\u00b7")[0].strip().lower().replace(" ", "")


def initials(name: str) -> str:
    """One or two capital letters for an avatar disc."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in name).split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][0] + words[1][0]).upper()
