#include "tests/core/capture/capture_videos.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace incidoc::test {
namespace {

const char* kTexts[] = {
    "Incident report. On the morning of the fourth, a delivery van reversed into the barrier at the north "
    "gate. The driver stated that the mirror was misaligned and the warning light did not work. Two witnesses "
    "confirmed the account. The barrier arm was bent and the control box cracked. Photographs were taken and "
    "the area was closed until noon. Repairs were ordered from the usual contractor, who promised to come on "
    "Friday with a new arm and a spare motor.",
    "Witness statement. I was standing near the loading bay when I heard a loud crash behind the warehouse. "
    "A forklift had tipped over while turning with a raised pallet of paint tins. Nobody was hurt, but the "
    "tins burst and the floor became slippery. The supervisor stopped all traffic in the aisle and called the "
    "cleaning crew. I helped to place cones around the spill and wrote down the time: ten past three.",
};

constexpr int kWidth = 960, kHeight = 720;
constexpr double kFps = 25;

QString number(double v)
{
    return QString::number(v, 'f', 3);
}

} // namespace

QString runTool(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(30'000))
        return program + QStringLiteral(" cannot be started");
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return program + QStringLiteral(" took too long");
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
    return {};
}

CaptureVideos::CaptureVideos(QString folder) : m_folder(std::move(folder)) {}

QString CaptureVideos::page(int variant)
{
    const QString path = QDir(m_folder).filePath(QStringLiteral("page%1.png").arg(variant));
    if (QFileInfo::exists(path))
        return path;
    m_error = runTool(
        QStringLiteral("convert"),
        {QStringLiteral("-size"), QStringLiteral("380x520"), QStringLiteral("-background"), QStringLiteral("white"),
         QStringLiteral("-fill"), QStringLiteral("black"), QStringLiteral("-font"), QStringLiteral("DejaVu-Sans"),
         QStringLiteral("-pointsize"), QStringLiteral("21"),
         QStringLiteral("caption:") + QString::fromLatin1(kTexts[variant == 2 ? 1 : 0]), QStringLiteral("-bordercolor"),
         QStringLiteral("white"), QStringLiteral("-border"), QStringLiteral("20"), path});
    return m_error.isEmpty() ? path : QString();
}

QString CaptureVideos::background()
{
    const QString path = QDir(m_folder).filePath(QStringLiteral("table.png"));
    if (QFileInfo::exists(path))
        return path;
    m_error = runTool(QStringLiteral("convert"),
                      {QStringLiteral("-seed"), QStringLiteral("7"), QStringLiteral("-size"),
                       QStringLiteral("%1x%2").arg(kWidth).arg(kHeight), QStringLiteral("plasma:#202830-#505860"),
                       QStringLiteral("-blur"), QStringLiteral("0x1"), path});
    return m_error.isEmpty() ? path : QString();
}

QString CaptureVideos::make(const QString& name, const QStringList& ffmpegArgs)
{
    const QString path = QDir(m_folder).filePath(name);
    if (!m_error.isEmpty())
        return {};
    if (QFileInfo::exists(path)) // made already for another test
        return path;
    m_error = runTool(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-y"), QStringLiteral("-nostdin"),
                                                            QStringLiteral("-loglevel"), QStringLiteral("error")}
                                                    + ffmpegArgs + QStringList{path});
    return m_error.isEmpty() ? path : QString();
}

namespace {

// Where a page lying at x = 270 is at time t when it slides in from the right at `from`, is still until
// `from + 1 + steady`, and slides away to the left: an ffmpeg expression in t.
QString slide(double from, double steady)
{
    const double still = from + 1, away = from + 1 + steady;
    QString x =
        QStringLiteral("if(lt(t,FROM),OFF,if(lt(t,STILL),W-SPAN*(t-FROM),if(lt(t,AWAY),270,270-800*(t-AWAY))))");
    x.replace(QLatin1String("FROM"), number(from)).replace(QLatin1String("STILL"), number(still));
    x.replace(QLatin1String("AWAY"), number(away)).replace(QLatin1String("OFF"), QString::number(kWidth + 100));
    x.replace(QLatin1String("SPAN"), QString::number(kWidth - 270))
        .replace(QLatin1String("W"), QString::number(kWidth));
    return x;
}

QStringList encode(double seconds)
{
    return {QStringLiteral("-t"),      number(seconds),           QStringLiteral("-r"),       QString::number(kFps),
            QStringLiteral("-c:v"),    QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
            QStringLiteral("-preset"), QStringLiteral("veryfast")};
}

QStringList stills(const QString& background, const QStringList& pages)
{
    QStringList args{QStringLiteral("-loop"), QStringLiteral("1"),  QStringLiteral("-framerate"),
                     QString::number(kFps),   QStringLiteral("-i"), background};
    for (const QString& p : pages)
        args << QStringLiteral("-loop") << QStringLiteral("1") << QStringLiteral("-framerate") << QString::number(kFps)
             << QStringLiteral("-i") << p;
    return args;
}

} // namespace

QString CaptureVideos::movingInSteadyAway(double steadySeconds)
{
    const QString bg = background(), p = page(1);
    const QString filter =
        QStringLiteral("[0][1]overlay=x='%1':y='80+if(lt(t,1),(1-t)*60,0)'").arg(slide(0, steadySeconds));
    return make(QStringLiteral("in-steady-away-%1.mp4").arg(steadySeconds),
                stills(bg, {p}) + QStringList{QStringLiteral("-filter_complex"), filter} + encode(steadySeconds + 3));
}

QString CaptureVideos::twoPages(double steadySeconds)
{
    const QString bg = background(), p1 = page(1), p2 = page(2);
    const double second = 2 + steadySeconds + 0.4;
    const QString filter =
        QStringLiteral("[0][1]overlay=x='%1':y=80[a];[a][2]overlay=x='%2':y='70+if(lt(t,%3),(%3-t)*40,0)'")
            .arg(slide(0, steadySeconds), slide(second, steadySeconds), number(second + 1));
    return make(QStringLiteral("two-pages-%1.mp4").arg(steadySeconds),
                stills(bg, {p1, p2}) + QStringList{QStringLiteral("-filter_complex"), filter}
                    + encode(second + 2 + steadySeconds + 0.6));
}

QString CaptureVideos::steadyBlurred()
{
    const QString bg = background(), p = page(1);
    return make(
        QStringLiteral("blurred.mp4"),
        stills(bg, {p})
            + QStringList{QStringLiteral("-filter_complex"), QStringLiteral("[0][1]overlay=x=270:y=80,gblur=sigma=4")}
            + encode(2.5));
}

QString CaptureVideos::alwaysMoving()
{
    const QString bg = background(), p = page(1);
    // Back and forth at 300 pixels a second: a triangle wave, still only at the instant it turns.
    return make(QStringLiteral("moving.mp4"),
                stills(bg, {p})
                    + QStringList{QStringLiteral("-filter_complex"),
                                  QStringLiteral("[0][1]overlay=x='60+abs(mod(t*300,840)-420)':y='80+20*sin(t)'")}
                    + encode(4));
}

QString CaptureVideos::audioOnly()
{
    return make(QStringLiteral("sound.m4a"),
                {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("sine=frequency=440:duration=1"), QStringLiteral("-c:a"), QStringLiteral("aac")});
}

QString CaptureVideos::corrupt()
{
    const QString whole = movingInSteadyAway();
    if (whole.isEmpty())
        return {};
    QFile in(whole);
    if (!in.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read ") + whole;
        return {};
    }
    QByteArray bytes = in.readAll();
    bytes.truncate(bytes.size() / 3); // its index (the moov box) is at the end: gone
    for (qsizetype i = 64; i < bytes.size(); i += 97)
        bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    const QString path = QDir(m_folder).filePath(QStringLiteral("damaged.mp4"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
        m_error = QStringLiteral("cannot write ") + path;
        return {};
    }
    return path;
}

QString CaptureVideos::stillPage(const QString& pagePath, int width, int height, double seconds, const QString& name)
{
    const QString bg = background();
    const QString filter = QStringLiteral("[0]scale=%1:%2[b];[1]scale=-2:%3[p];[b][p]overlay=x='(W-w)/2':y='(H-h)/2'")
                               .arg(width)
                               .arg(height)
                               .arg(height * 2 / 3 / 2 * 2);
    return make(name,
                stills(bg, {pagePath}) + QStringList{QStringLiteral("-filter_complex"), filter} + encode(seconds));
}

} // namespace incidoc::test
