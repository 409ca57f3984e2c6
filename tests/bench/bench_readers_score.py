#!/usr/bin/python3
"""Scorer for tests/bench/bench_readers.sh: word accuracy on FUNSD, review flags, character error rate.

Plain Python 3 (Debian's /usr/bin/python3), no third-party modules. Prints Markdown tables.

  bench_readers_score.py funsd ANNOTATIONS_DIR --run LABEL KIND DIR "WALL CPU" [--run ...]
  bench_readers_score.py cer TRUTH_DIR --run LABEL KIND DIR [--run ...]
  bench_readers_score.py selftest

KIND says where a page's words are: `tsv` reads DIR/<stem>.tsv (`tesseract IMAGE out tsv`), `json`
reads DIR/<stem>/page-0001.json (`incidoc-cli dump`, incidoc.page/1). A missing file is a page with no
words (counted, and reported under the table). Words whose text is blank are no words (Tesseract's TSV
has some).

Strict match (as tests/support/funsd.cpp's scoreWords): a predicted word matches a truth word when the
texts are identical and the boxes overlap with IoU >= 0.5; one-to-one, greedy by descending IoU, ties
by (predicted index, truth index); boxes [x0, y0, x1, y1] with x1/y1 exclusive; truth words with blank
text are left out; predicted words with empty text count as nothing.

Tokenization-tolerant match: a truth word is found when some predicted word covers at least half of
its box area and contains its text; a predicted word is right when the truth words it covers (each at
least half inside it), left to right, joined without spaces, equal its text.

Review flags: a word is flagged by its page JSON's "flagged" when the run has it, otherwise when its
confidence is below 60. "Right" is the strict match above.

CER: edit distance / truth length, per run summed over pages; the page text is the words in reading
order joined by spaces. Both sides are normalized: Unicode NFKC (ligatures), typographic quotes,
dashes, minus and tilde to ASCII, whitespace runs to one space, and a hyphen between a lower-case
letter and a space before a lower-case letter removed with the space (pdftotext joins the words
hyphenated at line ends; OCR reads "environ- ment").
"""

import argparse
import json
import os
import random
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------------
# Words


class Word:
    __slots__ = ("text", "box", "conf", "flagged", "engine")

    def __init__(self, text, box, conf=None, flagged=None, engine=None):
        self.text = text
        self.box = box  # (x0, y0, x1, y1), x1/y1 exclusive
        self.conf = conf
        self.flagged = flagged
        self.engine = engine


def area(b):
    return 0 if b[2] <= b[0] or b[3] <= b[1] else (b[2] - b[0]) * (b[3] - b[1])


def inter(a, b):
    return area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def iou(a, b):
    i = inter(a, b)
    u = area(a) + area(b) - i
    return i / u if u > 0 else 0.0


def read_tsv(path):
    words = []
    with open(path, encoding="utf-8", errors="replace") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < len(header) or cells[col["level"]] != "5":
                continue
            text = cells[col["text"]]
            conf = float(cells[col["conf"]])
            if conf < 0:
                continue
            x, y = int(cells[col["left"]]), int(cells[col["top"]])
            w, h = int(cells[col["width"]]), int(cells[col["height"]])
            words.append(Word(text, (x, y, x + w, y + h), conf))
    return words


def read_page_json(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    words = []
    for w in sorted(doc.get("words", []), key=lambda w: w.get("order", 0)):
        b = w.get("bbox") or [0, 0, 0, 0]
        words.append(Word(w.get("text") or "", tuple(int(v) for v in b), w.get("confidence"), w.get("flagged"),
                          w.get("engine")))
    return words


def read_run_page(kind, directory, stem):
    """The page's words, or None when the run has no file for it."""
    path = os.path.join(directory, stem + ".tsv") if kind == "tsv" else os.path.join(directory, stem,
                                                                                        "page-0001.json")
    if not os.path.exists(path):
        return None
    return read_tsv(path) if kind == "tsv" else read_page_json(path)


def load_funsd(annotation_dir):
    pages = []
    for name in sorted(os.listdir(annotation_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(annotation_dir, name), encoding="utf-8") as f:
            doc = json.load(f)
        words = []
        for entity in doc.get("form", []):
            for w in entity.get("words", []):
                text, box = w.get("text", ""), w.get("box", [])
                if not text.strip() or len(box) != 4:
                    continue
                words.append(Word(text, tuple(int(v) for v in box)))
        pages.append((name[:-5], words))
    return pages


# ---------------------------------------------------------------------------------------------------
# Scores


def strict_match(pred, truth, min_iou=0.5):
    """Indices of the predicted words matched one-to-one (see the module's comment)."""
    pairs = []
    for i, p in enumerate(pred):
        if not p.text:
            continue
        for j, t in enumerate(truth):
            if p.text != t.text:
                continue
            v = iou(p.box, t.box)
            if v >= min_iou:
                pairs.append((-v, i, j))
    pairs.sort()
    used_p, used_t = set(), set()
    for _, i, j in pairs:
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
    return used_p


def covers(p, t):
    a = area(t.box)
    return a > 0 and 2 * inter(p.box, t.box) >= a


def tolerant(pred, truth):
    """(truth words found, indices of predicted words that are right)."""
    found = sum(1 for t in truth if any(t.text in p.text and covers(p, t) for p in pred if p.text))
    right = set()
    for i, p in enumerate(pred):
        if not p.text:
            continue
        inside = sorted((t for t in truth if covers(p, t)), key=lambda t: (t.box[0], t.box[1]))
        if inside and "".join(t.text for t in inside) == p.text:
            right.add(i)
    return found, right


def prf(matched_p, predicted, matched_t, truth):
    p = matched_p / predicted if predicted else 0.0
    r = matched_t / truth if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def pct(a, b):
    return "%.1f %%" % (100.0 * a / b) if b else "–"


def cmd_funsd(args):
    truth_pages = load_funsd(args.annotations)
    if not truth_pages:
        sys.exit("no FUNSD annotations in " + args.annotations)
    if args.limit:
        truth_pages = truth_pages[:args.limit]
    results = []
    for label, kind, directory, seconds in args.run:
        r = dict(label=label, predicted=0, truth=0, strict=0, tol_found=0, tol_right=0, missing=0, flag_field=False,
                 words=0, flagged=0, wrong=0, wrong_flagged=0, unflagged_right=0, unflagged_tol_right=0, low=0,
                 wrong_low=0, unlow_right=0, engines={}, seconds=seconds)
        for stem, truth in truth_pages:
            pred = read_run_page(kind, directory, stem)
            r["truth"] += len(truth)
            if pred is None:
                r["missing"] += 1
                continue
            pred = [p for p in pred if p.text.strip()]
            matched = strict_match(pred, truth)
            found, right = tolerant(pred, truth)
            r["predicted"] += len(pred)
            r["strict"] += len(matched)
            r["tol_found"] += found
            r["tol_right"] += len(right)
            for i, p in enumerate(pred):
                ok = i in matched
                low = p.conf is not None and p.conf < 60
                if p.flagged is not None:
                    r["flag_field"] = True
                flagged = p.flagged if p.flagged is not None else low
                r["words"] += 1
                r["flagged"] += bool(flagged)
                r["wrong"] += not ok
                r["wrong_flagged"] += (not ok) and bool(flagged)
                r["unflagged_right"] += ok and not flagged
                r["unflagged_tol_right"] += (i in right) and not flagged
                r["low"] += low
                r["wrong_low"] += (not ok) and low
                r["unlow_right"] += ok and not low
                if p.engine:
                    r["engines"][p.engine] = r["engines"].get(p.engine, 0) + 1
        results.append(r)

    n = len(truth_pages)
    print("### A. Words on the %d FUNSD training forms (strict: IoU ≥ 0.5 and exact text; tolerant: "
          "coverage ≥ 50 %% and containment)" % n)
    print()
    print("| run | strict P | strict R | **strict F1** | tolerant P | tolerant R | **tolerant F1** | words "
          "| wall s (2 at a time) | CPU s per form |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        sp, sr, sf = prf(r["strict"], r["predicted"], r["strict"], r["truth"])
        tp, tr, tf = prf(r["tol_right"], r["predicted"], r["tol_found"], r["truth"])
        times = [float(v) for v in r["seconds"].split()] if r["seconds"] not in ("", "-") else []
        wall = "%.1f" % times[0] if times else "–"
        cpu = "%.2f" % (times[1] / n) if len(times) > 1 else "–"
        print("| %s | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** | %d | %s | %s |" %
              (r["label"], sp, sr, sf, tp, tr, tf, r["predicted"], wall, cpu))
    print()
    print("Truth: %d words. " % results[0]["truth"] if results else "", end="")
    for r in results:
        if r["missing"]:
            print("%s: %d forms without output (scored as no words). " % (r["label"], r["missing"]), end="")
    print()
    print()
    print("### B. Review flags on the same forms (right = strict match to a true word)")
    print()
    print("| run | flag | words | flagged | **unflagged words right** | **wrong words flagged** "
          "| unflagged right (tolerant) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in results:
        if r["flag_field"]:
            print("| %s | `\"flagged\": true` | %d | %s | **%s** | **%s** | %s |" %
                  (r["label"], r["words"], pct(r["flagged"], r["words"]),
                   pct(r["unflagged_right"], r["words"] - r["flagged"]), pct(r["wrong_flagged"], r["wrong"]),
                   pct(r["unflagged_tol_right"], r["words"] - r["flagged"])))
        print("| %s | confidence < 60 | %d | %s | %s | %s | %s |" %
              (r["label"], r["words"], pct(r["low"], r["words"]), pct(r["unlow_right"], r["words"] - r["low"]),
               pct(r["wrong_low"], r["wrong"]),
               pct(r["unflagged_tol_right"], r["words"] - r["flagged"]) if not r["flag_field"] else "–"))
    print()
    for r in results:
        if r["engines"]:
            parts = ", ".join("%s %s" % (e, pct(c, r["words"])) for e, c in sorted(r["engines"].items()))
            print("Chosen reading by engine, %s: %s.  " % (r["label"], parts))
    print()


# ---------------------------------------------------------------------------------------------------
# Character error rate

_ASCII = {
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x00B4: "'", 0x0060: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"',
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-", 0x00AD: "-",
    0x02DC: "~", 0x223C: "~", 0x2022: "•", 0x00A0: " ",
}


_HYPHENATED = re.compile(r"(?<=[a-z])- (?=[a-z])")


def normalize(text):
    text = unicodedata.normalize("NFKC", text.translate(_ASCII)).translate(_ASCII)
    # pdftotext joins words hyphenated at a line's end, OCR keeps them split: join them on both sides.
    return _HYPHENATED.sub("", " ".join(text.split()))


def levenshtein(a, b):
    """Edit distance (unit costs), bit-parallel (Myers 1999 / Hyyrö 2001) on Python integers."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    # b is the pattern (columns of bits), a the text.
    m = len(b)
    peq = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    last = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score


def page_text(words):
    return normalize(" ".join(w.text for w in words))


def cmd_cer(args):
    stems = sorted(f[:-4] for f in os.listdir(args.truth) if f.endswith(".txt"))
    if not stems:
        sys.exit("no truth texts in " + args.truth)
    truth = {}
    for s in stems:
        with open(os.path.join(args.truth, s + ".txt"), encoding="utf-8") as f:
            truth[s] = normalize(f.read())
    sources = []
    for s in stems:
        src = s.rsplit("-p", 1)[0]
        if src not in sources:
            sources.append(src)
    # errors[label][source] = (edits, chars, pages, missing)
    errors = {}
    for label, kind, directory in args.run:
        per = errors.setdefault(label, {})
        for s in stems:
            words = read_run_page(kind, directory, s)
            got = page_text(words) if words is not None else ""
            e = per.setdefault(s.rsplit("-p", 1)[0], [0, 0, 0, 0])
            e[0] += levenshtein(got, truth[s])
            e[1] += len(truth[s])
            e[2] += 1
            e[3] += words is None
    labels = [r[0] for r in args.run]
    print("### C. Character error rate on %d clean 300-dpi pages (truth: the PDF's text layer)" % len(stems))
    print()
    print("| pages | chars | " + " | ".join(labels) + " |")
    print("|---|---:|" + "---:|" * len(labels))
    for src in sources + ["all"]:
        pick = sources if src == "all" else [src]
        first = errors[labels[0]]
        chars = sum(first[x][1] for x in pick)
        pages = sum(first[x][2] for x in pick)
        cells = []
        for label in labels:
            edits = sum(errors[label][x][0] for x in pick)
            cells.append("%.4f" % (edits / chars) if chars else "–")
        name = "**all**" if src == "all" else src
        print("| %s (%d) | %d | %s |" % (name, pages, chars, " | ".join(cells)))
    base = sum(v[0] for v in errors[labels[0]].values())
    print("| CER relative to %s | | %s |" %
          (labels[0], " | ".join("%.2f×" % (sum(v[0] for v in errors[l].values()) / base) if base else "–"
                                 for l in labels)))
    print()
    for label in labels:
        miss = sum(v[3] for v in errors[label].values())
        if miss:
            print("%s: %d pages without output (scored as empty text).  " % (label, miss))
    print()


# ---------------------------------------------------------------------------------------------------


def slow_levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cmd_selftest(_args):
    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("abcd ") for _ in range(rng.randint(0, 70)))
        b = "".join(rng.choice("abce ") for _ in range(rng.randint(0, 70)))
        assert levenshtein(a, b) == slow_levenshtein(a, b), (a, b)
    assert levenshtein("kitten", "sitting") == 3
    assert normalize("ﬁle −−norc ˜/x “q”  a\n b") == 'file --norc ~/x "q" a b'
    assert normalize("environ-\nment well-known A- B") == "environment well-known A- B"
    truth = [Word("Supervisor/", (0, 0, 50, 10)), Word("Manager:", (52, 0, 100, 10)), Word("Date", (0, 20, 30, 30))]
    pred = [Word("Supervisor/Manager:", (0, 0, 100, 10)), Word("Date", (0, 20, 31, 30)), Word("x", (0, 40, 5, 45))]
    assert strict_match(pred, truth) == {1}
    found, right = tolerant(pred, truth)
    assert found == 3 and right == {0, 1}, (found, right)
    # A predicted piece of a true word: not found by it, and not right (it covers no whole truth word).
    found, right = tolerant([Word("Super", (0, 0, 20, 10))], truth)
    assert found == 0 and right == set()
    print("selftest ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("funsd")
    f.add_argument("annotations")
    f.add_argument("--run", nargs=4, action="append", required=True, metavar=("LABEL", "KIND", "DIR", "SECONDS"))
    f.add_argument("--limit", type=int, default=0, help="score only the first N forms (sorted by name)")
    c = sub.add_parser("cer")
    c.add_argument("truth")
    c.add_argument("--run", nargs=3, action="append", required=True, metavar=("LABEL", "KIND", "DIR"))
    sub.add_parser("selftest")
    args = ap.parse_args()
    {"funsd": cmd_funsd, "cer": cmd_cer, "selftest": cmd_selftest}[args.cmd](args)


if __name__ == "__main__":
    main()
