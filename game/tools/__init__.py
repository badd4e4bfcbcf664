"""Command-line tools for authors and teachers; no display needed."""
