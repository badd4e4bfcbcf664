"""The everyone-plays student page (game/net/static/play.html), without a browser: small, self-contained, served under
the room's strict policy (one inline script and one inline style, both by hash), never inserting text as HTML."""

from __future__ import annotations

import re

from game.net.web import PLAY_PAGE, page_and_policy, page_text


def test_the_page_is_small_self_contained_and_allowed_by_its_own_policy() -> None:
    body, policy = page_and_policy(PLAY_PAGE)
    html = body.decode("utf-8")
    assert len(body) <= 150_000
    assert html.count("<script>") == 1 and html.count("<style>") == 1  # what the policy's hashes cover
    assert policy.count("'sha256-") == 2 and "default-src 'none'" in policy and "unsafe-inline" not in policy
    for outside in ("https://", "@import", "url(", "<link", "src=", "@font-face"):
        assert outside not in html, outside
    assert set(re.findall(r"http://[^\s\"']+", html)) <= {"http://www.w3.org/2000/svg"}
    markup = html.split("<script>")[0]
    assert not re.search(r"\sstyle=|\son[a-z]+=", markup), "the policy would block inline styles and handlers"


def test_the_page_never_inserts_text_as_html_and_keys_match_the_desktop() -> None:
    html = page_text(PLAY_PAGE)
    script = html.split("<script>")[1].split("</script>")[0]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute(\"style\"", "localStorage"):
        assert sink not in script, sink
    for key in ('"F12"', '"Escape"', '"Enter"', "/^[1-9]$/", '"s"', '"h"', '"ArrowDown"', '"ArrowLeft"'):
        assert key in script, key
    assert 'location.replace("#notes")' in script  # Quick exit leaves no way back to the game
    for kind in ("note", "node", "feedback", "spot_result", "ending", "debrief", "summary", "help", "left"):
        assert re.search(rf"\b{kind}: function", script), kind
