#include "tests/reliability/kill_support.h"

#include "core/storage/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>

#include <unistd.h>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"

namespace incidoc::test::reliability {
namespace {

// A bundle checked with nothing from Incidoc: ZIP CRCs, every entry listed in the manifest with its
// size and SHA-256, and the per-page files the manifest promises. Prints "ok".
const char* const kCheckBundle = R"PY(
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'testzip failed'
names = z.namelist()
assert len(names) == len(set(names)), 'duplicate names'
m = json.loads(z.read('manifest.json'))
assert m['schema'] == 'incidoc.bundle/1'
listed = {e['path']: e for e in m['entries']}
assert set(listed) == set(names) - {'manifest.json'}, 'manifest does not list every entry'
for n, e in listed.items():
    data = z.read(n)
    assert hashlib.sha256(data).hexdigest() == e['sha256'], 'sha256 mismatch ' + n
    assert len(data) == e['bytes'], 'size mismatch ' + n
total = 0
for d in m['documents']:
    for i in range(1, d['pages'] + 1):
        stem = '%s/page-%04d' % (d['slug'], i)
        assert 'documents/%s.json' % stem in listed, 'missing page ' + stem
        total += 1
assert total > 0
print('ok', total)
)PY";

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

std::vector<qint64> childrenOf(qint64 pid)
{
    std::vector<qint64> kids;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& t : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(t + QStringLiteral("/children")));
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& k : f.readAll().split(' '))
                if (k.trimmed().toLongLong() > 0)
                    kids.push_back(k.trimmed().toLongLong());
    }
    return kids;
}

bool alive(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const int close = stat.lastIndexOf(')');
    return close > 0 && close + 2 < stat.size() && stat[close + 2] != 'Z';
}

/// Waits until the processes are gone (a page host ends within half a second of its parent).
void waitGone(const std::vector<qint64>& pids)
{
    QElapsedTimer t;
    t.start();
    for (qint64 pid : pids)
        while (alive(pid) && t.elapsed() < 20'000)
            QThread::msleep(5);
    for (qint64 pid : pids)
        EXPECT_FALSE(alive(pid)) << "process " << pid << " outlived its killed parent";
}

char stateOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const int close = stat.lastIndexOf(')');
    return close > 0 && close + 2 < stat.size() ? stat[close + 2] : 0;
}

/// SIGKILLs a process and waits until it and its children are gone. It is stopped first so that the
/// list of its children is complete (a stopped process cannot start another); its page hosts end once
/// their parent is gone and must be gone before the project is looked at.
void killTree(QProcess& p)
{
    const qint64 pid = p.processId();
    ::kill(static_cast<pid_t>(pid), SIGSTOP);
    QElapsedTimer t;
    t.start();
    while (stateOf(pid) != 'T' && stateOf(pid) != 't' && alive(pid) && t.elapsed() < 5'000)
        QThread::usleep(200);
    const std::vector<qint64> kids = childrenOf(pid);
    ::kill(static_cast<pid_t>(pid), SIGKILL);
    p.waitForFinished(30'000);
    waitGone(kids);
}

bool ordersContiguous(std::vector<int> orders)
{
    std::sort(orders.begin(), orders.end());
    for (std::size_t i = 0; i < orders.size(); ++i)
        if (orders[i] != static_cast<int>(i))
            return false;
    return true;
}

bool ordersUnique(std::vector<int> orders)
{
    std::sort(orders.begin(), orders.end());
    return std::adjacent_find(orders.begin(), orders.end()) == orders.end();
}

QString keyName(const PageKey& k)
{
    return QStringLiteral("%1 page %2").arg(k.first).arg(k.second);
}

} // namespace

int cyclesPerArea(int fallback)
{
    return envInt("INCIDOC_KILL_CYCLES", fallback);
}

unsigned baseSeed()
{
    return static_cast<unsigned>(envInt("INCIDOC_KILL_SEED", 20261122));
}

bool writeInputs(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return false;
    auto fiveLines = [](int count, unsigned seed) {
        auto pages = sampleParagraphPages(count, seed);
        for (auto& p : pages)
            p.lines = p.lines.mid(0, 5);
        return pages;
    };
    const QDir d(folder);
    return writeScannedPdf(d.filePath(QStringLiteral("a-scan.pdf")), fiveLines(2, 101), 150)
           && writeScannedPdf(d.filePath(QStringLiteral("b-scan.pdf")), fiveLines(2, 102), 150, 0.3, 3, 7)
           && writeScannedPdf(d.filePath(QStringLiteral("c-scan.pdf")), fiveLines(1, 103), 150)
           && writeTextPdf(d.filePath(QStringLiteral("d-text.pdf")), fiveLines(2, 104))
           && renderTextImage(fiveLines(1, 105)[0].lines, 150).save(d.filePath(QStringLiteral("e-photo.png")), "PNG");
}

QStringList processingOptions()
{
    return {QStringLiteral("--dpi"), QStringLiteral("150"), QStringLiteral("--jobs"), QStringLiteral("2"),
            QStringLiteral("-q")};
}

ProjectView viewProject(const QString& project)
{
    ProjectView v;
    if (!QFileInfo::exists(project)) { // killed before it created the project: nothing to see (or create)
        v.opened = true;
        return v;
    }
    auto store = ProjectStore::open(project);
    if (!store) {
        v.error = store.error().message;
        return v;
    }
    auto docs = (*store)->documents();
    if (!docs) {
        v.error = docs.error().message;
        return v;
    }
    v.opened = true;
    for (const DocumentRecord& d : *docs) {
        if (!d.error.isEmpty()) {
            v.failedFiles.insert(d.name);
            continue;
        }
        ++v.documentsByName[d.name];
        auto pages = (*store)->pages(d.id);
        if (!pages) {
            v.opened = false;
            v.error = pages.error().message;
            return v;
        }
        for (const PageRecord& p : *pages) {
            PageView pv;
            pv.status = p.status;
            pv.error = p.error;
            auto words = (*store)->words(p.id);
            if (!words) {
                v.opened = false;
                v.error = words.error().message;
                return v;
            }
            for (const WordRecord& w : *words) {
                pv.words.push_back({w.text, w.box});
                pv.orders.push_back(w.order);
            }
            v.pages[{d.name, p.number}].push_back(std::move(pv));
        }
    }
    return v;
}

PageWords doneWords(const ProjectView& view)
{
    PageWords out;
    for (const auto& [key, list] : view.pages)
        for (const PageView& p : list)
            if (p.status == PageStatus::Done)
                out[key] = p.words;
    return out;
}

QString Tally::line() const
{
    return QStringLiteral("KILL-LOOP-RESULT area=%1 cycles=%2 kills=%3 child_kills=%4 mid_work=%5 finished_first=%6 "
                          "pages_lost=%7 pages_duplicated=%8 integrity_errors=%9 edits_acked=%10 edits_lost=%11 "
                          "phantom_edits=%12 exports_checked=%13 partial_exports=%14 skipped_pages=%15 "
                          "skipped_files=%16")
        .arg(area)
        .arg(cycles)
        .arg(kills)
        .arg(childKills)
        .arg(midWork)
        .arg(finishedFirst)
        .arg(pagesLost)
        .arg(pagesDuplicated)
        .arg(integrityErrors)
        .arg(editsAcked)
        .arg(editsLost)
        .arg(phantomEdits)
        .arg(exportsChecked)
        .arg(partialExports)
        .arg(skippedPages.size())
        .arg(skippedFiles.size());
}

void checkPagesAfterKill(const QString& project, const PageWords& reference, PageWords& doneBefore, Tally& tally,
                         const QString& context)
{
    const QString integrity = integrityCheck(project);
    if (integrity != QLatin1String("ok")) {
        ++tally.integrityErrors;
        ADD_FAILURE() << qPrintable(context) << ": integrity_check: " << qPrintable(integrity);
    }
    const ProjectView v = viewProject(project);
    if (!v.opened) {
        ++tally.integrityErrors;
        ADD_FAILURE() << qPrintable(context) << ": the project does not open: " << qPrintable(v.error);
        return;
    }
    for (const auto& [name, count] : v.documentsByName)
        if (count > 1) {
            tally.pagesDuplicated += count - 1;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(name) << " imported " << count << " times";
        }
    for (const QString& f : v.failedFiles)
        tally.skippedFiles.insert(f);
    for (const auto& [key, list] : v.pages) {
        const auto ref = reference.find(key);
        if (ref == reference.end()) {
            ++tally.pagesDuplicated;
            ADD_FAILURE() << qPrintable(context) << ": unexpected page " << qPrintable(keyName(key));
            continue;
        }
        const PageView& p = list.front();
        if (!ordersContiguous(p.orders)) {
            ++tally.pagesDuplicated;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << ": reading order is not 0..n-1";
        }
        const bool wasDone = doneBefore.count(key) > 0;
        switch (p.status) {
        case PageStatus::Done:
            if (p.words != ref->second) {
                ++(p.words.size() > ref->second.size() ? tally.pagesDuplicated : tally.pagesLost);
                ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << " has " << p.words.size()
                              << " words, the reference run " << ref->second.size() << " (or different ones)";
            }
            break;
        case PageStatus::Queued:
        case PageStatus::Processing:
            // Never processed, or interrupted: no words (or, never two results, the same ones).
            if (!p.words.empty() && p.words != ref->second) {
                ++tally.pagesDuplicated;
                ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << " is "
                              << qPrintable(toString(p.status)) << " with " << p.words.size() << " stray words";
            }
            break;
        case PageStatus::Failed:
            // Only the command fails a page here: our kills of its page hosts looked like crashes of it.
            if (p.error.contains(QLatin1String("crashed")))
                tally.skippedPages.insert(key);
            else
                ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key))
                              << " failed: " << qPrintable(p.error);
            break;
        }
        if (wasDone && p.status != PageStatus::Done) {
            ++tally.pagesLost;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << " was done and is now "
                          << qPrintable(toString(p.status));
        }
    }
    for (const auto& [key, words] : doneBefore)
        if (!v.pages.count(key)) {
            ++tally.pagesLost;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << " was done and is gone";
        }
    doneBefore = doneWords(v);
}

void checkConverged(const QString& project, const PageWords& reference, Tally& tally, const QString& context)
{
    const QString integrity = integrityCheck(project);
    if (integrity != QLatin1String("ok")) {
        ++tally.integrityErrors;
        ADD_FAILURE() << qPrintable(context) << ": integrity_check: " << qPrintable(integrity);
    }
    const ProjectView v = viewProject(project);
    ASSERT_TRUE(v.opened) << qPrintable(context) << ": " << qPrintable(v.error);
    for (const auto& [key, words] : reference) {
        const auto it = v.pages.find(key);
        if (it == v.pages.end() || it->second.front().status != PageStatus::Done || it->second.front().words != words) {
            ++tally.pagesLost;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key))
                          << " is not done exactly as in the "
                          << "reference run";
        }
        if (it != v.pages.end() && it->second.size() > 1) {
            tally.pagesDuplicated += static_cast<int>(it->second.size()) - 1;
            ADD_FAILURE() << qPrintable(context) << ": " << qPrintable(keyName(key)) << " is there "
                          << it->second.size() << " times";
        }
    }
    for (const auto& [key, list] : v.pages)
        if (!reference.count(key)) {
            ++tally.pagesDuplicated;
            ADD_FAILURE() << qPrintable(context) << ": unexpected page " << qPrintable(keyName(key));
        }
    EXPECT_TRUE(v.failedFiles.empty()) << qPrintable(context) << ": files left failed after the final run";
}

KillRun runAndKill(const QString& program, const QStringList& args, const KillPlan& plan,
                   const QProcessEnvironment& env)
{
    KillRun r;
    r.delayMs = plan.delayMs;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10'000)) {
        ADD_FAILURE() << "cannot start " << qPrintable(program);
        return r;
    }
    const qint64 pid = p.processId();
    // The kill moment: the process ending first is the only thing that cuts this wait short.
    if (!p.waitForFinished(plan.delayMs)) {
        const std::vector<qint64> kids = plan.childOnly ? childrenOf(pid) : std::vector<qint64>();
        if (!kids.empty()) {
            ::kill(static_cast<pid_t>(kids.front()), SIGKILL);
            ++r.kills;
            r.childKilled = true;
            waitGone({kids.front()});
            if (!p.waitForFinished(plan.secondDelayMs)) {
                killTree(p);
                ++r.kills;
            } else {
                r.finished = true;
            }
        } else {
            killTree(p);
            ++r.kills;
        }
        r.killed = r.kills > 0;
    } else {
        r.finished = true;
    }
    if (p.state() != QProcess::NotRunning) {
        ADD_FAILURE() << "process " << pid << " did not end after SIGKILL";
        p.kill();
        p.waitForFinished(10'000);
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::pair<int, int> timedRun(const QString& program, const QStringList& args, QString* err)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(program, args);
    p.waitForFinished(600'000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return {static_cast<int>(t.elapsed()), p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1};
}

ProcessingTiming timedProcessingRun(const QString& program, const QStringList& args, const QString& project)
{
    ProcessingTiming r;
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(program, args);
    while (!p.waitForFinished(20)) {
        if (r.firstPageMs > 0 || !QFileInfo::exists(project))
            continue;
        auto store = ProjectStore::open(project, OpenMode::ReadOnly);
        if (!store)
            continue;
        if (auto s = (*store)->summary(); s && s->done + s->failed > 0)
            r.firstPageMs = static_cast<int>(t.elapsed());
    }
    r.fullMs = static_cast<int>(t.elapsed());
    if (r.firstPageMs == 0)
        r.firstPageMs = r.fullMs;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray sha(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

bool copyProject(const QString& from, const QString& to)
{
    removeProject(to);
    if (!QFile::copy(from, to))
        return false;
    if (QFileInfo::exists(from + QStringLiteral("-wal")))
        return QFile::copy(from + QStringLiteral("-wal"), to + QStringLiteral("-wal"));
    return true;
}

void removeProject(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(path + suffix);
}

QString bundleProblem(const QString& zip)
{
    QProcess py;
    py.setProcessChannelMode(QProcess::MergedChannels);
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kCheckBundle), zip});
    py.waitForFinished(120'000);
    const QString out = QString::fromUtf8(py.readAll());
    if (py.exitStatus() != QProcess::NormalExit || py.exitCode() != 0 || !out.startsWith(QLatin1String("ok")))
        return QStringLiteral("python zipfile check: ") + out.trimmed().right(400);
    QProcess unzip;
    unzip.setProcessChannelMode(QProcess::MergedChannels);
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-tq"), zip});
    unzip.waitForFinished(120'000);
    if (unzip.exitStatus() != QProcess::NormalExit || unzip.exitCode() != 0)
        return QStringLiteral("unzip -t: ") + QString::fromUtf8(unzip.readAll()).trimmed().right(400);
    return {};
}

QStringList partialFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("*.incidoc-partial")}, QDir::Files | QDir::Hidden);
}

EditLog parseEditLog(const QString& out)
{
    EditLog log;
    QString begun;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("BEGIN "))) {
            begun = line;
        } else if (line.startsWith(QLatin1String("ACK "))) {
            log.acks.push_back(line);
            begun.clear();
        } else if (line.startsWith(QLatin1String("SKIP "))) {
            begun.clear(); // refused, rolled back: nothing of it is in the project
        } else if (line.startsWith(QLatin1String("FAIL "))) {
            log.fail = line;
        } else if (line == QLatin1String("DONE")) {
            log.done = true;
        }
    }
    if (!begun.isEmpty()) {
        const QStringList f = begun.split(QLatin1Char(' '));
        log.inFlightKind = f.value(2);
        log.inFlightGroup = f.value(3).toLongLong();
        for (const QString& id : f.value(4).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (id != QLatin1String("-"))
                log.inFlightWords.push_back(id.toLongLong());
    }
    return log;
}

void EditExpectations::apply(const EditLog& log, Tally& tally)
{
    for (const QString& line : log.acks) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() < 4) {
            ADD_FAILURE() << "bad ACK line: " << qPrintable(line);
            continue;
        }
        ++tally.editsAcked;
        const QString kind = f[2];
        const long long group = f[3].toLongLong();
        if (kind == QLatin1String("undo") || kind == QLatin1String("redo"))
            groups[group].second = kind == QLatin1String("undo");
        else
            groups[group] = {kind, false};
        uncertainGroups.erase(group);
        for (int i = 4; i < f.size(); ++i) {
            const QStringList w = f[i].split(QLatin1Char(':'));
            if (w.size() != 6 || w[0] != QLatin1String("W")) {
                ADD_FAILURE() << "bad word in ACK: " << qPrintable(f[i]);
                continue;
            }
            ExpectedWord e;
            e.exists = w[2] == QLatin1String("1");
            e.textKnown = w[3] != QLatin1String("-");
            if (e.textKnown)
                e.text = QString::fromUtf8(QByteArray::fromPercentEncoding(w[3].toUtf8()));
            e.boxKnown = w[4] != QLatin1String("-");
            if (e.boxKnown) {
                const QStringList b = w[4].split(QLatin1Char(','));
                e.box = {b.value(0).toInt(), b.value(1).toInt(), b.value(2).toInt(), b.value(3).toInt()};
            }
            e.labelKnown = w[5] != QLatin1String("-");
            if (e.labelKnown && w[5] != QLatin1String("none"))
                e.label = w[5].toLongLong();
            words[w[1].toLongLong()] = e;
        }
    }
    if (!log.inFlightKind.isEmpty()) {
        // Killed between BEGIN and ACK: the action may or may not be in; what it touches is unknown.
        for (WordId id : log.inFlightWords)
            words.erase(id);
        uncertainGroups.insert(log.inFlightGroup);
        groups.erase(log.inFlightGroup);
    }
}

void checkEdits(const QString& project, const EditExpectations& expected, Tally& tally, const QString& context)
{
    const QString integrity = integrityCheck(project);
    if (integrity != QLatin1String("ok")) {
        ++tally.integrityErrors;
        ADD_FAILURE() << qPrintable(context) << ": integrity_check: " << qPrintable(integrity);
    }
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok()) << qPrintable(context) << ": " << qPrintable(store.error().message);
    std::set<WordId> lost;
    for (const auto& [id, e] : expected.words) {
        auto w = (*store)->word(id);
        ASSERT_TRUE(w.ok()) << qPrintable(w.error().message);
        QString why;
        if (w->has_value() != e.exists)
            why = e.exists ? QStringLiteral("is gone") : QStringLiteral("exists again");
        else if (e.exists && e.textKnown && (*w)->text != e.text)
            why = QStringLiteral("has text \"%1\", acknowledged \"%2\"").arg((*w)->text, e.text);
        else if (e.exists && e.boxKnown && !((*w)->box == e.box))
            why = QStringLiteral("has another box than acknowledged");
        else if (e.exists && e.labelKnown && (*w)->labelId != e.label)
            why = QStringLiteral("has another label than acknowledged");
        if (!why.isEmpty()) {
            lost.insert(id);
            ADD_FAILURE() << qPrintable(context) << ": word " << id << " " << qPrintable(why);
        }
    }
    // The history: each acknowledged group once, with its edits and its undone mark.
    for (const auto& [group, state] : expected.groups) {
        auto edits = (*store)->editGroup(group);
        ASSERT_TRUE(edits.ok()) << qPrintable(edits.error().message);
        const QString& kind = state.first;
        const int want = kind == QLatin1String("merge") || kind == QLatin1String("split") ? 2 : 1;
        int matching = 0;
        bool undoneOk = true;
        for (const EditRecord& e : *edits) {
            matching += e.action == kind;
            undoneOk = undoneOk && e.undone == state.second;
        }
        if (matching != want || static_cast<int>(edits->size()) != want || !undoneOk) {
            ++tally.editsLost;
            ADD_FAILURE() << qPrintable(context) << ": edit group " << group << " (" << qPrintable(kind) << ", "
                          << (state.second ? "undone" : "not undone") << ") has " << edits->size()
                          << " edits in the history, " << matching << " of them '" << qPrintable(kind) << "'"
                          << (undoneOk ? "" : ", with the wrong undone mark");
        }
    }
    tally.editsLost += static_cast<int>(lost.size());
    // Nothing that was never begun, and reading order unique on every page.
    auto docs = (*store)->documents();
    ASSERT_TRUE(docs.ok());
    for (const DocumentRecord& d : *docs)
        for (const PageRecord& p : *(*store)->pages(d.id)) {
            for (const EditRecord& e : *(*store)->edits(p.id))
                if (!expected.groups.count(e.groupId) && !expected.uncertainGroups.count(e.groupId)) {
                    ++tally.phantomEdits;
                    ADD_FAILURE() << qPrintable(context) << ": edit " << e.id << " of group " << e.groupId
                                  << " was never begun";
                }
            std::vector<int> orders;
            for (const WordRecord& w : *(*store)->words(p.id))
                orders.push_back(w.order);
            if (!ordersUnique(orders)) {
                ++tally.pagesDuplicated;
                ADD_FAILURE() << qPrintable(context) << ": page " << p.id << " has a reading order twice";
            }
        }
}

} // namespace incidoc::test::reliability
