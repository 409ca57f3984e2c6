// bench_capture_analyze: how fast the capture analyser (core/capture/frame_analyzer.h) goes through a video's
// frames, for bench_capture.py. Decoding is timed apart from analysis; run it pinned to one core
// (taskset -c 0) for the one-core figure.
//
// Usage: bench_capture_analyze VIDEO [INTERVAL_MS]   (INTERVAL_MS: analyse frames at least this far apart; 0)
// Prints one line: frames, analysis ms per frame (median, 90th percentile), frames per second of analysis,
// decoding ms per frame (median), and the stream times of the captures.
#include "core/capture/frame_analyzer.h"
#include "core/capture/frame_source.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace incidoc;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_capture_analyze VIDEO [INTERVAL_MS]\n");
        return 1;
    }
    auto source = FrameSource::open(args[1]);
    if (!source) {
        std::fprintf(stderr, "%s\n", qPrintable(source.error().message));
        return 2;
    }
    (*source)->setMinimumInterval(args.size() > 2 ? args[2].toInt() : 0);
    CaptureAnalyzer analyzer;
    std::vector<double> analysis, decoding;
    QStringList captures;
    double total = 0;
    for (;;) {
        QElapsedTimer timer;
        timer.start();
        qint64 t = 0;
        auto frame = (*source)->next(&t);
        if (!frame || !frame->has_value())
            break;
        decoding.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const FrameVerdict v = analyzer.analyze(**frame, t);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        analysis.push_back(ms);
        total += ms;
        if (v.capture)
            captures << QString::number(t);
    }
    const QSize size = (*source)->frameSize();
    std::printf("%dx%d frames %zu analysis_median_ms %.1f analysis_p90_ms %.1f analysed_per_s %.1f "
                "decode_median_ms %.1f captures_ms %s\n",
                size.width(), size.height(), analysis.size(), percentile(analysis, 0.5), percentile(analysis, 0.9),
                total > 0 ? 1000.0 * static_cast<double>(analysis.size()) / total : 0.0, percentile(decoding, 0.5),
                qPrintable(captures.isEmpty() ? QStringLiteral("-") : captures.join(QLatin1Char(','))));
    return 0;
}
