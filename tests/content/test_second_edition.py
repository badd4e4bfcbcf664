"""Content second edition (issue 13) across every shipped story: the five safety fixes, the cast rule (no name in
two stories), zero-flag spot tasks, adults who react badly, option order, worn-out phrases, open debrief questions,
help cards a 7th grader can read, and titles that don't give the answer away."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Iterator

from game.content.catalog import RESOURCES_FILE, TAGS_FILE, find_scenario_files, scenarios_dir
from game.content.loader import load_model, load_scenario
from game.content.readability import fk_grade, located_student_texts
from game.content.rules import blame_hits
from game.content.schema import ME, SYSTEM, ResourceList, Role, Scenario, TagVocabulary
from game.content.texts import node_texts

ROOT = scenarios_dir()
EN = ROOT / "en"


# ---------------------------------------------------------------- loading (the project's loaders, never raw YAML)


@cache
def scenarios(folder: Path = EN) -> tuple[Scenario, ...]:
    """Every scenario of a folder, in file order; a file that does not load fails the test with its diagnostics."""
    out = []
    for path in find_scenario_files(folder, include_examples=False):
        loaded = load_scenario(path)
        assert loaded.model is not None, "\n".join(d.format() for d in loaded.diagnostics)
        out.append(loaded.model)
    return tuple(out)


def stories(folder: Path = EN) -> list[Scenario]:
    """The scenarios without the tutorial."""
    return [s for s in scenarios(folder) if s.id != "tutorial"]


@cache
def resources(root: Path = ROOT) -> ResourceList:
    loaded = load_model(root / RESOURCES_FILE, ResourceList)
    assert loaded.model is not None, "\n".join(d.format() for d in loaded.diagnostics)
    return loaded.model


@cache
def tags(root: Path = ROOT) -> TagVocabulary:
    loaded = load_model(root / TAGS_FILE, TagVocabulary)
    assert loaded.model is not None, "\n".join(d.format() for d in loaded.diagnostics)
    return loaded.model


def student_texts(scn: Scenario) -> Iterator[str]:
    """Everything a student can read in a story: every node text (labels and spot texts too) and the scenario's
    own texts (title, summary, content note, goals, debrief)."""
    for nid, node in scn.nodes.items():
        for t in node_texts(nid, node):
            yield t.text
        if node.spot is not None:
            yield from (p.text for p in node.spot.parts)
    for path, text in located_student_texts(scn):
        if path[0] != "nodes":
            yield text


def all_texts(scn: Scenario) -> Iterator[str]:
    """Student texts plus the teacher's (node notes and the debrief's notes): "anywhere" in a story."""
    yield from student_texts(scn)
    yield from (n.teacher_note for n in scn.nodes.values() if n.teacher_note)
    if scn.debrief is not None and scn.debrief.teacher_notes:
        yield scn.debrief.teacher_notes


def card_texts() -> Iterator[tuple[str, str]]:
    """(resource id, text) for every text of every help card, and the tags' explanations students see."""
    for r in resources().resources:
        for text in (r.name, r.for_, r.hours, r.what_happens, *(c.label or "" for c in r.contacts)):
            yield r.id, text
    for t in tags().tags:
        yield t.id, t.explain


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def story_hits(pattern: re.Pattern[str], folder: Path = EN) -> list[str]:
    """'story: text' for each story text (teacher notes included) that matches."""
    return [f"{s.id}: {t}" for s in scenarios(folder) for t in all_texts(s) if pattern.search(t)]


# ---------------------------------------------------------------- item 1: what to save when an image was sent

SCREENSHOT_ALL = re.compile(
    r"screenshot(s|ting)?\s+(of\s+)?(it\s+all|everything|all\s+of\s+it|the\s+(whole|entire)\s+chat)"
    r"|screenshot(s|ting)?\s+(of\s+)?(the|your|her|his|their|that|this)\s+(private\s+)?(photo|picture|pic|image|nude)",
    re.IGNORECASE)
SAVE_FIRST = re.compile(r"screenshots?\s+first", re.IGNORECASE)


def test_item1_no_screenshot_everything_anywhere() -> None:
    hits = story_hits(SCREENSHOT_ALL)
    hits += [f"{rid}: {t}" for rid, t in card_texts() if SCREENSHOT_ALL.search(t) or SAVE_FIRST.search(t)]
    assert hits == [], "say what to save (usernames, profile link, threats, demands), never the photo:\n" + \
        "\n".join(hits)


def test_item1_sextortion_says_what_to_save_and_never_to_forward_the_photo() -> None:
    scn = next(s for s in scenarios() if s.id == "sextortion")
    texts = list(student_texts(scn))
    assert any(re.search(r"\busernames?\b", t, re.IGNORECASE) for t in texts), "save the username"
    never_forward = re.compile(r"\b(never|not|don't|do not|no one)\b[^.!?]*\b(forward|send|show|share)\w*\b"
                               r"[^.!?]*\b(photo|picture|pic|image)s?\b[^.!?]*\b(adult|anyone|even)\b", re.IGNORECASE)
    assert any(never_forward.search(t) for t in texts), "never forward the photo, even to an adult"
    for nid in ("more_demands", "malik_helps"):
        node = scn.nodes.get(nid)
        if node is None:
            continue
        said = [t.text for t in node_texts(nid, node)]
        assert not any(SCREENSHOT_ALL.search(t) for t in said), nid


# ---------------------------------------------------------------- item 2: the trafficking hotline and the police

POLICE_KEPT_OUT = re.compile(
    r"police[^.!?]*\bwithout\s+your\s+(ok|okay|permission|consent|say)"
    r"|tries\s+not\s+to\s+(bring|call|involve|get)[^.!?]*police"
    r"|(won't|will\s+not|doesn't|does\s+not|never)\s+(call|tell|bring\s+in|involve|contact)\s+(the\s+)?police",
    re.IGNORECASE)


def test_item2_trafficking_hotline_is_honest_about_police_and_child_protection() -> None:
    card = resources().get("trafficking_hotline")
    assert card is not None and card.verified
    said = " ".join((card.for_, card.what_happens))
    assert not POLICE_KEPT_OUT.search(said), said
    low = said.lower()
    assert "under 18" in low and "police" in low and "child protection" in low, "what happens for a minor"
    assert re.search(r"not in trouble|not get in trouble", low), "reaching out does not get you in trouble"
    assert story_hits(POLICE_KEPT_OUT) == []


# ---------------------------------------------------------------- item 3: correct lines shown to students


def _contact(rid: str) -> dict[str, tuple[str, str]]:
    card = resources().get(rid)
    assert card is not None, rid
    return {c.kind: (c.value, c.label or "") for c in card.contacts}


def test_item3_loveisrespect_and_crisis_text_line_are_verified_with_their_keywords() -> None:
    love = resources().get("loveisrespect")
    ctl = resources().get("crisis_text_line")
    assert love is not None and love.verified and ctl is not None and ctl.verified
    assert _contact("loveisrespect")["call"][0] == "1-866-331-9474"
    assert _contact("loveisrespect")["text"] == ("22522", "Text LOVEIS to")
    assert _contact("crisis_text_line")["text"] == ("741741", "Text HOME to")


def test_item3_childhelp_and_fbi_numbers_are_right_and_unverified_lines_say_what_to_check() -> None:
    assert _contact("childhelp")["call"][0] == "1-800-422-4453"
    assert _contact("fbi")["call"][0] == "1-800-225-5324"
    for r in resources().resources:
        if not r.verified:
            assert r.note and re.search(r"re-check|confirm", r.note, re.IGNORECASE), r.id


def test_item3_dating_abuse_stories_show_loveisrespect() -> None:
    about_dating = [s for s in scenarios() if s.theme == "theme.partner_monitoring"
                    or any(re.search(r"dating abuse|loveisrespect", t, re.IGNORECASE) for t in student_texts(s))]
    assert any(s.id == "partner-monitoring" for s in about_dating)
    missing = [s.id for s in about_dating if s.debrief is None or "loveisrespect" not in s.debrief.resources]
    assert missing == [], "a story about dating abuse shows loveisrespect"


# ---------------------------------------------------------------- item 4: no absolute promises

PROMISE = re.compile(
    r"never\s+(be\s+)?the\s+one\s+in\s+trouble|not\s+the\s+one\s+in\s+trouble"
    r"|(never|won't|will\s+not|can't|cannot)\s+(ever\s+)?(get|be)\s+in\s+(any\s+)?trouble"
    r"|(you're|you\s+are)\s+never\s+in\s+trouble", re.IGNORECASE)


def test_item4_no_absolute_promises() -> None:
    hits = story_hits(PROMISE) + [f"{rid}: {t}" for rid, t in card_texts() if PROMISE.search(t)]
    assert hits == [], "say: it is not your fault; the adults whose job this is focus on your safety\n" + \
        "\n".join(hits)


# ---------------------------------------------------------------- item 5: the sexual assault hotline's hours


def test_item5_sexual_assault_hotline_is_24_7() -> None:
    card = resources().get("sexual_assault_hotline")
    assert card is not None and card.verified
    assert "24/7" in card.hours and "check the hours" not in card.hours.lower()


# ---------------------------------------------------------------- help cards and new lines


def test_help_cards_read_at_grade_7_or_below() -> None:
    grades = {r.id: round(fk_grade([r.for_, r.hours, r.what_happens]), 2) for r in resources().resources}
    high = {k: v for k, v in grades.items() if v > 7.0}
    assert high == {}, f"help cards above grade 7: {high}"


def test_new_stories_lines_exist() -> None:
    for rid, host in (("take_it_down", "takeitdown.ncmec.org"), ("identity_theft_gov", "IdentityTheft.gov")):
        card = resources().get(rid)
        assert card is not None and card.verified, rid
        assert any(c.value == host for c in card.contacts), rid
    themes = {t.id for t in tags().tags}
    assert {"theme.forwarded_image", "theme.trackers", "theme.money_mule"} <= themes


# ---------------------------------------------------------------- figures when resolved


def test_fifteen_stories_and_the_tutorial() -> None:
    ids = [s.id for s in scenarios()]
    assert "tutorial" in ids
    assert len(stories()) == 15, sorted(ids)


ROLE_WORDS = {"mom", "mum", "mama", "dad", "papa", "grandma", "grandpa", "granny", "nana", "abuela", "abuelo",
              "aunt", "auntie", "uncle", "cousin", "brother", "sister", "coach", "ms", "mr", "mrs", "mx", "dr",
              "miss", "sir", "teacher", "counselor", "advocate", "hotline", "officer", "nurse"}
NOT_NAMES = {"the", "of", "and", "your", "my", "official", "support", "security", "team", "desk", "prize", "club",
             "bank", "help", "admin", "app", "bot", "service", "news"}


def name_parts(display: str) -> set[str]:
    """The name parts of a character's display name: parenthesised notes and kinship or role words dropped,
    handles split on '.', '_', '-', digits and capitals ("malik.hoops.2" -> malik, hoops; "NoorBytes" -> noor,
    bytes), accents folded ("Sofía" is "sofia")."""
    plain = re.sub(r"\([^)]*\)", " ", display)
    plain = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    plain = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", plain)
    words = [w.lower() for w in re.split(r"[^A-Za-z']+", plain)]
    words = [w.removesuffix("'s").strip("'") for w in words]
    return {w for w in words if len(w) >= 2 and w not in ROLE_WORDS and w not in NOT_NAMES}


def test_name_parts_follow_the_cast_rule() -> None:
    assert name_parts("Aunt Noor") == {"noor"}
    assert name_parts("malik.hoops.2") == {"malik", "hoops"}
    assert name_parts("lily.skye") == {"lily", "skye"}
    assert name_parts("Ms. Okafor (art teacher)") == {"okafor"}
    assert name_parts("Aunt Sofía") == name_parts("Sofia") == {"sofia"}
    assert name_parts("Tevi_T") == {"tevi"} and name_parts("NoorBytes") == {"noor", "bytes"}
    assert name_parts("Mom") == set() and name_parts("Coach Dana") == {"dana"}


def test_no_character_name_in_two_stories() -> None:
    where: dict[str, set[str]] = {}
    for scn in scenarios():
        for ch in scn.characters:
            for part in name_parts(ch.name):
                where.setdefault(part, set()).add(scn.id)
    clashes = {name: sorted(ids) for name, ids in where.items() if len(ids) > 1}
    assert clashes == {}, f"names in two or more stories: {clashes}"


def test_at_least_two_stories_have_a_zero_flag_spot_task() -> None:
    with_zero = [s.id for s in stories()
                 if any(n.spot is not None and not any(p.flag for p in n.spot.parts) for n in s.nodes.values())]
    assert len(with_zero) >= 2, with_zero


def _speakers(scn: Scenario, nid: str) -> set[str]:
    node = scn.nodes[nid]
    said = {m.speaker for m in node.messages} | ({node.spot.speaker} if node.spot else set())
    return said - {ME, SYSTEM}


def _reachable(scn: Scenario, start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(scn.nodes[start].targets())
    while todo:
        nid = todo.pop()
        if nid in seen or nid not in scn.nodes:
            continue
        seen.add(nid)
        todo.extend(scn.nodes[nid].targets())
    return seen


def bad_reaction_problems(scn: Scenario) -> list[str] | None:
    """None without a `bad_reaction*` node; else what is wrong with the first one that does not work ([] = one
    works): its speakers are family or adult characters, a different family or adult character speaks in a
    node reachable from it, and its panel texts (prompt, options, feedback) never blame."""
    trusted = {c.id for c in scn.characters if c.role in (Role.FAMILY, Role.ADULT)}
    found = [nid for nid in scn.nodes if nid.startswith("bad_reaction")]
    if not found:
        return None
    problems: list[str] = []
    for nid in found:
        who = _speakers(scn, nid)
        wrong = []
        if not who or not who <= trusted:
            wrong.append(f"{nid}: speakers {sorted(who)} are not all family/adult")
        later = set().union(*(_speakers(scn, n) for n in _reachable(scn, nid))) if _reachable(scn, nid) else set()
        if not (later & trusted) - who:
            wrong.append(f"{nid}: no other family/adult character speaks after it")
        panel = [t.text for t in node_texts(nid, scn.nodes[nid]) if not t.screen]
        wrong += [f"{nid}: blames: {h.text}" for h in blame_hits(panel)]
        if not wrong:
            return []
        problems += wrong
    return problems


def test_at_least_three_stories_show_an_adult_who_reacts_badly_and_another_adult_after() -> None:
    results = {s.id: bad_reaction_problems(s) for s in stories()}
    working = [sid for sid, p in results.items() if p == []]
    broken = {sid: p for sid, p in results.items() if p}
    assert broken == {}, broken
    assert len(working) >= 3, working


def best_first_counts(scns: list[Scenario]) -> tuple[int, int, dict[str, str]]:
    """(decisions written best-first, scored decisions, per story 'first/scored'). A scored decision has two or
    more options whose points differ; best-first = the first option in the file has the top points."""
    first = scored = 0
    per: dict[str, str] = {}
    for scn in scns:
        f = n = 0
        for node in scn.nodes.values():
            points = [c.points for c in node.choices or []]
            if len(points) < 2 or len(set(points)) == 1:
                continue
            n += 1
            f += points[0] == max(points)
        first, scored = first + f, scored + n
        per[scn.id] = f"{f}/{n}"
    return first, scored, per


def test_best_option_is_written_first_in_at_most_half_the_scored_decisions() -> None:
    first, scored, per = best_first_counts(list(scenarios()))
    assert scored > 0 and first * 2 <= scored, f"{first} of {scored} best-first: {per}"


LIMITED_PHRASES = ("not on you", "lots of people", "not too late", "thank you for telling me", "they'd get jealous")


def phrase_counts(scns: list[Scenario]) -> Counter[str]:
    """How often each worn-out phrase appears across the stories' student texts, and 'mature' as a flagged word
    (in a red-flag spot part or a debrief red flag's quote)."""
    counts: Counter[str] = Counter()
    for scn in scns:
        for text in student_texts(scn):
            low = " ".join(text.replace("’", "'").lower().split())
            for phrase in LIMITED_PHRASES:
                counts[phrase] += low.count(phrase)
        flagged = [p.text for n in scn.nodes.values() if n.spot for p in n.spot.parts if p.flag]
        flagged += [rf.quote for rf in scn.debrief.red_flags] if scn.debrief else []
        counts["mature (flagged)"] += sum(1 for t in flagged if re.search(r"\bmature\b", t, re.IGNORECASE))
    return counts


def test_each_worn_out_phrase_at_most_three_times_across_all_stories() -> None:
    over = {k: v for k, v in phrase_counts(list(scenarios())).items() if v > 3}
    assert over == {}, f"used more than 3 times across all stories: {over}"


GREY_ZONE = re.compile(
    r"\bwhen\s+(is|was|does|do|might|would|could|should)\b|\bever\b|\bwrong\b|\bmore than one\b|\bno single\b"
    r"|\bno (one )?right answer\b|\b(is|was) (it|that) (ok|okay|fair|right)\b|\bokay to\b|\bok to\b|\bor just\b"
    r"|\bdepends?\b|\bwhere is the line\b", re.IGNORECASE)


def test_every_debrief_has_an_open_grey_zone_question() -> None:
    """An open question with no single right answer ('When is moving to another app normal?', 'Was blocking
    Tevita wrong?'), recognised by its wording: when is/might..., ever, wrong, more than one answer, is it okay..."""
    missing = [s.id for s in scenarios() if s.debrief is None or not any(GREY_ZONE.search(q)
                                                                         for q in s.debrief.questions)]
    assert missing == [], f"no open grey-zone question in: {missing}"


GIVEAWAY_WORDS = re.compile(r"\b(fake|scams?|scammers?|grooming|groomers?|sextortion|predators?|trafficking|"
                            r"traffickers?|exploitation|abuse|abusers?|oversharing|impersonation|red flags?)\b",
                            re.IGNORECASE)


def theme_words() -> set[str]:
    """The words that name a theme: each theme id's words and the part of its label before a colon."""
    words = set()
    for t in tags().tags:
        if t.id.startswith("theme."):
            words.add(t.id.removeprefix("theme.").replace("_", " "))
            if ":" in t.label:
                words.add(t.label.split(":", 1)[0].strip().lower())
    return words


def title_problems(scn: Scenario, names: set[str]) -> list[str]:
    out = []
    if m := GIVEAWAY_WORDS.search(scn.title):
        out.append(f"names the answer: {m.group(0)!r}")
    if ":" in scn.title:
        topic = scn.title.split(":", 1)[0].strip().lower()
        if any(w in topic or topic in w for w in names):
            out.append(f"'Theme: ...' pattern ({topic!r})")
    return out


def test_titles_do_not_give_the_answer_away() -> None:
    names = theme_words()
    bad = {s.id: title_problems(s, names) for s in stories()}
    bad = {k: v for k, v in bad.items() if v}
    assert bad == {}, f"titles that give the answer away: {bad}"
