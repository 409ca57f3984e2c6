#!/usr/bin/env python3
"""Live capture: how fast frames are analysed, and how well a page captured from a video reads.

1. Analysis rate: a 1080p video (1920x1080, 25 fps, 8 s) of a photographed page sliding in and held still is
   run through the capture analyser (bench_capture_analyze: page detection, focus measure, motion, every frame)
   pinned to one core (taskset -c 0): frames analysed per second and the median (and 90th percentile) ms per
   frame, decoding apart.
2. Words from a video: a 1620x1944 video (the portrait frame of a phone held over a page) of a page photographed
   as bench_photos.py photographs it (perspective, a textured table, uneven light, slight blur, noise, JPEG)
   sliding in and held still, each frame with fresh sensor noise, encoded as H.264. `incidoc-cli capture` takes
   the page and reads it (the photo stage flattens it); the words (3+ letters, case-insensitive, multiset) read
   on the capture as a share of those incidoc-cli reads on the flat page (`import` of the page image; and, for
   comparison with bench_photos.py, of those plain Tesseract reads on it). Target: >= 0.80.

Usage: python3 tests/bench/bench_capture.py [BUILD_DIR]   (default build/dev; needs incidoc-cli and
bench_capture_analyze). Environment: BENCH_KEEP=1 keeps the work directory.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_photos  # noqa: E402  (the page generator and the photographer)
from bench_photos import CONVERT, camera_corners, photograph, share, text_page, words_of  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dev")
CLI = os.path.join(BUILD, "bin", "incidoc-cli")
ANALYZE = os.path.join(BUILD, "bin", "bench_capture_analyze")
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def run(args, check=True):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)


def video_of_photo(photo, bg, out, size, seconds):
    """The photo slides in over the bare table in 1 s and stays; sensor noise changes every frame."""
    w, h = size
    run(["ffmpeg", "-y", "-nostdin", "-loglevel", "error", "-loop", "1", "-framerate", "25", "-i", bg, "-loop", "1",
         "-framerate", "25", "-i", photo, "-filter_complex",
         f"[0]scale={w}:{h}[b];[1]scale={w}:{h}[p];[b][p]overlay=x='if(lt(t,1),(1-t)*{w},0)':y=0,"
         "noise=alls=4:allf=t", "-t", str(seconds), "-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
         "-pix_fmt", "yuv420p", out])


def table(out, size, seed):
    w, h = size
    run([CONVERT] + bench_photos.background("plasma", w, h, seed) + [out])


def project_words(project, document=None):
    """Words of the project's pages (of one document), as incidoc-cli stored them."""
    db = sqlite3.connect(project)
    try:
        sql = "SELECT w.text FROM words w JOIN pages p ON p.id = w.page_id"
        rows = db.execute(sql + (" WHERE p.document_id = ?" if document else ""),
                          (document,) if document else ()).fetchall()
    finally:
        db.close()
    return words_of(" ".join(r[0] for r in rows))


def main():
    for program in (CLI, ANALYZE):
        if not os.path.exists(program):
            sys.exit(f"{program} is missing: cmake --build {BUILD} --target incidoc-cli bench_capture_analyze")
    work = tempfile.mkdtemp(prefix="bench_capture_")
    try:
        page = os.path.join(work, "page.png")
        text_page(page, 11, "DejaVu-Sans", (1700, 2200), 200)
        pw, ph = (int(n) for n in run(["identify", "-format", "%w %h", page]).stdout.decode().split())

        # 1. The analysis rate on 1080p frames, one core.
        size = (1920, 1080)
        photo = os.path.join(work, "photo1080.jpg")
        photograph(page, photo, camera_corners(size, pw / ph, 12, 6, 3, 0.85), size, "plasma", "gradient", 5)
        bg = os.path.join(work, "table1080.png")
        table(bg, size, 5)
        video = os.path.join(work, "page1080.mp4")
        video_of_photo(photo, bg, video, size, 8)
        line = run(["taskset", "-c", "0", ANALYZE, video]).stdout.decode().strip()
        fields = line.split()
        stats = dict(zip(fields[1::2], fields[2::2]))
        print(f"1080p analysis, one core: {stats['analysed_per_s']} frames/s, median {stats['analysis_median_ms']} ms "
              f"(90th percentile {stats['analysis_p90_ms']} ms) per frame over {stats['frames']} frames; decoding "
              f"{stats['decode_median_ms']} ms per frame apart; captures at {stats['captures_ms']} ms")
        sys.stdout.flush()

        # 2. Words read on a capture from a 1620x1944 video, against the flat page.
        size = (1620, 1944)
        photo = os.path.join(work, "photo.jpg")
        photograph(page, photo, camera_corners(size, pw / ph, 14, 6, 3, 0.80), size, "plasma", "gradient", 7)
        bg = os.path.join(work, "table.png")
        table(bg, size, 7)
        video = os.path.join(work, "page.mp4")
        video_of_photo(photo, bg, video, size, 4)

        flat_project = os.path.join(work, "flat.incidoc")
        run([CLI, "import", "-q", "-p", flat_project, page])
        flat = project_words(flat_project)
        flat_tesseract = words_of(run(["tesseract", page, "-"]).stdout.decode())

        project = os.path.join(work, "capture.incidoc")
        out = run([CLI, "capture", "-p", project, "--from", video, "--json"], check=False)
        if out.returncode != 0:
            sys.exit(f"incidoc-cli capture failed ({out.returncode}): {out.stderr.decode()}")
        import json
        report = json.loads(out.stdout.decode())
        captures = report.get("captures", [])
        print(f"1620x1944 video, 4 s: {len(captures)} capture(s) at "
              f"{', '.join(str(c['time_ms']) + ' ms' for c in captures) or '-'}; "
              f"{report.get('frames_analysed')} frames analysed")
        if not captures:
            sys.exit("no capture: nothing to read")
        captured = project_words(project, report["document_id"])
        print(f"words (3+ letters) on the flat page: {sum(flat.values())} by incidoc-cli import, "
              f"{sum(flat_tesseract.values())} by plain Tesseract")
        print(f"read on the capture: {sum(captured.values())}; share of the flat page's: "
              f"{share(captured, flat):.2f} (incidoc-cli on the flat page), "
              f"{share(captured, flat_tesseract):.2f} (Tesseract on the flat page)")
        plain = words_of(run(["tesseract", photo, "-"]).stdout.decode())
        print(f"for comparison, plain Tesseract on the photographed frame: {share(plain, flat):.2f}")
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print("work directory:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
