#include "tests/ui/capture/capture_videos.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace incidoc::test {

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(30'000))
        return QStringLiteral("%1 did not start").arg(program);
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll().right(2000)));
    return {};
}

QString num(double v)
{
    return QString::number(v, 'f', 3);
}

} // namespace

QString makeCaptureVideo(const CaptureVideo& video, const QString& path)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return QStringLiteral("no temporary folder");
    const int w = video.size.width(), h = video.size.height();
    // The table: a seeded plasma, blurred and darkened, so that the page stands out but the edges are not trivial.
    const QString table = dir.filePath(QStringLiteral("table.png"));
    if (QString e =
            run(QStringLiteral("convert"),
                {QStringLiteral("-seed"), QStringLiteral("7"), QStringLiteral("-size"),
                 QStringLiteral("%1x%2").arg(w).arg(h), QStringLiteral("plasma:tan-sienna"), QStringLiteral("-blur"),
                 QStringLiteral("0x1.5"), QStringLiteral("-modulate"), QStringLiteral("55,60"), table});
        !e.isEmpty())
        return e;
    const int pageH = h * 8 / 10, pageW = pageH * 85 / 110;
    QStringList args{QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-loop"),     QStringLiteral("1"),     QStringLiteral("-framerate"),
                     QString::number(video.fps),  QStringLiteral("-i"),    table};
    for (int i = 0; i < video.pages.size(); ++i) {
        const QString page = dir.filePath(QStringLiteral("page%1.png").arg(i));
        // A printed page: a title and paragraphs of text, black on white, with a faint grey border.
        if (QString e =
                run(QStringLiteral("convert"), {QStringLiteral("-size"),
                                                QStringLiteral("%1x").arg(pageW * 85 / 100),
                                                QStringLiteral("-background"),
                                                QStringLiteral("white"),
                                                QStringLiteral("-fill"),
                                                QStringLiteral("black"),
                                                QStringLiteral("-font"),
                                                QStringLiteral("DejaVu-Sans"),
                                                QStringLiteral("-pointsize"),
                                                QString::number(std::max(10, pageH / 40)),
                                                QStringLiteral("caption:%1").arg(video.pages.at(i)),
                                                QStringLiteral("-gravity"),
                                                QStringLiteral("north"),
                                                QStringLiteral("-extent"),
                                                QStringLiteral("%1x%2").arg(pageW * 85 / 100).arg(pageH * 90 / 100),
                                                QStringLiteral("-gravity"),
                                                QStringLiteral("center"),
                                                QStringLiteral("-extent"),
                                                QStringLiteral("%1x%2").arg(pageW).arg(pageH),
                                                QStringLiteral("-bordercolor"),
                                                QStringLiteral("gray85"),
                                                QStringLiteral("-border"),
                                                QStringLiteral("1"),
                                                page});
            !e.isEmpty())
            return e;
        args << QStringLiteral("-loop") << QStringLiteral("1") << QStringLiteral("-framerate")
             << QString::number(video.fps) << QStringLiteral("-i") << page;
    }
    // Each page in turn: in from the right, still in the middle, away to the left, then the empty table.
    const double period = 2 * video.moveSeconds + video.steadySeconds + video.emptySeconds;
    QString graph;
    QString last = QStringLiteral("0:v");
    for (int i = 0; i < video.pages.size(); ++i) {
        const QString t = QStringLiteral("(t-%1)").arg(num(i * period));
        const QString m = num(video.moveSeconds), s = num(video.moveSeconds + video.steadySeconds);
        const QString cx = QStringLiteral("((W-w)/2)");
        const QString x =
            QStringLiteral("if(lt(%1,%2),W+(%3-W)*%1/%2,if(lt(%1,%4),%3,%3-(%3+w+2)*(%1-%4)/%2))").arg(t, m, cx, s);
        const QString next = QStringLiteral("v%1").arg(i);
        graph += QStringLiteral("[%1][%2:v]overlay=x='%3':y='(H-h)/2':enable='between(t,%4,%5)'[%6];")
                     .arg(last)
                     .arg(i + 1)
                     .arg(x, num(i * period), num(i * period + 2 * video.moveSeconds + video.steadySeconds), next);
        last = next;
    }
    graph.chop(1);
    graph.replace(QStringLiteral("[%1]").arg(last), QStringLiteral("[out]"));
    args << QStringLiteral("-filter_complex") << graph << QStringLiteral("-map") << QStringLiteral("[out]")
         << QStringLiteral("-t") << num(period * video.pages.size()) << QStringLiteral("-r")
         << QString::number(video.fps) << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
         << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
         << QStringLiteral("veryfast") << QStringLiteral("-g") << QString::number(video.fps) << path;
    return run(QStringLiteral("ffmpeg"), args);
}

QString makeAudioOnlyFile(const QString& path)
{
    return run(QStringLiteral("ffmpeg"),
               {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=2"),
                QStringLiteral("-c:a"), QStringLiteral("aac"), path});
}

} // namespace incidoc::test
