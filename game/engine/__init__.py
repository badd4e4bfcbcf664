"""Pure game rules: play state, beats, conditions, scoring and the path explorer."""
