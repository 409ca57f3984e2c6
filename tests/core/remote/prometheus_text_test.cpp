// Prometheus' text format as the worker writes it: escaping, numbers, histograms; and the strict reader
// the metrics tests use, which must refuse what the format does not allow (or those tests prove nothing).
#include "core/remote/prometheus_text.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "tests/support/prometheus_scrape.h"
#include "tests/support/qt_printers.h"

using namespace incidoc;
using namespace incidoc::remote;
using incidoc::test::parseExposition;

TEST(PrometheusText, FamiliesAndLabelsReadBackExactly)
{
    PrometheusText out;
    out.family("demo_requests_total", PrometheusText::Type::Counter, "Requests.\nSecond line with a \\ backslash.");
    out.sample({{"engine", QStringLiteral("tesseract")}, {"reason", QStringLiteral("a \"quoted\" \\ value\nnext")}}, 3);
    out.sample({{"engine", QStringLiteral("ppocr")}, {"reason", QStringLiteral("é 中文")}}, 0);
    out.family("demo_queue", PrometheusText::Type::Gauge, "Waiting.");
    out.sample({}, 2.5);
    const QByteArray text = out.text();
    EXPECT_TRUE(text.contains("reason=\"a \\\"quoted\\\" \\\\ value\\nnext\"")) << text.constData();
    EXPECT_TRUE(text.contains("# HELP demo_requests_total Requests.\\nSecond line with a \\\\ backslash.\n"));

    QString error;
    const auto parsed = parseExposition(text, &error);
    ASSERT_TRUE(parsed) << error << "\n" << text.constData();
    const auto& requests = parsed->families.at("demo_requests_total");
    EXPECT_EQ(requests.type, "counter");
    EXPECT_EQ(requests.help, "Requests.\nSecond line with a \\ backslash.");
    EXPECT_EQ(
        parsed->value("demo_requests_total", {{"engine", "tesseract"}, {"reason", "a \"quoted\" \\ value\nnext"}}),
        3.0);
    EXPECT_EQ(parsed->value("demo_requests_total", {{"engine", "ppocr"}, {"reason", "é 中文"}}), 0.0);
    EXPECT_EQ(parsed->value("demo_queue"), 2.5);
}

TEST(PrometheusText, NumbersAreShortestExactForms)
{
    EXPECT_EQ(PrometheusText::number(0.1), "0.1");
    EXPECT_EQ(PrometheusText::number(3), "3");
    EXPECT_EQ(PrometheusText::number(1796463007.913), "1796463007.913");
    EXPECT_EQ(PrometheusText::number(1e300), "1e+300");
    EXPECT_EQ(PrometheusText::number(HUGE_VAL), "+Inf");
    EXPECT_EQ(PrometheusText::number(-HUGE_VAL), "-Inf");
    EXPECT_EQ(PrometheusText::number(std::nan("")), "NaN");
    EXPECT_EQ(PrometheusText::number(9007199254740992.0), "9007199254740992"); // 2^53: counters stay exact
}

TEST(PrometheusText, HistogramBucketsAreCumulativeAndEndInInf)
{
    PrometheusText out;
    out.family("demo_duration_seconds", PrometheusText::Type::Histogram, "How long.");
    const std::array<double, 3> bounds{0.5, 1, 2};
    const std::array<long long, 4> counts{1, 0, 2, 4}; // 4 above 2 s
    out.histogram({{"engine", QStringLiteral("tesseract")}}, bounds, counts, 12.25);
    QString error;
    const auto parsed = parseExposition(out.text(), &error);
    ASSERT_TRUE(parsed) << error << "\n" << out.text().constData();
    const std::map<std::string, std::string> e{{"engine", "tesseract"}};
    auto bucket = [&](const char* le) {
        auto labels = e;
        labels["le"] = le;
        return parsed->value("demo_duration_seconds_bucket", labels);
    };
    EXPECT_EQ(bucket("0.5"), 1.0);
    EXPECT_EQ(bucket("1"), 1.0);
    EXPECT_EQ(bucket("2"), 3.0);
    EXPECT_EQ(bucket("+Inf"), 7.0);
    EXPECT_EQ(parsed->value("demo_duration_seconds_count", e), 7.0);
    EXPECT_EQ(parsed->value("demo_duration_seconds_sum", e), 12.25);
    EXPECT_EQ(parsed->families.at("demo_duration_seconds").samples.size(), 6u);
}

TEST(PrometheusText, TheStrictReaderRefusesMalformedText)
{
    const char* good = "# HELP a_total A.\n# TYPE a_total counter\na_total 1\n";
    QString error;
    ASSERT_TRUE(parseExposition(good, &error)) << error;
    const std::vector<std::pair<const char*, const char*>> bad{
        {"a_total 1\n", "no HELP/TYPE"},
        {"# TYPE a_total counter\na_total 1\n", "no HELP"},
        {"# HELP a_total A.\na_total 1\n", "no TYPE"},
        {"# HELP a_total A.\n# TYPE a_total counter\na_total 1", "no final newline"},
        {"# HELP a A.\n# TYPE a counter\na 1\n", "counter without _total"},
        {"# HELP a_total A.\n# TYPE a_total counter\na_total -1\n", "negative counter"},
        {"# HELP g G.\n# TYPE g gauge\ng one\n", "value not a number"},
        {"# HELP g G.\n# TYPE g gauge\ng{x=\"1\"} 1\ng{x=\"1\"} 2\n", "series twice"},
        {"# HELP g G.\n# TYPE g gauge\ng{x=1} 1\n", "unquoted label"},
        {"# HELP g G.\n# TYPE g gauge\ng{x=\"a\\t\"} 1\n", "bad escape"},
        {"# HELP g G.\n# TYPE g gauge\ng{1x=\"a\"} 1\n", "bad label name"},
        {"# HELP g G.\n# TYPE g gauge\ng  1\n", "two spaces"},
        {"# HELP g G.\n# TYPE g gauge\nh 1\n", "sample of another family"},
        {"# HELP g G.\n# TYPE g gauge\ng 1\n# HELP h H.\n# TYPE h gauge\nh 1\n# HELP g G.\n", "family split"},
        {"# HELP g G.\n# TYPE g gaugee\ng 1\n", "unknown type"},
        {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
         "buckets not cumulative"},
        {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "no +Inf bucket"},
        {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\n"
         "h_sum 1\nh_count 1\n",
         "le not increasing"},
        {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n", "_count differs"},
        {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "no _sum"},
        {"# HELP h H.\n# TYPE h histogram\nh 1\n", "histogram sample without suffix"},
    };
    for (const auto& [text, why] : bad)
        EXPECT_FALSE(parseExposition(text, &error)) << why;
}
