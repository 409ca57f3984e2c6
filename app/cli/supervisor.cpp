#include "app/cli/supervisor.h"

#include "core/import/importer.h"
#include "core/pipeline/page_host.h"
#include "core/storage/project_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>

#include <sys/prctl.h>
#include <unistd.h>

namespace incidoc::cli {
namespace {

/// Messages for people (context "cli", see cli.cpp). The reasons recorded in the project stay English.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

void say(const QString& s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
    std::fflush(stderr);
}

qint64 monotonicMs()
{
    timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<qint64>(t.tv_sec) * 1000 + t.tv_nsec / 1'000'000;
}

/// A page the child has in flight, with its phase and when that began (InFlightList's lines).
struct InFlightPage {
    PageJob job;
    PagePhase phase = PagePhase::Render;
    qint64 sinceMs = 0;
};

std::vector<InFlightPage> readInFlightPages(const QString& path)
{
    std::vector<InFlightPage> pages;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return pages;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() < 6)
            continue;
        InFlightPage p;
        p.job.pageId = fields[0].toLongLong();
        p.job.documentId = fields[1].toLongLong();
        p.job.number = fields[2].toInt();
        p.phase = fields[3].toInt() == int(PagePhase::Ocr) ? PagePhase::Ocr : PagePhase::Render;
        p.sinceMs = fields[4].toLongLong();
        qsizetype pathStart = 5; // the rest of the line: a path may hold a tab
        for (int i = 0; i < 5; ++i)
            pathStart += fields[i].size();
        p.job.path = QString::fromUtf8(line.mid(pathStart));
        if (p.job.pageId > 0)
            pages.push_back(p);
    }
    return pages;
}

std::vector<PageJob> readInFlight(const QString& path)
{
    std::vector<PageJob> jobs;
    for (const InFlightPage& p : readInFlightPages(path))
        jobs.push_back(p.job);
    return jobs;
}

/// What the supervisor had to skip, for the child's report and the exit status.
struct Skipped {
    QString path;
    int page = 0; ///< 0: the file
    QString reason;
};

} // namespace

void InFlightList::set(const PageJob& job, bool inFlight)
{
    std::lock_guard guard(m_mutex);
    if (inFlight)
        m_pages[job.pageId] = {job, PagePhase::Render, monotonicMs()};
    else
        m_pages.erase(job.pageId);
    write();
}

void InFlightList::enter(const PageJob& job, PagePhase phase)
{
    std::lock_guard guard(m_mutex);
    const auto it = m_pages.find(job.pageId);
    if (it == m_pages.end() || it->second.phase == phase)
        return;
    it->second.phase = phase;
    it->second.sinceMs = monotonicMs();
    write();
}

void InFlightList::write()
{
    QByteArray text;
    for (const auto& [id, p] : m_pages)
        text += QByteArray::number(id) + '\t' + QByteArray::number(p.job.documentId) + '\t'
                + QByteArray::number(p.job.number) + '\t' + QByteArray::number(int(p.phase)) + '\t'
                + QByteArray::number(p.sinceMs) + '\t' + p.job.path.toUtf8() + '\n';
    const QString tmp = m_path + QStringLiteral(".tmp");
    QFile f(tmp);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        f.write(text);
        f.close();
        std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(m_path).constData());
    }
}

int superviseCommand(const SupervisorOptions& o, const CancelToken& interrupt)
{
    QTemporaryDir state; // the marker, the skip list and the failures, for this run only
    if (!state.isValid()) {
        say(Cli::tr("error: cannot create a temporary folder for the run's state"));
        return 1;
    }
    const QString marker = state.filePath(QStringLiteral("inspecting"));
    const QString skipFile = state.filePath(QStringLiteral("skip"));
    const QString failuresFile = state.filePath(QStringLiteral("failures.jsonl"));
    const QString inFlightFile = state.filePath(QStringLiteral("in-flight"));
    const QString countsFile = state.filePath(QStringLiteral("counts"));
    long long prior[3] = {0, 0, 0}; // pages done, failed, words, by children that died

    std::vector<Skipped> skipped;
    QStringList crashedFiles;
    std::map<PageId, int> suspicion; // crashes a page was in flight for
    std::vector<PageId> aloneFirst;
    bool registered = false; // the files are in the project: restart as `ocr`
    int unexplained = 0;

    auto record = [&](const Skipped& s) {
        skipped.push_back(s);
        if (!o.json)
            say(s.page > 0 ? Cli::tr("  FAILED  %1 page %2: %3").arg(s.path).arg(s.page).arg(s.reason)
                           : Cli::tr("  FAILED  %1: %2").arg(s.path, s.reason));
        QFile f(failuresFile);
        if (f.open(QIODevice::Append)) {
            QJsonObject line{{QStringLiteral("path"), s.path}, {QStringLiteral("reason"), s.reason}};
            if (s.page > 0)
                line.insert(QStringLiteral("page"), s.page);
            f.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        }
    };

    for (int attempt = 0;; ++attempt) {
        if (attempt > 200) {
            say(Cli::tr(
                "error: the run was restarted 200 times; giving up (the project keeps everything done so far)"));
            return 1;
        }
        QFile::remove(marker);
        QFile::remove(inFlightFile);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(child_env::kChild), QStringLiteral("1"));
        env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
        env.insert(QLatin1String(child_env::kInspectMarker), marker);
        env.insert(QLatin1String(child_env::kFailures), failuresFile);
        env.insert(QLatin1String(child_env::kInFlight), inFlightFile);
        env.insert(QLatin1String(child_env::kCounts), countsFile);
        env.insert(QLatin1String(child_env::kPriorCounts),
                   QStringLiteral("%1 %2 %3").arg(prior[0]).arg(prior[1]).arg(prior[2]));
        QFile::remove(countsFile);
        if (registered)
            env.insert(QLatin1String(child_env::kCommand), QStringLiteral("resume"));
        if (!crashedFiles.isEmpty()) {
            QFile f(skipFile);
            if (f.open(QIODevice::WriteOnly))
                f.write(crashedFiles.join(QLatin1Char('\n')).toUtf8());
            env.insert(QLatin1String(child_env::kSkipFiles), skipFile);
        }
        if (!aloneFirst.empty()) {
            QStringList ids;
            for (PageId id : aloneFirst)
                ids << QString::number(id);
            env.insert(QLatin1String(child_env::kAloneFirst), ids.join(QLatin1Char(',')));
        }

        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.setInputChannelMode(QProcess::ForwardedInputChannel);
        child.setChildProcessModifier([] {
            // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which passes it
            // on once. And it dies with the supervisor (kill -9 of the command kills the whole run).
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
        child.start(o.program, o.arguments);
        if (!child.waitForStarted(30'000)) {
            say(Cli::tr("error: cannot start %1: %2").arg(o.program, child.errorString()));
            return 1;
        }
        const qint64 pid = child.processId();

        // Watch: the pages in flight (the child lists them), how long each has been in its phase, memory.
        std::map<PageId, int> hung; // the budget each went over
        bool overMemory = false, interrupted = false, stopped = false, fileHung = false;
        QElapsedTimer clock;
        clock.start();
        qint64 lastPoll = -1000;
        while (!child.waitForFinished(100)) {
            if (interrupt.isCancelled() && !interrupted) {
                interrupted = true;
                ::kill(static_cast<pid_t>(pid), SIGINT);
            }
            if (stopped || clock.elapsed() - lastPoll < 1000)
                continue;
            lastPoll = clock.elapsed();
            if (o.memoryLimitBytes > 0 && residentBytesOf(pid) > o.memoryLimitBytes) {
                overMemory = stopped = true;
                ::kill(static_cast<pid_t>(pid), SIGKILL);
                continue;
            }
            // The file being opened (its name in the marker, rewritten as each file begins) has its budget.
            const QFileInfo opening(marker);
            if (o.budgets.inspectMs > 0 && opening.exists()
                && opening.lastModified().msecsTo(QDateTime::currentDateTime()) > o.budgets.inspectMs) {
                fileHung = stopped = true;
                ::kill(static_cast<pid_t>(pid), SIGKILL);
                continue;
            }
            for (const InFlightPage& p : readInFlightPages(inFlightFile)) {
                const int budget = o.budgets.of(p.phase);
                if (budget > 0 && monotonicMs() - p.sinceMs > budget)
                    hung[p.job.pageId] = budget;
            }
            if (!hung.empty()) {
                stopped = true;
                ::kill(static_cast<pid_t>(pid), SIGKILL);
            }
        }

        if (child.exitStatus() == QProcess::NormalExit && !stopped) {
            const int code = child.exitCode();
            if (!skipped.empty() && code == 0)
                return 2;
            return code;
        }

        // The child died (a crash, the OOM killer) or was stopped (a hang, over its memory budget).
        // Said even with --json (on stderr): a restart is worth knowing, and the tests fail on one they
        // did not cause. What it finished counts in the final report.
        say(Cli::tr("note: the processing child was restarted (%1)")
                .arg(overMemory ? Cli::tr("over its memory budget")
                     : stopped  ? Cli::tr("a page or file went over its time budget")
                                : signalDescription(child.exitCode())));
        {
            QFile counts(countsFile);
            if (counts.open(QIODevice::ReadOnly)) {
                const QList<QByteArray> v = counts.readAll().trimmed().split(' ');
                for (int i = 0; i < 3 && i < v.size(); ++i)
                    prior[i] += v[i].toLongLong();
            }
        }
        // What: "page" or "file".
        auto why = [&](const char* what) {
            if (fileHung)
                return isolationHangReason(what, o.budgets.inspectMs);
            return overMemory ? isolationMemoryReason(what, o.memoryLimitBytes)
                              : isolationCrashReason(what, child.exitCode());
        };
        auto store = ProjectStore::open(o.project);
        if (!store) {
            say(Cli::tr("error: the run stopped (%1) and the project cannot be opened: %2")
                    .arg(signalDescription(child.exitCode()), store.error().message));
            return 1;
        }
        const std::vector<PageJob> inFlight = readInFlight(inFlightFile);
        const std::vector<PageJob>* processing = &inFlight;
        std::vector<PageOutcome> failed;
        auto fail = [&](const PageJob& j, const QString& reason) {
            PageOutcome out;
            out.pageId = j.pageId;
            out.status = PageStatus::Failed;
            out.error = reason;
            failed.push_back(out);
            suspicion.erase(j.pageId);
            record({j.path, j.number, reason});
        };
        aloneFirst.clear();
        if (processing->empty()) {
            QFile m(marker);
            const QString file = m.open(QIODevice::ReadOnly) ? QString::fromUtf8(m.readAll()).trimmed() : QString();
            if (file.isEmpty() || crashedFiles.contains(file)) {
                if (++unexplained >= 2) {
                    say(Cli::tr("error: the run stopped twice outside any page or file (%1); giving up")
                            .arg(signalDescription(child.exitCode())));
                    return 1;
                }
                continue;
            }
            // The file crashed the reader while it was being opened: record it, leave it out next time.
            crashedFiles << file;
            DocumentRecord doc;
            doc.path = file;
            doc.name = QFileInfo(file).fileName();
            doc.size = QFileInfo(file).size();
            doc.importedAt = QDateTime::currentDateTimeUtc();
            doc.error = why("file");
            if (auto sha = sha256OfFile(file))
                doc.sha256 = *sha;
            if (auto existing = (*store)->findDocumentBySha(doc.sha256); existing && existing->has_value())
                (void)existing; // already recorded as failed by an earlier attempt at it
            else
                (void)(*store)->addFailedDocument(doc);
            record({file, 0, doc.error});
            continue;
        }
        registered = true;
        std::vector<PageJob> suspects;
        for (const PageJob& j : *processing) {
            if (hung.count(j.pageId))
                fail(j, isolationHangReason(hung[j.pageId]));
            else
                suspects.push_back(j);
        }
        if (hung.empty()) {
            for (const PageJob& j : suspects) {
                const int crashes = ++suspicion[j.pageId];
                if (suspects.size() == 1 || crashes >= 2)
                    fail(j, why("page"));
                else
                    aloneFirst.push_back(j.pageId);
            }
        } else {
            // Stopped for a hang: the others were fine so far; they run again as usual.
        }
        if (!failed.empty()) {
            const Status stored = (*store)->storeOutcomes(failed);
            if (!stored.ok()) {
                say(Cli::tr("error: %1").arg(stored.error().message));
                return 1;
            }
        }
        (void)(*store)->recoverInterrupted();
        if (!o.quiet && !o.json)
            say(Cli::tr("Resuming: %1")
                    .arg(aloneFirst.empty() ? Cli::tr("the rest of the pages")
                                            : Cli::tr("suspect pages first, one at a time")));
    }
}

} // namespace incidoc::cli
