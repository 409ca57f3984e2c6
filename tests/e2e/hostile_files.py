#!/usr/bin/env python3
"""Hostile input, measured: every document in ../shared/testdata plus generated hostile files
(decompression bombs, recursive objects, gigantic pages, truncated streams, lying image headers) are
imported one by one with the real incidoc-cli. For each: exit status, whether it crashed (the command,
or the engines under the supervisor), wall time, peak resident memory of the command and its child
(wait4's ru_maxrss covers the descendants it waited for), and the reason given.

    hostile_files.py --cli build/dev/bin/incidoc-cli [--testdata ../shared/testdata] [--out DIR]
                     [--time-budget S] [--memory-budget-mb MB] [--report FILE.md] [--generated-only]

Exit status 1 when any file crashed, hung (over the time budget), used more memory than the budget,
or failed without a reason. Prints a Markdown table."""
import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib


# --- PDF writing ------------------------------------------------------------------------------------

def pdf(objects, root=1, trailer_extra=b"", truncate=None):
    """A PDF from {number: bytes} with a correct xref table (unless the objects lie themselves)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(num, 0)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer_extra, xref)
    return bytes(out[:truncate] if truncate else out)


def stream(dictionary, data, compress=False):
    if compress:
        data = zlib.compress(data, 9)
        dictionary += b" /Filter /FlateDecode"
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def deflate_zeros(total, chunk=1 << 20):
    """zlib stream of `total` zero bytes, made without holding them all."""
    c = zlib.compressobj(9)
    zeros = b"\0" * chunk
    parts = []
    left = total
    while left > 0:
        n = min(chunk, left)
        parts.append(c.compress(zeros[:n]))
        left -= n
    parts.append(c.flush())
    return b"".join(parts)


def simple_page(content=b"BT /F1 24 Tf 72 700 Td (Incident report) Tj ET", media=b"[0 0 612 792]", extra=b""):
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> %s >> >>"
           % (media, extra),
        4: stream(b"", content),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }


def hostile_pdfs():
    files = {}
    # Decompression bombs.
    bomb = deflate_zeros(1 << 30)  # 1 GiB of zeros in ~1 MB
    objs = simple_page()
    objs[4] = b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    files["bomb-content-stream.pdf"] = pdf(objs)
    image = deflate_zeros(40000 * 40000)  # a 40000 x 40000 grey image: 1.6 GB decoded
    objs = simple_page(content=b"q 612 0 0 792 0 0 cm /Im1 Do Q", extra=b"/XObject << /Im1 6 0 R >>")
    objs[6] = (b"<< /Type /XObject /Subtype /Image /Width 40000 /Height 40000 /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(image) + image + b"\nendstream")
    files["bomb-image-40000x40000.pdf"] = pdf(objs)
    # Recursion: a page tree whose node is its own kid; a form XObject that draws itself.
    files["recursive-page-tree.pdf"] = pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    })
    objs = simple_page(content=b"/Fm1 Do", extra=b"/XObject << /Fm1 6 0 R >>")
    objs[6] = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm1 6 0 R >> >>",
                     b"q 0.9 0 0 0.9 10 10 cm /Fm1 Do Q")
    files["recursive-form-xobject.pdf"] = pdf(objs)
    files["deep-nesting.pdf"] = pdf(simple_page(content=b"[" * 200000 + b"]" * 200000))
    files["page-count-lies.pdf"] = pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    })
    # Gigantic pages.
    files["page-200x200-inches.pdf"] = pdf(simple_page(media=b"[0 0 14400 14400]"))
    files["page-1e9-points.pdf"] = pdf(simple_page(media=b"[0 0 1000000000 1000000000]"))
    files["page-negative-box.pdf"] = pdf(simple_page(media=b"[0 0 -612 -792]"))
    # Truncated and lying streams.
    whole = pdf(simple_page())
    files["truncated-half.pdf"] = whole[: len(whole) // 2]
    objs = simple_page()
    objs[4] = b"<< /Length 999999999 >>\nstream\nBT /F1 24 Tf 72 700 Td (cut) Tj ET"
    files["stream-length-lies.pdf"] = pdf(objs)
    files["xref-points-nowhere.pdf"] = whole.replace(b"startxref\n", b"startxref\n9").replace(b"%%EOF", b"%%EOF")
    files["only-header.pdf"] = b"%PDF-1.7\n"
    return files


# --- images -----------------------------------------------------------------------------------------

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def png(width, height, rows=None):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = rows if rows is not None else zlib.compress(b"\0" * 100)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def jpeg_lying(width, height):
    # SOI, a baseline SOF0 claiming the size, no scan data, EOI.
    sof = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def tiff_lying(width, height):
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, 16)]
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        ifd += struct.pack("<HHII", tag, typ, count, value)
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8 + 16) + b"\0" * 16 + ifd


def hostile_images():
    # A real decompression bomb: 20000 x 20000 grey zeros (400 MP) in a small PNG.
    row = b"\0" + b"\0" * 20000
    c = zlib.compressobj(9)
    idat = b"".join(c.compress(row) for _ in range(20000)) + c.flush()
    return {
        "png-claims-100000x100000.png": png(100000, 100000),
        "png-bomb-20000x20000.png": png(20000, 20000, idat),
        "png-truncated.png": png(2000, 2000, zlib.compress(b"\0" * 4000 * 500))[:3000],
        "jpeg-claims-65500x65500.jpg": jpeg_lying(65500, 65500),
        "jpeg-truncated.jpg": jpeg_lying(800, 600)[:12],
        "tiff-claims-1000000x1000000.tif": tiff_lying(1000000, 1000000),
        "tiff-header-only.tif": b"II*\x00\x08\x00\x00\x00",
    }


# --- running ----------------------------------------------------------------------------------------

def run_one(cli, path, workdir, budget):
    project = os.path.join(workdir, "p-%d.incidoc" % abs(hash(path)))
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(project + suffix)
        except FileNotFoundError:
            pass
    env = dict(os.environ, OMP_THREAD_LIMIT="1", QT_QPA_PLATFORM="offscreen")
    args = [cli, "import", "-p", project, path, "--json", "--render-timeout", "20", "--ocr-timeout", "30"]
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=budget)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    seconds = time.monotonic() - start
    # The child's rusage arrived with communicate(): read it from the process table of this Python.
    rss_mb = getattr(proc, "_incidoc_maxrss_kb", 0) / 1024
    status = proc.returncode
    reasons = []
    try:
        report = json.loads(out.decode() or "{}")
        for f in report.get("files", []):
            if f.get("error"):
                reasons.append(f["error"])
        for f in report.get("page_failures", []):
            reasons.append("page %s: %s" % (f.get("page", "?"), f.get("reason", "")))
    except ValueError:
        reasons.append("(no JSON report) " + err.decode(errors="replace")[-300:])
    return {"file": os.path.basename(path), "status": status, "seconds": seconds, "rss_mb": rss_mb,
            "timed_out": timed_out, "reasons": reasons, "stderr": err.decode(errors="replace")}


class RusagePopen(subprocess.Popen):
    """Popen that keeps the peak RSS (kB) wait4() reports for the child and its waited descendants."""

    def _try_wait(self, wait_flags):
        try:
            pid, sts, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)
        if pid == self.pid:
            self._incidoc_maxrss_kb = usage.ru_maxrss
        return (pid, sts)


subprocess.Popen = RusagePopen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--testdata", default=os.path.join(os.path.dirname(__file__), "../../../shared/testdata"))
    ap.add_argument("--out")
    ap.add_argument("--time-budget", type=float, default=180)
    ap.add_argument("--memory-budget-mb", type=float, default=1024)
    ap.add_argument("--report")
    ap.add_argument("--generated-only", action="store_true",
                    help="only the generated hostile files (CI: the test data runs in corpus_test)")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="incidoc-hostile-")
    gen = a.out or os.path.join(work, "files")
    os.makedirs(gen, exist_ok=True)
    for name, data in {**hostile_pdfs(), **hostile_images()}.items():
        with open(os.path.join(gen, name), "wb") as f:
            f.write(data)
    inputs = sorted(os.path.join(gen, n) for n in os.listdir(gen))
    for root, _, names in ([] if a.generated_only else os.walk(a.testdata)):
        for n in sorted(names):
            if n.lower().endswith((".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")):
                inputs.append(os.path.join(root, n))
    rows, bad = [], []
    for path in inputs:
        r = run_one(a.cli, path, work, a.time_budget)
        crashed = r["status"] is None or r["status"] < 0 or r["status"] not in (0, 2) or \
            any("crashed" in x for x in r["reasons"])
        problems = []
        if crashed:
            problems.append("crashed (status %s)" % r["status"])
        if r["timed_out"]:
            problems.append("hung (over %.0f s)" % a.time_budget)
        if r["rss_mb"] > a.memory_budget_mb:
            problems.append("%.0f MB (over %.0f)" % (r["rss_mb"], a.memory_budget_mb))
        if r["status"] == 2 and not r["reasons"]:
            problems.append("failed without a reason")
        rows.append((r, problems))
        if problems:
            bad.append((r["file"], problems, r["stderr"][-500:]))
    lines = ["| file | exit | seconds | peak MB | outcome |", "|---|---|---|---|---|"]
    for r, problems in rows:
        outcome = "; ".join(problems) if problems else ("; ".join(r["reasons"])[:160] or "imported")
        lines.append("| %s | %s | %.1f | %.0f | %s |" % (r["file"], r["status"], r["seconds"], r["rss_mb"],
                                                       outcome.replace("|", "/")))
    summary = ("%d files (%d generated hostile, %d from testdata): %d crashed, %d hung, %d over %.0f MB; "
               "slowest %.1f s, largest %.0f MB" % (
                   len(rows), len(inputs) - sum(1 for p in inputs if p.startswith(a.testdata)),
                   sum(1 for p in inputs if p.startswith(a.testdata)),
                   sum(1 for r, p in rows if any(x.startswith("crashed") for x in p)),
                   sum(1 for r, p in rows if any(x.startswith("hung") for x in p)),
                   sum(1 for r, p in rows if r["rss_mb"] > a.memory_budget_mb), a.memory_budget_mb,
                   max(r["seconds"] for r, _ in rows), max(r["rss_mb"] for r, _ in rows)))
    text = "\n".join(lines) + "\n\n" + summary + "\n"
    print(text)
    if a.report:
        with open(a.report, "w") as f:
            f.write(text)
    for name, problems, stderr in bad:
        print("PROBLEM %s: %s\n%s" % (name, "; ".join(problems), stderr), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
