// bench_project_open [MB] [PROJECT]: what opening a large project costs with and without the integrity
// check (PRAGMA quick_check, which reads the whole file; core/storage/verified_files.h). Makes a project
// of about MB megabytes (default 1024) at PROJECT (default: a temporary folder; an existing file there is
// grown, not remade): one document of 200 scanned pages of 300 words stored through ProjectStore, then
// copied in SQL (documents, pages and words) until the file is big enough. Then, alternating, opens
// ReadOnly and ReadWrite with the check (the file's times touched first, so this process checks it
// again) and without (opened again right after). Prints medians of the open (including closing the
// store) and the checks each open ran. The file is read from the page cache (it was just written).
#include "core/storage/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>

#include "tests/bench/bench_support.h"
#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size();
}

bool exec(sqlite3* db, const QString& sql)
{
    char* err = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &err) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s: %s\n", qPrintable(sql.left(80)), err ? err : "?");
    sqlite3_free(err);
    return false;
}

// The columns of a table except `id` and `skip` (the foreign key the copy sets itself).
QStringList columns(sqlite3* db, const char* table, const QString& skip)
{
    QStringList out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(table)).toUtf8().constData(), -1,
                       &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const QString name = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
        if (name != QLatin1String("id") && name != skip)
            out << name;
    }
    sqlite3_finalize(st);
    return out;
}

bool makeSeed(const QString& path)
{
    auto store = ProjectStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return false;
    }
    DocumentRecord d;
    d.path = QStringLiteral("/evidence/seed.pdf");
    d.name = QStringLiteral("seed.pdf");
    d.sha256 = QStringLiteral("seed");
    std::vector<PageInfo> pages(200);
    for (int i = 0; i < 200; ++i)
        pages[i].number = i + 1;
    if (!(*store)->addDocument(d, pages).ok())
        return false;
    std::vector<PageOutcome> outcomes;
    for (const PageJob& j : *(*store)->jobs(PageStatus::Queued))
        outcomes.push_back(test::doneOutcome(j.pageId, 300, static_cast<int>(j.pageId)));
    return (*store)->storeOutcomes(outcomes).ok();
}

// Copies document 1 with its pages and words until the file holds `bytes`.
bool grow(const QString& path, qint64 bytes)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return false;
    exec(db, QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;"));
    const QString docCols = columns(db, "documents", {}).join(QLatin1Char(','));
    const QString pageCols = columns(db, "pages", QStringLiteral("document_id")).join(QLatin1Char(','));
    const QStringList wordList = columns(db, "words", QStringLiteral("page_id"));
    const QString wordCols = wordList.join(QLatin1Char(','));
    const QString wordFrom = QStringLiteral("w.") + wordList.join(QStringLiteral(",w."));
    bool ok = true;
    for (int copy = 1; ok && fileSize(path) < bytes; ++copy) {
        const QString n = QString::number(copy);
        ok = exec(db, QStringLiteral("BEGIN"))
             && exec(db, QStringLiteral("INSERT INTO documents (%1) SELECT %2 FROM documents WHERE id = 1")
                             .arg(docCols, QString(docCols).replace(QStringLiteral("sha256"),
                                                                    QStringLiteral("sha256 || '-%1'").arg(n))))
             && exec(db, QStringLiteral("INSERT INTO pages (document_id,%1) SELECT (SELECT max(id) FROM documents),%1 "
                                        "FROM pages WHERE document_id = 1")
                             .arg(pageCols))
             && exec(db, QStringLiteral("INSERT INTO words (page_id,%1) SELECT p2.id,%2 FROM words w "
                                        "JOIN pages p1 ON p1.id = w.page_id AND p1.document_id = 1 "
                                        "JOIN pages p2 ON p2.number = p1.number AND p2.document_id = "
                                        "(SELECT max(id) FROM documents)")
                             .arg(wordCols, wordFrom))
             && exec(db, QStringLiteral("COMMIT")) && exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (copy % 10 == 0)
            std::fprintf(stderr, "  %lld MB\n", static_cast<long long>(fileSize(path) >> 20));
    }
    sqlite3_close_v2(db);
    return ok;
}

// New times on the file: this process no longer counts it as verified.
void touch(const QString& path)
{
    utimensat(AT_FDCWD, QFile::encodeName(path).constData(), nullptr, 0);
}

struct Timing {
    std::vector<double> ms;
    long long checks = 0;
};

void timeOpen(const QString& path, OpenMode mode, Timing& t)
{
    const long long before = ProjectStore::integrityChecksRun();
    QElapsedTimer timer;
    timer.start();
    {
        auto store = ProjectStore::open(path, mode);
        if (!store) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(store.error().message));
            std::exit(1);
        }
    }
    t.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    t.checks += ProjectStore::integrityChecksRun() - before;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 megabytes = argc > 1 ? std::max(1, atoi(argv[1])) : 1024;
    QTemporaryDir dir;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("big.incidoc"));
    QElapsedTimer made;
    made.start();
    if (!QFileInfo::exists(path) && !makeSeed(path))
        return 1;
    if (!grow(path, megabytes << 20))
        return 1;
    std::printf("project: %s, %.0f MB (made in %.0f s)\n", qPrintable(path), fileSize(path) / 1048576.0,
                made.elapsed() / 1000.0);

    const int rounds = 5;
    Timing checkedRo, checkedRw, verifiedRo, verifiedRw;
    for (int r = 0; r < rounds; ++r) {
        for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
            touch(path);
            timeOpen(path, mode, mode == OpenMode::ReadOnly ? checkedRo : checkedRw);
            timeOpen(path, mode, mode == OpenMode::ReadOnly ? verifiedRo : verifiedRw);
        }
    }
    auto row = [&](const char* what, const Timing& t) {
        std::printf("  %-32s %9.1f ms   checks per open: %.1f\n", what, bench::median(t.ms),
                    static_cast<double>(t.checks) / static_cast<double>(t.ms.size()));
    };
    std::printf("median of %d opens (open + close):\n", rounds);
    row("ReadOnly, with the check", checkedRo);
    row("ReadOnly, verified before", verifiedRo);
    row("ReadWrite, with the check", checkedRw);
    row("ReadWrite, verified before", verifiedRw);
    return 0;
}
