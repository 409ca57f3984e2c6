#pragma once
// Shared by the crash-safety suite (tests/reliability): the small documents and their reference run,
// starting real processes and SIGKILLing them (or one of their page hosts) at seeded random moments,
// and the invariants checked with a fresh open after every kill. Not thread-safe (test thread only).

#include "core/model/records.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace incidoc::test::reliability {

/// Kill cycles per area: INCIDOC_KILL_CYCLES, else `fallback` (the short CI version).
int cyclesPerArea(int fallback);
/// The base seed of every random kill moment: INCIDOC_KILL_SEED, else a fixed default.
unsigned baseSeed();

/// A word as the reference run stored it.
struct RefWord {
    QString text;
    PixelBox box;
    bool operator==(const RefWord& o) const { return text == o.text && box == o.box; }
};
/// A page by what it is, not by its id in one project: (file name, page number).
using PageKey = std::pair<QString, int>;
using PageWords = std::map<PageKey, std::vector<RefWord>>;

/// Writes the input folder: scanned PDFs of 2, 2 and 1 pages (5 lines each, 150 dpi), a born-digital
/// PDF of 2 pages and a PNG of 5 lines: 8 pages in 5 files.
bool writeInputs(const QString& folder);
/// Options every processing run uses (150 dpi, 2 jobs, quiet).
QStringList processingOptions();

/// One page as a fresh open of the project sees it.
struct PageView {
    PageStatus status = PageStatus::Queued;
    QString error;
    std::vector<RefWord> words;
    std::vector<int> orders;
};
/// A project as a fresh open sees it: every registered page (a key listed twice is a duplicate).
struct ProjectView {
    bool opened = false;
    QString error;
    std::map<PageKey, std::vector<PageView>> pages;
    std::map<QString, int> documentsByName; ///< imported documents per file name
    std::set<QString> failedFiles;          ///< files recorded as failed to import
};
ProjectView viewProject(const QString& project);
/// Words of every done page.
PageWords doneWords(const ProjectView& view);

/// What the kill loops of one area counted (printed as one KILL-LOOP-RESULT line for the long run).
struct Tally {
    QString area;
    int cycles = 0;
    int kills = 0;         ///< SIGKILLs sent to a live process
    int childKills = 0;    ///< of which to a child (a page host) alone
    int midWork = 0;       ///< kills that left the work partly done
    int finishedFirst = 0; ///< cycles whose process ended before its kill moment
    int pagesLost = 0, pagesDuplicated = 0, integrityErrors = 0;
    int editsAcked = 0, editsLost = 0, phantomEdits = 0;
    int exportsChecked = 0, partialExports = 0;
    std::set<PageKey> skippedPages; ///< pages the command recorded failed after our child kills
    std::set<QString> skippedFiles; ///< files the command recorded failed after our child kills
    QString line() const;
};

/// Checks a project after a kill of import/ocr: integrity_check, every page has one status and at most
/// one result (ord 0..n-1, words equal to the reference's when done), nothing done before is lost.
/// `doneBefore` is updated. Failures are reported with `context` and counted in `tally`.
void checkPagesAfterKill(const QString& project, const PageWords& reference, PageWords& doneBefore, Tally& tally,
                         const QString& context);
/// After an uninterrupted run: every reference page is there exactly once, done, with its words.
void checkConverged(const QString& project, const PageWords& reference, Tally& tally, const QString& context);

/// The outcome of one started-then-killed process.
struct KillRun {
    bool killed = false; ///< we sent at least one SIGKILL to a live process
    int kills = 0;
    bool childKilled = false;
    bool finished = false; ///< it ended by itself (before the kill, or after a child kill)
    int exitCode = -1;
    bool crashed = false;
    QString out, err;
    int delayMs = 0;
};

/// How to kill: the started process, or only one of its children, a page host (then the command goes on; it is
/// killed too after `secondDelayMs` unless it ends first).
struct KillPlan {
    int delayMs = 0;
    bool childOnly = false;
    int secondDelayMs = 0;
};

/// Starts `program args`, waits for it to end or `plan.delayMs`, whichever comes first, then SIGKILLs
/// as planned and waits until the process and its children are gone.
KillRun runAndKill(const QString& program, const QStringList& args, const KillPlan& plan,
                   const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

/// Milliseconds an uninterrupted run of `program args` takes (and its exit code).
std::pair<int, int> timedRun(const QString& program, const QStringList& args, QString* err = nullptr);

/// An uninterrupted import/ocr run on `project`, timed: until its first page is committed (polled with
/// read-only opens) and until it ends.
struct ProcessingTiming {
    int firstPageMs = 0, fullMs = 0, exitCode = -1;
    QString err;
};
ProcessingTiming timedProcessingRun(const QString& program, const QStringList& args, const QString& project);

/// SHA-256 of a file's bytes (empty when it cannot be read): "is it the same file as before".
QByteArray sha(const QString& path);

/// Copies a closed project file (and its -wal if any).
bool copyProject(const QString& from, const QString& to);
/// Removes a project file and its -wal, -shm and .lock.
void removeProject(const QString& path);

/// Checks a bundle like a consumer would (Python's zipfile + manifest hashes, Info-ZIP unzip -t).
/// Empty when valid, else why not.
QString bundleProblem(const QString& zip);
/// Hidden partial files an export leaves when killed (`.NAME.PID.incidoc-partial`).
QStringList partialFiles(const QString& folder);

/// Percent-decoded ACK field helpers for the edit driver's output.
struct ExpectedWord {
    bool exists = true;
    bool textKnown = false, boxKnown = false, labelKnown = false;
    QString text;
    PixelBox box;
    std::optional<LabelId> label;
};
struct EditLog {
    std::vector<QString> acks; ///< raw ACK lines, in order
    QString inFlightKind;      ///< BEGIN without ACK: the kind, group and words
    long long inFlightGroup = 0;
    std::vector<WordId> inFlightWords;
    bool done = false; ///< DONE printed
    QString fail;      ///< FAIL line, if any
};
EditLog parseEditLog(const QString& out);

/// What the edit kill loop knows for sure: the last acknowledged state of words and groups.
struct EditExpectations {
    std::map<WordId, ExpectedWord> words;
    std::map<long long, std::pair<QString, bool>> groups; ///< group -> (kind, undone)
    std::set<long long> uncertainGroups;                  ///< in flight when killed: committed or not, both fine
    void apply(const EditLog& log, Tally& tally);
};
/// Checks every acknowledged edit is in the project (values and history), no edit appears that was
/// never begun, integrity_check, and unique reading order per page.
void checkEdits(const QString& project, const EditExpectations& expected, Tally& tally, const QString& context);

} // namespace incidoc::test::reliability
