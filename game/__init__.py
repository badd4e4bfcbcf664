"""Red Flag Radar: a classroom game about spotting online grooming, exploitation and control."""

__version__ = "0.1.0"
