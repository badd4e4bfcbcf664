"""`import-twee`: every link form, tags, StoryData, Unicode names; malformed Twee gets located T1xx errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.content.storygraph import story_graph
from game.engine.explorer import explore
from game.session.check import check_file
from game.tools.graph import mermaid_ids, to_mermaid
from game.tools.schema_export import schema_file
from game.tools.twee import TWEE_CODES, parse_twee
from game.tools.twee_tokens import split_link
from game.tools.twee_yaml import passage_ids, slugify

TWEE = Path(__file__).resolve().parents[1] / "fixtures" / "twee"
BROKEN = sorted(p for p in TWEE.glob("*.twee") if p.stem != "story")


def _expect(path: Path) -> tuple[str, int, int]:
    m = re.fullmatch(r"expect: (T\d{3}) (\d+):(\d+)", path.read_text(encoding="utf-8").splitlines()[0])
    assert m, f"{path.name} must start with 'expect: CODE LINE:COL'"
    return m.group(1), int(m.group(2)), int(m.group(3))


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_malformed_twee_is_reported_at_the_exact_place(path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, line, col = _expect(path)
    story, diags = parse_twee(path.read_text(encoding="utf-8"), str(path))
    assert story is None
    assert [(d.code, d.line, d.col) for d in diags] == [(code, line, col)], [d.format() for d in diags]
    assert diags[0].hint
    out = tmp_path / "out.yaml"
    assert main(["import-twee", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{path.name}:{line}:{col}: error[{code}]: " in err and "\n  hint: " in err
    assert not out.exists()


def test_every_twee_code_has_a_fixture() -> None:
    covered = {_expect(p)[0] for p in BROKEN} | {"T100"}  # T100 (not UTF-8) is tested below
    assert covered == set(TWEE_CODES)


def test_non_utf8_twee_is_t100(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "latin1.twee"
    src.write_bytes(":: Start\nCaf\xe9\n".encode("latin-1"))
    assert main(["import-twee", str(src), "-o", str(tmp_path / "o.yaml")]) == 1
    assert "error[T100]" in capsys.readouterr().err


@pytest.mark.parametrize(("inner", "text", "target", "setter", "col"), [
    ("Café", "Café", "Café", "", 3),
    ("Ask who they are->Go left", "Ask who they are", "Go left", "", 21),
    ("go-left<-Ignore the message", "Ignore the message", "go-left", "", 3),
    ("Tell my brother|森の道][$trust to 1", "Tell my brother", "森の道", "$trust to 1", 19),
    ("a->b->c", "a->b", "c", "", 9),
    ("c<-b<-a", "b<-a", "c", "", 3),
    ("Go -> End", "Go", "End", "", 9),
])
def test_each_link_form(inner: str, text: str, target: str, setter: str, col: int) -> None:
    assert split_link(inner, 3) == (text, target, setter, col)


def test_passage_names_become_unique_valid_ids() -> None:
    assert slugify("Café au lait!") == "cafe_au_lait"
    assert slugify("Straße") == "strasse"
    assert slugify("森の道") == ""
    ids = passage_ids(["Go left", "go-left", "GO LEFT", "森の道", "Ω", "x" * 80])
    assert ids == {"Go left": "go_left", "go-left": "go_left_2", "GO LEFT": "go_left_3", "森の道": "passage_4",
                   "Ω": "passage_5", "x" * 80: "x" * 60}
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", i) and len(i) <= 64 for i in ids.values())


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("twee") / "gift-card.yaml"
    assert main(["import-twee", str(TWEE / "story.twee"), "-o", str(out)]) == 0
    return out


def test_import_validates_and_keeps_the_story(imported: Path) -> None:
    checked = check_file(imported)
    assert checked.errors == [], [d.format() for d in checked.diagnostics]
    assert {d.code for d in checked.warnings} <= {"W401", "W408", "W420"}  # W408: trust is only ever set
    scn = checked.entry.scenario
    assert scn is not None
    assert (scn.id, scn.title, scn.start) == ("gift-card", "The Gift Card Offer", "debut")
    debut = scn.nodes["debut"]
    assert debut.screen.value == "dm"  # a tag that names a screen kind picks the screen
    assert [(c.text, c.goto) for c in debut.choices or []] == [
        ("Café", "cafe"), ("Ask who they are", "go_left"), ("Ignore the message", "go_left_2"),
        ("Tell my brother", "passage_5")]
    assert [m.text for m in debut.messages] == [  # each line its own message
        "A message pops up from someone called Kai.", '"Want a free gift card? Just tell me your school, $name."']
    assert scn.variables == {"trust": 0, "met": True}  # StoryInit's value; the start passage sets met
    cafe = scn.nodes["cafe"]
    assert [m.text for m in cafe.messages] == ["You think about it over a hot chocolate. You could ask a friend first."]
    assert [(c.text, c.goto) for c in cafe.choices or []] == [("ask a friend", "go_left"), ("Later", "later")]
    assert [c.set for c in debut.choices or []] == [{}, {}, {}, {"trust": 1}]  # the setter [$trust to 1]
    go_left = scn.nodes["go_left"]
    assert [(m.text, m.when is not None) for m in go_left.messages] == [("Kai sounds friendly.", True)]
    assert go_left.ending is not None and go_left.ending.text == "Kai keeps asking for more details."
    tones = {nid: n.ending.tone.value for nid, n in scn.nodes.items() if n.ending is not None}
    assert tones == {"go_left": "risky", "go_left_2": "safe", "passage_5": "help_sought", "later": "safe"}
    assert scn.nodes["passage_5"].ending.title == "森の道"  # type: ignore[union-attr]
    assert "storyinit" not in scn.nodes
    ex = checked.exploration
    assert ex is not None and all(e.reachable for e in ex.endings)


def test_import_keeps_macros_and_variables_as_comments(imported: Path) -> None:
    text = imported.read_text(encoding="utf-8")
    first, block = text.split("\n", 1)[0], text.split("\nschema_version:", 1)[0]
    ref = first.removeprefix("# yaml-language-server: $schema=")
    assert ref != first and (imported.parent / ref).resolve() == schema_file().resolve()
    for item in ("line 15, passage 'StoryInit' was not imported (variables it sets start with those values): "
                 "<<set $trust to 0>>",
                 "line 20, passage 'Début': variable $name in the text is shown as written"):
        assert f"#   - {item}\n" in block
    assert "        # Twine setter: [$trust to 1]\n" in text
    assert '        when: {"var": "met", "equals": true}  # TODO: translates the Twine condition ($met); check it\n' \
        in text
    assert '  # Twine passage "Début" (line 18, tags: dm)\n' in text
    assert "tone: safe  # TODO review: tone guessed" in text


def test_import_can_be_graphed(imported: Path) -> None:
    checked = check_file(imported)
    assert checked.entry.scenario is not None
    graph = story_graph(checked.entry.scenario)
    mer = to_mermaid(graph)
    ids = mermaid_ids(graph)
    assert all(f'{ids[n]}["{n}<br/>' in mer or f'{ids[n]}(["{n}<br/>' in mer for n in checked.entry.scenario.nodes)
    assert len(graph.edges) == 6
    assert explore(checked.entry.scenario).paths == 5


def test_import_refuses_to_overwrite_without_force(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-twee", str(TWEE / "story.twee"), "-o", str(imported)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["import-twee", str(TWEE / "story.twee"), "-o", str(imported), "--force"]) == 0
    assert main(["import-twee", str(TWEE / "nope.twee"), "-o", str(imported)]) == 2
