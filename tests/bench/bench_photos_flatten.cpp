// bench_photos_flatten: Incidoc's photo stage on image files, for tests/bench/bench_photos.py.
//   bench_photos_flatten OUT_DIR PHOTO...   each photo: lookAtImage + flattenPhoto, written as
//                                           OUT_DIR/<name>.png; one line per photo on stdout:
//                                           "<name> <state> <x0,y0 x1,y1 x2,y2 x3,y3> <page w>x<h> <dpi>"
//   bench_photos_flatten --time FRAME N     detectPage on FRAME (scaled to 1920x1080) N times; prints
//                                           the median and 90th percentile in ms.
#include "core/photo/flatten.h"
#include "core/photo/page_detect.h"
#include "core/photo/photo_check.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace incidoc;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 3 && args[0] == QLatin1String("--time")) {
        QImage frame = QImage(args[1]).scaled(1920, 1080, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        frame = frame.convertToFormat(QImage::Format_RGB32); // what a camera frame arrives as
        const int n = args[2].toInt();
        std::vector<double> ms;
        for (int i = 0; i < n; ++i) {
            QElapsedTimer t;
            t.start();
            const PageDetection d = detectPage(frame);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (i == 0)
                std::printf("found=%d confidence=%.2f\n", d.found ? 1 : 0, d.confidence);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("detectPage 1080p: median %.1f ms, p90 %.1f ms (%d runs)\n", ms[ms.size() / 2],
                    ms[ms.size() * 9 / 10], n);
        return 0;
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_photos_flatten OUT_DIR PHOTO... | --time FRAME N\n");
        return 2;
    }
    QDir().mkpath(args[0]);
    for (const QString& path : args.mid(1)) {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage photo = reader.read();
        const PhotoGeometry g = lookAtImage(path, photo);
        const QImage page = flattenPhoto(photo, g);
        const QString name = QFileInfo(path).completeBaseName();
        page.save(QDir(args[0]).filePath(name + QStringLiteral(".png")));
        QString corners;
        for (const QPointF& p : g.corners)
            corners += QStringLiteral("%1,%2 ").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1);
        std::printf("%s %s %s%dx%d %d %s\n", qPrintable(name), qPrintable(photoStateName(g.state)), qPrintable(corners),
                    g.pageSize.width(), g.pageSize.height(), g.dpi, qPrintable(g.note));
        std::fflush(stdout);
    }
    return 0;
}
