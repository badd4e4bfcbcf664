"""`python -m game` does the same as `python main.py`."""

from .tools.cli import main

raise SystemExit(main())
