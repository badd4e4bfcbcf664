"""The room's rules without a network: codes, wrong-code waits, one vote per device, aggregates only, forgetting."""

from __future__ import annotations

from game.net.limits import MAX_DEVICES, RATE_PER_S, WRONG_CODES, WRONG_WAIT_S, RateLimit, WrongCodes
from game.net.room import Question, Result, RoomState, new_code, short

Q = Question("s:n:0", "choice", "What do you do?", "Send me a photo", ("Block", "Reply", "Tell someone"),
             ("A", "B", "C"))


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _room() -> tuple[RoomState, Clock]:
    clock = Clock()
    return RoomState(code="4812", clock=clock), clock


def test_codes_are_four_random_digits() -> None:
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == 4 and c.isdigit() for c in codes) and len(codes) > 150


def test_the_right_code_gives_a_token_and_the_same_device_keeps_it() -> None:
    room, _ = _room()
    a = room.join("key-a", "10.0.0.5", "4812")
    assert a.status == 200 and len(a.body["token"]) >= 20 and a.body["device"] == 1
    again = room.join("key-a", "10.0.0.5", "4812")  # the page reloaded: still one device
    assert again.body["token"] == a.body["token"] and len(room.devices) == 1
    b = room.join("key-b", "10.0.0.6", "4812")
    assert b.body["token"] != a.body["token"] and b.body["device"] == 2


def test_five_wrong_codes_from_one_device_mean_a_30_second_wait() -> None:
    room, clock = _room()
    lefts = [room.join("key-a", "10.0.0.5", "0000").body.get("left") for _ in range(WRONG_CODES - 1)]
    assert lefts == [4, 3, 2, 1]
    fifth = room.join("key-a", "10.0.0.5", "0001")
    assert fifth.status == 429 and fifth.body["wait"] == round(WRONG_WAIT_S)
    assert room.join("key-a", "10.0.0.5", "4812").status == 429, "even the right code waits"
    assert room.join("key-b", "10.0.0.6", "4812").status == 200, "another device is not held up"
    clock.t += WRONG_WAIT_S - 1
    assert room.join("key-a", "10.0.0.5", "4812").status == 429
    clock.t += 1.5
    assert room.join("key-a", "10.0.0.5", "4812").status == 200


def test_made_up_devices_from_one_address_are_held_up_too() -> None:
    room, _ = _room()
    statuses = [room.join(f"key-{i}", "10.0.0.9", "0000").status for i in range(20)]
    assert statuses[:19] == [403] * 19 and statuses[19] == 429
    assert room.join("key-new", "10.0.0.9", "4812").status == 429


def test_malformed_codes_count_as_wrong() -> None:
    room, _ = _room()
    for bad in (4812, None, ["4812"], "48120", "48 2", "", "٤٨١٢"):
        assert room.join("key-a", "a", bad).status in (403, 429)
    assert room.devices == {}


def test_the_room_holds_at_most_200_devices() -> None:
    room, _ = _room()
    for i in range(MAX_DEVICES):
        assert room.join(f"key-{i}", f"10.0.{i // 250}.{i % 250}", "4812").status == 200
    full = room.join("key-late", "10.1.0.1", "4812")
    assert full.status == 503 and full.body == {"error": "full"} and len(room.devices) == MAX_DEVICES


def test_one_vote_per_device_a_change_replaces_it() -> None:
    room, _ = _room()
    a = room.join("a", "1", "4812").body["token"]
    b = room.join("b", "2", "4812").body["token"]
    assert room.vote(a, Q.id, 0) == "no vote is open", "refused when no vote is open"
    room.open(Q)
    assert room.vote(a, Q.id, 0) is None and room.vote(a, Q.id, 2) is None and room.vote(b, Q.id, 2) is None
    assert room.tally() == [0, 0, 2] and room.snapshot().answers == ((1, 2), (2, 2))
    assert room.vote(a, "old-question", 1) == "that vote is closed"
    assert room.vote("made-up", Q.id, 1) == "unknown device"
    for bad in (3, -1, True, "1", 1.0, None):
        assert room.vote(a, Q.id, bad) == "no such option"
    room.reveal(Result(Q.id, (1, 0, 3), 1, 2))
    assert room.vote(a, Q.id, 0) == "no vote is open", "no changes after the reveal"
    room.open(Q)  # the teacher went back to the counts: the same question, the votes kept
    assert room.tally() == [0, 0, 2]
    room.open(Question("s:m:1", "choice", "p", "m", ("x", "y")))
    assert room.tally() == [0, 0]


def test_a_device_sees_only_its_own_vote_and_aggregates() -> None:
    room, _ = _room()
    a = room.join("a", "1", "4812").body["token"]
    b = room.join("b", "2", "4812").body["token"]
    room.open(Q)
    room.vote(a, Q.id, 1)
    view_b = room.view(b)
    assert view_b["mine"] is None and view_b["answered"] == 1
    assert set(view_b) == {"type", "phase", "devices", "question", "mine", "answered"}, "no tally before the reveal"
    assert a not in str(view_b)
    room.vote(b, Q.id, 2)
    room.reveal(Result(Q.id, (4, 1, 1), 4, 2))
    view_a = room.view(a)
    assert view_a["mine"] == 1 and view_a["result"] == {"counts": [4, 1, 1], "hands": 4, "devices": 2, "total": 6}
    assert b not in str(view_a) and a not in str(room.view(b))


def test_closing_forgets_every_token_and_vote() -> None:
    room, _ = _room()
    a = room.join("a", "1", "4812").body["token"]
    room.open(Q)
    room.vote(a, Q.id, 0)
    room.forget()
    assert not room.known(a) and room.devices == {} and room.votes == {} and room.by_key == {}
    assert room.phase == "closed" and room.vote(a, Q.id, 0) == "unknown device"


def test_question_text_is_cut_and_cleaned() -> None:
    q = Question("x", "choice", "p\x1b[31m", "w " * 400, ("a\u202e" + "b" * 300,), ("A",))
    pub = q.public()
    assert len(pub["message"]) <= 400 and pub["message"].endswith("\u2026")
    assert "\x1b" not in pub["prompt"] and "\u202e" not in pub["options"][0]["text"]
    assert len(pub["options"][0]["text"]) <= 200
    assert short("a  b\n c") == "a b c"


def test_rate_limit_allows_20_a_second_per_device() -> None:
    clock = Clock()
    rate = RateLimit(clock=clock)
    assert [rate.allow("d") for _ in range(RATE_PER_S + 3)].count(True) == RATE_PER_S
    assert rate.allow("other")
    clock.t += 1.0
    assert rate.allow("d")


def test_wrong_codes_restart_after_a_right_one() -> None:
    w = WrongCodes(clock=Clock())
    w.wrong("k")
    w.wrong("k")
    w.right("k")
    assert w.wrong("k") == WRONG_CODES - 1 and w.wait("k") is None
