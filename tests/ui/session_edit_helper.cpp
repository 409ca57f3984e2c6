// Test helper for the kill -9 test: opens a project through ProjectSession, applies N text edits (word k
// of the project, cycling over its words, gets the text "edit-<k>"), printing "done <k> <wordId>" after
// each has returned, then sleeps until it is killed.
// Usage: session_edit_helper PROJECT N
#include "ui/project_session.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <vector>

using namespace incidoc;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: session_edit_helper PROJECT N\n");
        return 2;
    }
    auto session = ui::ProjectSession::open(QString::fromLocal8Bit(argv[1]));
    if (!session) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(session.error().message));
        return 1;
    }
    std::vector<WordId> words;
    for (const DocumentRecord& d : (*session)->documents())
        for (const PageRecord& p : (*session)->pages(d.id))
            for (const WordRecord& w : (*session)->words(p.id))
                words.push_back(w.id);
    if (words.empty()) {
        std::fprintf(stderr, "no words\n");
        return 1;
    }
    const int n = QByteArray(argv[2]).toInt();
    for (int k = 0; k < n; ++k) {
        const WordId id = words[static_cast<std::size_t>(k) % words.size()];
        if (!(*session)->setWordText(id, QStringLiteral("edit-%1").arg(k))) {
            std::fprintf(stderr, "edit %d failed\n", k);
            return 1;
        }
        std::printf("done %d %lld\n", k, id);
        std::fflush(stdout);
    }
    for (;;)
        QThread::sleep(1);
}
