#!/usr/bin/env python3
"""Watch folders: time from a 1-page scan landing in a watched folder to its page done.

    python3 tests/bench/bench_watch.py [--cli build/release/bin/incidoc-cli] [--runs 7] [--stable-for 1000]

Starts `incidoc-cli watch --json` on an empty folder, then, one at a time, lands a different real scan
(a FUNSD form page, PNG) in the folder: written aside under a hidden name and renamed in, so that it
lands whole at a known instant. The clock stops when the watcher prints the page's "done" event. The
page's own processing time (render, classify, prepare, OCR: total_ms in the project) is read from the
project, and the difference is what the watcher adds (the stability wait, registration, handing the page
to a pipeline). Prints the median and every run, as Markdown. Runs are spaced by a few seconds, so each
one finds the watcher idle (its pipeline released), as a scanner's pages usually do.
"""
import argparse
import json
import os
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build/release/bin/incidoc-cli"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--stable-for", type=int, default=1000)
    ap.add_argument("--pause", type=float, default=4.0, help="seconds between runs")
    ap.add_argument("--testdata", default=os.environ.get("INCIDOC_TESTDATA_DIR", os.path.join(ROOT, "../shared/testdata")))
    a = ap.parse_args()

    images_dir = os.path.join(a.testdata, "funsd/training_data/images")
    scans = sorted(f for f in os.listdir(images_dir) if f.endswith(".png"))[: a.runs]
    work = tempfile.mkdtemp(prefix="bench-watch-")
    folder = os.path.join(work, "in")
    os.mkdir(folder)
    project = os.path.join(work, "p.incidoc")
    cmd = [a.cli, "watch", "-p", project, folder, "--json", "--stable-for", str(a.stable_for)]
    watcher = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    try:
        time.sleep(2.0)  # the watcher's first scan of the empty folder
        runs = []
        for name in scans:
            aside = os.path.join(folder, "." + name + ".part")
            shutil.copyfile(os.path.join(images_dir, name), aside)
            target = os.path.join(folder, name)
            t0 = time.monotonic()
            os.rename(aside, target)
            done = None
            deadline = t0 + 300
            while done is None and time.monotonic() < deadline:
                ready, _, _ = select.select([watcher.stdout], [], [], 1.0)
                if not ready:
                    continue
                line = watcher.stdout.readline()
                if not line:
                    break
                event = json.loads(line)
                if event.get("event") == "page" and event.get("path", "").endswith(name):
                    done = time.monotonic()
                    if event.get("status") != "done":
                        print(f"page of {name} failed: {event.get('error')}", file=sys.stderr)
            if done is None:
                sys.exit(f"no page event for {name} within 300 s")
            with sqlite3.connect(f"file:{project}?mode=ro", uri=True) as db:
                total_ms, ocr_ms = db.execute(
                    "SELECT p.total_ms, p.ocr_ms FROM pages p JOIN documents d ON d.id = p.document_id "
                    "WHERE d.path LIKE ?", ("%/" + name,)).fetchone()
            runs.append((name, done - t0, (total_ms or 0) / 1000.0, (ocr_ms or 0) / 1000.0))
            time.sleep(a.pause)
    finally:
        watcher.terminate()
        watcher.wait(60)
        shutil.rmtree(work, ignore_errors=True)

    lat = [r[1] for r in runs]
    page = [r[2] for r in runs]
    added = [r[1] - r[2] for r in runs]
    load = os.getloadavg()
    print(f"# Watch folders: landing to page done — {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, "
          f"{os.cpu_count()} cores, load {load[0]:.2f}, --stable-for {a.stable_for} ms, {len(runs)} runs")
    print()
    print("| | median (s) | min | max |")
    print("|---|---|---|---|")
    for label, xs in (("landing → page done", lat), ("the page's own processing (render … OCR)", page),
                      ("what the watcher adds", added)):
        print(f"| {label} | {statistics.median(xs):.2f} | {min(xs):.2f} | {max(xs):.2f} |")
    print()
    print("| scan | landing → done (s) | page processing (s) | of which OCR (s) |")
    print("|---|---|---|---|")
    for name, l, p, o in runs:
        print(f"| {name} | {l:.2f} | {p:.2f} | {o:.2f} |")


if __name__ == "__main__":
    main()
