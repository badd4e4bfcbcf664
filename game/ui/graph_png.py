"""Draw a story graph to a PNG offscreen with pygame (used by `python main.py graph --format png`)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Optional

import pygame

from ..content.catalog import art_dir
from ..content.graph_layout import Box, GraphLayout, layered_layout
from ..content.storygraph import BROKEN_COLOUR, TONE_COLOURS, StoryGraph, node_caption, rgb
from .assets import save_png

# Colours follow the roles of art/themes/default.yaml (safe, caution, primary, text, muted).
BG = (246, 244, 251)
SURFACE = (255, 255, 255)
TEXT = (30, 27, 46)
MUTED = (91, 86, 112)
EDGE = (70, 64, 96)
BACK_EDGE = (142, 136, 168)
BROKEN = rgb(BROKEN_COLOUR)
TONES = {tone: (rgb(border), rgb(fill)) for tone, (border, fill) in TONE_COLOURS.items()}
"""Ending tone -> (border, fill) as RGB, from `storygraph.TONE_COLOURS` (the Mermaid and DOT exports use the same)."""
ID_SIZE, SMALL_SIZE, TITLE_SIZE = 18, 14, 24
PAD_X, PAD_Y = 12, 6
MAX_SIDE = 12_000
"""Refuse to draw beyond this many pixels a side (a 60-node story needs far less)."""


class _Fonts:
    """The three fonts of the picture: a bundled one from art/fonts when present, else pygame's."""

    def __init__(self) -> None:
        folder = art_dir() / "fonts"
        regular = folder / "AtkinsonHyperlegible-Regular.ttf"
        bold = folder / "AtkinsonHyperlegible-Bold.ttf"

        def load(path: Path, size: int) -> pygame.font.Font:
            return pygame.font.Font(str(path) if path.is_file() else None, size)

        self.id = load(bold if bold.is_file() else regular, ID_SIZE)
        self.small = load(regular, SMALL_SIZE)
        self.title = load(bold if bold.is_file() else regular, TITLE_SIZE)


def _dashed(surface: pygame.Surface, colour: tuple[int, int, int], a: tuple[float, float], b: tuple[float, float],
            width: int, dash: float = 9.0, gap: float = 6.0) -> None:
    length = math.dist(a, b)
    if length == 0:
        return
    dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        pygame.draw.line(surface, colour, (a[0] + dx * pos, a[1] + dy * pos), (a[0] + dx * end, a[1] + dy * end),
                         width)
        pos = end + gap


def _arrow(surface: pygame.Surface, colour: tuple[int, int, int], tail: tuple[float, float],
           tip: tuple[float, float]) -> None:
    angle = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    size = 10
    left = (tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    right = (tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    pygame.draw.polygon(surface, colour, [tip, left, right])


def layout_for(graph: StoryGraph, fonts: Optional[_Fonts] = None) -> GraphLayout:
    """Measure every box with the picture's fonts and lay the graph out."""
    f = fonts or _Fonts()
    sizes = {}
    for node in graph.nodes:
        top, bottom = node_caption(node)
        w = max(f.id.size(top)[0], f.small.size(bottom)[0]) + 2 * PAD_X
        sizes[node.id] = (w, f.id.get_linesize() + f.small.get_linesize() + 2 * PAD_Y)
    labels = [(f.small.size(e.label)[0] + 8, f.small.get_linesize() + 2) if e.label else (0, 0)
              for e in graph.edges]
    start = next((n.id for n in graph.nodes if n.start), None)
    return layered_layout([n.id for n in graph.nodes], [(e.source, e.target) for e in graph.edges], sizes, labels,
                          start)


def render_png(graph: StoryGraph, out: Path) -> tuple[int, int]:
    """Draw the graph and save it as a PNG; returns the picture's (width, height)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pygame.font.init()
    fonts = _Fonts()
    lay = layout_for(graph, fonts)
    head = fonts.title.get_linesize() + 16
    legend = fonts.small.get_linesize() + 16
    legend_w = _legend(pygame.Surface((1, 1)), fonts, 0) + 6  # measured by drawing it once off screen
    width = min(max(lay.width, 640, legend_w), MAX_SIDE)
    height = min(lay.height + head + legend, MAX_SIDE)
    surface = pygame.Surface((width, height))
    surface.fill(BG)
    surface.blit(fonts.title.render(f"{graph.title}  ({graph.scenario})", True, TEXT), (24, 12))

    def shift(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0], p[1] + head)

    for edge, path in zip(graph.edges, lay.edges, strict=True):
        colour = BROKEN if edge.broken else BACK_EDGE if path.reversed else EDGE
        pts = [shift(p) for p in path.points]
        for a, b in zip(pts, pts[1:], strict=False):
            if edge.conditional or edge.broken:
                _dashed(surface, colour, a, b, 2)
            else:
                pygame.draw.line(surface, colour, a, b, 2)
        _arrow(surface, colour, pts[-2], pts[-1])
    for node in graph.nodes:
        b = lay.nodes[node.id]
        rect = pygame.Rect(round(b.left), round(b.top + head), b.w, b.h)
        border, fill = TONES.get(node.tone or "", (EDGE, SURFACE))
        pygame.draw.rect(surface, fill, rect, border_radius=8)
        pygame.draw.rect(surface, BROKEN if node.missing else border if node.reachable else BACK_EDGE, rect,
                         4 if node.start else 2, border_radius=8)
        top, bottom = node_caption(node)
        surface.blit(fonts.id.render(top, True, TEXT), (rect.x + PAD_X, rect.y + PAD_Y))
        surface.blit(fonts.small.render(bottom, True, MUTED),
                     (rect.x + PAD_X, rect.y + PAD_Y + fonts.id.get_linesize()))
    for edge, path in zip(graph.edges, lay.edges, strict=True):
        if path.label is None:
            continue
        lb: Box = path.label
        rect = pygame.Rect(round(lb.left), round(lb.top + head), lb.w, lb.h)
        pygame.draw.rect(surface, SURFACE, rect, border_radius=4)
        surface.blit(fonts.small.render(edge.label, True, TEXT), (rect.x + 4, rect.y + 1))
    _legend(surface, fonts, height - legend + 6)
    save_png(surface, out)
    return width, height


def _legend(surface: pygame.Surface, fonts: _Fonts, y: int) -> int:
    """Draw the legend at y; returns where it ends (x)."""
    x = 24
    pygame.draw.line(surface, EDGE, (x, y + 9), (x + 30, y + 9), 2)
    x += 36
    x += _text(surface, fonts, "choice", x, y) + 18
    _dashed(surface, EDGE, (x, y + 9), (x + 30, y + 9), 2)
    x += 36
    x += _text(surface, fonts, "choice with a condition", x, y) + 18
    pygame.draw.line(surface, BACK_EDGE, (x, y + 9), (x + 30, y + 9), 2)
    x += 36
    x += _text(surface, fonts, "goes back (a loop)", x, y) + 18
    _dashed(surface, BROKEN, (x, y + 9), (x + 30, y + 9), 2)
    x += 36
    x += _text(surface, fonts, "link to a missing node", x, y) + 18
    for tone, (border, fill) in TONES.items():
        pygame.draw.rect(surface, fill, (x, y + 2, 16, 14))
        pygame.draw.rect(surface, border, (x, y + 2, 16, 14), 2)
        x += 22
        x += _text(surface, fonts, f"{tone} ending", x, y) + 18
    return x


def _text(surface: pygame.Surface, fonts: _Fonts, text: str, x: int, y: int) -> int:
    img = fonts.small.render(text, True, MUTED)
    surface.blit(img, (x, y))
    return img.get_width()

