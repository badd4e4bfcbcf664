"""The game's scenes; each module holds one screen (registered explicitly, never discovered)."""
