"""Picture headers read without decoding (kind and size): a hostile picture never makes the game allocate gigabytes."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Optional

MAX_SIDE = 4096
"""Widest or tallest picture shown, in pixels (a 4096 x 4096 picture already takes 64 MB once decoded)."""
MAX_BYTES = 8_000_000
"""Largest picture file."""
MAX_FRAMES = 256
"""Most frames an animated picture (GIF) may hold."""
MAX_PIXELS = 2 * MAX_SIDE * MAX_SIDE
"""Most pixels a picture may decode to, over all its frames (each frame fills the whole canvas): about 134 MB."""
KINDS = "PNG, JPEG, GIF, BMP or WebP"

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> Optional[tuple[int, int]]:
    """Width and height from the first start-of-frame marker."""
    i = 2
    while i + 9 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if marker in _JPEG_SOF:
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        i += 2 + length
    return None


def _webp_size(data: bytes) -> Optional[tuple[int, int]]:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        w, h = struct.unpack("<HH", data[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def gif_frames(data: bytes) -> Optional[list[tuple[int, int]]]:
    """The (width, height) of every frame of a GIF, read from its block structure without decoding any pixel.

    None when the blocks are damaged before the first frame; stops counting past MAX_FRAMES + 1.
    """
    if len(data) < 13:
        return None
    i = 13
    if data[10] & 0x80:  # global colour table
        i += 3 << ((data[10] & 0x07) + 1)
    frames: list[tuple[int, int]] = []
    while i < len(data) and len(frames) <= MAX_FRAMES:
        block = data[i]
        if block == 0x3B:  # trailer
            break
        if block == 0x21:  # extension: label, then sub-blocks
            i += 2
        elif block == 0x2C:  # image descriptor: x, y, width, height, flags
            if i + 10 > len(data):
                break
            w, h = struct.unpack("<HH", data[i + 5:i + 9])
            frames.append((w, h))
            flags = data[i + 9]
            i += 10
            if flags & 0x80:  # local colour table
                i += 3 << ((flags & 0x07) + 1)
            i += 1  # LZW minimum code size
        else:
            break
        while i < len(data) and data[i]:  # sub-blocks, each led by its length; a zero length ends them
            i += data[i] + 1
        i += 1
    return frames if frames else None


def size_problem(kind: str, w: int, h: int, frames: Optional[list[tuple[int, int]]] = None) -> Optional[str]:
    """Why a picture of this size (and these frames) cannot be shown, or None: every side, the frame count and
    the decoded size are checked before anything is decoded."""
    if w <= 0 or h <= 0 or w > MAX_SIDE or h > MAX_SIDE:
        return f"the {kind} picture is {w} x {h} pixels; the limit is {MAX_SIDE} x {MAX_SIDE}"
    sizes = frames if frames is not None else [(w, h)]
    if len(sizes) > MAX_FRAMES:
        return f"the {kind} picture has more than {MAX_FRAMES} frames; the limit is {MAX_FRAMES}"
    decoded = 0
    for n, (fw, fh) in enumerate(sizes, start=1):
        if fw > MAX_SIDE or fh > MAX_SIDE:
            return f"frame {n} of the {kind} picture is {fw} x {fh} pixels; the limit is {MAX_SIDE} x {MAX_SIDE}"
        decoded += max(fw * fh, w * h)
    if decoded > MAX_PIXELS:
        return f"the {kind} picture decoded would be {decoded:,} pixels over {len(sizes)} frame(s); " \
               f"the limit is {MAX_PIXELS:,}"
    return None


def picture_problem_bytes(data: bytes) -> Optional[str]:
    """Why picture file contents cannot be shown (kind, sides, frames, decoded size), or None when they can."""
    info = picture_size(data)
    if info is None:
        return f"this is not a {KINDS} picture (or its header is damaged)"
    kind, w, h = info
    frames = None
    if kind == "GIF":
        canvas = size_problem(kind, w, h)
        if canvas is not None:
            return canvas
        frames = gif_frames(data)
        if frames is None:
            return "this GIF picture holds no frame (or its blocks are damaged)"
    return size_problem(kind, w, h, frames)


def picture_size(data: bytes) -> Optional[tuple[str, int, int]]:
    """(kind, width, height) from the first bytes of a PNG, JPEG, GIF, BMP or WebP file; None for anything else."""
    size: Optional[tuple[int, int]] = None
    kind = ""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        kind, size = "PNG", struct.unpack(">II", data[16:24])
    elif data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        kind, size = "GIF", struct.unpack("<HH", data[6:10])
    elif data.startswith(b"BM") and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        kind, size = "BMP", (abs(w), abs(h))
    elif data.startswith(b"\xff\xd8"):
        kind, size = "JPEG", _jpeg_size(data)
    elif data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        kind, size = "WebP", _webp_size(data)
    if size is None:
        return None
    return kind, int(size[0]), int(size[1])


def picture_problem(path: Path) -> Optional[str]:
    """Why a picture file cannot be shown (not a known picture, too many bytes or pixels), or None when it can."""
    try:
        nbytes = Path(path).stat().st_size
        if nbytes > MAX_BYTES:
            return f"the picture is {nbytes:,} bytes; the limit is {MAX_BYTES:,}"
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES)  # whole (at most 8 MB): a GIF's frames can sit anywhere in it
    except (OSError, ValueError) as exc:
        return f"the picture cannot be read ({getattr(exc, 'strerror', None) or exc})"
    return picture_problem_bytes(data)
