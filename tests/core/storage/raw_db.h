#pragma once
// For the storage tests: a plain SQLite connection that builds old-schema files and looks at the
// columns behind the store's back, and a file's bytes (to see that a read-only open wrote nothing).

#include <QByteArray>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace incidoc::test {

class RawDb {
public:
    explicit RawDb(const QString& path)
    {
        EXPECT_EQ(sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
                  SQLITE_OK);
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    void exec(const QByteArray& sql)
    {
        char* err = nullptr;
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &err) != SQLITE_OK)
            ADD_FAILURE() << sql.constData() << ": " << (err ? err : "?");
        sqlite3_free(err);
    }
    QString text(const QByteArray& sql)
    {
        sqlite3_stmt* st = nullptr;
        QString out;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        else
            ADD_FAILURE() << sql.constData() << ": " << sqlite3_errmsg(m_db);
        sqlite3_finalize(st);
        return out;
    }

private:
    sqlite3* m_db = nullptr;
};

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

} // namespace incidoc::test
