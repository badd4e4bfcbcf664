"""UsageError: a command was called wrongly (exit code 2). A leaf module every layer may raise it from."""


class UsageError(Exception):
    """A command was called wrongly (exit code 2): an unknown scenario, a bad option value, a missing file."""
