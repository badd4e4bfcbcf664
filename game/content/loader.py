"""Load a YAML content file into a validated model, mapping every problem to file:line:col."""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Optional, TypeVar, Union

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, DiagnosticBag, did_you_mean
from .safetext import escape
from .schema import Scenario
from .yamlread import MAX_BYTES, Marks, decode, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """The result of loading one file: the model (None when refused) and its diagnostics."""

    path: str
    model: Optional[M]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)

    @property
    def ok(self) -> bool:
        """True when the model was built and no error was found."""
        return self.model is not None and not any(d.severity.value == "error" for d in self.diagnostics)


def read_bytes(path: Path, bag: DiagnosticBag) -> Optional[bytes]:
    """Read a file's bytes, refusing oversize files before reading them whole."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            bag.error("E101", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                      hint="split the scenario into smaller files or shorten long texts")
            return None
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        bag.error("E100", "file not found", hint="check the path")
    except IsADirectoryError:
        bag.error("E100", "this is a folder, not a file", hint="give a .yaml file")
    except OSError as exc:
        bag.error("E100", f"cannot read the file: {exc.strerror or exc}", hint="check the file's permissions")
    return None


def _unwrap(tp: Any) -> list[Any]:
    """Peel Optional/Annotated/Union down to the concrete types inside."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin is Union:
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(_unwrap(arg))
        return out
    return [tp]


def _models_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The model classes that describe the mapping at a pydantic error location."""
    current: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            origin = typing.get_origin(tp)
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                for name, info in tp.model_fields.items():
                    if part in (name, info.alias):
                        nxt.extend(_unwrap(info.annotation))
            elif origin in (list, dict) and not isinstance(part, str) or origin is dict:
                args = typing.get_args(tp)
                if args:
                    nxt.extend(_unwrap(args[-1]))
        current = nxt
    return [tp for tp in current if isinstance(tp, type) and issubclass(tp, BaseModel)]


def _field_names(models: list[type[BaseModel]]) -> list[str]:
    names: list[str] = []
    for m in models:
        for name, info in m.model_fields.items():
            names.append(info.alias or name)
    return names


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union tags and function markers from a location.

    A condition's tag (equals, all, not, ...) follows a `when` or `not` field, or a list index inside
    `all`/`any`; the real field names come after it.
    """
    known = {"equals", "at_least", "at_most", "visited", "all", "any", "not"}
    out: list[Any] = []
    tag_may_follow = False
    for part in loc:
        if isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue
        if tag_may_follow and isinstance(part, str) and part in known:
            tag_may_follow = False
            continue
        out.append(part)
        tag_may_follow = (part in ("when", "not") if isinstance(part, str)
                          else len(out) >= 2 and out[-2] in ("all", "any"))
    return tuple(out)


def _loc_text(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "file"


def report_validation(model: type[BaseModel], exc: ValidationError, marks: Marks, bag: DiagnosticBag) -> None:
    """Turn pydantic errors into located diagnostics with hints."""
    seen: set[tuple[str, tuple[int, int], str]] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        etype = err["type"]
        where = _loc_text(loc)
        if "[key]" in err["loc"] and loc:  # a mapping key that must be an id (node, variable, set/add names)
            pos = marks.at(loc, key=True)
            code, msg = "E203", f"'{escape(str(loc[-1]))[:80]}' in {_loc_text(loc[:-1])} is not an id: {err['msg']}"
            hint = _hint_for("string_pattern_mismatch" if etype == "string_pattern_mismatch" else etype, err)
        elif etype == "extra_forbidden" and len(loc) >= 3 and loc[-1] == "on" and loc[-3] == "toggles":
            pos = marks.at(loc, key=True)
            state = str(err.get("input")).strip().lower() in ("true", "yes", "on", "1")
            code, msg = "E201", "a toggle's `on:` is now written `enabled:`"
            hint = (f"write `enabled: {'true' if state else 'false'}` (editors and other YAML readers turn the key "
                    "`on` into true, so it was renamed)")
        elif etype == "extra_forbidden" and loc:
            key = str(loc[-1])
            pos = marks.at(loc, key=True)
            hint = did_you_mean(key, _field_names(_models_at(model, loc[:-1]))) or "remove it or check its spelling"
            code, msg = "E201", f"unknown key '{key}' in {_loc_text(loc[:-1])}"
        elif etype == "missing" and loc:
            pos = marks.at(loc[:-1])
            code, msg = "E202", f"'{loc[-1]}' is required in {_loc_text(loc[:-1])}"
            hint = f"add `{loc[-1]}:`; see `python main.py schema` for what it holds"
        elif etype == "value_error" and "exactly one of" in err["msg"]:
            pos = marks.at(loc, key=True)
            code, msg = "E204", f"node '{loc[-1] if loc else ''}': {err['msg'].removeprefix('Value error, ')}"
            hint = "give choices, a spot task, next: NODE, or an ending"
        elif etype == "string_too_long" and isinstance(err.get("input"), str):
            pos = marks.at(loc)
            limit = (err.get("ctx") or {}).get("max_length")
            code, msg = "E203", f"{where} is {len(err['input']):,} characters long; the limit is {limit:,}"
            hint = f"shorten it to {limit:,} characters or fewer (the game's screens are sized for that)"
        elif etype == "value_error" and "schema_version" in err["msg"]:
            pos = marks.at(("schema_version",))
            code, msg = "E205", err["msg"].removeprefix("Value error, ")
            hint = "update the game, or write the file for schema_version 1"
        else:
            pos = marks.at(loc)
            code = "E203"
            got = err.get("input")
            shown = repr(got) if isinstance(got, (str, int, bool)) and len(repr(got)) < 50 else type(got).__name__
            msg = f"{where}: {err['msg']}" + (f" (got {shown})" if got is not None and etype != "condition" else "")
            hint = _hint_for(etype, err)
            if etype == "string_type" and isinstance(got, dict) and len(got) == 1:  # `- Pause: then ask`
                key, value = next(iter(got.items()))
                if isinstance(key, str) and isinstance(value, str):
                    msg = f"{where}: this text contains ': ', so YAML read it as `key: value`"
                    hint = f"text containing ': ' needs quotes: \"{key}: {value}\""
            if etype == "condition" and isinstance(got, dict):
                tests = ("equals", "at_least", "at_most", "visited", "all", "any", "not")
                for k in got:
                    close = did_you_mean(str(k), tests)
                    if k not in (*tests, "var") and close:
                        hint = f"'{k}': {close}"
                        break
        entry = (code, pos, msg)
        if entry not in seen:
            seen.add(entry)
            bag.error(code, msg, pos, hint=hint)


def _hint_for(etype: str, err: Any) -> str:
    ctx = err.get("ctx") or {}
    if etype == "enum":
        return f"use one of: {ctx.get('expected', '')}".replace("'", "")
    if etype in ("string_type",):
        return "write text here"
    if etype in ("int_parsing", "int_type"):
        return "write a whole number here"
    if etype in ("bool_parsing", "bool_type"):
        return "write true or false here"
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        return "this needs `key: value` pairs (a mapping), not a list or a single value"
    if etype == "list_type":
        return "this needs a list: one `- item` per line"
    if etype == "string_pattern_mismatch":
        return "ids use lowercase letters, digits, '_', '-' and '.'"
    if etype in ("too_long", "string_too_long"):
        return "shorten it"
    if etype in ("too_short", "string_too_short"):
        return "this cannot be empty"
    if etype == "condition":
        return "e.g. `when: {var: asked_friend, equals: true}`"
    if etype.startswith(("greater", "less")):
        return "keep the number inside the allowed range"
    return "see `python main.py schema` for the expected shape"


def load_model(path: Path, model: type[M], *, display: Optional[str] = None, fast: bool = True) -> Loaded[M]:
    """Read, parse and validate one YAML file as ``model``."""
    shown = display or str(path)
    bag = DiagnosticBag(shown)
    data = read_bytes(path, bag)
    if data is None:
        return Loaded(shown, None, bag.items)
    return load_text_bytes(data, model, shown, fast=fast)


def load_text_bytes(data: bytes, model: type[M], shown: str, *, fast: bool = True) -> Loaded[M]:
    """Parse and validate file contents already in memory."""
    bag = DiagnosticBag(shown)
    text = decode(data, bag)
    if text is None:
        return Loaded(shown, None, bag.items)
    parsed = read_yaml(text, bag, fast=fast)
    if parsed is None:
        return Loaded(shown, None, bag.items)
    root, marks = parsed
    if not isinstance(root, dict):
        kind = "a list" if isinstance(root, list) else "a single value"
        bag.error("E110", f"the file holds {kind}; a {model.__name__} file must be a mapping of keys",
                  hint="start with `schema_version: 1` and then one `key: value` per line")
        return Loaded(shown, None, bag.items, marks)
    try:
        built = model.model_validate(root)
    except ValidationError as exc:
        report_validation(model, exc, marks, bag)
        return Loaded(shown, None, bag.items, marks)
    except (RecursionError, MemoryError):  # pragma: no cover - the reader caps depth and size first
        bag.error("E107", "the file is too deeply nested to check", hint="check the indentation")
        return Loaded(shown, None, bag.items, marks)
    return Loaded(shown, built, bag.items, marks)


def load_scenario(path: Path, *, display: Optional[str] = None, fast: bool = True) -> Loaded[Scenario]:
    """Load and schema-check one scenario file (no lint)."""
    return load_model(path, Scenario, display=display, fast=fast)
