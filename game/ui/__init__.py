"""The pygame-ce front end of Red Flag Radar (the only package that imports pygame)."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
