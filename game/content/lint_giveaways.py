"""Lint against give-aways: a flagged phrase repeated across a pack (W409), spot tasks that all flag the same number
of parts (W410), and pins that keep the safest option in one place (W411). The game teaches discernment, so nothing
may give the answer away: not the order of options, not the one word every story flags."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Union

from .diagnostics import DiagnosticBag
from .schema import Node, Order, Pin, Scenario
from .yamlread import Marks

PACK_LIMIT = 3
"""W409: a word or phrase may be flagged in the spot tasks of at most this many scenarios of one pack."""

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
"""A word: letters and digits in any script (so Spanish 'está' and 'contraseña' are one word each)."""
STOPWORDS = frozenset("""
a about after all also am an and any are as at be been but by can could did do does for from get got had has have he
her here him his how i if in into is it it's its just let's like me more my no not now of on one only or our out so
some than that that's the their them then there they this to too up us very was we were what when where which who
why will with would you you'll you're your yours i'm i'll i've we're they're he's she's
""".split())
"""Words too common to be a give-away on their own ("don't" and "tell" are not here: "don't tell" can be one)."""
STOPWORDS_ES = frozenset("""
a al algo así con cómo como cual cuando de del donde dónde e el él ella ellas ellos en entre era es esa ese eso esta
está están este esto estoy fue ha hay la las le les lo los más me mi mis muy nada ni no nos o para pero por qué que
se sé si sí sin sobre son su sus también te ti tu tú tus un una uno unos unas y ya yo
""".split())
"""The same for Spanish ("nadie" and "digas" are not here: "no le digas a nadie" can be one)."""
_STOPWORDS = {"en": STOPWORDS, "es": STOPWORDS_ES}


def phrases(text: str, lang: str = "en") -> set[str]:
    """The words and phrases of a flagged part that could become a give-away: runs of two or three words with at least
    two that are not common, and single uncommon words of six letters or more (like 'mature'). Common words are the
    language's (English's for a language without a list)."""
    common = _STOPWORDS.get(lang.replace("_", "-").split("-")[0].lower(), STOPWORDS)
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    out = {w for w in words if len(w) >= 6 and w not in common}
    for k in (2, 3):
        for i in range(len(words) - k + 1):
            run = words[i:i + k]
            if sum(1 for w in run if w not in common) >= 2:
                out.add(" ".join(run))
    return out


@dataclass(frozen=True)
class FlaggedPart:
    """A red-flag part of a spot task, where it is, and the phrases it holds."""

    node: str
    index: int
    text: str
    phrases: frozenset[str]


def flagged_parts(scn: Scenario) -> list[FlaggedPart]:
    """Every red-flag part of every spot task in a scenario."""
    out = []
    for nid, node in scn.nodes.items():
        if node.spot is None:
            continue
        for i, part in enumerate(node.spot.parts):
            if part.flag:
                out.append(FlaggedPart(nid, i, part.text, frozenset(phrases(part.text, scn.lang))))
    return out


PackMember = tuple[str, Scenario, Marks, DiagnosticBag]
"""One scenario file of a pack: its shown path, model, marks, and the bag its diagnostics go into."""


def pack_giveaways(members: Iterable[PackMember]) -> None:
    """W409 for a whole pack: a word or phrase flagged in the spot tasks of more than PACK_LIMIT scenarios of one
    language (a student plays one language, and a translation shares its flagged words with its original). Each
    file gets one warning per part that holds such a phrase (the longest one), naming the phrase and the files."""
    by_lang: dict[str, list[PackMember]] = {}
    for member in members:
        by_lang.setdefault(member[1].lang.replace("_", "-").split("-")[0].lower(), []).append(member)
    for group in by_lang.values():
        _language_giveaways(group)


def _language_giveaways(members: list[PackMember]) -> None:
    """W409 among the scenario files of one language of a pack."""
    parts = {path: flagged_parts(scn) for path, scn, _m, _b in members}
    where: dict[str, set[str]] = {}
    for path, found in parts.items():
        for fp in found:
            for ph in fp.phrases:
                where.setdefault(ph, set()).add(path)
    common = {ph for ph, paths in where.items() if len(paths) > PACK_LIMIT}
    if not common:
        return
    for path, _scn, marks, bag in members:
        for fp in parts[path]:
            hits = sorted(common & fp.phrases, key=lambda ph: (-len(ph.split()), -len(ph), ph))
            if not hits:
                continue
            ph = hits[0]
            others = sorted(p for p in where[ph] if p != path)
            bag.warning("W409", f"'{ph}' is flagged in the spot tasks of {len(where[ph])} scenarios of this pack "
                                f"(also {', '.join(others)})",
                        marks.at(("nodes", fp.node, "spot", "parts", fp.index, "text")),
                        hint=f"say it in other words here; when the same words are always the red flag, students learn "
                             f"to look for the words, not the tactic (at most {PACK_LIMIT} scenarios per phrase)")


def flag_counts(scn: Scenario, marks: Marks, bag: DiagnosticBag) -> None:
    """W410: two or more spot tasks in a scenario, every one with the same number of red flags."""
    counts = [(nid, sum(1 for p in n.spot.parts if p.flag)) for nid, n in scn.nodes.items() if n.spot is not None]
    if len(counts) < 2 or len({c for _nid, c in counts}) > 1:
        return
    nid, n = counts[-1]
    bag.warning("W410", f"every spot task in this scenario has {n} red flag(s) ({len(counts)} tasks)",
                marks.at(("nodes", nid, "spot", "parts")),
                hint="vary the number of red flags (0 to 4), so students judge each part instead of counting")


def _fixed_place(node: Node) -> Optional[Union[str, int]]:
    """Where the safest option always shows, when pins or `order: fixed` decide it: 'first', 'last', or its place
    (from 1) in a fixed order; None when the shuffle moves it."""
    choices = node.choices or []
    if len({c.points for c in choices}) < 2:
        return None
    top = max(c.points for c in choices)
    best = [i for i, c in enumerate(choices) if c.points == top]
    if node.order is Order.FIXED:
        return "first" if best[0] == 0 else "last" if best[-1] == len(choices) - 1 and len(best) == 1 else best[0] + 1
    pins = {choices[i].pin for i in best}
    if Pin.FIRST in pins:
        return "first"
    free = [i for i, c in enumerate(choices) if c.pin is None]
    if pins == {Pin.LAST} or (not free and pins):
        return "last"
    if len(free) == 1 and free[0] in best:  # everything else is pinned: the safest option has one place
        return sum(1 for c in choices if c.pin is Pin.FIRST) + 1
    return None


def pinned_best(scn: Scenario, marks: Marks, bag: DiagnosticBag) -> None:
    """W411: pins or `order: fixed` keep the safest option in the same place in more than half of the decisions."""
    scored = [(nid, n) for nid, n in scn.nodes.items() if n.choices and len({c.points for c in n.choices}) > 1]
    places = Counter(p for p in (_fixed_place(n) for _nid, n in scored) if p is not None)
    if not places:
        return
    place, count = places.most_common(1)[0]
    if count * 2 <= len(scored):
        return
    nid = next(nid for nid, n in scored if _fixed_place(n) == place)
    shown = place if isinstance(place, str) else f"in place {place}"
    bag.warning("W411", f"the safest option is always shown {shown} in {count} of {len(scored)} decisions "
                        f"(pins or `order: fixed`)", marks.at(("nodes", nid, "choices")),
                hint="let the shuffle move it: drop `pin:` from the safest options and `order: fixed` where the "
                     "options need not read in sequence")


def scenario_giveaways(scn: Scenario, marks: Marks, bag: DiagnosticBag) -> None:
    """The per-file give-away checks (W410, W411); W409 needs the whole pack (`pack_giveaways`)."""
    flag_counts(scn, marks, bag)
    pinned_best(scn, marks, bag)
