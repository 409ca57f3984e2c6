#!/usr/bin/env python3
"""Writes small generated seed inputs for the fuzz targets whose inputs are not files found in
../shared/testdata: fuzz_chars (box + text + character blob), fuzz_worker (RecognizeRequest and
RecognizeResponse bytes, GREY8 and PNG), fuzz_project_rows (cell writes). Standard library only.
Usage: seeds.py OUT_DIR   (creates OUT_DIR/chars, OUT_DIR/worker, OUT_DIR/project_rows)"""
import os, struct, sys, zlib

out = sys.argv[1]

def write(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)

def varint(v):
    b = bytearray()
    while v >= 0x80:
        b.append((v & 0x7f) | 0x80)
        v >>= 7
    b.append(v)
    return bytes(b)

def zigzag(v):
    return varint((v << 1) ^ (v >> 63) if v >= 0 else ((-v) << 1) - 1)

# ---- chars: 16-byte box, text length, text, blob (core/storage/char_codec.h) ----
def chars_seed(box, text, chars, explicit):
    x0, y0, x1, y1 = box
    blob = bytearray([2 if explicit else 1]) + varint(len(chars))
    if explicit:
        for t, _ in chars:
            u = t.encode()
            blob += varint(len(u)) + u
    prev = x0
    for _, (cx0, cy0, cx1, cy1, conf) in chars:
        blob += zigzag(cx0 - prev) + zigzag(cx1 - cx0) + zigzag(cy0 - y0) + zigzag(cy1 - y1) + bytes([conf])
        prev = cx1
    t = text.encode()
    return struct.pack("<4i", *box) + bytes([len(t)]) + t + bytes(blob)

word = "Smith"
cs = [(c, (100 + 20 * i, 10, 118 + 20 * i, 40, 180)) for i, c in enumerate(word)]
write("chars", "implicit", chars_seed((100, 10, 200, 40), word, cs, False))
write("chars", "explicit", chars_seed((100, 10, 200, 40), word, [("ﬁ", cs[0][1])] + cs[1:], True))
write("chars", "empty", struct.pack("<4i", 0, 0, 0, 0) + b"\0")

# ---- worker: protobuf by hand (proto3 wire format) ----
def field(num, wire, payload):
    key = varint((num << 3) | wire)
    if wire == 0:
        return key + varint(payload)
    if wire == 5:
        return key + struct.pack("<f", payload)
    return key + varint(len(payload)) + payload

def png_grey(w, h):
    raw = b"".join(b"\0" + bytes((x * 7 + y * 3) & 0xff for x in range(w)) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def request(encoding, w, h, data, dpi=300):
    image = field(1, 0, encoding) + field(2, 0, w) + field(3, 0, h) + field(4, 2, data) + field(5, 0, dpi)
    options = field(1, 2, b"eng") + field(2, 0, 1) + field(3, 0, 5000)
    return field(1, 2, image) + field(2, 2, options) + field(3, 2, b"seed")

write("worker", "grey8", request(1, 8, 4, bytes(range(32))))
write("worker", "png", request(2, 16, 8, png_grey(16, 8)))
write("worker", "png-unsized", request(2, 0, 0, png_grey(12, 12), dpi=0))
box = lambda a, b, c, d: field(1, 0, a) + field(2, 0, b) + field(3, 0, c) + field(4, 0, d)
wordmsg = (field(1, 2, b"John") + field(2, 2, box(10, 10, 60, 30)) + field(3, 5, 91.5) + field(4, 0, 0) + field(5, 0, 3)
           + field(6, 2, field(1, 2, b"J") + field(2, 2, box(10, 10, 20, 30))))
region = field(1, 2, box(10, 10, 60, 30))
write("worker", "response", field(1, 2, wordmsg) + field(2, 2, region) + field(3, 2, region)
      + field(4, 2, b"tesseract 5.3.0 (eng)"))

# ---- project_rows: count, then (column, row, type, value...) ----
write("project_rows", "none", b"\0")
write("project_rows", "box", bytes([2, 7, 1, 2, 3, 8, 1, 2, 4]))          # words.x1/y1 extremes
write("project_rows", "json", bytes([1, 52, 3, 7, 3, 6, 0, 1, 2, 0x7f, 0, 0, 0]))  # edits.before JSON
write("project_rows", "chars", bytes([1, 15, 1, 5, 4, 2, 200, 1, 1, 0, 0]))
# pages.status of page 1 'failed', pages.failure (column byte 240) 'crash', documents.failure (241) 'boom'
write("project_rows", "failure", bytes([3, 26, 0, 4, 6]) + b"failed" + bytes([240, 0, 4, 5]) + b"crash"
      + bytes([241, 1, 4, 4]) + b"boom" + bytes([0, 1, 2, 3]))
