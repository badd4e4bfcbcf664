"""The data folder (or the records file) deleted or replaced while the game runs: the store notices on the next
commit, keeps every record in memory and says "Progress is not being saved", as for a read-only folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.session.store import DB_FILE, Store

GONE = "Progress is not being saved: the data folder was deleted or moved."


def _decide(s: Store, sid: int, n: int) -> None:
    for i in range(n):
        s.record_decision(sid, node_id=f"n{i}", kind="choice", options=["a", "b"], chosen=0, safer=0, points=1)


@pytest.mark.parametrize("remove", ["folder", "file", "replaced"])
def test_deleting_the_records_while_playing_is_noticed_and_nothing_is_lost(tmp_path: Path, remove: str) -> None:
    folder = tmp_path / "data"
    s = Store.open(folder)
    sid = s.start_session("loverboy")
    _decide(s, sid, 3)
    assert s.persistent and s.notice is None
    if remove == "folder":
        shutil.rmtree(folder)
    elif remove == "file":
        for p in folder.iterdir():
            p.unlink()
    else:  # another copy of the game started new records in a new folder at the same place
        shutil.rmtree(folder)
        Store.open(folder).close()
    _decide(s, sid, 129)
    assert s.persistent is False
    assert s.notice == GONE
    assert len(s.decisions(sid)) == 132  # every record is still there for the debrief and summary
    s.finish_session(sid, ending_id="end", ending_tone="safe", score=3, best_score=3)
    s.close()
    if remove == "folder":
        assert not folder.exists()  # nothing was written to a folder the teacher deleted


def test_a_store_whose_file_stays_put_keeps_saving(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    sid = s.start_session("loverboy")
    _decide(s, sid, 5)
    assert s.persistent and s.notice is None
    s.close()
    with Store.open(tmp_path) as again:
        assert len(again.decisions(sid)) == 5 and (tmp_path / DB_FILE).is_file()
