#pragma once
// Private to core/export: the partial file a bundle is written to — created exclusively beside its
// destination (".<name>.<pid>.incidoc-partial"), locked while written, unlinked unless committed, and
// renamed over the destination only when complete. Partials left by killed exports are removed.
//
// Threading: one PartialFile is used by one thread at a time.

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace incidoc {

/// The partial file: created exclusively and locked; unlinked by the destructor unless committed.
class PartialFile {
public:
    PartialFile() = default;
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    ~PartialFile();
    /// Creates the partial file of `destination` (removing stale ones first). Errors: Io.
    Status create(const QString& destination);
    int fd() const { return m_fd; }
    /// Its path (to read it back before commit()).
    QString path() const { return QString::fromLocal8Bit(m_path); }
    /// fsync, close, rename over the destination, fsync the folder. Errors: Io.
    Status commit(const QString& destination);

private:
    int m_fd = -1;
    QByteArray m_path, m_dest;
    bool m_committed = false;
};

/// `errno` value `e` as text ("No space left on device").
QString errnoText(int e);

} // namespace incidoc
