#pragma once
// What the fuzz targets do with a project file that opened (fuzz_project.cpp, fuzz_project_rows.cpp):
// every read the app and the CLI make, then (ReadWrite only) an undo and a redo of an edit group.
// Loops are bounded so that one input stays fast; a crafted file may hold many rows.

#include "core/storage/project_store.h"

#include <QFile>

#include <algorithm>

namespace incidoc::fuzz {

/// Removes a project file and the -wal, -shm and -journal files SQLite may leave beside it.
inline void removeProjectFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

/// Reads everything; returns the newest edit group seen (0 when none).
inline long long readProject(ProjectStore& store)
{
    (void)store.summary();
    (void)store.failures();
    (void)store.labels();
    for (PageStatus s : {PageStatus::Queued, PageStatus::Processing, PageStatus::Done, PageStatus::Failed})
        (void)store.jobs(s);
    (void)store.searchWords(QStringLiteral("a"), 100);
    (void)store.searchWords(QStringLiteral("%_"), 100); // LIKE wildcards must be taken literally
    (void)store.flaggedWordCount();
    (void)store.hasOtherReadings();
    // The review walk, both ways, a few steps from the project's ends.
    for (bool forward : {true, false}) {
        WordId from = 0;
        for (int i = 0; i < 3; ++i) {
            auto hit = store.flaggedWord(from, forward);
            if (!hit.ok() || !*hit)
                break;
            from = (*hit)->word.id;
            (void)store.flaggedWordCount((*hit)->pageId);
        }
    }
    long long newestGroup = 0;
    if (store.beginSnapshot().ok()) {
        Result<std::vector<DocumentRecord>> documents = store.documents();
        if (documents.ok()) {
            int pagesSeen = 0;
            for (const DocumentRecord& d : *documents) {
                (void)store.document(d.id);
                Result<std::vector<PageRecord>> pages = store.pages(d.id);
                if (!pages.ok())
                    continue;
                for (const PageRecord& p : *pages) {
                    if (++pagesSeen > 64)
                        break;
                    (void)store.page(p.id);
                    if (Result<std::vector<WordRecord>> words = store.words(p.id); words.ok())
                        for (size_t i = 0; i < std::min<size_t>(words->size(), 8); ++i)
                            (void)store.word((*words)[i].id);
                    if (Result<std::vector<EditRecord>> edits = store.edits(p.id); edits.ok())
                        for (const EditRecord& e : *edits)
                            newestGroup = std::max(newestGroup, e.groupId);
                }
            }
        }
        (void)store.endSnapshot();
    }
    if (newestGroup > 0)
        (void)store.editGroup(newestGroup);
    return newestGroup;
}

/// On a store opened ReadWrite: undo the group, read the project again, redo, undo again.
inline void undoRedo(ProjectStore& store, long long group)
{
    if (group <= 0)
        return;
    if (store.undoEditGroup(group).ok()) {
        (void)readProject(store);
        if (store.redoEditGroup(group).ok())
            (void)store.undoEditGroup(group);
    } else {
        // An undone group (the file may say so) can be redone.
        (void)store.redoEditGroup(group);
    }
    (void)store.summary();
}

} // namespace incidoc::fuzz
