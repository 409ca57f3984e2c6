#include "core/util/fault_injection.h"

#ifdef INCIDOC_FAULT_INJECTION

#include <QStringList>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace incidoc {

void faultPoint(const QString& where)
{
    static const QStringList faults =
        QString::fromLocal8Bit(qgetenv("INCIDOC_FAULT")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& fault : faults) {
        const qsizetype at = fault.indexOf(QLatin1Char('@'));
        if (at <= 0 || fault.mid(at + 1) != where)
            continue;
        const QString kind = fault.left(at);
        if (kind == QLatin1String("crash")) {
            std::abort();
        } else if (kind == QLatin1String("segv")) {
            std::raise(SIGSEGV);
        } else if (kind == QLatin1String("hang")) {
            for (;;)
                std::this_thread::sleep_for(std::chrono::seconds(1));
        } else if (kind == QLatin1String("memory")) {
            std::vector<char*> blocks;
            for (;;) {
                auto* block = static_cast<char*>(std::malloc(64u << 20));
                if (block) {
                    std::memset(block, 1, 64u << 20);
                    blocks.push_back(block);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    }
}

} // namespace incidoc

#endif
