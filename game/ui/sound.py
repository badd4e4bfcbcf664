"""Soft interface sounds made in code (no files): a tap, a safe-move chime, and the class timer's gentle end tone."""

from __future__ import annotations

import math
from array import array
from typing import Optional

import pygame

RATE = 22050


def _tone(freqs: list[tuple[float, float]], volume: float = 0.25) -> bytes:
    """16-bit mono samples: each (frequency, seconds) note with a short attack and a soft decay."""
    out = array("h")
    for freq, secs in freqs:
        n = int(RATE * secs)
        for i in range(n):
            env = min(1.0, i / (RATE * 0.01)) * (1 - i / n) ** 2
            out.append(int(32767 * volume * env * math.sin(2 * math.pi * freq * i / RATE)))
    return out.tobytes()


class Sounds:
    """Plays named sounds when sound is on; any audio problem just means silence."""

    def __init__(self) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._failed = False

    def _ready(self) -> bool:
        if self._failed:
            return False
        if self._sounds:
            return True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(RATE, -16, 1, 512)
            self._sounds = {
                "tap": pygame.mixer.Sound(buffer=_tone([(660, 0.06)], 0.18)),
                "good": pygame.mixer.Sound(buffer=_tone([(523, 0.09), (784, 0.16)], 0.2)),
                "page": pygame.mixer.Sound(buffer=_tone([(440, 0.05)], 0.12)),
                "end": pygame.mixer.Sound(buffer=_tone([(523, 0.35), (392, 0.6)], 0.12)),
            }
        except (pygame.error, ValueError, OSError):
            self._failed = True
            return False
        return True

    def play(self, name: str) -> Optional[object]:
        """Play a sound by name (tap, good, page, end); returns the channel or None."""
        if not self._ready():
            return None
        snd = self._sounds.get(name)
        return snd.play() if snd is not None else None

    def stop(self) -> None:
        """Silence everything now (quick exit, sound turned off)."""
        try:
            if pygame.mixer.get_init():
                pygame.mixer.stop()
        except pygame.error:
            pass
