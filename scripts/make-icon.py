#!/usr/bin/env python3
"""Writes build/icon.png, Attest's application icon (512 x 512 RGBA, the size electron-builder
asks for to make every platform's icons): a dark rounded square with three highlight bars in the
built-in labels' colours (claim, quote, source). Standard library only (zlib, struct)."""
import struct
import zlib
from pathlib import Path

SIZE = 512
BACKGROUND = (0x26, 0x32, 0x38)
BARS = [((0xC6, 0x28, 0x28), 0.28), ((0x15, 0x65, 0xC0), 0.47), ((0x2E, 0x7D, 0x32), 0.66)]
RADIUS = 96


def inside_rounded(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    for colour, top in BARS:
        y0 = int(top * SIZE)
        width = 0.62 if colour == BARS[1][0] else 0.72
        if y0 <= y < y0 + 56 and 0.14 * SIZE <= x < (0.14 + width) * SIZE:
            return colour + (255,)
    return BACKGROUND + (255,)


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)
    raw = b''.join(b'\x00' + bytes(v for px in row for v in px) for row in rows)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


out = Path(__file__).resolve().parent.parent / 'build' / 'icon.png'
out.parent.mkdir(exist_ok=True)
out.write_bytes(png(SIZE, SIZE, [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
print(out)
