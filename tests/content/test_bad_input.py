"""Bad input to `validate`: each answered with a clear located error and the right exit code."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.cli import main

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_bytes()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: bytes, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def assert_located(out: str, path: Path, code: str, line: int | None = None) -> None:
    prefix = f"{path}:"
    hits = [ln for ln in out.splitlines() if ln.startswith(prefix) and f"[{code}]" in ln]
    assert hits, out
    if line is not None:
        assert hits[0].split(":")[1] == str(line), hits[0]
    assert "Traceback" not in out


def test_nonexistent_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.yaml"))
    assert code == 2
    assert err.strip() == f"error: no such file or folder: '{tmp_path / 'nope.yaml'}'"


def test_folder_without_yaml_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "no YAML files found" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"", "E109", 1),
        (b"   \n\n", "E109", 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E103", 3),
        (b"title: ok\nsummary: caf\xe9\n", "E102", 2),
        (b"a:\n\t- b\n", "E104", 2),
        (b"title: [unclosed\n", "E104", 2),
        (b"title: 'unclosed\n", "E104", 1),  # where the quote opens, not where the file ends
        (b"- one\n- two\n", "E110", 1),
        (b"just some words\n", "E110", 1),
        (b"a: 1\n---\nb: 2\n", "E108", 2),
    ],
    ids=["empty", "blank", "binary", "bad-utf8", "tabs", "bracket", "quote", "list", "scalar", "two-docs"],
)
def test_bad_file_gets_a_located_error(capsys, tmp_path, data, code, line) -> None:
    p = write(tmp_path, data)
    rc, out, _ = run(capsys, str(p))
    assert rc == 1
    assert_located(out, p, code, line)


def test_tabs_get_a_tab_hint(capsys, tmp_path) -> None:
    p = write(tmp_path, b"a:\n\t- b\n")
    _, out, _ = run(capsys, str(p))
    assert "a tab is used for indentation" in out and "hint: indent with spaces: YAML does not allow tabs" in out


def test_byte_order_mark_and_crlf_are_accepted(capsys, tmp_path) -> None:
    p = write(tmp_path, b"\xef\xbb\xbf" + MINI.replace(b"\n", b"\r\n"))
    rc, out, _ = run(capsys, str(p))
    assert rc == 0, out


def test_alias_bomb_is_refused_fast(capsys, tmp_path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    p = write(tmp_path, "\n".join(lines).encode())
    start = time.perf_counter()
    rc, out, _ = run(capsys, str(p))
    assert time.perf_counter() - start < 0.5
    assert rc == 1
    assert_located(out, p, "E105", 1)


def test_python_tags_are_refused_and_never_run(capsys, tmp_path) -> None:
    marker = tmp_path / "ran"
    data = f"title: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    p = write(tmp_path, data)
    rc, out, _ = run(capsys, str(p))
    assert rc == 1
    assert_located(out, p, "E106", 1)
    assert not marker.exists()


def test_deep_nesting_is_refused_without_recursion_error(capsys, tmp_path) -> None:
    p = write(tmp_path, b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n")
    rc, out, _ = run(capsys, str(p))
    assert rc == 1
    assert_located(out, p, "E107", 1)


def test_ten_megabyte_file_is_refused_at_once(capsys, tmp_path) -> None:
    p = write(tmp_path, b"title: " + b"x" * 10_000_000 + b"\n")
    start = time.perf_counter()
    rc, out, _ = run(capsys, str(p))
    assert time.perf_counter() - start < 0.5
    assert rc == 1
    assert_located(out, p, "E101", 1)


def test_json_format_reports_the_same(capsys, tmp_path) -> None:
    import json

    p = write(tmp_path, b"- a\n")
    rc, out, _ = run(capsys, str(p), "--format", "json")
    data = json.loads(out)
    assert rc == 1 and data["ok"] is False and data["errors"] == 1
    assert data["files"][0]["diagnostics"][0]["code"] == "E110"
