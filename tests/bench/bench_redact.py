#!/usr/bin/env python3
"""Redacted export benchmark: leaks and time on generated forms with planted sensitive values.

    python3 tests/bench/bench_redact.py [--build build/release] [--count 60] [--scanned-every 5] [--dpi 200]
                                        [--rounds 3] [--seed 1] [--pages 1] [--jobs 2] [--ocr all|pages|none]
                                        [--work DIR] [--json FILE] [--plain-only]

1. bench_redact writes COUNT planted forms (tests/support/planted_forms.h: police reports, insurance claims,
   witness statements; born-digital PDFs, every Nth one scanned at DPI) and their manifest.
2. `incidoc-cli import` imports them into one project (profile fast: Tesseract reads the scanned ones).
   Nothing is marked by hand: whatever is redacted, the export finds by itself.
3. `incidoc-cli export` plain and `export --redact` of the same project, ROUNDS times each, alternating
   which goes first; prints the medians and the ratio redacted / plain (target <= 1.3).
4. Every entry of the redacted ZIP is read back: JSON (its strings), XML/hOCR (text and attribute values),
   CSV, Markdown and the entry names; page images and visualizations are OCR'd with `tesseract`
   (--ocr pages: page images only). Each planted value is searched for, case-insensitively and with
   spacing and punctuation loosened: person names as the full name and as each capitalised or upper-case
   word of it (so "up the hill" is not a leak of "Hill", "HILL" is); phones, IDs, plates and VINs by their
   letters and digits in order; dates as printed, MM/DD/YYYY, ISO and written out; addresses by house number
   and street; emails as they are. The same search on the plain ZIP's texts is the control: it shows the
   search finds what is there.
Prints planted values leaked (of all, per type, per place: field / narrative / table, text vs scanned
documents), each leak with its entry and context, and the figures as JSON (stdout's last line, or --json).

Exit status: 0 when the redacted export was written and nothing leaked; 1 on leaks; 2 when the export
refused or failed, or the CLI does not know --redact (the plain half is still measured and printed).

A value can also be "found" by coincidence: a pseudonym that happens to equal another person's original
name, a shifted date equal to another original date. The report prints each finding in context so such
coincidences can be told from leaks.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

IMAGE_EXT = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp")
XML_EXT = (".xml", ".hocr", ".html", ".xhtml", ".svg")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def norm(text):
    """Lower case, every run of other characters than letters and digits one space, padded with spaces."""
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


# ---- what each planted value looks like when it leaks -------------------------------------------------------

def loose(chars):
    """Letters and digits in order, each optionally followed by one space (in the norm() text)."""
    return re.compile(r"(?<![a-z0-9])" + " ?".join(re.escape(c) for c in chars) + r"(?![a-z0-9])")


def date_variants(text):
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
    if m:
        d = datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    else:
        m = re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", text)
        if not m:
            return [norm(text)]
        d = datetime.date(int(m.group(3)), MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
    return sorted({norm(f"{d.month:02d}/{d.day:02d}/{d.year}"), norm(f"{d.month}/{d.day}/{d.year}"),
                   norm(d.isoformat()), norm(f"{MONTHS[d.month - 1]} {d.day}, {d.year}"),
                   norm(f"{d.day:02d}.{d.month:02d}.{d.year}")})


class Probe:
    """How one planted (type, text) is searched for."""

    def __init__(self, vtype, text):
        self.type, self.text = vtype, text
        self.substrings = []  # in norm() text
        self.regexes = []     # on norm() text
        self.words = []       # exact words (capitalised or upper case) in the raw text
        self.raw = []         # lower-case substrings of the raw text
        if vtype == "person_name":
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]*", re.sub(r"'s\b", "", text)) if len(w) >= 3]
            # The full name in any case; a single word of it only capitalised or in capitals ("up the hill"
            # is not a mention of Grace Hill, the "name also used as an ordinary word").
            if len(words) >= 2:
                self.substrings.append(norm(" ".join(words)))
            for w in words:
                self.words += [w[0].upper() + w[1:].lower(), w.upper()]
        elif vtype in ("date", "date_of_birth"):
            self.substrings += date_variants(text)
        elif vtype == "phone":
            self.regexes.append(loose(re.sub(r"\D", "", text)))
        elif vtype == "email":
            self.raw.append(text.lower())
        elif vtype == "address":
            m = re.match(r"(\d+)\s+([A-Za-z]+)", text)
            self.substrings.append(norm(m.group(1) + " " + m.group(2)) if m else norm(text.split(",")[0]))
        else:  # vehicle_plate, vin, id_number
            self.regexes.append(loose(re.sub(r"[^a-z0-9]", "", text.lower())))

    def find(self, corpus):
        """(entry, context) of the first finding, or None."""
        for name, raw, low, normed, words in corpus:
            for s in self.substrings:
                i = normed.find(s)
                if i >= 0:
                    return name, normed[max(0, i - 40): i + len(s) + 40].strip()
            for r in self.regexes:
                m = r.search(normed)
                if m:
                    return name, normed[max(0, m.start() - 40): m.end() + 40].strip()
            for s in self.raw:
                i = low.find(s)
                if i >= 0:
                    return name, raw[max(0, i - 40): i + len(s) + 40].replace("\n", " ")
            for w in self.words:
                if w in words:
                    m = re.search(r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])", raw)
                    return name, raw[max(0, m.start() - 40): m.end() + 40].replace("\n", " ") if m else w
        return None


# ---- the texts of a bundle ------------------------------------------------------------------------------------

def json_strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append(k)
            json_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            json_strings(v, out)


def entry_text(name, data):
    text = data.decode("utf-8", errors="replace")
    lower = name.lower()
    if lower.endswith((".json", ".jsonl")):
        out = []
        try:
            json_strings(json.loads(text), out)
        except ValueError:
            for line in text.splitlines():
                try:
                    json_strings(json.loads(line), out)
                except ValueError:
                    out.append(line)
        return "\n".join(out)
    if lower.endswith(XML_EXT):
        attrs = re.findall(r"=\s*\"([^\"]*)\"|=\s*'([^']*)'", text)
        body = re.sub(r"<[^>]*>", " ", text)
        for a, b in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
            body = body.replace(a, b)
        return body + "\n" + "\n".join(a or b for a, b in attrs)
    return text


def ocr_image(args):
    path, = args
    r = run(["tesseract", path, "-", "--psm", "3"], env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    return r.stdout


def corpus_of(zip_path, ocr, jobs, tmp):
    """[(entry, raw, lower, norm, word set)] of every text entry, every OCR'd image and the entry names."""
    texts, images = [], []
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        texts.append(("(entry names)", "\n".join(names)))
        for i, name in enumerate(names):
            data = z.read(name)
            if name.lower().endswith(IMAGE_EXT):
                if ocr == "all" or (ocr == "pages" and name.startswith("images/")):
                    path = os.path.join(tmp, f"img{i}{os.path.splitext(name)[1]}")
                    with open(path, "wb") as f:
                        f.write(data)
                    images.append((name, path))
            else:
                texts.append((name, entry_text(name, data)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (name, path), text in zip(images, pool.map(ocr_image, [(p,) for _, p in images])):
            texts.append((name + " (OCR)", text))
            os.remove(path)
    return [(n, t, t.lower(), norm(t), set(re.findall(r"[A-Za-z]+", t))) for n, t in texts], len(images)


# ---- what the finder found ------------------------------------------------------------------------------------

def compact(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def finder_report(listing, docs, figures):
    """Marks each planted value found when a finding of its document covers it: a name when each of its words
    is a word of some finding; any other value when its letters and digits lie within one finding's, or within
    the document's findings read in order (a value split across two words or lines)."""
    by_doc = {}
    for f in listing.get("findings", []):
        by_doc.setdefault(f.get("document_name", ""), []).append(f)
    found_by = {}
    tallies = {}
    missed = []
    for d in docs:
        stem = os.path.splitext(os.path.basename(d["path"]))[0]
        findings = [f for name, fs in by_doc.items() if stem in name for f in fs]
        words = {}
        for f in findings:
            for w in re.findall(r"[a-z]+", f["text"].lower()):
                words.setdefault(w, f["source"])
        joined = "".join(compact(f["text"]) for f in findings)
        for v in d["values"]:
            source = None
            if v["type"] == "person_name":
                toks = [w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"'s\b", "", v["text"])) if len(w) >= 3]
                if toks and all(t in words for t in toks):
                    source = words[toks[-1]]
            else:
                c = compact(v["text"])
                source = next((f["source"] for f in findings if c in compact(f["text"])), None)
                if source is None and c and c in joined:
                    source = "(joined)"
            for key in (("all", "all"), ("type", v["type"]), ("place", v["place"])):
                t = tallies.setdefault(key[0], {}).setdefault(key[1], {"planted": 0, "found": 0})
                t["planted"] += 1
                t["found"] += source is not None
            if source:
                found_by[source] = found_by.get(source, 0) + 1
            else:
                missed.append({"document": stem, "scanned": d["scanned"], "type": v["type"], "text": v["text"],
                               "place": v["place"], "split": v.get("split", False)})
    # Findings that cover no planted value of their document: redactions of ordinary text (the dataset loses it).
    planted_by_stem = {os.path.splitext(os.path.basename(d["path"]))[0]: d["values"] for d in docs}
    extra = {}
    for name, fs in by_doc.items():
        values = next((v for stem, v in planted_by_stem.items() if stem in name), [])
        pc = [compact(v["text"]) for v in values]
        pw = {w for v in values for w in re.findall(r"[a-z]+", v["text"].lower())}
        for f in fs:
            c = compact(f["text"])
            ws = re.findall(r"[a-z]+", f["text"].lower())
            if not c or any(c in p or p in c for p in pc if p) or (ws and all(w in pw for w in ws)):
                continue
            extra[f["text"].strip()] = extra.get(f["text"].strip(), 0) + 1
    ids = {}
    for f in listing.get("findings", []):
        for d in docs:
            stem = os.path.splitext(os.path.basename(d["path"]))[0]
            if stem in f.get("document_name", ""):
                ids[stem] = f["document"]
    figures["_ids"] = ids
    figures["finder"] = {"findings": len(listing.get("findings", [])), "by_source": found_by,
                         "not_planted": sum(extra.values()),
                         "not_planted_texts": dict(sorted(extra.items(), key=lambda x: -x[1])[:40]),
                         "by_type": tallies.get("type", {}), "by_place": tallies.get("place", {}),
                         "found": tallies["all"]["all"]["found"], "planted": tallies["all"]["all"]["planted"],
                         "missed": missed}
    fin = figures["finder"]
    print(f"## What the finder found (incidoc-cli redactions, no manual marking)\n\n"
          f"{fin['findings']} findings; planted values found: **{fin['found']} of {fin['planted']}** "
          f"(not found: {fin['planted'] - fin['found']}, the share an annotator would have to mark: "
          f"{100.0 * (fin['planted'] - fin['found']) / max(1, fin['planted']):.1f}%)\n")
    for title, key in (("type", "by_type"), ("place", "by_place")):
        print(f"| {title} | planted | found | left to the annotator |\n|---|---|---|---|")
        for k, t in sorted(fin[key].items()):
            print(f"| {k} | {t['planted']} | {t['found']} | {t['planted'] - t['found']} |")
        print()
    print("Found through (source of the finding): " +
          ", ".join(f"{k} {n}" for k, n in sorted(found_by.items(), key=lambda x: -x[1])) + "\n")
    print(f"Findings that cover no planted value (ordinary text redacted): {fin['not_planted']}" +
          (": " + ", ".join(f"`{t}` {n}" for t, n in list(fin["not_planted_texts"].items())[:15])
           if fin["not_planted"] else "") + "\n")
    if missed:
        print("Not found (document, type, place, value):\n")
        for m in missed[:40]:
            print(f"- {m['document']}{' (scanned)' if m['scanned'] else ''}: {m['type']}, {m['place']}"
                  f"{', split' if m['split'] else ''}: `{m['text']}`")
        if len(missed) > 40:
            print(f"- … and {len(missed) - 40} more (see the JSON)")
        print()


# ---- the benchmark --------------------------------------------------------------------------------------------

def timed(cmd):
    t0 = time.monotonic()
    r = run(cmd)
    return time.monotonic() - t0, r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--build", default=None, help="build folder (default build/release, else build/dev)")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--scanned-every", type=int, default=5)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--pages", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--ocr", choices=["all", "pages", "none"], default="all")
    ap.add_argument("--work", default=None, help="work folder (kept; default: a temporary one, deleted)")
    ap.add_argument("--json", default=None, help="also write the figures here")
    ap.add_argument("--formats", default=None, help="export --formats LIST (both exports; default: the CLI's)")
    ap.add_argument("--plain-only", action="store_true", help="measure the plain export only")
    ap.add_argument("--check", default=None, metavar="ZIP",
                    help="no exports: check this ZIP against the work folder's planted.json (needs --work)")
    a = ap.parse_args()

    build = a.build or next((b for b in ("build/release", "build/dev") if os.path.exists(
        os.path.join(root, b, "bin", "bench_redact"))), "build/release")
    build = os.path.join(root, build) if not os.path.isabs(build) else build
    cli, gen = os.path.join(build, "bin", "incidoc-cli"), os.path.join(build, "bin", "bench_redact")
    for tool in (cli, gen):
        if not os.access(tool, os.X_OK):
            sys.exit(f"missing {tool}: build the targets incidoc-cli and bench_redact")
    for tool in ("tesseract",):
        if not shutil.which(tool):
            sys.exit(f"missing {tool} (apt-get install tesseract-ocr)")
    os.environ.update(OMP_THREAD_LIMIT="1", QT_QPA_PLATFORM="offscreen")

    work = a.work or tempfile.mkdtemp(prefix="bench_redact.")
    os.makedirs(work, exist_ok=True)
    try:
        return bench(a, cli, gen, work)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


def bench(a, cli, gen, work):
    figures = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
               "cores": os.cpu_count(), "load": os.getloadavg()[0], "count": a.count,
               "scanned_every": a.scanned_every, "dpi": a.dpi, "pages_per_document": a.pages, "seed": a.seed}
    print(f"# Redacted export benchmark — {figures['date']}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}\n")
    project = os.path.join(work, "planted.incidoc")
    manifest_path = os.path.join(work, "planted.json")
    if not os.path.exists(project):
        r = run([gen, "--dir", work, "--count", str(a.count), "--seed", str(a.seed), "--scanned-every",
                 str(a.scanned_every), "--dpi", str(a.dpi), "--pages", str(a.pages)])
        if r.returncode != 0:
            sys.exit(f"bench_redact failed: {r.stderr}")
        t, r = timed([cli, "import", "-q", "--jobs", str(a.jobs), "--profile", "fast", "-p", project,
                      os.path.join(work, "forms")])
        if r.returncode != 0:
            sys.exit(f"import failed ({r.returncode}): {r.stderr}")
        figures["import_s"] = round(t, 2)
    docs = json.load(open(manifest_path))
    planted = [(d, v) for d in docs for v in d["values"]]
    pages = len(docs) * a.pages
    print(f"{len(docs)} forms ({sum(d['scanned'] for d in docs)} scanned at {a.dpi} dpi), {pages} pages, "
          f"{len(planted)} planted values; import {figures.get('import_s', '(reused)')} s\n")

    # -- time: plain against redacted, alternating ----------------------------------------------------------
    plain_zip, red_zip = os.path.join(work, "plain.zip"), os.path.join(work, "redacted.zip")
    times = {"plain": [], "redacted": [], "redacted_refused": []}
    redact_error = None
    if a.plain_only:
        redact_error = "--plain-only"
    for r_i in range(0 if a.check else a.rounds):
        order = ["plain", "redacted"] if r_i % 2 == 0 else ["redacted", "plain"]
        for kind in order:
            if kind == "redacted" and redact_error and not times["redacted_refused"]:
                continue
            out = plain_zip if kind == "plain" else red_zip
            if os.path.exists(out):
                os.remove(out)
            cmd = [cli, "export", "-q", "--jobs", str(a.jobs), "-p", project, "-o", out]
            if a.formats:
                cmd += ["--formats", a.formats]
            if kind == "redacted":
                cmd.insert(2, "--redact")
            t, r = timed(cmd)
            if r.returncode != 0:
                if kind == "plain":
                    sys.exit(f"plain export failed ({r.returncode}): {r.stderr}")
                if "redaction check failed" in r.stderr:
                    times["redacted_refused"].append(round(t, 2))
                unknown = "redact" in r.stderr and ("nknown option" in r.stderr or "nrecognized" in r.stderr)
                redact_error = ("this incidoc-cli does not know `export --redact` (build the branch that adds it)"
                                if unknown else f"export --redact failed (exit {r.returncode}, ZIP "
                                f"{'kept' if os.path.exists(out) else 'not kept'}): {r.stderr.strip()}")
                continue
            times[kind].append(round(t, 2))
    med = {k: round(statistics.median(v), 2) for k, v in times.items() if v}
    figures["export_s"] = times
    figures["export_median_s"] = med
    print("## Time (export, --jobs %d, median of %d)\n" % (a.jobs, a.rounds))
    print("| export | runs (s) | median (s) |\n|---|---|---|")
    for k, v in times.items():
        if v:
            print(f"| {k} | {' '.join(map(str, v))} | {med[k]} |")
    if "plain" in med and "redacted" in med:
        figures["ratio"] = round(med["redacted"] / med["plain"], 2)
        print(f"\nRedacted / plain: **{figures['ratio']}x** (target <= 1.3x)\n")
    elif "plain" in med and "redacted_refused" in med:
        figures["ratio_refused"] = round(med["redacted_refused"] / med["plain"], 2)
        print(f"\nRedacted (refused by its own check) / plain: {figures['ratio_refused']}x\n")

    # -- what the finder found, before any export (incidoc-cli redactions): the share left to the annotator --
    r = run([cli, "redactions", "--json", "-p", project])
    if r.returncode == 0:
        finder_report(json.loads(r.stdout), docs, figures)
    else:
        print(f"(`incidoc-cli redactions` unavailable: {r.stderr.strip()[:200]})\n")

    # -- the search: control on the plain bundle's texts, then the redacted bundle with its images' OCR --------
    probes = {}
    for _, v in planted:
        key = (v["type"], v["text"])
        if key not in probes:
            probes[key] = Probe(*key)
    tmp = tempfile.mkdtemp(dir=work)
    print("## Leak check\n")
    if os.path.exists(plain_zip):
        plain_corpus, _ = corpus_of(plain_zip, "none", a.jobs, tmp)
        control = {k: p.find(plain_corpus) is not None for k, p in probes.items()}
        found_plain = sum(control[(v["type"], v["text"])] for _, v in planted)
        figures["control_found_in_plain_texts"] = found_plain
        print(f"Control: the search finds {found_plain} of {len(planted)} planted values "
              f"({100.0 * found_plain / len(planted):.1f}%) in the plain bundle's texts (values OCR misread on "
              "scanned pages are not there to find).\n")
    if a.check:
        red_zip, redact_error = a.check, None
    subset = None
    if redact_error and times["redacted_refused"] and "finder" in figures:
        # The whole project was refused: check a bundle of the documents whose planted values the finder all
        # found, so the search still meets a real redacted bundle (the figures say so).
        missed = {m["document"] for m in figures["finder"]["missed"]}
        subset = [d for d in docs if os.path.splitext(os.path.basename(d["path"]))[0] not in missed]
        ids = [str(figures["_ids"][os.path.splitext(os.path.basename(d["path"]))[0]]) for d in subset
               if os.path.splitext(os.path.basename(d["path"]))[0] in figures["_ids"]]
        if os.path.exists(red_zip):
            os.remove(red_zip)
        r = run([cli, "export", "-q", "--redact", "--jobs", str(a.jobs), "--documents", ",".join(ids), "-p",
                 project, "-o", red_zip] + (["--formats", a.formats] if a.formats else []))
        figures["subset_documents"] = len(ids)
        print(f"**The redacted export of the whole project was refused:** {redact_error}\n")
        if r.returncode != 0:
            figures["subset_error"] = r.stderr.strip()
            print(f"The {len(ids)} documents the finder covered completely were refused too: {r.stderr.strip()}\n")
            subset = None
        else:
            print(f"Checked instead: a redacted export of the {len(ids)} documents whose planted values the finder "
                  "all found (their planted values only).\n")
            planted = [(d, v) for d in subset for v in d["values"]]
            redact_error = None
    figures.pop("_ids", None)
    if redact_error:
        figures["redact_error"] = redact_error
        print(f"**No redacted bundle to check:** {redact_error}\n")
        finish(a, figures)
        return 2

    t0 = time.monotonic()
    red_corpus, ocred = corpus_of(red_zip, a.ocr, a.jobs, tmp)
    text_part = [c for c in red_corpus if not c[0].endswith(" (OCR)")]
    image_part = [c for c in red_corpus if c[0].endswith(" (OCR)")]
    in_texts = {k: p.find(text_part) for k, p in probes.items()}
    in_images = {k: p.find(image_part) for k, p in probes.items()}
    findings = {k: in_texts[k] or in_images[k] for k in probes}
    figures["check_s"] = round(time.monotonic() - t0, 1)
    figures["images_ocred"] = ocred
    with zipfile.ZipFile(red_zip) as z:
        figures["redacted_entries"] = len(z.namelist())

    def tally(key_of):
        out = {}
        for d, v in planted:
            k = key_of(d, v)
            t = out.setdefault(k, {"planted": 0, "leaked": 0, "in_texts": 0, "in_images": 0})
            key = (v["type"], v["text"])
            t["planted"] += 1
            t["leaked"] += findings[key] is not None
            t["in_texts"] += in_texts[key] is not None
            t["in_images"] += in_images[key] is not None
        return dict(sorted(out.items()))

    leaked = sum(findings[(v["type"], v["text"])] is not None for _, v in planted)
    figures["planted"] = len(planted)
    figures["leaked"] = leaked
    figures["by_type"] = tally(lambda d, v: v["type"])
    figures["by_place"] = tally(lambda d, v: v["place"])
    figures["by_document_kind"] = tally(lambda d, v: "scanned" if d["scanned"] else "text")
    figures["split_across_lines"] = tally(lambda d, v: "split" if v.get("split") else "whole")
    print(f"Redacted bundle: {figures['redacted_entries']} entries, {ocred} images OCR'd "
          f"(check {figures['check_s']} s).\n")
    print(f"**Planted values leaked: {leaked} of {len(planted)}**\n")
    for title, key in (("type", "by_type"), ("place", "by_place"), ("document", "by_document_kind"),
                       ("line break", "split_across_lines")):
        print(f"| {title} | planted | leaked | in texts | in images (OCR) |\n|---|---|---|---|---|")
        for k, t in figures[key].items():
            print(f"| {k} | {t['planted']} | {t['leaked']} | {t['in_texts']} | {t['in_images']} |")
        print()
    leaks = sorted({(k[0], k[1], f[0], f[1]) for k, f in findings.items() if f})
    figures["leaks"] = [{"type": t, "text": x, "entry": e, "context": c} for t, x, e, c in leaks]
    if leaks:
        print("Distinct values found (type, value, entry, context):\n")
        for t, x, e, c in leaks[:60]:
            print(f"- {t} `{x}` in {e}: …{c}…")
        if len(leaks) > 60:
            print(f"- … and {len(leaks) - 60} more (see the JSON)")
        print()
    finish(a, figures)
    return 1 if leaked else 0


def finish(a, figures):
    text = json.dumps(figures)
    if a.json:
        with open(a.json, "w") as f:
            f.write(json.dumps(figures, indent=1))
    print(text)


if __name__ == "__main__":
    sys.exit(main())
