#include "tests/support/photo_factory.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <map>
#include <random>

namespace incidoc::test {
namespace {

const char* const kSentences[] = {
    "The vehicle was parked near the corner of Main Street and Second Avenue when the collision happened.",
    "The driver stated that the brakes failed on the wet road and the car slid into the barrier.",
    "A witness standing outside the bakery heard the impact and called the emergency number at once.",
    "Officers arrived eleven minutes later and found both drivers standing beside their vehicles.",
    "The passenger complained of pain in her shoulder and was taken to the hospital for examination.",
    "Photographs of the damage were taken before the cars were moved away from the junction.",
    "The weather was cloudy with light rain, and the street lights were working normally.",
    "Both drivers exchanged insurance details and agreed that nobody else had been involved.",
    "The report was completed at the station and signed by the attending officer that evening.",
    "A second witness described a blue delivery van that left the scene before the police came.",
    "The road surface near the crossing had been repaired the week before the accident.",
    "Traffic was diverted through the side streets for almost two hours while the lane was cleared.",
};

bool run(const QStringList& args, QString* error)
{
    QProcess p;
    p.start(QStringLiteral("convert"), args);
    if (!p.waitForFinished(120'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("convert %1: %2")
                         .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

QString point(const QPointF& p)
{
    return QStringLiteral("%1,%2").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1);
}

} // namespace

TextPage writeTextPage(const QString& path, unsigned seed, int paragraphs)
{
    std::mt19937 rng(seed);
    TextPage page{path, {}};
    QStringList args{QStringLiteral("-size"), QStringLiteral("1700x2200"),    QStringLiteral("xc:white"),
                     QStringLiteral("-font"), QStringLiteral("DejaVu-Serif"), QStringLiteral("-fill"),
                     QStringLiteral("black")};
    const QString title = QStringLiteral("Incident report %1 filed by the attending officer").arg(1000 + seed % 9000);
    args << QStringLiteral("-pointsize") << QStringLiteral("40") << QStringLiteral("-annotate")
         << QStringLiteral("+150+220") << title;
    page.words += title.split(QLatin1Char(' '));
    int y = 360;
    for (int i = 0; i < paragraphs; ++i) {
        // Three sentences per paragraph, wrapped at about 60 characters.
        QString text;
        for (int s = 0; s < 3; ++s)
            text += QString::fromUtf8(kSentences[rng() % std::size(kSentences)]) + QLatin1Char(' ');
        QStringList lines;
        QString line;
        for (const QString& w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            page.words << w;
            if (line.size() + w.size() + 1 > 60) {
                lines << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + w;
        }
        if (!line.isEmpty())
            lines << line;
        args << QStringLiteral("-pointsize") << QStringLiteral("30") << QStringLiteral("-annotate")
             << QStringLiteral("+150+%1").arg(y) << lines.join(QLatin1Char('\n'));
        y += static_cast<int>(lines.size()) * 46 + 60;
    }
    args << path;
    if (!run(args, nullptr))
        page.path.clear();
    return page;
}

bool writePhoto(const QString& flatPage, const QString& out, const PhotoShot& shot, QString* error)
{
    QProcess identify;
    identify.start(QStringLiteral("identify"), {QStringLiteral("-format"), QStringLiteral("%w %h"), flatPage});
    identify.waitForFinished(60'000);
    const QStringList wh = QString::fromLatin1(identify.readAllStandardOutput()).split(QLatin1Char(' '));
    if (wh.size() != 2) {
        if (error)
            *error = QStringLiteral("cannot read the size of %1").arg(flatPage);
        return false;
    }
    const double w = wh[0].toDouble(), h = wh[1].toDouble();
    const QString size = QStringLiteral("%1x%2").arg(shot.size.width()).arg(shot.size.height());
    const QString distort = QStringList{point({0, 0}), point(shot.corners[0]), point({w, 0}), point(shot.corners[1]),
                                        point({w, h}), point(shot.corners[2]), point({0, h}), point(shot.corners[3])}
                                .join(QLatin1Char(' '));
    QStringList args{QStringLiteral("-seed"),
                     QString::number(shot.seed),
                     QStringLiteral("-size"),
                     size,
                     shot.background,
                     QStringLiteral("-blur"),
                     QStringLiteral("0x2"),
                     QStringLiteral("("),
                     flatPage,
                     QStringLiteral("-alpha"),
                     QStringLiteral("set"),
                     QStringLiteral("-virtual-pixel"),
                     QStringLiteral("transparent"),
                     QStringLiteral("-define"),
                     QStringLiteral("distort:viewport=%1+0+0").arg(size),
                     QStringLiteral("-distort"),
                     QStringLiteral("Perspective"),
                     distort,
                     QStringLiteral(")"),
                     QStringLiteral("-composite")};
    if (shot.unevenLight)
        args << QStringLiteral("(") << QStringLiteral("-size") << size << QStringLiteral("radial-gradient:white-gray50")
             << QStringLiteral(")") << QStringLiteral("-compose") << QStringLiteral("multiply")
             << QStringLiteral("-composite");
    if (shot.blur > 0)
        args << QStringLiteral("-blur") << QStringLiteral("0x%1").arg(shot.blur);
    args << QStringLiteral("-quality") << QString::number(shot.quality) << out;
    return run(args, error);
}

PhotoShot slantedShot(QSize size, double tilt, unsigned seed)
{
    std::mt19937 rng(seed);
    auto jitter = [&](double span) { return (static_cast<double>(rng() % 1000) / 1000.0 - 0.5) * span; };
    const double W = size.width(), H = size.height();
    PhotoShot shot;
    shot.size = size;
    shot.seed = seed;
    // A letter page is taller than wide: it fills most of the photo's height.
    const double ph = H * 0.80, pw = ph * 1700.0 / 2200.0;
    const double cx = W / 2 + jitter(W * 0.05), cy = H / 2 + jitter(H * 0.04);
    const double k = tilt * 0.12; // how much the far edge shrinks
    shot.corners = {QPointF(cx - pw / 2 * (1 - k) + jitter(20), cy - ph / 2 + jitter(20)),
                    QPointF(cx + pw / 2 * (1 - k) + jitter(20), cy - ph / 2 + jitter(20)),
                    QPointF(cx + pw / 2 + jitter(20), cy + ph / 2 + jitter(20)),
                    QPointF(cx - pw / 2 + jitter(20), cy + ph / 2 + jitter(20))};
    return shot;
}

QStringList longWords(const QString& text)
{
    return longWords(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts));
}

QStringList longWords(const QStringList& words)
{
    static const QRegularExpression notLetter(QStringLiteral("[^\\p{L}]"));
    QStringList out;
    for (QString w : words) {
        w = w.toLower().remove(notLetter);
        if (w.size() >= 3)
            out << w;
    }
    return out;
}

double sharedWordShare(const QStringList& read, const QStringList& reference)
{
    if (reference.isEmpty())
        return 1.0;
    std::map<QString, int> left;
    for (const QString& w : read)
        ++left[w];
    int shared = 0;
    for (const QString& w : reference)
        if (auto it = left.find(w); it != left.end() && it->second > 0) {
            --it->second;
            ++shared;
        }
    return static_cast<double>(shared) / reference.size();
}

} // namespace incidoc::test
