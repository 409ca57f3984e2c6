#!/usr/bin/env python3
"""Photos of pages: words read on a phone-like photo as a share of those read on the flat page.

Generates a set of photos with ImageMagick: three flat pages (two typeset text pages of dictionary words,
DejaVu Sans and DejaVu Serif, and one FUNSD form from the shared test data, used where it lies), each warped
by a perspective transform onto a textured background (plasma, wood-like, a light grey table, a very light one) with uneven
light (a gradient, a shadow), slight blur, sensor noise and JPEG at quality 80, at several angles, one with a
corner out of the frame. Then reads, with Tesseract (OMP_THREAD_LIMIT=1):
  flat     the flat page (the reference)
  plain    the photo as it is (`tesseract photo.jpg`: how a photo was read before the photo stage)
  incidoc  the photo flattened by Incidoc's photo stage (bench_photos_flatten: lookAtImage + flattenPhoto)
and prints, per photo and as medians, the share of the flat page's words (3+ letters, case-insensitive,
multiset) found on the photo. Also the time detectPage takes on a 1080p camera frame (median of 50 runs, one
core: taskset -c 0).

Usage: python3 tests/bench/bench_photos.py [BUILD_DIR]   (default build/dev; needs bench_photos_flatten)
Environment: BENCH_KEEP=1 keeps the work directory; INCIDOC_TESTDATA_DIR (default ../shared/testdata).
"""
import collections
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dev")
TESTDATA = os.environ.get("INCIDOC_TESTDATA_DIR", os.path.join(ROOT, "..", "shared", "testdata"))
FLATTEN = os.path.join(BUILD, "bin", "bench_photos_flatten")
CONVERT = "/usr/bin/convert"
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")

WORDS = """account action advice almost animal answer appear apple arrive autumn balance basket battle beach
become before behind belief bottle branch bread bridge bright brother budget butter button camera candle
canvas carbon castle cattle center chance change charge cheese circle clever clothes cloud coffee collar
colour common copper corner cotton country cousin credit crowd damage danger decide degree desert detail
dinner doctor double dream driver during early effect eight energy engine enough event evening except
expert factor family famous farmer father figure finger finish flower follow forest forget friend future
garden gentle glass golden government ground growth guard guide hammer handle happen harbor health heavy
height history honest hunger island jacket journey judge kettle kitchen knife ladder language laugh leather
letter level library listen little market master matter meadow measure memory middle minute mirror moment
money morning mother motion mountain narrow nation nature needle number object office orange order paper
parcel pencil people pepper person picture pillow planet plenty pocket police powder power present prison
problem public purpose question quiet rabbit reason record region report result river rubber saddle sample
season second secret sentence service shadow shelter signal silver simple sister smooth soldier spirit
spring square station stomach storm street strong sudden summer supply surface system table thunder ticket
timber tongue travel trouble umbrella valley vessel village violin visitor volume wagon weather window
winter wonder worker writer yellow""".split()


def run(args, **kw):
    return subprocess.run(args, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, **kw)


def words_of(text):
    return collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) >= 3)


def share(found, reference):
    total = sum(reference.values())
    return sum((found & reference).values()) / total if total else 0.0


def text_page(path, seed, font, size, dpi):
    """A page of six paragraphs of dictionary words, 10.5 pt at `dpi`, drawn line by line."""
    rnd = random.Random(seed)
    w, h = size
    pointsize = dpi * 10.5 / 72
    args = [CONVERT, "-size", f"{w}x{h}", "xc:white", "-font", font, "-pointsize", f"{pointsize:.1f}",
            "-fill", "black"]
    y = int(h * 0.08)
    for _ in range(6):
        sentence = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(40, 55)))
        for line in textwrap.wrap(sentence.capitalize() + ".", 66):
            y += int(pointsize * 1.35)
            args += ["-annotate", f"+{int(w * 0.1)}+{y}", line]
        y += int(pointsize * 1.35)
    run(args + ["-units", "PixelsPerInch", "-density", str(dpi), "-colorspace", "Gray", path])


def background(kind, w, h, seed):
    if kind == "plasma":
        return ["(", "-size", f"{w // 4}x{h // 4}", "-seed", str(seed), "plasma:tan-sienna", "-blur", "0x1",
                "-resize", f"{w}x{h}!", ")"]
    if kind == "wood":
        return ["(", "-size", f"{w // 4}x{h // 4}", "xc:", "-seed", str(seed), "+noise", "Random", "-blur", "0x1",
                "-motion-blur", "0x12+90", "-colorspace", "Gray", "-auto-level", "+level-colors", "#4a2c12,#b98a55",
                "-resize", f"{w}x{h}!", ")"]
    if kind == "white":  # a very light table: a white page on it has hardly any edge
        return ["(", "-size", f"{w // 4}x{h // 4}", "xc:gray90", "-seed", str(seed), "-attenuate", "0.4", "+noise",
                "Gaussian", "-blur", "0x1", "-resize", f"{w}x{h}!", ")"]
    # a light grey table: little contrast with the paper
    return ["(", "-size", f"{w // 4}x{h // 4}", "xc:gray80", "-seed", str(seed), "-attenuate", "0.6", "+noise",
            "Gaussian", "-blur", "0x1", "-resize", f"{w}x{h}!", ")"]


def light(kind, w, h):
    if kind == "gradient":
        return ["(", "-size", f"{w}x{h}", "-define", "gradient:angle=135", "gradient:white-gray55", ")"]
    if kind == "shadow":
        return ["(", "-size", f"{w}x{h}", "xc:white", "-fill", "gray50", "-draw",
                f"polygon 0,0 {w // 2},0 {w // 4},{h} 0,{h}", "-blur", "0x40", ")"]
    return ["(", "-size", f"{w}x{h}", "radial-gradient:white-gray60", ")"]


def photograph(page, out, corners, size, bg, lit, seed):
    pw, ph = run(["identify", "-format", "%w %h", page]).stdout.decode().split()
    pw, ph = int(pw), int(ph)
    w, h = size
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    spec = " ".join(f"{a},{b} {c:.1f},{d:.1f}" for (a, b), (c, d) in zip(src, corners))
    run([CONVERT] + background(bg, w, h, seed) +
        ["(", page, "-colorspace", "sRGB", "-alpha", "set", "-virtual-pixel", "transparent", "-define",
         f"distort:viewport={w}x{h}+0+0", "-distort", "Perspective", spec, ")", "-compose", "over", "-composite"] +
        light(lit, w, h) + ["-compose", "multiply", "-composite", "-blur", "0x1", "-seed", str(seed),
                            "-attenuate", "0.25", "+noise", "Gaussian", "-quality", "80", out])


def camera_corners(size, aspect, tilt_x, tilt_y, turn, fill, shift=(0.0, 0.0)):
    """The corners (TL, TR, BR, BL) of a page of width/height `aspect` seen by a pinhole camera (focal length
    0.9 x the photo's long side, principal point at the centre): tilted by tilt_x/tilt_y degrees, turned by
    `turn` degrees in its plane, its height `fill` of the photo's height when square to the camera, moved by
    `shift` (shares of the photo's size)."""
    w, h = size
    f = 0.9 * max(w, h)
    ax, ay, az = (math.radians(a) for a in (tilt_x, tilt_y, turn))
    distance = f / (fill * h)
    out = []
    for x, y in [(-aspect / 2, -0.5), (aspect / 2, -0.5), (aspect / 2, 0.5), (-aspect / 2, 0.5)]:
        x, y = x * math.cos(az) - y * math.sin(az), x * math.sin(az) + y * math.cos(az)
        y, z = y * math.cos(ax), y * math.sin(ax)
        x, z = x * math.cos(ay) + z * math.sin(ay), -x * math.sin(ay) + z * math.cos(ay)
        z += distance
        out.append((f * x / z + w / 2 + shift[0] * w, f * y / z + h / 2 + shift[1] * h))
    return out


# (tilt about x, tilt about y, turn, fill, shift, background, light)
VARIANTS = [
    (20, 8, 4, 0.72, (0.0, 0.0), "plasma", "gradient"),
    (-30, 0, 0, 0.70, (0.0, 0.02), "wood", "shadow"),
    (15, -22, -9, 0.74, (0.02, 0.0), "plasma", "radial"),
    (12, 10, 8, 0.84, (0.09, 0.0), "wood", "radial"),  # a corner out of the frame
    (10, 5, -3, 0.75, (0.0, 0.0), "table", "radial"),
    (35, 5, 2, 0.70, (0.0, 0.0), "white", "gradient"),  # steep, on a very light table
    (5, -5, 25, 0.60, (0.0, 0.0), "plasma", "shadow"),  # turned 25 degrees
]


def main():
    if not os.path.exists(FLATTEN):
        sys.exit(f"{FLATTEN} is missing: cmake --build {BUILD} --target bench_photos_flatten")
    work = tempfile.mkdtemp(prefix="bench_photos_")
    try:
        pages = []
        for i, (font, size) in enumerate([("DejaVu-Sans", (1700, 2200)), ("DejaVu-Serif", (1654, 2339))]):
            path = os.path.join(work, f"page{i}.png")
            text_page(path, 11 + i, font, size, 200)
            pages.append(path)
        funsd = os.path.join(TESTDATA, "funsd", "training_data", "images", "0000971160.png")
        if os.path.exists(funsd):
            # FUNSD scans are 72 dpi-ish 762x1000: enlarged 2x so that the photo can resolve them
            path = os.path.join(work, "page2.png")
            run([CONVERT, funsd, "-resize", "200%", "-units", "PixelsPerInch", "-density", "150", path])
            pages.append(path)
        photos, flat_words = [], {}
        size = (1800, 2400)
        for p, page in enumerate(pages):
            flat_words[p] = words_of(run(["tesseract", page, "-"]).stdout.decode())
            pw, ph = (int(n) for n in run(["identify", "-format", "%w %h", page]).stdout.decode().split())
            for v, (tx, ty, turn, fill, shift, bg, lit) in enumerate(VARIANTS):
                out = os.path.join(work, f"photo_p{p}_v{v}.jpg")
                corners = camera_corners(size, pw / ph, tx, ty, turn, fill, shift)
                photograph(page, out, corners, size, bg, lit, 100 * p + v)
                photos.append((p, v, out))
        flat_dir = os.path.join(work, "flat")
        lines = run([FLATTEN, flat_dir] + [ph for _, _, ph in photos]).stdout.decode().splitlines()
        info = {line.split()[0]: line for line in lines}
        rows = []
        print("| photo | page | background, light | state | plain tesseract | Incidoc |")
        print("|---|---|---|---|---|---|")
        for p, v, photo in photos:
            name = os.path.splitext(os.path.basename(photo))[0]
            plain = share(words_of(run(["tesseract", photo, "-"]).stdout.decode()), flat_words[p])
            fields = info.get(name, "").split()
            state = fields[1] if len(fields) > 1 else "?"
            dpi = fields[7] if len(fields) > 7 else "300"
            flat_png = os.path.join(flat_dir, name + ".png")
            ours = share(words_of(run(["tesseract", flat_png, "-", "--dpi", dpi]).stdout.decode()), flat_words[p])
            rows.append((plain, ours))
            print(f"| {name} | {p} | {VARIANTS[v][5]}, {VARIANTS[v][6]} | {state} | {plain:.2f} | {ours:.2f} |")
            sys.stdout.flush()
        print()
        print(f"{len(rows)} photos of {len(pages)} pages; words (3+ letters) read on the photo / on the flat page:")
        print(f"  plain tesseract on the photo: median {statistics.median(r[0] for r in rows):.2f}, "
              f"min {min(r[0] for r in rows):.2f}")
        print(f"  Incidoc flattened:            median {statistics.median(r[1] for r in rows):.2f}, "
              f"min {min(r[1] for r in rows):.2f}")
        # A 1080p camera frame: the first page on wood, seen a little from below.
        frame = os.path.join(work, "frame.jpg")
        pw, ph = (int(n) for n in run(["identify", "-format", "%w %h", pages[0]]).stdout.decode().split())
        photograph(pages[0], frame, camera_corners((1920, 1080), pw / ph, 15, 5, 3, 0.9), (1920, 1080), "wood",
                   "gradient", 7)
        print(run(["taskset", "-c", "0", FLATTEN, "--time", frame, "50"]).stdout.decode().strip())
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print("work directory:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
