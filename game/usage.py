"""UsageError: a command was called wrongly (exit code 2). A leaf module every layer may raise it from; with the
type of a command's parsed options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    Options = Union[argparse.Namespace, SimpleNamespace]
    """A command's options: argparse's, or the play defaults of a plain start (`cli.play_defaults`)."""


class UsageError(Exception):
    """A command was called wrongly (exit code 2): an unknown scenario, a bad option value, a missing file."""
