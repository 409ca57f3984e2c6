// screenshot_check SCREEN.png GEOMETRY.txt [MIN_VIEW_SHARE]: checks a screenshot of the app against the
// word boxes the app said it drew (INCIDOC_VIEW_GEOMETRY, see ui/view/view_geometry_dump.h). A box passes
// when most of its top and bottom edges have the overlay colour; the test passes when nearly every box
// does and the colour is rare away from the boxes (so a blue screen, or boxes drawn elsewhere, fail).
// With MIN_VIEW_SHARE (e.g. 0.6) the window must also fill the screen's width and the page view take at
// least that share of it (the layout on a small screen). Exit 0: pass.
#include <QColor>
#include <QFile>
#include <QImage>
#include <QRect>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

struct Box {
    long long id = 0;
    QRect rect;
    bool low = false;
};

bool near(QRgb p, const QColor& c, int tolerance)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance
           && std::abs(qBlue(p) - c.blue()) <= tolerance;
}

/// Whether a horizontal edge at row y (±1 px: the pen is 1.5 px wide) has the colour along most of it.
bool edgeHasColour(const QImage& img, int x0, int x1, int y, const QColor& c)
{
    int hit = 0, n = 0;
    for (int x = x0 + 2; x <= x1 - 2; ++x) {
        ++n;
        for (int dy = -1; dy <= 1; ++dy) {
            const int yy = y + dy;
            if (yy >= 0 && yy < img.height() && x >= 0 && x < img.width() && near(img.pixel(x, yy), c, 60)) {
                ++hit;
                break;
            }
        }
    }
    return n > 0 && hit >= n * 7 / 10;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: screenshot_check SCREEN.png GEOMETRY.txt [MIN_VIEW_SHARE]\n");
        return 2;
    }
    const double minViewShare = argc == 4 ? std::atof(argv[3]) : 0.0;
    const QImage img = QImage(QString::fromLocal8Bit(argv[1])).convertToFormat(QImage::Format_RGB32);
    if (img.isNull()) {
        std::fprintf(stderr, "cannot read the screenshot %s\n", argv[1]);
        return 1;
    }
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot read the geometry %s\n", argv[2]);
        return 1;
    }
    QColor colour;
    QRect viewport, view, window;
    std::vector<Box> boxes;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QStringList t = in.readLine().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (t.size() == 4 && t[0] == QLatin1String("colour"))
            colour = QColor(t[1].toInt(), t[2].toInt(), t[3].toInt());
        else if (t.size() == 5 && t[0] == QLatin1String("viewport"))
            viewport = QRect(t[1].toInt(), t[2].toInt(), t[3].toInt(), t[4].toInt());
        else if (t.size() == 5 && t[0] == QLatin1String("view"))
            view = QRect(t[1].toInt(), t[2].toInt(), t[3].toInt(), t[4].toInt());
        else if (t.size() == 5 && t[0] == QLatin1String("window"))
            window = QRect(t[1].toInt(), t[2].toInt(), t[3].toInt(), t[4].toInt());
        else if (t.size() == 7 && t[0] == QLatin1String("word"))
            boxes.push_back({t[1].toLongLong(), QRect(t[2].toInt(), t[3].toInt(), t[4].toInt(), t[5].toInt()),
                             t[6] == QLatin1String("1")});
    }
    if (!colour.isValid() || viewport.isEmpty() || boxes.size() < 20) {
        std::fprintf(stderr, "the geometry file lists %zu boxes (want at least 20) or lacks colour/viewport\n",
                     boxes.size());
        return 1;
    }
    if (!QRect(0, 0, img.width(), img.height()).contains(viewport)) {
        std::fprintf(stderr, "the view (%d,%d %dx%d) is not on the %dx%d screen\n", viewport.x(), viewport.y(),
                     viewport.width(), viewport.height(), img.width(), img.height());
        return 1;
    }
    // Every confident box: its top and bottom edges are drawn in the overlay colour.
    int checked = 0, passed = 0;
    for (const Box& b : boxes) {
        if (b.low || b.rect.width() < 8)
            continue;
        ++checked;
        const QRect& r = b.rect;
        if (edgeHasColour(img, r.left(), r.right(), r.top(), colour)
            && edgeHasColour(img, r.left(), r.right(), r.bottom(), colour))
            ++passed;
        else if (checked - passed <= 5)
            std::fprintf(stderr, "box of word %lld at %d,%d %dx%d: edge not in the overlay colour\n", b.id, r.x(),
                         r.y(), r.width(), r.height());
    }
    // Away from every box (4 px margin), the overlay colour is rare: the boxes are where the words are.
    long long away = 0, awayHits = 0;
    for (int y = viewport.top(); y <= viewport.bottom(); y += 3)
        for (int x = viewport.left(); x <= viewport.right(); x += 3) {
            bool nearBox = false;
            for (const Box& b : boxes)
                if (b.rect.adjusted(-4, -4, 4, 4).contains(x, y)) {
                    nearBox = true;
                    break;
                }
            if (nearBox)
                continue;
            ++away;
            awayHits += near(img.pixel(x, y), colour, 40);
        }
    const double awayShare = away ? double(awayHits) / away : 1.0;
    std::printf("boxes on screen %zu, confident boxes checked %d, drawn in the overlay colour %d; "
                "overlay colour away from boxes %.2f%% of %lld samples\n",
                boxes.size(), checked, passed, 100.0 * awayShare, away);
    bool layoutOk = true;
    if (minViewShare > 0) {
        const double share = window.width() > 0 ? double(view.width()) / window.width() : 0.0;
        std::printf("screen %dx%d, window %dx%d, page view %dx%d: %.1f%% of the window's width (want %.0f%%)\n",
                    img.width(), img.height(), window.width(), window.height(), view.width(), view.height(),
                    100.0 * share, 100.0 * minViewShare);
        layoutOk = !view.isEmpty() && window.width() >= img.width() * 95 / 100 && share >= minViewShare;
    }
    const bool ok = checked >= 20 && passed >= checked * 95 / 100 && awayShare < 0.01 && layoutOk;
    std::printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
