"""I/O at the edges: data folder, settings file and the SQLite record store (no pygame)."""
