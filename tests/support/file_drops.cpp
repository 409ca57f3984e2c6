#include "tests/support/file_drops.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QThread>

namespace incidoc::test {

bool waitFor(const std::function<bool()>& done, int deadlineMs, int pollMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > deadlineMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(static_cast<unsigned long>(pollMs));
    }
    return true;
}

QByteArray smallPng(int n)
{
    QImage image(64, 40, QImage::Format_Grayscale8);
    image.fill(255);
    QPainter painter(&image);
    painter.drawText(4, 30, QStringLiteral("N%1").arg(n));
    painter.end();
    for (int bit = 0; bit < 16; ++bit)
        if (n & (1 << bit))
            image.setPixel(bit, 0, 0);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace incidoc::test
