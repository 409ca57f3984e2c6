#pragma once
// Readable Qt values in GoogleTest assertion messages (instead of byte dumps).

#include <QString>

#include <ostream>

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}
/// So that `EXPECT_TRUE(x) << error.message` works with QString messages.
inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}
QT_END_NAMESPACE
